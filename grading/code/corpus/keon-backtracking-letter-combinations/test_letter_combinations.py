import unittest
from solution import letter_combinations


class TestLetterCombinations(unittest.TestCase):
    def test_letter_combinations(self):
        digit1 = "23"
        answer1 = ["ad", "ae", "af", "bd", "be", "bf", "cd", "ce", "cf"]
        self.assertEqual(sorted(letter_combinations(digit1)), sorted(answer1))

        digit2 = "34"
        answer2 = ["dg", "dh", "di", "eg", "eh", "ei", "fg", "fh", "fi"]
        self.assertEqual(sorted(letter_combinations(digit2)), sorted(answer2))
