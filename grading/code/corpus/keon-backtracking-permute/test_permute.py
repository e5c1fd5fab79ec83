import unittest
from solution import permute, permute_recursive


class TestPermute(unittest.TestCase):
    def test_permute(self):
        nums1 = [1, 2, 3, 4]
        answer1 = [
            [1, 2, 3, 4],
            [2, 1, 3, 4],
            [2, 3, 1, 4],
            [2, 3, 4, 1],
            [1, 3, 2, 4],
            [3, 1, 2, 4],
            [3, 2, 1, 4],
            [3, 2, 4, 1],
            [1, 3, 4, 2],
            [3, 1, 4, 2],
            [3, 4, 1, 2],
            [3, 4, 2, 1],
            [1, 2, 4, 3],
            [2, 1, 4, 3],
            [2, 4, 1, 3],
            [2, 4, 3, 1],
            [1, 4, 2, 3],
            [4, 1, 2, 3],
            [4, 2, 1, 3],
            [4, 2, 3, 1],
            [1, 4, 3, 2],
            [4, 1, 3, 2],
            [4, 3, 1, 2],
            [4, 3, 2, 1],
        ]
        self.assertEqual(sorted(permute(nums1)), sorted(answer1))

        nums2 = [1, 2, 3]
        answer2 = [[3, 2, 1], [2, 3, 1], [2, 1, 3], [3, 1, 2], [1, 3, 2], [1, 2, 3]]
        self.assertEqual(sorted(permute(nums2)), sorted(answer2))

    def test_permute_recursive(self):
        nums1 = [1, 2, 3, 4]
        answer1 = [
            [1, 2, 3, 4],
            [2, 1, 3, 4],
            [2, 3, 1, 4],
            [2, 3, 4, 1],
            [1, 3, 2, 4],
            [3, 1, 2, 4],
            [3, 2, 1, 4],
            [3, 2, 4, 1],
            [1, 3, 4, 2],
            [3, 1, 4, 2],
            [3, 4, 1, 2],
            [3, 4, 2, 1],
            [1, 2, 4, 3],
            [2, 1, 4, 3],
            [2, 4, 1, 3],
            [2, 4, 3, 1],
            [1, 4, 2, 3],
            [4, 1, 2, 3],
            [4, 2, 1, 3],
            [4, 2, 3, 1],
            [1, 4, 3, 2],
            [4, 1, 3, 2],
            [4, 3, 1, 2],
            [4, 3, 2, 1],
        ]
        self.assertEqual(sorted(permute_recursive(nums1)), sorted(answer1))

        nums2 = [1, 2, 3]
        answer2 = [[3, 2, 1], [2, 3, 1], [2, 1, 3], [3, 1, 2], [1, 3, 2], [1, 2, 3]]
        self.assertEqual(sorted(permute_recursive(nums2)), sorted(answer2))
