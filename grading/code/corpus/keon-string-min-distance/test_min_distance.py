import unittest
from solution import min_distance


class TestMinDistance(unittest.TestCase):
    def test_min_distance(self):
        self.assertEqual(2, min_distance("sea", "eat"))
        self.assertEqual(6, min_distance("abAlgocrithmf", "Algorithmmd"))
        self.assertEqual(4, min_distance("acbbd", "aabcd"))
