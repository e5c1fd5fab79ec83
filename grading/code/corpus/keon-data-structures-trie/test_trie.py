import unittest
from solution import Trie


class TestTrie(unittest.TestCase):
    def test_insert_and_search(self):
        trie = Trie()
        trie.insert("apple")
        self.assertTrue(trie.search("apple"))

    def test_search_missing(self):
        trie = Trie()
        trie.insert("apple")
        self.assertFalse(trie.search("app"))

    def test_starts_with(self):
        trie = Trie()
        trie.insert("apple")
        self.assertTrue(trie.starts_with("app"))
        self.assertFalse(trie.starts_with("apl"))

    def test_empty_trie(self):
        trie = Trie()
        self.assertFalse(trie.search("anything"))
        self.assertFalse(trie.starts_with("a"))

    def test_multiple_words(self):
        trie = Trie()
        for w in ["cat", "car", "card", "care"]:
            trie.insert(w)
        self.assertTrue(trie.search("card"))
        self.assertFalse(trie.search("ca"))
        self.assertTrue(trie.starts_with("ca"))

    def test_insert_single_char(self):
        trie = Trie()
        trie.insert("a")
        self.assertTrue(trie.search("a"))
        self.assertFalse(trie.search("b"))
