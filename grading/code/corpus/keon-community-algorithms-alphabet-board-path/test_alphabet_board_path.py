import unittest
from solution import alphabet_board_path


class TestAlphabetBoardPath(unittest.TestCase):
    def test_leet(self):
        path = alphabet_board_path("leet")
        self.assertIn("!", path)
        # Verify length: must spell 4 chars so exactly 4 '!'s
        self.assertEqual(path.count("!"), 4)

    def test_code(self):
        path = alphabet_board_path("code")
        self.assertEqual(path.count("!"), 4)

    def test_z(self):
        # 'z' is at row 5, col 0 — must go down 5 from 'a'
        path = alphabet_board_path("z")
        self.assertEqual(path, "DDDDD!")

    def test_za(self):
        path = alphabet_board_path("za")
        self.assertEqual(path, "DDDDD!UUUUU!")
