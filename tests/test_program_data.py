"""The program figures in data/: guideline amounts, state limits, and load errors.

Expected amounts come from the HHS tables in the Federal Register notices (see data/poverty_guidelines.yaml):
FPL(n) = first_person + (n - 1) x each_additional_person.
"""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from otguide import resources
from otguide.expressions import format_limit_percent
from otguide.problems import Problem, ProblemsFound
from otguide.programs.data import load_program_data
from otguide.programs.figures import NoGuideline, ProgramData

AS_OF = date(2026, 12, 4)
PERCENT_MESSAGE = (
    "Write a percentage as a whole number, or in quotes like '157.5', so it stays exact."
)


def test_load_program_data(data: ProgramData) -> None:
    assert sorted(data.states) == sorted(data.jurisdictions)
    # 50 states and DC.
    assert len(data.jurisdictions) == 51
    assert data.jurisdictions["AK"].poverty_region == "alaska"
    assert data.jurisdictions["HI"].poverty_region == "hawaii"
    assert data.jurisdictions["DC"].poverty_region == "contiguous"
    assert sorted(t.year for t in data.guidelines) == [2025, 2026]
    assert data.federal["early_intervention"].until_birthday == 3
    assert data.federal["epsdt"].until_birthday == 21
    assert data.federal["school"].from_birthday == 3
    assert data.federal["medicare_disabled_adult_child"].from_birthday == 20


@pytest.mark.parametrize(
    ("state", "size", "amount"),
    [
        # contiguous: 15,960 + (n - 1) x 5,680
        ("CT", 1, 15960),
        ("CT", 4, 33000),  # 15,960 + 3 x 5,680 = 15,960 + 17,040
        ("CT", 8, 55720),  # 15,960 + 7 x 5,680 = 15,960 + 39,760
        ("CT", 12, 78440),  # 15,960 + 11 x 5,680 = 15,960 + 62,480
        ("DC", 4, 33000),
        # Alaska: 19,950 + (n - 1) x 7,100
        ("AK", 1, 19950),
        ("AK", 4, 41250),  # 19,950 + 21,300
        ("AK", 8, 69650),  # 19,950 + 49,700
        ("AK", 12, 98050),  # 19,950 + 78,100
        # Hawaii: 18,360 + (n - 1) x 6,530
        ("HI", 1, 18360),
        ("HI", 4, 37950),  # 18,360 + 19,590
        ("HI", 8, 64070),  # 18,360 + 45,710
        ("HI", 12, 90190),  # 18,360 + 71,830
    ],
)
def test_2026_guideline(data: ProgramData, state: str, size: int, amount: int) -> None:
    guideline = data.guideline(state, size, AS_OF)
    assert guideline.year == 2026
    assert guideline.effective == date(2026, 1, 13)
    assert guideline.household_size == size
    assert guideline.amount == Decimal(amount)


@pytest.mark.parametrize(
    ("state", "amount"),
    [
        ("CT", 32150),  # 15,650 + 3 x 5,500 = 15,650 + 16,500
        ("AK", 40190),  # 19,550 + 3 x 6,880 = 19,550 + 20,640
        ("HI", 36980),  # 17,990 + 3 x 6,330 = 17,990 + 18,990
    ],
)
def test_2025_guideline_for_four(data: ProgramData, state: str, amount: int) -> None:
    guideline = data.guideline(state, 4, date(2025, 6, 1))
    assert guideline.year == 2025
    assert guideline.amount == Decimal(amount)


def test_guideline_switch_dates(data: ProgramData) -> None:
    assert data.guideline_table(date(2026, 1, 12)).year == 2025
    assert data.guideline_table(date(2026, 1, 13)).year == 2026
    assert data.guideline_table(date(2025, 1, 15)).year == 2025
    with pytest.raises(NoGuideline):
        data.guideline_table(date(2025, 1, 14))


def test_connecticut_bands(data: ProgramData) -> None:
    ct = data.states["CT"]
    assert [(b.program, b.from_age, b.below_age, b.percent) for b in ct.limits["medicaid"]] == [
        ("HUSKY A", 0, 1, Decimal(201)),
        ("HUSKY A", 1, 6, Decimal(201)),
        ("HUSKY A", 6, 19, Decimal(201)),
        ("HUSKY D", 19, 21, Decimal(138)),
    ]
    assert ct.band("medicaid", 18).program == "HUSKY A"
    assert ct.band("medicaid", 19).program == "HUSKY D"
    assert ct.band("medicaid", 21) is None
    assert ct.band("chip", 18).percent == Decimal(323)
    assert ct.band("chip", 19) is None
    assert ct.program("chip").name == "HUSKY B"
    assert ct.program("early_intervention").family_cost == "free"


def test_limits_are_inclusive_and_exact(data: ProgramData) -> None:
    husky_a = data.states["CT"].band("medicaid", 10)
    one = data.guideline("CT", 1, AS_OF)
    # 2.01 x 15,960 = 32,079.60: that income qualifies, one cent more does not.
    assert husky_a.limit(one) == Decimal("32079.60")
    assert husky_a.highest_income(one) == Decimal("32079.60")
    assert husky_a.admits(Decimal("32079.60"), one)
    assert not husky_a.admits(Decimal("32079.61"), one)
    # 12 people: 2.01 x 78,440 = 157,664.40.
    twelve = data.guideline("CT", 12, AS_OF)
    assert husky_a.highest_income(twelve) == Decimal("157664.40")
    assert husky_a.admits(Decimal("157664.40"), twelve)
    assert not husky_a.admits(Decimal("157664.41"), twelve)


# Broken data folders ---------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/; the working folder is its parent, so files read as data/..."""
    shutil.copytree(resources.data_dir(), tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def problems(directory: Path) -> list[Problem]:
    with pytest.raises(ProblemsFound) as raised:
        load_program_data(directory)
    return raised.value.problems


def test_copied_data_loads(data_copy: Path) -> None:
    assert sorted(load_program_data(data_copy).states) == sorted(
        load_program_data(data_copy).jurisdictions
    )


def test_state_program_without_a_source(data_copy: Path) -> None:
    path = data_copy / "states" / "CT.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("  birth_to_three:")
    source = next(i for i in range(start, len(lines)) if lines[i] == "    source:")
    # Drop `source:` with its title and url lines.
    assert lines[source + 1].startswith("      title:")
    assert lines[source + 2].startswith("      url:")
    del lines[source : source + 3]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # The program's mapping starts on the line after `  birth_to_three:` (0-based start + 1,
    # so 1-based start + 2), in column 5.
    assert problems(data_copy) == [
        Problem(
            "data/states/CT.yaml",
            start + 2,
            5,
            "programs > birth_to_three needs the key 'source'.",
        )
    ]


def test_percent_written_as_a_float(data_copy: Path) -> None:
    path = data_copy / "states" / "CT.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = lines.index("      percent: 323")
    lines[index] = "      percent: 157.5"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # `      percent: ` is 15 characters: the value starts in column 16.
    assert problems(data_copy) == [
        Problem(
            "data/states/CT.yaml",
            index + 1,
            16,
            f"income_limits > chip > 0 > percent: {PERCENT_MESSAGE}",
        )
    ]


def test_percent_in_quotes_stays_exact(data_copy: Path) -> None:
    path = data_copy / "states" / "CT.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("      percent: 323\n") == 1
    path.write_text(text.replace("      percent: 323\n", '      percent: "157.5"\n'))
    loaded = load_program_data(data_copy)
    chip = loaded.states["CT"].band("chip", 5)
    assert chip.percent == Decimal("157.5")
    assert format_limit_percent(chip.percent) == "157.5%"
    # 1.575 x 33,000 = 51,975 exactly.
    four = loaded.guideline("CT", 4, AS_OF)
    assert chip.admits(Decimal("51975.00"), four)
    assert not chip.admits(Decimal("51975.01"), four)


def test_unknown_state_code(data_copy: Path) -> None:
    text = (data_copy / "states" / "CT.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    index = lines.index("state: CT")
    (data_copy / "states" / "ZZ.yaml").write_text(text.replace("state: CT", "state: ZZ", 1))
    # `state: ` is 7 characters: the value starts in column 8.
    assert problems(data_copy) == [
        Problem("data/states/ZZ.yaml", index + 1, 8, "'ZZ' is not a US state or DC.")
    ]


def test_state_file_with_the_wrong_name(data_copy: Path) -> None:
    text = (data_copy / "states" / "CT.yaml").read_text(encoding="utf-8")
    index = text.splitlines().index("state: CT")
    (data_copy / "states" / "NY.yaml").write_text(text)
    assert problems(data_copy) == [
        Problem("data/states/NY.yaml", index + 1, 8, "this file is for CT; name it CT.yaml.")
    ]


def test_problems_in_several_files_are_reported_together(data_copy: Path) -> None:
    ct = data_copy / "states" / "CT.yaml"
    text = ct.read_text(encoding="utf-8")
    (data_copy / "states" / "ZZ.yaml").write_text(text.replace("state: CT", "state: ZZ", 1))
    ct.write_text(text.replace("      percent: 323\n", "      percent: 157.5\n"))
    found = problems(data_copy)
    assert [p.file for p in found] == ["data/states/CT.yaml", "data/states/ZZ.yaml"]


def test_guideline_listed_twice(data_copy: Path) -> None:
    path = data_copy / "poverty_guidelines.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    index = lines.index("  - year: 2025")
    lines[index] = "  - year: 2026"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # `  - year: ` is 10 characters: the value starts in column 11.
    assert problems(data_copy) == [
        Problem(
            "data/poverty_guidelines.yaml",
            index + 1,
            11,
            "the 2026 guideline is listed twice.",
        )
    ]
