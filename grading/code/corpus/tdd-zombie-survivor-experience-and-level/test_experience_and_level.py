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


# ---- inlined from tests/survivor_builder.py
from zombie_survivor import Survivor


class SurvivorBuilder:
    def __init__(self) -> None:
        self._name = "Bob"
        self._wounds = 0
        self._zombie_kills = 0
        self._equipment: list[str] = []

    def named(self, name: str) -> "SurvivorBuilder":
        self._name = name
        return self

    def with_wounds(self, wounds: int) -> "SurvivorBuilder":
        self._wounds = wounds
        return self

    def with_zombie_kills(self, kills: int) -> "SurvivorBuilder":
        self._zombie_kills = kills
        return self

    def with_equipment(self, *items: str) -> "SurvivorBuilder":
        self._equipment.extend(items)
        return self

    def build(self) -> Survivor:
        survivor = Survivor(self._name)
        for _ in range(self._zombie_kills):
            survivor.kill_zombie()
        for item in self._equipment:
            survivor.equip(item)
        for _ in range(self._wounds):
            survivor.receive_wound()
        return survivor


from zombie_survivor import Level



def test_killing_a_zombie_awards_one_experience_point():
    survivor = SurvivorBuilder().build()
    survivor.kill_zombie()
    assert survivor.experience == 1


def test_survivor_with_seven_experience_is_level_yellow():
    survivor = SurvivorBuilder().with_zombie_kills(7).build()
    assert survivor.level == Level.YELLOW


def test_survivor_with_nineteen_experience_is_level_orange():
    survivor = SurvivorBuilder().with_zombie_kills(19).build()
    assert survivor.level == Level.ORANGE


def test_survivor_with_forty_three_experience_is_level_red():
    survivor = SurvivorBuilder().with_zombie_kills(43).build()
    assert survivor.level == Level.RED


def test_game_level_matches_the_highest_level_among_living_survivors():
    game, _ = (
        HistoryBuilder()
        .with_survivor("Alice")
        .with_survivor("Bob")
        .with_zombie_kill("Alice", 7)
        .build()
    )
    assert game.game_level == Level.YELLOW
