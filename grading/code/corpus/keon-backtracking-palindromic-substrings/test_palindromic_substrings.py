import unittest
from solution import palindromic_substrings


class TestPalindromicSubstrings(unittest.TestCase):
    def test_palindromic_substrings(self):
        string1 = "abc"
        answer1 = [["a", "b", "c"]]
        self.assertEqual(palindromic_substrings(string1), sorted(answer1))

        string2 = "abcba"
        answer2 = [["abcba"], ["a", "bcb", "a"], ["a", "b", "c", "b", "a"]]
        self.assertEqual(sorted(palindromic_substrings(string2)), sorted(answer2))

        string3 = "abcccba"
        answer3 = [
            ["abcccba"],
            ["a", "bcccb", "a"],
            ["a", "b", "ccc", "b", "a"],
            ["a", "b", "cc", "c", "b", "a"],
            ["a", "b", "c", "cc", "b", "a"],
            ["a", "b", "c", "c", "c", "b", "a"],
        ]
        self.assertEqual(sorted(palindromic_substrings(string3)), sorted(answer3))
