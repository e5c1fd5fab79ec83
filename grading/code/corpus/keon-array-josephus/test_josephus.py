import unittest
from solution import josephus


class TestJosephus(unittest.TestCase):
    def test_josephus(self):

        a = ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
        josephus_generator = josephus(a, 3)
        self.assertEqual(next(josephus_generator), "3")
        self.assertEqual(next(josephus_generator), "6")
        self.assertEqual(next(josephus_generator), "9")
        self.assertEqual(next(josephus_generator), "4")
        self.assertEqual(next(josephus_generator), "8")
        self.assertEqual(next(josephus_generator), "5")
        self.assertEqual(next(josephus_generator), "2")
        self.assertEqual(next(josephus_generator), "7")
        self.assertEqual(next(josephus_generator), "1")
        self.assertRaises(StopIteration, next, josephus_generator)
