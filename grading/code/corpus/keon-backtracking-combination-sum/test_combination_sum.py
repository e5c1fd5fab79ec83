import unittest
from solution import combination_sum


class TestCombinationSum(unittest.TestCase):
    def check_sum(self, nums, target):
        if sum(nums) == target:
            return (True, nums)
        else:
            return (False, nums)

    def test_combination_sum(self):
        candidates1 = [2, 3, 6, 7]
        target1 = 7
        answer1 = [[2, 2, 3], [7]]
        self.assertEqual(combination_sum(candidates1, target1), answer1)

        candidates2 = [2, 3, 5]
        target2 = 8
        answer2 = [[2, 2, 2, 2], [2, 3, 3], [3, 5]]
        self.assertEqual(combination_sum(candidates2, target2), answer2)
