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



def test_mixed_inventory_each_item_follows_its_own_category_rules_on_the_same_day():
    standard = (
        ItemBuilder()
        .standard()
        .named("Elixir of the Mongoose")
        .with_quality(10)
        .with_sell_in(5)
        .build()
    )
    aged = (
        ItemBuilder()
        .aged()
        .named("Aged Brie")
        .with_quality(10)
        .with_sell_in(5)
        .build()
    )
    legendary = (
        ItemBuilder()
        .legendary()
        .named("Sulfuras, Hand of Ragnaros")
        .with_quality(80)
        .with_sell_in(5)
        .build()
    )
    pass_ = (
        ItemBuilder()
        .backstage_pass()
        .named("Backstage passes to a TAFKAL80ETC concert")
        .with_quality(10)
        .with_sell_in(7)
        .build()
    )
    conjured = (
        ItemBuilder()
        .conjured()
        .named("Conjured Mana Cake")
        .with_quality(10)
        .with_sell_in(5)
        .build()
    )

    inn = GildedRoseInn(Inventory([standard, aged, legendary, pass_, conjured]))

    inn.update_inventory()

    assert standard.quality == 9
    assert aged.quality == 11
    assert legendary.quality == 80
    assert pass_.quality == 12
    assert conjured.quality == 8


def test_multi_day_aging_ten_days_of_updates_applied_in_sequence_produce_correct_quality_progression():
    item = (
        ItemBuilder()
        .standard()
        .with_quality(20)
        .with_sell_in(5)
        .build()
    )
    inn = GildedRoseInn(Inventory([item]))

    for _ in range(10):
        inn.update_inventory()

    assert item.quality == 5
    assert item.sell_in == -5
