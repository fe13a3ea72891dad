"""Run a flow with answers from a file instead of a person at the keyboard.

The answers file is YAML whose keys are the flow's question ids (plus `as_of`). Each
answer goes through the same checks as in the app, and every bad answer is reported
with its line and column, in the same plain words the app uses.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from otguide.engine import Interview
from otguide.flow.model import Flow
from otguide.problems import Problem, ProblemsFound, display_path
from otguide.programs.figures import ProgramData
from otguide.yamlfile import MarkedDict, load_file, position_of


@dataclass
class Walk:
    interview: Interview
    ignored: list[str] = field(default_factory=list)
    """Answers given for questions that do not apply to the other answers."""
    waiting: list[str] = field(default_factory=list)
    """Answers not used because the question depends on an answer the file lacks."""


def _as_of(document: MarkedDict, name: str, override: date | None) -> date:
    if override is not None:
        return override
    value = document.get("as_of")
    if value is None:
        return date.today()
    if not isinstance(value, date):
        line, column = position_of(document, ["as_of"])
        raise ProblemsFound(
            [Problem(name, line, column, f"as_of is {value!r}; write a date as YYYY-MM-DD.")]
        )
    return value


def walk(
    path: Path, flow: Flow, data: ProgramData, *, as_of: date | None = None, language: str = "en"
) -> Walk:
    """Answer the flow from the file; raise ProblemsFound listing every bad answer."""
    name = display_path(path)
    document = load_file(path, name)
    if document is None:
        raise ProblemsFound([Problem(name, 1, 1, "the answers file is empty.")])
    if not isinstance(document, MarkedDict):
        raise ProblemsFound(
            [
                Problem(
                    name, 1, 1, "the answers file should be a mapping of question ids to answers."
                )
            ]
        )
    known = [q.id for q in flow.questions]
    problems = []
    for key in document:
        if key != "as_of" and key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            line, column = position_of(document, [key], key=True)
            problems.append(
                Problem(name, line, column, f"'{key}' is not a question in this flow.{hint}")
            )
    interview = Interview(flow, data, _as_of(document, name, as_of), language)
    result = Walk(interview)
    for question in flow.questions:
        if question.id not in document:
            continue
        applies = interview.applies(question)
        if applies is not True:
            (result.ignored if applies is False else result.waiting).append(question.id)
            continue
        change = interview.change(question.id, _plain(document[question.id]))
        if not change.parsed.ok:
            line, column = position_of(document, [question.id])
            problems.append(Problem(name, line, column, f"{question.id}: {change.parsed.error}"))
    if problems:
        raise ProblemsFound(problems)
    return result


def _plain(value: Any) -> Any:
    """Answers as plain Python values: YAML lists become lists."""
    return list(value) if isinstance(value, list) else value
