import unittest
from solution import polynomial_division


class TestPolynomialDivision(unittest.TestCase):
    def test_basic(self):
        # (x^2 - 3x + 2) / (x - 1) = (x - 2), remainder 0
        q, r = polynomial_division([1, -3, 2], [1, -1])
        self.assertEqual(q, [1.0, -2.0])
        self.assertEqual(r, [0.0])

    def test_with_remainder(self):
        # (x^2 + 1) / (x - 1) = (x + 1), remainder 2
        q, r = polynomial_division([1, 0, 1], [1, -1])
        self.assertAlmostEqual(q[0], 1.0)
        self.assertAlmostEqual(q[1], 1.0)
        self.assertAlmostEqual(r[0], 2.0)

    def test_divide_by_zero(self):
        with self.assertRaises(ZeroDivisionError):
            polynomial_division([1, 2], [0, 0])
