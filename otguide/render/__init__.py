"""Turn an outcome into the checklist a family takes home: JSON, Markdown or HTML."""

from otguide.render.checklist import FORMATS, render_outcome, suggested_filename

__all__ = ["FORMATS", "render_outcome", "suggested_filename"]
