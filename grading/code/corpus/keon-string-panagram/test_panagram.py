import unittest
from solution import panagram


class TestPanagram(unittest.TestCase):
    """[summary]
    Test for the file panagram.py

    Arguments:
        unittest {[type]} -- [description]
    """

    def test_empty_string(self):
        # Arrange
        string = ""

        # Act
        res = panagram(string)

        # Assert
        self.assertEqual(False, res)

    def test_single_word_non_panagram(self):
        # Arrange
        string = "sentence"

        # Act
        res = panagram(string)

        # Assert
        self.assertEqual(False, res)

    def test_fox_panagram_no_spaces(self):
        # Arrange
        string = "thequickbrownfoxjumpsoverthelazydog"

        # Act
        res = panagram(string)

        # Assert
        self.assertEqual(True, res)

    def test_fox_panagram_mixed_case(self):
        # Arrange
        string = "theqUiCkbrOwnfOxjUMPSOVErThELAzYDog"

        # Act
        res = panagram(string)

        # Assert
        self.assertEqual(True, res)

    def test_whitespace_punctuation(self):
        # Arrange
        string = "\n\t\r,.-_!?"

        # Act
        res = panagram(string)

        # Assert
        self.assertEqual(False, res)

    def test_fox_panagram(self):
        # Arrange
        string = "the quick brown fox jumps over the lazy dog"

        # Act
        res = panagram(string)

        # Assert
        self.assertEqual(True, res)

    def test_swedish_panagram(self):
        # Arrange
        string = "Yxmördaren Julia Blomqvist på fäktning i Schweiz"

        # Act
        res = panagram(string)

        # Assert
        self.assertEqual(True, res)
