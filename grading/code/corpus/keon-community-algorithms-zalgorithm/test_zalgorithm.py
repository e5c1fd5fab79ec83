import unittest
from solution import compute_z_array, z_search


class TestZAlgorithm(unittest.TestCase):
    def test_z_array_basic(self):
        z = compute_z_array("aabxaa")
        self.assertEqual(z[0], 6)
        self.assertEqual(z[1], 1)
        self.assertEqual(z[4], 2)

    def test_z_search_found(self):
        self.assertEqual(z_search("abxabcabcaby", "abcaby"), [6])

    def test_z_search_multiple(self):
        self.assertEqual(z_search("aaaa", "aa"), [0, 1, 2])

    def test_z_search_not_found(self):
        self.assertEqual(z_search("hello", "xyz"), [])

    def test_z_search_empty(self):
        self.assertEqual(z_search("abc", ""), [])
        self.assertEqual(z_search("", "abc"), [])

    def test_z_array_empty(self):
        self.assertEqual(compute_z_array(""), [])
