import unittest
from solution import dijkstra


class TestDijkstraHeapq(unittest.TestCase):
    """Tests for the heap-based Dijkstra implementation."""

    def setUp(self):
        self.graph = {
            "s": {"a": 2, "b": 1},
            "a": {"s": 3, "b": 4, "c": 8},
            "b": {"s": 4, "a": 2, "d": 2},
            "c": {"a": 2, "d": 7, "t": 4},
            "d": {"b": 1, "c": 11, "t": 5},
            "t": {"c": 3, "d": 5},
        }

    def test_shortest_path(self):
        dist, path = dijkstra(self.graph, "s", "t")
        self.assertEqual(dist, 8)
        self.assertEqual(path, ["s", "b", "d", "t"])

    def test_same_source_and_target(self):
        dist, path = dijkstra(self.graph, "s", "s")
        self.assertEqual(dist, 0)
        self.assertEqual(path, ["s"])

    def test_direct_neighbor(self):
        dist, path = dijkstra(self.graph, "s", "b")
        self.assertEqual(dist, 1)
        self.assertEqual(path, ["s", "b"])

    def test_unreachable_target(self):
        graph = {"a": {"b": 1}, "b": {}, "c": {}}
        dist, path = dijkstra(graph, "a", "c")
        self.assertEqual(dist, float("inf"))
        self.assertEqual(path, [])

    def test_single_node(self):
        graph = {"a": {}}
        dist, path = dijkstra(graph, "a", "a")
        self.assertEqual(dist, 0)
        self.assertEqual(path, ["a"])

    def test_triangle(self):
        graph = {"a": {"b": 1, "c": 4}, "b": {"c": 2}, "c": {}}
        dist, path = dijkstra(graph, "a", "c")
        self.assertEqual(dist, 3)
        self.assertEqual(path, ["a", "b", "c"])
