import unittest
from solution import summarize_ranges


class TestSummaryRanges(unittest.TestCase):
    def test_summarize_ranges(self):

        self.assertListEqual(
            summarize_ranges([0, 1, 2, 4, 5, 7]), [(0, 2), (4, 5), (7, 7)]
        )
        self.assertListEqual(
            summarize_ranges([-5, -4, -3, 1, 2, 4, 5, 6]), [(-5, -3), (1, 2), (4, 6)]
        )
        self.assertListEqual(summarize_ranges([-2, -1, 0, 1, 2]), [(-2, 2)])
