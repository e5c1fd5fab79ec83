import unittest
from solution import PriorityQueue


class TestPriorityQueue(unittest.TestCase):
    """Test suite for the PriorityQueue data structures."""

    def test_priority_queue(self):
        queue = PriorityQueue([3, 4, 1, 6])
        self.assertEqual(4, queue.size())
        self.assertEqual(1, queue.pop())
        self.assertEqual(3, queue.size())
        queue.push(2)
        self.assertEqual(4, queue.size())
        self.assertEqual(2, queue.pop())
