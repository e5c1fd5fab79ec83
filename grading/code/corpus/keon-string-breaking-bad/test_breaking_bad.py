import unittest
from solution import bracket, match_symbol, match_symbol_1


class TestBreakingBad(unittest.TestCase):
    """[summary]
    Test for the file breaking_bad.py

    Arguments:
        unittest {[type]} -- [description]
    """

    def setUp(self):
        self.words = ["Amazon", "Microsoft", "Google"]
        self.symbols = ["i", "Am", "cro", "le", "abc"]
        self.result = ["M[i]crosoft", "[Am]azon", "Mi[cro]soft", "Goog[le]"]

    def test_match_symbol(self):
        self.assertEqual(self.result, match_symbol(self.words, self.symbols))

    def test_match_symbol_1(self):
        self.assertEqual(
            ["[Am]azon", "Mi[cro]soft", "Goog[le]"],
            match_symbol_1(self.words, self.symbols),
        )

    def test_bracket(self):
        self.assertEqual(
            ("[Am]azon", "Mi[cro]soft", "Goog[le]"), bracket(self.words, self.symbols)
        )
        self.assertEqual(
            ("Amazon", "Microsoft", "Google"),
            bracket(self.words, ["thisshouldnotmatch"]),
        )
        self.assertEqual(
            ("Amazon", "M[i]crosoft", "Google"), bracket(self.words, ["i", "i"])
        )
