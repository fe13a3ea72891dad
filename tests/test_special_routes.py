"""The routes a naive tool misses: disability Medicaid that ignores parents' income, SSI,
full-price CHIP, the Marketplace, disputed limits, limits that change at a birthday, and
CHIP waiting periods.

2026 guideline (contiguous) for 4: 15,960 + 3 x 5,680 = 33,000; on 2026-12-04 unless said.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from conftest import route, route_ids, ruled_out

from otguide.engine import Interview

# A 10-year-old (born 2016-05-14), a household of 4, no coverage, $150,000 a year: above
# every state's Medicaid and CHIP limit for 4 except New York's CHIP (4.05 x 33,000 =
# 133,650 < 150,000, so that too).
WEALTHY: dict[str, Any] = {
    "child_birth_date": "05/14/2016",
    "household_size": "4",
    "income_frequency": "year",
    "income_amount": "150000",
    "insurance": ["none"],
    "diagnoses": [],
    "kidney_failure": "no",
}


def family(state: str, **changes: Any) -> dict[str, Any]:
    """WEALTHY in `state`, with changes; None removes an answer."""
    merged = {"state": state, **WEALTHY, **changes}
    return {key: value for key, value in merged.items() if value is not None}


# TEFRA / Katie Beckett and waivers -------------------------------------------------------


def test_connecticut_katie_beckett_waiver(run) -> None:
    outcome = run(family("CT", disability="yes", gets_ssi="no")).outcome()
    assert route_ids(outcome) == ["katie_beckett", "school", "marketplace", "private_pay"]
    katie = route(outcome, "katie_beckett")
    assert katie.program == "Katie Beckett Waiver"
    assert katie.reasons[0].startswith(
        "Ask whether your child could get Medicaid through the Katie Beckett Waiver"
    )
    assert katie.reasons[0].endswith("The state decides who qualifies.")
    assert katie.reasons[1] == (
        "Katie Beckett Waiver: Parents still list their income, and some families pay a "
        "premium based on it."
    )
    assert katie.reasons[-1].startswith("Once enrolled, your child has full Medicaid")
    assert katie.payment == ["Pays first, as your child's main coverage."]
    assert any("Katie Beckett Waiver" in question for question in katie.questions)


def test_connecticut_waiver_reaches_a_twenty_year_old(run) -> None:
    # CT.yaml gives the waiver below_age 22, beyond TEFRA's federal 19: a 20-year-old
    # (born 2006-01-10) still has the route.
    outcome = run(
        family(
            "CT",
            child_birth_date="01/10/2006",
            disability_benefits="no",
            disability="yes",
            gets_ssi="no",
        )
    ).outcome()
    assert "katie_beckett" in route_ids(outcome)


def test_state_without_a_listed_program_says_whom_to_ask(run) -> None:
    # Vermont: Dr. Dynasaur 317% = 104,610 for 4 < 150,000; no disability program listed.
    outcome = run(family("VT", disability="yes", gets_ssi="no")).outcome()
    katie = route(outcome, "katie_beckett")
    assert katie.program == "Vermont Medicaid (TEFRA / Katie Beckett or a waiver)"
    assert katie.reasons[0].startswith(
        "Ask Vermont's Medicaid agency whether it has TEFRA (also called Katie Beckett)"
    )


def test_nineteen_is_past_tefra_without_a_listed_program(run) -> None:
    # Born 2007-06-01: 19 on 2026-12-04. Vermont lists no program, so the federal TEFRA
    # age (under 19) applies; 138% for 19-20 = 45,540 < 150,000.
    outcome = run(family("VT", child_birth_date="06/01/2007", disability="yes", gets_ssi="no"))
    assert ruled_out(outcome.outcome(), "katie_beckett").reasons == [
        "TEFRA and Katie Beckett programs are for children under 19, and your child is 19."
    ]


def test_disability_question_only_when_it_matters(run) -> None:
    # $52,000 for 4 is within HUSKY A (66,330): the question would change nothing.
    interview = run(family("CT", income_amount="52000"))
    assert "disability" not in [q.id for q, _ in interview.transcript()]


def test_disability_no_rules_out_both_routes(run) -> None:
    outcome = run(family("CT", disability="no")).outcome()
    assert ruled_out(outcome, "katie_beckett").reasons == [
        "You said your child does not have a disability that needs a lot of care."
    ]
    assert ruled_out(outcome, "ssi_medicaid").reasons == [
        "SSI is for a child with a disability; you said your child does not have one that "
        "needs a lot of care."
    ]


# SSI ---------------------------------------------------------------------------------------


def test_ssi_brings_medicaid_in_a_1634_state(run) -> None:
    # Texas is in neither list of data/jurisdictions.yaml: SSI brings Medicaid.
    outcome = run(family("TX", disability="yes", gets_ssi="yes")).outcome()
    assert route_ids(outcome)[:2] == ["ssi_medicaid", "katie_beckett"]
    assert route(outcome, "ssi_medicaid").reasons[0] == (
        "In Texas, a child who gets SSI has Medicaid through it, without a separate "
        "application. If you have no Medicaid card, call the state Medicaid agency or Social "
        "Security."
    )


def test_ssi_criteria_state_needs_its_own_application(run) -> None:
    outcome = run(family("OK", disability="yes", gets_ssi="yes")).outcome()
    assert route(outcome, "ssi_medicaid").reasons[0] == (
        "In Oklahoma, SSI does not bring Medicaid by itself: apply to the state's Medicaid "
        "program as well. It uses SSI's rules, so a child on SSI should qualify."
    )


def test_209b_state_that_counts_children(run) -> None:
    # Illinois: All Kids 318% = 104,940 for 4 < 150,000.
    outcome = run(family("IL", disability="yes", gets_ssi="yes")).outcome()
    assert route(outcome, "ssi_medicaid").reasons[0] == (
        "Illinois uses rules of its own for Medicaid with SSI. Apply to the state's Medicaid "
        "program and say that your child gets SSI."
    )
    # Illinois lists two waivers; the route names both.
    assert route(outcome, "katie_beckett").program == (
        "Support Waiver for Children and Young Adults with Developmental Disabilities; "
        "Medically Fragile, Technology Dependent (MFTD) Waiver"
    )


def test_209b_state_that_does_not_count_children_under_18(run) -> None:
    # SSI brings no Medicaid there, so the route is ruled out, with the reason.
    outcome = run(family("CT", disability="yes", gets_ssi="yes")).outcome()
    assert ruled_out(outcome, "ssi_medicaid").reasons == [
        "Connecticut does not count a child under 18 as disabled for Medicaid, so SSI does not "
        "bring Medicaid here. Apply for children's Medicaid by income, and ask about the "
        "programs for children with disabilities."
    ]
    # At 18 (born 2008-06-01) the child counts as disabled there.
    adult = run(family("CT", child_birth_date="06/01/2008", disability="yes", gets_ssi="yes"))
    assert (
        route(adult.outcome(), "ssi_medicaid")
        .reasons[0]
        .startswith("Connecticut uses rules of its own for Medicaid with SSI.")
    )


# Full-price CHIP and the Marketplace ------------------------------------------------------------


def test_new_york_full_premium_child_health_plus(run) -> None:
    # $200,000 > 4.05 x 33,000 = 133,650 (Child Health Plus) > 1.54 x 33,000 = 50,820.
    outcome = run(family("NY", income_amount="200000", disability="no")).outcome()
    assert route_ids(outcome) == ["school", "chip_buy_in", "marketplace", "private_pay"]
    buy_in = route(outcome, "chip_buy_in")
    assert buy_in.program == "Child Health Plus (full premium)"
    assert buy_in.reasons[0].startswith(
        "New York lets families above the CHIP limit buy Child Health Plus (full premium) for "
        "their child at the full cost."
    )


def test_buy_in_not_offered_within_chip(run) -> None:
    # $120,000 <= 133,650: subsidized Child Health Plus, so no full-price route.
    outcome = run(family("NY", income_amount="120000", disability="no")).outcome()
    assert "chip" in route_ids(outcome)
    assert ruled_out(outcome, "chip_buy_in").reasons == [
        "Your household's income is within the Medicaid or CHIP limit, and they cost much less."
    ]


def test_marketplace_for_an_uninsured_child_above_the_limits(run) -> None:
    outcome = run(family("CT", disability="no")).outcome()
    marketplace = route(outcome, "marketplace")
    assert marketplace.reasons[0].startswith(
        "Plans sold on HealthCare.gov or a state's own marketplace must cover habilitative services"
    )
    # 150,000 / 33,000 = 4.5454... -> 454.5%, above HUSKY B's 323%.
    assert marketplace.reasons[1] == (
        "$150,000 a year for 4 people is above the Medicaid and CHIP limits for your child. "
        "HealthCare.gov shows what a plan would cost after any help your income gets."
    )


# Limits that sources dispute, and limits that change at a birthday ----------------------------


def test_income_between_disputed_figures(run) -> None:
    # Wyoming, ages 6 to 18: Medicaid 138% (45,540) per state sources, 205% (67,650) per
    # another; 55,000 falls between, so "may qualify". Kid Care CHIP 205% covers it too.
    # 55,000 / 33,000 = 1.6666... -> 166.7%.
    outcome = run(family("WY", income_amount="55000", disability="no")).outcome()
    assert route_ids(outcome) == ["medicaid_epsdt", "chip", "school", "private_pay"]
    assert route(outcome, "medicaid_epsdt").reasons == [
        "Your child may qualify: published figures disagree on this limit. Wyoming Medicaid is "
        "listed at 138% ($45,540 for 4) in one source and at 205% in another, and $55,000 a "
        "year for 4 people falls between them. Apply, or ask the state Medicaid agency which "
        "limit it uses."
    ]


def test_limit_drops_at_the_first_birthday(run) -> None:
    # Texas, born 2026-03-01: 0 on 2026-12-04, infant limit 203% = 66,990 >= 50,000.
    # From the 1st birthday (March 1, 2027): 149% = 49,170.
    outcome = run(family("TX", child_birth_date="03/01/2026", income_amount="50000")).outcome()
    assert route(outcome, "medicaid_epsdt").reasons[1] == (
        "The limit changes on the 1st birthday (March 1, 2027): from then Children's Medicaid "
        "covers up to 149% ($49,170 a year for 4)."
    )


def test_no_group_from_the_next_birthday(run) -> None:
    # Texas, born 2008-06-01: 18; 138% = 45,540 >= 40,000. Texas has no income group at 19.
    outcome = run(family("TX", child_birth_date="06/01/2008", income_amount="40000")).outcome()
    assert route(outcome, "medicaid_epsdt").reasons[1] == (
        "The limit changes on the 19th birthday (June 1, 2027): from then Texas has no "
        "Medicaid group based on income alone for young adults aged 19 and 20."
    )


# CHIP waiting periods -------------------------------------------------------------------


def test_chip_before_waiting_periods_ended(run) -> None:
    # On 2025-05-01 (2025 guideline for 4: 15,650 + 3 x 5,500 = 32,150): HUSKY A 2.01 x
    # 32,150 = 64,621.50 < 70,000 <= 3.23 x 32,150 = 103,844.50, HUSKY B. The child is 8.
    outcome = run(
        family("CT", income_amount="70000", disability="no"), as_of=date(2025, 5, 1)
    ).outcome()
    assert route(outcome, "chip").reasons[-1] == (
        "If your child had a job-based plan that ended recently, ask whether Connecticut makes "
        "children wait (up to 90 days) before CHIP; that ends by June 3, 2025."
    )


# Warnings about the data ------------------------------------------------------------------


def test_stale_guideline_warning_on_every_result(run) -> None:
    # On 2027-02-01 the newest guideline in the data is 2026's.
    outcome = run(family("CT", income_amount="52000"), as_of=date(2027, 2, 1)).outcome()
    assert outcome.notices[0] == (
        "The newest poverty guideline in this guide is from 2026; the 2027 figures may "
        "differ, so check every limit below with the program."
    )


def test_no_guideline_in_force(run) -> None:
    # The oldest guideline in the data takes effect on 2025-01-15.
    outcome = run(
        family("CT", income_amount="52000", child_birth_date="05/14/2016"),
        as_of=date(2025, 1, 14),
    ).outcome()
    assert outcome.notices[0] == (
        "This guide has no poverty guideline in force on January 14, 2025, so it cannot check "
        "Medicaid or CHIP income limits for that date. Ask the state Medicaid agency."
    )
    assert "medicaid_epsdt" not in [r.id for r in outcome.ruled_out]


# Medicaid for a child who already has a private plan -------------------------------------


def test_insured_child_above_the_federal_floor_may_qualify(run) -> None:
    # Kentucky (KCHIP, 218%), a 10-year-old, 4 people, $60,000 with a private plan:
    # 60,000 / 33,000 = 181.8%, within 218% (71,940) but above the 138% (45,540) every
    # state must cover whatever other coverage a child has; above it Kentucky may use
    # CHIP money, which needs an uninsured child. So "may qualify, ask first", and the
    # disability question is asked because Medicaid by income is not established.
    interview = run(
        family("KY", income_amount="60000", insurance=["private"], network="in", disability="no")
    )
    outcome = interview.outcome()
    assert [r.id for r in outcome.routes] == [
        "private_in_network",
        "medicaid_epsdt",
        "school",
        "private_pay",
    ]
    assert route(outcome, "medicaid_epsdt").reasons[1] == (
        "Your child may qualify, but ask first: above 138% of the guideline, Kentucky may pay "
        "for children's Medicaid with CHIP money, and that part, like CHIP, is only for "
        "children without other coverage. Ask the state Medicaid agency whether your child "
        "can have KCHIP alongside your current coverage."
    )


def test_insured_child_where_all_of_medicaid_is_medicaid_funded(run) -> None:
    # Connecticut has no CHIP-funded Medicaid (insured_up_to 201 = percent): $60,000 for
    # 4 (181.8%) with a private plan is plainly Medicaid as second payer.
    outcome = run(family("CT", income_amount="60000", insurance=["private"], network="in"))
    assert (
        route(outcome.outcome(), "medicaid_epsdt")
        .reasons[1]
        .startswith("Your child can have HUSKY A as well as the coverage you have now.")
    )


def test_insured_child_within_the_floor(run) -> None:
    # Kentucky, $45,540 for 4: exactly 138%, the floor; no doubt, Medicaid pays second.
    outcome = run(family("KY", income_amount="45540", insurance=["private"], network="in"))
    assert (
        route(outcome.outcome(), "medicaid_epsdt")
        .reasons[1]
        .startswith("Your child can have KCHIP as well as the coverage you have now.")
    )


# Coverage that is not what its name suggests -------------------------------------------------


def test_chip_inside_medicaid_is_medicaid(run) -> None:
    # California has no separate CHIP: a child "on CHIP" is in Medi-Cal, with EPSDT.
    outcome = run(family("CA", income_amount="60000", insurance=["chip"])).outcome()
    assert route_ids(outcome) == ["medicaid_epsdt", "school", "private_pay"]
    assert route(outcome, "medicaid_epsdt").reasons[:2] == [
        "In California, CHIP for children is part of Medi-Cal, so it follows Medicaid's rules, "
        "EPSDT included.",
        "Your child already has Medicaid. Use it: under EPSDT, Medicaid must cover OT that is "
        "medically necessary for anyone under 21, even beyond the limits it sets for adults.",
    ]


def test_ssi_for_a_young_adult_counts_only_their_own_means(run) -> None:
    # Wisconsin, 19 (born 2007-06-01): adults to 100% (33,000 for 4) < 150,000.
    outcome = run(
        family("WI", child_birth_date="06/01/2007", disability="yes", gets_ssi="no")
    ).outcome()
    assert ruled_out(outcome, "ssi_medicaid").reasons == [
        "Your child does not get SSI. From 18, SSI counts only the young adult’s own income "
        "and savings, not the parents’: ask Social Security."
    ]


def test_private_plan_and_medicare_for_kidney_failure_agree(run) -> None:
    outcome = run(
        family(
            "CT",
            insurance=["private"],
            network="in",
            kidney_failure="yes",
            disability="no",
        )
    ).outcome()
    assert route(outcome, "private_in_network").payment == [
        "Pays first during the first 30 months of Medicare for kidney failure; after that, "
        "Medicare pays first and this plan second."
    ]
    assert route(outcome, "medicare").payment == [
        "For the first 30 months of Medicare for kidney failure, your job-based group plan "
        "pays first and Medicare second; after that, Medicare pays first."
    ]


def test_chip_says_which_medicaid_limit_when_sources_disagree(run) -> None:
    # Wyoming, $55,000 for 4, between the two published Medicaid figures (see above).
    outcome = run(family("WY", income_amount="55000", disability="no")).outcome()
    assert (
        route(outcome, "chip")
        .reasons[0]
        .startswith(
            "$55,000 a year for 4 people is 166.7% of the 2026 poverty guideline: above the "
            "Medicaid limit this guide uses (sources disagree: see the Medicaid route), and within "
            "Kid Care CHIP's limit"
        )
    )


def test_insured_child_with_income_not_given(run) -> None:
    # Alaska, 4 people, a private plan, income not given. Denali KidCare goes to 208%, but
    # only the federal floor, 138% of Alaska's 41,250 = 56,925, is sure for an insured child.
    outcome = run(
        family(
            "AK",
            income_frequency="unknown",
            income_amount=None,
            insurance=["private"],
            network="in",
            disability="no",
        )
    ).outcome()
    assert route(outcome, "medicaid_epsdt").reasons[1] == (
        "With your current coverage, only the part up to 138% ($56,925 a year for 4) is sure: "
        "above it, Alaska may pay for children's Medicaid with CHIP money, which is only for "
        "children without other coverage, so ask first."
    )


def test_superbill_only_for_a_family_with_insurance(run) -> None:
    uninsured = route(run(family("CT", disability="no")).outcome(), "private_pay")
    assert not any("superbill" in question for question in uninsured.questions)
    insured = run(family("CT", insurance=["private"], network="out", disability="no"))
    assert any("superbill" in q for q in route(insured.outcome(), "private_pay").questions)


def test_rules_block_in_spanish(flow, data) -> None:
    interview = Interview(flow, data, date(2026, 12, 4), language="es")
    for answer in ("TX", "06/01/2007", "4", "year", "150000", ["none"], [], "no", "no"):
        assert interview.answer(answer).parsed.ok, interview.current
    figures = [item["figure"] for item in interview.outcome().rules["program_data"]]
    assert "Children's Medicaid, bebés menores de 1 año: 203%" in figures
    assert "Children's Medicaid, jóvenes de 19 y 20 años: sin grupo por ingresos" in figures
