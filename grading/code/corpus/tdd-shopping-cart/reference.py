from __future__ import annotations

# ---- shopping_cart/exceptions.py
class LineItemNotFoundError(Exception):
    """Raised when a cart operation references a SKU that has no matching line item."""
    pass


# ---- shopping_cart/money.py
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Money:
    amount: Decimal = field(default=Decimal(0))

    def __init__(self, amount: Decimal | int | float | str = 0) -> None:
        object.__setattr__(self, "amount", Decimal(str(amount)))

    @classmethod
    def zero(cls) -> "Money":
        return cls(0)

    def __add__(self, other: "Money") -> "Money":
        return Money(self.amount + other.amount)

    def __sub__(self, other: "Money") -> "Money":
        return Money(self.amount - other.amount)

    def __mul__(self, factor: int) -> "Money":
        return Money(self.amount * factor)

    def __lt__(self, other: "Money") -> bool:
        return self.amount < other.amount

    def __gt__(self, other: "Money") -> bool:
        return self.amount > other.amount


# ---- shopping_cart/quantity.py
from dataclasses import dataclass


@dataclass(frozen=True)
class Quantity:
    value: int

    def __post_init__(self) -> None:
        if not isinstance(self.value, int) or isinstance(self.value, bool) or self.value <= 0:
            raise ValueError("Quantity must be a positive whole number")

    def __add__(self, other: "Quantity") -> "Quantity":
        return Quantity(self.value + other.value)


# ---- shopping_cart/discount_policy.py
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol


MIN_PERCENT = 0
MAX_PERCENT = 100
HUNDRED_PERCENT = Decimal(100)


class DiscountPolicy(Protocol):
    def apply(self, unit_price: Money, quantity: Quantity) -> Money: ...


class NoDiscount:
    def apply(self, unit_price: Money, quantity: Quantity) -> Money:
        return unit_price * quantity.value


NO_DISCOUNT = NoDiscount()


@dataclass(frozen=True)
class PercentOff:
    percent: int

    def __post_init__(self) -> None:
        if not isinstance(self.percent, int) or isinstance(self.percent, bool):
            raise ValueError("Percent must be an integer between 0 and 100")
        if self.percent < MIN_PERCENT or self.percent > MAX_PERCENT:
            raise ValueError("Percent must be an integer between 0 and 100")

    def apply(self, unit_price: Money, quantity: Quantity) -> Money:
        gross = unit_price.amount * quantity.value
        multiplier = (HUNDRED_PERCENT - Decimal(self.percent)) / HUNDRED_PERCENT
        return Money(gross * multiplier)


@dataclass(frozen=True)
class FixedOff:
    amount: Money

    def __post_init__(self) -> None:
        if self.amount < Money.zero():
            raise ValueError("Fixed discount amount must not be negative")

    def apply(self, unit_price: Money, quantity: Quantity) -> Money:
        gross = unit_price * quantity.value
        discounted = gross - self.amount
        return Money.zero() if discounted < Money.zero() else discounted


@dataclass(frozen=True)
class BuyXGetY:
    buy_count: int
    free_count: int

    def __post_init__(self) -> None:
        if not isinstance(self.buy_count, int) or self.buy_count <= 0:
            raise ValueError("Buy count must be a positive integer")
        if not isinstance(self.free_count, int) or self.free_count <= 0:
            raise ValueError("Free count must be a positive integer")

    def apply(self, unit_price: Money, quantity: Quantity) -> Money:
        group_size = self.buy_count + self.free_count
        full_groups, remainder = divmod(quantity.value, group_size)
        chargeable = full_groups * self.buy_count + min(remainder, self.buy_count)
        return unit_price * chargeable


@dataclass(frozen=True)
class BulkPricing:
    threshold: Quantity
    bulk_unit_price: Money

    def __post_init__(self) -> None:
        if self.bulk_unit_price < Money.zero():
            raise ValueError("Bulk unit price must not be negative")

    def apply(self, unit_price: Money, quantity: Quantity) -> Money:
        effective = self.bulk_unit_price if quantity.value >= self.threshold.value else unit_price
        return effective * quantity.value


# ---- shopping_cart/product.py
from dataclasses import dataclass, field



@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    unit_price: Money
    discount_policy: DiscountPolicy = field(default_factory=lambda: NO_DISCOUNT)

    def __post_init__(self) -> None:
        if not self.sku or not self.sku.strip():
            raise ValueError("SKU must not be empty")


# ---- shopping_cart/line_item.py
class LineItem:
    def __init__(self, product: Product, quantity: Quantity) -> None:
        self._product = product
        self._quantity = quantity

    @property
    def product(self) -> Product:
        return self._product

    @property
    def quantity(self) -> Quantity:
        return self._quantity

    def subtotal(self) -> Money:
        return self._product.discount_policy.apply(self._product.unit_price, self._quantity)

    def increment_by(self, delta: Quantity) -> None:
        self._quantity = self._quantity + delta

    def set_quantity(self, quantity: Quantity) -> None:
        self._quantity = quantity


# ---- shopping_cart/cart.py
from typing import Optional


_ONE = Quantity(1)


class Cart:
    def __init__(self) -> None:
        self._lines: list[LineItem] = []

    @property
    def lines(self) -> list[LineItem]:
        return list(self._lines)

    @property
    def is_empty(self) -> bool:
        return len(self._lines) == 0

    def add(self, product: Product, quantity: Quantity = _ONE) -> None:
        existing = self._find_line(product.sku)
        if existing is None:
            self._lines.append(LineItem(product, quantity))
        else:
            existing.increment_by(quantity)

    def remove(self, sku: str) -> None:
        existing = self._find_line(sku)
        if existing is not None:
            self._lines.remove(existing)

    def update_quantity(self, sku: str, quantity: int) -> None:
        line = self._find_line(sku)
        if line is None:
            raise LineItemNotFoundError(f"No line item for SKU '{sku}'")
        line.set_quantity(Quantity(quantity))

    def total(self) -> Money:
        total = Money.zero()
        for line in self._lines:
            total = total + line.subtotal()
        return total

    def _find_line(self, sku: str) -> Optional[LineItem]:
        return next((l for l in self._lines if l.product.sku == sku), None)


# ---- shopping_cart/__init__.py
__all__ = [
    "BulkPricing",
    "BuyXGetY",
    "Cart",
    "DiscountPolicy",
    "FixedOff",
    "LineItem",
    "LineItemNotFoundError",
    "Money",
    "NoDiscount",
    "PercentOff",
    "Product",
    "Quantity",
]
