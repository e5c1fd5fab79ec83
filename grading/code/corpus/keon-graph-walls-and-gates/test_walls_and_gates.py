import unittest
from solution import walls_and_gates


class TestWallsAndGates(unittest.TestCase):
    def test_walls_and_gates(self):
        rooms = [
            [float("inf"), -1, 0, float("inf")],
            [float("inf"), float("inf"), float("inf"), -1],
            [float("inf"), -1, float("inf"), -1],
            [0, -1, float("inf"), float("inf")],
        ]
        walls_and_gates(rooms)
        self.assertEqual(
            [[3, -1, 0, 1], [2, 2, 1, -1], [1, -1, 2, -1], [0, -1, 3, 4]], rooms
        )
