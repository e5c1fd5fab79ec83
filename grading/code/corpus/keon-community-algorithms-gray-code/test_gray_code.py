import unittest
from solution import gray_code, gray_to_binary


class TestGrayCode(unittest.TestCase):
    def test_2bit(self):
        self.assertEqual(gray_code(2), [0, 1, 3, 2])

    def test_3bit(self):
        self.assertEqual(gray_code(3), [0, 1, 3, 2, 6, 7, 5, 4])

    def test_1bit(self):
        self.assertEqual(gray_code(1), [0, 1])

    def test_0bit(self):
        self.assertEqual(gray_code(0), [0])

    def test_successive_differ_by_one_bit(self):
        codes = gray_code(4)
        for i in range(len(codes) - 1):
            xor = codes[i] ^ codes[i + 1]
            self.assertTrue(xor & (xor - 1) == 0)  # power of 2

    def test_gray_to_binary_roundtrip(self):
        for n in range(16):
            gray = n ^ (n >> 1)
            self.assertEqual(gray_to_binary(gray), n)
