"""One answer field per question type. Each reads what the person enters, checks it
with the engine, shows the engine's message beside the field, and posts `Given` only
for an answer that reads well, so nothing typed is lost on a mistake."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, OptionList, SelectionList
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from otguide.flow.model import Question
from otguide.ui.keys import Key, Localizable, key_bindings, localized
from otguide.ui.session import Session


class AnswerWidget(Vertical):
    """The field for one question, prefilled with an earlier answer when there is one."""

    class Given(Message):
        """An answer that the engine reads without error."""

        def __init__(self, raw: Any) -> None:
            super().__init__()
            self.raw = raw

    def __init__(self, question: Question, session: Session, prefill: Any) -> None:
        super().__init__(classes="answer")
        self.question = question
        self.session = session
        self.prefill = prefill

    def error_label(self) -> Label:
        return Label("", classes="answer-error", markup=False)

    def show_error(self, message: str) -> None:
        error = self.query_one(".answer-error", Label)
        error.update(Content(message))
        error.set_class(bool(message), "-shown")

    def submit(self, raw: Any) -> None:
        parsed = self.session.interview.check(raw, self.question)
        self.show_error(parsed.error)
        if parsed.ok:
            self.post_message(self.Given(raw))

    def focus_answer(self) -> None:
        first = next((widget for widget in self.query("*") if widget.focusable), None)
        if first is not None:
            first.focus()


class TypedAnswer(AnswerWidget):
    """Money, dates, whole numbers and states: typed, and checked on every keystroke.
    Enter or the Continue button sends it (the button is for touch screens)."""

    def compose(self) -> ComposeResult:
        suggester = None
        if self.question.type == "us_state":
            names = sorted(j.name for j in self.session.interview.data.jurisdictions.values())
            suggester = SuggestFromList(names, case_sensitive=False)
        with Horizontal(classes="typed-row"):
            yield Input(
                value="" if self.prefill is None else str(self.prefill),
                placeholder=self.session.interview.text(self.question, "placeholder"),
                suggester=suggester,
                id="typed",
            )
            yield Button(Content(self.session.ui("continue")), variant="primary", id="continue")
        yield self.error_label()

    @on(Input.Changed, "#typed")
    def _typed(self, event: Input.Changed) -> None:
        # An empty field is not an error yet: the person has only just arrived.
        if event.value.strip():
            self.show_error(self.session.interview.check(event.value, self.question).error)
        else:
            self.show_error("")

    @on(Input.Submitted, "#typed")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit(event.value)

    @on(Button.Pressed, "#continue")
    def _continue(self, event: Button.Pressed) -> None:
        event.stop()
        self.submit(self.query_one("#typed", Input).value)


class ChoiceAnswer(AnswerWidget):
    """One choice from a list: arrows and Enter, or a click."""

    def compose(self) -> ComposeResult:
        options = [
            Option(Content(self.session.pick(choice.label)), id=choice.value)
            for choice in self.question.choices
        ]
        yield OptionList(*options, markup=False, id="choices")
        yield self.error_label()

    def on_mount(self) -> None:
        values = [choice.value for choice in self.question.choices]
        if self.prefill in values:
            self.query_one("#choices", OptionList).highlighted = values.index(self.prefill)

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit(event.option.id)


class MultiChoiceAnswer(Localizable, AnswerWidget):
    """Any number of choices: space or a click toggles one, Continue sends them."""

    KEYS: ClassVar[tuple[Key, ...]] = (Key("f4", "send", "continue"),)
    BINDINGS = key_bindings(KEYS, "en")

    def compose(self) -> ComposeResult:
        chosen = set(self.prefill or [])
        selections = [
            Selection(
                Content(self.session.pick(choice.label)), choice.value, choice.value in chosen
            )
            for choice in self.question.choices
        ]
        yield SelectionList[str](*selections, id="selections")
        with Horizontal(classes="continue-row"):
            yield Button(Content(self.session.ui("continue")), variant="primary", id="continue")
            yield self.error_label()

    def action_send(self) -> None:
        selected = set(self.query_one("#selections", SelectionList).selected)
        # Keep the flow's order, so the answer reads back the way the list reads.
        self.submit([choice.value for choice in self.question.choices if choice.value in selected])

    @on(Button.Pressed, "#continue")
    def _continue(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_send()


class YesNoAnswer(Localizable, AnswerWidget):
    """Two big buttons, or the y and n keys."""

    KEYS: ClassVar[tuple[Key, ...]] = (
        Key("y", "pick(True)", "yes"),
        Key("n", "pick(False)", "no"),
        Key("s", "pick(True)", "yes", only_in="es"),
    )
    BINDINGS = key_bindings(KEYS, "en")

    def compose(self) -> ComposeResult:
        with Horizontal(classes="yes-no"):
            yield Button(Content(self.session.ui("yes")), variant="primary", id="yes")
            yield Button(Content(self.session.ui("no")), variant="primary", id="no")
        yield self.error_label()

    def focus_answer(self) -> None:
        self.query_one("#no" if self.prefill is False else "#yes", Button).focus()

    def action_pick(self, value: bool) -> None:
        self.submit(value)

    @on(Button.Pressed, "#yes, #no")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.submit(event.button.id == "yes")


def answer_widget(question: Question, session: Session, prefill: Any) -> AnswerWidget:
    """The field that fits the question's type."""
    if question.type == "choice":
        return ChoiceAnswer(question, session, prefill)
    if question.type == "multiple_choice":
        return localized(MultiChoiceAnswer, session.language)(question, session, prefill)
    if question.type == "yes_no":
        return localized(YesNoAnswer, session.language)(question, session, prefill)
    return TypedAnswer(question, session, prefill)
