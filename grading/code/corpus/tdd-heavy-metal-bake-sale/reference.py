from __future__ import annotations

# ---- heavy_metal_bake_sale/exceptions.py
class OutOfStockException(Exception):
    def __init__(self, product_name: str) -> None:
        super().__init__(f"{product_name} is out of stock")


class InsufficientPaymentException(Exception):
    def __init__(self) -> None:
        super().__init__("Not enough money.")


class UnknownPurchaseCodeException(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(f"Unknown purchase code: {code}")


# ---- heavy_metal_bake_sale/money.py
from dataclasses import dataclass
from decimal import Decimal, ROUND_HALF_UP


@dataclass(frozen=True)
class Money:
    amount: Decimal

    def __init__(self, amount: Decimal | float | str) -> None:
        object.__setattr__(self, "amount", Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + other.amount)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - other.amount)

    def __lt__(self, other: Money) -> bool:
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= other.amount

    def to_display(self) -> str:
        return f"${self.amount:.2f}"


# ---- heavy_metal_bake_sale/product.py
class Product:
    def __init__(self, name: str, price: Money, purchase_code: str, stock: int) -> None:
        self._name = name
        self._price = price
        self._purchase_code = purchase_code
        self._stock = stock

    @property
    def name(self) -> str:
        return self._name

    @property
    def price(self) -> Money:
        return self._price

    @property
    def purchase_code(self) -> str:
        return self._purchase_code

    @property
    def stock(self) -> int:
        return self._stock

    @property
    def is_in_stock(self) -> bool:
        return self._stock > 0

    def decrement_stock(self) -> None:
        self._stock -= 1


# ---- heavy_metal_bake_sale/bake_sale.py
from collections import Counter



class BakeSale:
    def __init__(self, inventory: list[Product]) -> None:
        self._inventory = inventory

    @property
    def inventory(self) -> list[Product]:
        return list(self._inventory)

    @classmethod
    def create_default(cls) -> BakeSale:
        return cls([
            Product("Brownie", Money(0.75), "B", 48),
            Product("Muffin", Money(1.00), "M", 36),
            Product("Cake Pop", Money(1.35), "C", 24),
            Product("Water", Money(1.50), "W", 30),
        ])

    def calculate_total(self, order: str) -> Money:
        codes = [c.strip() for c in order.split(",")]
        products = self._resolve_products(codes)

        self._validate_stock(products)

        total = Money.zero()
        for product in products:
            total = total + product.price

        for product in products:
            product.decrement_stock()

        return total

    def calculate_change(self, total: Money, payment: Money) -> Money:
        if payment < total:
            raise InsufficientPaymentException()
        return payment - total

    def _resolve_products(self, codes: list[str]) -> list[Product]:
        products: list[Product] = []
        for code in codes:
            product = next(
                (p for p in self._inventory if p.purchase_code == code), None
            )
            if product is None:
                raise UnknownPurchaseCodeException(code)
            products.append(product)
        return products

    def _validate_stock(self, products: list[Product]) -> None:
        counts = Counter(p.purchase_code for p in products)
        for code, count in counts.items():
            product = next(p for p in products if p.purchase_code == code)
            if product.stock < count:
                raise OutOfStockException(product.name)


# ---- heavy_metal_bake_sale/__init__.py
__all__ = [
    "Money",
    "Product",
    "BakeSale",
    "OutOfStockException",
    "InsufficientPaymentException",
    "UnknownPurchaseCodeException",
]
