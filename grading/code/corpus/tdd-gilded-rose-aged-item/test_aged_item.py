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



def test_aged_items_gain_one_quality_per_day_while_fresh():
    item = (
        ItemBuilder()
        .aged()
        .with_quality(10)
        .with_sell_in(5)
        .build()
    )
    inn = GildedRoseInn(Inventory([item]))

    inn.update_inventory()

    assert item.quality == 11


def test_aged_items_gain_two_quality_per_day_after_the_sell_by_date():
    item = (
        ItemBuilder()
        .aged()
        .with_quality(10)
        .with_sell_in(0)
        .build()
    )
    inn = GildedRoseInn(Inventory([item]))

    inn.update_inventory()

    assert item.quality == 12


def test_aged_item_quality_never_exceeds_fifty():
    item = (
        ItemBuilder()
        .aged()
        .with_quality(50)
        .with_sell_in(5)
        .build()
    )
    inn = GildedRoseInn(Inventory([item]))

    inn.update_inventory()

    assert item.quality == 50


def test_aged_item_sell_in_decreases_by_one_each_day():
    item = (
        ItemBuilder()
        .aged()
        .with_quality(10)
        .with_sell_in(5)
        .build()
    )
    inn = GildedRoseInn(Inventory([item]))

    inn.update_inventory()

    assert item.sell_in == 4
