import unittest
from solution import linear_regression, r_squared, rmse


class TestLinearRegression(unittest.TestCase):
    def test_basic_fit(self):
        x = [1, 2, 3, 4, 5]
        y = [2, 4, 5, 4, 5]
        m, b = linear_regression(x, y)
        self.assertAlmostEqual(m, 0.6)
        self.assertAlmostEqual(b, 2.2)

    def test_perfect_line(self):
        x = [0, 1, 2, 3]
        y = [0, 2, 4, 6]
        m, b = linear_regression(x, y)
        self.assertAlmostEqual(m, 2.0)
        self.assertAlmostEqual(b, 0.0)

    def test_r_squared_perfect(self):
        x = [0, 1, 2, 3]
        y = [0, 2, 4, 6]
        self.assertAlmostEqual(r_squared(x, y), 1.0)

    def test_rmse_perfect(self):
        x = [0, 1, 2, 3]
        y = [0, 2, 4, 6]
        self.assertAlmostEqual(rmse(x, y), 0.0)

    def test_rmse_nonperfect(self):
        x = [1, 2, 3, 4, 5]
        y = [2, 4, 5, 4, 5]
        self.assertGreater(rmse(x, y), 0)

    def test_too_few_points(self):
        with self.assertRaises(ValueError):
            linear_regression([1], [2])
