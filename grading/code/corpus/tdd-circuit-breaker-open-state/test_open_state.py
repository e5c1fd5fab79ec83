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


from datetime import timedelta

import pytest

from circuit_breaker import BreakerState, CircuitOpenError


THIRTY_SECONDS = timedelta(seconds=30)


def _fails():
    def op():
        raise RuntimeError("boom")
    return op


def _swallow(fn):
    try:
        fn()
    except Exception:
        pass


def _tripped():
    breaker, clock = (
        BreakerBuilder().with_threshold(3).with_timeout(THIRTY_SECONDS).build()
    )
    for _ in range(3):
        _swallow(lambda: breaker.execute(_fails()))
    return breaker, clock


def test_execute_in_Open_throws_CircuitOpenError_without_calling_the_operation():
    breaker, _ = _tripped()
    called = {"v": False}

    def probe():
        called["v"] = True
        return "unused"

    with pytest.raises(CircuitOpenError):
        breaker.execute(probe)
    assert called["v"] is False


def test_the_state_remains_Open_after_a_fail_fast_rejection():
    breaker, _ = _tripped()
    _swallow(lambda: breaker.execute(lambda: "unused"))
    assert breaker.state is BreakerState.OPEN


def test_the_CircuitOpenError_message_is_Circuit_is_open():
    breaker, _ = _tripped()
    with pytest.raises(CircuitOpenError) as excinfo:
        breaker.execute(lambda: "unused")
    assert str(excinfo.value) == "Circuit is open"
