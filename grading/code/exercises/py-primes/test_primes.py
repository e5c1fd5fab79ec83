import unittest
from solution import is_prime, primes_below


class TestIsPrime(unittest.TestCase):
    def test_small_primes(self):
        for p in (2, 3, 5, 7, 11, 13):
            self.assertTrue(is_prime(p), p)

    def test_composites(self):
        for c in (4, 6, 8, 9, 15, 21, 25):
            self.assertFalse(is_prime(c), c)

    def test_large_prime(self):
        self.assertTrue(is_prime(7919))


class TestPrimesBelow(unittest.TestCase):
    def test_below_twenty(self):
        self.assertEqual(primes_below(20), [2, 3, 5, 7, 11, 13, 17, 19])

    def test_below_two(self):
        self.assertEqual(primes_below(2), [])
