"""Load and check the program figures in `data/`.

Every figure is checked on load: its source and date are present, percentages and
dollar amounts are exact numbers, and state files name a known jurisdiction. Any
mistake is reported with file, line and column, all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_FLOOR, Decimal
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
    note: str = ""

    @classmethod
    def from_yaml(cls, item: dict[str, Any]) -> Provenance:
        return cls(
            source_title=item["source"]["title"],
            source_url=item["source"]["url"],
            effective=item["effective"],
            single_source=item["single_source"],
            checked=item.get("checked"),
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


@dataclass(frozen=True)
class IncomeBand:
    """One income limit: a program, an age band and a percentage of the guideline."""

    kind: str
    program: str
    band: Text
    from_age: int
    below_age: int
    percent: Decimal
    inclusive: bool
    includes_disregard: bool
    provenance: Provenance

    def covers_age(self, age: int) -> bool:
        return self.from_age <= age < self.below_age

    def limit(self, guideline: Guideline) -> Decimal:
        """The yearly income at the limit, exact (it may have fractions of a cent)."""
        return self.percent * guideline.amount / 100

    def highest_income(self, guideline: Guideline) -> Decimal:
        """The most a household can earn and still qualify, in whole cents."""
        exact = self.limit(guideline)
        floored = exact.quantize(CENT, rounding=ROUND_FLOOR)
        if not self.inclusive and floored == exact:
            floored -= CENT
        return floored

    def admits(self, income: Decimal, guideline: Guideline) -> bool:
        # Compare exactly: never round the family's percentage before comparing.
        if self.inclusive:
            return income * 100 <= self.percent * guideline.amount
        return income * 100 < self.percent * guideline.amount


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


@dataclass(frozen=True)
class FederalRule:
    key: str
    title: Text
    summary: Text
    provenance: Provenance
    from_birthday: int | None = None
    until_birthday: int | None = None
    months: int | None = None


class NoGuideline(LookupError):
    """No poverty guideline in the data is in force on the date asked about."""


@dataclass
class ProgramData:
    guidelines: list[GuidelineTable]
    jurisdictions: dict[str, Jurisdiction]
    states: dict[str, StateData]
    federal: dict[str, FederalRule]
    files: list[str] = field(default_factory=list)

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
    document, _ = _load_checked(path, schema.JURISDICTIONS)
    return {
        code: Jurisdiction(code, entry["name"], entry["poverty_region"])
        for code, entry in document["jurisdictions"].items()
    }


def _load_federal(path: Path) -> dict[str, FederalRule]:
    document, _ = _load_checked(path, schema.FEDERAL)
    return {
        key: FederalRule(
            key=key,
            title=rule["title"],
            summary=rule["summary"],
            provenance=Provenance.from_yaml(rule),
            from_birthday=rule.get("from_birthday"),
            until_birthday=rule.get("until_birthday"),
            months=rule.get("months"),
        )
        for key, rule in document["rules"].items()
    }


def _contact(entry: dict[str, Any]) -> Contact:
    return Contact(
        name=entry["name"],
        phone=entry.get("phone", ""),
        url=entry.get("url", ""),
        note=entry.get("note", ""),
    )


def _load_state(path: Path, jurisdictions: dict[str, Jurisdiction]) -> StateData:
    document, name = _load_checked(path, schema.STATE)
    code = document["state"]
    problems = []
    if code not in jurisdictions:
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
        )
        for key, entry in document["programs"].items()
    }
    rules = document["limit_rules"]
    limits: dict[str, list[IncomeBand]] = {}
    for kind, bands in document["income_limits"].items():
        limits[kind] = []
        for index, entry in enumerate(bands):
            band = IncomeBand(
                kind=kind,
                program=entry["program"],
                band=entry["band"],
                from_age=entry["from_age"],
                below_age=entry["below_age"],
                percent=_decimal(entry["percent"]),
                inclusive=rules["inclusive"],
                includes_disregard=rules["includes_disregard"],
                provenance=Provenance.from_yaml(entry),
            )
            line, column = position_of(document, ["income_limits", kind, index])
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
            state = _load_state(path, results.get("jurisdictions", {}))
            states[state.code] = state
        except ProblemsFound as found:
            problems.extend(found.problems)
    if problems:
        raise ProblemsFound(problems)
    return ProgramData(
        guidelines=results["guidelines"],
        jurisdictions=results["jurisdictions"],
        states=states,
        federal=results["federal"],
    )
