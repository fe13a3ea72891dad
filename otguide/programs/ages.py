"""Ages are counted from a birth date at an as-of date.

A child turns N on the Nth birthday. A child born on February 29 turns a year older on
March 1 in years without that date, which is what comparing (month, day) pairs gives.
"""

from __future__ import annotations

from datetime import date


def age_in_years(birth_date: date, on: date) -> int:
    """Completed years of age at `on`."""
    before_birthday = (on.month, on.day) < (birth_date.month, birth_date.day)
    return on.year - birth_date.year - (1 if before_birthday else 0)


def age_in_months(birth_date: date, on: date) -> int:
    """Completed months of age at `on`; a month is complete on the same day number."""
    months = (on.year - birth_date.year) * 12 + (on.month - birth_date.month)
    if on.day < birth_date.day:
        months -= 1
    return months


def birthday(birth_date: date, years: int) -> date:
    """The date a child turns `years` old, with February 29 moved to March 1."""
    try:
        return birth_date.replace(year=birth_date.year + years)
    except ValueError:
        return date(birth_date.year + years, 3, 1)
