# ---- inlined from tests/card_builder.py
from poker_hands import Card, Rank, Suit


class CardBuilder:
    def __init__(self) -> None:
        self._rank: Rank = Rank.TWO
        self._suit: Suit = Suit.CLUBS

    def of_rank(self, rank: Rank) -> "CardBuilder":
        self._rank = rank
        return self

    def of_suit(self, suit: Suit) -> "CardBuilder":
        self._suit = suit
        return self

    def build(self) -> Card:
        return Card(self._rank, self._suit)


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


import pytest

from poker_hands import Card, InvalidHandError, Rank, Suit



def test_a_hand_with_five_cards_is_valid():
    ace_of_spades = CardBuilder().of_rank(Rank.ACE).of_suit(Suit.SPADES).build()
    hand = (
        HandBuilder()
        .with_card(ace_of_spades)
        .with_card(Card(Rank.KING, Suit.SPADES))
        .with_card(Card(Rank.QUEEN, Suit.SPADES))
        .with_card(Card(Rank.JACK, Suit.SPADES))
        .with_card(Card(Rank.TEN, Suit.SPADES))
        .build()
    )

    assert len(hand.cards) == 5
    assert hand.cards[0] == ace_of_spades


def test_a_hand_with_fewer_than_five_cards_is_rejected():
    with pytest.raises(InvalidHandError, match=r"^A hand must have exactly 5 cards \(got 4\)$"):
        HandBuilder.from_string("2H 3D 5S 9C")


def test_a_hand_with_more_than_five_cards_is_rejected():
    with pytest.raises(InvalidHandError, match=r"^A hand must have exactly 5 cards \(got 6\)$"):
        HandBuilder.from_string("2H 3D 5S 9C KD AH")
