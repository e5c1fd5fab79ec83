from __future__ import annotations

# ---- inlined from tests/fixed_clock.py
from datetime import datetime, timedelta


class FixedClock:
    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance_to(self, when: datetime) -> None:
        self._now = when

    def advance(self, delta: timedelta) -> None:
        self._now = self._now + delta


# ---- inlined from tests/lot_builder.py
from datetime import datetime, timezone
from decimal import Decimal

from parking_lot import DEFAULT_BUS_RATE, DEFAULT_CAR_RATE, DEFAULT_MOTORCYCLE_RATE, Lot


class LotBuilder:
    def __init__(self) -> None:
        self._motorcycle_spots = 0
        self._compact_spots = 0
        self._large_spots = 0
        self._motorcycle_rate = DEFAULT_MOTORCYCLE_RATE
        self._car_rate = DEFAULT_CAR_RATE
        self._bus_rate = DEFAULT_BUS_RATE
        self._start = datetime(2026, 1, 1, tzinfo=timezone.utc)
        self._clock: FixedClock | None = None

    def with_motorcycle_spots(self, count: int) -> LotBuilder:
        self._motorcycle_spots = count
        return self

    def with_compact_spots(self, count: int) -> LotBuilder:
        self._compact_spots = count
        return self

    def with_large_spots(self, count: int) -> LotBuilder:
        self._large_spots = count
        return self

    def with_motorcycle_rate(self, rate: Decimal) -> LotBuilder:
        self._motorcycle_rate = rate
        return self

    def with_car_rate(self, rate: Decimal) -> LotBuilder:
        self._car_rate = rate
        return self

    def with_bus_rate(self, rate: Decimal) -> LotBuilder:
        self._bus_rate = rate
        return self

    def starting_at(self, start: datetime) -> LotBuilder:
        self._start = start
        return self

    def with_clock(self, clock: FixedClock) -> LotBuilder:
        self._clock = clock
        return self

    def build(self) -> tuple[Lot, FixedClock]:
        clock = self._clock or FixedClock(self._start)
        lot = Lot(
            self._motorcycle_spots,
            self._compact_spots,
            self._large_spots,
            clock,
            self._motorcycle_rate,
            self._car_rate,
            self._bus_rate,
        )
        return lot, clock


# ---- inlined from tests/vehicle_builder.py
from parking_lot import Vehicle, VehicleType


class VehicleBuilder:
    def __init__(self) -> None:
        self._type = VehicleType.CAR
        self._plate = "CAR-001"

    def as_motorcycle(self) -> VehicleBuilder:
        self._type = VehicleType.MOTORCYCLE
        self._plate = "MC-001"
        return self

    def as_car(self) -> VehicleBuilder:
        self._type = VehicleType.CAR
        self._plate = "CAR-001"
        return self

    def as_bus(self) -> VehicleBuilder:
        self._type = VehicleType.BUS
        self._plate = "BUS-001"
        return self

    def with_plate(self, plate: str) -> VehicleBuilder:
        self._plate = plate
        return self

    def build(self) -> Vehicle:
        return Vehicle(type=self._type, license_plate=self._plate)


import pytest

from parking_lot import NoAvailableSpotError


class TestNoAvailableSpot:
    def test_parking_a_car_when_only_motorcycle_spots_remain_raises_no_available_spot_error(self) -> None:
        lot, _ = LotBuilder().with_motorcycle_spots(2).with_compact_spots(0).with_large_spots(0).build()
        car = VehicleBuilder().as_car().with_plate("CAR-100").build()

        with pytest.raises(NoAvailableSpotError, match="No available spot for vehicle CAR-100"):
            lot.park_entry(car)

    def test_parking_a_bus_when_only_compact_and_motorcycle_spots_remain_raises_no_available_spot_error(self) -> None:
        lot, _ = LotBuilder().with_motorcycle_spots(1).with_compact_spots(2).with_large_spots(0).build()
        bus = VehicleBuilder().as_bus().with_plate("BUS-100").build()

        with pytest.raises(NoAvailableSpotError, match="No available spot for vehicle BUS-100"):
            lot.park_entry(bus)

    def test_parking_any_vehicle_when_the_lot_is_completely_full_raises_no_available_spot_error(self) -> None:
        lot, _ = LotBuilder().with_motorcycle_spots(1).with_compact_spots(0).with_large_spots(0).build()
        lot.park_entry(VehicleBuilder().as_motorcycle().with_plate("MC-001").build())

        with pytest.raises(NoAvailableSpotError, match="No available spot for vehicle MC-002"):
            lot.park_entry(VehicleBuilder().as_motorcycle().with_plate("MC-002").build())
