import unittest
from solution import remove_duplicates


class TestRemoveDuplicate(unittest.TestCase):
    def test_remove_duplicates(self):
        self.assertListEqual(
            remove_duplicates(
                [1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6, 7, 7, 7, 8, 8, 9, 10, 10]
            ),
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        )
        self.assertListEqual(
            remove_duplicates(["hey", "hello", "hello", "car", "house", "house"]),
            ["hey", "hello", "car", "house"],
        )
        self.assertListEqual(
            remove_duplicates([True, True, False, True, False, None, None]),
            [True, False, None],
        )
        self.assertListEqual(
            remove_duplicates([1, 1, "hello", "hello", True, False, False]),
            [1, "hello", False],
        )
        self.assertListEqual(
            remove_duplicates([1, "hello", True, False]), [1, "hello", False]
        )
