"""The interview engine: answers, navigation and outcomes. It knows nothing of Textual."""

from otguide.engine.answers import Answer, Parsed
from otguide.engine.interview import Change, Interview
from otguide.engine.outcome import Outcome, RouteResult, RuledOut

__all__ = ["Answer", "Change", "Interview", "Outcome", "Parsed", "RouteResult", "RuledOut"]
