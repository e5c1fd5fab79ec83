# ---- inlined from tests/fixed_clock.py
from datetime import datetime


class FixedClock:
    def __init__(self, now: datetime) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now

    def advance_to(self, dt: datetime) -> None:
        self._now = dt


# ---- inlined from tests/history_builder.py
from datetime import datetime, timezone
from typing import Callable

from zombie_survivor import Game, Survivor


GameAction = Callable[[Game], None]


class HistoryBuilder:
    def __init__(self) -> None:
        self._start_time = datetime(2026, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
        self._actions: list[GameAction] = []

    def with_survivor(self, name: str) -> "HistoryBuilder":
        self._actions.append(lambda game: game.add_survivor(Survivor(name)))
        return self

    def with_wound(self, survivor_name: str) -> "HistoryBuilder":
        def action(game: Game) -> None:
            survivor = next(s for s in game.survivors if s.name == survivor_name)
            game.wound_survivor(survivor)
        self._actions.append(action)
        return self

    def with_zombie_kill(self, survivor_name: str, count: int = 1) -> "HistoryBuilder":
        def action(game: Game) -> None:
            survivor = next(s for s in game.survivors if s.name == survivor_name)
            for _ in range(count):
                game.kill_zombie(survivor)
        self._actions.append(action)
        return self

    def build(self) -> tuple[Game, FixedClock]:
        clock = FixedClock(self._start_time)
        game = Game(clock)
        for action in self._actions:
            action(game)
        return game, clock


import pytest

from zombie_survivor import DuplicateSurvivorNameException, Survivor



def test_new_game_starts_with_zero_survivors():
    game, _ = HistoryBuilder().build()
    assert len(game.survivors) == 0


def test_adding_a_survivor_increases_the_survivor_count():
    game, _ = HistoryBuilder().with_survivor("Alice").build()
    assert len(game.survivors) == 1


def test_adding_a_survivor_with_a_duplicate_name_is_rejected():
    game, _ = HistoryBuilder().with_survivor("Alice").build()
    with pytest.raises(
        DuplicateSurvivorNameException,
        match="A survivor named 'Alice' already exists.",
    ):
        game.add_survivor(Survivor("Alice"))


def test_game_ends_when_all_survivors_are_dead():
    game, _ = (
        HistoryBuilder()
        .with_survivor("Alice")
        .with_wound("Alice")
        .with_wound("Alice")
        .build()
    )
    assert game.has_ended is True
