"""Shared fixtures: the default flow, the shipped program data and an interview runner."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from otguide.engine import Interview, Outcome, RouteResult, RuledOut
from otguide.flow.loader import load_flow
from otguide.flow.model import Flow
from otguide.programs.data import load_program_data
from otguide.programs.figures import ProgramData
from otguide.resources import default_flow

AS_OF = date(2026, 12, 4)
FIXTURES = Path(__file__).parent / "fixtures"

Runner = Callable[..., Interview]


@pytest.fixture(scope="session")
def flow() -> Flow:
    return load_flow(default_flow())


@pytest.fixture(scope="session")
def data() -> ProgramData:
    return load_program_data()


@pytest.fixture
def interview(flow: Flow, data: ProgramData) -> Interview:
    return Interview(flow, data, AS_OF)


def runner(flow: Flow, data: ProgramData) -> Runner:
    """Answer the flow from a dict, question by question, in the order asked.

    Every question asked must have an answer in the dict, every answer must be accepted,
    and every answer in the dict must belong to a question that was asked.
    """

    def run_interview(answers: Mapping[str, Any], as_of: date = AS_OF) -> Interview:
        interview = Interview(flow, data, as_of)
        asked: list[str] = []
        while not interview.finished:
            question = interview.current
            assert question is not None
            assert question.id in answers, f"'{question.id}' was asked but has no answer"
            change = interview.answer(answers[question.id])
            assert change.parsed.ok, f"'{question.id}': {change.parsed.error}"
            asked.append(question.id)
        assert sorted(asked) == sorted(answers), f"asked {asked}, answers for {list(answers)}"
        return interview

    return run_interview


@pytest.fixture
def run(flow: Flow, data: ProgramData) -> Runner:
    """The default flow on the shipped program data."""
    return runner(flow, data)


def route_ids(outcome: Outcome) -> list[str]:
    return [route.id for route in outcome.routes]


def ruled_out_ids(outcome: Outcome) -> list[str]:
    return [route.id for route in outcome.ruled_out]


def route(outcome: Outcome, route_id: str) -> RouteResult:
    return next(r for r in outcome.routes if r.id == route_id)


def ruled_out(outcome: Outcome, route_id: str) -> RuledOut:
    return next(r for r in outcome.ruled_out if r.id == route_id)
