from __future__ import annotations

# ---- inlined from tests/item_builder.py
from gilded_rose import Category, Item


class ItemBuilder:
    def __init__(self) -> None:
        self._name: str = "Elixir of the Mongoose"
        self._category: Category = Category.STANDARD
        self._quality: int = 10
        self._sell_in: int = 5

    def standard(self) -> ItemBuilder:
        self._category = Category.STANDARD
        return self

    def aged(self) -> ItemBuilder:
        self._category = Category.AGED
        return self

    def legendary(self) -> ItemBuilder:
        self._category = Category.LEGENDARY
        return self

    def backstage_pass(self) -> ItemBuilder:
        self._category = Category.BACKSTAGE_PASS
        return self

    def conjured(self) -> ItemBuilder:
        self._category = Category.CONJURED
        return self

    def named(self, name: str) -> ItemBuilder:
        self._name = name
        return self

    def with_quality(self, quality: int) -> ItemBuilder:
        self._quality = quality
        return self

    def with_sell_in(self, sell_in: int) -> ItemBuilder:
        self._sell_in = sell_in
        return self

    def build(self) -> Item:
        return Item(self._name, self._category, self._quality, self._sell_in)


from gilded_rose import GildedRoseInn, Inventory



def test_backstage_pass_quality_increases_by_one_when_concert_is_more_than_ten_days_away():
    item = (
        ItemBuilder()
        .backstage_pass()
        .with_quality(10)
        .with_sell_in(15)
        .build()
    )
    inn = GildedRoseInn(Inventory([item]))

    inn.update_inventory()

    assert item.quality == 11


def test_backstage_pass_quality_increases_by_two_when_concert_is_ten_days_or_fewer_away():
    item = (
        ItemBuilder()
        .backstage_pass()
        .with_quality(10)
        .with_sell_in(10)
        .build()
    )
    inn = GildedRoseInn(Inventory([item]))

    inn.update_inventory()

    assert item.quality == 12


def test_backstage_pass_quality_increases_by_three_when_concert_is_five_days_or_fewer_away():
    item = (
        ItemBuilder()
        .backstage_pass()
        .with_quality(10)
        .with_sell_in(5)
        .build()
    )
    inn = GildedRoseInn(Inventory([item]))

    inn.update_inventory()

    assert item.quality == 13


def test_backstage_pass_quality_drops_to_zero_after_the_concert():
    item = (
        ItemBuilder()
        .backstage_pass()
        .with_quality(20)
        .with_sell_in(0)
        .build()
    )
    inn = GildedRoseInn(Inventory([item]))

    inn.update_inventory()

    assert item.quality == 0


def test_backstage_pass_quality_never_exceeds_fifty_before_the_concert():
    item = (
        ItemBuilder()
        .backstage_pass()
        .with_quality(49)
        .with_sell_in(5)
        .build()
    )
    inn = GildedRoseInn(Inventory([item]))

    inn.update_inventory()

    assert item.quality == 50
