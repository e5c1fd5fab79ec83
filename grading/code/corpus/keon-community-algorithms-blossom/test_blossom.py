import unittest
from solution import max_matching


class TestBlossom(unittest.TestCase):
    def test_path_graph(self):
        # Path: 0-1-2-3 → max matching has 2 edges
        matching = max_matching(4, [(0, 1), (1, 2), (2, 3)])
        self.assertEqual(len(matching), 2)

    def test_triangle(self):
        # Triangle: 0-1-2 → max matching has 1 edge
        matching = max_matching(3, [(0, 1), (1, 2), (0, 2)])
        self.assertEqual(len(matching), 1)

    def test_empty_graph(self):
        matching = max_matching(3, [])
        self.assertEqual(len(matching), 0)

    def test_complete_4(self):
        # K4 → max matching has 2 edges
        edges = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
        matching = max_matching(4, edges)
        self.assertEqual(len(matching), 2)
