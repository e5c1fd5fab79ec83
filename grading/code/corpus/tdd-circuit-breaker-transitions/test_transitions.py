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


def _trip_to_open(breaker):
    for _ in range(3):
        _swallow(lambda: breaker.execute(_fails()))


def test_execute_before_the_reset_timeout_elapses_still_fails_fast():
    breaker, clock = (
        BreakerBuilder().with_threshold(3).with_timeout(THIRTY_SECONDS).build()
    )
    _trip_to_open(breaker)

    clock.advance(timedelta(seconds=29))

    with pytest.raises(CircuitOpenError):
        breaker.execute(_succeeds("ok"))


def test_execute_after_the_reset_timeout_elapses_probes_the_operation_in_HalfOpen():
    breaker, clock = (
        BreakerBuilder().with_threshold(3).with_timeout(THIRTY_SECONDS).build()
    )
    _trip_to_open(breaker)
    clock.advance(THIRTY_SECONDS)

    probed = {"v": False}

    def probe():
        probed["v"] = True
        return "ok"

    breaker.execute(probe)
    assert probed["v"] is True


def test_a_successful_probe_transitions_HalfOpen_to_Closed():
    breaker, clock = (
        BreakerBuilder().with_threshold(3).with_timeout(THIRTY_SECONDS).build()
    )
    _trip_to_open(breaker)
    clock.advance(THIRTY_SECONDS)

    breaker.execute(_succeeds("ok"))

    assert breaker.state is BreakerState.CLOSED


def test_a_successful_probe_resets_the_consecutive_failure_counter():
    breaker, clock = (
        BreakerBuilder().with_threshold(3).with_timeout(THIRTY_SECONDS).build()
    )
    _trip_to_open(breaker)
    clock.advance(THIRTY_SECONDS)
    breaker.execute(_succeeds("ok"))

    _swallow(lambda: breaker.execute(_fails()))
    _swallow(lambda: breaker.execute(_fails()))

    assert breaker.state is BreakerState.CLOSED


def test_a_failed_probe_transitions_HalfOpen_back_to_Open_and_rethrows():
    breaker, clock = (
        BreakerBuilder().with_threshold(3).with_timeout(THIRTY_SECONDS).build()
    )
    _trip_to_open(breaker)
    clock.advance(THIRTY_SECONDS)

    with pytest.raises(RuntimeError, match="boom"):
        breaker.execute(_fails())
    assert breaker.state is BreakerState.OPEN


def test_a_failed_probe_restarts_the_reset_timeout():
    breaker, clock = (
        BreakerBuilder().with_threshold(3).with_timeout(THIRTY_SECONDS).build()
    )
    _trip_to_open(breaker)
    clock.advance(THIRTY_SECONDS)
    _swallow(lambda: breaker.execute(_fails()))

    clock.advance(timedelta(seconds=29))
    with pytest.raises(CircuitOpenError):
        breaker.execute(_succeeds("ok"))
