"""Every answer on one screen, each with a Change button, and the way to the results."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Label

from otguide.flow.model import Question
from otguide.ui.keys import Key, Localizable, key_bindings, localized
from otguide.ui.results_screen import ResultsScreen
from otguide.ui.session import Session


@dataclass(frozen=True)
class ReviewExit:
    """How the person left the review: to change one answer, to start over, or neither
    (back to the questions)."""

    change: str | None = None
    start_over: bool = False


class ReviewScreen(Localizable, Screen[ReviewExit]):
    KEYS: ClassVar[tuple[Key, ...]] = (
        Key("r", "results", "see_results"),
        Key("escape", "questions", "back_to_questions"),
    )
    BINDINGS = key_bindings(KEYS, "en")

    def __init__(self, session: Session, dropped: list[Question]) -> None:
        super().__init__()
        self.session = session
        self.dropped = dropped

    def compose(self) -> ComposeResult:
        ui = self.session.ui
        interview = self.session.interview
        yield Header()
        with VerticalScroll(id="review-list"):
            yield Label(Content(ui("review_title")), classes="heading")
            yield Label(Content(ui("review_intro")))
            if self.dropped:
                lines = [ui("dropped")] + [
                    f"• {self.session.interview.prompt(q)}" for q in self.dropped
                ]
                yield Label(Content("\n".join(lines)), id="dropped")
            for question in interview.path():
                answer = interview.answers.get(question.id)
                if answer is None:
                    shown = ui("not_answered")
                else:
                    shown = ui("skipped") if answer.skipped else answer.shown
                with Horizontal(classes="review-row"):
                    with Vertical(classes="review-text"):
                        yield Label(
                            Content(self.session.interview.prompt(question)), classes="guide"
                        )
                        yield Label(Content(shown), classes="said", id=f"answer-{question.id}")
                    yield Button(Content(ui("change")), id=f"change-{question.id}")
        with Horizontal(id="review-actions"):
            yield Button(Content(ui("see_results")), variant="primary", id="see-results")
            yield Button(Content(ui("back_to_questions")), id="to-questions")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#see-results", Button).focus()

    def action_results(self) -> None:
        results = localized(ResultsScreen, self.session.language)(self.session)
        self.app.push_screen(results, self.after_results)

    def after_results(self, start_over: bool | None) -> None:
        if start_over:
            self.dismiss(ReviewExit(start_over=True))

    def action_questions(self) -> None:
        self.dismiss(ReviewExit())

    @on(Button.Pressed, "#see-results")
    def _results_pressed(self) -> None:
        self.action_results()

    @on(Button.Pressed, "#to-questions")
    def _questions_pressed(self) -> None:
        self.action_questions()

    @on(Button.Pressed, ".review-row Button")
    def _change_pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        self.dismiss(ReviewExit(change=button_id.removeprefix("change-")))
