import unittest
from solution import top_1


class TestTop1(unittest.TestCase):
    def test_top_1(self):
        self.assertListEqual(top_1([1, 1, 2, 2, 3]), [1, 2])
        self.assertListEqual(top_1([1, 2, 3, 324, 234, 23, 23, 1, 23, 23]), [23])
