from __future__ import annotations

# ---- laundry_reservation/customer.py
from dataclasses import dataclass


@dataclass(frozen=True)
class Customer:
    email: str
    cell_phone: str


# ---- laundry_reservation/email_notifier.py
from typing import Protocol


class EmailNotifier(Protocol):
    def send(self, to: str, subject: str, body: str) -> None: ...


# ---- laundry_reservation/exceptions.py
class DuplicateReservationError(Exception):
    pass


# ---- laundry_reservation/machine_device.py
from datetime import datetime
from typing import Protocol


class MachineDevice(Protocol):
    def lock(self, reservation_id: str, reservation_date_time: datetime, pin: int) -> bool: ...
    def unlock(self, reservation_id: str) -> None: ...


# ---- laundry_reservation/machine_api.py
from datetime import datetime



class MachineApi:
    def __init__(self) -> None:
        self._devices: dict[int, MachineDevice] = {}
        self._reservation_to_machine: dict[str, int] = {}

    def register_device(self, machine_number: int, device: MachineDevice) -> None:
        self._devices[machine_number] = device

    def lock(
        self,
        reservation_id: str,
        machine_number: int,
        reservation_date_time: datetime,
        pin: int,
    ) -> bool:
        device = self._devices.get(machine_number)
        if device is None:
            return False

        if reservation_id in self._reservation_to_machine:
            device.lock(reservation_id, reservation_date_time, pin)
            return True

        locked = device.lock(reservation_id, reservation_date_time, pin)
        if locked:
            self._reservation_to_machine[reservation_id] = machine_number
        return locked

    def unlock(self, machine_number: int, reservation_id: str) -> None:
        device = self._devices.get(machine_number)
        if device is not None:
            device.unlock(reservation_id)
            self._reservation_to_machine.pop(reservation_id, None)


# ---- laundry_reservation/machine_selector.py
from typing import Protocol


class MachineSelector(Protocol):
    def select_available(self) -> int: ...


# ---- laundry_reservation/pin_generator.py
from typing import Protocol


class PinGenerator(Protocol):
    def generate(self) -> int: ...


# ---- laundry_reservation/reservation.py
from datetime import datetime



class Reservation:
    def __init__(
        self,
        id: str,
        slot: datetime,
        machine_number: int,
        customer: Customer,
        pin: int,
    ) -> None:
        self._id = id
        self._slot = slot
        self._machine_number = machine_number
        self._customer = customer
        self._pin = pin
        self._is_used = False

    @property
    def id(self) -> str:
        return self._id

    @property
    def slot(self) -> datetime:
        return self._slot

    @property
    def machine_number(self) -> int:
        return self._machine_number

    @property
    def customer(self) -> Customer:
        return self._customer

    @property
    def pin(self) -> int:
        return self._pin

    @property
    def is_used(self) -> bool:
        return self._is_used

    def mark_used(self) -> None:
        self._is_used = True

    def update_pin(self, new_pin: int) -> None:
        self._pin = new_pin


# ---- laundry_reservation/reservation_repository.py
from typing import Protocol



class ReservationRepository(Protocol):
    def save(self, reservation: Reservation) -> None: ...
    def find_active_by_customer_email(self, email: str) -> Reservation | None: ...
    def find_active_by_machine_number(self, machine_number: int) -> Reservation | None: ...


# ---- laundry_reservation/sms_notifier.py
from typing import Protocol


class SmsNotifier(Protocol):
    def send(self, to: str, message: str) -> None: ...


# ---- laundry_reservation/reservation_service.py
import uuid
from datetime import datetime


MAX_FAILED_ATTEMPTS = 5


class ReservationService:
    def __init__(
        self,
        repository: ReservationRepository,
        email_notifier: EmailNotifier,
        sms_notifier: SmsNotifier,
        machine_api: MachineApi,
        pin_generator: PinGenerator,
        machine_selector: MachineSelector,
    ) -> None:
        self._repository = repository
        self._email_notifier = email_notifier
        self._sms_notifier = sms_notifier
        self._machine_api = machine_api
        self._pin_generator = pin_generator
        self._machine_selector = machine_selector
        self._failure_counts: dict[int, int] = {}

    def create_reservation(self, slot: datetime, customer: Customer) -> Reservation:
        existing = self._repository.find_active_by_customer_email(customer.email)
        if existing is not None:
            raise DuplicateReservationError(
                f"Customer '{customer.email}' already has an active reservation."
            )

        reservation_id = str(uuid.uuid4())
        machine_number = self._machine_selector.select_available()
        pin = self._pin_generator.generate()
        reservation = Reservation(reservation_id, slot, machine_number, customer, pin)

        self._repository.save(reservation)

        self._email_notifier.send(
            customer.email,
            "Wunda Wash Reservation Confirmation",
            f"Reservation {reservation_id}: Machine {machine_number}, PIN {pin:05d}",
        )

        self._machine_api.lock(reservation_id, machine_number, slot, pin)

        return reservation

    def claim_reservation(self, machine_number: int, pin: int) -> bool:
        reservation = self._repository.find_active_by_machine_number(machine_number)
        if reservation is None:
            return False

        if reservation.pin == pin:
            reservation.mark_used()
            self._repository.save(reservation)
            self._machine_api.unlock(machine_number, reservation.id)
            self._failure_counts.pop(machine_number, None)
            return True

        failures = self._failure_counts.get(machine_number, 0) + 1
        self._failure_counts[machine_number] = failures

        if failures >= MAX_FAILED_ATTEMPTS:
            new_pin = self._pin_generator.generate()
            reservation.update_pin(new_pin)
            self._repository.save(reservation)
            self._sms_notifier.send(
                reservation.customer.cell_phone,
                f"Your new Wunda Wash PIN is {new_pin:05d}.",
            )
            self._machine_api.lock(
                reservation.id,
                machine_number,
                reservation.slot,
                new_pin,
            )
            self._failure_counts[machine_number] = 0

        return False


# ---- laundry_reservation/__init__.py
__all__ = [
    "Customer",
    "DuplicateReservationError",
    "MachineApi",
    "MachineDevice",
    "Reservation",
    "ReservationService",
]
