import unittest
from solution import num_perfect_squares


class TestNumberOfPerfectSquares(unittest.TestCase):
    """[summary]
    Test for the file num_perfect_squares.py

    Arguments:
        unittest {[type]} -- [description]
    """

    def test_num_perfect_squares(self):
        self.assertEqual(4, num_perfect_squares(31))
        self.assertEqual(3, num_perfect_squares(12))
        self.assertEqual(2, num_perfect_squares(13))
        self.assertEqual(2, num_perfect_squares(10))
        self.assertEqual(4, num_perfect_squares(1500))
        self.assertEqual(2, num_perfect_squares(1548524521))
        self.assertEqual(3, num_perfect_squares(9999999993))
        self.assertEqual(1, num_perfect_squares(9))
