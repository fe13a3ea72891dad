"""Evaluate a compiled condition against the answers, with "not known yet" as a result."""

from __future__ import annotations

from typing import Any

from jinja2 import Undefined
from jinja2.exceptions import UndefinedError

from otguide.expressions import Expression, ExpressionFailed
from otguide.flow.model import LocalizedTemplate
from otguide.i18n import DEFAULT_LANGUAGE
from otguide.programs.figures import NoGuideline


class Unknown:
    """Marks a condition that cannot be decided until more questions are answered."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = Unknown()


def evaluate(expression: Expression, context: dict[str, Any]) -> Any:
    """The expression's value, or UNKNOWN when it needs an answer not given yet."""
    try:
        value = expression.evaluate(context)
    except (UndefinedError, NoGuideline):
        return UNKNOWN
    except Exception as error:
        raise ExpressionFailed(expression.where, expression.source, error) from error
    # A bare name such as `has_other` evaluates to the undefined object itself rather
    # than raising; it only raises later, when tested for truth.
    return UNKNOWN if isinstance(value, Undefined) else value


def render_text(text: LocalizedTemplate, context: dict[str, Any], language: str) -> str | None:
    """The text in `language` (or English), or None when it needs an answer not given yet."""
    template = text.get(language) or text.get(DEFAULT_LANGUAGE) or next(iter(text.values()))
    try:
        return template.render(context)
    except (UndefinedError, NoGuideline):
        return None
    except Exception as error:
        raise ExpressionFailed(template.where, template.source, error) from error
