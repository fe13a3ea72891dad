"""Asks before something that cannot be undone, such as wiping every answer."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label

from otguide.ui.keys import Key, Localizable, key_bindings
from otguide.ui.session import Session


class ConfirmScreen(Localizable, ModalScreen[bool]):
    KEYS: ClassVar[tuple[Key, ...]] = (
        Key("y", "dismiss(True)", "confirm_yes"),
        Key("escape", "dismiss(False)", "confirm_no"),
    )
    BINDINGS = key_bindings(KEYS, "en")

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        ui = self.session.ui
        with Vertical(classes="dialog"):
            yield Label(Content(ui("confirm_title")), classes="heading")
            yield Label(Content(ui("confirm_body")))
            with Horizontal(classes="dialog-actions"):
                yield Button(Content(ui("confirm_no")), variant="primary", id="keep")
                yield Button(Content(ui("confirm_yes")), variant="error", id="wipe")
        yield Footer()

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#wipe")
    def _wipe(self) -> None:
        self.dismiss(True)
