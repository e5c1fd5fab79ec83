import unittest
from solution import top_sort, top_sort_recursive


class TestTopSort(unittest.TestCase):
    def setUp(self):
        self.depGraph = {
            "a": ["b"],
            "b": ["c"],
            "c": ["e"],
            "e": ["g"],
            "d": [],
            "f": ["e", "d"],
            "g": [],
        }

    def test_topsort(self):
        res = top_sort_recursive(self.depGraph)
        self.assertTrue(res.index("g") < res.index("e"))
        res = top_sort(self.depGraph)
        self.assertTrue(res.index("g") < res.index("e"))
