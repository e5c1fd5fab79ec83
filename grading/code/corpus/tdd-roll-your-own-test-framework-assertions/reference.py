# ---- roll_your_own_test_framework/assertion_failed_exception.py
class AssertionFailedException(Exception):
    pass


# ---- roll_your_own_test_framework/assertions.py
from typing import Callable



def assert_equal(expected: object, actual: object) -> None:
    if expected != actual:
        raise AssertionFailedException(f"expected {expected} but got {actual}")


def assert_true(condition: bool) -> None:
    if not condition:
        raise AssertionFailedException("expected true")


def assert_throws(fn: Callable[[], object]) -> None:
    try:
        fn()
    except Exception:
        return
    raise AssertionFailedException("expected exception")


# ---- roll_your_own_test_framework/test_result.py
from dataclasses import dataclass
from enum import Enum
from typing import Optional


class TestStatus(Enum):
    PASS = "PASS"
    FAIL = "FAIL"
    ERROR = "ERROR"


@dataclass(frozen=True)
class TestResult:
    name: str
    status: TestStatus
    message: Optional[str] = None


# ---- roll_your_own_test_framework/test_summary.py
class TestSummary:
    def __init__(self) -> None:
        self._results: list[TestResult] = []

    @property
    def results(self) -> list[TestResult]:
        return list(self._results)

    @property
    def run(self) -> int:
        return len(self._results)

    @property
    def passed(self) -> int:
        return sum(1 for r in self._results if r.status == TestStatus.PASS)

    @property
    def failed(self) -> int:
        return sum(1 for r in self._results if r.status == TestStatus.FAIL)

    @property
    def errors(self) -> int:
        return sum(1 for r in self._results if r.status == TestStatus.ERROR)

    def add(self, result: TestResult) -> None:
        self._results.append(result)


# ---- roll_your_own_test_framework/test_runner.py
import inspect
from typing import Type



class TestRunner:
    @staticmethod
    def run_all(test_class: Type) -> TestSummary:
        summary = TestSummary()
        instance = test_class()

        methods = inspect.getmembers(instance, predicate=inspect.ismethod)
        test_methods = [(name, method) for name, method in methods if name.startswith("test_")]

        for name, method in test_methods:
            try:
                method()
                summary.add(TestResult(name=name, status=TestStatus.PASS))
            except AssertionFailedException as e:
                summary.add(TestResult(name=name, status=TestStatus.FAIL, message=str(e)))
            except Exception as e:
                message = f"{type(e).__name__}: {e}"
                summary.add(TestResult(name=name, status=TestStatus.ERROR, message=message))

        return summary


# ---- roll_your_own_test_framework/__init__.py
__all__ = [
    "AssertionFailedException",
    "assert_equal",
    "assert_true",
    "assert_throws",
    "TestResult",
    "TestStatus",
    "TestSummary",
    "TestRunner",
]
