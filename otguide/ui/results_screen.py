"""The routes that fit, ranked and explained, then the routes ruled out and why."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Header, Label

from otguide.engine import Outcome, RouteResult, RuledOut
from otguide.ui.confirm_screen import ConfirmScreen
from otguide.ui.export_screen import ExportScreen, save_checklist
from otguide.ui.keys import Key, Localizable, key_bindings, localized
from otguide.ui.session import Session


def bullets(heading: str, items: list[str]) -> list[Widget]:
    if not items:
        return []
    return [
        Label(Content(heading), classes="subheading"),
        *(Label(Content(f"• {item}"), classes="item") for item in items),
    ]


class ResultsScreen(Localizable, Screen[bool]):
    """Dismissed with True when the person chose to start over."""

    KEYS: ClassVar[tuple[Key, ...]] = (
        Key("f2", "change_answers", "change_answers"),
        Key("e", "export", "export"),
        Key("s", "start_over", "start_over"),
    )
    BINDINGS = key_bindings(KEYS, "en")

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.outcome: Outcome = session.interview.outcome()

    def compose(self) -> ComposeResult:
        ui = self.session.ui
        outcome = self.outcome
        yield Header()
        with VerticalScroll(id="results"):
            for notice in outcome.notices:
                yield Label(Content(notice), classes="notice")
            if outcome.missing:
                lines = [ui("missing")] + [f"• {item.prompt}" for item in outcome.missing]
                yield Label(Content("\n".join(lines)), classes="notice", id="missing")
            yield Label(Content(ui("routes_heading")), classes="heading")
            if not outcome.routes:
                yield Label(Content(ui("no_routes")))
            for number, route in enumerate(outcome.routes, start=1):
                yield self.route_card(number, route)
            if outcome.ruled_out:
                yield Label(Content(ui("ruled_out")), classes="heading")
                for ruled_out in outcome.ruled_out:
                    yield self.ruled_out_card(ruled_out)
        yield Label("", id="export-status", markup=False)
        with Horizontal(id="results-actions"):
            yield Button(Content(ui("change_answers")), id="change-answers")
            yield Button(Content(ui("export")), variant="primary", id="export")
            yield Button(Content(ui("start_over")), variant="warning", id="start-over")
        yield Footer()

    def route_card(self, number: int, route: RouteResult) -> Vertical:
        ui = self.session.ui
        parts: list[Widget] = [Label(Content(f"{number}. {route.title}"), classes="route-title")]
        if route.program:
            parts.append(Label(Content(f"{ui('program')}: {route.program}")))
        parts += bullets(ui("why"), route.reasons)
        parts += bullets(ui("payment"), route.payment)
        parts += bullets(ui("ask"), route.questions)
        return Vertical(*parts, classes="route", id=f"route-{route.id}")

    def ruled_out_card(self, ruled_out: RuledOut) -> Vertical:
        parts: list[Widget] = [Label(Content(ruled_out.title), classes="route-title")]
        parts += [Label(Content(f"• {reason}"), classes="item") for reason in ruled_out.reasons]
        return Vertical(*parts, classes="ruled-out", id=f"ruled-out-{ruled_out.id}")

    def on_mount(self) -> None:
        self.query_one("#export", Button).focus()

    def action_change_answers(self) -> None:
        self.dismiss(False)

    def action_export(self) -> None:
        export = localized(ExportScreen, self.session.language)(self.session)
        self.app.push_screen(export, self.after_export)

    def after_export(self, output_format: str | None) -> None:
        if output_format is None:
            return
        message, saved = save_checklist(self.app, self.session, self.outcome, output_format)
        self.query_one("#export-status", Label).update(Content(message))
        self.notify(message, severity="information" if saved else "error", markup=False)

    def action_start_over(self) -> None:
        confirm = localized(ConfirmScreen, self.session.language)(self.session)
        self.app.push_screen(confirm, self.after_confirm)

    def after_confirm(self, wipe: bool | None) -> None:
        if wipe:
            self.dismiss(True)

    @on(Button.Pressed, "#change-answers")
    def _change_pressed(self) -> None:
        self.action_change_answers()

    @on(Button.Pressed, "#export")
    def _export_pressed(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#start-over")
    def _start_over_pressed(self) -> None:
        self.action_start_over()
