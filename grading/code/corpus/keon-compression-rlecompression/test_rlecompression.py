import unittest
from solution import decode_rle, encode_rle


class TestRLECompression(unittest.TestCase):
    def test_encode_rle(self):
        self.assertEqual(
            "12W1B12W3B24W1B14W",
            encode_rle(
                "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"
            ),
        )

    def test_decode_rle(self):
        self.assertEqual(
            "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
            decode_rle("12W1B12W3B24W1B14W"),
        )
