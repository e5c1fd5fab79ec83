import unittest
from solution import Union


class TestUnionFind(unittest.TestCase):
    def test_add_and_root(self):
        uf = Union()
        uf.add(1)
        self.assertEqual(uf.root(1), 1)

    def test_unite_connects(self):
        uf = Union()
        uf.add(1)
        uf.add(2)
        uf.unite(1, 2)
        self.assertEqual(uf.root(1), uf.root(2))

    def test_not_connected(self):
        uf = Union()
        uf.add(1)
        uf.add(2)
        self.assertNotEqual(uf.root(1), uf.root(2))

    def test_count_decrements_on_unite(self):
        uf = Union()
        uf.add(1)
        uf.add(2)
        uf.add(3)
        self.assertEqual(uf.count, 3)
        uf.unite(1, 2)
        self.assertEqual(uf.count, 2)

    def test_unite_same_element(self):
        uf = Union()
        uf.add(1)
        uf.unite(1, 1)
        self.assertEqual(uf.count, 1)

    def test_transitive_connectivity(self):
        uf = Union()
        for x in [1, 2, 3]:
            uf.add(x)
        uf.unite(1, 2)
        uf.unite(2, 3)
        self.assertEqual(uf.root(1), uf.root(3))
