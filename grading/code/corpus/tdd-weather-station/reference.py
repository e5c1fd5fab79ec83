from __future__ import annotations

# ---- weather_station/alert.py
from dataclasses import dataclass


@dataclass(frozen=True)
class Alert:
    message: str


# ---- weather_station/alert_thresholds.py
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class AlertThresholds:
    high_temperature_ceiling: Decimal | None = None
    low_temperature_floor: Decimal | None = None
    high_wind_speed_limit: Decimal | None = None

    def __init__(
        self,
        high_temperature_ceiling: Decimal | int | float | str | None = None,
        low_temperature_floor: Decimal | int | float | str | None = None,
        high_wind_speed_limit: Decimal | int | float | str | None = None,
    ) -> None:
        object.__setattr__(
            self,
            "high_temperature_ceiling",
            Decimal(str(high_temperature_ceiling)) if high_temperature_ceiling is not None else None,
        )
        object.__setattr__(
            self,
            "low_temperature_floor",
            Decimal(str(low_temperature_floor)) if low_temperature_floor is not None else None,
        )
        object.__setattr__(
            self,
            "high_wind_speed_limit",
            Decimal(str(high_wind_speed_limit)) if high_wind_speed_limit is not None else None,
        )


# ---- weather_station/clock.py
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


# ---- weather_station/invalid_reading_error.py
class InvalidReadingError(Exception):
    pass


# ---- weather_station/no_readings_error.py
class NoReadingsError(Exception):
    pass


# ---- weather_station/reading.py
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class Reading:
    temperature: Decimal
    humidity: Decimal
    wind_speed: Decimal
    timestamp: datetime

    def __init__(
        self,
        temperature: Decimal | int | float | str,
        humidity: Decimal | int | float | str,
        wind_speed: Decimal | int | float | str,
        timestamp: datetime,
    ) -> None:
        object.__setattr__(self, "temperature", Decimal(str(temperature)))
        object.__setattr__(self, "humidity", Decimal(str(humidity)))
        object.__setattr__(self, "wind_speed", Decimal(str(wind_speed)))
        object.__setattr__(self, "timestamp", timestamp)


# ---- weather_station/statistics.py
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Statistics:
    min_temperature: Decimal
    max_temperature: Decimal
    avg_temperature: Decimal
    min_humidity: Decimal
    max_humidity: Decimal
    avg_humidity: Decimal
    max_wind_speed: Decimal
    avg_wind_speed: Decimal


# ---- weather_station/station.py
from decimal import Decimal



class Station:
    def __init__(
        self,
        clock: Clock,
        thresholds: AlertThresholds | None = None,
    ) -> None:
        self._clock = clock
        self._thresholds = thresholds or AlertThresholds()
        self._readings: list[Reading] = []

    @property
    def readings(self) -> list[Reading]:
        return list(self._readings)

    def record(
        self,
        temperature: Decimal | int | float | str,
        humidity: Decimal | int | float | str,
        wind_speed: Decimal | int | float | str,
    ) -> list[Alert]:
        temp = Decimal(str(temperature))
        hum = Decimal(str(humidity))
        wind = Decimal(str(wind_speed))

        if hum < 0 or hum > 100:
            raise InvalidReadingError("Humidity must be between 0 and 100.")
        if wind < 0:
            raise InvalidReadingError("Wind speed must be non-negative.")

        reading = Reading(temp, hum, wind, self._clock.now())
        self._readings.append(reading)

        return self._evaluate_alerts(reading)

    def get_statistics(self) -> Statistics:
        if not self._readings:
            raise NoReadingsError("Cannot compute statistics with no readings.")

        temps = [r.temperature for r in self._readings]
        humidities = [r.humidity for r in self._readings]
        winds = [r.wind_speed for r in self._readings]
        count = Decimal(len(self._readings))

        return Statistics(
            min_temperature=min(temps),
            max_temperature=max(temps),
            avg_temperature=sum(temps) / count,
            min_humidity=min(humidities),
            max_humidity=max(humidities),
            avg_humidity=sum(humidities) / count,
            max_wind_speed=max(winds),
            avg_wind_speed=sum(winds) / count,
        )

    def _evaluate_alerts(self, reading: Reading) -> list[Alert]:
        alerts: list[Alert] = []

        if (
            self._thresholds.high_temperature_ceiling is not None
            and reading.temperature > self._thresholds.high_temperature_ceiling
        ):
            alerts.append(
                Alert(
                    f"High temperature alert: {reading.temperature} exceeds ceiling of {self._thresholds.high_temperature_ceiling}."
                )
            )

        if (
            self._thresholds.low_temperature_floor is not None
            and reading.temperature < self._thresholds.low_temperature_floor
        ):
            alerts.append(
                Alert(
                    f"Low temperature alert: {reading.temperature} is below floor of {self._thresholds.low_temperature_floor}."
                )
            )

        if (
            self._thresholds.high_wind_speed_limit is not None
            and reading.wind_speed > self._thresholds.high_wind_speed_limit
        ):
            alerts.append(
                Alert(
                    f"High wind alert: {reading.wind_speed} exceeds limit of {self._thresholds.high_wind_speed_limit}."
                )
            )

        return alerts


# ---- weather_station/__init__.py
__all__ = [
    "Clock",
    "Reading",
    "Statistics",
    "Alert",
    "AlertThresholds",
    "InvalidReadingError",
    "NoReadingsError",
    "Station",
]
