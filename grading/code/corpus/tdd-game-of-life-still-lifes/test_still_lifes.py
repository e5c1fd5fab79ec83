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


class TestStillLifes:
    def test_block_is_stable_after_one_tick(self) -> None:
        grid = (
            GridBuilder()
            .with_living_cells_at((0, 0), (0, 1), (1, 0), (1, 1))
            .build()
        )

        next_gen = grid.tick()

        assert next_gen.living_cells() == grid.living_cells()

    def test_block_remains_stable_after_multiple_ticks(self) -> None:
        grid = (
            GridBuilder()
            .with_living_cells_at((0, 0), (0, 1), (1, 0), (1, 1))
            .build()
        )

        after5 = grid.tick().tick().tick().tick().tick()

        assert after5.living_cells() == grid.living_cells()
