"""The conversation: the answers so far as a transcript, and one question below it."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Label, Static

from otguide.flow.model import Question
from otguide.ui.answer_inputs import AnswerWidget, answer_widget
from otguide.ui.keys import Key, Localizable, key_bindings, localized
from otguide.ui.review_screen import ReviewExit, ReviewScreen
from otguide.ui.session import Session


def help_text(question: Question, session: Session) -> str:
    """The question's help, then the help of each choice that has some."""
    parts = [session.interview.help(question)]
    parts += [
        f"{session.pick(choice.label)}: {session.pick(choice.help)}"
        for choice in question.choices
        if session.pick(choice.help)
    ]
    return "\n".join(part for part in parts if part) or session.ui("no_help")


class Transcript(VerticalScroll):
    """What the guide asked and what the person said, oldest first."""

    async def show(self, session: Session) -> None:
        lines: list[Label] = []
        description = session.pick(session.interview.flow.description)
        if description:
            lines.append(Label(Content(description), classes="guide"))
        for question, answer in session.interview.transcript():
            lines.append(Label(Content(session.interview.prompt(question)), classes="guide"))
            said = session.ui("skipped") if answer.skipped else answer.shown
            lines.append(Label(Content(said), classes="said"))
        await self.remove_children()
        await self.mount_all(lines)
        self.scroll_end(animate=False)


class QuestionPanel(Vertical):
    """The active question: its prompt, its field, help on demand and the way around."""

    def __init__(self, session: Session, question: Question, prefill: Any, note: str) -> None:
        super().__init__(id="question")
        self.session = session
        self.question = question
        self.prefill = prefill
        self.note = note

    def compose(self) -> ComposeResult:
        ui = self.session.ui
        # The note (such as answers just removed) comes first so a long list below
        # cannot push it out of sight.
        yield Label(Content(self.note), id="note", classes="-shown" if self.note else "")
        yield Label(Content(self.session.interview.prompt(self.question)), id="prompt")
        if not self.question.required:
            yield Label(Content(ui("optional")), classes="hint")
        yield answer_widget(self.question, self.session, self.prefill)
        yield Static(Content(help_text(self.question, self.session)), id="help")
        with Horizontal(id="actions"):
            yield Button(Content(ui("back")), id="back")
            yield Button(Content(ui("help")), id="help-button")
            if not self.question.required:
                yield Button(Content(ui("skip")), id="skip")
            yield Button(Content(ui("review")), id="review-button")


class InterviewScreen(Localizable, Screen[None]):
    KEYS: ClassVar[tuple[Key, ...]] = (
        Key("f1", "toggle_help", "help"),
        Key("escape", "back", "back"),
        Key("f2", "review", "review"),
        Key("f3", "skip", "skip"),
    )
    BINDINGS = key_bindings(KEYS, "en")

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.question: Question | None = None
        self.revising: str | None = None
        """The question being changed from the review screen, which it returns to."""
        self.dropped: list[Question] = []
        """Answers removed since the review screen was last shown."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Transcript(id="transcript")
        yield Vertical(id="panel")
        yield Footer()

    async def on_mount(self) -> None:
        await self.ask(self.session.interview.current)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip":
            return self.question is not None and not self.question.required
        return True

    # Showing questions -------------------------------------------------------------

    async def ask(self, question: Question | None, note: str = "") -> None:
        if question is None:
            self.open_review()
            return
        self.question = question
        answer = self.session.interview.answers.get(question.id)
        panel = self.query_one("#panel", Vertical)
        await panel.remove_children()
        await panel.mount(
            QuestionPanel(self.session, question, None if answer is None else answer.raw, note)
        )
        await self.query_one(Transcript).show(self.session)
        # A rebuilt panel leaves nothing focused; keyboard users must land in the field.
        panel.query_one(AnswerWidget).focus_answer()
        self.refresh_bindings()

    def dropped_note(self, dropped: list[Question]) -> str:
        if not dropped:
            return ""
        prompts = "\n".join(f"• {self.session.interview.prompt(q)}" for q in dropped)
        return f"{self.session.ui('dropped')}\n{prompts}"

    def first_unanswered(self) -> Question | None:
        interview = self.session.interview
        return next((q for q in interview.path() if q.id not in interview.answers), None)

    # Answering ---------------------------------------------------------------------

    async def on_answer_widget_given(self, event: AnswerWidget.Given) -> None:
        question = self.question
        if question is None:
            return
        interview = self.session.interview
        if self.revising == question.id:
            change = interview.change(question.id, event.raw)
        else:
            change = interview.answer(event.raw)
        if not change.parsed.ok:
            self.query_one(AnswerWidget).show_error(change.parsed.error)
            return
        self.dropped.extend(change.dropped)
        if self.revising is None:
            await self.ask(interview.current, self.dropped_note(change.dropped))
            return
        # A changed answer can open a question that was not asked before; ask it, then
        # go back to the review screen.
        gap = self.first_unanswered()
        if gap is None:
            self.open_review()
            return
        interview.go_to(gap.id)
        await self.ask(gap, self.dropped_note(change.dropped))

    def action_skip(self) -> None:
        if self.question is not None and not self.question.required:
            blank: Any = [] if self.question.type == "multiple_choice" else ""
            self.query_one(AnswerWidget).submit(blank)

    async def action_back(self) -> None:
        if self.revising is not None:
            self.open_review()
            return
        interview = self.session.interview
        if interview.back():
            await self.ask(interview.current)
            return
        note = self.query_one("#note", Label)
        note.update(Content(self.session.ui("first_question")))
        note.add_class("-shown")

    def action_toggle_help(self) -> None:
        self.query_one("#help", Static).toggle_class("-shown")

    def action_review(self) -> None:
        self.open_review()

    @on(Button.Pressed, "#back")
    async def _back_pressed(self) -> None:
        await self.action_back()

    @on(Button.Pressed, "#help-button")
    def _help_pressed(self) -> None:
        self.action_toggle_help()

    @on(Button.Pressed, "#skip")
    def _skip_pressed(self) -> None:
        self.action_skip()

    @on(Button.Pressed, "#review-button")
    def _review_pressed(self) -> None:
        self.open_review()

    # The review screen -------------------------------------------------------------

    def open_review(self) -> None:
        dropped, self.dropped = self.dropped, []
        self.revising = None
        review = localized(ReviewScreen, self.session.language)(self.session, dropped)
        self.app.push_screen(review, self.after_review)

    async def after_review(self, result: ReviewExit | None) -> None:
        interview = self.session.interview
        if result is not None and result.start_over:
            interview.reset()
            await self.ask(interview.current)
        elif result is not None and result.change is not None:
            interview.go_to(result.change)
            self.revising = result.change
            await self.ask(interview.flow.question(result.change))
        else:
            # Back to the questions: the first one still open, or the last one answered.
            path = interview.path()
            target = self.first_unanswered() or (path[-1] if path else None)
            if target is not None:
                interview.go_to(target.id)
            await self.ask(target)
