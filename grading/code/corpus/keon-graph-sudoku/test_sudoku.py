import unittest
from solution import Sudoku


class TestSudoku(unittest.TestCase):
    def test_sudoku_solver(self):
        board = [["5", "3", "."], ["6", ".", "."], [".", "9", "8"]]
        test_obj = Sudoku(board, 3, 3)
        test_obj.solve()
        self.assertEqual(
            [["5", "3", "1"], ["6", "1", "2"], ["1", "9", "8"]], test_obj.board
        )
