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


def test_new_game_records_a_game_started_event():
    game, _ = HistoryBuilder().build()
    assert len(game.history) == 1
    assert game.history[0].description == "Game started."


def test_adding_a_survivor_records_a_survivor_added_event():
    game, _ = HistoryBuilder().with_survivor("Alice").build()
    assert any(e.description == "Survivor added: Alice." for e in game.history)


def test_receiving_a_wound_records_a_wound_received_event():
    game, _ = (
        HistoryBuilder()
        .with_survivor("Alice")
        .with_wound("Alice")
        .build()
    )
    assert any(e.description == "Wound received: Alice." for e in game.history)


def test_survivor_death_records_a_survivor_died_event():
    game, _ = (
        HistoryBuilder()
        .with_survivor("Alice")
        .with_wound("Alice")
        .with_wound("Alice")
        .build()
    )
    assert any(e.description == "Survivor died: Alice." for e in game.history)


def test_leveling_up_records_a_level_up_event():
    game, _ = (
        HistoryBuilder()
        .with_survivor("Alice")
        .with_zombie_kill("Alice", 7)
        .build()
    )
    assert any(e.description == "Level up: Alice reached Yellow." for e in game.history)


def test_game_level_change_records_a_game_level_changed_event():
    game, _ = (
        HistoryBuilder()
        .with_survivor("Alice")
        .with_zombie_kill("Alice", 7)
        .build()
    )
    assert any(e.description == "Game level changed to Yellow." for e in game.history)


def test_game_ending_records_a_game_ended_event():
    game, _ = (
        HistoryBuilder()
        .with_survivor("Alice")
        .with_wound("Alice")
        .with_wound("Alice")
        .build()
    )
    assert any(e.description == "Game ended." for e in game.history)
