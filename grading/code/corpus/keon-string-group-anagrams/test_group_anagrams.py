import unittest
from solution import group_anagrams


class TestGroupAnagrams(unittest.TestCase):
    """[summary]
    Test for the file group_anagrams.py

    Arguments:
        unittest {[type]} -- [description]
    """

    def test_group_anagrams(self):
        self.assertEqual(
            [["eat", "tea", "ate"], ["tan", "nat"], ["bat"]],
            group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"]),
        )
