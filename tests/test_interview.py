"""Moving through the interview: order, conditions, going back, changing and skipping."""

from __future__ import annotations

from datetime import date

from otguide.engine import Interview

# A 3-year-old in Connecticut: born 2023-05-14, so 3 on 2026-12-04.
UNINSURED = [
    ("state", "CT"),
    ("child_birth_date", "05/14/2023"),
    ("household_size", "4"),
    ("income_frequency", "year"),
    ("income_amount", "52000"),
    ("insurance", ["none"]),
]


def ids(questions) -> list[str]:
    return [q.id for q in questions]


def answer_all(interview: Interview, pairs) -> None:
    for question_id, raw in pairs:
        assert interview.current is not None
        assert interview.current.id == question_id
        change = interview.answer(raw)
        assert change.parsed.ok, change.parsed.error


def test_first_question_is_state(interview: Interview) -> None:
    assert interview.current is not None
    assert interview.current.id == "state"
    assert not interview.finished


def test_order_without_private_insurance(interview: Interview) -> None:
    # network needs 'private' in insurance; disability_benefits needs age >= 20 (age 3 here).
    answer_all(interview, [*UNINSURED, ("diagnoses", []), ("kidney_failure", "no")])
    assert interview.finished
    assert interview.current is None
    assert ids(q for q, _ in interview.transcript()) == [
        "state",
        "child_birth_date",
        "household_size",
        "income_frequency",
        "income_amount",
        "insurance",
        "diagnoses",
        "kidney_failure",
    ]


def test_network_asked_only_with_private(interview: Interview) -> None:
    answer_all(interview, UNINSURED[:5])
    answer_all(interview, [("insurance", ["private", "medicaid"])])
    assert interview.current.id == "network"
    answer_all(interview, [("network", "in"), ("diagnoses", ["F84.0"]), ("kidney_failure", "no")])
    assert interview.finished
    assert "network" in ids(interview.path())


def test_network_not_on_path_for_medicaid_only(interview: Interview) -> None:
    answer_all(interview, [*UNINSURED[:5], ("insurance", ["medicaid"])])
    assert interview.current.id == "diagnoses"
    assert "network" not in ids(interview.path())


def test_back_keeps_later_answers(interview: Interview) -> None:
    answer_all(interview, UNINSURED[:5])
    assert interview.current.id == "insurance"
    assert interview.back() is True
    assert interview.current.id == "income_amount"
    assert interview.back() is True
    assert interview.current.id == "income_frequency"
    # The later answers are still there.
    assert interview.answers["income_frequency"].shown == "A total for the year"
    assert interview.answers["income_amount"].shown == "$52,000"


def test_back_at_first_question(interview: Interview) -> None:
    assert interview.back() is False
    assert interview.current.id == "state"


def test_answer_after_back_walks_forward_through_given_answers(interview: Interview) -> None:
    answer_all(interview, UNINSURED[:5])
    for _ in range(4):
        interview.back()
    assert interview.current.id == "child_birth_date"
    interview.answer("06/01/2023")
    # The next question, household_size, was answered already: it comes up again with
    # its answer kept, and so do the income answers after it.
    assert interview.current.id == "household_size"
    assert interview.answers["household_size"].value == 4
    interview.answer("5")
    assert interview.current.id == "income_frequency"
    interview.answer("year")
    assert interview.current.id == "income_amount"
    assert interview.answers["income_amount"].value == 52000
    interview.answer("52000")
    # income_amount was the last answered question: on to the first unanswered one.
    assert interview.current.id == "insurance"
    assert interview.answers["child_birth_date"].value == date(2023, 6, 1)
    assert interview.answers["household_size"].value == 5


def test_bad_answer_does_not_move(interview: Interview) -> None:
    change = interview.answer("Atlantis")
    assert not change.parsed.ok
    assert interview.current.id == "state"
    assert "state" not in interview.answers


def test_change_insurance_drops_network(interview: Interview) -> None:
    answer_all(
        interview,
        [
            *UNINSURED[:5],
            ("insurance", ["private"]),
            ("network", "out"),
            ("diagnoses", []),
            ("kidney_failure", "no"),
        ],
    )
    change = interview.change("insurance", ["none"])
    assert change.parsed.ok
    assert ids(change.dropped) == ["network"]
    assert "network" not in interview.answers
    assert interview.answers["insurance"].value == ["none"]
    # Everything else stays, and the interview is still complete.
    assert sorted(interview.answers) == [
        "child_birth_date",
        "diagnoses",
        "household_size",
        "income_amount",
        "income_frequency",
        "insurance",
        "kidney_failure",
        "state",
    ]
    assert interview.finished


def test_change_insurance_to_private_asks_network(interview: Interview) -> None:
    answer_all(interview, [*UNINSURED, ("diagnoses", []), ("kidney_failure", "no")])
    change = interview.change("insurance", ["private"])
    assert change.dropped == []
    assert interview.current.id == "network"


def test_change_state_keeps_other_answers(interview: Interview) -> None:
    answer_all(interview, [*UNINSURED, ("diagnoses", []), ("kidney_failure", "no")])
    before = {qid: a.value for qid, a in interview.answers.items() if qid != "state"}
    change = interview.change("state", "New York")
    assert change.parsed.ok
    assert change.dropped == []
    assert interview.answers["state"].value == "NY"
    assert {qid: a.value for qid, a in interview.answers.items() if qid != "state"} == before


def test_bad_change_keeps_the_old_answer(interview: Interview) -> None:
    answer_all(interview, UNINSURED[:5])
    change = interview.change("household_size", "0")
    assert not change.parsed.ok
    assert interview.answers["household_size"].value == 4


def test_skip_optional_diagnoses(interview: Interview) -> None:
    answer_all(interview, UNINSURED)
    assert interview.current.id == "diagnoses"
    change = interview.skip()
    assert change.parsed.ok
    assert interview.answers["diagnoses"].skipped is True
    assert interview.answers["diagnoses"].value == []
    assert interview.current.id == "kidney_failure"


def test_required_question_cannot_be_skipped(interview: Interview) -> None:
    change = interview.skip()
    assert change.parsed.error == "Please answer this question to go on."
    assert interview.current.id == "state"


def _through_kidney(interview: Interview, birth: str) -> None:
    answer_all(
        interview,
        [
            ("state", "CT"),
            ("child_birth_date", birth),
            ("household_size", "4"),
            ("income_frequency", "year"),
            ("income_amount", "40000"),
            ("insurance", ["none"]),
            ("diagnoses", []),
            ("kidney_failure", "no"),
        ],
    )


def test_disability_benefits_asked_at_20(interview: Interview) -> None:
    # Born 2006-12-04: 20th birthday on the as-of date 2026-12-04, so age 20 >= 20.
    _through_kidney(interview, "12/04/2006")
    assert interview.current.id == "disability_benefits"
    interview.answer("no")
    assert interview.finished


def test_disability_benefits_not_asked_at_19(interview: Interview) -> None:
    # Born 2006-12-05: turns 20 on 2026-12-05, so 19 on 2026-12-04.
    _through_kidney(interview, "12/05/2006")
    assert interview.finished
    assert "disability_benefits" not in ids(interview.path())


def test_changing_birth_date_drops_disability_benefits(interview: Interview) -> None:
    _through_kidney(interview, "12/04/2006")
    interview.answer("yes")
    change = interview.change("child_birth_date", "05/14/2023")
    assert ids(change.dropped) == ["disability_benefits"]
    assert "disability_benefits" not in interview.answers


def test_missing_lists_unanswered_questions(interview: Interview) -> None:
    answer_all(interview, UNINSURED[:2])
    outcome = interview.outcome()
    # household_size, income_frequency, insurance, diagnoses and kidney_failure are still
    # open; income_amount, network, disability_benefits and disability cannot be decided
    # yet, so they are not listed.
    assert [m.id for m in outcome.missing] == [
        "household_size",
        "income_frequency",
        "insurance",
        "diagnoses",
        "kidney_failure",
    ]


def test_reset(interview: Interview) -> None:
    answer_all(interview, UNINSURED[:5])
    interview.back()
    interview.reset()
    assert interview.answers == {}
    assert interview.current.id == "state"
    assert interview.back() is False


def test_changing_the_pay_period_asks_the_amount_again(interview: Interview) -> None:
    # $52,000 a year is not $52,000 a month: the amount is dropped and asked again.
    answer_all(interview, [*UNINSURED, ("diagnoses", []), ("kidney_failure", "no")])
    change = interview.change("income_frequency", "month")
    assert ids(change.dropped) == ["income_amount"]
    assert "income_amount" not in interview.answers
    assert interview.current.id == "income_amount"
    assert interview.prompt(interview.current) == (
        "About how much does your household earn in a month, before taxes?"
    )


def test_the_same_pay_period_keeps_the_amount(interview: Interview) -> None:
    answer_all(interview, [*UNINSURED, ("diagnoses", []), ("kidney_failure", "no")])
    change = interview.change("income_frequency", "year")
    assert change.dropped == []
    assert interview.answers["income_amount"].shown == "$52,000"


def test_from_hourly_to_monthly_drops_amount_and_hours(interview: Interview) -> None:
    answer_all(
        interview,
        [
            *UNINSURED[:3],
            ("income_frequency", "hour"),
            ("income_amount", "15.50"),
            ("hours_per_week", "37.5"),
        ],
    )
    change = interview.change("income_frequency", "month")
    # The amount was hourly pay; the hours apply only to hourly pay.
    assert ids(change.dropped) == ["income_amount", "hours_per_week"]
