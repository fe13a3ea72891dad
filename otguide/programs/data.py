"""Load and check the program figures in `data/`.

Every figure is checked on load: its source and date are present, percentages and
dollar amounts are exact numbers, and state files name a known jurisdiction. Any
mistake is reported with file, line and column, all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from otguide import resources
from otguide.i18n import Text
from otguide.problems import Problem, ProblemsFound, display_path
from otguide.programs import schema
from otguide.validation import schema_problems
from otguide.yamlfile import load_file, position_of

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
    """One income limit: a program, an age band and a percentage of the guideline.

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


def _decimal(value: int | str) -> Decimal:
    return Decimal(str(value))


def _load_checked(path: Path, document_schema: dict[str, Any]) -> tuple[Any, str]:
    name = display_path(path)
    document = load_file(path, name)
    problems = schema_problems(document, document_schema, name)
    if problems:
        raise ProblemsFound(problems)
    return document, name


def _load_guidelines(path: Path) -> list[GuidelineTable]:
    document, name = _load_checked(path, schema.POVERTY_GUIDELINES)
    tables = []
    seen: dict[int, int] = {}
    problems = []
    for index, item in enumerate(document["guidelines"]):
        if item["year"] in seen:
            line, column = position_of(document, ["guidelines", index, "year"])
            problems.append(
                Problem(name, line, column, f"the {item['year']} guideline is listed twice.")
            )
        seen[item["year"]] = index
        regions = {
            region: RegionTable(
                _decimal(figures["first_person"]), _decimal(figures["each_additional_person"])
            )
            for region, figures in item["regions"].items()
        }
        tables.append(GuidelineTable(item["year"], regions, Provenance.from_yaml(item)))
    if problems:
        raise ProblemsFound(problems)
    return tables


def _load_jurisdictions(path: Path) -> dict[str, Jurisdiction]:
    document, name = _load_checked(path, schema.JURISDICTIONS)
    codes = document["jurisdictions"]
    ssi: dict[str, tuple[str, bool, Provenance | None]] = {}
    problems = []
    for group, entry in document["ssi_medicaid"].items():
        provenance = Provenance.from_yaml(entry)
        excluded = set(entry.get("no_disabled_children", []))
        for index, code in enumerate(entry["states"]):
            line, column = position_of(document, ["ssi_medicaid", group, "states", index])
            if code not in codes:
                problems.append(Problem(name, line, column, f"'{code}' is not a US state or DC."))
            elif code in ssi:
                problems.append(Problem(name, line, column, f"'{code}' is in two SSI groups."))
            else:
                ssi[code] = (group, code not in excluded, provenance)
        for index, code in enumerate(entry.get("no_disabled_children", [])):
            if code not in entry["states"]:
                where = ["ssi_medicaid", group, "no_disabled_children", index]
                line, column = position_of(document, where)
                problems.append(
                    Problem(name, line, column, f"'{code}' is not in this group's states.")
                )
    if problems:
        raise ProblemsFound(problems)
    jurisdictions = {}
    for code, entry in codes.items():
        group, children_disabled, ssi_source = ssi.get(code, ("automatic", True, None))
        jurisdictions[code] = Jurisdiction(
            code=code,
            name=entry["name"],
            poverty_region=entry["poverty_region"],
            ssi_medicaid=group,
            ssi_children_disabled=children_disabled,
            ssi_provenance=ssi_source,
            aliases=tuple(entry.get("aliases", [])),
        )
    return jurisdictions


def _load_federal(path: Path) -> Federal:
    document, _ = _load_checked(path, schema.FEDERAL)
    rules = {
        key: FederalRule(
            key=key,
            title=rule["title"],
            summary=rule["summary"],
            provenance=Provenance.from_yaml(rule),
            from_birthday=rule.get("from_birthday"),
            until_birthday=rule.get("until_birthday"),
            months=rule.get("months"),
            percent=_decimal(rule["percent"]) if "percent" in rule else None,
        )
        for key, rule in document["rules"].items()
    }
    age_rule = document["age_rule"]
    periods = document["income_periods"]
    return Federal(
        rules=rules,
        age_rule=AgeRule(age_rule["leap_day_birthday"], Provenance.from_yaml(age_rule)),
        income_periods=IncomePeriods(dict(periods["per_year"]), Provenance.from_yaml(periods)),
        stale_after_months=document["review"]["stale_after_months"],
    )


def _contact(entry: dict[str, Any]) -> Contact:
    return Contact(
        name=entry["name"],
        phone=entry.get("phone", ""),
        url=entry.get("url", ""),
        note=entry.get("note", ""),
    )


def _load_state(path: Path, jurisdictions: dict[str, Jurisdiction] | None) -> StateData:
    """One state's file; its code is checked only when the jurisdictions loaded."""
    document, name = _load_checked(path, schema.STATE)
    code = document["state"]
    problems = []
    if jurisdictions is not None and code not in jurisdictions:
        line, column = position_of(document, ["state"])
        problems.append(Problem(name, line, column, f"'{code}' is not a US state or DC."))
    elif path.stem != code:
        line, column = position_of(document, ["state"])
        problems.append(
            Problem(name, line, column, f"this file is for {code}; name it {code}.yaml.")
        )
    programs = {
        key: Program(
            key=key,
            name=entry["name"],
            kind=entry["kind"],
            description=entry["description"],
            contact=_contact(entry["contact"]),
            provenance=Provenance.from_yaml(entry),
            family_cost=entry.get("family_cost", "not_known"),
            family_cost_note=entry.get("family_cost_note", ""),
            lead_agency=entry.get("lead_agency", ""),
            pathway=entry.get("pathway", ""),
            from_age=entry.get("from_age", 0),
            below_age=entry.get("below_age"),
        )
        for key, entry in document["programs"].items()
    }
    for key, entry in document["programs"].items():
        if (entry["kind"] == "disability_medicaid") != ("pathway" in entry):
            line, column = position_of(document, ["programs", key])
            wanted = (
                "needs a 'pathway' (tefra, waiver or look_alike)"
                if "pathway" not in entry
                else "is not a disability_medicaid program, so it takes no 'pathway'"
            )
            problems.append(Problem(name, line, column, f"{key} {wanted}."))
        elif entry.get("pathway") == "tefra" and "below_age" not in entry:
            # The federal option ends at 19; a state may stop sooner, so say which.
            line, column = position_of(document, ["programs", key])
            problems.append(
                Problem(name, line, column, f"{key} is a TEFRA program: give its below_age.")
            )
    rules = document["limit_rules"]
    limits: dict[str, list[IncomeBand]] = {}
    for kind, bands in document["income_limits"].items():
        limits[kind] = []
        for index, entry in enumerate(bands):
            line, column = position_of(document, ["income_limits", kind, index])
            covered = entry.get("covered", True)
            if covered != ("percent" in entry):
                wanted = "needs a 'percent'" if covered else "has no limit: drop 'percent'"
                problems.append(
                    Problem(name, line, column, f"this band {wanted} (covered: {covered}).")
                )
            disputed = entry.get("disputed")
            band = IncomeBand(
                kind=kind,
                program=entry["program"],
                band=entry["band"],
                from_age=entry["from_age"],
                below_age=entry["below_age"],
                percent=_decimal(entry["percent"]) if "percent" in entry else None,
                inclusive=entry.get("inclusive", rules["inclusive"]),
                includes_disregard=entry.get("includes_disregard", rules["includes_disregard"]),
                rounding=entry.get("rounding", rules["rounding"]),
                provenance=Provenance.from_yaml(entry),
                covered=covered,
                disputed=(
                    Dispute(_decimal(disputed["percent"]), Provenance.from_yaml(disputed))
                    if disputed
                    else None
                ),
                insured_up_to=(
                    _decimal(entry["insured_up_to"]) if "insured_up_to" in entry else None
                ),
            )
            if band.below_age <= band.from_age:
                problems.append(
                    Problem(name, line, column, "below_age must be greater than from_age.")
                )
            if any(
                other.from_age < band.below_age and band.from_age < other.below_age
                for other in limits[kind]
            ):
                problems.append(
                    Problem(name, line, column, f"this {kind} age band overlaps an earlier one.")
                )
            limits[kind].append(band)
    if problems:
        raise ProblemsFound(problems)
    return StateData(code, programs, limits)


def load_program_data(directory: Path | None = None) -> ProgramData:
    """Load every data file; raise ProblemsFound listing all mistakes in all files."""
    root = directory or resources.data_dir()
    problems: list[Problem] = []
    results: dict[str, Any] = {}
    loaders = {
        "guidelines": lambda: _load_guidelines(root / "poverty_guidelines.yaml"),
        "jurisdictions": lambda: _load_jurisdictions(root / "jurisdictions.yaml"),
        "federal": lambda: _load_federal(root / "federal.yaml"),
    }
    for key, loader in loaders.items():
        try:
            results[key] = loader()
        except ProblemsFound as found:
            problems.extend(found.problems)
    states: dict[str, StateData] = {}
    for path in sorted((root / "states").glob("*.yaml")):
        try:
            state = _load_state(path, results.get("jurisdictions"))
            states[state.code] = state
        except ProblemsFound as found:
            problems.extend(found.problems)
    if problems:
        raise ProblemsFound(problems)
    federal: Federal = results["federal"]
    return ProgramData(
        guidelines=results["guidelines"],
        jurisdictions=results["jurisdictions"],
        states=states,
        federal=federal.rules,
        age_rule=federal.age_rule,
        income_periods=federal.income_periods,
        stale_after_months=federal.stale_after_months,
    )
