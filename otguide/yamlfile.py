"""Read YAML while remembering where each value was written.

Mappings and lists come back as `MarkedDict` and `MarkedList`, which behave as plain
dicts and lists but know the line and column of every key and item, so later checks can
point at the exact spot. A key written twice in one mapping is a problem, not a silent
override as in plain PyYAML.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from otguide.problems import Problem, ProblemsFound

Position = tuple[int, int]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class MarkedDict(dict[Any, Any]):
    """A mapping that knows where each key and value start (1-based line, column)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.start: Position = (1, 1)
        self.key_positions: dict[Any, Position] = {}
        self.value_positions: dict[Any, Position] = {}


class MarkedList(list[Any]):
    """A list that knows where each item starts (1-based line, column)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.start: Position = (1, 1)
        self.item_positions: list[Position] = []


def _position(node: yaml.Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _MarkingLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    def __init__(self, stream: str, filename: str) -> None:
        super().__init__(stream)
        self.filename = filename
        self.duplicates: list[Problem] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> MarkedDict:
        result = MarkedDict()
        result.start = _position(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in result:
                line, column = _position(key_node)
                first_line = result.key_positions[key][0]
                self.duplicates.append(
                    Problem(
                        self.filename,
                        line,
                        column,
                        f"'{key}' is written twice in this mapping (first on line "
                        f"{first_line}); keep one.",
                    )
                )
                continue
            result[key] = self.construct_object(value_node, deep=True)
            result.key_positions[key] = _position(key_node)
            result.value_positions[key] = _position(value_node)
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> MarkedList:
        result = MarkedList(self.construct_object(child, deep=True) for child in node.value)
        result.start = _position(node)
        result.item_positions = [_position(child) for child in node.value]
        return result


def _timestamp_or_text(loader: _MarkingLoader, node: yaml.ScalarNode) -> Any:
    """A date, or the text as written when it is no real date (2023-02-29), so the
    answer checks can say what is wrong instead of the reader failing."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_MarkingLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
_MarkingLoader.add_constructor("tag:yaml.org,2002:map", _MarkingLoader.construct_mapping)
_MarkingLoader.add_constructor("tag:yaml.org,2002:seq", _MarkingLoader.construct_sequence)


def load_text(text: str, filename: str) -> Any:
    """Parse YAML text; raise ProblemsFound for syntax errors and duplicate keys."""
    loader = _MarkingLoader(text, filename)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = error.problem or error.context or "the YAML could not be read"
        raise ProblemsFound(
            [Problem(filename, line, column, f"this is not valid YAML: {reason}.")]
        ) from None
    except yaml.YAMLError as error:
        raise ProblemsFound([Problem(filename, 1, 1, f"this is not valid YAML: {error}")]) from None
    finally:
        loader.dispose()
    if loader.duplicates:
        raise ProblemsFound(loader.duplicates)
    return data


def load_file(path: Path, shown_as: str | None = None) -> Any:
    """Read and parse a YAML file; `shown_as` is the name used in messages."""
    name = shown_as or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProblemsFound([Problem(name, 1, 1, "this file does not exist.")]) from None
    except UnicodeDecodeError as error:
        raise ProblemsFound(
            [Problem(name, 1, 1, f"this file is not UTF-8 text ({error.reason}).")]
        ) from None
    except OSError as error:
        raise ProblemsFound(
            [Problem(name, 1, 1, f"this file cannot be read: {error.strerror}.")]
        ) from None
    return load_text(text, name)


def position_of(root: Any, path: Sequence[Any], *, key: bool = False) -> Position:
    """Where the value at `path` (a sequence of keys and indexes) was written.

    With `key=True`, the position of the last mapping key itself. Falls back to the
    nearest enclosing value that has a position.
    """
    node = root
    best: Position = getattr(root, "start", (1, 1))
    for step_index, step in enumerate(path):
        last = step_index == len(path) - 1
        if isinstance(node, MarkedDict) and step in node:
            positions = node.key_positions if (key and last) else node.value_positions
            best = positions.get(step, best)
            node = node[step]
        elif isinstance(node, MarkedList) and isinstance(step, int) and 0 <= step < len(node):
            best = node.item_positions[step]
            node = node[step]
        else:
            break
    return best
