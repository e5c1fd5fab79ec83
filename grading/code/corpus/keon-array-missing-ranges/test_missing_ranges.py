import unittest
from solution import missing_ranges


class TestMissingRanges(unittest.TestCase):
    def test_missing_ranges(self):

        arr = [3, 5, 10, 11, 12, 15, 19]

        self.assertListEqual(
            missing_ranges(arr, 0, 20),
            [(0, 2), (4, 4), (6, 9), (13, 14), (16, 18), (20, 20)],
        )

        self.assertListEqual(
            missing_ranges(arr, 6, 100), [(6, 9), (13, 14), (16, 18), (20, 100)]
        )
