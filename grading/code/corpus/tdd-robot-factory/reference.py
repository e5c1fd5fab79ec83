from __future__ import annotations

# ---- robot_factory/money.py
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Money:
    amount: Decimal = field(default=Decimal(0))

    def __init__(self, amount: Decimal | int | float | str = 0) -> None:
        object.__setattr__(self, "amount", Decimal(str(amount)))

    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + other.amount)

    def __lt__(self, other: Money) -> bool:
        return self.amount < other.amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > other.amount


# ---- robot_factory/part_option.py
from enum import Enum


class PartOption(Enum):
    # Head
    STANDARD_VISION = "StandardVision"
    INFRARED_VISION = "InfraredVision"
    NIGHT_VISION = "NightVision"

    # Body
    SQUARE = "Square"
    ROUND = "Round"
    TRIANGULAR = "Triangular"
    RECTANGULAR = "Rectangular"

    # Arms
    HANDS = "Hands"
    PINCHERS = "Pinchers"
    BOXING_GLOVES = "BoxingGloves"

    # Movement
    WHEELS = "Wheels"
    LEGS = "Legs"
    TRACKS = "Tracks"

    # Power
    SOLAR = "Solar"
    RECHARGEABLE_BATTERY = "RechargeableBattery"
    BIOMASS = "Biomass"


# ---- robot_factory/part_type.py
from enum import Enum


class PartType(Enum):
    HEAD = "Head"
    BODY = "Body"
    ARMS = "Arms"
    MOVEMENT = "Movement"
    POWER = "Power"


# ---- robot_factory/part_quote.py
from dataclasses import dataclass



@dataclass(frozen=True)
class PartQuote:
    type: PartType
    option: PartOption
    price: Money
    supplier_name: str


# ---- robot_factory/cost_breakdown.py
from dataclasses import dataclass



@dataclass(frozen=True)
class CostBreakdown:
    parts: list[PartQuote]
    total: Money


# ---- robot_factory/part_not_available_error.py
class PartNotAvailableError(Exception):
    pass


# ---- robot_factory/purchased_part.py
from dataclasses import dataclass



@dataclass(frozen=True)
class PurchasedPart:
    type: PartType
    option: PartOption
    price: Money
    supplier_name: str


# ---- robot_factory/part_supplier.py
from typing import Protocol



class PartSupplier(Protocol):
    @property
    def name(self) -> str: ...

    def get_quote(self, part_type: PartType, option: PartOption) -> PartQuote | None: ...

    def purchase(self, part_type: PartType, option: PartOption) -> PurchasedPart: ...


# ---- robot_factory/order_incomplete_error.py
class OrderIncompleteError(Exception):
    pass


# ---- robot_factory/robot_order.py
class RobotOrder:
    def __init__(self) -> None:
        self._parts: dict[PartType, PartOption] = {}

    @property
    def parts(self) -> dict[PartType, PartOption]:
        return dict(self._parts)

    def configure(self, part_type: PartType, option: PartOption) -> None:
        self._parts[part_type] = option

    def validate(self) -> None:
        missing = [t for t in PartType if t not in self._parts]
        if missing:
            names = ", ".join(t.value for t in missing)
            raise OrderIncompleteError(
                f"Order is missing part types: {names}"
            )


# ---- robot_factory/factory.py
from functools import reduce



class Factory:
    def __init__(self, suppliers: list[PartSupplier]) -> None:
        self._suppliers = list(suppliers)

    def cost_robot(self, order: RobotOrder) -> CostBreakdown:
        order.validate()

        cheapest_parts = []

        for part_type, option in order.parts.items():
            quotes = [
                q
                for s in self._suppliers
                if (q := s.get_quote(part_type, option)) is not None
            ]

            if not quotes:
                raise PartNotAvailableError(
                    f"Part not available: {option.value}"
                )

            cheapest_parts.append(min(quotes, key=lambda q: q.price))

        total = reduce(lambda s, q: s + q.price, cheapest_parts, Money.zero())
        return CostBreakdown(parts=cheapest_parts, total=total)

    def purchase_robot(self, order: RobotOrder) -> list[PurchasedPart]:
        breakdown = self.cost_robot(order)

        purchased = []
        for quote in breakdown.parts:
            supplier = next(
                s for s in self._suppliers if s.name == quote.supplier_name
            )
            purchased.append(supplier.purchase(quote.type, quote.option))

        return purchased


# ---- robot_factory/__init__.py
__all__ = [
    "Factory",
    "Money",
    "OrderIncompleteError",
    "PartNotAvailableError",
    "PartOption",
    "PartQuote",
    "PartSupplier",
    "PartType",
    "PurchasedPart",
    "RobotOrder",
]
