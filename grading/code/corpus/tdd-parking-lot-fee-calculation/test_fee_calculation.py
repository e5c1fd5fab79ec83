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


from datetime import timedelta
from decimal import Decimal



class TestFeeCalculation:
    def test_a_motorcycle_parked_for_exactly_one_hour_pays_1_dollar(self) -> None:
        lot, clock = LotBuilder().with_motorcycle_spots(1).build()
        motorcycle = VehicleBuilder().as_motorcycle().build()

        ticket = lot.park_entry(motorcycle)
        clock.advance(timedelta(hours=1))
        fee = lot.process_exit(ticket)

        assert fee.amount == Decimal("1")

    def test_a_car_parked_for_exactly_two_hours_pays_6_dollars(self) -> None:
        lot, clock = LotBuilder().with_compact_spots(1).build()
        car = VehicleBuilder().as_car().build()

        ticket = lot.park_entry(car)
        clock.advance(timedelta(hours=2))
        fee = lot.process_exit(ticket)

        assert fee.amount == Decimal("6")

    def test_a_bus_parked_for_exactly_one_hour_pays_5_dollars(self) -> None:
        lot, clock = LotBuilder().with_large_spots(1).build()
        bus = VehicleBuilder().as_bus().build()

        ticket = lot.park_entry(bus)
        clock.advance(timedelta(hours=1))
        fee = lot.process_exit(ticket)

        assert fee.amount == Decimal("5")

    def test_partial_hours_round_up_a_car_parked_for_2_hours_1_minute_pays_9_dollars(self) -> None:
        lot, clock = LotBuilder().with_compact_spots(1).build()
        car = VehicleBuilder().as_car().build()

        ticket = lot.park_entry(car)
        clock.advance(timedelta(hours=2, minutes=1))
        fee = lot.process_exit(ticket)

        assert fee.amount == Decimal("9")

    def test_a_stay_of_zero_duration_is_billed_as_1_hour(self) -> None:
        lot, _ = LotBuilder().with_compact_spots(1).build()
        car = VehicleBuilder().as_car().build()

        ticket = lot.park_entry(car)
        fee = lot.process_exit(ticket)

        assert fee.amount == Decimal("3")
