import unittest
from solution import SqrtDecomposition


class TestSqrtDecomposition(unittest.TestCase):
    """Tests for square root decomposition range queries."""

    def test_full_range_sum(self):
        sd = SqrtDecomposition([1, 2, 3, 4, 5, 6, 7, 8, 9])
        self.assertEqual(sd.query(0, 8), 45)

    def test_partial_range(self):
        sd = SqrtDecomposition([1, 2, 3, 4, 5, 6, 7, 8, 9])
        self.assertEqual(sd.query(2, 5), 18)  # 3+4+5+6

    def test_single_element(self):
        sd = SqrtDecomposition([10, 20, 30])
        self.assertEqual(sd.query(1, 1), 20)

    def test_update(self):
        sd = SqrtDecomposition([1, 2, 3, 4, 5])
        sd.update(2, 10)
        self.assertEqual(sd.query(0, 4), 22)  # 1+2+10+4+5

    def test_update_full_range(self):
        sd = SqrtDecomposition([1, 2, 3, 4, 5, 6, 7, 8, 9])
        sd.update(4, 10)
        self.assertEqual(sd.query(0, 8), 50)

    def test_multiple_updates(self):
        sd = SqrtDecomposition([1, 1, 1, 1, 1])
        sd.update(0, 5)
        sd.update(4, 5)
        self.assertEqual(sd.query(0, 4), 13)  # 5+1+1+1+5

    def test_out_of_range_update(self):
        sd = SqrtDecomposition([1, 2, 3])
        with self.assertRaises(IndexError):
            sd.update(5, 10)

    def test_invalid_query(self):
        sd = SqrtDecomposition([1, 2, 3])
        with self.assertRaises(IndexError):
            sd.query(0, 5)

    def test_small_array(self):
        sd = SqrtDecomposition([42])
        self.assertEqual(sd.query(0, 0), 42)
        sd.update(0, 100)
        self.assertEqual(sd.query(0, 0), 100)

    def test_larger_array(self):
        arr = list(range(1, 101))  # 1..100
        sd = SqrtDecomposition(arr)
        self.assertEqual(sd.query(0, 99), 5050)
        self.assertEqual(sd.query(0, 9), 55)  # 1+2+...+10
