"""The interview as a plain object: which question is current, answering, going back,
changing an earlier answer, and the routes for the answers so far.

Which questions apply follows from the answers alone: a question applies when its
`when` holds. After every change the answers are swept in flow order, and any answer
whose question no longer applies is dropped and reported, so a stale answer can never
steer a route.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from otguide.engine.answers import Answer, Parsed, Reading, is_blank, parse
from otguide.engine.evaluation import UNKNOWN, evaluate, render_text
from otguide.engine.outcome import Outcome, build_outcome
from otguide.flow.model import Flow, Question
from otguide.i18n import DEFAULT_LANGUAGE, pick
from otguide.programs.figures import ProgramData
from otguide.programs.helpers import Helpers

_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


@dataclass(frozen=True)
class Change:
    """What happened when an answer was given or changed."""

    parsed: Parsed
    dropped: list[Question] = field(default_factory=list)
    """Later questions whose answers no longer apply and were removed."""


class Interview:
    def __init__(
        self, flow: Flow, data: ProgramData, as_of: date, language: str = DEFAULT_LANGUAGE
    ) -> None:
        self.flow = flow
        self.data = data
        self.as_of = as_of
        self.language = language
        self.answers: dict[str, Answer] = {}
        self._cursor: str | None = None
        self._helpers = Helpers(data).as_mapping()

    # Reading state -----------------------------------------------------------------

    def reading(self) -> Reading:
        jurisdictions = self.data.jurisdictions.values()
        return Reading(
            self.as_of,
            self.language,
            states={j.code: j.name for j in jurisdictions},
            leap_day=self.data.age_rule.leap_day_birthday,
            state_aliases={alias: j.code for j in jurisdictions for alias in j.aliases},
        )

    def context(self) -> dict[str, Any]:
        """Everything an expression or text can see: answers, derived values, helpers."""
        context: dict[str, Any] = {
            **self._helpers,
            "as_of": self.as_of,
            "lang": self.language,
            "federal": self.data.federal,
        }
        context.update({qid: answer.value for qid, answer in self.answers.items()})
        for name, expression in self.flow.derived.items():
            value = evaluate(expression, context)
            if value is not UNKNOWN:
                context[name] = value
        return context

    def prompt(self, question: Question, context: dict[str, Any] | None = None) -> str:
        return self.text(question, "prompt", context)

    def help(self, question: Question, context: dict[str, Any] | None = None) -> str:
        return self.text(question, "help", context)

    def text(self, question: Question, key: str, context: dict[str, Any] | None = None) -> str:
        """A question's prompt or help as the person reads it, quoting earlier answers."""
        written = pick(getattr(question, key), self.language)
        templates = question.display.get(key)
        if not templates:
            return written
        rendered = render_text(
            templates, self.context() if context is None else context, self.language
        )
        if rendered is None:
            # It quotes an answer not given yet: show the words around it.
            return " ".join(_PLACEHOLDER.sub("…", written).split())
        return " ".join(rendered.split())

    def applies(self, question: Question, context: dict[str, Any] | None = None) -> Any:
        """True, False, or UNKNOWN when its condition needs an earlier answer."""
        if question.when is None:
            return True
        value = evaluate(question.when, context if context is not None else self.context())
        return value if value is UNKNOWN else bool(value)

    def path(self) -> list[Question]:
        """The questions that apply to the answers so far, in flow order."""
        context = self.context()
        return [q for q in self.flow.questions if self.applies(q, context) is True]

    @property
    def current(self) -> Question | None:
        """The question to ask now; None when every question that applies is answered."""
        path = self.path()
        if self._cursor is not None and any(q.id == self._cursor for q in path):
            return self.flow.question(self._cursor)
        return next((q for q in path if q.id not in self.answers), None)

    @property
    def finished(self) -> bool:
        return self.current is None

    def transcript(self) -> list[tuple[Question, Answer]]:
        """The answered questions that apply, in order: what the person has said so far."""
        return [(q, self.answers[q.id]) for q in self.path() if q.id in self.answers]

    def check(self, raw: Any, question: Question | None = None) -> Parsed:
        """Read an answer without keeping it, to show a message while typing."""
        target = question or self.current
        if target is None:
            raise ValueError("there is no question to answer")
        if not target.required and is_blank(raw):
            return Parsed([] if target.type == "multiple_choice" else None, "")
        return parse(target, raw, self.reading())

    # Changing state ----------------------------------------------------------------

    def answer(self, raw: Any) -> Change:
        """Answer the current question; on success move to the next one."""
        question = self.current
        if question is None:
            raise ValueError("every question is already answered")
        change = self._store(question, raw)
        if change.parsed.ok:
            self._cursor = self._next_answered_after(question)
        return change

    def skip(self) -> Change:
        """Leave an optional question unanswered (an empty answer)."""
        return self.answer("")

    def change(self, question_id: str, raw: Any) -> Change:
        """Change any earlier answer in place, keeping every answer that still applies."""
        return self._store(self.flow.question(question_id), raw)

    def back(self) -> bool:
        """Step back to the question before the current one; False at the first question."""
        path = self.path()
        current = self.current
        index = len(path) if current is None else path.index(current)
        if index == 0:
            return False
        self._cursor = path[index - 1].id
        return True

    def go_to(self, question_id: str) -> None:
        """Make an answered question current again, to revise it in the interview."""
        self._cursor = question_id

    def reset(self) -> None:
        """Forget every answer."""
        self.answers.clear()
        self._cursor = None

    def outcome(self) -> Outcome:
        return build_outcome(self)

    # Internals ---------------------------------------------------------------------

    def _store(self, question: Question, raw: Any) -> Change:
        parsed = self.check(raw, question)
        if not parsed.ok:
            return Change(parsed)
        skipped = not question.required and is_blank(raw)
        previous = self.answers.get(question.id)
        self.answers[question.id] = Answer(parsed.value, parsed.shown, raw, skipped)
        changed = previous is not None and previous.value != parsed.value
        return Change(parsed, self._drop_stale(question.id if changed else None))

    def _drop_stale(self, changed: str | None) -> list[Question]:
        """Drop answers whose question no longer applies, or whose meaning rested on the
        answer just changed (`ask_again_if_changed`), so they are asked again."""
        dropped = []
        for question in self.flow.questions:
            if question.id not in self.answers:
                continue
            reworded = changed is not None and changed in question.ask_again_if_changed
            if reworded or self.applies(question) is False:
                del self.answers[question.id]
                dropped.append(question)
        return dropped

    def _next_answered_after(self, question: Question) -> str | None:
        """After going back, walk forward through answers already given."""
        path = self.path()
        ids = [q.id for q in path]
        if question.id not in ids:
            return None
        following = path[ids.index(question.id) + 1 :]
        if following and following[0].id in self.answers:
            return following[0].id
        return None
