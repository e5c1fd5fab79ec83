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


from datetime import timedelta


ONE_MINUTE = timedelta(minutes=1)


def test_a_get_after_ttl_has_elapsed_returns_none():
    cache, clock = CacheBuilder[str]().with_ttl(ONE_MINUTE).build()
    cache.put("alpha", "one")

    clock.advance(ONE_MINUTE)

    assert cache.get("alpha") is None


def test_contains_returns_false_once_ttl_has_elapsed():
    cache, clock = CacheBuilder[str]().with_ttl(ONE_MINUTE).build()
    cache.put("alpha", "one")

    clock.advance(ONE_MINUTE)

    assert cache.contains("alpha") is False


def test_an_expired_entry_is_not_counted_in_size_after_eviction_sweep():
    cache, clock = CacheBuilder[str]().with_ttl(ONE_MINUTE).build()
    cache.put("alpha", "one")
    cache.put("beta", "two")

    clock.advance(ONE_MINUTE)
    cache.evict_expired()

    assert cache.size == 0


def test_explicit_evict_expired_removes_all_expired_entries():
    cache, clock = CacheBuilder[str]().with_ttl(ONE_MINUTE).build()
    cache.put("alpha", "one")
    cache.put("beta", "two")
    cache.put("gamma", "three")

    clock.advance(ONE_MINUTE)
    cache.evict_expired()

    assert cache.contains("alpha") is False
    assert cache.contains("beta") is False
    assert cache.contains("gamma") is False


def test_explicit_evict_expired_leaves_live_entries_intact():
    cache, clock = CacheBuilder[str]().with_ttl(ONE_MINUTE).build()
    cache.put("old", "stale")
    clock.advance(timedelta(seconds=30))
    cache.put("fresh", "alive")

    clock.advance(timedelta(seconds=30))
    cache.evict_expired()

    assert cache.contains("old") is False
    assert cache.contains("fresh") is True
    assert cache.get("fresh") == "alive"


def test_ttl_is_measured_from_insertion_time_not_from_last_access():
    cache, clock = CacheBuilder[str]().with_ttl(ONE_MINUTE).build()
    cache.put("alpha", "one")

    clock.advance(timedelta(seconds=30))
    assert cache.get("alpha") == "one"

    clock.advance(timedelta(seconds=30))
    assert cache.get("alpha") is None
