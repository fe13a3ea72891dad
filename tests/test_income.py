"""Income as families know it: by pay period, by the hour, or not given at all.

A 3-year-old in Connecticut (born 2023-05-14), a household of 4, no coverage, on
2026-12-04. 2026 guideline for 4: 33,000; HUSKY A 201% = 66,330; HUSKY B 323% = 106,590;
for 5 people (38,680): 77,746.80 and 124,936.40.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import pytest

from otguide.engine import Interview
from otguide.expressions import format_percent
from otguide.flow.model import Flow
from otguide.programs.figures import ProgramData

BASE: dict[str, Any] = {
    "state": "CT",
    "child_birth_date": "05/14/2023",
    "household_size": "4",
    "insurance": ["none"],
    "diagnoses": [],
    "kidney_failure": "no",
}


def family(**income: Any) -> dict[str, Any]:
    return {**BASE, **income}


@pytest.mark.parametrize(
    ("income", "yearly", "how"),
    [
        # 4,000 x 12 = 48,000.
        (
            {"income_frequency": "month", "income_amount": "4000"},
            "$48,000",
            "$4,000 x 12 (each month)",
        ),
        # 2,000 x 24 = 48,000.
        (
            {"income_frequency": "twice_a_month", "income_amount": "2000"},
            "$48,000",
            "$2,000 x 24 (twice a month)",
        ),
        # 1,846.15 x 26 = 47,999.90.
        (
            {"income_frequency": "every_two_weeks", "income_amount": "1846.15"},
            "$47,999.90",
            "$1,846.15 x 26 (every two weeks)",
        ),
        # 923.08 x 52 = 48,000.16.
        (
            {"income_frequency": "week", "income_amount": "923.08"},
            "$48,000.16",
            "$923.08 x 52 (every week)",
        ),
        # 23.08 x 40 = 923.20 a week; x 52 = 48,006.40.
        (
            {"income_frequency": "hour", "income_amount": "23.08", "hours_per_week": "40"},
            "$48,006.40",
            "$23.08 an hour x 40 hours a week x 52 weeks",
        ),
        # 15.50 x 37.5 = 581.25 a week; x 52 = 30,225.
        (
            {"income_frequency": "hour", "income_amount": "15.50", "hours_per_week": "37.5"},
            "$30,225",
            "$15.50 an hour x 37.5 hours a week x 52 weeks",
        ),
    ],
)
def test_pay_periods_become_an_exact_year(run, income, yearly, how) -> None:
    outcome = run(family(**income)).outcome()
    assert outcome.notices[0] == (
        f"Yearly income used: {yearly}, from {how}. A program may count a month or a year a "
        "little differently."
    )
    medicaid = next(r for r in outcome.routes if r.id == "medicaid_epsdt")
    assert medicaid.reasons[0].startswith(f"{yearly} a year for 4 people is ")


def test_monthly_income_exactly_at_the_limit(run) -> None:
    # 5,527.50 x 12 = 66,330.00, exactly HUSKY A's limit for 4: inside.
    outcome = run(family(income_frequency="month", income_amount="5527.50")).outcome()
    assert [r.id for r in outcome.routes] == ["medicaid_epsdt", "school", "private_pay"]


def test_monthly_income_one_cent_a_month_above(run) -> None:
    # 5,527.51 x 12 = 66,330.12: 12 cents above 66,330, so HUSKY B instead.
    outcome = run(
        family(income_frequency="month", income_amount="5527.51", disability="no")
    ).outcome()
    assert [r.id for r in outcome.routes] == ["chip", "school", "private_pay"]
    medicaid = next(r for r in outcome.ruled_out if r.id == "medicaid_epsdt")
    assert "so your income is $0.12 above it." in medicaid.reasons[0]


@pytest.mark.parametrize(
    ("frequency", "prompt"),
    [
        ("year", "About how much does your household earn in a year, before taxes?"),
        ("month", "About how much does your household earn in a month, before taxes?"),
        (
            "twice_a_month",
            "About how much does your household earn each payday, when paid twice a month, "
            "before taxes?",
        ),
        ("every_two_weeks", "About how much does your household earn in two weeks, before taxes?"),
        ("week", "About how much does your household earn in a week, before taxes?"),
        ("hour", "What is the hourly pay, before taxes?"),
    ],
)
def test_amount_question_names_the_period(
    flow: Flow, data: ProgramData, frequency: str, prompt: str
) -> None:
    interview = Interview(flow, data, date(2026, 12, 4))
    for answer in ("CT", "05/14/2023", "4", frequency):
        assert interview.answer(answer).parsed.ok
    assert interview.current.id == "income_amount"
    assert interview.prompt(interview.current) == prompt


def test_amount_question_in_spanish(flow: Flow, data: ProgramData) -> None:
    interview = Interview(flow, data, date(2026, 12, 4), language="es")
    for answer in ("CT", "05/14/2023", "4", "month"):
        assert interview.answer(answer).parsed.ok
    assert interview.prompt(interview.current) == (
        "¿Más o menos cuánto gana su hogar en un mes, antes de impuestos?"
    )


@pytest.mark.parametrize("frequency", ["unknown", "prefer_not"])
def test_income_not_given_shows_the_limits(run, frequency: str) -> None:
    # A 10-year-old (born 2016-05-14). Without an income, Medicaid and CHIP "may qualify",
    # each with its dollar limit for 4 and for 5; the disability question is asked because
    # Medicaid by income is not established; the Marketplace stays open.
    interview = run(
        {
            **BASE,
            "child_birth_date": "05/14/2016",
            "income_frequency": frequency,
            "disability": "no",
        }
    )
    assert "income_amount" not in [q.id for q, _ in interview.transcript()]
    outcome = interview.outcome()
    assert [r.id for r in outcome.routes] == [
        "medicaid_epsdt",
        "chip",
        "school",
        "marketplace",
        "private_pay",
    ]
    assert outcome.notices[0].startswith("You did not give an income, so the income-based routes")
    medicaid = outcome.routes[0]
    assert medicaid.reasons == [
        "Your child may qualify. HUSKY A covers children aged 6 to 18 up to 201% of the 2026 "
        "poverty guideline: up to $66,330 a year before taxes for a household of 4 ($77,746.80 "
        "for 5). If your household's yearly income is at or below that, apply."
    ]
    chip = outcome.routes[1]
    assert chip.reasons[0] == (
        "Your child may qualify. HUSKY B covers uninsured children under 19 above the Medicaid "
        "limit, up to 323% of the 2026 poverty guideline: up to $106,590 a year before taxes "
        "for a household of 4 ($124,936.40 for 5)."
    )


def test_income_not_given_where_there_is_no_group(run) -> None:
    # Texas has no income-based Medicaid group at 19 and 20 (covered: false), so even
    # without an income there is no "may qualify" to offer; CHIP ends at 19.
    outcome = run(
        {
            **BASE,
            "state": "TX",
            "child_birth_date": "06/01/2007",
            "income_frequency": "unknown",
            "disability": "no",
        }
    ).outcome()
    assert [r.id for r in outcome.routes] == ["school", "marketplace", "private_pay"]
    medicaid = next(r for r in outcome.ruled_out if r.id == "medicaid_epsdt")
    assert medicaid.reasons == [
        "Texas has no Medicaid group based on income alone for young adults aged 19 and 20: "
        "it did not extend Medicaid to adults with low income. A young adult with a disability "
        "may still qualify through SSI or a disability group; ask the state Medicaid agency."
    ]


@pytest.mark.parametrize(
    ("value", "limit", "shown"),
    [
        (Fraction(66331, 330), None, "201.0%"),  # 66,331 / 33,000 x 100 = 201.00303...
        (Fraction(66331, 330), 201, "201.003%"),  # beside a 201% limit: not "201.0%"
        (Fraction(201), 201, "201.0%"),  # exactly at the limit
        # 66,329.99 / 33,000 x 100 = 200.99997...: one cent below, five decimals.
        (Fraction(6632999, 33000), 201, "200.99997%"),
        (Fraction(30050, 200), 150, "150.3%"),  # 150.25, half up: already distinct
    ],
)
def test_percent_is_never_shown_equal_to_a_limit_it_is_not(value, limit, shown) -> None:
    assert format_percent(value, limit) == shown
