import unittest
from solution import minimax


class TestMinimax(unittest.TestCase):
    def test_depth_2(self):
        # max(min(3,5), min(2,9)) = max(3,2) = 3
        self.assertEqual(minimax(2, True, [3, 5, 2, 9]), 3)

    def test_depth_3(self):
        self.assertEqual(minimax(3, True, [3, 5, 2, 9, 12, 5, 23, 23]), 12)

    def test_single_leaf(self):
        self.assertEqual(minimax(0, True, [42]), 42)

    def test_minimizing(self):
        self.assertEqual(minimax(1, False, [3, 5]), 3)
