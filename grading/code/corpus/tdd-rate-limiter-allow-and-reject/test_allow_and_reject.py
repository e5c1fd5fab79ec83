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


def test_the_first_request_for_a_key_is_allowed():
    limiter, _ = LimiterBuilder().with_max_requests(3).with_window(TEN_SECONDS).build()
    assert isinstance(limiter.request("alice"), Allowed)


def test_requests_up_to_the_limit_within_the_window_are_all_allowed():
    limiter, _ = LimiterBuilder().with_max_requests(3).with_window(TEN_SECONDS).build()
    assert isinstance(limiter.request("alice"), Allowed)
    assert isinstance(limiter.request("alice"), Allowed)
    assert isinstance(limiter.request("alice"), Allowed)


def test_each_allowed_decision_carries_no_retry_after():
    limiter, _ = LimiterBuilder().with_max_requests(3).with_window(TEN_SECONDS).build()
    decision = limiter.request("alice")
    assert isinstance(decision, Allowed)
    assert not hasattr(decision, "retry_after")


def test_the_request_past_the_limit_within_the_window_is_rejected():
    limiter, _ = LimiterBuilder().with_max_requests(3).with_window(TEN_SECONDS).build()
    limiter.request("alice")
    limiter.request("alice")
    limiter.request("alice")
    assert isinstance(limiter.request("alice"), Rejected)


def test_a_rejection_reports_retry_after_as_the_remaining_window_duration():
    limiter, clock = LimiterBuilder().with_max_requests(3).with_window(TEN_SECONDS).build()
    limiter.request("alice")
    limiter.request("alice")
    limiter.request("alice")

    clock.advance(timedelta(seconds=3))
    decision = limiter.request("alice")

    assert decision == Rejected(timedelta(seconds=7))


def test_a_rejected_request_does_not_count_against_the_window():
    limiter, clock = LimiterBuilder().with_max_requests(3).with_window(TEN_SECONDS).build()
    limiter.request("alice")
    limiter.request("alice")
    limiter.request("alice")

    for _ in range(5):
        limiter.request("alice")

    clock.advance(TEN_SECONDS)
    assert isinstance(limiter.request("alice"), Allowed)
    assert isinstance(limiter.request("alice"), Allowed)
    assert isinstance(limiter.request("alice"), Allowed)
    assert isinstance(limiter.request("alice"), Rejected)


def test_repeated_rejections_report_a_decreasing_retry_after_as_the_clock_advances():
    limiter, clock = LimiterBuilder().with_max_requests(3).with_window(TEN_SECONDS).build()
    limiter.request("alice")
    limiter.request("alice")
    limiter.request("alice")

    clock.advance(timedelta(seconds=2))
    first = limiter.request("alice")

    clock.advance(timedelta(seconds=3))
    second = limiter.request("alice")

    assert first == Rejected(timedelta(seconds=8))
    assert second == Rejected(timedelta(seconds=5))
