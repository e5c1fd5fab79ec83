import unittest
from solution import count_paths_dp, count_paths_memo, count_paths_recursive


class TestCountPathsDp(unittest.TestCase):
    def test_3x7(self):
        self.assertEqual(count_paths_dp(3, 7), 28)
        self.assertEqual(count_paths_memo(3, 7), 28)
        self.assertEqual(count_paths_recursive(3, 7), 28)

    def test_3x3(self):
        self.assertEqual(count_paths_dp(3, 3), 6)

    def test_1x1(self):
        self.assertEqual(count_paths_dp(1, 1), 1)

    def test_2x2(self):
        self.assertEqual(count_paths_dp(2, 2), 2)
