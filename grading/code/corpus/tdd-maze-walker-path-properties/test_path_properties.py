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


# ---- inlined from tests/walker_builder.py
from maze_walker import Maze, Walker


class WalkerBuilder:
    def __init__(self) -> None:
        self._maze: Maze = MazeBuilder().build()

    def with_maze(self, maze: Maze) -> WalkerBuilder:
        self._maze = maze
        return self

    def build(self) -> Walker:
        return Walker(self._maze)


from maze_walker import CellType


def _solve_maze(layout: str):
    maze = MazeBuilder().with_layout(layout).build()
    walker = WalkerBuilder().with_maze(maze).build()
    return maze, walker.find_path()


def test_the_path_starts_at_the_start_cell() -> None:
    maze, path = _solve_maze("S..E")

    assert path[0] == maze.start


def test_the_path_ends_at_the_end_cell() -> None:
    maze, path = _solve_maze("S..E")

    assert path[-1] == maze.end


def test_each_step_in_the_path_is_to_an_adjacent_cell() -> None:
    _, path = _solve_maze("S.#\n..#\n..E")

    for i in range(1, len(path)):
        dr = abs(path[i].row - path[i - 1].row)
        dc = abs(path[i].col - path[i - 1].col)
        assert dr + dc == 1, "each step should move exactly one cell cardinally"


def test_the_path_contains_no_walls() -> None:
    maze, path = _solve_maze("S.#\n..#\n..E")

    for cell in path:
        assert maze.cell_type_at(cell.row, cell.col) != CellType.WALL
