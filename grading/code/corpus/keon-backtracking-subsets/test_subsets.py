import unittest
from solution import subsets, subsets_v2


class TestSubsets(unittest.TestCase):
    def test_subsets(self):
        nums1 = [1, 2, 3]
        answer1 = [[1, 2, 3], [1, 2], [1, 3], [1], [2, 3], [2], [3], []]
        self.assertEqual(sorted(subsets(nums1)), sorted(answer1))

        nums2 = [1, 2, 3, 4]
        answer2 = [
            [1, 2, 3, 4],
            [1, 2, 3],
            [1, 2, 4],
            [1, 2],
            [1, 3, 4],
            [1, 3],
            [1, 4],
            [1],
            [2, 3, 4],
            [2, 3],
            [2, 4],
            [2],
            [3, 4],
            [3],
            [4],
            [],
        ]
        self.assertEqual(sorted(subsets(nums2)), sorted(answer2))

    def test_subsets_v2(self):
        nums1 = [1, 2, 3]
        answer1 = [[1, 2, 3], [1, 2], [1, 3], [1], [2, 3], [2], [3], []]
        self.assertEqual(sorted(subsets_v2(nums1)), sorted(answer1))

        nums2 = [1, 2, 3, 4]
        answer2 = [
            [1, 2, 3, 4],
            [1, 2, 3],
            [1, 2, 4],
            [1, 2],
            [1, 3, 4],
            [1, 3],
            [1, 4],
            [1],
            [2, 3, 4],
            [2, 3],
            [2, 4],
            [2],
            [3, 4],
            [3],
            [4],
            [],
        ]
        self.assertEqual(sorted(subsets_v2(nums2)), sorted(answer2))
