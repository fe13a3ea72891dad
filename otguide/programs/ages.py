"""Ages are counted from a birth date at an as-of date.

A child turns N on the Nth birthday. For a child born on February 29, the birthday in
other years is the date the program data names (`age_rule` in data/federal.yaml):
March 1 or February 28.
"""

from __future__ import annotations

from datetime import date

MARCH_1 = "march_1"
FEBRUARY_28 = "february_28"


def birthday(birth_date: date, years: int, leap_day: str = MARCH_1) -> date:
    """The date a child turns `years` old."""
    try:
        return birth_date.replace(year=birth_date.year + years)
    except ValueError:
        # Only February 29 has no anniversary in some years.
        year = birth_date.year + years
        return date(year, 3, 1) if leap_day == MARCH_1 else date(year, 2, 28)


def age_in_years(birth_date: date, on: date, leap_day: str = MARCH_1) -> int:
    """Completed years of age at `on`."""
    years = on.year - birth_date.year
    if on < birthday(birth_date, years, leap_day):
        years -= 1
    return years


def age_in_months(birth_date: date, on: date) -> int:
    """Completed months of age at `on`; a month is complete on the same day number, or
    on the first of the next month when this month is too short for it."""
    months = (on.year - birth_date.year) * 12 + (on.month - birth_date.month)
    if on.day < birth_date.day:
        months -= 1
    return months
