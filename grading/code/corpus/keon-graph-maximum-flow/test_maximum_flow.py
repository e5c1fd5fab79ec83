import unittest
from solution import dinic, edmonds_karp, ford_fulkerson


class TestMaximumFlow(unittest.TestCase):
    """
    Test for the file maximum_flow.py

    Arguments:
        unittest {[type]} -- [description]
    """

    def test_ford_fulkerson(self):
        capacity = [
            [0, 10, 10, 0, 0, 0, 0],
            [0, 0, 2, 0, 4, 8, 0],
            [0, 0, 0, 0, 0, 9, 0],
            [0, 0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0, 10],
            [0, 0, 0, 0, 6, 0, 10],
            [0, 0, 0, 0, 0, 0, 0],
        ]
        self.assertEqual(19, ford_fulkerson(capacity, 0, 6))

    def test_edmonds_karp(self):
        capacity = [
            [0, 10, 10, 0, 0, 0, 0],
            [0, 0, 2, 0, 4, 8, 0],
            [0, 0, 0, 0, 0, 9, 0],
            [0, 0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0, 10],
            [0, 0, 0, 0, 6, 0, 10],
            [0, 0, 0, 0, 0, 0, 0],
        ]
        self.assertEqual(19, edmonds_karp(capacity, 0, 6))

    def dinic(self):
        capacity = [
            [0, 10, 10, 0, 0, 0, 0],
            [0, 0, 2, 0, 4, 8, 0],
            [0, 0, 0, 0, 0, 9, 0],
            [0, 0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0, 10],
            [0, 0, 0, 0, 6, 0, 10],
            [0, 0, 0, 0, 0, 0, 0],
        ]
        self.assertEqual(19, dinic(capacity, 0, 6))
