import unittest
from solution import manacher


class TestManacher(unittest.TestCase):
    def test_odd_palindrome(self):
        result = manacher("babad")
        self.assertIn(result, ("bab", "aba"))

    def test_even_palindrome(self):
        self.assertEqual(manacher("cbbd"), "bb")

    def test_single_char(self):
        self.assertEqual(manacher("a"), "a")

    def test_full_palindrome(self):
        self.assertEqual(manacher("racecar"), "racecar")

    def test_empty(self):
        self.assertEqual(manacher(""), "")

    def test_all_same(self):
        self.assertEqual(manacher("aaaa"), "aaaa")
