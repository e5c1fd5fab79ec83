import unittest
from solution import move_zeros


class TestMoveZeros(unittest.TestCase):
    def test_move_zeros(self):

        self.assertListEqual(
            move_zeros([False, 1, 0, 1, 2, 0, 1, 3, "a"]),
            [False, 1, 1, 2, 1, 3, "a", 0, 0],
        )

        self.assertListEqual(
            move_zeros([0, 34, "rahul", [], None, 0, True, 0]),
            [34, "rahul", [], None, True, 0, 0, 0],
        )
