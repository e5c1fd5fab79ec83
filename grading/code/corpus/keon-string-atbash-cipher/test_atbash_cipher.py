import unittest
from solution import atbash


class TestAtbashCipher(unittest.TestCase):
    """[summary]
    Test for the file atbash_cipher.py

    Arguments:
        unittest {[type]} -- [description]
    """

    def test_atbash_cipher(self):
        self.assertEqual("zyxwvutsrqponml", atbash("abcdefghijklmno"))
        self.assertEqual("KbgslM", atbash("PythoN"))
        self.assertEqual("AttaCK at DawN", atbash("ZggzXP zg WzdM"))
        self.assertEqual("ZggzXP zg WzdM", atbash("AttaCK at DawN"))
