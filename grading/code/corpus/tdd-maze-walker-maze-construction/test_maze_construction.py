from __future__ import annotations

# ---- inlined from tests/maze_builder.py
from maze_walker import (
    Cell,
    CellType,
    Maze,
    NoStartCellException,
    NoEndCellException,
    MultipleStartCellsException,
    MultipleEndCellsException,
)


class MazeBuilder:
    def __init__(self) -> None:
        self._layout = "SE"

    def with_layout(self, layout: str) -> MazeBuilder:
        self._layout = layout
        return self

    def build(self) -> Maze:
        lines = self._layout.split("\n")
        rows = len(lines)
        cols = max(len(line) for line in lines)
        grid: list[list[CellType]] = []

        start: Cell | None = None
        end: Cell | None = None
        start_count = 0
        end_count = 0

        for r in range(rows):
            row: list[CellType] = []
            for c in range(cols):
                ch = lines[r][c] if c < len(lines[r]) else "."
                if ch == "#":
                    row.append(CellType.WALL)
                elif ch == "S":
                    row.append(CellType.START)
                    start = Cell(r, c)
                    start_count += 1
                elif ch == "E":
                    row.append(CellType.END)
                    end = Cell(r, c)
                    end_count += 1
                else:
                    row.append(CellType.OPEN)
            grid.append(row)

        if start_count == 0:
            raise NoStartCellException()
        if start_count > 1:
            raise MultipleStartCellsException()
        if end_count == 0:
            raise NoEndCellException()
        if end_count > 1:
            raise MultipleEndCellsException()

        assert start is not None
        assert end is not None
        return Maze(grid, start, end)


import pytest

from maze_walker import (
    Cell,
    CellType,
    NoStartCellException,
    NoEndCellException,
    MultipleStartCellsException,
    MultipleEndCellsException,
)


def test_a_maze_can_be_built_from_a_string_art_representation() -> None:
    maze = MazeBuilder().with_layout("S.E").build()

    assert maze.rows == 1
    assert maze.cols == 3
    assert maze.start == Cell(0, 0)
    assert maze.end == Cell(0, 2)


def test_a_maze_identifies_walls_correctly() -> None:
    maze = MazeBuilder().with_layout("S#E").build()

    assert maze.cell_type_at(0, 1) == CellType.WALL


def test_a_maze_without_a_start_cell_throws_no_start_cell_exception() -> None:
    with pytest.raises(NoStartCellException, match="Maze must have exactly one start cell."):
        MazeBuilder().with_layout("..E").build()


def test_a_maze_without_an_end_cell_throws_no_end_cell_exception() -> None:
    with pytest.raises(NoEndCellException, match="Maze must have exactly one end cell."):
        MazeBuilder().with_layout("S..").build()


def test_a_maze_with_multiple_start_cells_throws_multiple_start_cells_exception() -> None:
    with pytest.raises(MultipleStartCellsException, match="Maze must have exactly one start cell."):
        MazeBuilder().with_layout("S.S\n..E").build()


def test_a_maze_with_multiple_end_cells_throws_multiple_end_cells_exception() -> None:
    with pytest.raises(MultipleEndCellsException, match="Maze must have exactly one end cell."):
        MazeBuilder().with_layout("S.E\n..E").build()
