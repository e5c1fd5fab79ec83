import unittest
from solution import elias_delta, elias_gamma


class TestEliasCoding(unittest.TestCase):
    def test_elias_gamma(self):
        correct_result = [
            "0",
            "00",
            "100",
            "101",
            "11000",
            "11001",
            "11010",
            "11011",
            "1110000",
            "1110001",
            "1110010",
        ]

        result = []
        for i in range(11):
            result.append(elias_gamma(i))

        self.assertEqual(correct_result, result)

    def test_elias_delta(self):
        correct_result = [
            "0",
            "000",
            "1000",
            "1001",
            "10100",
            "10101",
            "10110",
            "10111",
            "11000000",
            "11000001",
            "11000010",
        ]

        result = []
        for i in range(11):
            result.append(elias_delta(i))

        self.assertEqual(correct_result, result)
