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
# `confirmed` is the latest date a dated source shows the figure still in force; a
# figure is stale when neither date is recent (see `review` in data/federal.yaml).
PROVENANCE = {
    "source": SOURCE,
    "also_confirmed_by": {"type": "array", "items": SOURCE},
    "effective": ISO_DATE,
    "confirmed": ISO_DATE,
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

STATE_CODES = {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{2}$"}}
SSI_GROUP = {
    "type": "object",
    "properties": {"states": STATE_CODES, "no_disabled_children": STATE_CODES, **PROVENANCE},
    "required": ["states", *PROVENANCE_REQUIRED],
    "additionalProperties": False,
}

JURISDICTIONS: dict[str, Any] = {
    "type": "object",
    "properties": {
        "ssi_medicaid": {
            "type": "object",
            "properties": {"ssi_criteria": SSI_GROUP, "section_209b": SSI_GROUP},
            "required": ["ssi_criteria", "section_209b"],
            "additionalProperties": False,
        },
        "jurisdictions": {
            "type": "object",
            "patternProperties": {
                "^[A-Z]{2}$": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "poverty_region": {"enum": ["contiguous", "alaska", "hawaii"]},
                        "aliases": {"type": "array", "items": {"type": "string"}},
                    },
                    "required": ["name", "poverty_region"],
                    "additionalProperties": False,
                }
            },
            "additionalProperties": False,
        },
        "source": SOURCE,
    },
    "required": ["jurisdictions", "ssi_medicaid"],
    "additionalProperties": False,
}

FEDERAL_RULE = {
    "type": "object",
    "properties": {
        "title": TEXT,
        "from_birthday": {"type": "integer", "minimum": 0},
        "until_birthday": {"type": "integer", "minimum": 1},
        "months": {"type": "integer", "minimum": 1},
        "percent": PERCENT,
        "summary": TEXT,
        **PROVENANCE,
    },
    "required": ["title", "summary", *PROVENANCE_REQUIRED],
    "additionalProperties": False,
}

FEDERAL: dict[str, Any] = {
    "type": "object",
    "properties": {
        "age_rule": {
            "type": "object",
            "properties": {
                "leap_day_birthday": {"enum": ["march_1", "february_28"]},
                **PROVENANCE,
            },
            "required": ["leap_day_birthday", *PROVENANCE_REQUIRED],
            "additionalProperties": False,
        },
        "income_periods": {
            "type": "object",
            "properties": {
                "per_year": {
                    "type": "object",
                    "additionalProperties": {"type": "integer", "minimum": 1},
                    "minProperties": 1,
                },
                **PROVENANCE,
            },
            "required": ["per_year", *PROVENANCE_REQUIRED],
            "additionalProperties": False,
        },
        "review": {
            "type": "object",
            "properties": {"stale_after_months": {"type": "integer", "minimum": 1}},
            "required": ["stale_after_months"],
            "additionalProperties": False,
        },
        "rules": {"type": "object", "additionalProperties": FEDERAL_RULE},
    },
    "required": ["age_rule", "income_periods", "review", "rules"],
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

PROGRAM_KINDS = [
    "medicaid",
    "chip",
    "chip_buy_in",
    "early_intervention",
    "disability_medicaid",
]
FAMILY_COSTS = ["free", "sliding_fee", "premiums", "full_cost", "not_known"]
DISABILITY_PATHWAYS = ["tefra", "waiver", "look_alike"]

PROGRAM = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "kind": {"enum": PROGRAM_KINDS},
        "description": TEXT,
        "contact": CONTACT,
        "family_cost": {"enum": FAMILY_COSTS},
        "family_cost_note": TEXT,
        "lead_agency": {"type": "string"},
        "pathway": {"enum": DISABILITY_PATHWAYS},
        "from_age": {"type": "integer", "minimum": 0},
        "below_age": {"type": "integer", "minimum": 1},
        **PROVENANCE,
    },
    "required": ["name", "kind", "description", "contact", *PROVENANCE_REQUIRED],
    "additionalProperties": False,
}

# How a threshold is applied. `rounding: none` compares the family's income with
# percent x guideline exactly; the other modes round the yearly limit to whole dollars
# first, the way a state that publishes a dollar chart does.
ROUNDING = ["none", "down_to_dollar", "up_to_dollar", "half_up_to_dollar"]
LIMIT_RULES = {
    "includes_disregard": {"type": "boolean"},
    "inclusive": {"type": "boolean"},
    "rounding": {"enum": ROUNDING},
}

DISPUTED = {
    "type": "object",
    "properties": {"percent": PERCENT, **PROVENANCE},
    "required": ["percent", *PROVENANCE_REQUIRED],
    "additionalProperties": False,
    "description": "Another published figure for the same limit, with its own source.",
}

INCOME_BAND = {
    "type": "object",
    "properties": {
        "program": {"type": "string"},
        "band": TEXT,
        "from_age": {"type": "integer", "minimum": 0},
        "below_age": {"type": "integer", "minimum": 1},
        "percent": PERCENT,
        "covered": {"type": "boolean"},
        "insured_up_to": PERCENT,
        "disputed": DISPUTED,
        **LIMIT_RULES,
        **PROVENANCE,
    },
    "required": ["program", "band", "from_age", "below_age", *PROVENANCE_REQUIRED],
    "additionalProperties": False,
}

STATE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "state": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "programs": {"type": "object", "additionalProperties": PROGRAM},
        "limit_rules": {
            "type": "object",
            "properties": {**LIMIT_RULES, "note": {"type": "string"}},
            "required": ["includes_disregard", "inclusive", "rounding"],
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
