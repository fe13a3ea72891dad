"""The Textual app, driven through Pilot at 80x24 by keys and by mouse.

The `flow` (the default intake flow) and `data` fixtures come from conftest.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, SelectionList, Static

from otguide.engine import Interview
from otguide.flow import load_flow
from otguide.flow.model import Flow
from otguide.programs.figures import ProgramData
from otguide.ui import OtguideApp
from otguide.ui.interview_screen import InterviewScreen
from otguide.ui.results_screen import ResultsScreen
from otguide.ui.review_screen import ReviewScreen

AS_OF = date(2026, 12, 4)
SIZE = (80, 24)
FLOWS = Path(__file__).parent / "flows"
CT_ROUTES = [
    "1. Medicaid and its EPSDT benefit for children",
    "2. OT at school (IEP or Section 504 plan)",
    "3. Paying the clinic yourself",
]
NETWORK_PROMPT = "Is the OT clinic in your private plan's network?"


def text(widget: Widget) -> str:
    """What a widget shows, as plain text."""
    if isinstance(widget, Button):
        return str(widget.label)
    return str(widget.render())


def screen_texts(app: OtguideApp, selector: str) -> list[str]:
    return [text(widget) for widget in app.screen.query(selector)]


def shown(app: OtguideApp, selector: str) -> str:
    return text(app.screen.query_one(selector, Widget))


def current_id(app: OtguideApp) -> str:
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    assert screen.question is not None
    return screen.question.id


async def settle(pilot: Pilot[int]) -> None:
    # Screen switches wait a frame in Textual 8; let them finish before looking.
    await pilot.pause()


async def type_in(pilot: Pilot[int], answer: str) -> None:
    await pilot.press(*answer, "enter")
    await settle(pilot)


async def fill(pilot: Pilot[int], answer: str) -> None:
    """Put a typed answer in the field at once and press Enter, for tests about other
    things than typing (each key press costs a Pilot round trip)."""
    pilot.app.screen.query_one("#typed", Input).value = answer
    await pilot.press("enter")
    await settle(pilot)


async def choose_first(pilot: Pilot[int]) -> None:
    """Enter on a list of choices picks the highlighted one, the first at the start."""
    await pilot.press("enter")
    await settle(pilot)


async def fill_ct_start(pilot: Pilot[int]) -> None:
    for answer in ("CT", "2023-05-01", "4"):
        await fill(pilot, answer)
    await choose_first(pilot)  # "A total for the year"
    await fill(pilot, "52000")


async def click_change(pilot: Pilot[int], question_id: str) -> None:
    """Scroll the review list to a Change button, as the person would, and click it."""
    button = pilot.app.screen.query_one(f"#change-{question_id}", Button)
    button.scroll_visible(animate=False, immediate=True)
    await settle(pilot)
    assert await pilot.click(button)
    await settle(pilot)


def engine_message(flow: Flow, data: ProgramData, question_id: str, raw: object) -> str:
    """The engine's own message for a bad answer: the app must show exactly this."""
    return Interview(flow, data, AS_OF).check(raw, flow.question(question_id)).error


async def finish_ct(pilot: Pilot[int]) -> None:
    """From the coverage question: no coverage, no diagnosis, no kidney failure."""
    await pilot.press("space", "tab", "enter")  # toggle "None right now", then Continue
    await settle(pilot)
    await pilot.press("f3")  # skip the optional diagnoses
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)


async def answer_ct_by_keys(pilot: Pilot[int]) -> None:
    """CT, born 2023-05-01, 4 people, $52,000 a year, no coverage, no diagnosis, no kidney
    failure."""
    for answer in ("CT", "2023-05-01", "4"):
        await type_in(pilot, answer)
    await choose_first(pilot)
    await type_in(pilot, "52000")
    await finish_ct(pilot)


async def answer_ct(pilot: Pilot[int]) -> None:
    """The same answers, typed fields filled at once."""
    await fill_ct_start(pilot)
    await finish_ct(pilot)


async def test_whole_interview_by_keys(flow: Flow, data: ProgramData) -> None:
    app = OtguideApp(flow, data, AS_OF)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert current_id(app) == "state"
        assert shown(app, "#prompt") == "Which state does your child live in?"
        await answer_ct_by_keys(pilot)

        assert isinstance(app.screen, ReviewScreen)
        assert shown(app, "#answer-state") == "Connecticut"
        assert shown(app, "#answer-child_birth_date") == "May 1, 2023"
        assert shown(app, "#answer-household_size") == "4"
        assert shown(app, "#answer-income_frequency") == "A total for the year"
        assert shown(app, "#answer-income_amount") == "$52,000"
        assert shown(app, "#answer-insurance") == "None right now"
        assert shown(app, "#answer-diagnoses") == "(skipped)"
        assert shown(app, "#answer-kidney_failure") == "No"

        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert screen_texts(app, ".route .route-title") == CT_ROUTES
        assert screen_texts(app, "#route-medicaid_epsdt Label")[1] == "Program: HUSKY A"
        assert screen_texts(app, "#route-medicaid_epsdt .subheading") == [
            "Why it fits",
            "Order of payment",
            "Questions to ask",
        ]
        assert "• Pays first, as your child's main coverage." in screen_texts(
            app, "#route-medicaid_epsdt .item"
        )
        assert screen_texts(app, ".notice") == [
            "This guide explains likely routes from your answers. Each program makes its own "
            "decision; take the questions below to the call."
        ]
        assert screen_texts(app, "#ruled-out-chip Label") == [
            "CHIP, the Children's Health Insurance Program",
            "• Your child qualifies for HUSKY A (Medicaid) instead, which covers more "
            "through EPSDT.",
        ]


async def test_whole_interview_by_mouse(flow: Flow, data: ProgramData) -> None:
    app = OtguideApp(flow, data, AS_OF)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # $4,000 a month x 12 = $48,000 a year, within HUSKY A's $66,330 for 4.
        for answer in ("Connecticut", "05/01/2023", "4", None, "4,000"):
            if answer is None:
                assert current_id(app) == "income_frequency"
                assert await pilot.click("#choices", offset=(4, 2))  # "Each month"
                await settle(pilot)
                continue
            assert await pilot.click("#typed")
            await pilot.press(*answer)
            assert await pilot.click("#continue")
            await settle(pilot)
        assert current_id(app) == "insurance"
        assert app.session.interview.answers["income_frequency"].value == "month"
        assert shown(app, "#transcript Label.said:last-of-type") == "$4,000"
        assert await pilot.click("#selections", offset=(4, 1))  # "None right now"
        assert app.screen.query_one("#selections", SelectionList).selected == ["none"]
        assert await pilot.click("#continue")
        await settle(pilot)
        assert current_id(app) == "diagnoses"
        assert await pilot.click("#skip")
        await settle(pilot)
        assert current_id(app) == "kidney_failure"
        assert await pilot.click("#no")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert await pilot.click("#see-results")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert screen_texts(app, ".route .route-title") == CT_ROUTES


async def test_choice_by_click(flow: Flow, data: ProgramData) -> None:
    app = OtguideApp(flow, data, AS_OF)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_ct_start(pilot)
        assert await pilot.click("#selections", offset=(4, 2))  # private insurance
        await pilot.press("f4")
        await settle(pilot)
        assert current_id(app) == "network"
        options = app.screen.query_one("#choices", OptionList)
        assert [str(options.get_option_at_index(i).prompt) for i in range(3)] == [
            "Yes, in network",
            "No, out of network",
            "I don't know",
        ]
        assert await pilot.click("#choices", offset=(4, 2))  # out of network
        await settle(pilot)
        assert app.session.interview.answers["network"].shown == "No, out of network"
        assert current_id(app) == "diagnoses"

        await pilot.press("escape", "escape")
        await settle(pilot)
        assert current_id(app) == "insurance"
        await pilot.press("space", "down", "space", "f4")  # none on, private off
        await settle(pilot)
        assert current_id(app) == "diagnoses"
        assert shown(app, "#note") == (
            f"These answers no longer apply and were removed:\n• {NETWORK_PROMPT}"
        )
        assert "network" not in app.session.interview.answers


async def test_change_insurance_opens_then_drops_network(flow: Flow, data: ProgramData) -> None:
    app = OtguideApp(flow, data, AS_OF)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await answer_ct(pilot)
        assert isinstance(app.screen, ReviewScreen)

        await click_change(pilot, "insurance")
        assert current_id(app) == "insurance"
        selections = app.screen.query_one("#selections", SelectionList)
        assert selections.selected == ["none"]  # the old answer, prefilled
        await pilot.press("space", "down", "space", "f4")  # none off, private on
        await settle(pilot)
        assert current_id(app) == "network"
        assert shown(app, "#prompt") == NETWORK_PROMPT
        await pilot.press("enter")  # "Yes, in network" is highlighted first
        await settle(pilot)

        assert isinstance(app.screen, ReviewScreen)
        assert shown(app, "#answer-insurance") == (
            "Private insurance (through a job or bought on your own)"
        )
        assert shown(app, "#answer-network") == "Yes, in network"
        assert not app.screen.query("#dropped")

        await click_change(pilot, "insurance")
        await pilot.press("space", "down", "space", "f4")  # none on, private off
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert shown(app, "#dropped") == (
            f"These answers no longer apply and were removed:\n• {NETWORK_PROMPT}"
        )
        assert not app.screen.query("#answer-network")
        assert shown(app, "#answer-insurance") == "None right now"
        assert "network" not in app.session.interview.answers


async def test_back_keeps_later_answers(flow: Flow, data: ProgramData) -> None:
    app = OtguideApp(flow, data, AS_OF)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_ct_start(pilot)
        assert current_id(app) == "insurance"
        for _ in range(3):
            await pilot.press("escape")
            await settle(pilot)
        assert current_id(app) == "household_size"
        assert app.screen.query_one("#typed", Input).value == "4"
        await pilot.press("enter")  # keep 4; the answers given before come back
        await settle(pilot)
        assert current_id(app) == "income_frequency"
        assert app.screen.query_one("#choices", OptionList).highlighted == 0
        await choose_first(pilot)
        assert current_id(app) == "income_amount"
        assert app.screen.query_one("#typed", Input).value == "52000"
        for _ in range(4):
            assert await pilot.click("#back")
            await settle(pilot)
        assert current_id(app) == "state"
        await pilot.press("escape")
        await settle(pilot)
        assert shown(app, "#note") == "This is the first question."
        assert app.session.interview.answers["income_amount"].shown == "$52,000"


async def test_bad_typed_answers_keep_the_text(flow: Flow, data: ProgramData) -> None:
    app = OtguideApp(flow, data, AS_OF)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_in(pilot, "CT")
        future = "12/25/2027"
        await pilot.press(*future)
        await settle(pilot)
        message = engine_message(flow, data, "child_birth_date", future)
        assert message == "That date is after today (December 4, 2026). Check the year of birth."
        assert shown(app, ".answer-error") == message  # shown while typing
        await pilot.press("enter")
        await settle(pilot)
        assert current_id(app) == "child_birth_date"
        assert app.screen.query_one("#typed", Input).value == future
        assert shown(app, ".answer-error") == message
        await fill(pilot, "2023-05-01")
        await fill(pilot, "4")
        await choose_first(pilot)

        await type_in(pilot, "-5")
        assert current_id(app) == "income_amount"
        assert app.screen.query_one("#typed", Input).value == "-5"
        assert shown(app, ".answer-error") == engine_message(flow, data, "income_amount", "-5")
        assert "below zero" in shown(app, ".answer-error")
        await pilot.press("backspace", "backspace")
        await settle(pilot)
        assert shown(app, ".answer-error") == ""

        await fill(pilot, "52000")
        await pilot.press("tab", "enter")  # Continue with nothing chosen
        await settle(pilot)
        assert current_id(app) == "insurance"
        assert shown(app, ".answer-error") == engine_message(flow, data, "insurance", [])
        await pilot.press("shift+tab", "space", "down", "space", "f4")  # none and private
        await settle(pilot)
        assert current_id(app) == "insurance"
        assert shown(app, ".answer-error") == (
            engine_message(flow, data, "insurance", ["none", "private"])
        )
        assert "None right now" in shown(app, ".answer-error")


async def test_help_on_demand(flow: Flow, data: ProgramData) -> None:
    app = OtguideApp(flow, data, AS_OF)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        help_text = app.screen.query_one("#help", Static)
        assert not help_text.has_class("-shown")
        await pilot.press("f1")
        assert help_text.has_class("-shown")
        assert text(help_text) == (
            "Medicaid and CHIP rules differ from state to state. Type the name or the "
            "two-letter code, like CT."
        )
        assert await pilot.click("#help-button")
        assert not help_text.has_class("-shown")


async def keys(pilot: Pilot[int], *pressed: str) -> None:
    """Press keys one at a time, letting each screen switch finish."""
    for key in pressed:
        await pilot.press(key)
        await settle(pilot)


async def test_export_and_start_over(flow: Flow, data: ProgramData, tmp_path: Path) -> None:
    app = OtguideApp(flow, data, AS_OF, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await answer_ct(pilot)
        await keys(pilot, "r", "e", "h")  # results, export, HTML
        html = tmp_path / "otguide-checklist-2026-12-04.html"
        assert shown(app, "#export-status") == f"Checklist saved to {html}"
        assert "Medicaid and its EPSDT benefit for children" in html.read_text(encoding="utf-8")

        assert await pilot.click("#export")
        await settle(pilot)
        assert await pilot.click("#format-markdown")
        await settle(pilot)
        markdown = tmp_path / "otguide-checklist-2026-12-04.md"
        assert "Medicaid and its EPSDT benefit for children" in markdown.read_text(encoding="utf-8")

        await pilot.press("s")
        await settle(pilot)
        await pilot.press("escape")  # keep the answers
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("s")
        await settle(pilot)
        assert await pilot.click("#wipe")
        await settle(pilot)
        assert current_id(app) == "state"
        assert app.session.interview.answers == {}
        assert app.screen.query_one("#typed", Input).value == ""


async def test_results_back_to_review(flow: Flow, data: ProgramData) -> None:
    app = OtguideApp(flow, data, AS_OF)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await answer_ct(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")  # back to the questions: the last one, prefilled
        await settle(pilot)
        assert current_id(app) == "kidney_failure"
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)


async def test_markup_in_flow_texts_shows_intact(data: ProgramData) -> None:
    flow = load_flow(FLOWS / "app_markup.yaml")
    app = OtguideApp(flow, data, AS_OF)
    labels = ["Medicaid [CHIP]", "[$20] copay", "Bring [/b] card"]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert shown(app, "HeaderTitle") == "Plans [CHIP] and [/b] more"
        assert shown(app, "#prompt") == "Which plan [CHIP] pays?"
        options = app.screen.query_one("#choices", OptionList)
        assert [str(options.get_option_at_index(i).prompt) for i in range(3)] == labels
        await pilot.press("f1")
        assert shown(app, "#help") == "Bring [/b] card\nMedicaid [CHIP]: [$20] copay"
        await pilot.press("enter")
        await settle(pilot)

        assert shown(app, "#prompt") == "Anything else [/]?"
        selections = app.screen.query_one("#selections", SelectionList)
        assert [str(selections.get_option_at_index(i).prompt) for i in range(3)] == labels
        await pilot.press("space", "f4")
        await settle(pilot)
        assert app.session.interview.answers["extras"].shown == "Medicaid [CHIP]"

        assert shown(app, "#prompt") == "Which state [b]?"
        await type_in(pilot, "Bring [/b]")
        assert app.screen.query_one("#typed", Input).value == "Bring [/b]"
        assert shown(app, ".answer-error") == (
            "Enter a US state or DC, by name or two-letter code, like CT or Connecticut."
        )
        await pilot.press(*["backspace"] * 10)
        await type_in(pilot, "CT")

        assert isinstance(app.screen, ReviewScreen)
        assert shown(app, "#answer-plan") == "Medicaid [CHIP]"
        assert "Medicaid [CHIP]" in screen_texts(app, ".said")
        await pilot.press("r")
        await settle(pilot)
        assert screen_texts(app, "#route-markup_route Label") == [
            "1. Medicaid [CHIP]",
            "Program: [$20] copay",
            "Why it fits",
            "• Bring [/b] card",
            "Order of payment",
            "• [$20] copay first",
            "Questions to ask",
            "• What does an OT evaluation cost, and what does each treatment session cost?",
            "• Do you have a sliding scale or discount based on income and family size?",
            "• Please give me a written Good Faith Estimate of the total expected cost before "
            "we start.",
            "• Can we pay with an HSA or FSA card?",
        ]
        assert screen_texts(app, "#ruled-out-markup_ruled_out Label") == [
            "Plan [/]",
            "• Bring [/b] card",
        ]


async def test_spanish_interface(flow: Flow, data: ProgramData) -> None:
    app = OtguideApp(flow, data, AS_OF, language="es")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert shown(app, "#prompt") == "¿En qué estado vive su hijo?"
        assert shown(app, "#back") == "Atrás"
        assert shown(app, "#review-button") == "Revisar respuestas"
        assert app.screen.active_bindings["escape"].binding.description == "Atrás"
        await type_in(pilot, "Texas")
        assert app.session.interview.answers["state"].shown == "Texas"
        assert shown(app, ".said") == "Texas"


def test_label_is_plain_text() -> None:
    # The helper above must read what is drawn, not re-parse it as markup.
    assert str(Label("[b]x[/b]", markup=False).render()) == "[b]x[/b]"


async def test_hourly_pay_asks_for_hours(flow: Flow, data: ProgramData) -> None:
    app = OtguideApp(flow, data, AS_OF)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for answer in ("CT", "2023-05-01", "4"):
            await fill(pilot, answer)
        assert current_id(app) == "income_frequency"
        await pilot.press(*["down"] * 5, "enter")  # the 6th choice, "By the hour (one job)"
        await settle(pilot)
        assert current_id(app) == "income_amount"
        # The prompt follows the pay period chosen.
        assert shown(app, "#prompt") == "What is the hourly pay, before taxes?"
        assert app.screen.query_one("#typed", Input).placeholder == "For example 16.50"
        await fill(pilot, "15.50")
        assert current_id(app) == "hours_per_week"
        await type_in(pilot, "200")
        assert shown(app, ".answer-error") == "A week has 168 hours. Check the number."
        await fill(pilot, "37.5")
        assert app.session.interview.answers["hours_per_week"].shown == "37.5"
        # The transcript reads back the hourly prompt as it was asked.
        assert "What is the hourly pay, before taxes?" in screen_texts(app, "#transcript .guide")


async def test_second_export_keeps_the_first(flow: Flow, data: ProgramData, tmp_path: Path) -> None:
    # The export folder does not exist yet: it is made. A second export the same day gets
    # a name of its own instead of replacing the first family's checklist.
    folder = tmp_path / "exports" / "today"
    app = OtguideApp(flow, data, AS_OF, export_dir=folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await answer_ct(pilot)
        await keys(pilot, "r", "e", "m", "e", "m")  # results, then Markdown twice
        second = folder / "otguide-checklist-2026-12-04-2.md"
        assert shown(app, "#export-status") == f"Checklist saved to {second}"
        assert sorted(path.name for path in folder.iterdir()) == [
            "otguide-checklist-2026-12-04-2.md",
            "otguide-checklist-2026-12-04.md",
        ]


async def test_export_that_cannot_be_written_says_so(
    flow: Flow, data: ProgramData, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    app = OtguideApp(flow, data, AS_OF, export_dir=blocker / "exports")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await answer_ct(pilot)
        await keys(pilot, "r", "e", "h")
        status = shown(app, "#export-status")
        assert status.startswith(f"The checklist could not be saved: {blocker / 'exports'}:")


async def test_spanish_s_answers_yes(flow: Flow, data: ProgramData) -> None:
    app = OtguideApp(flow, data, AS_OF, language="es")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fill_ct_start(pilot)
        await pilot.press("space", "tab", "enter")  # "Ninguna por ahora", then Continuar
        await settle(pilot)
        await pilot.press("f3")  # skip the diagnoses
        await settle(pilot)
        assert current_id(app) == "kidney_failure"
        await pilot.press("s")  # "sí"
        await settle(pilot)
        assert app.session.interview.answers["kidney_failure"].shown == "Sí"
