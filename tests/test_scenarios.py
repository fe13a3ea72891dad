"""Scenario tables: whole families, state by state, with the arithmetic written down.

Each file in tests/scenarios/ holds `cases`; a case is an answers set for the default
flow (as in `otguide walk`), the routes expected in order (`routes`) and routes that
must not appear (`not_routes`), with the hand arithmetic in YAML comments. Every
question the interview asks must have an answer in the case, and every answer must be
asked for, so a case also pins down which questions a family sees.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Runner

from otguide.programs.figures import ProgramData

SCENARIOS = Path(__file__).parent / "scenarios"
DEFAULT_AS_OF = date(2026, 12, 4)
CASE_KEYS = {"name", "as_of", "answers", "routes", "not_routes"}


def load_cases() -> list[Any]:
    cases = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in document["cases"]:
            cases.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return cases


def _plain(value: Any) -> Any:
    """YAML reads 2023-05-14 as a date and `no` as a string; the flow reads both."""
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize("case", load_cases())
def test_scenario(case: dict[str, Any], run: Runner) -> None:
    assert set(case) <= CASE_KEYS, f"unknown keys: {sorted(set(case) - CASE_KEYS)}"
    given = {key: _plain(value) for key, value in case["answers"].items()}
    interview = run(given, case.get("as_of", DEFAULT_AS_OF))
    routes = [route.id for route in interview.outcome().routes]
    assert routes == case["routes"]
    assert not set(routes) & set(case.get("not_routes", []))


def test_every_jurisdiction_has_a_scenario(data: ProgramData) -> None:
    states = {
        case.values[0]["answers"]["state"]
        for case in load_cases()  # type: ignore[attr-defined]
    }
    assert sorted(set(data.jurisdictions) - states) == []


def test_most_populous_states_have_three_scenarios() -> None:
    # The ten most populous states (Census 2020) and Connecticut, the first state done.
    counts: dict[str, int] = {}
    for case in load_cases():
        state = case.values[0]["answers"]["state"]  # type: ignore[attr-defined]
        counts[state] = counts.get(state, 0) + 1
    for state in ("CA", "TX", "FL", "NY", "PA", "IL", "OH", "GA", "NC", "MI", "CT"):
        assert counts.get(state, 0) >= 3, state
