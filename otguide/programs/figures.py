"""The program figures as the engine uses them: poverty guidelines, income limits,
programs and federal rules, each with where it comes from. `data.py` builds them from
the YAML files in `data/` after checking every one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from otguide.i18n import Text

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Provenance:
    source_title: str
    source_url: str
    effective: date
    single_source: bool
    checked: date | None = None
    confirmed: date | None = None
    """The latest date a dated source shows the figure still in force."""
    note: str = ""

    @property
    def vouched(self) -> date:
        """The newest date any source vouches for the figure."""
        return max(self.effective, self.confirmed or self.effective)

    @classmethod
    def from_yaml(cls, item: dict[str, Any]) -> Provenance:
        return cls(
            source_title=item["source"]["title"],
            source_url=item["source"]["url"],
            effective=item["effective"],
            single_source=item["single_source"],
            checked=item.get("checked"),
            confirmed=item.get("confirmed"),
            note=item.get("note", ""),
        )


@dataclass(frozen=True)
class RegionTable:
    first_person: Decimal
    each_additional_person: Decimal

    def amount(self, household_size: int) -> Decimal:
        return self.first_person + (household_size - 1) * self.each_additional_person


@dataclass(frozen=True)
class GuidelineTable:
    year: int
    regions: dict[str, RegionTable]
    provenance: Provenance


@dataclass(frozen=True)
class Guideline:
    """The poverty guideline for one household: what percentages are taken of."""

    year: int
    effective: date
    region: str
    household_size: int
    amount: Decimal


_DOLLAR_ROUNDING = {
    "down_to_dollar": ROUND_FLOOR,
    "up_to_dollar": ROUND_CEILING,
    "half_up_to_dollar": ROUND_HALF_UP,
}


@dataclass(frozen=True)
class Dispute:
    """Another published figure for the same limit, kept so the guide can say when a
    family's income falls between the two and the program must be asked."""

    percent: Decimal
    provenance: Provenance


@dataclass(frozen=True)
class IncomeBand:
    """One income limit: a program, an age band and a percentage of the guideline, with
    the MAGI disregard included (see `disregard_added`).

    A band with `covered` false records that the state has no group for these ages, so
    the guide can say so instead of "not known".
    """

    kind: str
    program: str
    band: Text
    from_age: int
    below_age: int
    percent: Decimal | None
    inclusive: bool
    includes_disregard: bool
    rounding: str
    provenance: Provenance
    covered: bool = True
    disputed: Dispute | None = None
    insured_up_to: Decimal | None = None
    """The part of the limit open to a child who has other coverage, where the data
    knows it: above it the band is CHIP-funded Medicaid, for uninsured children only."""
    disregard_added: Decimal = Decimal(0)
    """Points added on loading because the file's figure left the disregard out; every
    percentage here includes it exactly once."""

    def covers_age(self, age: int) -> bool:
        return self.from_age <= age < self.below_age

    def limit(self, guideline: Guideline) -> Decimal:
        """The yearly income at the limit, rounded as the data says (exact by default,
        which may leave fractions of a cent)."""
        return self._limit_at(self._percent(), guideline)

    def highest_income(self, guideline: Guideline) -> Decimal:
        """The most a household can earn and still qualify, in whole cents."""
        exact = self.limit(guideline)
        floored = exact.quantize(CENT, rounding=ROUND_FLOOR)
        if not self.inclusive and floored == exact:
            floored -= CENT
        return floored

    def admits(self, income: Decimal, guideline: Guideline) -> bool:
        # Compare exactly: never round the family's percentage before comparing.
        limit = self.limit(guideline)
        return income <= limit if self.inclusive else income < limit

    def in_dispute(self, income: Decimal, guideline: Guideline) -> bool:
        """Whether the other published figure would give the opposite answer."""
        if self.disputed is None:
            return False
        other = self._limit_at(self.disputed.percent, guideline)
        admitted_by_other = income <= other if self.inclusive else income < other
        return admitted_by_other != self.admits(income, guideline)

    def _percent(self) -> Decimal:
        if self.percent is None:
            raise ValueError(f"{self.program} has no income limit for these ages")
        return self.percent

    def _limit_at(self, percent: Decimal, guideline: Guideline) -> Decimal:
        exact = percent * guideline.amount / 100
        mode = _DOLLAR_ROUNDING.get(self.rounding)
        return exact if mode is None else exact.quantize(Decimal(1), rounding=mode)


@dataclass(frozen=True)
class Contact:
    name: Text
    phone: str = ""
    url: str = ""
    note: Text = ""


@dataclass(frozen=True)
class Program:
    key: str
    name: str
    kind: str
    description: Text
    contact: Contact
    provenance: Provenance
    family_cost: str = "not_known"
    family_cost_note: Text = ""
    lead_agency: str = ""
    pathway: str = ""
    """For a disability route: 'tefra', 'waiver' or 'look_alike'."""
    from_age: int = 0
    below_age: int | None = None

    def serves_age(self, age: int) -> bool:
        return self.from_age <= age and (self.below_age is None or age < self.below_age)


@dataclass(frozen=True)
class StateData:
    code: str
    programs: dict[str, Program]
    limits: dict[str, list[IncomeBand]]

    def program(self, kind: str) -> Program | None:
        return next((p for p in self.programs.values() if p.kind == kind), None)

    def band(self, kind: str, age: int) -> IncomeBand | None:
        return next((b for b in self.limits.get(kind, []) if b.covers_age(age)), None)

    def effective_dates(self) -> list[date]:
        dates = {p.provenance.effective for p in self.programs.values()}
        dates |= {b.provenance.effective for bands in self.limits.values() for b in bands}
        return sorted(dates)


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    poverty_region: str
    ssi_medicaid: str = "automatic"
    """How SSI leads to Medicaid: 'automatic', 'ssi_criteria' or 'section_209b'."""
    ssi_children_disabled: bool = True
    """False where the state does not count a nonblind child under 18 as disabled."""
    ssi_provenance: Provenance | None = None
    aliases: tuple[str, ...] = ()
    """Other names a person may type for it, such as its Spanish name."""


@dataclass(frozen=True)
class FederalRule:
    key: str
    title: Text
    summary: Text
    provenance: Provenance
    from_birthday: int | None = None
    until_birthday: int | None = None
    months: int | None = None
    percent: Decimal | None = None


@dataclass(frozen=True)
class AgeRule:
    """How birthdays count: the date a February 29 birthday falls on in other years."""

    leap_day_birthday: str
    provenance: Provenance


@dataclass(frozen=True)
class IncomePeriods:
    """How many of each pay period make a year."""

    per_year: dict[str, int]
    provenance: Provenance

    def yearly(self, amount: Decimal, period: str, hours_per_week: Decimal | int = 1) -> Decimal:
        """The exact yearly income; hourly pay is first multiplied by the hours a week."""
        if period not in self.per_year:
            known = ", ".join(self.per_year)
            raise ValueError(f"'{period}' is not an income period in the data ({known})")
        return amount * Decimal(hours_per_week) * self.per_year[period]


@dataclass(frozen=True)
class Federal:
    rules: dict[str, FederalRule]
    age_rule: AgeRule
    income_periods: IncomePeriods
    stale_after_months: int
    disregard_points: Decimal
    """The MAGI disregard in percentage points, added to limits stored without it."""


class NoGuideline(LookupError):
    """No poverty guideline in the data is in force on the date asked about."""


@dataclass
class ProgramData:
    guidelines: list[GuidelineTable]
    jurisdictions: dict[str, Jurisdiction]
    states: dict[str, StateData]
    federal: dict[str, FederalRule]
    age_rule: AgeRule
    income_periods: IncomePeriods
    stale_after_months: int

    def guideline_table(self, on: date) -> GuidelineTable:
        """The guideline with the latest effective date on or before `on`."""
        in_force = [t for t in self.guidelines if t.provenance.effective <= on]
        if not in_force:
            raise NoGuideline(f"no poverty guideline in the data is in force on {on.isoformat()}")
        return max(in_force, key=lambda t: t.provenance.effective)

    def guideline(self, state: str, household_size: int, on: date) -> Guideline:
        table = self.guideline_table(on)
        region = self.jurisdictions[state].poverty_region
        return Guideline(
            year=table.year,
            effective=table.provenance.effective,
            region=region,
            household_size=household_size,
            amount=table.regions[region].amount(household_size),
        )
