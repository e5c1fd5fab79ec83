# ---- inlined from tests/hand_builder.py
from poker_hands import Card, Hand


class HandBuilder:
    """Two-shape builder: fluent `.with_card(card)` for tests that assemble a hand
    card-by-card, plus the static `HandBuilder.from_string("2H 3D 5S 9C KD")`
    shorthand (delegates to `Hand.from_string`) for hand-level evaluation tests.
    """

    def __init__(self) -> None:
        self._cards: list[Card] = []

    def with_card(self, card: Card) -> "HandBuilder":
        self._cards.append(card)
        return self

    def build(self) -> Hand:
        return Hand(self._cards)

    @staticmethod
    def from_string(shorthand: str) -> Hand:
        return Hand.from_string(shorthand)


from poker_hands import Compare



def test_two_hands_with_identical_ranks_and_kickers_tie():
    player1 = HandBuilder.from_string("2H 3D 5S 9C KD")
    player2 = HandBuilder.from_string("2D 3H 5C 9S KH")
    assert player1.compare_to(player2) == Compare.TIE
