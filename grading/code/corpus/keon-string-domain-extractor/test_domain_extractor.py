import unittest
from solution import domain_name_1, domain_name_2


class TestDomainExtractor(unittest.TestCase):
    """[summary]
    Test for the file domain_extractor.py

    Arguments:
        unittest {[type]} -- [description]
    """

    def test_valid(self):
        self.assertEqual(domain_name_1("https://github.com/SaadBenn"), "github")

    def test_invalid(self):
        self.assertEqual(domain_name_2("http://google.com"), "google")
