from __future__ import annotations

# ---- event_sourcing/account_status.py
from enum import Enum


class AccountStatus(Enum):
    OPEN = "Open"
    CLOSED = "Closed"


# ---- event_sourcing/money.py
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


# ---- event_sourcing/account_summary.py
from dataclasses import dataclass



@dataclass(frozen=True)
class AccountSummary:
    owner_name: str
    balance: Money
    transaction_count: int
    status: AccountStatus


# ---- event_sourcing/events.py
from dataclasses import dataclass
from datetime import datetime



@dataclass(frozen=True)
class AccountEvent:
    account_id: str
    timestamp: datetime


@dataclass(frozen=True)
class AccountOpened(AccountEvent):
    owner_name: str = ""


@dataclass(frozen=True)
class MoneyDeposited(AccountEvent):
    amount: Money = Money.zero()


@dataclass(frozen=True)
class MoneyWithdrawn(AccountEvent):
    amount: Money = Money.zero()


@dataclass(frozen=True)
class AccountClosed(AccountEvent):
    pass


# ---- event_sourcing/exceptions.py
class AccountNotOpenException(Exception):
    pass


class AccountClosedException(Exception):
    pass


class InsufficientFundsException(Exception):
    pass


class InvalidAmountException(Exception):
    pass


class NonZeroBalanceException(Exception):
    pass


# ---- event_sourcing/transaction.py
from dataclasses import dataclass
from datetime import datetime



@dataclass(frozen=True)
class Transaction:
    timestamp: datetime
    amount: Money
    balance_after: Money


# ---- event_sourcing/account.py
from datetime import datetime



class Account:
    def __init__(self, account_id: str) -> None:
        self._account_id = account_id
        self._owner_name = ""
        self._balance = Money.zero()
        self._status = AccountStatus.OPEN
        self._opened = False
        self._events: list[AccountEvent] = []

    @property
    def account_id(self) -> str:
        return self._account_id

    @property
    def balance(self) -> Money:
        return self._balance

    @property
    def status(self) -> AccountStatus:
        return self._status

    @staticmethod
    def rebuild(events: list[AccountEvent]) -> Account:
        if not events:
            raise AccountNotOpenException("Account has no events.")

        first = events[0]
        if not isinstance(first, AccountOpened):
            raise AccountNotOpenException("Account was never opened.")

        account = Account(first.account_id)
        for e in events:
            account._apply(e)
        return account

    def deposit(self, amount: Money, timestamp: datetime) -> AccountEvent:
        self._ensure_open()
        if not amount.is_positive:
            raise InvalidAmountException("Deposit amount must be positive.")

        e = MoneyDeposited(
            account_id=self._account_id, timestamp=timestamp, amount=amount
        )
        self._apply(e)
        return e

    def withdraw(self, amount: Money, timestamp: datetime) -> AccountEvent:
        self._ensure_open()
        if not amount.is_positive:
            raise InvalidAmountException("Withdrawal amount must be positive.")
        if amount > self._balance:
            raise InsufficientFundsException(
                "Withdrawal amount exceeds current balance."
            )

        e = MoneyWithdrawn(
            account_id=self._account_id, timestamp=timestamp, amount=amount
        )
        self._apply(e)
        return e

    def close(self, timestamp: datetime) -> AccountEvent:
        self._ensure_open()
        if self._balance != Money.zero():
            raise NonZeroBalanceException(
                "Cannot close account with non-zero balance."
            )

        e = AccountClosed(account_id=self._account_id, timestamp=timestamp)
        self._apply(e)
        return e

    def transaction_history(self) -> list[Transaction]:
        transactions: list[Transaction] = []
        running = Money.zero()
        for e in self._events:
            if isinstance(e, MoneyDeposited):
                running = running + e.amount
                transactions.append(Transaction(e.timestamp, e.amount, running))
            elif isinstance(e, MoneyWithdrawn):
                running = running - e.amount
                transactions.append(Transaction(e.timestamp, -e.amount, running))
        return transactions

    def summary(self) -> AccountSummary:
        tx_count = sum(
            1 for e in self._events if isinstance(e, (MoneyDeposited, MoneyWithdrawn))
        )
        return AccountSummary(self._owner_name, self._balance, tx_count, self._status)

    def balance_at(self, point_in_time: datetime) -> Money:
        balance = Money.zero()
        for e in self._events:
            if e.timestamp > point_in_time:
                break
            if isinstance(e, MoneyDeposited):
                balance = balance + e.amount
            elif isinstance(e, MoneyWithdrawn):
                balance = balance - e.amount
        return balance

    def transactions_in_range(
        self, from_time: datetime, to_time: datetime
    ) -> list[Transaction]:
        transactions: list[Transaction] = []
        running = Money.zero()
        for e in self._events:
            if isinstance(e, MoneyDeposited):
                running = running + e.amount
                if from_time <= e.timestamp <= to_time:
                    transactions.append(Transaction(e.timestamp, e.amount, running))
            elif isinstance(e, MoneyWithdrawn):
                running = running - e.amount
                if from_time <= e.timestamp <= to_time:
                    transactions.append(Transaction(e.timestamp, -e.amount, running))
        return transactions

    def _apply(self, e: AccountEvent) -> None:
        if isinstance(e, AccountOpened):
            self._owner_name = e.owner_name
            self._opened = True
            self._status = AccountStatus.OPEN
        elif isinstance(e, MoneyDeposited):
            self._balance = self._balance + e.amount
        elif isinstance(e, MoneyWithdrawn):
            self._balance = self._balance - e.amount
        elif isinstance(e, AccountClosed):
            self._status = AccountStatus.CLOSED
        self._events.append(e)

    def _ensure_open(self) -> None:
        if not self._opened:
            raise AccountNotOpenException("Account was never opened.")
        if self._status == AccountStatus.CLOSED:
            raise AccountClosedException("Account is closed.")


# ---- event_sourcing/__init__.py
__all__ = [
    "Money",
    "AccountEvent",
    "AccountOpened",
    "MoneyDeposited",
    "MoneyWithdrawn",
    "AccountClosed",
    "AccountStatus",
    "Transaction",
    "AccountSummary",
    "Account",
    "AccountNotOpenException",
    "AccountClosedException",
    "InsufficientFundsException",
    "InvalidAmountException",
    "NonZeroBalanceException",
]
