import unittest
from solution import manhattan_distance


class TestManhattanDistance(unittest.TestCase):
    def test_2d(self):
        self.assertEqual(manhattan_distance((1, 2), (4, 6)), 7)

    def test_3d(self):
        self.assertEqual(manhattan_distance((0, 0, 0), (1, 2, 3)), 6)

    def test_same_point(self):
        self.assertEqual(manhattan_distance((3, 4), (3, 4)), 0)

    def test_negative(self):
        self.assertEqual(manhattan_distance((-1, -1), (1, 1)), 4)
