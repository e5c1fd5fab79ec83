import unittest
from solution import can_swap_to_equal


class TestSwapCharacters(unittest.TestCase):
    def test_can_swap(self):
        self.assertTrue(can_swap_to_equal("ab", "ba"))

    def test_identical(self):
        # No differences — need exactly 2, so False
        self.assertFalse(can_swap_to_equal("ab", "ab"))

    def test_too_many_diffs(self):
        self.assertFalse(can_swap_to_equal("abc", "xyz"))

    def test_different_lengths(self):
        self.assertFalse(can_swap_to_equal("ab", "abc"))

    def test_one_diff(self):
        self.assertFalse(can_swap_to_equal("ab", "ac"))
