"""Turn what a person typed or picked into a checked answer, or a message they understand.

Every question type has one parser. A parser never raises for bad input: it returns a
`Parsed` with the message to show beside the field. Money becomes a Decimal of whole
cents, dates become `datetime.date`, and nothing passes through a float.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from otguide.engine.messages import message
from otguide.expressions import format_date, format_money
from otguide.flow.model import Question
from otguide.i18n import pick
from otguide.programs.ages import MARCH_1, age_in_years


@dataclass(frozen=True)
class Parsed:
    """The result of reading one answer."""

    value: Any = None
    shown: str = ""
    """The answer as it reads back to the person, like "$52,000" or "May 14, 2023"."""
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass(frozen=True)
class Answer:
    value: Any
    shown: str
    raw: Any
    """What the person entered, so editing starts from their own words."""
    skipped: bool = False


@dataclass(frozen=True)
class Reading:
    """What a parser needs besides the question and the input."""

    as_of: date
    language: str
    states: Mapping[str, str]
    """Two-letter code to name, for the US state question."""
    state_aliases: Mapping[str, str] = field(default_factory=dict)
    """Other names for a state (Spanish names, "Washington DC") to its code."""
    leap_day: str = MARCH_1
    """Where a February 29 birthday falls in other years (the data's age rule)."""


YES_WORDS = {"yes", "y", "true", "si", "sí", "s"}
NO_WORDS = {"no", "n", "false"}
_PLAIN_AMOUNT = re.compile(r"^\d+(\.\d+)?$")
_GROUPED_AMOUNT = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _fail(question: Question, key: str, reading: Reading, **values: object) -> Parsed:
    return Parsed(error=message(key, reading.language, question.messages.get(key), **values))


def _parse_money(question: Question, raw: Any, reading: Reading) -> Parsed:
    if isinstance(raw, bool):
        return _fail(question, "money_format", reading)
    text = str(raw) if isinstance(raw, (int, float, Decimal)) else str(raw).strip().replace(" ", "")
    if text.startswith(("-", "(", "$-")):
        # A flow's own "too small" wording, when it has one, suits a negative amount best.
        override = question.messages.get("too_small")
        return Parsed(error=message("money_negative", reading.language, override))
    text = text.removeprefix("$").removeprefix("US$")
    multiplier = 1
    if text[-1:].lower() == "k":
        multiplier, text = 1000, text[:-1]
    if "," in text and not _GROUPED_AMOUNT.match(text):
        return _fail(question, "money_commas", reading)
    text = text.replace(",", "")
    if multiplier == 1 and _DOT_THOUSANDS.match(text):
        # "1.800" is 1,800 where a period groups thousands; never read it as $1.80.
        return _fail(question, "money_dot_thousands", reading, grouped=text.replace(".", ","))
    if not _PLAIN_AMOUNT.match(text):
        return _fail(question, "money_format", reading)
    if multiplier == 1 and "." in text and len(text.split(".")[1]) > 2:
        return _fail(question, "money_cents", reading)
    try:
        amount = Decimal(text) * multiplier
    except InvalidOperation:
        return _fail(question, "money_format", reading)
    try:
        cents = amount.quantize(Decimal("0.01"))
    except InvalidOperation:
        # More digits than any income has; say so rather than call it malformed.
        maximum = question.limits.maximum
        if maximum is None:
            return _fail(question, "money_format", reading)
        return _fail(question, "too_large", reading, maximum=format_money(maximum))
    if amount != cents:
        return _fail(question, "money_cents", reading)
    return _within_limits(question, cents, reading, format_money(cents), format_money)


def _within_limits(
    question: Question,
    number: Decimal | int,
    reading: Reading,
    shown: str,
    show_limit: Callable[[Decimal], object] = lambda limit: limit,
) -> Parsed:
    """The number as an answer, or the flow's message when it is outside its limits."""
    limits = question.limits
    if limits.minimum is not None and number < limits.minimum:
        return _fail(question, "too_small", reading, minimum=show_limit(limits.minimum))
    if limits.maximum is not None and number > limits.maximum:
        return _fail(question, "too_large", reading, maximum=show_limit(limits.maximum))
    return Parsed(number, shown)


def _parse_whole_number(question: Question, raw: Any, reading: Reading) -> Parsed:
    if isinstance(raw, bool):
        return _fail(question, "not_a_number", reading)
    text = str(raw).strip()
    if not re.fullmatch(r"-?\d+", text):
        return _fail(question, "not_a_number", reading)
    number = int(text)
    return _within_limits(question, number, reading, str(number))


def _parse_number(question: Question, raw: Any, reading: Reading) -> Parsed:
    """A number with up to two decimals, such as hours a week (37.5), kept exact."""
    if isinstance(raw, bool):
        return _fail(question, "not_a_decimal", reading)
    text = str(raw).strip()
    if not re.fullmatch(r"-?\d+(\.\d{1,2})?", text):
        return _fail(question, "not_a_decimal", reading)
    number = Decimal(text)
    return _within_limits(question, number, reading, f"{number.normalize():f}")


def _read_date(raw: Any) -> tuple[date | None, bool]:
    """The date, and whether the text had the shape of a date at all."""
    if isinstance(raw, datetime):
        return raw.date(), True
    if isinstance(raw, date):
        return raw, True
    text = str(raw).strip()
    us, iso = _US_DATE.match(text), _ISO_DATE.match(text)
    if us:
        month, day, year = (int(part) for part in us.groups())
    elif iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        return None, False
    try:
        return date(year, month, day), True
    except ValueError:
        return None, True


def _parse_date(question: Question, raw: Any, reading: Reading) -> Parsed:
    value, shaped = _read_date(raw)
    if value is None:
        return _fail(question, "no_such_date" if shaped else "not_a_date", reading)
    limits = question.limits
    as_of_text = format_date(reading.as_of, reading.language)
    if limits.not_after_as_of and value > reading.as_of:
        return _fail(question, "in_future", reading, as_of=as_of_text)
    if limits.earliest and value < limits.earliest:
        return _fail(
            question, "too_early", reading, earliest=format_date(limits.earliest, reading.language)
        )
    shown = format_date(value, reading.language)
    if limits.younger_than_years is not None:
        years = age_in_years(value, reading.as_of, reading.leap_day)
        if years >= limits.younger_than_years:
            return _fail(question, "too_old", reading, years=limits.younger_than_years)
    return Parsed(value, shown)


def _parse_yes_no(question: Question, raw: Any, reading: Reading) -> Parsed:
    if isinstance(raw, bool):
        value = raw
    else:
        word = str(raw).strip().lower()
        if word in YES_WORDS:
            value = True
        elif word in NO_WORDS:
            value = False
        else:
            return _fail(question, "not_yes_no", reading)
    shown = {True: {"en": "Yes", "es": "Sí"}, False: {"en": "No", "es": "No"}}[value]
    return Parsed(value, pick(shown, reading.language))


def _match_choice(question: Question, raw: Any, reading: Reading) -> tuple[str | None, str]:
    """The choice value for `raw` (matched by value or label), or an error message."""
    text = str(raw).strip()
    for choice in question.choices:
        if text == choice.value:
            return choice.value, ""
    lowered = text.lower()
    for choice in question.choices:
        labels = [pick(choice.label, language).lower() for language in ("en", "es")]
        if lowered in (choice.value.lower(), *labels):
            return choice.value, ""
    correction = question.corrections.get(text) or question.corrections.get(text.upper())
    if correction:
        return None, pick(correction, reading.language)
    options = ", ".join(c.value for c in question.choices)
    return None, message(
        "not_a_choice", reading.language, question.messages.get("not_a_choice"), choices=options
    )


def _parse_choice(question: Question, raw: Any, reading: Reading) -> Parsed:
    value, error = _match_choice(question, raw, reading)
    if value is None:
        return Parsed(error=error)
    choice = question.choice(value)
    assert choice is not None
    return Parsed(value, pick(choice.label, reading.language))


def _parse_multiple(question: Question, raw: Any, reading: Reading) -> Parsed:
    items = raw if isinstance(raw, (list, tuple)) else [raw]
    values: list[str] = []
    for item in items:
        value, error = _match_choice(question, item, reading)
        if value is None:
            return Parsed(error=error)
        if value not in values:
            values.append(value)
    if not values and question.required:
        return _fail(question, "required", reading)
    for value in values:
        choice = question.choice(value)
        if choice and choice.alone and len(values) > 1:
            return _fail(
                question, "not_alone", reading, choice=pick(choice.label, reading.language)
            )
    for conflict in question.conflicts:
        if all(value in values for value in conflict.values):
            return Parsed(error=pick(conflict.message, reading.language))
    ordered = [c.value for c in question.choices if c.value in values]
    labels = [pick(question.choice(v).label, reading.language) for v in ordered]  # type: ignore[union-attr]
    return Parsed(ordered, "; ".join(labels))


def _state_key(text: str) -> str:
    """A name as compared: no case, accents, periods or commas, single spaces."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().replace(".", "").replace(",", " ").split())


def _parse_state(question: Question, raw: Any, reading: Reading) -> Parsed:
    text = str(raw).strip()
    names = {_state_key(name): code for code, name in reading.states.items()}
    names |= {_state_key(alias): code for alias, code in reading.state_aliases.items()}
    key = _state_key(text)
    code = text.upper() if text.upper() in reading.states else names.get(key)
    if code:
        return Parsed(code, reading.states[code])
    error = message("not_a_state", reading.language, question.messages.get("not_a_choice"))
    close = difflib.get_close_matches(key, list(names), n=1, cutoff=0.75)
    if close:
        suggestion = reading.states[names[close[0]]]
        error = message("did_you_mean", reading.language, suggestion=suggestion) + " " + error
    return Parsed(error=error)


PARSERS: dict[str, Callable[[Question, Any, Reading], Parsed]] = {
    "money": _parse_money,
    "whole_number": _parse_whole_number,
    "number": _parse_number,
    "date": _parse_date,
    "yes_no": _parse_yes_no,
    "choice": _parse_choice,
    "multiple_choice": _parse_multiple,
    "us_state": _parse_state,
}


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []


def parse(question: Question, raw: Any, reading: Reading) -> Parsed:
    """Read `raw` as an answer to `question`."""
    if is_blank(raw):
        return _fail(question, "required", reading)
    return PARSERS[question.type](question, raw, reading)
