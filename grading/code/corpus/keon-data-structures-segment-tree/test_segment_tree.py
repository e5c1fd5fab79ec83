import unittest
from solution import SegmentTree


class TestSegmentTree(unittest.TestCase):
    def test_max_query(self):
        tree = SegmentTree([2, 4, 5, 3, 4], max)
        self.assertEqual(tree.query(2, 4), 5)

    def test_sum_query(self):
        tree = SegmentTree([1, 2, 3, 4, 5], lambda a, b: a + b)
        self.assertEqual(tree.query(0, 4), 15)

    def test_single_element_query(self):
        tree = SegmentTree([7, 2, 9], max)
        self.assertEqual(tree.query(0, 0), 7)
        self.assertEqual(tree.query(2, 2), 9)

    def test_full_range_max(self):
        arr = [3, 1, 4, 1, 5, 9, 2, 6]
        tree = SegmentTree(arr, max)
        self.assertEqual(tree.query(0, len(arr) - 1), 9)
