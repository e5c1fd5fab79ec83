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


from parking_lot import SpotType


class TestSpotAllocation:
    def test_a_motorcycle_parks_in_a_motorcycle_spot_when_available(self) -> None:
        lot, _ = LotBuilder().with_motorcycle_spots(1).with_compact_spots(1).with_large_spots(1).build()
        motorcycle = VehicleBuilder().as_motorcycle().build()

        ticket = lot.park_entry(motorcycle)

        assert ticket.spot_type == SpotType.MOTORCYCLE

    def test_a_car_parks_in_a_compact_spot_when_available(self) -> None:
        lot, _ = LotBuilder().with_motorcycle_spots(1).with_compact_spots(1).with_large_spots(1).build()
        car = VehicleBuilder().as_car().build()

        ticket = lot.park_entry(car)

        assert ticket.spot_type == SpotType.COMPACT

    def test_a_bus_parks_in_a_large_spot_when_available(self) -> None:
        lot, _ = LotBuilder().with_motorcycle_spots(1).with_compact_spots(1).with_large_spots(1).build()
        bus = VehicleBuilder().as_bus().build()

        ticket = lot.park_entry(bus)

        assert ticket.spot_type == SpotType.LARGE

    def test_a_motorcycle_uses_a_compact_spot_when_no_motorcycle_spots_remain(self) -> None:
        lot, _ = LotBuilder().with_motorcycle_spots(0).with_compact_spots(1).with_large_spots(1).build()
        motorcycle = VehicleBuilder().as_motorcycle().build()

        ticket = lot.park_entry(motorcycle)

        assert ticket.spot_type == SpotType.COMPACT

    def test_a_motorcycle_uses_a_large_spot_when_no_motorcycle_or_compact_spots_remain(self) -> None:
        lot, _ = LotBuilder().with_motorcycle_spots(0).with_compact_spots(0).with_large_spots(1).build()
        motorcycle = VehicleBuilder().as_motorcycle().build()

        ticket = lot.park_entry(motorcycle)

        assert ticket.spot_type == SpotType.LARGE

    def test_a_car_uses_a_large_spot_when_no_compact_spots_remain(self) -> None:
        lot, _ = LotBuilder().with_motorcycle_spots(1).with_compact_spots(0).with_large_spots(1).build()
        car = VehicleBuilder().as_car().build()

        ticket = lot.park_entry(car)

        assert ticket.spot_type == SpotType.LARGE
