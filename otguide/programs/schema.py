"""JSON Schemas for the program data files in `data/`."""

from __future__ import annotations

from typing import Any

ISO_DATE = {"type": "date"}
TEXT: dict[str, Any] = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "properties": {"en": {"type": "string"}, "es": {"type": "string"}},
            "required": ["en"],
            "additionalProperties": False,
        },
    ],
    "description": "A text is a string, or a mapping with 'en' (and optionally 'es').",
}
SOURCE = {
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "url": {"type": "string", "pattern": r"^https?://"},
        "note": {"type": "string"},
    },
    "required": ["title", "url"],
    "additionalProperties": False,
}
# Every figure carries where it comes from and the date it is in force (or, for an
# undated source, the date it was checked), and says when only one source backs it.
PROVENANCE = {
    "source": SOURCE,
    "also_confirmed_by": {"type": "array", "items": SOURCE},
    "effective": ISO_DATE,
    "checked": ISO_DATE,
    "single_source": {"type": "boolean"},
    "note": {"type": "string"},
}
PROVENANCE_REQUIRED = ["source", "effective", "single_source"]
PERCENT = {
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {"type": "string", "pattern": r"^\d+(\.\d+)?$"},
    ],
    "description": (
        "Write a percentage as a whole number, or in quotes like '157.5', so it stays exact."
    ),
}
DOLLARS = {"type": "integer", "minimum": 0, "description": "Whole dollars, no cents."}

POVERTY_GUIDELINES: dict[str, Any] = {
    "type": "object",
    "properties": {
        "guidelines": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "properties": {
                    "year": {"type": "integer"},
                    "regions": {
                        "type": "object",
                        "properties": {
                            region: {
                                "type": "object",
                                "properties": {
                                    "first_person": DOLLARS,
                                    "each_additional_person": DOLLARS,
                                },
                                "required": ["first_person", "each_additional_person"],
                                "additionalProperties": False,
                            }
                            for region in ("contiguous", "alaska", "hawaii")
                        },
                        "required": ["contiguous", "alaska", "hawaii"],
                        "additionalProperties": False,
                    },
                    **PROVENANCE,
                },
                "required": ["year", "regions", *PROVENANCE_REQUIRED],
                "additionalProperties": False,
            },
        }
    },
    "required": ["guidelines"],
    "additionalProperties": False,
}

JURISDICTIONS: dict[str, Any] = {
    "type": "object",
    "properties": {
        "jurisdictions": {
            "type": "object",
            "patternProperties": {
                "^[A-Z]{2}$": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "poverty_region": {"enum": ["contiguous", "alaska", "hawaii"]},
                    },
                    "required": ["name", "poverty_region"],
                    "additionalProperties": False,
                }
            },
            "additionalProperties": False,
        },
        "source": SOURCE,
    },
    "required": ["jurisdictions"],
    "additionalProperties": False,
}

FEDERAL_RULE = {
    "type": "object",
    "properties": {
        "title": TEXT,
        "from_birthday": {"type": "integer", "minimum": 0},
        "until_birthday": {"type": "integer", "minimum": 1},
        "months": {"type": "integer", "minimum": 1},
        "summary": TEXT,
        **PROVENANCE,
    },
    "required": ["title", "summary", *PROVENANCE_REQUIRED],
    "additionalProperties": False,
}

FEDERAL: dict[str, Any] = {
    "type": "object",
    "properties": {"rules": {"type": "object", "additionalProperties": FEDERAL_RULE}},
    "required": ["rules"],
    "additionalProperties": False,
}

CONTACT = {
    "type": "object",
    "properties": {
        "name": TEXT,
        "phone": {"type": "string"},
        "url": {"type": "string", "pattern": r"^https?://"},
        "note": TEXT,
    },
    "required": ["name"],
    "additionalProperties": False,
}

PROGRAM = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "kind": {"enum": ["medicaid", "chip", "early_intervention"]},
        "description": TEXT,
        "contact": CONTACT,
        "family_cost": {"enum": ["free", "sliding_fee", "premiums", "not_known"]},
        "family_cost_note": TEXT,
        "lead_agency": {"type": "string"},
        **PROVENANCE,
    },
    "required": ["name", "kind", "description", "contact", *PROVENANCE_REQUIRED],
    "additionalProperties": False,
}

INCOME_BAND = {
    "type": "object",
    "properties": {
        "program": {"type": "string"},
        "band": TEXT,
        "from_age": {"type": "integer", "minimum": 0},
        "below_age": {"type": "integer", "minimum": 1},
        "percent": PERCENT,
        **PROVENANCE,
    },
    "required": ["program", "band", "from_age", "below_age", "percent", *PROVENANCE_REQUIRED],
    "additionalProperties": False,
}

STATE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "state": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "programs": {"type": "object", "additionalProperties": PROGRAM},
        "limit_rules": {
            "type": "object",
            "properties": {
                "includes_disregard": {"type": "boolean"},
                "inclusive": {"type": "boolean"},
                "comparison": {"enum": ["exact"]},
                "note": {"type": "string"},
            },
            "required": ["includes_disregard", "inclusive", "comparison"],
            "additionalProperties": False,
        },
        "income_limits": {
            "type": "object",
            "properties": {
                "medicaid": {"type": "array", "items": INCOME_BAND},
                "chip": {"type": "array", "items": INCOME_BAND},
            },
            "additionalProperties": False,
        },
    },
    "required": ["state", "programs", "limit_rules", "income_limits"],
    "additionalProperties": False,
}
