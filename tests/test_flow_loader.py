"""Loading a flow: every mistake is reported with file, line and column.

The broken flows start from tests/fixtures/mini/flow.yaml (46 lines; the numbers in the
comments are its lines) and change one line. The tests run inside the copy, so the file
is reported as "flow.yaml".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from otguide.flow.loader import load_flow
from otguide.problems import Problem, ProblemsFound
from otguide.resources import default_flow

MINI = Path(__file__).parent / "fixtures" / "mini"
HELPERS = (
    "age_in_months, age_in_years, birthday, federal_rule, has_program_data, income_limit, "
    "jurisdiction, percent_of_guideline, poverty_guideline, state_name, state_program, "
    "state_programs, "
    "yearly_income"
)


@pytest.fixture
def mini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the mini flow and its templates; the working folder is the copy."""
    shutil.copytree(MINI, tmp_path / "mini")
    monkeypatch.chdir(tmp_path / "mini")
    return tmp_path / "mini" / "flow.yaml"


def replace_line(path: Path, number: int, text: str) -> Path:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[number - 1] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def problems(path: Path) -> list[Problem]:
    with pytest.raises(ProblemsFound) as raised:
        load_flow(path)
    return raised.value.problems


def test_default_flow_loads() -> None:
    flow = load_flow(default_flow())
    assert flow.id == "intake"
    assert flow.version == "2.0.0"
    assert [q.id for q in flow.questions] == [
        "state",
        "child_birth_date",
        "household_size",
        "income_frequency",
        "income_amount",
        "hours_per_week",
        "insurance",
        "network",
        "diagnoses",
        "kidney_failure",
        "disability_benefits",
        "disability",
        "gets_ssi",
    ]
    assert [r.id for r in flow.routes] == [
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
    assert [r.rank for r in flow.routes] == [10, 15, 18, 20, 30, 31, 32, 35, 40, 50, 60, 70, 90]


def test_mini_flow_loads(mini: Path) -> None:
    flow = load_flow(mini)
    assert [q.id for q in flow.questions] == ["state", "years", "covered", "plan"]
    assert flow.question("years").line == 12
    assert [r.id for r in flow.routes] == ["early", "pay"]


def test_unknown_key(mini: Path) -> None:
    # Line 15 `    limits: ...` becomes `    colour: blue`: the key starts in column 5.
    replace_line(mini, 15, "    colour: blue")
    assert problems(mini) == [
        Problem(
            "flow.yaml",
            15,
            5,
            "unknown key 'colour' in questions > 1. Allowed here: ask_again_if_changed, "
            "choices, conflicts, corrections, help, id, limits, messages, placeholder, prompt, "
            "required, type, when.",
        )
    ]


def test_condition_that_does_not_parse(mini: Path) -> None:
    # Line 33: `    when: "...` -- 4 spaces and `when: ` are 10 characters; the value is column 11.
    replace_line(mini, 33, '    when: "young and ("')
    [problem] = problems(mini)
    assert (problem.file, problem.line, problem.column) == ("flow.yaml", 33, 11)
    assert problem.message.startswith("the condition `young and (` does not parse: ")


def test_unknown_question_name(mini: Path) -> None:
    replace_line(mini, 19, '    when: "yeers < 3"')
    assert problems(mini) == [
        Problem(
            "flow.yaml",
            19,
            11,
            "'yeers' is not a question, derived value or helper. Did you mean 'years'?",
        )
    ]


def test_unknown_helper(mini: Path) -> None:
    replace_line(mini, 33, '    when: "young and has_data(state)"')
    assert problems(mini) == [
        Problem(
            "flow.yaml",
            33,
            11,
            f"there is no helper named 'has_data'. Did you mean 'has_program_data'? "
            f"Helpers: {HELPERS}.",
        )
    ]


def test_helper_with_wrong_arguments(mini: Path) -> None:
    replace_line(mini, 33, '    when: "young and has_program_data(state, years)"')
    assert problems(mini) == [
        Problem("flow.yaml", 33, 11, "has_program_data() takes (state); check its arguments.")
    ]


def test_question_referring_to_a_later_question(mini: Path) -> None:
    # `covered` (line 17) would depend on `plan`, which is asked after it (line 22).
    replace_line(mini, 19, '    when: "plan"')
    assert problems(mini) == [
        Problem(
            "flow.yaml",
            19,
            11,
            "'plan' is a question asked later; only answers given before this point can be used "
            "here.",
        )
    ]


def test_duplicate_question_id(mini: Path) -> None:
    # Line 22 `  - id: plan` becomes `  - id: covered`; the id value starts in column 9.
    replace_line(mini, 22, "  - id: covered")
    assert problems(mini) == [
        Problem("flow.yaml", 22, 9, "the question id 'covered' is used twice.")
    ]


def test_duplicate_route_id(mini: Path) -> None:
    replace_line(mini, 40, "  - id: early")
    assert problems(mini) == [Problem("flow.yaml", 40, 9, "the route id 'early' is used twice.")]


def test_key_written_twice(mini: Path) -> None:
    # Line 41 is `    rank: 90`; line 42 (the title) becomes a second `rank`.
    replace_line(mini, 42, "    rank: 91")
    assert problems(mini) == [
        Problem(
            "flow.yaml",
            42,
            5,
            "'rank' is written twice in this mapping (first on line 41); keep one.",
        )
    ]


def test_missing_template(mini: Path) -> None:
    # `    template: ` is 14 characters; the value starts in column 15.
    replace_line(mini, 46, "    template: questions/missing")
    assert problems(mini) == [
        Problem(
            "flow.yaml",
            46,
            15,
            "there is no template 'questions/missing.en.j2' in templates.",
        )
    ]


def test_missing_templates_folder(mini: Path) -> None:
    # `  templates: ` is 13 characters; the value starts in column 14.
    replace_line(mini, 5, "  templates: nowhere")
    assert problems(mini) == [
        Problem("flow.yaml", 5, 14, "the templates folder nowhere does not exist.")
    ]


def test_template_that_does_not_compile(mini: Path) -> None:
    template = mini.parent / "templates" / "questions" / "pay.en.j2"
    template.write_text("- Ask for an estimate.\n- {% if %}\n", encoding="utf-8")
    [problem] = problems(mini)
    assert (problem.file, problem.line, problem.column) == (
        "templates/questions/pay.en.j2",
        2,
        1,
    )
    assert problem.message.startswith("this template does not compile: ")


def test_broken_yaml_indentation(mini: Path) -> None:
    # Line 9 indented by 3 instead of 4: `type` starts in column 4, not under `id` (column 5).
    replace_line(mini, 9, "   type: us_state")
    [problem] = problems(mini)
    assert problem.file == "flow.yaml"
    assert (problem.line, problem.column) == (9, 4)
    assert problem.message.startswith("this is not valid YAML: ")


def test_several_problems_reported_together_in_order(mini: Path) -> None:
    replace_line(mini, 40, "  - id: early")
    replace_line(mini, 19, '    when: "yeers < 3"')
    found = problems(mini)
    assert [(p.line, p.column) for p in found] == [(19, 11), (40, 9)]


def test_missing_flow_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert problems(tmp_path / "nope.yaml") == [
        Problem("nope.yaml", 1, 1, "this file does not exist.")
    ]


def test_broken_copy_of_the_default_flow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The default flow, with the network question's condition pointing at a misspelled
    # question. It keeps using the default templates (no `templates:` key).
    text = default_flow().read_text(encoding="utf-8")
    assert text.count("when: \"'private' in insurance\"") == 1
    broken = text.replace("when: \"'private' in insurance\"", "when: \"'private' in insurence\"")
    (tmp_path / "intake.yaml").write_text(broken, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    lines = broken.splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "in insurence" in line)
    column = lines[number - 1].index('"') + 1
    assert problems(tmp_path / "intake.yaml") == [
        Problem(
            "intake.yaml",
            number,
            column,
            "'insurence' is not a question, derived value or helper. Did you mean 'insurance'?",
        )
    ]


def test_prompt_may_quote_an_earlier_answer(mini: Path) -> None:
    # Line 24 is the prompt of `plan`, which comes after `years`.
    replace_line(mini, 24, '    prompt: "At {{ years }}, do you have a plan?"')
    flow = load_flow(mini)
    assert "prompt" in flow.question("plan").display


def test_prompt_quoting_a_later_answer_is_a_mistake(mini: Path) -> None:
    # Line 14 is the prompt of `years`; `plan` is asked after it. `    prompt: ` is 12
    # characters, so the text starts in column 13.
    replace_line(mini, 14, '    prompt: "How old? You said {{ plan }}."')
    assert problems(mini) == [
        Problem(
            "flow.yaml",
            14,
            13,
            "'plan' is a question asked later; only answers given before this point can be used "
            "here.",
        )
    ]


def test_ask_again_if_changed_names_an_earlier_question(mini: Path) -> None:
    # Insert after line 14 (`years`' prompt) a list naming `plan`, asked later.
    lines = mini.read_text(encoding="utf-8").splitlines()
    lines.insert(14, "    ask_again_if_changed: [plan]")
    mini.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # `    ask_again_if_changed: [` is 27 characters: `plan` starts in column 28.
    assert problems(mini) == [
        Problem("flow.yaml", 15, 28, "'plan' is not a question asked before 'years'.")
    ]


def test_condition_on_a_derived_value_that_waits_for_a_later_question(mini: Path) -> None:
    # `planned` rests on `plan`, asked after `covered`: `covered` cannot depend on it.
    text = mini.read_text(encoding="utf-8")
    text = text.replace('  young: "years < 3"\n', '  young: "years < 3"\n  planned: "plan"\n')
    mini.write_text(text.replace('    when: "years < 3"\n', '    when: "planned"\n'), "utf-8")
    # Line 19 is `covered`'s condition; `    when: ` is 10 characters.
    assert problems(mini) == [
        Problem(
            "flow.yaml",
            19,
            11,
            "'planned' rests on 'plan', a question asked later; only answers given before this "
            "point can be used here.",
        )
    ]


def test_misspelled_attribute_of_program_data(tmp_path: Path) -> None:
    flow = tmp_path / "intake.yaml"
    text = default_flow().read_text(encoding="utf-8")
    lines = text.splitlines()
    # The first reason that names the Medicaid program: misspell `program`.
    index = next(i for i, line in enumerate(lines) if "{{ medicaid_band.program }} covers" in line)
    lines[index] = lines[index].replace("medicaid_band.program", "medicaid_band.programme", 1)
    flow.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems(flow)
    assert [p.message for p in found] == [
        "IncomeBand has no attribute 'programme'. Did you mean 'program'?"
    ]
    # The problem points at the English text that holds it: `en: >-`, two lines above the
    # line with the word (lines[index] is line index + 1).
    assert lines[found[0].line - 1].strip() == "en: >-"
    assert found[0].line == index - 1
