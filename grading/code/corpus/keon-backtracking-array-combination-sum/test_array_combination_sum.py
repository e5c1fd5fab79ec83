import unittest
from solution import array_sum_combinations, unique_array_sum_combinations


class TestArrayCombinationSum(unittest.TestCase):
    def test_array_sum_combinations(self):
        a = [1, 2, 3, 3]
        b = [2, 3, 3, 4]
        c = [2, 3, 3, 4]
        target = 7
        answer = [
            [1, 2, 4],
            [1, 3, 3],
            [1, 3, 3],
            [1, 3, 3],
            [1, 3, 3],
            [1, 4, 2],
            [2, 2, 3],
            [2, 2, 3],
            [2, 3, 2],
            [2, 3, 2],
            [3, 2, 2],
            [3, 2, 2],
        ]
        answer.sort()
        self.assertListEqual(sorted(array_sum_combinations(a, b, c, target)), answer)

    def test_unique_array_sum_combinations(self):
        a = [1, 2, 3, 3]
        b = [2, 3, 3, 4]
        c = [2, 3, 3, 4]
        target = 7
        answer = [(2, 3, 2), (3, 2, 2), (1, 2, 4), (1, 4, 2), (2, 2, 3), (1, 3, 3)]
        answer.sort()
        self.assertListEqual(
            sorted(unique_array_sum_combinations(a, b, c, target)), answer
        )
