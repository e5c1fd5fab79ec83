import unittest
from solution import word_squares


class TestWordSquares(unittest.TestCase):
    """[summary]
    Test for the file word_squares.py

    Arguments:
        unittest {[type]} -- [description]
    """

    def test_word_squares(self):
        self.assertEqual(
            [["wall", "area", "lead", "lady"], ["ball", "area", "lead", "lady"]],
            word_squares(["area", "lead", "wall", "lady", "ball"]),
        )
