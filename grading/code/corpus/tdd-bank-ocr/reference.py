from __future__ import annotations

# ---- bank_ocr/constants.py
DigitWidth = 3
DigitHeight = 3
AccountLength = 9
RowWidth = DigitWidth * AccountLength


# ---- bank_ocr/digit.py
from dataclasses import dataclass


@dataclass(frozen=True)
class Digit:
    value: int | None

    @classmethod
    def of(cls, value: int) -> Digit:
        if not isinstance(value, int) or value < 0 or value > 9:
            raise ValueError("Digit value must be an integer 0-9.")
        return cls(value)

    @classmethod
    def unknown(cls) -> Digit:
        return cls(None)

    @property
    def is_known(self) -> bool:
        return self.value is not None

    def __str__(self) -> str:
        return str(self.value) if self.is_known else "?"


# ---- bank_ocr/account_number.py
from dataclasses import dataclass, field
from typing import Iterable



@dataclass(frozen=True)
class AccountNumber:
    digits: tuple[Digit, ...] = field(default_factory=tuple)

    def __init__(self, digits: Iterable[Digit]) -> None:
        tup = tuple(digits)
        if len(tup) != AccountLength:
            raise ValueError(
                f"Account number must have exactly {AccountLength} digits."
            )
        object.__setattr__(self, "digits", tup)

    @property
    def is_legible(self) -> bool:
        return all(d.is_known for d in self.digits)

    @property
    def is_checksum_valid(self) -> bool:
        if not self.is_legible:
            return False
        total = 0
        for i, d in enumerate(self.digits):
            position = AccountLength - i  # d1 -> 9, d9 -> 1
            assert d.value is not None
            total += d.value * position
        return total % 11 == 0

    @property
    def number(self) -> str:
        return "".join(str(d) for d in self.digits)

    @property
    def status(self) -> str:
        if not self.is_legible:
            return f"{self.number} ILL"
        if not self.is_checksum_valid:
            return f"{self.number} ERR"
        return self.number


# ---- bank_ocr/exceptions.py
class InvalidAccountNumberFormatException(Exception):
    """Raised when OCR input has the wrong number of rows or wrong row width."""


# ---- bank_ocr/parser.py
from typing import Sequence


# Canonical glyphs: each entry is the 9-char flattened 3x3 grid (top | middle | bottom).
_GLYPHS: dict[str, int] = {
    " _ " + "| |" + "|_|": 0,
    "   " + "  |" + "  |": 1,
    " _ " + " _|" + "|_ ": 2,
    " _ " + " _|" + " _|": 3,
    "   " + "|_|" + "  |": 4,
    " _ " + "|_ " + " _|": 5,
    " _ " + "|_ " + "|_|": 6,
    " _ " + "  |" + "  |": 7,
    " _ " + "|_|" + "|_|": 8,
    " _ " + "|_|" + " _|": 9,
}


def parse_digit(three_row_block: Sequence[str]) -> Digit:
    if len(three_row_block) != DigitHeight:
        raise InvalidAccountNumberFormatException(
            f"Digit block must have exactly {DigitHeight} rows."
        )
    for row in three_row_block:
        if len(row) != DigitWidth:
            raise InvalidAccountNumberFormatException(
                f"Digit block rows must be exactly {DigitWidth} characters wide."
            )
    key = three_row_block[0] + three_row_block[1] + three_row_block[2]
    value = _GLYPHS.get(key)
    return Digit.unknown() if value is None else Digit.of(value)


def parse_account_number(three_rows: Sequence[str]) -> AccountNumber:
    if len(three_rows) != DigitHeight:
        raise InvalidAccountNumberFormatException(
            f"OCR block must have exactly {DigitHeight} rows."
        )
    for row in three_rows:
        if len(row) != RowWidth:
            raise InvalidAccountNumberFormatException(
                f"OCR block rows must be exactly {RowWidth} characters wide."
            )
    digits: list[Digit] = []
    for i in range(AccountLength):
        start = i * DigitWidth
        block = [
            three_rows[0][start:start + DigitWidth],
            three_rows[1][start:start + DigitWidth],
            three_rows[2][start:start + DigitWidth],
        ]
        digits.append(parse_digit(block))
    return AccountNumber(digits)


# ---- bank_ocr/__init__.py
__all__ = [
    "AccountLength",
    "AccountNumber",
    "Digit",
    "DigitHeight",
    "DigitWidth",
    "InvalidAccountNumberFormatException",
    "RowWidth",
    "parse_account_number",
    "parse_digit",
]
