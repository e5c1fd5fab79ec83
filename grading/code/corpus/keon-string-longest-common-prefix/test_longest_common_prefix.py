import unittest
from solution import longest_common_prefix_v1, longest_common_prefix_v2, longest_common_prefix_v3


class TestLongestCommonPrefix(unittest.TestCase):
    def test_longest_common_prefix(self):
        # Test first solution
        self.assertEqual("fl", longest_common_prefix_v1(["flower", "flow", "flight"]))
        self.assertEqual("", longest_common_prefix_v1(["dog", "racecar", "car"]))
        # Test second solution
        self.assertEqual("fl", longest_common_prefix_v2(["flower", "flow", "flight"]))
        self.assertEqual("", longest_common_prefix_v2(["dog", "racecar", "car"]))
        # Test third solution
        self.assertEqual("fl", longest_common_prefix_v3(["flower", "flow", "flight"]))
        self.assertEqual("", longest_common_prefix_v3(["dog", "racecar", "car"]))
