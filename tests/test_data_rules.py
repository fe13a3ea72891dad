"""Rule semantics that live in the data: rounding, coverage, disputed figures, SSI
groups, pay periods and the leap-day birthday, and the checks that guard them."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from otguide import resources
from otguide.engine import Interview
from otguide.flow.model import Flow
from otguide.problems import Problem, ProblemsFound
from otguide.programs import ages
from otguide.programs.data import load_program_data
from otguide.programs.figures import Dispute, ProgramData

AS_OF = date(2026, 12, 4)


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/; the working folder is its parent, so files read as data/..."""
    shutil.copytree(resources.data_dir(), tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def edit(path: Path, old: str, new: str) -> int:
    """Replace the one line `old` with `new`; returns its 1-based line number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = lines.index(old)
    lines[index] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index + 1


def problems(directory: Path) -> list[Problem]:
    with pytest.raises(ProblemsFound) as raised:
        load_program_data(directory)
    return raised.value.problems


# Rounding -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rounding", "limit", "admits_at_cents"),
    [
        # 2025 guideline for 1: 15,650. 2.01 x 15,650 = 31,456.50 exactly.
        ("none", Decimal("31456.50"), True),
        ("down_to_dollar", Decimal("31456"), False),
        ("up_to_dollar", Decimal("31457"), True),
        ("half_up_to_dollar", Decimal("31457"), True),
    ],
)
def test_rounding_modes(
    data: ProgramData, rounding: str, limit: Decimal, admits_at_cents: bool
) -> None:
    band = replace(data.states["CT"].band("medicaid", 10), rounding=rounding)
    one = data.guideline("CT", 1, date(2025, 6, 1))
    assert one.amount == Decimal(15650)
    assert band.limit(one) == limit
    assert band.admits(Decimal("31456.50"), one) is admits_at_cents
    assert band.admits(limit, one)
    assert not band.admits(limit + Decimal("0.01"), one)


def test_exclusive_limit(data: ProgramData) -> None:
    # 2.01 x 33,000 = 66,330: with `inclusive: false` the highest income is a cent below.
    band = replace(data.states["CT"].band("medicaid", 10), inclusive=False)
    four = data.guideline("CT", 4, AS_OF)
    assert not band.admits(Decimal("66330"), four)
    assert band.admits(Decimal("66329.99"), four)
    assert band.highest_income(four) == Decimal("66329.99")


def test_rounding_declared_in_the_file_reaches_the_band(data_copy: Path) -> None:
    path = data_copy / "states" / "CT.yaml"
    edit(path, "  rounding: none", "  rounding: down_to_dollar")
    band = load_program_data(data_copy).states["CT"].band("chip", 3)
    assert band.rounding == "down_to_dollar"


def test_unknown_rounding_is_reported(data_copy: Path) -> None:
    line = edit(data_copy / "states" / "CT.yaml", "  rounding: none", "  rounding: nearest")
    assert problems(data_copy) == [
        Problem(
            "data/states/CT.yaml",
            line,
            13,
            "limit_rules > rounding is 'nearest'; it should be one of: none, down_to_dollar, "
            "up_to_dollar, half_up_to_dollar.",
        )
    ]


# Coverage and disputes ----------------------------------------------------------------------


def test_band_without_a_group(data: ProgramData) -> None:
    band = data.states["TX"].band("medicaid", 19)
    assert band is not None and not band.covered and band.percent is None
    with pytest.raises(ValueError, match="has no income limit"):
        band.limit(data.guideline("TX", 4, AS_OF))


def test_uncovered_band_with_a_percent_is_reported(data_copy: Path) -> None:
    path = data_copy / "states" / "CT.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("      percent: 138\n", "      percent: 138\n      covered: false\n")
    )
    found = problems(data_copy)
    assert [p.message for p in found] == [
        "this band has no limit: drop 'percent' (covered: False)."
    ]


def test_band_without_a_percent_is_reported(data_copy: Path) -> None:
    path = data_copy / "states" / "CT.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = lines.index("      percent: 323")
    del lines[index]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [p.message for p in problems(data_copy)] == [
        "this band needs a 'percent' (covered: True)."
    ]


def test_disputed_limit(data: ProgramData) -> None:
    # Wyoming 6 to 18: 138% (45,540 for 4), disputed 205% (67,650).
    band = data.states["WY"].band("medicaid", 10)
    four = data.guideline("WY", 4, AS_OF)
    assert isinstance(band.disputed, Dispute)
    assert not band.in_dispute(Decimal("45540"), four)  # both figures admit it
    assert band.in_dispute(Decimal("45540.01"), four)
    assert band.in_dispute(Decimal("67650"), four)
    assert not band.in_dispute(Decimal("67650.01"), four)  # both refuse it


# Programs and SSI groups ------------------------------------------------------------------------


def test_disability_program_needs_a_pathway(data_copy: Path) -> None:
    path = data_copy / "states" / "CT.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    pathway: waiver\n", "", 1))
    assert [p.message for p in problems(data_copy)] == [
        "katie_beckett_waiver needs a 'pathway' (tefra, waiver or look_alike)."
    ]


def test_ssi_groups(data: ProgramData) -> None:
    assert data.jurisdictions["TX"].ssi_medicaid == "automatic"
    assert data.jurisdictions["AK"].ssi_medicaid == "ssi_criteria"
    assert data.jurisdictions["IL"].ssi_medicaid == "section_209b"
    assert data.jurisdictions["IL"].ssi_children_disabled
    assert not data.jurisdictions["CT"].ssi_children_disabled
    groups = {code: j.ssi_medicaid for code, j in data.jurisdictions.items()}
    assert sorted(code for code, group in groups.items() if group == "section_209b") == [
        "CT",
        "HI",
        "IL",
        "MN",
        "MO",
        "ND",
        "NH",
        "VA",
    ]


def test_state_in_two_ssi_groups_is_reported(data_copy: Path) -> None:
    path = data_copy / "jurisdictions.yaml"
    line = edit(
        path,
        "    states: [AK, ID, KS, NE, NV, OK, OR, UT]",
        "    states: [AK, ID, KS, NE, NV, OK, OR, UT, CT]",
    )
    # CT stays in the first list that names it; the section_209b list below repeats it.
    # `    states: [` is 13 characters, so its first item, CT, starts in column 14.
    lines = (data_copy / "jurisdictions.yaml").read_text(encoding="utf-8").splitlines()
    repeat = lines.index("    states: [CT, HI, IL, MN, MO, ND, NH, VA]") + 1
    assert repeat > line
    assert problems(data_copy) == [
        Problem("data/jurisdictions.yaml", repeat, 14, "'CT' is in two SSI groups.")
    ]


# Pay periods and the leap-day birthday --------------------------------------------------------


def test_yearly_income(data: ProgramData) -> None:
    periods = data.income_periods
    assert periods.yearly(Decimal("1846.15"), "every_two_weeks") == Decimal("47999.90")
    assert periods.yearly(Decimal("15.50"), "hour", Decimal("37.5")) == Decimal("30225.000")
    with pytest.raises(ValueError, match="'fortnight' is not an income period"):
        periods.yearly(Decimal(1), "fortnight")


def test_leap_day_rules() -> None:
    born = date(2024, 2, 29)
    assert ages.birthday(born, 3) == date(2027, 3, 1)
    assert ages.birthday(born, 3, ages.FEBRUARY_28) == date(2027, 2, 28)
    assert ages.birthday(born, 4) == date(2028, 2, 29)  # 2028 is a leap year
    assert ages.age_in_years(born, date(2027, 2, 28)) == 2
    assert ages.age_in_years(born, date(2027, 2, 28), ages.FEBRUARY_28) == 3


def test_leap_day_rule_comes_from_the_data(data_copy: Path, flow: Flow) -> None:
    # With `leap_day_birthday: february_28`, a child born 2024-02-29 is 3 on 2027-02-28:
    # Early Intervention is over and school OT has begun.
    edit(
        data_copy / "federal.yaml",
        "  leap_day_birthday: march_1",
        "  leap_day_birthday: february_28",
    )
    data = load_program_data(data_copy)
    interview = Interview(flow, data, date(2027, 2, 28))
    for answer in ("CT", "02/29/2024", "4", "year", "52000", ["none"], [], "no"):
        assert interview.answer(answer).parsed.ok
    routes = [route.id for route in interview.outcome().routes]
    assert routes == ["medicaid_epsdt", "school", "private_pay"]


def test_limit_without_a_date_is_reported(data_copy: Path) -> None:
    path = data_copy / "states" / "TX.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("  chip:")
    index = next(i for i in range(start, len(lines)) if lines[i].startswith("      effective:"))
    del lines[index]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # The problem points at the band: its first key, after `    - `.
    found = problems(data_copy)
    assert len(found) == 1
    assert found[0].file == "data/states/TX.yaml"
    assert found[0].message == "income_limits > chip > 0 needs the key 'effective'."
    assert lines[found[0].line - 1].startswith("    - program:")


def test_every_figure_has_a_source_and_a_date(data: ProgramData) -> None:
    provenances = [table.provenance for table in data.guidelines]
    provenances += [rule.provenance for rule in data.federal.values()]
    for state in data.states.values():
        provenances += [program.provenance for program in state.programs.values()]
        provenances += [band.provenance for bands in state.limits.values() for band in bands]
    assert len(provenances) > 51 * 5
    for provenance in provenances:
        assert provenance.source_url.startswith(("http://", "https://"))
        assert provenance.source_title
        assert isinstance(provenance.effective, date)


def test_a_file_that_leaves_the_disregard_out_gets_it_once(data_copy: Path) -> None:
    # Medicaid.gov prints Connecticut's base standard, 196%. Stored that way, with
    # `includes_disregard: false`, the guide adds the 5 points from federal.yaml once:
    # 201% of 33,000 = 66,330 for 4, the same limit as the file's own 201%.
    path = data_copy / "states" / "CT.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  includes_disregard: true\n", "  includes_disregard: false\n", 1
    )
    text = text.replace("      percent: 201\n", "      percent: 196\n")
    text = text.replace("      insured_up_to: 201\n", "      insured_up_to: 196\n")
    text = text.replace("      percent: 323\n", "      percent: 318\n")
    text = text.replace("      percent: 138\n", "      percent: 133\n")
    path.write_text(text, encoding="utf-8")
    data = load_program_data(data_copy)
    band = data.states["CT"].band("medicaid", 3)
    assert band.percent == Decimal(201)
    assert band.insured_up_to == Decimal(201)
    assert band.disregard_added == Decimal(5)
    assert band.highest_income(data.guideline("CT", 4, AS_OF)) == Decimal("66330.00")
    assert data.states["CT"].band("chip", 3).percent == Decimal(323)


def test_federal_rules_must_give_the_disregard(data_copy: Path) -> None:
    path = data_copy / "federal.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  magi_disregard:\n")
    path.write_text(text[:start], encoding="utf-8")
    assert [p.message for p in problems(data_copy)] == [
        "rules needs 'magi_disregard' with its percent: state files that leave the disregard "
        "out of their limits rely on it."
    ]
