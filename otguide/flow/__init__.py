"""Flow files: their format, and loading them with every mistake reported at once."""

from otguide.flow.loader import load_flow
from otguide.flow.model import Choice, Flow, Question, Reason, Route

__all__ = ["Choice", "Flow", "Question", "Reason", "Route", "load_flow"]
