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


from zombie_survivor import Skill



def test_reaching_yellow_unlocks_plus_one_action_as_the_mandatory_first_skill():
    game, _ = (
        HistoryBuilder()
        .with_survivor("Alice")
        .with_zombie_kill("Alice", 7)
        .build()
    )
    alice = next(s for s in game.survivors if s.name == "Alice")
    assert Skill.PLUS_ONE_ACTION in alice.skills


def test_plus_one_action_skill_increases_actions_to_four():
    game, _ = (
        HistoryBuilder()
        .with_survivor("Alice")
        .with_zombie_kill("Alice", 7)
        .build()
    )
    alice = next(s for s in game.survivors if s.name == "Alice")
    assert alice.actions_per_turn == 4


def test_hoard_skill_increases_equipment_capacity_by_one():
    survivor = SurvivorBuilder().build()
    survivor.unlock_skill(Skill.HOARD)
    assert survivor.equipment_capacity == 6
