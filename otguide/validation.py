"""Check a loaded YAML document against a JSON Schema, in words an author can act on."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

from otguide.problems import Problem
from otguide.yamlfile import position_of

_TYPE_WORDS = {
    "object": "a mapping of keys to values",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "date": "a date written YYYY-MM-DD",
}

# YAML reads 2026-01-13 as a date, so the schemas get a "date" type of their own.
_Validator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
        "date", lambda _checker, instance: isinstance(instance, date)
    ),
)


def _where(error: ValidationError) -> str:
    parts = [str(step) for step in error.absolute_path]
    return " > ".join(parts) if parts else "the file"


def _sentence(error: ValidationError) -> tuple[str, list[Any], bool]:
    """A plain sentence for one schema error, the path it concerns, and whether it is a key."""
    path = list(error.absolute_path)
    where = _where(error)
    rule: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    instance: Any = error.instance
    wanted: Any = error.validator_value
    if error.validator == "additionalProperties":
        allowed = sorted(rule.get("properties", {}))
        extra = sorted(set(instance) - set(allowed))
        key = extra[0] if extra else "?"
        hint = f" Allowed here: {', '.join(allowed)}." if allowed else ""
        return f"unknown key '{key}' in {where}.{hint}", [*path, key], True
    if error.validator == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else "?"
        return f"{where} needs the key '{missing}'.", path, False
    if error.validator == "type":
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        words = " or ".join(_TYPE_WORDS.get(name, name) for name in names)
        return f"{where} should be {words}, not {instance!r}.", path, False
    if error.validator == "enum":
        options = ", ".join(str(option) for option in wanted)
        return f"{where} is {instance!r}; it should be one of: {options}.", path, False
    if error.validator in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        return (
            f"{where} is {instance!r}, which is out of range ({error.message}).",
            path,
            False,
        )
    if error.validator == "pattern":
        hint = str(rule.get("description", ""))
        return (
            f"{where} is {instance!r}, which is not in the expected form. {hint}".strip(),
            path,
            False,
        )
    if error.validator in ("anyOf", "oneOf"):
        hint = str(rule.get("description", ""))
        if hint:
            return f"{where}: {hint}", path, False
    if error.validator == "minItems":
        return f"{where} should not be empty.", path, False
    return f"{where}: {error.message}.", path, False


def schema_problems(document: Any, schema: Mapping[str, Any], filename: str) -> list[Problem]:
    validator = _Validator(schema)
    problems = []
    for error in validator.iter_errors(document):
        message, path, is_key = _sentence(error)
        line, column = position_of(document, path, key=is_key)
        problems.append(Problem(filename, line, column, message))
    return problems
