import unittest
from solution import one_sparse


class TestOneSparse(unittest.TestCase):
    def test_one_sparse_correct(self):
        self.assertEqual(
            4, one_sparse([(4, "+"), (2, "+"), (2, "-"), (4, "+"), (3, "+"), (3, "-")])
        )
        self.assertEqual(
            2,
            one_sparse(
                [(2, "+"), (2, "+"), (2, "+"), (2, "+"), (2, "+"), (2, "+"), (2, "+")]
            ),
        )

    def test_one_sparse_incorrect(self):
        self.assertEqual(
            None,
            one_sparse(
                [(2, "+"), (2, "+"), (2, "+"), (2, "+"), (2, "+"), (2, "+"), (1, "+")]
            ),
        )  # Two values remaining
        self.assertEqual(
            None,
            one_sparse(
                [
                    (2, "+"),
                    (2, "+"),
                    (2, "+"),
                    (2, "+"),
                    (2, "-"),
                    (2, "-"),
                    (2, "-"),
                    (2, "-"),
                ]
            ),
        )  # No values remaining
        # Bitsum sum of sign is inccorect
        self.assertEqual(None, one_sparse([(2, "+"), (2, "+"), (4, "+"), (4, "+")]))
