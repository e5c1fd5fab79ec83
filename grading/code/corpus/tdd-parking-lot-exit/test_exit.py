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


from datetime import datetime, timedelta, timezone

import pytest

from parking_lot import InvalidTicketError, SpotType, Ticket, Vehicle, VehicleType


class TestExit:
    def test_exiting_frees_the_spot_so_another_vehicle_of_the_same_type_can_park(self) -> None:
        lot, clock = LotBuilder().with_motorcycle_spots(0).with_compact_spots(1).with_large_spots(0).build()
        car1 = VehicleBuilder().as_car().with_plate("CAR-001").build()
        car2 = VehicleBuilder().as_car().with_plate("CAR-002").build()

        ticket = lot.park_entry(car1)
        clock.advance(timedelta(hours=1))
        lot.process_exit(ticket)

        lot.park_entry(car2)  # should not raise

    def test_exiting_with_an_invalid_ticket_raises_invalid_ticket_error(self) -> None:
        lot, _ = LotBuilder().with_motorcycle_spots(1).with_compact_spots(1).with_large_spots(1).build()
        fake_ticket = Ticket(
            vehicle=Vehicle(VehicleType.CAR, "FAKE-001"),
            spot_type=SpotType.COMPACT,
            entry_time=datetime(2026, 1, 1, tzinfo=timezone.utc),
        )

        with pytest.raises(InvalidTicketError, match="Ticket is not valid"):
            lot.process_exit(fake_ticket)

    def test_exiting_with_the_same_ticket_twice_raises_invalid_ticket_error(self) -> None:
        lot, clock = LotBuilder().with_motorcycle_spots(1).with_compact_spots(1).with_large_spots(1).build()
        car = VehicleBuilder().as_car().build()
        ticket = lot.park_entry(car)

        clock.advance(timedelta(hours=1))
        lot.process_exit(ticket)

        with pytest.raises(InvalidTicketError, match="Ticket is not valid"):
            lot.process_exit(ticket)
