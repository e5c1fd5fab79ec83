import unittest
from solution import get_factors, recursive_get_factors


class TestFactorCombinations(unittest.TestCase):
    def test_get_factors(self):
        target1 = 32
        answer1 = [[2, 16], [2, 2, 8], [2, 2, 2, 4], [2, 2, 2, 2, 2], [2, 4, 4], [4, 8]]
        self.assertEqual(sorted(get_factors(target1)), sorted(answer1))

        target2 = 12
        answer2 = [[2, 6], [2, 2, 3], [3, 4]]
        self.assertEqual(sorted(get_factors(target2)), sorted(answer2))
        self.assertEqual(sorted(get_factors(1)), [])
        self.assertEqual(sorted(get_factors(37)), [])

    def test_recursive_get_factors(self):
        target1 = 32
        answer1 = [[2, 16], [2, 2, 8], [2, 2, 2, 4], [2, 2, 2, 2, 2], [2, 4, 4], [4, 8]]
        self.assertEqual(sorted(recursive_get_factors(target1)), sorted(answer1))

        target2 = 12
        answer2 = [[2, 6], [2, 2, 3], [3, 4]]
        self.assertEqual(sorted(recursive_get_factors(target2)), sorted(answer2))
        self.assertEqual(sorted(recursive_get_factors(1)), [])
        self.assertEqual(sorted(recursive_get_factors(37)), [])
