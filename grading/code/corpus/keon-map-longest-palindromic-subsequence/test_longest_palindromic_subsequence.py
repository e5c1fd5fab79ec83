import unittest
from solution import longest_palindromic_subsequence


class TestLongestPalindromicSubsequence(unittest.TestCase):
    def test_longest_palindromic_subsequence_is_correct(self):
        self.assertEqual(3, longest_palindromic_subsequence("BBABCBCAB"))
        self.assertEqual(4, longest_palindromic_subsequence("abbaeae"))
        self.assertEqual(7, longest_palindromic_subsequence("babbbababaa"))
        self.assertEqual(4, longest_palindromic_subsequence("daccandeeja"))

    def test_longest_palindromic_subsequence_is_incorrect(self):
        self.assertNotEqual(4, longest_palindromic_subsequence("BBABCBCAB"))
        self.assertNotEqual(5, longest_palindromic_subsequence("abbaeae"))
        self.assertNotEqual(2, longest_palindromic_subsequence("babbbababaa"))
        self.assertNotEqual(1, longest_palindromic_subsequence("daccandeeja"))
