import unittest
from solution import find_words


class TestFindWords(unittest.TestCase):
    def test_normal(self):
        board = [
            ["o", "a", "a", "n"],
            ["e", "t", "a", "e"],
            ["i", "h", "k", "r"],
            ["i", "f", "l", "v"],
        ]

        words = ["oath", "pea", "eat", "rain"]
        result = find_words(board, words)
        test_result = ["oath", "eat"]
        self.assertEqual(sorted(result), sorted(test_result))

    def test_none(self):
        board = [
            ["o", "a", "a", "n"],
            ["e", "t", "a", "e"],
            ["i", "h", "k", "r"],
            ["i", "f", "l", "v"],
        ]

        words = ["chicken", "nugget", "hello", "world"]
        self.assertEqual(find_words(board, words), [])

    def test_empty(self):
        board = []
        words = []
        self.assertEqual(find_words(board, words), [])

    def test_uneven(self):
        board = [["o", "a", "a", "n"], ["e", "t", "a", "e"]]
        words = ["oath", "pea", "eat", "rain"]
        self.assertEqual(find_words(board, words), ["eat"])

    def test_repeat(self):
        board = [["a", "a", "a"], ["a", "a", "a"], ["a", "a", "a"]]
        words = ["a", "aa", "aaa", "aaaa", "aaaaa"]
        self.assertTrue(len(find_words(board, words)) == 5)
