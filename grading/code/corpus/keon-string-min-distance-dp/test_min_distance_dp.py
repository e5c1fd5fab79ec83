import unittest
from solution import min_distance, min_distance_dp


class TestMinDistanceDP(unittest.TestCase):
    def test_min_distance(self):
        self.assertEqual(2, min_distance_dp("sea", "eat"))
        self.assertEqual(6, min_distance_dp("abAlgocrithmf", "Algorithmmd"))
        self.assertEqual(4, min_distance("acbbd", "aabcd"))
