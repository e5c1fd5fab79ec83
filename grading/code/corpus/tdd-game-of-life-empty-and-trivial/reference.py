from __future__ import annotations

# ---- game_of_life/cell.py
from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    """A coordinate on the infinite plane. Value type with equality by (row, col)."""

    row: int
    col: int

    def neighbors(self) -> list[Cell]:
        """Return the eight orthogonal and diagonal neighbors."""
        result: list[Cell] = []
        for dr in range(-1, 2):
            for dc in range(-1, 2):
                if dr == 0 and dc == 0:
                    continue
                result.append(Cell(self.row + dr, self.col + dc))
        return result


# ---- game_of_life/grid.py
from collections import Counter
from typing import Iterable



class Grid:
    """
    Immutable set of living cells on an unbounded infinite plane.
    ``tick()`` applies the four GoL rules and returns the next generation.
    """

    def __init__(self, living_cells: Iterable[Cell] = ()) -> None:
        self._living_cells: frozenset[Cell] = frozenset(living_cells)

    def is_alive(self, row: int, col: int) -> bool:
        return Cell(row, col) in self._living_cells

    def living_cells(self) -> frozenset[Cell]:
        return self._living_cells

    def tick(self) -> Grid:
        neighbor_counts: Counter[Cell] = Counter()

        for cell in self._living_cells:
            for neighbor in cell.neighbors():
                neighbor_counts[neighbor] += 1

        next_generation: set[Cell] = set()

        for candidate, count in neighbor_counts.items():
            is_alive = candidate in self._living_cells
            if count == 3 or (count == 2 and is_alive):
                next_generation.add(candidate)

        return Grid(next_generation)


# ---- game_of_life/__init__.py
__all__ = [
    "Cell",
    "Grid",
]
