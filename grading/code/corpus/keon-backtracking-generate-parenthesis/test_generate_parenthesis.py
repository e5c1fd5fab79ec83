import unittest
from solution import generate_parenthesis_v1, generate_parenthesis_v2


class TestGenerateParenthesis(unittest.TestCase):
    def test_generate_parenthesis(self):
        self.assertEqual(generate_parenthesis_v1(2), ["()()", "(())"])
        self.assertEqual(
            generate_parenthesis_v1(3),
            ["()()()", "()(())", "(())()", "(()())", "((()))"],
        )
        self.assertEqual(generate_parenthesis_v2(2), ["(())", "()()"])
        self.assertEqual(
            generate_parenthesis_v2(3),
            ["((()))", "(()())", "(())()", "()(())", "()()()"],
        )
