# ---- leap_year/leap_year.py
def is_leap_year(year: int) -> bool:
    if year % 400 == 0:
        return True
    if year % 100 == 0:
        return False
    return year % 4 == 0


# ---- leap_year/__init__.py
__all__ = ["is_leap_year"]
