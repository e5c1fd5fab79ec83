import unittest
from solution import strip_url_params1, strip_url_params2, strip_url_params3


class TestStripUrlParams(unittest.TestCase):
    """Tests for strip_url_params.py — all three implementations."""

    def test_strip_url_params1(self):
        self.assertEqual(
            strip_url_params1("www.saadbenn.com?a=1&b=2&a=2"),
            "www.saadbenn.com?a=1&b=2",
        )
        self.assertEqual(
            strip_url_params1("www.saadbenn.com?a=1&b=2", ["b"]),
            "www.saadbenn.com?a=1",
        )

    def test_strip_url_params2(self):
        self.assertEqual(
            strip_url_params2("www.saadbenn.com?a=1&b=2&a=2"),
            "www.saadbenn.com?a=1&b=2",
        )
        self.assertEqual(
            strip_url_params2("www.saadbenn.com?a=1&b=2", ["b"]),
            "www.saadbenn.com?a=1",
        )

    def test_strip_url_params3(self):
        self.assertEqual(
            strip_url_params3("www.saadbenn.com?a=1&b=2&a=2"),
            "www.saadbenn.com?a=1&b=2",
        )
        self.assertEqual(
            strip_url_params3("www.saadbenn.com?a=1&b=2", ["b"]),
            "www.saadbenn.com?a=1",
        )
