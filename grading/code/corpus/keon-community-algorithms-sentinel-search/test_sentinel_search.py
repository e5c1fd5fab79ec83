import unittest
from solution import sentinel_search


class TestSentinelSearch(unittest.TestCase):
    def test_found(self):
        arr = [4, 2, 7, 1, 9]
        self.assertEqual(sentinel_search(arr, 7), 2)

    def test_last_element(self):
        arr = [4, 2, 7, 1, 9]
        self.assertEqual(sentinel_search(arr, 9), 4)

    def test_not_found(self):
        arr = [4, 2, 7, 1, 9]
        self.assertEqual(sentinel_search(arr, 5), -1)

    def test_empty(self):
        self.assertEqual(sentinel_search([], 1), -1)

    def test_restores_array(self):
        arr = [1, 2, 3]
        sentinel_search(arr, 99)
        self.assertEqual(arr, [1, 2, 3])
