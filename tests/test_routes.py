"""Whole interviews through the default flow, with every figure worked out by hand.

2026 HHS poverty guideline (effective 2026-01-13), 48 contiguous states and DC:
$15,960 for 1 person + $5,680 for each additional person; for 4 people
15,960 + 3 x 5,680 = 33,000, for 5 people 38,680. Alaska: 19,950 + 7,100 each (4: 41,250).
Connecticut (data/states/CT.yaml): HUSKY A (Medicaid) 201% for ages 0 to 18, HUSKY D
(Medicaid) 138% at 19 and 20, HUSKY B (CHIP) 323% under 19. Limits are inclusive and
income is compared exactly with percent x guideline. The as-of date is 2026-12-04.
"""

from __future__ import annotations

import shutil
from datetime import date
from typing import Any

import pytest
from conftest import Runner, route, route_ids, ruled_out, ruled_out_ids, runner

from otguide import resources
from otguide.engine import Interview
from otguide.flow.model import Flow
from otguide.programs.data import load_program_data

ALL_ROUTES = [
    "private_in_network",
    "private_out_of_network",
    "other_coverage",
    "medicare",
    "medicaid_epsdt",
    "ssi_medicaid",
    "katie_beckett",
    "chip",
    "early_intervention",
    "school",
    "chip_buy_in",
    "marketplace",
    "private_pay",
]

# A 3-year-old (born 2023-05-14: 3 on 2023-05-14 + 3 years = 2026-05-14, before the as-of
# date; 4 only on 2027-05-14), in Connecticut, a household of 4, no coverage.
BASE: dict[str, Any] = {
    "state": "CT",
    "child_birth_date": "05/14/2023",
    "household_size": "4",
    "income_frequency": "year",
    "income_amount": "52000",
    "insurance": ["none"],
    "diagnoses": [],
    "kidney_failure": "no",
}

PRIVATE_PAY_REASONS = [
    "Always possible, for care no one else covers. Ask the clinic about a sliding scale "
    "based on income; health centers must offer one.",
    "If you pay without insurance, you have the right to a written Good Faith Estimate "
    "before care; a bill $400 or more above it can be disputed.",
]
MEDICAID_PAYS_FIRST = "Pays first, as your child's main coverage."
MEDICAID_PAYS_SECOND = (
    "Pays second: your other coverage pays first, and Medicaid pays what it leaves for "
    "covered care, such as copays or visits past the plan's limit."
)
EPSDT = " Under EPSDT it must cover medically necessary OT."
NO_WAITING_PERIOD = (
    "There is no waiting period: since June 3, 2025, CHIP may not make a child go without "
    "insurance for a while before enrolling."
)


def answers(annual_income: str | None = None, **changes: Any) -> dict[str, Any]:
    """BASE with changes; `annual_income` is a yearly total."""
    if annual_income is not None:
        changes["income_amount"] = annual_income
    merged = {**BASE, **changes}
    return {key: value for key, value in merged.items() if value is not None}


def others(fitting: list[str]) -> list[str]:
    """The routes that do not fit, in flow order (the order outcome.ruled_out keeps)."""
    return [r for r in ALL_ROUTES if r not in fitting]


def asked(interview: Interview) -> list[str]:
    return [q.id for q, _ in interview.transcript()]


# The example sentence ----------------------------------------------------------------


def test_reason_text_for_a_three_year_old(run) -> None:
    # 52,000 / 33,000 = 1.575757... -> 157.6% (one decimal, half up). Age 3 is in HUSKY A's
    # band for children aged 1 to 5 (from_age 1, below_age 6). 2.01 x 33,000 = 66,330.
    interview = run(answers())
    # Medicaid by income: the disability questions would change nothing, so none is asked.
    assert "disability" not in asked(interview)
    outcome = interview.outcome()
    fitting = ["medicaid_epsdt", "school", "private_pay"]
    assert route_ids(outcome) == fitting
    assert ruled_out_ids(outcome) == others(fitting)
    medicaid = route(outcome, "medicaid_epsdt")
    assert medicaid.program == "HUSKY A"
    assert medicaid.reasons == [
        "$52,000 a year for 4 people is 157.6% of the 2026 poverty guideline. HUSKY A covers "
        "children aged 1 to 5 up to 201%: up to $66,330 a year for a household of 4." + EPSDT
    ]
    assert medicaid.payment == [MEDICAID_PAYS_FIRST]
    assert route(outcome, "private_pay").reasons == PRIVATE_PAY_REASONS
    # 52,000 <= 66,330, so CHIP, the Marketplace and the disability routes are ruled out.
    assert ruled_out(outcome, "chip").reasons == [
        "Your child qualifies for HUSKY A (Medicaid) instead, which covers more through EPSDT."
    ]
    assert ruled_out(outcome, "marketplace").reasons == [
        "Your child qualifies for Medicaid or CHIP by income, which cost much less."
    ]
    assert ruled_out(outcome, "katie_beckett").reasons == [
        "Your child can get Medicaid by income; see the Medicaid route."
    ]
    assert ruled_out(outcome, "chip_buy_in").reasons == [
        "This guide does not know of a full-price CHIP buy-in in Connecticut."
    ]


def test_baby_under_one_band(run) -> None:
    # Born 2026-06-01: 0 years old on 2026-12-04; 6 completed months (June 1 -> Dec 1).
    # At the 1st birthday HUSKY A stays at 201%, so no change of limit is announced.
    outcome = run(answers(child_birth_date="06/01/2026")).outcome()
    assert route_ids(outcome) == ["medicaid_epsdt", "early_intervention", "private_pay"]
    assert route(outcome, "medicaid_epsdt").reasons == [
        "$52,000 a year for 4 people is 157.6% of the 2026 poverty guideline. HUSKY A covers "
        "babies under 1 up to 201%: up to $66,330 a year for a household of 4." + EPSDT
    ]
    assert (
        route(outcome, "early_intervention")
        .reasons[0]
        .startswith(
            "Your child is 6 months old. Early Intervention serves children with a developmental "
            "delay or disability until the 3rd birthday (June 1, 2029),"
        )
    )


# HUSKY A limit for 4: 2.01 x 33,000 = 66,330 ------------------------------------------


def test_income_exactly_at_the_medicaid_limit(run) -> None:
    # 66,330 x 100 = 6,633,000 = 201 x 33,000: equal, and the limit is inclusive.
    # 66,330 / 33,000 = 2.01 exactly -> 201.0%.
    outcome = run(answers(annual_income="66330")).outcome()
    fitting = ["medicaid_epsdt", "school", "private_pay"]
    assert route_ids(outcome) == fitting
    assert ruled_out_ids(outcome) == others(fitting)
    assert route(outcome, "medicaid_epsdt").reasons == [
        "$66,330 a year for 4 people is 201.0% of the 2026 poverty guideline. HUSKY A covers "
        "children aged 1 to 5 up to 201%: up to $66,330 a year for a household of 4." + EPSDT
    ]


def test_one_dollar_above_the_medicaid_limit(run) -> None:
    # 66,331 > 66,330: no HUSKY A. Uninsured and 66,331 <= 3.23 x 33,000 = 106,590: HUSKY B.
    # 66,331 / 33,000 = 2.0100303...: 201.0% would read as the limit itself, so three
    # decimals: 201.003%. Above the limit by 66,331 - 66,330 = $1.
    # For 5 people: 2.01 x 38,680 = 77,746.80, which 66,331 is within.
    interview = run(answers(annual_income="66331", disability="no"))
    assert asked(interview)[-1] == "disability"
    outcome = interview.outcome()
    fitting = ["chip", "school", "private_pay"]
    assert route_ids(outcome) == fitting
    assert ruled_out_ids(outcome) == others(fitting)
    assert ruled_out(outcome, "medicaid_epsdt").reasons == [
        "$66,331 a year for 4 people is 201.003% of the 2026 poverty guideline. HUSKY A covers "
        "children aged 1 to 5 up to 201%: $66,330 a year for a household of 4, so your income "
        "is $1 above it. For a household of 5 the limit would be $77,746.80, which your income "
        "is within."
    ]
    chip = route(outcome, "chip")
    assert chip.program == "HUSKY B"
    assert chip.reasons[0] == (
        "$66,331 a year for 4 people is 201.0% of the 2026 poverty guideline: above the "
        "Medicaid limit, and within HUSKY B's limit for children under 19 of 323%: up to "
        "$106,590 a year for a household of 4. Your child has no other coverage, which CHIP "
        "requires."
    )
    # HUSKY B's family cost note from CT.yaml, then the federal waiting-period rule.
    assert chip.reasons[1].startswith("Above 201% and up to 254% of the poverty guideline")
    assert chip.reasons[2] == NO_WAITING_PERIOD
    assert chip.payment == ["Pays first, as your child's main coverage."]


def test_income_exactly_at_the_chip_limit(run) -> None:
    # 3.23 x 33,000 = 106,590; equal is inside (inclusive). 106,590 / 33,000 = 3.23 -> 323.0%.
    outcome = run(answers(annual_income="106590", disability="no")).outcome()
    assert route_ids(outcome) == ["chip", "school", "private_pay"]
    assert (
        route(outcome, "chip")
        .reasons[0]
        .startswith(
            "$106,590 a year for 4 people is 323.0% of the 2026 poverty guideline: above the "
            "Medicaid limit, and within HUSKY B's limit for children under 19 of 323%: up to "
            "$106,590 a year"
        )
    )


def test_one_dollar_above_the_chip_limit(run) -> None:
    # 106,591 > 106,590 and > 66,330: neither Medicaid nor CHIP, so the Marketplace.
    # 106,591 / 33,000 = 3.2300303... -> 323.003% beside HUSKY B's 323% (one decimal would
    # read as equal); above HUSKY A by 106,591 - 66,330 = 40,261.
    # For 5: HUSKY B 3.23 x 38,680 = 124,936.40 (within); HUSKY A 77,746.80 (not within).
    outcome = run(answers(annual_income="106591", disability="no")).outcome()
    fitting = ["school", "marketplace", "private_pay"]
    assert route_ids(outcome) == fitting
    assert ruled_out_ids(outcome) == others(fitting)
    assert ruled_out(outcome, "chip").reasons == [
        "$106,591 a year for 4 people is 323.003% of the 2026 poverty guideline; HUSKY B covers "
        "up to 323%: $106,590 a year for a household of 4, so your income is $1 above it. "
        "For a household of 5 the limit would be $124,936.40, which your income is within."
    ]
    assert (
        ruled_out(outcome, "medicaid_epsdt")
        .reasons[0]
        .endswith(
            "$66,330 a year for a household of 4, so your income is $40,261 above it. For a "
            "household of 5 the limit would be $77,746.80."
        )
    )
    assert route(outcome, "marketplace").reasons[1] == (
        "$106,591 a year for 4 people is above the Medicaid and CHIP limits for your child. "
        "HealthCare.gov shows what a plan would cost after any help your income gets."
    )


# The 3rd birthday ----------------------------------------------------------------------


def test_day_before_third_birthday(run) -> None:
    # Born 2023-12-05: 3 on 2026-12-05, so on 2026-12-04 the child is 2, and
    # (2026 - 2023) x 12 + (12 - 12) = 36 months, minus 1 as day 4 < 5: 35 months.
    outcome = run(answers(child_birth_date="12/05/2023")).outcome()
    fitting = ["medicaid_epsdt", "early_intervention", "private_pay"]
    assert route_ids(outcome) == fitting
    assert ruled_out_ids(outcome) == others(fitting)
    ei = route(outcome, "early_intervention")
    assert ei.program == "Connecticut Birth to Three System"
    assert ei.reasons[0] == (
        "Your child is 35 months old. Early Intervention serves children with a developmental "
        "delay or disability until the 3rd birthday (December 5, 2026), whatever the family's "
        "income, and OT is one of its services. You can refer your child yourself."
    )
    assert ei.reasons[1].startswith("Free to families since 2021")
    assert (
        ruled_out(outcome, "school")
        .reasons[0]
        .startswith(
            "School OT starts at 3 (December 5, 2026); until then, Early Intervention serves"
        )
    )


def test_on_third_birthday(run) -> None:
    # Born 2023-12-04: the 3rd birthday is the as-of date; a child turns 3 on the birthday.
    outcome = run(answers(child_birth_date="12/04/2023")).outcome()
    fitting = ["medicaid_epsdt", "school", "private_pay"]
    assert route_ids(outcome) == fitting
    assert ruled_out_ids(outcome) == others(fitting)
    assert ruled_out(outcome, "early_intervention").reasons == [
        "Early Intervention ends at the 3rd birthday, and your child is 3. From 3, the school "
        "district takes over: see the school route."
    ]
    assert route(outcome, "school").reasons[0].startswith("Your child is 3. From 3 through 21")


def test_day_after_third_birthday(run) -> None:
    # Born 2023-12-03: 3 since 2026-12-03.
    outcome = run(answers(child_birth_date="12/03/2023")).outcome()
    assert route_ids(outcome) == ["medicaid_epsdt", "school", "private_pay"]
    assert "early_intervention" in ruled_out_ids(outcome)


# A 20-year-old: HUSKY D 138% -------------------------------------------------------------


def test_twenty_year_old_at_husky_d_limit(run) -> None:
    # Born 2005-12-05: 20 on 2025-12-05, 21 only on 2026-12-05, so 20 on 2026-12-04.
    # Age 20 is in HUSKY D's band (19 to 20) at 138%: 1.38 x 33,000 = 45,540; income 45,540
    # is equal, so inside. 45,540 / 33,000 = 1.38 -> 138.0%. No CHIP band at 20 (under 19).
    # School: 3 <= 20 < 22.
    interview = run(
        answers(child_birth_date="12/05/2005", annual_income="45540", disability_benefits="no")
    )
    assert asked(interview)[-1] == "disability_benefits"
    outcome = interview.outcome()
    fitting = ["medicaid_epsdt", "school", "private_pay"]
    assert route_ids(outcome) == fitting
    assert ruled_out_ids(outcome) == others(fitting)
    medicaid = route(outcome, "medicaid_epsdt")
    assert medicaid.program == "HUSKY D"
    assert medicaid.reasons == [
        "$45,540 a year for 4 people is 138.0% of the 2026 poverty guideline. HUSKY D covers "
        "young adults aged 19 and 20 up to 138%: up to $45,540 a year for a household of 4." + EPSDT
    ]
    assert ruled_out(outcome, "chip").reasons == ["HUSKY B does not cover a child aged 20."]
    assert route(outcome, "school").reasons[0].startswith("Your child is 20.")


def test_twenty_year_old_one_dollar_above_husky_d(run) -> None:
    # 45,541 > 45,540; above by $1. 45,541 / 33,000 = 1.3800303... -> 138.003% (138.0%
    # would read as the limit itself).
    # For 5 people: 1.38 x 38,680 = 53,378.40, which 45,541 is within.
    outcome = run(
        answers(
            child_birth_date="12/05/2005",
            annual_income="45541",
            disability_benefits="no",
            disability="no",
        )
    ).outcome()
    assert route_ids(outcome) == ["school", "marketplace", "private_pay"]
    assert ruled_out(outcome, "medicaid_epsdt").reasons == [
        "$45,541 a year for 4 people is 138.003% of the 2026 poverty guideline. HUSKY D covers "
        "young adults aged 19 and 20 up to 138%: $45,540 a year for a household of 4, so your "
        "income is $1 above it. For a household of 5 the limit would be $53,378.40, which your "
        "income is within."
    ]


def test_twenty_year_old_with_24_months_of_disability_benefits(run) -> None:
    # Age 20 >= 20 and disability_benefits: adult_child_medicare, so the Medicare route.
    outcome = run(
        answers(child_birth_date="12/05/2005", annual_income="45540", disability_benefits="yes")
    ).outcome()
    assert route_ids(outcome) == ["medicare", "medicaid_epsdt", "school", "private_pay"]
    assert route(outcome, "medicare").reasons == [
        "Your child is 20 and has received Social Security disability benefits for 24 months. "
        "A person disabled before 22 gets Medicare after 24 months of those benefits."
    ]


def test_twenty_one_is_rejected_by_validation(interview: Interview) -> None:
    # Born 2005-12-04: 21 on the as-of date; the guide ends at 21 (EPSDT ends at 21).
    interview.answer("CT")
    change = interview.answer("12/04/2005")
    assert not change.parsed.ok
    assert change.parsed.error.startswith("This guide is for children and young people under 21")
    assert interview.current.id == "child_birth_date"


# Private insurance -----------------------------------------------------------------------


def test_insured_above_the_medicaid_limit(run) -> None:
    # 80,000 > 66,330: no Medicaid. The child has a private plan, so no CHIP either (CHIP
    # covers only children without other coverage), whatever 80,000 <= 106,590 says.
    outcome = run(
        answers(annual_income="80000", insurance=["private"], network="in", disability="no")
    ).outcome()
    fitting = ["private_in_network", "school", "private_pay"]
    assert route_ids(outcome) == fitting
    assert ruled_out_ids(outcome) == others(fitting)
    in_network = route(outcome, "private_in_network")
    assert in_network.reasons == [
        "You said the clinic is in your plan's network, so the plan's in-network OT benefit "
        "applies."
    ]
    assert in_network.payment == ["Pays first. Every other coverage pays after it."]
    assert ruled_out(outcome, "chip").reasons == [
        "CHIP covers only children without other health coverage, and your child has coverage now."
    ]
    assert ruled_out(outcome, "private_out_of_network").reasons == [
        "You said the clinic is in your plan's network."
    ]
    # 80,000 - 66,330 = 13,670 above HUSKY A; 80,000 / 33,000 = 2.4242... -> 242.4%; for 5
    # people the limit 77,746.80 is still below 80,000.
    assert ruled_out(outcome, "medicaid_epsdt").reasons == [
        "$80,000 a year for 4 people is 242.4% of the 2026 poverty guideline. HUSKY A covers "
        "children aged 1 to 5 up to 201%: $66,330 a year for a household of 4, so your income "
        "is $13,670 above it. For a household of 5 the limit would be $77,746.80."
    ]
    assert ruled_out(outcome, "marketplace").reasons == [
        "Your child has coverage now; this route is for a child without it."
    ]


def test_insured_within_the_medicaid_limit(run) -> None:
    # 52,000 <= 66,330: Medicaid too, as second payer behind the private plan (rank 10,
    # then Medicaid at rank 30).
    outcome = run(answers(insurance=["private"], network="in")).outcome()
    fitting = ["private_in_network", "medicaid_epsdt", "school", "private_pay"]
    assert route_ids(outcome) == fitting
    assert ruled_out_ids(outcome) == others(fitting)
    medicaid = route(outcome, "medicaid_epsdt")
    assert medicaid.reasons[1] == (
        "Your child can have HUSKY A as well as the coverage you have now. Your plan pays "
        "first, and Medicaid pays second: copays, deductibles and visits past the plan's limit "
        "for covered care."
    )
    assert medicaid.payment == [MEDICAID_PAYS_SECOND]
    assert ruled_out(outcome, "chip").reasons == [
        "CHIP covers only children without other health coverage, and your child has coverage "
        "now. Medicaid can pay second instead: see the Medicaid route."
    ]


def test_network_unknown_gives_both_private_routes(run) -> None:
    outcome = run(
        answers(annual_income="80000", insurance=["private"], network="unknown", disability="no")
    ).outcome()
    assert route_ids(outcome) == [
        "private_in_network",
        "private_out_of_network",
        "school",
        "private_pay",
    ]


def test_already_on_medicaid_above_the_limit(run) -> None:
    # Enrolled already: the Medicaid route stands whatever the income (on_medicaid), and
    # the disability questions are not asked.
    outcome = run(answers(annual_income="90000", insurance=["medicaid"])).outcome()
    assert route_ids(outcome) == ["medicaid_epsdt", "school", "private_pay"]
    assert route(outcome, "medicaid_epsdt").reasons == [
        "Your child already has Medicaid. Use it: under EPSDT, Medicaid must cover OT that is "
        "medically necessary for anyone under 21, even beyond the limits it sets for adults."
    ]


def test_already_on_chip(run) -> None:
    outcome = run(answers(annual_income="90000", insurance=["chip"], disability="no")).outcome()
    assert route_ids(outcome) == ["chip", "school", "private_pay"]
    assert route(outcome, "chip").reasons == [
        "Your child already has HUSKY B. Use it: ask how it covers OT. A separate CHIP plan "
        "sets its own benefits and is not bound by Medicaid's EPSDT rule."
    ]


def test_other_coverage(run) -> None:
    outcome = run(answers(annual_income="90000", insurance=["other"], disability="no")).outcome()
    assert route_ids(outcome) == ["other_coverage", "school", "private_pay"]


# Household of 1 and of 12 -------------------------------------------------------------------

# A 10-year-old (born 2016-05-14), in HUSKY A's band for children aged 6 to 18.


def test_household_of_one_at_the_limit(run) -> None:
    # 15,960 x 2.01 = 32,079.60; 32,079 <= 32,079.60. 32,079 / 15,960 = 2.00996... -> 201.0%.
    outcome = run(
        answers(child_birth_date="05/14/2016", household_size="1", annual_income="32079")
    ).outcome()
    assert route_ids(outcome) == ["medicaid_epsdt", "school", "private_pay"]
    assert route(outcome, "medicaid_epsdt").reasons == [
        "$32,079 a year for 1 person is 201.0% of the 2026 poverty guideline. HUSKY A covers "
        "children aged 6 to 18 up to 201%: up to $32,079.60 a year for a household of 1." + EPSDT
    ]


def test_household_of_one_above_the_limit(run) -> None:
    # 32,080 > 32,079.60, above by $0.40. CHIP: 3.23 x 15,960 = 51,550.80 >= 32,080.
    # 32,080 / 15,960 = 2.0100250... -> 201.003% (three decimals, half up; 201.0% would read
    # as the limit). For 2 people: 2.01 x 21,640 = 43,496.40.
    outcome = run(
        answers(
            child_birth_date="05/14/2016",
            household_size="1",
            annual_income="32080",
            disability="no",
        )
    ).outcome()
    assert route_ids(outcome) == ["chip", "school", "private_pay"]
    assert ruled_out(outcome, "medicaid_epsdt").reasons == [
        "$32,080 a year for 1 person is 201.003% of the 2026 poverty guideline. HUSKY A covers "
        "children aged 6 to 18 up to 201%: $32,079.60 a year for a household of 1, so your "
        "income is $0.40 above it. For a household of 2 the limit would be $43,496.40, which "
        "your income is within."
    ]
    assert "up to $51,550.80 a year for a household of 1." in route(outcome, "chip").reasons[0]


def test_household_of_twelve(run) -> None:
    # 15,960 + 11 x 5,680 = 15,960 + 62,480 = 78,440; x 2.01 = 157,664.40.
    # 157,664 <= 157,664.40: Medicaid. 157,664 / 78,440 = 2.009994... -> 201.0%.
    outcome = run(
        answers(child_birth_date="05/14/2016", household_size="12", annual_income="157664")
    ).outcome()
    assert route_ids(outcome) == ["medicaid_epsdt", "school", "private_pay"]
    assert route(outcome, "medicaid_epsdt").reasons == [
        "$157,664 a year for 12 people is 201.0% of the 2026 poverty guideline. HUSKY A covers "
        "children aged 6 to 18 up to 201%: up to $157,664.40 a year for a household of 12." + EPSDT
    ]


def test_household_of_twelve_above_the_limit(run) -> None:
    # 157,665 > 157,664.40 (by $0.60): no Medicaid; 3.23 x 78,440 = 253,361.20: CHIP.
    # For 13 people: 15,960 + 12 x 5,680 = 84,120; x 2.01 = 169,081.20.
    outcome = run(
        answers(
            child_birth_date="05/14/2016",
            household_size="12",
            annual_income="157665",
            disability="no",
        )
    ).outcome()
    assert route_ids(outcome) == ["chip", "school", "private_pay"]
    assert (
        ruled_out(outcome, "medicaid_epsdt")
        .reasons[0]
        .endswith(
            "$157,664.40 a year for a household of 12, so your income is $0.60 above it. For a "
            "household of 13 the limit would be $169,081.20, which your income is within."
        )
    )
    assert "up to $253,361.20 a year for a household of 12." in route(outcome, "chip").reasons[0]


# Alaska's own poverty table, and a state whose figures the data lacks ----------------------


def test_alaska_family(run) -> None:
    # Alaska's table for 4: 19,950 + 3 x 7,100 = 41,250. 52,000 / 41,250 = 1.26060... ->
    # 126.1%. Denali KidCare covers ages 1 to 5 up to 208%: 2.08 x 41,250 = 85,800.
    outcome = run(answers(state="AK")).outcome()
    fitting = ["medicaid_epsdt", "school", "private_pay"]
    assert route_ids(outcome) == fitting
    medicaid = route(outcome, "medicaid_epsdt")
    assert medicaid.program == "Denali KidCare"
    assert medicaid.reasons == [
        "$52,000 a year for 4 people is 126.1% of the 2026 poverty guideline. Denali KidCare "
        "covers children aged 1 to 5 up to 208%: up to $85,800 a year for a household of 4." + EPSDT
    ]
    # Alaska has no separate CHIP.
    assert ruled_out(outcome, "chip").reasons == [
        "Alaska has no separate CHIP: it covers children through Denali KidCare, so see the "
        "Medicaid route."
    ]


@pytest.fixture(scope="module")
def run_without_alaska(flow: Flow, tmp_path_factory: pytest.TempPathFactory) -> Runner:
    """The default flow with the shipped data minus Alaska's state file."""
    copy = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(resources.data_dir(), copy)
    (copy / "states" / "AK.yaml").unlink()
    return runner(flow, load_program_data(copy))


def test_state_without_program_data(run_without_alaska) -> None:
    # No Alaska figures: Medicaid and CHIP "may qualify", without limits to show; the
    # Marketplace stays open; a 3-year-old gets school by age.
    outcome = run_without_alaska(answers(state="AK", disability="no")).outcome()
    fitting = ["medicaid_epsdt", "chip", "school", "marketplace", "private_pay"]
    assert route_ids(outcome) == fitting
    assert ruled_out_ids(outcome) == others(fitting)
    medicaid = route(outcome, "medicaid_epsdt")
    assert medicaid.program == "Medicaid"
    assert medicaid.reasons == [
        "Your child may qualify: Medicaid covers children in every state, up to an income limit "
        "that Alaska sets. This guide does not have that limit yet; your state Medicaid agency "
        "can tell you."
    ]
    assert outcome.notices[0].startswith(
        "This guide does not have Alaska's Medicaid and CHIP income limits yet, so it cannot "
        "tell whether your child qualifies for them."
    )
    assert len(outcome.notices) == 2
    assert route(outcome, "chip").reasons[0] == (
        "Your child may qualify: CHIP covers uninsured children under 19 in families above the "
        "Medicaid limit, up to a limit Alaska sets. This guide does not have that limit yet; "
        "the state Medicaid agency handles CHIP too."
    )
    assert outcome.rules["program_data"] == []


def test_insured_child_without_state_data(run_without_alaska) -> None:
    # CHIP is only for children without other coverage, known state figures or not.
    outcome = run_without_alaska(
        answers(state="AK", insurance=["private"], network="in", disability="no")
    ).outcome()
    assert ruled_out(outcome, "chip").reasons == [
        "CHIP covers only children without other health coverage, and your child has coverage now."
    ]


def test_toddler_early_intervention_without_state_data(run_without_alaska) -> None:
    # Born 2025-03-10: 1 year old; (2026 - 2025) x 12 + (12 - 3) = 21, minus 1 because the
    # 4th comes before the 10th: 20 completed months on 2026-12-04.
    outcome = run_without_alaska(
        answers(state="AK", child_birth_date="03/10/2025", disability="no")
    ).outcome()
    assert route_ids(outcome) == [
        "medicaid_epsdt",
        "chip",
        "early_intervention",
        "marketplace",
        "private_pay",
    ]
    ei = route(outcome, "early_intervention")
    assert ei.program == "Alaska Early Intervention program (IDEA Part C)"
    assert ei.reasons[0].startswith("Your child is 20 months old.")
    assert ei.reasons[0].count("(March 10, 2028)") == 1
    assert ei.reasons[1].startswith(
        "The evaluation, the family plan (IFSP) and service coordination are free in every "
        "state; ask whether Alaska charges a fee"
    )


def test_alaska_toddler_early_intervention(run) -> None:
    outcome = run(answers(state="AK", child_birth_date="03/10/2025")).outcome()
    ei = route(outcome, "early_intervention")
    assert ei.program == "Alaska Early Intervention/Infant Learning Program (EI/ILP)"
    # Alaska's data says families may pay a sliding fee: the state's own note, then the
    # federal rule on what is always free.
    assert ei.reasons[1].startswith("Alaska has charged fees for some services")
    assert ei.reasons[2] == (
        "Whatever the fee for other services, the evaluation, the family plan (IFSP) and "
        "service coordination are free in every state, and no child can be turned away for "
        "inability to pay."
    )


def test_ct_has_only_the_general_notice(run) -> None:
    outcome = run(answers()).outcome()
    assert outcome.notices == [
        "This guide explains likely routes from your answers. Each program makes its own "
        "decision; take the questions below to the call."
    ]


# Medicare for kidney failure ---------------------------------------------------------------------


def test_child_on_dialysis(run) -> None:
    # Kidney failure gives Medicare at any age; with no private plan, Medicare pays before
    # Medicaid. 52,000 <= 66,330, so Medicaid too (rank 20 before rank 30).
    outcome = run(answers(kidney_failure="yes")).outcome()
    fitting = ["medicare", "medicaid_epsdt", "school", "private_pay"]
    assert route_ids(outcome) == fitting
    assert ruled_out_ids(outcome) == others(fitting)
    medicare = route(outcome, "medicare")
    assert medicare.program == "Medicare Part B"
    assert medicare.reasons[0].startswith(
        "Kidney failure treated with dialysis or a transplant can give a child Medicare at any age"
    )
    assert medicare.payment == ["Pays before Medicaid; Medicaid pays last."]


def test_kidney_failure_with_private_insurance(run) -> None:
    # federal.yaml medicare_esrd: 30 months in which a job-based group plan pays first.
    outcome = run(
        answers(
            kidney_failure="yes",
            annual_income="80000",
            insurance=["private"],
            network="in",
            disability="no",
        )
    ).outcome()
    assert route_ids(outcome) == ["private_in_network", "medicare", "school", "private_pay"]
    assert route(outcome, "medicare").payment == [
        "For the first 30 months of Medicare for kidney failure, your job-based group plan pays "
        "first and Medicare second; after that, Medicare pays first."
    ]


# The rules block: which guideline year -------------------------------------------------------------


def test_rules_block_december_2026(run) -> None:
    rules = run(answers()).outcome().rules
    assert rules["as_of"] == "2026-12-04"
    assert rules["flow"] == {"id": "intake", "version": "2.0.0"}
    assert rules["poverty_guideline"]["year"] == 2026
    assert rules["poverty_guideline"]["effective"] == "2026-01-13"
    figures = [item["figure"] for item in rules["program_data"]]
    assert "HUSKY A, children aged 1 to 5: 201%" in figures
    assert "HUSKY D, young adults aged 19 and 20: 138%" in figures
    assert "HUSKY B, children under 19: 323%" in figures


def test_rules_block_june_2025(run) -> None:
    # 2025 guideline (effective 2025-01-15) for 4: 15,650 + 3 x 5,500 = 32,150.
    # 2.01 x 32,150 = 64,621.50. The child (born 2023-05-14) is 2 on 2025-06-01.
    # 52,000 / 32,150 = 1.61742... -> 161.7%.
    interview = run(answers(), as_of=date(2025, 6, 1))
    outcome = interview.outcome()
    assert outcome.rules["poverty_guideline"]["year"] == 2025
    assert outcome.rules["poverty_guideline"]["effective"] == "2025-01-15"
    assert route(outcome, "medicaid_epsdt").reasons == [
        "$52,000 a year for 4 people is 161.7% of the 2025 poverty guideline. HUSKY A covers "
        "children aged 1 to 5 up to 201%: up to $64,621.50 a year for a household of 4." + EPSDT
    ]


def test_day_before_2026_guideline_takes_effect(run) -> None:
    # 2026 figures are effective 2026-01-13; on 2026-01-12 the 2025 table is still in force.
    outcome = run(answers(), as_of=date(2026, 1, 12)).outcome()
    assert outcome.rules["poverty_guideline"]["year"] == 2025
    assert "of the 2025 poverty guideline" in route(outcome, "medicaid_epsdt").reasons[0]


def test_2026_guideline_on_its_effective_date(run) -> None:
    outcome = run(answers(), as_of=date(2026, 1, 13)).outcome()
    assert outcome.rules["poverty_guideline"]["year"] == 2026


def test_income_between_2025_and_2026_limits(run) -> None:
    # 65,000: above the 2025 limit 64,621.50 but within the 2026 limit 66,330.
    in_2025 = run(answers(annual_income="65000", disability="no"), as_of=date(2026, 1, 12))
    in_2026 = run(answers(annual_income="65000"), as_of=date(2026, 1, 13))
    assert route_ids(in_2025.outcome())[0] == "chip"
    assert route_ids(in_2026.outcome())[0] == "medicaid_epsdt"


def test_answers_read_back_in_order(run) -> None:
    outcome = run(answers()).outcome()
    # The skipped diagnoses question is not read back.
    assert [shown for _, shown in outcome.answers] == [
        "Connecticut",
        "May 14, 2023",
        "4",
        "A total for the year",
        "$52,000",
        "None right now",
        "No",
    ]


def test_percent_rounds_half_up(run) -> None:
    # 49,582.50 / 33,000 x 100 = 150.25 exactly; one decimal, half up: 150.3% (half-even
    # would give 150.2%).
    outcome = run(answers(annual_income="49,582.50")).outcome()
    assert (
        route(outcome, "medicaid_epsdt")
        .reasons[0]
        .startswith("$49,582.50 a year for 4 people is 150.3% of the 2026 poverty guideline.")
    )


def test_leap_day_birthday(run) -> None:
    # Born 2024-02-29. In 2027 there is no February 29, so the 3rd birthday is March 1, 2027.
    # On 2027-02-28 the child is still 2 (Early Intervention); on 2027-03-01 they are 3.
    # Months on 2027-02-28: (2027 - 2024) x 12 + (2 - 2) = 36, minus 1 (28 < 29) = 35.
    born = answers(child_birth_date="02/29/2024")
    before = run(born, as_of=date(2027, 2, 28)).outcome()
    assert route_ids(before) == ["medicaid_epsdt", "early_intervention", "private_pay"]
    assert (
        route(before, "early_intervention")
        .reasons[0]
        .startswith(
            "Your child is 35 months old. Early Intervention serves children with a developmental "
            "delay or disability until the 3rd birthday (March 1, 2027),"
        )
    )
    on = run(born, as_of=date(2027, 3, 1)).outcome()
    assert route_ids(on) == ["medicaid_epsdt", "school", "private_pay"]
