import unittest
from solution import ResizableHashTable


class TestResizableHashTable(unittest.TestCase):
    def test_put_and_get(self):
        ht = ResizableHashTable()
        ht.put(1, "a")
        self.assertEqual(ht.get(1), "a")

    def test_resizes_automatically(self):
        ht = ResizableHashTable()
        for i in range(20):
            ht.put(i, str(i))
        for i in range(20):
            self.assertEqual(ht.get(i), str(i))
