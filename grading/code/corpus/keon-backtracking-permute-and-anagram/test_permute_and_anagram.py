import unittest
from solution import anagram, permute, permute_iter


class TestPermuteAndAnagram(unittest.TestCase):
    def test_permute(self):
        perms = ["abc", "bac", "bca", "acb", "cab", "cba"]
        self.assertEqual(perms, permute("abc"))

    def test_permute_iter(self):
        it = permute_iter("abc")
        perms = ["abc", "bac", "bca", "acb", "cab", "cba"]
        for i in range(len(perms)):
            self.assertEqual(perms[i], next(it))

    def test_angram(self):
        self.assertTrue(anagram("apple", "pleap"))
        self.assertFalse(anagram("apple", "cherry"))
