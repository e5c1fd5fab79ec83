import unittest
from solution import edit_distance


class TestEditDistance(unittest.TestCase):
    def test_edit_distance(self):
        self.assertEqual(edit_distance("food", "money"), 4)
        self.assertEqual(edit_distance("horse", "ros"), 3)
