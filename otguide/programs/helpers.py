"""The small, fixed set of functions a flow's expressions may call.

Each helper is a plain function of its arguments and the loaded program data, so a
condition reads like `income_limit(state, 'medicaid', age)` and can be checked when
the flow loads: an unknown helper, or a wrong number of arguments, is a flow mistake.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from otguide.expressions import strict
from otguide.programs import ages
from otguide.programs.figures import (
    FederalRule,
    Guideline,
    IncomeBand,
    Jurisdiction,
    Program,
    ProgramData,
)


class Helpers:
    """Helpers bound to one set of program data."""

    def __init__(self, data: ProgramData) -> None:
        self._data = data

    def age_in_years(self, birth_date: date, on: date) -> int:
        """Completed years at `on`; a child turns N on the Nth birthday."""
        return ages.age_in_years(birth_date, on, self._data.age_rule.leap_day_birthday)

    def age_in_months(self, birth_date: date, on: date) -> int:
        return ages.age_in_months(birth_date, on)

    def birthday(self, birth_date: date, years: int) -> date:
        """The date the child turns `years` (a February 29 birthday as the data says)."""
        return ages.birthday(birth_date, years, self._data.age_rule.leap_day_birthday)

    def yearly_income(
        self, amount: Decimal, period: str, hours_per_week: Decimal | int = 1
    ) -> Decimal:
        """The exact yearly income for an amount paid each `period` ('month', 'hour', ...)."""
        return self._data.income_periods.yearly(amount, period, hours_per_week)

    def poverty_guideline(self, state: str, household_size: int, on: date) -> Guideline:
        """The HHS poverty guideline in force on `on` for this household and state."""
        return self._data.guideline(state, household_size, on)

    def percent_of_guideline(self, income: Decimal, guideline: Guideline) -> Fraction:
        """Income as an exact percentage of the guideline (never rounded)."""
        return Fraction(income) * 100 / Fraction(guideline.amount)

    def income_limit(self, state: str, kind: str, age: int) -> IncomeBand | None:
        """The state's income limit for a program kind ('medicaid', 'chip') at this age."""
        state_data = self._data.states.get(state)
        return state_data.band(kind, age) if state_data else None

    def state_program(self, state: str, kind: str) -> Program | None:
        """The state's program of a kind ('medicaid', 'chip', 'early_intervention')."""
        state_data = self._data.states.get(state)
        return state_data.program(kind) if state_data else None

    def state_programs(self, state: str, kind: str, age: int) -> list[Program]:
        """Every program of a kind the state has for a child of this age."""
        state_data = self._data.states.get(state)
        if state_data is None:
            return []
        return [
            program
            for program in state_data.programs.values()
            if program.kind == kind and program.serves_age(age)
        ]

    def has_program_data(self, state: str) -> bool:
        """Whether this guide has the state's Medicaid and CHIP figures."""
        return state in self._data.states

    def state_name(self, state: str) -> str:
        return self._data.jurisdictions[state].name

    def jurisdiction(self, state: str) -> Jurisdiction:
        """The state's name, poverty table and how SSI leads to Medicaid there."""
        return self._data.jurisdictions[state]

    def federal_rule(self, key: str) -> FederalRule:
        return self._data.federal[key]

    def as_mapping(self) -> dict[str, Callable[..., Any]]:
        return {name: strict(getattr(self, name)) for name in helper_names()}


def helper_names() -> list[str]:
    return [
        name
        for name, member in inspect.getmembers(Helpers, inspect.isfunction)
        if not name.startswith("_") and name != "as_mapping"
    ]


def helper_signature(name: str) -> inspect.Signature:
    """The helper's signature as a flow author calls it (without `self`)."""
    signature = inspect.signature(getattr(Helpers, name))
    return signature.replace(parameters=list(signature.parameters.values())[1:])
