import unittest
from solution import reverse_words


class TestReverseWords(unittest.TestCase):
    """[summary]
    Test for the file reverse_words.py

    Arguments:
        unittest {[type]} -- [description]
    """

    def test_reverse_words(self):
        self.assertEqual(
            "pizza like I and kim keon am I",
            reverse_words("I am keon kim and I like pizza"),
        )
