import unittest
from solution import check_pangram


class TestCheckPangram(unittest.TestCase):
    def test_check_pangram(self):
        self.assertTrue(check_pangram("The quick brown fox jumps over the lazy dog"))
        self.assertFalse(check_pangram("The quick brown fox"))
