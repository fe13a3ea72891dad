"""Key bindings whose Footer descriptions follow the interview's language.

Textual reads BINDINGS from the class when a widget is built and has no public way to
change them later, so each screen or widget lists its keys once (KEYS) and
`localized` makes a subclass per language with the descriptions translated.
"""

from __future__ import annotations

from functools import cache
from typing import ClassVar, NamedTuple, TypeVar, cast

from textual.binding import Binding, BindingType

from otguide.ui.strings import ui_text


class Key(NamedTuple):
    key: str
    action: str
    description: str
    """A key of the interface strings, looked up in the session's language."""
    only_in: str = ""
    """A language this key belongs to alone, such as `s` for "sí"; shown in no footer."""


def key_bindings(keys: tuple[Key, ...], language: str) -> list[BindingType]:
    return [
        Binding(k.key, k.action, ui_text(k.description, language), show=not k.only_in)
        for k in keys
        if k.only_in in ("", language)
    ]


class Localizable:
    """Mixed into a screen or widget whose keys are listed in KEYS; its own BINDINGS
    should be `key_bindings(KEYS, "en")`."""

    KEYS: ClassVar[tuple[Key, ...]] = ()


NodeType = TypeVar("NodeType", bound=type[Localizable])


@cache
def localized(node_class: NodeType, language: str) -> NodeType:
    """`node_class` with its Footer descriptions in `language`."""
    bindings = key_bindings(node_class.KEYS, language)
    return cast(NodeType, type(node_class.__name__, (node_class,), {"BINDINGS": bindings}))
