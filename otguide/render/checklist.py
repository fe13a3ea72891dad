"""Render an outcome with the checklist templates in `templates/`.

Markdown and HTML come from Jinja templates (the HTML one with autoescaping, so nothing
a family typed can become markup); JSON is the outcome's own dictionary. Templates are
rendered in Jinja's sandbox because a clinic may edit them.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

from otguide import resources
from otguide.engine.outcome import Outcome
from otguide.expressions import format_date

FORMATS = ("json", "markdown", "html")
_EXTENSIONS = {"json": "json", "markdown": "md", "html": "html"}
_TEMPLATES = {"markdown": "checklist.md.j2", "html": "checklist.html.j2"}


def _environment(templates: Path) -> SandboxedEnvironment:
    environment = SandboxedEnvironment(
        loader=FileSystemLoader(str(templates)),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["longdate"] = format_date
    return environment


def render_outcome(outcome: Outcome, output_format: str, templates: Path | None = None) -> str:
    """The checklist as text in `output_format` (one of FORMATS)."""
    if output_format == "json":
        return json.dumps(outcome.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if output_format not in _TEMPLATES:
        raise ValueError(f"unknown format {output_format!r}; use one of {', '.join(FORMATS)}")
    environment = _environment(templates or resources.templates_dir())
    template = environment.get_template(_TEMPLATES[output_format])
    as_of = date.fromisoformat(outcome.rules["as_of"])
    return template.render(outcome=outcome, lang=outcome.language, as_of=as_of)


def suggested_filename(output_format: str, as_of: date) -> str:
    return f"otguide-checklist-{as_of.isoformat()}.{_EXTENSIONS[output_format]}"
