import unittest
from solution import find_k_factor


class TestDpKFactor(unittest.TestCase):
    def test_kfactor(self):
        # Test 1
        n1 = 4
        k1 = 1
        self.assertEqual(find_k_factor(n1, k1), 1)

        # Test 2
        n2 = 7
        k2 = 1
        self.assertEqual(find_k_factor(n2, k2), 70302)

        # Test 3
        n3 = 10
        k3 = 2
        self.assertEqual(find_k_factor(n3, k3), 74357)

        # Test 4
        n4 = 8
        k4 = 2
        self.assertEqual(find_k_factor(n4, k4), 53)

        # Test 5
        n5 = 9
        k5 = 1
        self.assertEqual(find_k_factor(n5, k5), 71284044)
