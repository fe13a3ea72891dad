"""The JSON Schema of a flow file: which keys exist and what each holds."""

from __future__ import annotations

from typing import Any

from otguide.programs.schema import ISO_DATE, TEXT

QUESTION_TYPES = [
    "choice",
    "multiple_choice",
    "yes_no",
    "whole_number",
    "number",
    "money",
    "date",
    "us_state",
]

ID = {
    "type": "string",
    "pattern": r"^[a-z][a-z0-9_]*$",
    "description": "An id is lower-case letters, digits and underscores, starting with a letter.",
}
EXPRESSION = {"type": "string", "description": "A condition is a Jinja expression in quotes."}
NUMBER_LIMIT = {
    "anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^-?\d+(\.\d{1,2})?$"}],
    "description": "A limit is a whole number, or an amount in quotes like '0.50'.",
}

CONDITIONAL_TEXT = {
    "type": "object",
    "properties": {"when": EXPRESSION, "text": TEXT},
    "required": ["text"],
    "additionalProperties": False,
}
TEXTS = {
    "type": "array",
    "items": {"anyOf": [{"type": "string"}, CONDITIONAL_TEXT]},
}

MESSAGE_KEYS = [
    "required",
    "too_small",
    "too_large",
    "in_future",
    "too_old",
    "not_a_number",
    "not_a_decimal",
    "not_a_date",
    "not_a_choice",
]

QUESTION = {
    "type": "object",
    "properties": {
        "id": ID,
        "type": {"enum": QUESTION_TYPES},
        "prompt": TEXT,
        "help": TEXT,
        "placeholder": TEXT,
        "required": {"type": "boolean"},
        "when": EXPRESSION,
        "ask_again_if_changed": {"type": "array", "items": ID, "minItems": 1},
        "choices": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "properties": {
                    "value": {"type": "string"},
                    "label": TEXT,
                    "help": TEXT,
                    "alone": {"type": "boolean"},
                },
                "required": ["value", "label"],
                "additionalProperties": False,
            },
        },
        "limits": {
            "type": "object",
            "properties": {
                "min": NUMBER_LIMIT,
                "max": NUMBER_LIMIT,
                "not_after_as_of": {"type": "boolean"},
                "younger_than_years": {"type": "integer", "minimum": 1},
                "earliest": ISO_DATE,
            },
            "additionalProperties": False,
        },
        "messages": {
            "type": "object",
            "properties": {key: TEXT for key in MESSAGE_KEYS},
            "additionalProperties": False,
        },
        "corrections": {"type": "object", "additionalProperties": TEXT},
        "conflicts": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "values": {"type": "array", "items": {"type": "string"}, "minItems": 2},
                    "message": TEXT,
                },
                "required": ["values", "message"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["id", "type", "prompt"],
    "additionalProperties": False,
}

ROUTE = {
    "type": "object",
    "properties": {
        "id": ID,
        "title": TEXT,
        "program": TEXT,
        "rank": {"type": "integer"},
        "when": EXPRESSION,
        "reasons": TEXTS,
        "payment": TEXTS,
        "ruled_out": TEXTS,
        "template": {"type": "string"},
    },
    "required": ["id", "title", "rank", "when", "reasons", "ruled_out", "template"],
    "additionalProperties": False,
}

FLOW: dict[str, Any] = {
    "type": "object",
    "properties": {
        "flow": {
            "type": "object",
            "properties": {
                "id": ID,
                "version": {"type": "string"},
                "title": TEXT,
                "description": TEXT,
                "templates": {"type": "string"},
            },
            "required": ["id", "version", "title"],
            "additionalProperties": False,
        },
        "questions": {"type": "array", "minItems": 1, "items": QUESTION},
        "derived": {"type": "object", "additionalProperties": EXPRESSION},
        "notices": TEXTS,
        "routes": {"type": "array", "minItems": 1, "items": ROUTE},
    },
    "required": ["flow", "questions", "routes"],
    "additionalProperties": False,
}
