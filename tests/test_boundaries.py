"""Every income threshold in the data, tried at the limit minus $1, at the limit and at
the limit plus $1, for every state and age band.

The limits here are worked out independently of the engine, from the raw YAML:
percent x guideline / 100, with the guideline first_person + (n - 1) x
each_additional_person for the state's poverty table. Income equal to the limit
qualifies. A family of 4, uninsured, on 2026-12-04 (the 2026 guideline).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from otguide import resources
from otguide.engine import Interview
from otguide.flow.model import Flow
from otguide.programs.figures import ProgramData

AS_OF = date(2026, 12, 4)
HOUSEHOLD = 4
DATA = resources.data_dir()


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _guideline(state: str) -> Fraction:
    region = _yaml(DATA / "jurisdictions.yaml")["jurisdictions"][state]["poverty_region"]
    tables = _yaml(DATA / "poverty_guidelines.yaml")["guidelines"]
    table = max((t for t in tables if t["effective"] <= AS_OF), key=lambda t: t["effective"])
    figures = table["regions"][region]
    return Fraction(figures["first_person"] + (HOUSEHOLD - 1) * figures["each_additional_person"])


DISREGARD = Fraction(str(_yaml(DATA / "federal.yaml")["rules"]["magi_disregard"]["percent"]))


def _limit(percent: Any, guideline: Fraction, includes_disregard: bool = True) -> Fraction:
    """percent x guideline / 100, with the 5-point disregard added when the file left it out."""
    points = Fraction(str(percent)) + (0 if includes_disregard else DISREGARD)
    return points * guideline / 100


@dataclass(frozen=True)
class Threshold:
    state: str
    kind: str
    from_age: int
    limit: Fraction
    other_limit: Fraction | None
    """The `disputed` figure's limit, when sources disagree."""
    medicaid_limit: Fraction | None
    """For a CHIP band: the Medicaid limit at the same age (CHIP starts above it)."""


def _band_at(bands: list[dict[str, Any]], age: int) -> dict[str, Any] | None:
    return next((b for b in bands if b["from_age"] <= age < b["below_age"]), None)


def thresholds() -> list[Any]:
    found = []
    for path in sorted((DATA / "states").glob("*.yaml")):
        document = _yaml(path)
        state = document["state"]
        guideline = _guideline(state)
        limits = document["income_limits"]
        included = document["limit_rules"]["includes_disregard"]
        for kind in ("medicaid", "chip"):
            for band in limits.get(kind, []):
                if "percent" not in band:
                    continue
                medicaid = _band_at(limits.get("medicaid", []), band["from_age"])
                has_medicaid = medicaid is not None and "percent" in medicaid
                threshold = Threshold(
                    state=state,
                    kind=kind,
                    from_age=band["from_age"],
                    limit=_limit(
                        band["percent"], guideline, band.get("includes_disregard", included)
                    ),
                    other_limit=(
                        _limit(
                            band["disputed"]["percent"],
                            guideline,
                            band.get("includes_disregard", included),
                        )
                        if "disputed" in band
                        else None
                    ),
                    medicaid_limit=(
                        _limit(
                            medicaid["percent"],  # type: ignore[index]
                            guideline,
                            medicaid.get("includes_disregard", included),  # type: ignore[union-attr]
                        )
                        if kind == "chip" and has_medicaid
                        else None
                    ),
                )
                label = f"{state} {kind} from age {band['from_age']}"
                found.append(pytest.param(threshold, id=label))
    return found


def _birth_date(age: int) -> str:
    # Born on June 1: on 2026-12-04 the child has had this year's birthday.
    return f"{AS_OF.year - age}-06-01"


def _run(flow: Flow, data: ProgramData, state: str, age: int, income: Fraction) -> list[str]:
    answers = {
        "state": state,
        "child_birth_date": _birth_date(age),
        "household_size": str(HOUSEHOLD),
        "income_frequency": "year",
        "income_amount": str(Decimal(income.numerator) / Decimal(income.denominator)),
        "insurance": ["none"],
        "diagnoses": [],
        "kidney_failure": "no",
        "disability_benefits": "no",
        "disability": "no",
    }
    interview = Interview(flow, data, AS_OF)
    while not interview.finished:
        question = interview.current
        assert question is not None
        change = interview.answer(answers[question.id])
        assert change.parsed.ok, change.parsed.error
    return [route.id for route in interview.outcome().routes]


def _within(income: Fraction, limit: Fraction | None) -> bool:
    return limit is not None and income <= limit


@pytest.mark.parametrize("threshold", thresholds())
def test_threshold_edges(threshold: Threshold, flow: Flow, data: ProgramData) -> None:
    # Every limit is whole cents: whole percents of whole-dollar guidelines.
    assert (threshold.limit * 100).denominator == 1
    for step in (-1, 0, 1):
        income = threshold.limit + step
        routes = _run(flow, data, threshold.state, threshold.from_age, income)
        within = income <= threshold.limit
        # Sources that disagree: between the two figures the guide says "may qualify".
        disputed = threshold.other_limit is not None and within != _within(
            income, threshold.other_limit
        )
        if threshold.kind == "medicaid":
            assert ("medicaid_epsdt" in routes) == (within or disputed), (step, routes)
        else:
            medicaid_ok = _within(income, threshold.medicaid_limit)
            assert ("chip" in routes) == (within and not medicaid_ok), (step, routes)
            if not medicaid_ok:
                # Above Medicaid: the Marketplace is the route when CHIP does not fit.
                assert ("marketplace" in routes) == (not within), (step, routes)


def test_every_state_has_thresholds() -> None:
    states = {param.values[0].state for param in thresholds()}  # type: ignore[attr-defined]
    assert len(states) == 51
