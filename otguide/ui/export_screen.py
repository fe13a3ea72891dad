"""Choosing a checklist format, and saving the checklist where the person can find it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, ClassVar

import platformdirs
from textual import on
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label

from otguide.engine import Outcome
from otguide.render import render_outcome, suggested_filename
from otguide.ui.keys import Key, Localizable, key_bindings
from otguide.ui.session import Session

CHOICES = (("html", "format_html"), ("markdown", "format_markdown"), ("json", "format_json"))
MIME_TYPES = {"html": "text/html", "markdown": "text/markdown", "json": "application/json"}


class ExportScreen(Localizable, ModalScreen[str | None]):
    """Dismissed with the chosen format, or None to cancel."""

    KEYS: ClassVar[tuple[Key, ...]] = (
        Key("h", "dismiss('html')", "format_html"),
        Key("m", "dismiss('markdown')", "format_markdown"),
        Key("j", "dismiss('json')", "format_json"),
        Key("escape", "dismiss(None)", "cancel"),
    )
    BINDINGS = key_bindings(KEYS, "en")

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        ui = self.session.ui
        with Vertical(classes="dialog"):
            yield Label(Content(ui("export_title")), classes="heading")
            yield Label(Content(ui("export_intro")))
            for output_format, label in CHOICES:
                yield Button(Content(ui(label)), id=f"format-{output_format}", classes="format")
            yield Button(Content(ui("cancel")), id="cancel")
        yield Footer()

    @on(Button.Pressed, ".format")
    def _format_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("format-"))

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)


def save_checklist(
    app: App[Any], session: Session, outcome: Outcome, output_format: str
) -> tuple[str, bool]:
    """Write the checklist and say where it went; the flag is False when it failed.

    In a browser (textual-serve) the browser downloads it. In a terminal it goes to the
    export folder, or the downloads folder, under a name no earlier checklist has, so a
    second family's checklist never replaces the first.
    """
    text = render_outcome(outcome, output_format)
    filename = suggested_filename(output_format, session.interview.as_of)
    if app.is_web:
        app.deliver_text(
            io.StringIO(text),
            save_filename=filename,
            mime_type=MIME_TYPES[output_format],
            encoding="utf-8",
        )
        return f"{session.ui('sent')} {filename}", True
    folder = session.export_dir or Path(platformdirs.user_downloads_dir())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = _unused(folder / filename)
        with path.open("x", encoding="utf-8") as file:
            file.write(text)
    except OSError as error:
        reason = error.strerror or str(error)
        return f"{session.ui('save_failed')} {folder}: {reason}", False
    return f"{session.ui('saved')} {path}", True


def _unused(path: Path) -> Path:
    """`path`, or the same name with -2, -3 ... when a file is there already."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate
