"""What a loaded flow is made of. Built only by the loader, after every check passed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from jinja2.sandbox import SandboxedEnvironment

from otguide.expressions import Expression, Template
from otguide.i18n import Text

LocalizedTemplate = dict[str, Template]
"""One compiled template per language the text was written in."""


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text
    help: Text = ""
    alone: bool = False
    """A choice that cannot be combined with others, such as "no coverage"."""


@dataclass(frozen=True)
class Limits:
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    not_after_as_of: bool = False
    younger_than_years: int | None = None
    earliest: date | None = None


@dataclass(frozen=True)
class Conflict:
    values: tuple[str, ...]
    message: Text


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: Text
    help: Text = ""
    placeholder: Text = ""
    required: bool = True
    when: Expression | None = None
    choices: tuple[Choice, ...] = ()
    limits: Limits = field(default_factory=Limits)
    messages: dict[str, Text] = field(default_factory=dict)
    corrections: dict[str, Text] = field(default_factory=dict)
    conflicts: tuple[Conflict, ...] = ()
    line: int = 0
    ask_again_if_changed: tuple[str, ...] = ()
    """Earlier questions whose answer gives this one its meaning, such as the pay period
    for an amount: when one of them changes, this answer is dropped and asked again."""
    display: dict[str, LocalizedTemplate] = field(default_factory=dict)
    """The prompt or help compiled as templates, when they quote earlier answers."""

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)


@dataclass(frozen=True)
class Reason:
    """A text shown when its condition holds (always, without one)."""

    text: LocalizedTemplate
    when: Expression | None = None


@dataclass(frozen=True)
class Route:
    id: str
    title: Text
    rank: int
    when: Expression
    reasons: tuple[Reason, ...]
    ruled_out: tuple[Reason, ...]
    template: str
    program: LocalizedTemplate = field(default_factory=dict)
    payment: tuple[Reason, ...] = ()


@dataclass
class Flow:
    id: str
    version: str
    title: Text
    path: Path
    questions: tuple[Question, ...]
    derived: dict[str, Expression]
    routes: tuple[Route, ...]
    notices: tuple[Reason, ...]
    environment: SandboxedEnvironment
    description: Text = ""

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)

    def has_question(self, question_id: str) -> bool:
        return any(q.id == question_id for q in self.questions)
