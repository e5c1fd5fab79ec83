# ---- zombie_survivor/clock.py
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


# ---- zombie_survivor/equipment.py
from dataclasses import dataclass
from enum import Enum


class EquipmentSlot(Enum):
    IN_HAND = "InHand"
    IN_RESERVE = "InReserve"


@dataclass(frozen=True)
class Equipment:
    name: str
    slot: EquipmentSlot


# ---- zombie_survivor/exceptions.py
class EquipmentCapacityExceededException(Exception):
    pass


class DuplicateSurvivorNameException(Exception):
    pass


# ---- zombie_survivor/history_entry.py
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class HistoryEntry:
    timestamp: datetime
    description: str


# ---- zombie_survivor/level.py
from enum import Enum


class Level(Enum):
    BLUE = "Blue"
    YELLOW = "Yellow"
    ORANGE = "Orange"
    RED = "Red"


_LEVEL_ORDER = {Level.BLUE: 0, Level.YELLOW: 1, Level.ORANGE: 2, Level.RED: 3}


def level_for(xp: int) -> Level:
    if xp >= 43:
        return Level.RED
    if xp >= 19:
        return Level.ORANGE
    if xp >= 7:
        return Level.YELLOW
    return Level.BLUE


def max_level(a: Level, b: Level) -> Level:
    return a if _LEVEL_ORDER[a] >= _LEVEL_ORDER[b] else b


# ---- zombie_survivor/skill.py
from enum import Enum


class Skill(Enum):
    PLUS_ONE_ACTION = "PlusOneAction"
    HOARD = "Hoard"
    SNIPER = "Sniper"
    TOUGH = "Tough"


# ---- zombie_survivor/survivor.py
_BASE_ACTIONS = 3
_MAX_WOUNDS = 2
_BASE_CAPACITY = 5
_MAX_IN_HAND = 2


class Survivor:
    def __init__(self, name: str) -> None:
        self._name = name
        self._wounds = 0
        self._experience = 0
        self._equipment: list[Equipment] = []
        self._skills: list[Skill] = []

    @property
    def name(self) -> str:
        return self._name

    @property
    def wounds(self) -> int:
        return self._wounds

    @property
    def experience(self) -> int:
        return self._experience

    @property
    def is_alive(self) -> bool:
        return self._wounds < _MAX_WOUNDS

    @property
    def level(self) -> Level:
        return level_for(self._experience)

    @property
    def actions_per_turn(self) -> int:
        bonus = sum(1 for s in self._skills if s == Skill.PLUS_ONE_ACTION)
        return _BASE_ACTIONS + bonus

    @property
    def equipment_capacity(self) -> int:
        hoard_bonus = sum(1 for s in self._skills if s == Skill.HOARD)
        return _BASE_CAPACITY - self._wounds + hoard_bonus

    @property
    def equipment(self) -> list[Equipment]:
        return list(self._equipment)

    @property
    def skills(self) -> list[Skill]:
        return list(self._skills)

    @property
    def in_hand_count(self) -> int:
        return sum(1 for e in self._equipment if e.slot == EquipmentSlot.IN_HAND)

    @property
    def in_reserve_count(self) -> int:
        return sum(1 for e in self._equipment if e.slot == EquipmentSlot.IN_RESERVE)

    def receive_wound(self) -> bool:
        if not self.is_alive:
            return False
        self._wounds += 1
        return True

    def equip(self, item_name: str) -> None:
        if len(self._equipment) >= self.equipment_capacity:
            raise EquipmentCapacityExceededException(
                f"Cannot carry more than {self.equipment_capacity} pieces of equipment."
            )
        slot = EquipmentSlot.IN_HAND if self.in_hand_count < _MAX_IN_HAND else EquipmentSlot.IN_RESERVE
        self._equipment.append(Equipment(item_name, slot))

    def discard(self, item_name: str) -> None:
        for i, e in enumerate(self._equipment):
            if e.name == item_name:
                self._equipment.pop(i)
                return

    @property
    def needs_to_discard(self) -> bool:
        return len(self._equipment) > self.equipment_capacity

    def kill_zombie(self) -> None:
        self._experience += 1

    def check_level_up(self, previous_experience: int) -> Level | None:
        previous_level = level_for(previous_experience)
        if self.level != previous_level:
            return self.level
        return None

    def unlock_skill(self, skill: Skill) -> None:
        self._skills.append(skill)


# ---- zombie_survivor/game.py
class Game:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._survivors: list[Survivor] = []
        self._history: list[HistoryEntry] = []
        self._game_level = Level.BLUE
        self._ended = False
        self._record_event("Game started.")

    @property
    def survivors(self) -> list[Survivor]:
        return list(self._survivors)

    @property
    def history(self) -> list[HistoryEntry]:
        return list(self._history)

    @property
    def game_level(self) -> Level:
        return self._game_level

    @property
    def has_ended(self) -> bool:
        return self._ended

    def add_survivor(self, survivor: Survivor) -> None:
        if any(s.name == survivor.name for s in self._survivors):
            raise DuplicateSurvivorNameException(
                f"A survivor named '{survivor.name}' already exists."
            )
        self._survivors.append(survivor)
        self._record_event(f"Survivor added: {survivor.name}.")

    def wound_survivor(self, survivor: Survivor) -> None:
        was_alive = survivor.is_alive
        changed = survivor.receive_wound()
        if not changed:
            return
        self._record_event(f"Wound received: {survivor.name}.")
        if was_alive and not survivor.is_alive:
            self._record_event(f"Survivor died: {survivor.name}.")
            self._check_game_end()

    def equip_survivor(self, survivor: Survivor, item_name: str) -> None:
        survivor.equip(item_name)
        self._record_event(f"Equipment acquired: {survivor.name} picked up {item_name}.")

    def kill_zombie(self, survivor: Survivor) -> None:
        previous_xp = survivor.experience
        survivor.kill_zombie()
        level_up = survivor.check_level_up(previous_xp)
        if level_up is not None:
            self._record_event(f"Level up: {survivor.name} reached {level_up.value}.")
            if level_up == Level.YELLOW:
                survivor.unlock_skill(Skill.PLUS_ONE_ACTION)
            self._update_game_level()

    def _update_game_level(self) -> None:
        highest = Level.BLUE
        for s in self._survivors:
            if s.is_alive:
                highest = max_level(highest, s.level)
        if highest != self._game_level:
            self._game_level = highest
            self._record_event(f"Game level changed to {self._game_level.value}.")

    def _check_game_end(self) -> None:
        if self._survivors and all(not s.is_alive for s in self._survivors):
            self._ended = True
            self._record_event("Game ended.")

    def _record_event(self, description: str) -> None:
        self._history.append(HistoryEntry(self._clock.now(), description))


# ---- zombie_survivor/__init__.py
__all__ = [
    "Clock",
    "DuplicateSurvivorNameException",
    "Equipment",
    "EquipmentCapacityExceededException",
    "EquipmentSlot",
    "Game",
    "HistoryEntry",
    "Level",
    "Skill",
    "Survivor",
]
