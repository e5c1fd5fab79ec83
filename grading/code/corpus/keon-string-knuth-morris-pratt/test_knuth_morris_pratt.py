import unittest
from solution import knuth_morris_pratt


class TestKnuthMorrisPratt(unittest.TestCase):
    """[summary]
    Test for the file knuth_morris_pratt.py


    Arguments:
        unittest {[type]} -- [description]
    """

    def test_knuth_morris_pratt(self):
        self.assertEqual([0, 1, 2, 3, 4], knuth_morris_pratt("aaaaaaa", "aaa"))
        self.assertEqual([0, 4], knuth_morris_pratt("abcdabc", "abc"))
        self.assertEqual([], knuth_morris_pratt("aabcdaab", "aba"))
        self.assertEqual([0, 4], knuth_morris_pratt([0, 0, 1, 1, 0, 0, 1, 0], [0, 0]))
