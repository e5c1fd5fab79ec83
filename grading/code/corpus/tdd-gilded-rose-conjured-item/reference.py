# ---- gilded_rose/category.py
from enum import Enum


class Category(Enum):
    STANDARD = "standard"
    AGED = "aged"
    LEGENDARY = "legendary"
    BACKSTAGE_PASS = "backstage_pass"
    CONJURED = "conjured"


# ---- gilded_rose/item.py
from dataclasses import dataclass



@dataclass
class Item:
    name: str
    category: Category
    quality: int
    sell_in: int


# ---- gilded_rose/inventory.py
from dataclasses import dataclass, field



@dataclass
class Inventory:
    items: list[Item] = field(default_factory=list)


# ---- gilded_rose/gilded_rose_inn.py
class GildedRoseInn:
    def __init__(self, inventory: Inventory) -> None:
        self.inventory = inventory

    def update_inventory(self) -> None:
        for item in self.inventory.items:
            if item.category == Category.LEGENDARY:
                continue
            if item.category == Category.AGED:
                gain = 2 if item.sell_in <= 0 else 1
                item.quality = min(50, item.quality + gain)
            elif item.category == Category.BACKSTAGE_PASS:
                if item.sell_in <= 0:
                    item.quality = 0
                else:
                    if item.sell_in <= 5:
                        gain = 3
                    elif item.sell_in <= 10:
                        gain = 2
                    else:
                        gain = 1
                    item.quality = min(50, item.quality + gain)
            elif item.category == Category.CONJURED:
                degrade = 4 if item.sell_in <= 0 else 2
                item.quality = max(0, item.quality - degrade)
            else:
                degrade = 2 if item.sell_in <= 0 else 1
                item.quality = max(0, item.quality - degrade)
            item.sell_in -= 1


# ---- gilded_rose/__init__.py
__all__ = ["Category", "Item", "Inventory", "GildedRoseInn"]
