"""Texts a person reads: a plain string, or a mapping from language code to string."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"

Text = str | Mapping[str, str]


def pick(text: Text | None, language: str = DEFAULT_LANGUAGE) -> str:
    """The text in `language`, falling back to English when no translation exists."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if language in text:
        return text[language]
    return text.get(DEFAULT_LANGUAGE) or next(iter(text.values()), "")


def variants(text: Text | None) -> list[str]:
    """Every language version of a text, for checks that must see all of them."""
    if text is None:
        return []
    if isinstance(text, str):
        return [text]
    return list(text.values())
