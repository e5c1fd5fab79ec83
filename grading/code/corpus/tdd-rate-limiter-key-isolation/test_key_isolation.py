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


# ---- inlined from tests/limiter_builder.py
from datetime import datetime, timedelta, timezone
from typing import Optional

from rate_limiter import (
    DEFAULT_MAX_REQUESTS,
    DEFAULT_WINDOW_DURATION,
    Limiter,
    Rule,
)



class LimiterBuilder:
    def __init__(self) -> None:
        self._max_requests: int = DEFAULT_MAX_REQUESTS
        self._window: timedelta = DEFAULT_WINDOW_DURATION
        self._start: datetime = datetime(2026, 1, 1, tzinfo=timezone.utc)
        self._clock: Optional[FixedClock] = None

    def with_max_requests(self, max_requests: int) -> "LimiterBuilder":
        self._max_requests = max_requests
        return self

    def with_window(self, window: timedelta) -> "LimiterBuilder":
        self._window = window
        return self

    def starting_at(self, start: datetime) -> "LimiterBuilder":
        self._start = start
        return self

    def with_clock(self, clock: FixedClock) -> "LimiterBuilder":
        self._clock = clock
        return self

    def build(self) -> tuple[Limiter, FixedClock]:
        clock = self._clock if self._clock is not None else FixedClock(self._start)
        limiter = Limiter(Rule(self._max_requests, self._window), clock)
        return limiter, clock


from datetime import timedelta

from rate_limiter import Allowed, Rejected


TEN_SECONDS = timedelta(seconds=10)


def test_two_different_keys_have_independent_counts():
    limiter, _ = LimiterBuilder().with_max_requests(3).with_window(TEN_SECONDS).build()

    assert isinstance(limiter.request("alice"), Allowed)
    assert isinstance(limiter.request("alice"), Allowed)
    assert isinstance(limiter.request("alice"), Allowed)

    assert isinstance(limiter.request("bob"), Allowed)
    assert isinstance(limiter.request("bob"), Allowed)
    assert isinstance(limiter.request("bob"), Allowed)


def test_a_rejection_on_one_key_does_not_affect_another_keys_decisions():
    limiter, _ = LimiterBuilder().with_max_requests(3).with_window(TEN_SECONDS).build()
    limiter.request("alice")
    limiter.request("alice")
    limiter.request("alice")
    assert isinstance(limiter.request("alice"), Rejected)

    assert isinstance(limiter.request("bob"), Allowed)


def test_each_keys_window_starts_from_its_own_first_request():
    limiter, clock = LimiterBuilder().with_max_requests(3).with_window(TEN_SECONDS).build()
    limiter.request("alice")
    limiter.request("alice")
    limiter.request("alice")

    clock.advance(timedelta(seconds=5))
    limiter.request("bob")
    limiter.request("bob")
    limiter.request("bob")

    assert limiter.request("alice") == Rejected(timedelta(seconds=5))
    assert limiter.request("bob") == Rejected(timedelta(seconds=10))
