from __future__ import annotations

# ---- inlined from tests/fixed_clock.py
from datetime import datetime, timedelta


class FixedClock:
    def __init__(self, now: datetime) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now

    def advance_to(self, when: datetime) -> None:
        self._now = when

    def advance(self, delta: timedelta) -> None:
        self._now = self._now + delta


# ---- inlined from tests/cache_builder.py
from datetime import datetime, timedelta, timezone
from typing import Generic, Optional, TypeVar

from memory_cache import Cache, DEFAULT_CAPACITY, DEFAULT_TTL


V = TypeVar("V")


class CacheBuilder(Generic[V]):
    def __init__(self) -> None:
        self._capacity: int = DEFAULT_CAPACITY
        self._ttl: timedelta = DEFAULT_TTL
        self._start: datetime = datetime(2026, 1, 1, tzinfo=timezone.utc)
        self._clock: Optional[FixedClock] = None

    def with_capacity(self, capacity: int) -> "CacheBuilder[V]":
        self._capacity = capacity
        return self

    def with_ttl(self, ttl: timedelta) -> "CacheBuilder[V]":
        self._ttl = ttl
        return self

    def starting_at(self, start: datetime) -> "CacheBuilder[V]":
        self._start = start
        return self

    def with_clock(self, clock: FixedClock) -> "CacheBuilder[V]":
        self._clock = clock
        return self

    def build(self) -> tuple[Cache[V], FixedClock]:
        clock = self._clock if self._clock is not None else FixedClock(self._start)
        cache: Cache[V] = Cache(self._capacity, self._ttl, clock)
        return cache, clock


def test_filling_the_cache_to_capacity_does_not_evict():
    cache, _ = CacheBuilder[str]().with_capacity(3).build()
    cache.put("a", "1")
    cache.put("b", "2")
    cache.put("c", "3")

    assert cache.size == 3
    assert cache.contains("a") is True
    assert cache.contains("b") is True
    assert cache.contains("c") is True


def test_putting_a_new_key_when_at_capacity_evicts_the_least_recently_used_key():
    cache, _ = CacheBuilder[str]().with_capacity(3).build()
    cache.put("a", "1")
    cache.put("b", "2")
    cache.put("c", "3")

    cache.put("d", "4")

    assert cache.size == 3
    assert cache.contains("a") is False
    assert cache.contains("d") is True


def test_getting_a_key_refreshes_recency_so_it_is_not_the_next_evicted():
    cache, _ = CacheBuilder[str]().with_capacity(3).build()
    cache.put("a", "1")
    cache.put("b", "2")
    cache.put("c", "3")

    cache.get("a")
    cache.put("d", "4")

    assert cache.contains("a") is True
    assert cache.contains("b") is False


def test_replacing_an_existing_key_refreshes_recency_so_it_is_not_the_next_evicted():
    cache, _ = CacheBuilder[str]().with_capacity(3).build()
    cache.put("a", "1")
    cache.put("b", "2")
    cache.put("c", "3")

    cache.put("a", "1-new")
    cache.put("d", "4")

    assert cache.contains("a") is True
    assert cache.get("a") == "1-new"
    assert cache.contains("b") is False
