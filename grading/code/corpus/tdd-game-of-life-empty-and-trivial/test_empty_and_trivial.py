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


class TestEmptyAndTrivial:
    def test_an_empty_grid_ticks_to_an_empty_grid(self) -> None:
        grid = GridBuilder().build()

        next_gen = grid.tick()

        assert len(next_gen.living_cells()) == 0

    def test_a_single_living_cell_dies_after_one_tick(self) -> None:
        grid = GridBuilder().with_living_cell_at(0, 0).build()

        next_gen = grid.tick()

        assert not next_gen.is_alive(0, 0)
