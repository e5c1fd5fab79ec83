import unittest
from solution import longest_palindrome


class TestLongestPalindromicSubstring(unittest.TestCase):
    """[summary]
    Test for the file longest_palindromic_substring.py
    Arguments:
        unittest {[type]} -- [description]
    """

    def test_longest_palindromic_substring(self):
        self.assertEqual("bb", longest_palindrome("cbbd"))
        self.assertEqual("abba", longest_palindrome("abba"))
        self.assertEqual("asdadsa", longest_palindrome("dasdasdasdasdasdadsa"))
        self.assertEqual("abba", longest_palindrome("cabba"))
