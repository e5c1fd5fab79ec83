import unittest
from solution import planting_trees


class TestPlantingTrees(unittest.TestCase):
    def test_simple(self):
        # arrange
        trees = [0, 1, 10, 10]
        length = 10
        width = 1

        # act
        res = planting_trees(trees, length, width)

        # assert
        self.assertEqual(res, 2.414213562373095)

    def test_simple2(self):
        # arrange
        trees = [0, 3, 5, 5, 6, 9]
        length = 10
        width = 1

        # act
        res = planting_trees(trees, length, width)

        # assert
        self.assertEqual(res, 9.28538328578604)
