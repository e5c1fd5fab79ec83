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


# ---- inlined from tests/breaker_builder.py
from datetime import datetime, timedelta, timezone
from typing import Optional

from circuit_breaker import Breaker, DEFAULT_FAILURE_THRESHOLD, DEFAULT_RESET_TIMEOUT



class BreakerBuilder:
    def __init__(self) -> None:
        self._threshold: int = DEFAULT_FAILURE_THRESHOLD
        self._timeout: timedelta = DEFAULT_RESET_TIMEOUT
        self._start: datetime = datetime(2026, 1, 1, tzinfo=timezone.utc)
        self._clock: Optional[FixedClock] = None

    def with_threshold(self, threshold: int) -> "BreakerBuilder":
        self._threshold = threshold
        return self

    def with_timeout(self, timeout: timedelta) -> "BreakerBuilder":
        self._timeout = timeout
        return self

    def starting_at(self, start: datetime) -> "BreakerBuilder":
        self._start = start
        return self

    def with_clock(self, clock: FixedClock) -> "BreakerBuilder":
        self._clock = clock
        return self

    def build(self) -> tuple[Breaker, FixedClock]:
        clock = self._clock if self._clock is not None else FixedClock(self._start)
        breaker = Breaker(self._threshold, self._timeout, clock)
        return breaker, clock


import pytest

from circuit_breaker import BreakerState



def _succeeds(value):
    return lambda: value


def _fails():
    def op():
        raise RuntimeError("boom")
    return op


def _swallow(fn):
    try:
        fn()
    except Exception:
        pass


def test_execute_in_Closed_returns_the_operations_result_on_success():
    breaker, _ = BreakerBuilder().with_threshold(3).build()
    assert breaker.execute(_succeeds("ok")) == "ok"
    assert breaker.state is BreakerState.CLOSED


def test_execute_in_Closed_rethrows_the_operations_exception_on_failure():
    breaker, _ = BreakerBuilder().with_threshold(3).build()
    with pytest.raises(RuntimeError, match="boom"):
        breaker.execute(_fails())


def test_a_single_failure_in_Closed_does_not_trip_the_breaker():
    breaker, _ = BreakerBuilder().with_threshold(3).build()
    _swallow(lambda: breaker.execute(_fails()))
    assert breaker.state is BreakerState.CLOSED


def test_reaching_the_failure_threshold_in_Closed_transitions_to_Open():
    breaker, _ = BreakerBuilder().with_threshold(3).build()
    for _ in range(3):
        _swallow(lambda: breaker.execute(_fails()))
    assert breaker.state is BreakerState.OPEN


def test_a_success_in_Closed_resets_the_consecutive_failure_counter():
    breaker, _ = BreakerBuilder().with_threshold(3).build()
    _swallow(lambda: breaker.execute(_fails()))
    _swallow(lambda: breaker.execute(_fails()))
    breaker.execute(_succeeds("ok"))
    _swallow(lambda: breaker.execute(_fails()))
    _swallow(lambda: breaker.execute(_fails()))
    assert breaker.state is BreakerState.CLOSED


def test_consecutive_failures_below_the_threshold_stay_Closed_even_after_many_operations():
    breaker, _ = BreakerBuilder().with_threshold(3).build()
    for _ in range(10):
        _swallow(lambda: breaker.execute(_fails()))
        breaker.execute(_succeeds("ok"))
    assert breaker.state is BreakerState.CLOSED
