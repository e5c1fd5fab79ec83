import unittest
from solution import cosine_similarity


class TestCosineSimilarity(unittest.TestCase):
    """[summary]
    Test for the file cosine_similarity.py

    Arguments:
        unittest {[type]} -- [description]
    """

    def test_cosine_similarity(self):
        vec_a = [1, 1, 1]
        vec_b = [-1, -1, -1]
        vec_c = [1, 2, -1]
        self.assertAlmostEqual(cosine_similarity(vec_a, vec_a), 1)
        self.assertAlmostEqual(cosine_similarity(vec_a, vec_b), -1)
        self.assertAlmostEqual(cosine_similarity(vec_a, vec_c), 0.4714045208)
