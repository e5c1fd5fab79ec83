import unittest
from solution import get_longest_non_repeat_v1, get_longest_non_repeat_v2, longest_non_repeat_v1, longest_non_repeat_v2


class TestLongestNonRepeat(unittest.TestCase):
    def test_longest_non_repeat_v1(self):

        string = "abcabcbb"
        self.assertEqual(longest_non_repeat_v1(string), 3)

        string = "bbbbb"
        self.assertEqual(longest_non_repeat_v1(string), 1)

        string = "pwwkew"
        self.assertEqual(longest_non_repeat_v1(string), 3)

        string = "dvdf"
        self.assertEqual(longest_non_repeat_v1(string), 3)

        string = "asjrgapa"
        self.assertEqual(longest_non_repeat_v1(string), 6)

    def test_longest_non_repeat_v2(self):

        string = "abcabcbb"
        self.assertEqual(longest_non_repeat_v2(string), 3)

        string = "bbbbb"
        self.assertEqual(longest_non_repeat_v2(string), 1)

        string = "pwwkew"
        self.assertEqual(longest_non_repeat_v2(string), 3)

        string = "dvdf"
        self.assertEqual(longest_non_repeat_v2(string), 3)

        string = "asjrgapa"
        self.assertEqual(longest_non_repeat_v2(string), 6)

    def test_get_longest_non_repeat_v1(self):
        string = "abcabcbb"
        self.assertEqual(get_longest_non_repeat_v1(string), (3, "abc"))

        string = "bbbbb"
        self.assertEqual(get_longest_non_repeat_v1(string), (1, "b"))

        string = "pwwkew"
        self.assertEqual(get_longest_non_repeat_v1(string), (3, "wke"))

        string = "dvdf"
        self.assertEqual(get_longest_non_repeat_v1(string), (3, "vdf"))

        string = "asjrgapa"
        self.assertEqual(get_longest_non_repeat_v1(string), (6, "sjrgap"))

    def test_get_longest_non_repeat_v2(self):
        string = "abcabcbb"
        self.assertEqual(get_longest_non_repeat_v2(string), (3, "abc"))

        string = "bbbbb"
        self.assertEqual(get_longest_non_repeat_v2(string), (1, "b"))

        string = "pwwkew"
        self.assertEqual(get_longest_non_repeat_v2(string), (3, "wke"))

        string = "dvdf"
        self.assertEqual(get_longest_non_repeat_v2(string), (3, "vdf"))

        string = "asjrgapa"
        self.assertEqual(get_longest_non_repeat_v2(string), (6, "sjrgap"))
