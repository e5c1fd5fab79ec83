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

from circuit_breaker import (
    BreakerState,
    BreakerThresholdInvalidError,
    BreakerTimeoutInvalidError,
)



def test_a_new_breaker_is_in_the_Closed_state():
    breaker, _ = BreakerBuilder().build()
    assert breaker.state is BreakerState.CLOSED


def test_breaker_rejects_non_positive_failure_threshold_with_BreakerThresholdInvalidError():
    with pytest.raises(BreakerThresholdInvalidError) as excinfo:
        BreakerBuilder().with_threshold(0).build()
    assert str(excinfo.value) == "Failure threshold must be positive"


def test_breaker_rejects_non_positive_reset_timeout_with_BreakerTimeoutInvalidError():
    with pytest.raises(BreakerTimeoutInvalidError) as excinfo:
        BreakerBuilder().with_timeout(timedelta(0)).build()
    assert str(excinfo.value) == "Reset timeout must be positive"
