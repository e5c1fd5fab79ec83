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


class TestIndividualRules:
    def test_a_live_cell_with_zero_neighbors_dies(self) -> None:
        grid = GridBuilder().with_living_cell_at(5, 5).build()

        next_gen = grid.tick()

        assert not next_gen.is_alive(5, 5)

    def test_a_live_cell_with_one_neighbor_dies(self) -> None:
        grid = GridBuilder().with_living_cells_at((0, 0), (0, 1)).build()

        next_gen = grid.tick()

        assert not next_gen.is_alive(0, 0)
        assert not next_gen.is_alive(0, 1)

    def test_a_live_cell_with_two_neighbors_survives(self) -> None:
        grid = GridBuilder().with_living_cells_at((0, 0), (0, 1), (0, 2)).build()

        next_gen = grid.tick()

        assert next_gen.is_alive(0, 1)

    def test_a_live_cell_with_three_neighbors_survives(self) -> None:
        grid = (
            GridBuilder()
            .with_living_cells_at((0, 0), (0, 1), (1, 0), (1, 1))
            .build()
        )

        next_gen = grid.tick()

        assert next_gen.is_alive(0, 0)

    def test_a_live_cell_with_four_neighbors_dies(self) -> None:
        grid = (
            GridBuilder()
            .with_living_cells_at((0, 1), (1, 0), (1, 1), (1, 2), (2, 1))
            .build()
        )

        next_gen = grid.tick()

        assert not next_gen.is_alive(1, 1)

    def test_a_dead_cell_with_exactly_three_neighbors_becomes_alive(self) -> None:
        grid = GridBuilder().with_living_cells_at((0, 0), (0, 1), (1, 0)).build()

        next_gen = grid.tick()

        assert next_gen.is_alive(1, 1)
