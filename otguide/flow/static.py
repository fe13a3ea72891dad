"""What `otguide check` can tell about a flow's expressions before anything runs: which
questions a derived value rests on, and whether an attribute such as
`medicaid_band.programme` exists on the program data the value holds.

Types come from the helpers' return annotations and the program data's dataclasses, so
only values a helper produced are checked; answers and loop variables are not.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from jinja2 import nodes

from otguide.expressions import Expression
from otguide.programs.figures import FederalRule
from otguide.programs.helpers import Helpers

CONTEXT_TYPES: dict[str, Any] = {"federal": dict[str, FederalRule], "as_of": date}
"""Types of the names every expression may use besides answers and derived values."""


def questions_behind(
    derived: Mapping[str, Expression], question_ids: Iterable[str]
) -> dict[str, frozenset[str]]:
    """For each derived value, every question it rests on, directly or through others."""
    questions = set(question_ids)
    behind: dict[str, frozenset[str]] = {}
    for name, expression in derived.items():
        found: set[str] = set()
        for used in expression.names.variables:
            if used in questions:
                found.add(used)
            elif used in behind:
                found |= behind[used]
        behind[name] = frozenset(found)
    return behind


def _without_none(hint: Any) -> Any:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        others = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return others[0] if len(others) == 1 else None
    return hint


def _attribute_type(owner: Any, attribute: str) -> Any:
    if typing.get_origin(owner) is dict:
        return typing.get_args(owner)[1]
    if isinstance(owner, type) and dataclasses.is_dataclass(owner):
        return _without_none(typing.get_type_hints(owner).get(attribute))
    return None


def type_of(node: nodes.Node, known: Mapping[str, Any]) -> Any:
    """The class an expression evaluates to, when the helpers and data say; else None."""
    if isinstance(node, nodes.Name):
        return known.get(node.name)
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
        helper = getattr(Helpers, node.node.name, None)
        if helper is None or node.node.name.startswith("_"):
            return None
        return _without_none(typing.get_type_hints(helper).get("return"))
    if isinstance(node, nodes.CondExpr):
        branches = [type_of(node.expr1, known)]
        if node.expr2 is not None and not (
            isinstance(node.expr2, nodes.Const) and node.expr2.value is None
        ):
            branches.append(type_of(node.expr2, known))
        return branches[0] if all(branch == branches[0] for branch in branches) else None
    if isinstance(node, nodes.Getattr):
        return _attribute_type(type_of(node.node, known), node.attr)
    return None


def expression_node(tree: nodes.Template) -> nodes.Node | None:
    """The expression inside a template made of a single `{{ ... }}`."""
    if len(tree.body) == 1 and isinstance(tree.body[0], nodes.Output):
        parts = tree.body[0].nodes
        if len(parts) == 1:
            return parts[0]
    return None


def attribute_problems(tree: nodes.Template, known: Mapping[str, Any]) -> list[str]:
    """A sentence for each attribute that the value's class does not have."""
    problems = []
    for node in tree.find_all(nodes.Getattr):
        owner = type_of(node.node, known)
        if not (isinstance(owner, type) and dataclasses.is_dataclass(owner)):
            continue
        if hasattr(owner, node.attr) or node.attr in {f.name for f in dataclasses.fields(owner)}:
            continue
        names = sorted(
            {f.name for f in dataclasses.fields(owner)}
            | {name for name in vars(owner) if not name.startswith("_")}
        )
        close = difflib.get_close_matches(node.attr, names, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        problems.append(f"{owner.__name__} has no attribute '{node.attr}'.{hint}")
    return problems
