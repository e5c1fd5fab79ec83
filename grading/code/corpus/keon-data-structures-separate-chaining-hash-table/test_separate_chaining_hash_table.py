import unittest
from solution import SeparateChainingHashTable


class TestSeparateChainingHashTable(unittest.TestCase):
    def test_put_and_get(self):
        table = SeparateChainingHashTable()
        table.put("hello", "world")
        self.assertEqual(table.get("hello"), "world")

    def test_get_missing(self):
        table = SeparateChainingHashTable()
        self.assertIsNone(table.get("missing"))

    def test_delete(self):
        table = SeparateChainingHashTable()
        table.put("key", "value")
        table.del_("key")
        self.assertIsNone(table.get("key"))

    def test_len(self):
        table = SeparateChainingHashTable()
        table.put("a", 1)
        table.put("b", 2)
        self.assertEqual(len(table), 2)

    def test_collision_handling(self):
        # Force collision by using small table
        table = SeparateChainingHashTable(size=1)
        table.put("x", 10)
        table.put("y", 20)
        self.assertEqual(table.get("x"), 10)
        self.assertEqual(table.get("y"), 20)

    def test_bracket_operators(self):
        table = SeparateChainingHashTable()
        table["k"] = "v"
        self.assertEqual(table["k"], "v")
        del table["k"]
        self.assertIsNone(table["k"])
