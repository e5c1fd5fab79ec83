from __future__ import annotations

# ---- maze_walker/cell.py
from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    """A coordinate in the maze. Value type with equality by (row, col)."""

    row: int
    col: int

    def cardinal_neighbors(self) -> list[Cell]:
        """Return the four cardinal neighbors (up, down, left, right)."""
        return [
            Cell(self.row - 1, self.col),
            Cell(self.row + 1, self.col),
            Cell(self.row, self.col - 1),
            Cell(self.row, self.col + 1),
        ]


# ---- maze_walker/cell_type.py
from enum import Enum


class CellType(Enum):
    """The kind of cell in a maze grid."""

    OPEN = "Open"
    WALL = "Wall"
    START = "Start"
    END = "End"


# ---- maze_walker/maze.py
class Maze:
    """Immutable rectangular grid of cells with exactly one start and one end."""

    def __init__(
        self, grid: list[list[CellType]], start: Cell, end: Cell
    ) -> None:
        self._grid = grid
        self.rows = len(grid)
        self.cols = len(grid[0]) if grid else 0
        self.start = start
        self.end = end

    def cell_type_at(self, row: int, col: int) -> CellType | None:
        """Returns the cell type at the given position, or None if out of bounds."""
        if row < 0 or row >= self.rows or col < 0 or col >= self.cols:
            return None
        return self._grid[row][col]

    def is_walkable(self, cell: Cell) -> bool:
        """Returns True if the given cell is within bounds and not a wall."""
        cell_type = self.cell_type_at(cell.row, cell.col)
        return cell_type is not None and cell_type != CellType.WALL


# ---- maze_walker/maze_exceptions.py
class NoStartCellException(Exception):
    def __init__(self) -> None:
        super().__init__("Maze must have exactly one start cell.")


class NoEndCellException(Exception):
    def __init__(self) -> None:
        super().__init__("Maze must have exactly one end cell.")


class MultipleStartCellsException(Exception):
    def __init__(self) -> None:
        super().__init__("Maze must have exactly one start cell.")


class MultipleEndCellsException(Exception):
    def __init__(self) -> None:
        super().__init__("Maze must have exactly one end cell.")


# ---- maze_walker/walker.py
from collections import deque



class Walker:
    """Navigates a maze using BFS to find the shortest path from start to end."""

    def __init__(self, maze: Maze) -> None:
        self._maze = maze

    def find_path(self) -> list[Cell]:
        """
        Finds the shortest path from start to end using BFS.
        Returns an empty list when no path exists.
        """
        start = self._maze.start
        end = self._maze.end

        visited: set[Cell] = {start}
        queue: deque[Cell] = deque([start])
        came_from: dict[Cell, Cell] = {}

        while queue:
            current = queue.popleft()

            if current == end:
                return self._reconstruct_path(came_from, start, end)

            for neighbor in current.cardinal_neighbors():
                if not self._maze.is_walkable(neighbor):
                    continue
                if neighbor in visited:
                    continue

                visited.add(neighbor)
                came_from[neighbor] = current
                queue.append(neighbor)

        return []

    @staticmethod
    def _reconstruct_path(
        came_from: dict[Cell, Cell], start: Cell, end: Cell
    ) -> list[Cell]:
        path: list[Cell] = []
        current = end

        while current != start:
            path.append(current)
            current = came_from[current]

        path.append(start)
        path.reverse()
        return path


# ---- maze_walker/__init__.py
__all__ = [
    "Cell",
    "CellType",
    "Maze",
    "Walker",
    "NoStartCellException",
    "NoEndCellException",
    "MultipleStartCellsException",
    "MultipleEndCellsException",
]
