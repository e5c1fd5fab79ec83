# ---- change_maker/change_maker.py
from collections.abc import Sequence


def make_change(amount: int, denominations: Sequence[int]) -> list[int]:
    coins: list[int] = []
    remaining = amount
    for coin in denominations:
        while remaining >= coin:
            coins.append(coin)
            remaining -= coin
    return coins


# ---- change_maker/__init__.py
__all__ = ["make_change"]
