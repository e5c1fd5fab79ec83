import unittest
from solution import subsets_unique


class TestSubsetsUnique(unittest.TestCase):
    def test_subsets_unique(self):
        nums1 = [1, 2, 2]
        answer1 = [(1, 2), (1,), (1, 2, 2), (2,), (), (2, 2)]
        self.assertEqual(sorted(subsets_unique(nums1)), sorted(answer1))

        nums2 = [1, 2, 3, 4]
        answer2 = [
            (1, 2),
            (1, 3),
            (1, 2, 3, 4),
            (1,),
            (2,),
            (3,),
            (1, 4),
            (1, 2, 3),
            (4,),
            (),
            (2, 3),
            (1, 2, 4),
            (1, 3, 4),
            (2, 3, 4),
            (3, 4),
            (2, 4),
        ]
        self.assertEqual(sorted(subsets_unique(nums2)), sorted(answer2))
