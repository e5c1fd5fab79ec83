import unittest
from solution import RBNode, RBTree


class TestRBTree(unittest.TestCase):
    def _make_tree(self, values):
        tree = RBTree()
        for v in values:
            tree.insert(RBNode(v, 1))
        return tree

    def test_insert_single(self):
        tree = self._make_tree([5])
        result = tree.inorder()
        self.assertEqual(len(result), 1)
        self.assertEqual(result[0]["val"], 5)

    def test_insert_multiple_sorted(self):
        values = [11, 2, 14, 1, 7, 15, 5, 8, 4]
        tree = self._make_tree(values)
        result = tree.inorder()
        vals = [r["val"] for r in result]
        self.assertEqual(vals, sorted(values))

    def test_root_is_black(self):
        tree = self._make_tree([10, 5, 15])
        self.assertEqual(tree.root.color, 0)

    def test_empty_tree(self):
        tree = RBTree()
        self.assertIsNone(tree.root)
        self.assertEqual(tree.inorder(), [])

    def test_insert_duplicates_order(self):
        tree = self._make_tree([3, 1, 2])
        result = tree.inorder()
        vals = [r["val"] for r in result]
        self.assertEqual(vals, [1, 2, 3])
