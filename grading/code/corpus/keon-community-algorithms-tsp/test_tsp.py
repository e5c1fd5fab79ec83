import unittest
from solution import tsp


class TestTsp(unittest.TestCase):
    def test_4_cities(self):
        dist = [
            [0, 10, 15, 20],
            [10, 0, 35, 25],
            [15, 35, 0, 30],
            [20, 25, 30, 0],
        ]
        self.assertEqual(tsp(dist), 80)

    def test_3_cities(self):
        dist = [
            [0, 1, 2],
            [1, 0, 3],
            [2, 3, 0],
        ]
        self.assertEqual(tsp(dist), 6)
