from __future__ import annotations

# ---- rate_limiter/clock.py
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


# ---- rate_limiter/decision.py
from dataclasses import dataclass
from datetime import timedelta
from typing import Union


@dataclass(frozen=True)
class Allowed:
    pass


@dataclass(frozen=True)
class Rejected:
    retry_after: timedelta


Decision = Union[Allowed, Rejected]


# ---- rate_limiter/exceptions.py
class LimiterRuleInvalidError(Exception):
    """Raised when a Rule is constructed with a non-positive max_requests or window."""
    pass


# ---- rate_limiter/rule.py
from dataclasses import dataclass
from datetime import timedelta



@dataclass(frozen=True)
class Rule:
    max_requests: int
    window: timedelta

    def __post_init__(self) -> None:
        if self.max_requests <= 0:
            raise LimiterRuleInvalidError("Max requests must be positive")
        if self.window <= timedelta(0):
            raise LimiterRuleInvalidError("Window must be positive")


# ---- rate_limiter/limiter.py
from dataclasses import dataclass
from datetime import datetime, timedelta


DEFAULT_MAX_REQUESTS = 100
DEFAULT_WINDOW_DURATION = timedelta(seconds=60)


@dataclass
class _WindowState:
    start: datetime
    count: int


class Limiter:
    def __init__(self, rule: Rule, clock: Clock) -> None:
        self._rule = rule
        self._clock = clock
        self._windows: dict[str, _WindowState] = {}

    def request(self, key: str) -> Decision:
        now = self._clock.now()
        state = self._windows.get(key)

        if state is None or now >= state.start + self._rule.window:
            self._windows[key] = _WindowState(now, 1)
            return Allowed()

        if state.count < self._rule.max_requests:
            state.count += 1
            return Allowed()

        retry_after = (state.start + self._rule.window) - now
        return Rejected(retry_after)


# ---- rate_limiter/__init__.py
__all__ = [
    "Allowed",
    "Clock",
    "DEFAULT_MAX_REQUESTS",
    "DEFAULT_WINDOW_DURATION",
    "Decision",
    "Limiter",
    "LimiterRuleInvalidError",
    "Rejected",
    "Rule",
]
