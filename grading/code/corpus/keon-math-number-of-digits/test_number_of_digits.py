import unittest
from solution import num_digits


class TestNumberOfDigits(unittest.TestCase):
    """[summary]
    Test for the file num_digits.py

    Arguments:
        unittest {[type]} -- [description]
    """

    def test_num_digits(self):
        self.assertEqual(2, num_digits(12))
        self.assertEqual(5, num_digits(99999))
        self.assertEqual(1, num_digits(8))
        self.assertEqual(1, num_digits(0))
        self.assertEqual(1, num_digits(-5))
        self.assertEqual(3, num_digits(-254))
