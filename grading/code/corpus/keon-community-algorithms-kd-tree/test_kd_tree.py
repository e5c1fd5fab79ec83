import unittest
from solution import KDTree


class TestKdTree(unittest.TestCase):
    def test_nearest_basic(self):
        points = [(2, 3), (5, 4), (9, 6), (4, 7), (8, 1), (7, 2)]
        tree = KDTree(points)
        self.assertEqual(tree.nearest((9, 2)), (8, 1))

    def test_nearest_exact(self):
        points = [(1, 1), (2, 2), (3, 3)]
        tree = KDTree(points)
        self.assertEqual(tree.nearest((2, 2)), (2, 2))

    def test_nearest_3d(self):
        points = [(0, 0, 0), (1, 1, 1), (2, 2, 2)]
        tree = KDTree(points)
        self.assertEqual(tree.nearest((1, 1, 0)), (1, 1, 1))

    def test_single_point(self):
        tree = KDTree([(5, 5)])
        self.assertEqual(tree.nearest((0, 0)), (5, 5))
