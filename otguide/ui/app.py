"""The otguide terminal app: builds the interview and hands it to the screens."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import events
from textual.app import App

from otguide.engine import Interview
from otguide.flow.model import Flow
from otguide.i18n import DEFAULT_LANGUAGE, pick
from otguide.programs.figures import ProgramData
from otguide.ui.interview_screen import InterviewScreen
from otguide.ui.keys import localized
from otguide.ui.session import Session


class OtguideApp(App[int]):
    CSS_PATH = "app.tcss"

    def __init__(
        self,
        flow: Flow,
        data: ProgramData,
        as_of: date,
        language: str = DEFAULT_LANGUAGE,
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.session = Session(Interview(flow, data, as_of, language), export_dir)
        self.title = pick(flow.title, language)

    def on_mount(self) -> None:
        self.push_screen(localized(InterviewScreen, self.session.language)(self.session))

    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        # In a terminal the saved path is known only now; in a browser there is none.
        if event.path is not None:
            self.notify(f"{self.session.ui('saved')} {event.path}", markup=False)

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        self.notify(
            f"{self.session.ui('save_failed')} {event.exception}", severity="error", markup=False
        )


def run_app(
    flow: Flow,
    data: ProgramData,
    as_of: date,
    language: str = DEFAULT_LANGUAGE,
    export_dir: Path | None = None,
) -> int:
    """Run the interview in the terminal; the exit code for the command line."""
    app = OtguideApp(flow, data, as_of, language, export_dir)
    app.run()
    return app.return_code or 0
