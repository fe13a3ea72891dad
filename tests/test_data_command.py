"""`otguide data [STATE]`: the figures in force, with sources and dates, and flags on
stale or single-source figures."""

from __future__ import annotations

from datetime import date

import pytest

from otguide.cli import EXIT_BAD_INPUT, EXIT_OK, main
from otguide.programs.figures import ProgramData
from otguide.programs.report import ONE_SOURCE, STALE, months_before, state_report

HUSKY_A_1_TO_5 = (
    "  HUSKY A (medicaid), children aged 1 to 5: 201% of the guideline ($32,079.60 for 1, "
    "$66,330 for 4 a year) [income at the limit qualifies; includes the 5-point disregard; "
    "compared exactly]"
)


def test_connecticut_figures(capsys) -> None:
    assert main(["data", "CT", "--as-of", "2026-12-04"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Connecticut (CT): figures in force on 2026-12-04"
    # 2.01 x 15,960 = 32,079.60 and 2.01 x 33,000 = 66,330; the band was last confirmed
    # on 2025-01-01, within 24 months of 2026-12-04, so it carries no flag.
    assert HUSKY_A_1_TO_5 in lines
    source = lines[lines.index(HUSKY_A_1_TO_5) + 1]
    assert source.startswith("    since 2023-12-01, confirmed 2025-01-01: Medicaid.gov")
    assert (
        "  2026 HHS poverty guideline (contiguous): $15,960 for 1 person, +$5,680 for each "
        "additional person" in lines
    )
    # HUSKY D rests on one source.
    husky_d = next(line for line in lines if line.startswith("  HUSKY D (medicaid)"))
    assert husky_d.endswith("  [ONE SOURCE]")
    assert any(
        line.startswith("  Katie Beckett Waiver: disability medicaid; premiums") for line in lines
    )
    assert lines[-1].startswith("Flags: ")


def test_figures_go_stale_with_time(data: ProgramData) -> None:
    # The HUSKY A bands were confirmed on 2025-01-01: stale once that is more than 24
    # months before the as-of date, that is from 2027-01-02.
    def husky_a_flags(on: date) -> tuple[str, ...]:
        limits = next(s for s in state_report(data, "CT", on) if s.title == "Income limits")
        return limits.figures[1].flags

    assert STALE not in husky_a_flags(date(2027, 1, 1))
    assert STALE in husky_a_flags(date(2027, 1, 2))
    assert ONE_SOURCE not in husky_a_flags(date(2027, 1, 2))


def test_a_guideline_older_than_the_year_is_flagged(capsys) -> None:
    assert main(["data", "CT", "--as-of", "2027-02-01"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "  2026 HHS poverty guideline (contiguous)" in out
    assert "[OLDER THAN 2027]" in out


def test_state_by_name(capsys) -> None:
    assert main(["data", "texas", "--as-of", "2026-12-04"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("Texas (TX): figures in force on 2026-12-04")
    # Texas has no income group at 19 and 20.
    assert (
        "  Children's Medicaid (medicaid), young adults aged 19 and 20: no group based on income"
        in out
    )


def test_unknown_state(capsys) -> None:
    assert main(["data", "Atlantis"]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == (
        "'Atlantis' is not a US state or DC; give a two-letter code like CT.\n"
    )


def test_summary_of_every_state(capsys) -> None:
    assert main(["data", "--as-of", "2026-12-04"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("Program data as of 2026-12-04")
    lines = out.splitlines()
    summary = [line for line in lines if len(line) > 4 and line[2:4] == "  " and line[:2].isupper()]
    assert len(summary) == 51
    assert any(
        line.startswith("CT  Connecticut: medicaid up to 201%, chip up to 323%;")
        for line in summary
    )
    assert any(line.startswith("AK  Alaska: medicaid up to 208%, no chip;") for line in summary)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 12, 4), 24, date(2024, 12, 4)),
        (date(2027, 3, 31), 1, date(2027, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 2, 29)),
        (date(2026, 1, 15), 13, date(2024, 12, 15)),
    ],
)
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


def test_misspelled_state_gets_a_suggestion(capsys) -> None:
    assert main(["data", "Texsa"]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == (
        "'Texsa' is not a US state or DC; give a two-letter code like CT. Did you mean Texas?\n"
    )


def test_no_guideline_in_force(capsys) -> None:
    # The data's guidelines start on 2025-01-15: limits are shown as percents only.
    assert main(["data", "TX", "--as-of", "2024-06-01"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Poverty guideline: none in force on 2024-06-01" in out
    assert (
        "  Children's Medicaid (medicaid), babies under 1: 203% of the guideline [income at "
        "the limit qualifies; includes the 5-point disregard; compared exactly]" in out
    )
    assert "( a year)" not in out


def test_summary_shows_the_three_poverty_tables(capsys) -> None:
    assert main(["data", "--as-of", "2026-12-04"]) == EXIT_OK
    out = capsys.readouterr().out
    for region, first, each in (
        ("contiguous", "$15,960", "$5,680"),
        ("alaska", "$19,950", "$7,100"),
        ("hawaii", "$18,360", "$6,530"),
    ):
        assert (
            f"  2026 HHS poverty guideline ({region}): {first} for 1 person, +{each} for each "
            "additional person" in out
        )
