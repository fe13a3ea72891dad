"""Reading typed answers: money, numbers, dates, states, choices and yes/no."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from otguide.engine import Interview
from otguide.engine.answers import Reading, parse

# The flow's own messages (flows/intake.yaml) and the engine's (otguide/engine/messages.py).
HOUSEHOLD_TOO_SMALL = (
    "A household has at least 1 person. Count your child and the adults who live with "
    "and support them."
)
TOO_OLD = (
    "This guide is for children and young people under 21; at 21, Medicaid's EPSDT "
    "benefit ends. For an adult, ask your state Medicaid agency or the OT clinic. If the "
    "date is wrong, check the year."
)
COMMAS = "Commas go between groups of three digits, like 52,000."
MONEY_FORMAT = "Enter the amount in dollars, like 52000 or $52,000.50."
CENTS = "Cents take two digits at most, like 52000.50."
WHOLE_NUMBER = "Enter a whole number using digits, like 4."
NO_SUCH_DATE = "That date does not exist. Check the month and the day."
NOT_ALONE = "“None right now” can't be chosen together with other answers."
F82_0 = "F82.0 is not a US diagnosis code. Developmental coordination disorder (dyspraxia) is F82."
R63_3 = (
    "R63.3 has not been usable on a claim since October 2021. Choose R63.30, R63.31, "
    "R63.32 or R63.39."
)
F82_R27 = (
    "F82 and R27.8 are not used together (ICD-10-CM lists R27 as excluded from F82). "
    "Keep the one on your child's record, or ask the doctor."
)


def check(interview: Interview, question_id: str, raw: object):
    return interview.check(raw, interview.flow.question(question_id))


# Money ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected", "shown"),
    [
        # Grouped with cents: 52,000.50 is fifty-two thousand dollars and fifty cents.
        ("52,000.50", Decimal("52000.50"), "$52,000.50"),
        # "$52k" is 52 x 1,000 = 52,000 dollars, kept in whole cents.
        ("$52k", Decimal("52000.00"), "$52,000"),
        ("52000", Decimal("52000.00"), "$52,000"),
        ("$52,000", Decimal("52000.00"), "$52,000"),
        ("0", Decimal("0.00"), "$0"),
    ],
)
def test_money_accepted(interview: Interview, raw: str, expected: Decimal, shown: str) -> None:
    parsed = check(interview, "income_amount", raw)
    assert parsed.ok, parsed.error
    assert parsed.value == expected
    assert isinstance(parsed.value, Decimal)
    # Whole cents: the Decimal carries exactly two decimal places.
    assert parsed.value.as_tuple().exponent == -2
    assert parsed.shown == shown


def test_money_below_zero(interview: Interview) -> None:
    parsed = check(interview, "income_amount", "-5")
    assert not parsed.ok
    # The flow's own too_small wording (flows/intake.yaml) replaces the engine's default.
    assert parsed.error == ("Income can't be below zero. If the household had no income, enter 0.")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("52,00", COMMAS),  # a comma must be followed by exactly three digits
        ("abc", MONEY_FORMAT),
        ("1.2345", CENTS),  # four decimal places is a fraction of a cent
    ],
)
def test_money_rejected(interview: Interview, raw: str, message: str) -> None:
    parsed = check(interview, "income_amount", raw)
    assert parsed.error == message
    assert parsed.value is None


# Household size ---------------------------------------------------------------------


def test_household_zero_uses_the_flows_message(interview: Interview) -> None:
    # limits: {min: 1}; 0 < 1, and the flow writes its own too_small message.
    assert check(interview, "household_size", "0").error == HOUSEHOLD_TOO_SMALL


def test_household_fraction(interview: Interview) -> None:
    assert check(interview, "household_size", "2.5").error == WHOLE_NUMBER


def test_household_bounds(interview: Interview) -> None:
    assert check(interview, "household_size", "1").value == 1
    assert check(interview, "household_size", "20").value == 20
    # max is 20, and the flow has its own too_large message.
    assert check(interview, "household_size", "21").error == (
        "This guide counts households of up to 20 people. For a larger household, ask your "
        "state Medicaid agency."
    )


# Birth date (as of December 4, 2026) ------------------------------------------------


def test_birth_date_in_future(interview: Interview) -> None:
    # December 5, 2026 is one day after the as-of date; {as_of} reads "December 4, 2026".
    parsed = check(interview, "child_birth_date", "12/05/2026")
    assert parsed.error == "That date is after today (December 4, 2026). Check the year of birth."


def test_birth_date_today_is_accepted(interview: Interview) -> None:
    assert check(interview, "child_birth_date", "2026-12-04").value == date(2026, 12, 4)


def test_birth_date_turning_21_on_the_as_of_date(interview: Interview) -> None:
    # Born 2005-12-04: the 21st birthday is 2026-12-04, the as-of date, so the child is 21.
    assert check(interview, "child_birth_date", "12/04/2005").error == TOO_OLD


def test_birth_date_20_years_364_days(interview: Interview) -> None:
    # Born 2005-12-05: 20 on 2025-12-05; 2025-12-05 -> 2026-12-04 is 364 days, so 20 years
    # and 364 days old, one day short of 21.
    parsed = check(interview, "child_birth_date", "12/05/2005")
    assert parsed.ok, parsed.error
    assert parsed.value == date(2005, 12, 5)


def test_no_such_date(interview: Interview) -> None:
    assert check(interview, "child_birth_date", "02/30/2023").error == NO_SUCH_DATE


@pytest.mark.parametrize("raw", ["05/14/2023", "2023-05-14"])
def test_both_date_forms(interview: Interview, raw: str) -> None:
    parsed = check(interview, "child_birth_date", raw)
    assert parsed.value == date(2023, 5, 14)
    assert parsed.shown == "May 14, 2023"


def test_not_a_date(interview: Interview) -> None:
    assert check(interview, "child_birth_date", "last spring").error == (
        "Enter the date as month/day/year, like 05/14/2023, or as 2023-05-14."
    )


# State ------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["ct", "CT", "Connecticut", " connecticut "])
def test_state_by_code_or_name(interview: Interview, raw: str) -> None:
    parsed = check(interview, "state", raw)
    assert parsed.value == "CT"
    assert parsed.shown == "Connecticut"


def test_state_misspelled_suggests(interview: Interview) -> None:
    parsed = check(interview, "state", "Conecticut")
    assert not parsed.ok
    assert parsed.error.startswith("Did you mean Connecticut?")


# Choices ----------------------------------------------------------------------------


def test_none_cannot_be_combined(interview: Interview) -> None:
    assert check(interview, "insurance", ["none", "private"]).error == NOT_ALONE


def test_insurance_in_flow_order(interview: Interview) -> None:
    # Stored in the order the flow lists the choices: private before medicaid.
    parsed = check(interview, "insurance", ["medicaid", "private"])
    assert parsed.value == ["private", "medicaid"]


@pytest.mark.parametrize(("raw", "message"), [("F82.0", F82_0), ("R63.3", R63_3)])
def test_diagnosis_corrections(interview: Interview, raw: str, message: str) -> None:
    assert check(interview, "diagnoses", [raw]).error == message
    assert check(interview, "diagnoses", raw).error == message


def test_diagnosis_conflict(interview: Interview) -> None:
    assert check(interview, "diagnoses", ["F82", "R27.8"]).error == F82_R27


def test_diagnosis_blank_is_allowed(interview: Interview) -> None:
    parsed = check(interview, "diagnoses", [])
    assert parsed.ok
    assert parsed.value == []


# Yes / no ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value", "shown"),
    [("yes", True, "Yes"), ("no", False, "No"), (True, True, "Yes"), ("No", False, "No")],
)
def test_yes_no(interview: Interview, raw: object, value: bool, shown: str) -> None:
    parsed = check(interview, "kidney_failure", raw)
    assert parsed.value is value
    assert parsed.shown == shown


def test_yes_no_rejects_other_words(interview: Interview) -> None:
    assert check(interview, "kidney_failure", "maybe").error == "Answer yes or no."


def test_parse_directly(interview: Interview) -> None:
    # parse() needs no interview: the same reading rules from a Reading.
    reading = Reading(date(2026, 12, 4), "en", {"CT": "Connecticut"})
    question = interview.flow.question("income_amount")
    assert parse(question, "52,000.50", reading).value == Decimal("52000.50")
    assert parse(question, "", reading).error == "Please answer this question to go on."


# Hours a week: a number with up to two decimals ---------------------------------------------


@pytest.mark.parametrize(("raw", "value", "shown"), [("40", "40", "40"), ("37.5", "37.5", "37.5")])
def test_hours_accepted(interview: Interview, raw: str, value: str, shown: str) -> None:
    parsed = check(interview, "hours_per_week", raw)
    assert parsed.ok, parsed.error
    assert parsed.value == Decimal(value)
    assert parsed.shown == shown


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("37.555", "Enter a number using digits, like 40 or 37.5."),
        ("forty", "Enter a number using digits, like 40 or 37.5."),
        # The flow's own words for limits {min: 1, max: 168}.
        (
            "0",
            "Enter at least 1 hour. If there is no work now, go back and choose a yearly or monthly total.",
        ),
        ("169", "A week has 168 hours. Check the number."),
    ],
)
def test_hours_rejected(interview: Interview, raw: str, message: str) -> None:
    assert check(interview, "hours_per_week", raw).error == message


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        # A period grouping thousands, as written in much of Latin America: 1,800, not 1.80.
        (
            "1.800",
            "Did you mean 1,800? Write thousands with a comma, like 1,800; a period starts the cents.",
        ),
        (
            "1.234.567",
            "Did you mean 1,234,567? Write thousands with a comma, like 1,234,567; a period starts the cents.",
        ),
        # More than two decimals is never an amount of money, even when it ends in zero.
        ("52000.500", CENTS),
    ],
)
def test_money_with_periods(interview: Interview, raw: str, message: str) -> None:
    assert check(interview, "income_amount", raw).error == message


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("Washington DC", "DC"),  # not Washington State
        ("washington, d.c.", "DC"),
        ("Carolina del Norte", "NC"),
        ("Nueva York", "NY"),
        ("misisipi", "MS"),
        ("Hawai", "HI"),  # without the accent of Hawái
        ("  connecticut ", "CT"),
        ("wa", "WA"),
    ],
)
def test_state_names_and_aliases(interview: Interview, raw: str, code: str) -> None:
    assert check(interview, "state", raw).value == code
