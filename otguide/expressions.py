"""Conditions, derived values and reason texts: Jinja, compiled by the sandbox.

A flow never runs Python. Its conditions are Jinja expressions and its texts are Jinja
templates, both compiled by one `SandboxedEnvironment` with strict undefined values, so
an expression that touches an unanswered question fails loudly instead of quietly
reading as false. The engine turns that failure into "not known yet".
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from jinja2 import (
    FileSystemLoader,
    StrictUndefined,
    TemplateSyntaxError,
    Undefined,
    meta,
    nodes,
    pass_context,
)
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from otguide.i18n import DEFAULT_LANGUAGE, Text, pick

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}


def strict(function: Callable[..., Any]) -> Callable[..., Any]:
    """Make a helper or filter given an unanswered value fail as "not known yet".

    Jinja's strict undefined only fails when it is printed, compared or iterated; passed
    to a Python function it would arrive as an object and cause a confusing TypeError.
    """

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        for argument in (*args, *kwargs.values()):
            if isinstance(argument, Undefined):
                argument._fail_with_undefined_error()
        return function(*args, **kwargs)

    return call


def format_money(amount: Decimal | int | None) -> str:
    """`$52,000` for whole dollars, `$52,000.50` otherwise."""
    if amount is None:
        return ""
    value = Decimal(amount).quantize(Decimal("0.01"))
    if value == value.to_integral_value():
        return f"${int(value):,}"
    return f"${value:,.2f}"


def format_percent(
    value: Fraction | Decimal | int | None, distinct_from: Decimal | int | None = None
) -> str:
    """`157.6%`: rounded half up to one decimal, trailing `.0` kept for clarity.

    With `distinct_from` (a limit), more decimals are shown when one would make an income
    above or below the limit read as equal to it: `138.0%` beside a limit of 138% becomes
    `138.003%`.
    """
    if value is None:
        return ""
    exact = Fraction(value)
    limit = None if distinct_from is None else Fraction(distinct_from)
    places = 1
    while True:
        step = Decimal(1).scaleb(-places)
        rounded = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
            step, rounding=ROUND_HALF_UP
        )
        if limit is None or exact == limit or Fraction(rounded) != limit or places >= 6:
            return f"{rounded}%"
        places += 1


def format_limit_percent(value: Decimal | int) -> str:
    """A program limit as published: `201%`, or `157.5%` when it has a fraction."""
    number = Decimal(value).normalize()
    return f"{number:f}%"


def format_date(value: date, language: str = DEFAULT_LANGUAGE) -> str:
    months = MONTHS.get(language, MONTHS[DEFAULT_LANGUAGE]).split()
    month = months[value.month - 1]
    if language == "es":
        return f"{value.day} de {month} de {value.year}"
    return f"{month} {value.day}, {value.year}"


@pass_context
def _translate(context: Context, text: Text | None) -> str:
    if isinstance(text, Undefined):
        text._fail_with_undefined_error()
    return pick(text, context.get("lang", DEFAULT_LANGUAGE))


@pass_context
def _long_date(context: Context, value: date) -> str:
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    return format_date(value, context.get("lang", DEFAULT_LANGUAGE))


def make_environment(templates: Path | None = None) -> SandboxedEnvironment:
    """The one environment that compiles a flow's expressions, texts and templates.

    Helpers and answers reach expressions through the context at evaluation time, so
    one compiled flow serves any program data.
    """
    environment = SandboxedEnvironment(
        loader=FileSystemLoader(str(templates)) if templates else None,
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        # Block tags on their own line leave blank lines, which lists skip; trimming
        # them would glue a line ending in {% endif %} to the next one.
        trim_blocks=False,
        lstrip_blocks=True,
    )
    environment.filters.update(
        money=strict(format_money),
        percent=strict(format_percent),
        limit_percent=strict(format_limit_percent),
        t=_translate,
        longdate=_long_date,
    )
    return environment


@dataclass(frozen=True)
class Names:
    """What an expression or text refers to."""

    variables: frozenset[str] = field(default_factory=frozenset)
    called: frozenset[str] = field(default_factory=frozenset)


def _names_in(tree: nodes.Node, environment: SandboxedEnvironment) -> Names:
    variables = meta.find_undeclared_variables(tree)  # type: ignore[arg-type]
    called = {
        call.node.name for call in tree.find_all(nodes.Call) if isinstance(call.node, nodes.Name)
    }
    filters = {node.name for node in tree.find_all(nodes.Filter)}
    unknown_filters = filters - set(environment.filters)
    if unknown_filters:
        raise TemplateSyntaxError(
            f"there is no filter named '{sorted(unknown_filters)[0]}'", lineno=1
        )
    return Names(frozenset(variables), frozenset(called))


class ExpressionError(Exception):
    """An expression or text that does not compile; the message says why."""


class ExpressionFailed(Exception):
    """An expression that compiled but failed while running, such as a division by zero.

    `otguide check` cannot foresee every such failure, so it is reported with the place
    in the flow file instead of a traceback.
    """

    def __init__(self, where: str, source: str, error: Exception) -> None:
        reason = str(error) or type(error).__name__
        super().__init__(f"{where}: `{source}` failed while running: {reason}.")


def _describe(error: TemplateSyntaxError) -> str:
    message = error.message or "it does not parse"
    return message.rstrip(".")


@dataclass
class Expression:
    """A compiled condition or derived value."""

    source: str
    names: Names
    _compiled: Callable[..., Any]
    where: str = ""
    """file:line:column of the expression, for messages when it fails while running."""

    def evaluate(self, context: Mapping[str, Any]) -> Any:
        return self._compiled(**context)


@dataclass
class Template:
    """A compiled text with `{{ }}` placeholders."""

    source: str
    names: Names
    _compiled: Any
    where: str = ""

    def render(self, context: Mapping[str, Any]) -> str:
        return str(self._compiled.render(**context)).strip()


def compile_expression(source: str, environment: SandboxedEnvironment) -> Expression:
    try:
        compiled = environment.compile_expression(source, undefined_to_none=False)
        tree = environment.parse("{{ (" + source + ") }}")
        names = _names_in(tree, environment)
    except TemplateSyntaxError as error:
        raise ExpressionError(_describe(error)) from None
    return Expression(source, names, compiled)


def compile_template(source: str, environment: SandboxedEnvironment) -> Template:
    try:
        tree = environment.parse(source)
        names = _names_in(tree, environment)
        compiled = environment.from_string(source)
    except TemplateSyntaxError as error:
        raise ExpressionError(_describe(error)) from None
    return Template(source, names, compiled)


def referenced(items: Iterable[Expression | Template]) -> set[str]:
    found: set[str] = set()
    for item in items:
        found |= item.names.variables
    return found
