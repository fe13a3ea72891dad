"""Load and check the program figures in `data/`.

Every figure is checked on load: its source and date are present, percentages and
dollar amounts are exact numbers, and state files name a known jurisdiction. Any
mistake is reported with file, line and column, all of them at once.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from otguide import resources
from otguide.problems import Problem, ProblemsFound, display_path
from otguide.programs import schema
from otguide.programs.figures import (
    AgeRule,
    Contact,
    Dispute,
    Federal,
    FederalRule,
    GuidelineTable,
    IncomeBand,
    IncomePeriods,
    Jurisdiction,
    Program,
    ProgramData,
    Provenance,
    RegionTable,
    StateData,
)
from otguide.validation import schema_problems
from otguide.yamlfile import load_file, position_of


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
    document, name = _load_checked(path, schema.FEDERAL)
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
    disregard = rules.get("magi_disregard")
    if disregard is None or disregard.percent is None:
        line, column = position_of(document, ["rules"])
        raise ProblemsFound(
            [
                Problem(
                    name,
                    line,
                    column,
                    "rules needs 'magi_disregard' with its percent: state files that leave "
                    "the disregard out of their limits rely on it.",
                )
            ]
        )
    age_rule = document["age_rule"]
    periods = document["income_periods"]
    return Federal(
        rules=rules,
        age_rule=AgeRule(age_rule["leap_day_birthday"], Provenance.from_yaml(age_rule)),
        income_periods=IncomePeriods(dict(periods["per_year"]), Provenance.from_yaml(periods)),
        stale_after_months=document["review"]["stale_after_months"],
        disregard_points=disregard.percent,
    )


def _contact(entry: dict[str, Any]) -> Contact:
    return Contact(
        name=entry["name"],
        phone=entry.get("phone", ""),
        url=entry.get("url", ""),
        note=entry.get("note", ""),
    )


def _load_state(
    path: Path, jurisdictions: dict[str, Jurisdiction] | None, disregard: Decimal
) -> StateData:
    """One state's file; its code is checked only when the jurisdictions loaded.

    Every percentage is kept with the MAGI disregard included: where the file says its
    figures leave it out, the `disregard` points are added here, once.
    """
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
            includes = entry.get("includes_disregard", rules["includes_disregard"])
            added = Decimal(0) if includes else disregard

            def applied(figure: Any, added: Decimal = added) -> Decimal:
                return _decimal(figure) + added

            band = IncomeBand(
                kind=kind,
                program=entry["program"],
                band=entry["band"],
                from_age=entry["from_age"],
                below_age=entry["below_age"],
                percent=applied(entry["percent"]) if "percent" in entry else None,
                inclusive=entry.get("inclusive", rules["inclusive"]),
                includes_disregard=includes,
                rounding=entry.get("rounding", rules["rounding"]),
                provenance=Provenance.from_yaml(entry),
                covered=covered,
                disputed=(
                    Dispute(applied(disputed["percent"]), Provenance.from_yaml(disputed))
                    if disputed
                    else None
                ),
                insured_up_to=(
                    applied(entry["insured_up_to"]) if "insured_up_to" in entry else None
                ),
                disregard_added=added,
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
    loaded_federal: Federal | None = results.get("federal")
    disregard = loaded_federal.disregard_points if loaded_federal else Decimal(0)
    states: dict[str, StateData] = {}
    for path in sorted((root / "states").glob("*.yaml")):
        try:
            state = _load_state(path, results.get("jurisdictions"), disregard)
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
