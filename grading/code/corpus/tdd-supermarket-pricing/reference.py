from __future__ import annotations

# ---- supermarket_pricing/money.py
from dataclasses import dataclass


@dataclass(frozen=True)
class Money:
    """Monetary amount in cents. Integer arithmetic avoids floating-point rounding."""

    cents: int = 0

    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    def __add__(self, other: Money) -> Money:
        return Money(self.cents + other.cents)

    def __sub__(self, other: Money) -> Money:
        return Money(self.cents - other.cents)

    def __mul__(self, factor: int) -> Money:
        return Money(self.cents * factor)


# ---- supermarket_pricing/combo_deal.py
from dataclasses import dataclass



@dataclass(frozen=True)
class ComboDeal:
    """Cross-product deal: one of each SKU at a special price."""

    sku_a: str
    sku_b: str
    deal_price: Money


# ---- supermarket_pricing/weight.py
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Weight:
    """Non-negative weight in kilograms."""

    kg: Decimal = Decimal(0)

    def __init__(self, kg: Decimal | float | int | str = 0) -> None:
        value = Decimal(str(kg))
        if value < 0:
            raise ValueError("Weight must not be negative")
        object.__setattr__(self, "kg", value)

    @classmethod
    def zero(cls) -> Weight:
        return cls(0)


# ---- supermarket_pricing/pricing_rule.py
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol



class PricingRule(Protocol):
    def calculate(self, quantity: int, weight: Weight) -> Money: ...


@dataclass(frozen=True)
class UnitPrice:
    """Each item costs a fixed amount."""

    price: Money

    def calculate(self, quantity: int, weight: Weight) -> Money:
        return self.price * quantity


@dataclass(frozen=True)
class MultiBuy:
    """Buy N items for a group price; remaining at individual price."""

    group_size: int
    group_price: Money
    item_price: Money

    def __post_init__(self) -> None:
        if self.group_size <= 0:
            raise ValueError("Group size must be positive")

    def calculate(self, quantity: int, weight: Weight) -> Money:
        full_groups, remainder = divmod(quantity, self.group_size)
        return self.group_price * full_groups + self.item_price * remainder


@dataclass(frozen=True)
class BuyOneGetOneFree:
    """Every second item is free."""

    item_price: Money

    def calculate(self, quantity: int, weight: Weight) -> Money:
        chargeable = (quantity + 1) // 2
        return self.item_price * chargeable


@dataclass(frozen=True)
class WeightedPrice:
    """Price per kilogram; charge rounded to nearest cent."""

    cents_per_kg: int

    def __post_init__(self) -> None:
        if self.cents_per_kg < 0:
            raise ValueError("Price per kg must not be negative")

    def calculate(self, quantity: int, weight: Weight) -> Money:
        raw = weight.kg * Decimal(self.cents_per_kg)
        rounded = int(raw.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        return Money(rounded)


# ---- supermarket_pricing/product.py
from dataclasses import dataclass



@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    pricing_rule: PricingRule

    def __post_init__(self) -> None:
        if not self.sku or not self.sku.strip():
            raise ValueError("SKU must not be empty")


# ---- supermarket_pricing/checkout.py
from collections import defaultdict



class Checkout:
    def __init__(self, combo_deals: list[ComboDeal] | None = None) -> None:
        self._products: dict[str, Product] = {}
        self._quantities: dict[str, int] = defaultdict(int)
        self._weights: dict[str, Weight] = {}
        self._combo_deals: list[ComboDeal] = list(combo_deals) if combo_deals else []

    def scan(self, product: Product) -> None:
        self._ensure_registered(product)
        self._quantities[product.sku] += 1

    def scan_weighted(self, product: Product, weight: Weight) -> None:
        self._ensure_registered(product)
        existing = self._weights.get(product.sku, Weight.zero())
        self._weights[product.sku] = Weight(existing.kg + weight.kg)

    def total(self) -> Money:
        result = Money.zero()

        combo_consumed: dict[str, int] = defaultdict(int)

        for deal in self._combo_deals:
            count_a = self._quantities.get(deal.sku_a, 0) - combo_consumed.get(deal.sku_a, 0)
            count_b = self._quantities.get(deal.sku_b, 0) - combo_consumed.get(deal.sku_b, 0)
            pairs = min(count_a, count_b)

            if pairs > 0:
                result = result + deal.deal_price * pairs
                combo_consumed[deal.sku_a] += pairs
                combo_consumed[deal.sku_b] += pairs

        for sku, product in self._products.items():
            quantity = self._quantities.get(sku, 0) - combo_consumed.get(sku, 0)
            weight = self._weights.get(sku, Weight.zero())

            if quantity > 0 or weight.kg > 0:
                result = result + product.pricing_rule.calculate(quantity, weight)

        return result

    def _ensure_registered(self, product: Product) -> None:
        if product.sku not in self._products:
            self._products[product.sku] = product


# ---- supermarket_pricing/__init__.py
__all__ = [
    "BuyOneGetOneFree",
    "Checkout",
    "ComboDeal",
    "Money",
    "MultiBuy",
    "PricingRule",
    "Product",
    "UnitPrice",
    "Weight",
    "WeightedPrice",
]
