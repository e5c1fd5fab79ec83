import unittest
from solution import magic_number


class TestMagicNumber(unittest.TestCase):
    """[summary]
    Test for the file find_order_simple.py

    Arguments:
        unittest {[type]} -- [description]
    """

    def test_magic_number(self):
        self.assertTrue(magic_number(50113))
        self.assertTrue(magic_number(1234))
        self.assertTrue(magic_number(100))
        self.assertTrue(magic_number(199))
        self.assertFalse(magic_number(2000))
        self.assertFalse(magic_number(500000))
