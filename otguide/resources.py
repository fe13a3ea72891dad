"""Where the default flow, program data and templates live.

A source checkout keeps them at the top of the repository; a built wheel carries copies
inside the package (see `tool.hatch.build` in pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _root() -> Path:
    bundled = _PACKAGE / "_bundled"
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent


def flows_dir() -> Path:
    return _root() / "flows"


def templates_dir() -> Path:
    return _root() / "templates"


def data_dir() -> Path:
    return _root() / "data"


def default_flow() -> Path:
    return flows_dir() / "intake.yaml"
