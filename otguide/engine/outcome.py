"""The routes that fit the answers so far, ranked and explained, and those ruled out.

Each route's `when` gives one of three verdicts: it fits, it does not (and its
ruled-out reasons say why), or it cannot be decided yet because a question it needs is
unanswered (the question is then listed as missing). Texts are rendered in the
interview's language; a reason whose own condition cannot be decided is left out.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from jinja2 import TemplateNotFound
from jinja2.exceptions import UndefinedError

from otguide.engine.evaluation import UNKNOWN, evaluate, render_text
from otguide.engine.messages import message
from otguide.expressions import ExpressionFailed, format_date
from otguide.flow.loader import template_file
from otguide.flow.model import Reason, Route
from otguide.i18n import DEFAULT_LANGUAGE, pick
from otguide.programs.figures import NoGuideline

if TYPE_CHECKING:
    from otguide.engine.interview import Interview

NO_GROUP = {"en": "no group by income", "es": "sin grupo por ingresos"}
RULED_OUT_FALLBACK = {
    "en": "It does not fit the answers given.",
    "es": "No corresponde a las respuestas dadas.",
}


@dataclass
class RouteResult:
    id: str
    title: str
    program: str
    rank: int
    reasons: list[str]
    payment: list[str]
    questions: list[str]


@dataclass
class RuledOut:
    id: str
    title: str
    reasons: list[str]


@dataclass
class Missing:
    id: str
    prompt: str


@dataclass
class Outcome:
    routes: list[RouteResult]
    ruled_out: list[RuledOut]
    missing: list[Missing]
    notices: list[str]
    rules: dict[str, Any]
    answers: list[tuple[str, str]] = field(default_factory=list)
    """Each question's prompt and the answer as it reads back, in interview order."""
    language: str = DEFAULT_LANGUAGE
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "routes": [asdict(route) for route in self.routes],
            "ruled_out": [asdict(route) for route in self.ruled_out],
            "missing": [asdict(item) for item in self.missing],
            "notices": list(self.notices),
            "rules": self.rules,
            "answers": [{"question": q, "answer": a} for q, a in self.answers],
        }


def _texts(reasons: tuple[Reason, ...], context: dict[str, Any], language: str) -> list[str]:
    rendered = []
    for reason in reasons:
        if reason.when is not None:
            verdict = evaluate(reason.when, context)
            if verdict is UNKNOWN or not verdict:
                continue
        text = render_text(reason.text, context, language)
        if text:
            rendered.append(" ".join(text.split()))
    return rendered


def _questions(interview: Interview, route: Route, context: dict[str, Any]) -> list[str]:
    environment = interview.flow.environment
    try:
        template = environment.get_template(template_file(route.template, interview.language))
    except TemplateNotFound:
        template = environment.get_template(template_file(route.template, DEFAULT_LANGUAGE))
    try:
        text = template.render(**context)
    except UndefinedError as error:
        return [f"(This list could not be filled in: {error.message}.)"]
    except Exception as error:
        raise ExpressionFailed(
            template.filename or route.template, "the template", error
        ) from error
    questions = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith(("- ", "* ")):
            line = line[2:].strip()
        if line:
            questions.append(line)
    return questions


def _rules(interview: Interview, state: str | None) -> dict[str, Any]:
    data = interview.data
    rules: dict[str, Any] = {
        "as_of": interview.as_of.isoformat(),
        "flow": {"id": interview.flow.id, "version": interview.flow.version},
        "poverty_guideline": None,
        "program_data": [],
    }
    try:
        table = data.guideline_table(interview.as_of)
        rules["poverty_guideline"] = {
            "year": table.year,
            "effective": table.provenance.effective.isoformat(),
            "source": table.provenance.source_url,
        }
    except NoGuideline:
        pass
    state_data = data.states.get(state) if state else None
    if state_data:
        for program in state_data.programs.values():
            rules["program_data"].append(_figure(program.name, program.provenance))
        for bands in state_data.limits.values():
            for band in bands:
                no_group = pick(NO_GROUP, interview.language)
                limit = f"{band.percent}%" if band.covered else no_group
                label = f"{band.program}, {pick(band.band, interview.language)}: {limit}"
                rules["program_data"].append(_figure(label, band.provenance))
    return rules


def _figure(label: str, provenance: Any) -> dict[str, Any]:
    return {
        "figure": label,
        "effective": provenance.effective.isoformat(),
        "source": provenance.source_url,
        "single_source": provenance.single_source,
    }


def _data_warnings(interview: Interview) -> list[str]:
    """Warnings about the figures themselves, whatever the flow says: every result and
    export carries them."""
    data, as_of, language = interview.data, interview.as_of, interview.language
    try:
        table = data.guideline_table(as_of)
    except NoGuideline:
        return [message("no_guideline", language, as_of=format_date(as_of, language))]
    if table.year < as_of.year:
        return [message("stale_guideline", language, year=table.year, as_of_year=as_of.year)]
    return []


def build_outcome(interview: Interview) -> Outcome:
    flow = interview.flow
    language = interview.language
    context = interview.context()
    fitting: list[tuple[int, int, RouteResult]] = []
    ruled_out: list[RuledOut] = []
    for order, route in enumerate(flow.routes):
        verdict = evaluate(route.when, context)
        if verdict is UNKNOWN:
            continue
        title = pick(route.title, language)
        if verdict:
            program = (render_text(route.program, context, language) or "") if route.program else ""
            result = RouteResult(
                id=route.id,
                title=title,
                program=program,
                rank=route.rank,
                reasons=_texts(route.reasons, context, language),
                payment=_texts(route.payment, context, language),
                questions=_questions(interview, route, context),
            )
            fitting.append((route.rank, order, result))
        else:
            reasons = _texts(route.ruled_out, context, language) or [
                pick(RULED_OUT_FALLBACK, language)
            ]
            ruled_out.append(RuledOut(route.id, title, reasons))
    path = interview.path()
    missing = [
        Missing(q.id, interview.prompt(q, context)) for q in path if q.id not in interview.answers
    ]
    state = next(
        (
            interview.answers[q.id].value
            for q in path
            if q.type == "us_state" and q.id in interview.answers
        ),
        None,
    )
    return Outcome(
        routes=[result for _, _, result in sorted(fitting, key=lambda item: item[:2])],
        ruled_out=ruled_out,
        missing=missing,
        notices=_data_warnings(interview) + _texts(flow.notices, context, language),
        rules=_rules(interview, state),
        answers=[
            (interview.prompt(q, context), a.shown)
            for q, a in interview.transcript()
            if not a.skipped
        ],
        language=language,
        title=pick(flow.title, language),
    )
