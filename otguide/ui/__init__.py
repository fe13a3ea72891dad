"""The Textual terminal interface: interview, review, results and export."""

from otguide.ui.app import OtguideApp, run_app

__all__ = ["OtguideApp", "run_app"]
