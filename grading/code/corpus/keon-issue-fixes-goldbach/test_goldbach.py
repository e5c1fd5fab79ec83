import unittest
from solution import goldbach, verify_goldbach


class TestGoldbach(unittest.TestCase):
    """Tests for Goldbach's conjecture decomposition."""

    def test_small_even(self):
        self.assertEqual(goldbach(4), (2, 2))

    def test_goldbach_28(self):
        p, q = goldbach(28)
        self.assertEqual(p + q, 28)
        self.assertTrue(p <= q)

    def test_goldbach_100(self):
        p, q = goldbach(100)
        self.assertEqual(p + q, 100)

    def test_goldbach_large(self):
        p, q = goldbach(1000)
        self.assertEqual(p + q, 1000)

    def test_odd_raises(self):
        with self.assertRaises(ValueError):
            goldbach(7)

    def test_two_raises(self):
        with self.assertRaises(ValueError):
            goldbach(2)

    def test_negative_raises(self):
        with self.assertRaises(ValueError):
            goldbach(-4)

    def test_verify_range(self):
        self.assertTrue(verify_goldbach(200))
