from __future__ import annotations

# ---- circuit_breaker/breaker_state.py
from enum import Enum


class BreakerState(Enum):
    CLOSED = "Closed"
    OPEN = "Open"
    HALF_OPEN = "HalfOpen"


# ---- circuit_breaker/clock.py
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


# ---- circuit_breaker/exceptions.py
class BreakerThresholdInvalidError(Exception):
    """Raised when a breaker is constructed with a non-positive failure threshold."""
    pass


class BreakerTimeoutInvalidError(Exception):
    """Raised when a breaker is constructed with a non-positive reset timeout."""
    pass


class CircuitOpenError(Exception):
    """Raised by execute when the breaker is open and declines to invoke the operation."""
    pass


# ---- circuit_breaker/breaker.py
from datetime import datetime, timedelta
from typing import Callable, TypeVar


T = TypeVar("T")

DEFAULT_FAILURE_THRESHOLD = 5
DEFAULT_RESET_TIMEOUT = timedelta(seconds=30)


class Breaker:
    def __init__(
        self,
        failure_threshold: int,
        reset_timeout: timedelta,
        clock: Clock,
    ) -> None:
        if failure_threshold <= 0:
            raise BreakerThresholdInvalidError("Failure threshold must be positive")
        if reset_timeout <= timedelta(0):
            raise BreakerTimeoutInvalidError("Reset timeout must be positive")
        self._failure_threshold = failure_threshold
        self._reset_timeout = reset_timeout
        self._clock = clock
        self._state: BreakerState = BreakerState.CLOSED
        self._consecutive_failures = 0
        self._opened_at: datetime | None = None

    @property
    def state(self) -> BreakerState:
        return self._state

    def execute(self, operation: Callable[[], T]) -> T:
        if self._state is BreakerState.OPEN:
            assert self._opened_at is not None
            if self._clock.now() - self._opened_at >= self._reset_timeout:
                self._state = BreakerState.HALF_OPEN
            else:
                raise CircuitOpenError("Circuit is open")

        try:
            result = operation()
        except BaseException:
            self._on_failure()
            raise
        self._on_success()
        return result

    def _on_success(self) -> None:
        self._consecutive_failures = 0
        self._state = BreakerState.CLOSED

    def _on_failure(self) -> None:
        if self._state is BreakerState.HALF_OPEN:
            self._trip()
            return
        self._consecutive_failures += 1
        if self._consecutive_failures >= self._failure_threshold:
            self._trip()

    def _trip(self) -> None:
        self._state = BreakerState.OPEN
        self._opened_at = self._clock.now()


# ---- circuit_breaker/__init__.py
__all__ = [
    "Breaker",
    "BreakerState",
    "Clock",
    "DEFAULT_FAILURE_THRESHOLD",
    "DEFAULT_RESET_TIMEOUT",
    "BreakerThresholdInvalidError",
    "BreakerTimeoutInvalidError",
    "CircuitOpenError",
]
