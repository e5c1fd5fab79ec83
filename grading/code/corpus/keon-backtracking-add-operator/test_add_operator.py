import unittest
from solution import add_operators


class TestAddOperator(unittest.TestCase):
    def test_add_operators(self):
        # "123", 6 -> ["1+2+3", "1*2*3"]
        s = "123"
        target = 6
        self.assertEqual(add_operators(s, target), ["1+2+3", "1*2*3"])
        # "232", 8 -> ["2*3+2", "2+3*2"]
        s = "232"
        target = 8
        self.assertEqual(add_operators(s, target), ["2+3*2", "2*3+2"])

        s = "123045"
        target = 3
        answer = [
            "1+2+3*0*4*5",
            "1+2+3*0*45",
            "1+2-3*0*4*5",
            "1+2-3*0*45",
            "1-2+3+0-4+5",
            "1-2+3-0-4+5",
            "1*2+3*0-4+5",
            "1*2-3*0-4+5",
            "1*23+0-4*5",
            "1*23-0-4*5",
            "12+3*0-4-5",
            "12-3*0-4-5",
        ]
        self.assertEqual(add_operators(s, target), answer)
