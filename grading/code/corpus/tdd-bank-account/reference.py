from __future__ import annotations

# ---- bank_account/clock.py
from datetime import date
from typing import Protocol


class Clock(Protocol):
    def today(self) -> date: ...


# ---- bank_account/money.py
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

    @property
    def is_positive(self) -> bool:
        return self.amount > 0

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + other.amount)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - other.amount)

    def __neg__(self) -> Money:
        return Money(-self.amount)

    def __gt__(self, other: Money) -> bool:
        return self.amount > other.amount


# ---- bank_account/transaction.py
from dataclasses import dataclass
from datetime import date



@dataclass(frozen=True)
class Transaction:
    date: date
    amount: Money
    balance_after: Money


# ---- bank_account/account.py
class Account:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._balance = Money.zero()
        self._transactions: list[Transaction] = []

    @property
    def balance(self) -> Money:
        return self._balance

    @property
    def transactions(self) -> list[Transaction]:
        return list(self._transactions)

    def deposit(self, amount: Money) -> bool:
        if not amount.is_positive:
            return False
        self._balance = self._balance + amount
        self._transactions.append(
            Transaction(self._clock.today(), amount, self._balance)
        )
        return True

    def withdraw(self, amount: Money) -> bool:
        if not amount.is_positive:
            return False
        if amount > self._balance:
            return False
        self._balance = self._balance - amount
        self._transactions.append(
            Transaction(self._clock.today(), -amount, self._balance)
        )
        return True

    def print_statement(self) -> str:
        header = "Date       | Amount  | Balance"
        lines = [header]
        for t in self._transactions:
            date_str = t.date.isoformat()
            amount_str = f"{t.amount.amount:.2f}".rjust(7)
            balance_str = f"{t.balance_after.amount:.2f}".rjust(7)
            lines.append(f"{date_str} | {amount_str} | {balance_str}")
        return "\n".join(lines)


# ---- bank_account/__init__.py
__all__ = ["Account", "Clock", "Money", "Transaction"]
