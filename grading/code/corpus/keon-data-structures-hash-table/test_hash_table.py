import unittest
from solution import HashTable


class TestHashTable(unittest.TestCase):
    def test_put_and_get(self):
        ht = HashTable()
        ht.put(1, "one")
        self.assertEqual(ht.get(1), "one")

    def test_get_missing(self):
        ht = HashTable()
        self.assertIsNone(ht.get(99))

    def test_delete(self):
        ht = HashTable()
        ht.put(1, "one")
        ht.del_(1)
        self.assertIsNone(ht.get(1))

    def test_update_existing(self):
        ht = HashTable()
        ht.put(1, "one")
        ht.put(1, "ONE")
        self.assertEqual(ht.get(1), "ONE")

    def test_len(self):
        ht = HashTable()
        ht.put(1, "a")
        ht.put(2, "b")
        self.assertEqual(len(ht), 2)

    def test_bracket_operators(self):
        ht = HashTable()
        ht[5] = "five"
        self.assertEqual(ht[5], "five")
        del ht[5]
        self.assertIsNone(ht[5])
