import unittest
from solution import exponential_search


class TestExponentialSearch(unittest.TestCase):
    def test_found(self):
        arr = [1, 3, 5, 7, 9, 11, 13, 15]
        self.assertEqual(exponential_search(arr, 7), 3)

    def test_first_element(self):
        self.assertEqual(exponential_search([1, 2, 3], 1), 0)

    def test_last_element(self):
        self.assertEqual(exponential_search([1, 2, 3], 3), 2)

    def test_not_found(self):
        self.assertEqual(exponential_search([1, 2, 3], 4), -1)

    def test_empty(self):
        self.assertEqual(exponential_search([], 1), -1)

    def test_single_element_found(self):
        self.assertEqual(exponential_search([42], 42), 0)

    def test_single_element_not_found(self):
        self.assertEqual(exponential_search([42], 99), -1)
