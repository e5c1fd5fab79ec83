from __future__ import annotations

# ---- character_copy/destination.py
from typing import Protocol


class Destination(Protocol):
    def write(self, ch: str) -> None: ...


# ---- character_copy/source.py
from typing import Protocol


class Source(Protocol):
    def read(self) -> str: ...


# ---- character_copy/character_copy.py
def copy(source: Source, destination: Destination) -> None:
    while True:
        ch = source.read()
        if ch == "\n":
            return
        destination.write(ch)


# ---- character_copy/__init__.py
__all__ = ["copy", "Source", "Destination"]
