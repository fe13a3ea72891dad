"""What every screen shares: the interview, the language and where checklists go."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from otguide.engine import Interview
from otguide.i18n import Text, pick
from otguide.ui.strings import ui_text


@dataclass
class Session:
    interview: Interview
    export_dir: Path | None = None

    @property
    def language(self) -> str:
        return self.interview.language

    def ui(self, key: str) -> str:
        """An interface word in the session's language."""
        return ui_text(key, self.language)

    def pick(self, text: Text | None) -> str:
        """A flow text in the session's language."""
        return pick(text, self.language)
