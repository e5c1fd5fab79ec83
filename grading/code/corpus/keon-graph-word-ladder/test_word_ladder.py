import unittest
from solution import ladder_length


class TestWordLadder(unittest.TestCase):
    def test_ladder_length(self):

        # hit -> hot -> dot -> dog -> cog
        self.assertEqual(
            5, ladder_length("hit", "cog", ["hot", "dot", "dog", "lot", "log"])
        )

        # pick -> sick -> sink -> sank -> tank == 5
        self.assertEqual(
            5, ladder_length("pick", "tank", ["tock", "tick", "sank", "sink", "sick"])
        )

        # live -> life == 1, no matter what is the word_list.
        self.assertEqual(1, ladder_length("live", "life", ["hoho", "luck"]))

        # 0 length from ate -> ate
        self.assertEqual(0, ladder_length("ate", "ate", []))

        # not possible to reach !
        self.assertEqual(-1, ladder_length("rahul", "coder", ["blahh", "blhah"]))
