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



class TestOscillators:
    def test_horizontal_blinker_becomes_vertical_after_one_tick(self) -> None:
        horizontal = (
            GridBuilder().with_living_cells_at((0, 0), (0, 1), (0, 2)).build()
        )

        vertical = horizontal.tick()

        expected = frozenset({Cell(-1, 1), Cell(0, 1), Cell(1, 1)})
        assert vertical.living_cells() == expected

    def test_vertical_blinker_becomes_horizontal_after_one_tick(self) -> None:
        vertical = (
            GridBuilder().with_living_cells_at((-1, 1), (0, 1), (1, 1)).build()
        )

        horizontal = vertical.tick()

        expected = frozenset({Cell(0, 0), Cell(0, 1), Cell(0, 2)})
        assert horizontal.living_cells() == expected

    def test_blinker_returns_to_its_original_state_after_two_ticks(self) -> None:
        original = (
            GridBuilder().with_living_cells_at((0, 0), (0, 1), (0, 2)).build()
        )

        after_two = original.tick().tick()

        assert after_two.living_cells() == original.living_cells()
