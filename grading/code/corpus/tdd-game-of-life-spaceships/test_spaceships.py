from __future__ import annotations

# ---- inlined from tests/grid_builder.py
from game_of_life import Cell, Grid


class GridBuilder:
    def __init__(self) -> None:
        self._living_cells: list[Cell] = []

    def with_living_cell_at(self, row: int, col: int) -> GridBuilder:
        self._living_cells.append(Cell(row, col))
        return self

    def with_living_cells_at(self, *cells: tuple[int, int]) -> GridBuilder:
        for row, col in cells:
            self._living_cells.append(Cell(row, col))
        return self

    def build(self) -> Grid:
        return Grid(self._living_cells)


from game_of_life import Cell



class TestSpaceships:
    def test_glider_translates_one_cell_down_and_right_after_four_ticks(self) -> None:
        glider = (
            GridBuilder()
            .with_living_cells_at((0, 1), (1, 2), (2, 0), (2, 1), (2, 2))
            .build()
        )

        after4 = glider.tick().tick().tick().tick()

        expected = frozenset(
            {Cell(1, 2), Cell(2, 3), Cell(3, 1), Cell(3, 2), Cell(3, 3)}
        )
        assert after4.living_cells() == expected
