"""The command line: `walk` on good and bad answers files, `check` on good and broken flows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from otguide.cli import EXIT_BAD_INPUT, EXIT_FLOW_PROBLEMS, EXIT_OK, main

CT_FAMILY = """\
as_of: 2026-12-04
state: CT
child_birth_date: 2023-05-01
household_size: 4
income_frequency: year
income_amount: 52000
insurance: none
diagnoses: [F82]
kidney_failure: no
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_walk_json_lists_routes_in_order_with_reasons(tmp_path, capsys):
    answers = write(tmp_path, "family.yaml", CT_FAMILY)
    assert main(["walk", str(answers)]) == EXIT_OK
    result = json.loads(capsys.readouterr().out)
    # A child born 2023-05-01 is 3 on 2026-12-04: too old for Early Intervention, old
    # enough for school OT. $52,000 / $33,000 (2026 guideline for 4) = 157.58%, within
    # HUSKY A's 201%, so Medicaid; uninsured and Medicaid-eligible, so no CHIP.
    assert [route["id"] for route in result["routes"]] == [
        "medicaid_epsdt",
        "school",
        "private_pay",
    ]
    medicaid = result["routes"][0]
    assert medicaid["program"] == "HUSKY A"
    assert medicaid["reasons"][0].startswith(
        "$52,000 a year for 4 people is 157.6% of the 2026 poverty guideline. "
        "HUSKY A covers children aged 1 to 5 up to 201%: up to $66,330 a year for a "
        "household of 4."
    )
    assert medicaid["questions"], "each route carries its questions to ask"
    ruled_out = {item["id"]: item["reasons"] for item in result["ruled_out"]}
    assert set(ruled_out) == {
        "private_in_network",
        "private_out_of_network",
        "other_coverage",
        "medicare",
        "ssi_medicaid",
        "katie_beckett",
        "chip",
        "early_intervention",
        "chip_buy_in",
        "marketplace",
    }
    assert "HUSKY A (Medicaid) instead" in ruled_out["chip"][0]
    # Medicaid by income makes the disability questions moot, so they were not asked.
    assert ruled_out["katie_beckett"] == [
        "Your child can get Medicaid by income; see the Medicaid route."
    ]
    assert result["missing"] == []
    assert result["rules"]["poverty_guideline"]["year"] == 2026
    assert result["rules"]["flow"] == {"id": "intake", "version": "2.0.0"}


def test_walk_lists_open_questions_as_missing(tmp_path, capsys):
    answers = write(tmp_path, "partial.yaml", "as_of: 2026-12-04\nstate: CT\n")
    assert main(["walk", str(answers)]) == EXIT_OK
    result = json.loads(capsys.readouterr().out)
    assert [item["id"] for item in result["missing"]] == [
        "child_birth_date",
        "household_size",
        "income_frequency",
        "insurance",
        "diagnoses",
        "kidney_failure",
    ]
    # Private pay fits whatever the answers; everything else waits for answers.
    assert [route["id"] for route in result["routes"]] == ["private_pay"]


@pytest.mark.parametrize("output_format, marker", [("markdown", "- [ ] "), ("html", "<html")])
def test_walk_writes_checklist_to_output(tmp_path, output_format, marker):
    answers = write(tmp_path, "family.yaml", CT_FAMILY)
    output = tmp_path / f"checklist.{output_format}"
    code = main(["walk", str(answers), "--format", output_format, "--output", str(output)])
    assert code == EXIT_OK
    text = output.read_text(encoding="utf-8")
    assert marker in text
    assert "Medicaid and its EPSDT benefit for children" in text


def test_walk_as_of_option_overrides_the_file(tmp_path, capsys):
    answers = write(tmp_path, "family.yaml", CT_FAMILY)
    # On 2026-04-30 the child is 2 (3rd birthday 2026-05-01): Early Intervention fits.
    assert main(["walk", str(answers), "--as-of", "2026-04-30"]) == EXIT_OK
    ids = [route["id"] for route in json.loads(capsys.readouterr().out)["routes"]]
    assert "early_intervention" in ids
    assert "school" not in ids


def test_walk_reports_every_bad_answer_with_line_and_column(tmp_path, capsys):
    answers = write(
        tmp_path,
        "bad.yaml",
        "as_of: 2026-12-04\n"
        "state: Conecticut\n"
        "child_birth_date: 2030-01-01\n"
        "housold_size: 4\n"
        "income_frequency: year\n"
        "income_amount: -5\n"
        "insurance: [none, private]\n",
    )
    assert main(["walk", str(answers)]) == EXIT_BAD_INPUT
    errors = capsys.readouterr().err.splitlines()
    assert errors == [
        f"{answers}:2:8: state: Did you mean Connecticut? Enter a US state or DC, by name "
        "or two-letter code, like CT or Connecticut.",
        f"{answers}:3:19: child_birth_date: That date is after today (December 4, 2026). "
        "Check the year of birth.",
        f"{answers}:4:1: 'housold_size' is not a question in this flow. "
        "Did you mean 'household_size'?",
        f"{answers}:6:16: income_amount: Income can't be below zero. If the household had "
        "no income, enter 0.",
        f"{answers}:7:12: insurance: “None right now” can't be chosen together with other answers.",
    ]


def test_walk_rejects_answers_file_that_is_not_yaml(tmp_path, capsys):
    answers = write(tmp_path, "broken.yaml", "state: [CT\n")
    assert main(["walk", str(answers)]) == EXIT_BAD_INPUT
    assert "this is not valid YAML" in capsys.readouterr().err


def test_walk_missing_answers_file(tmp_path, capsys):
    assert main(["walk", str(tmp_path / "nope.yaml")]) == EXIT_BAD_INPUT
    assert "this file does not exist" in capsys.readouterr().err


def test_check_default_flow_and_data(capsys):
    assert main(["check"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "intake.yaml: OK" in out
    assert "program data: OK" in out


def test_check_reports_broken_flow_with_file_line_column(tmp_path, capsys):
    flow = write(
        tmp_path,
        "broken.yaml",
        "flow:\n"
        "  id: clinic\n"
        '  version: "1"\n'
        "  title: Test\n"
        "questions:\n"
        "  - id: ok\n"
        "    type: yes_no\n"
        "    prompt: Fine?\n"
        '    when: "ok and"\n'
        "routes:\n"
        "  - id: pay\n"
        "    title: Pay\n"
        "    rank: 1\n"
        '    when: "ok and nope(1)"\n'
        "    reasons: []\n"
        "    ruled_out: []\n"
        "    template: questions/private_pay\n",
    )
    assert main(["check", str(flow)]) == EXIT_FLOW_PROBLEMS
    errors = capsys.readouterr().err.splitlines()
    assert errors[0] == (
        f"{flow}:9:11: the condition `ok and` does not parse: unexpected 'end of template'."
    )
    assert errors[1].startswith(f"{flow}:14:11: there is no helper named 'nope'.")


def test_app_does_not_start_on_a_broken_flow(tmp_path, capsys):
    flow = write(tmp_path, "bad.yaml", "flow:\n  id: x\n   version: 1\n")
    assert main(["--flow", str(flow)]) == EXIT_FLOW_PROBLEMS
    assert capsys.readouterr().err.startswith(f"{flow}:3:11: this is not valid YAML")


def test_walk_empty_answers_file(tmp_path, capsys):
    answers = write(tmp_path, "empty.yaml", "")
    assert main(["walk", str(answers)]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == f"{answers}:1:1: the answers file is empty.\n"


def test_walk_unquoted_impossible_date_gets_the_app_message(tmp_path, capsys):
    answers = write(tmp_path, "leap.yaml", CT_FAMILY.replace("2023-05-01", "2023-02-29"))
    assert main(["walk", str(answers)]) == EXIT_BAD_INPUT
    # 2023 is not a leap year, so February 29, 2023 does not exist.
    assert capsys.readouterr().err == (
        f"{answers}:3:19: child_birth_date: That date does not exist. "
        "Check the month and the day.\n"
    )


def test_walk_output_to_missing_folder(tmp_path, capsys):
    answers = write(tmp_path, "family.yaml", CT_FAMILY)
    target = tmp_path / "no" / "such" / "folder.json"
    assert main(["walk", str(answers), "--output", str(target)]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == f"cannot write {target}: No such file or directory.\n"


def test_condition_failing_while_running_is_reported_with_its_place(tmp_path, capsys):
    flow_text = (Path(__file__).parent.parent / "flows" / "intake.yaml").read_text("utf-8")
    broken = flow_text.replace('    when: "has_other"\n', '    when: "has_other and 1 / 0"\n')
    assert broken != flow_text
    line = broken.splitlines().index('    when: "has_other and 1 / 0"') + 1
    flow = write(tmp_path, "flow.yaml", broken)
    answers = write(
        tmp_path, "family.yaml", CT_FAMILY.replace("insurance: none", "insurance: other")
    )
    assert main(["walk", str(answers), "--flow", str(flow)]) == EXIT_FLOW_PROBLEMS
    assert capsys.readouterr().err == (
        f"{flow}:{line}:11: `has_other and 1 / 0` failed while running: division by zero.\n"
    )


def test_walk_notes_an_answer_that_waits_for_another(tmp_path, capsys):
    # An amount without its pay period cannot be read: it is not used, the result lists
    # the pay period as missing, and the note says why.
    answers = write(
        tmp_path,
        "family.yaml",
        CT_FAMILY.replace("income_frequency: year\n", ""),
    )
    assert main(["walk", str(answers)]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.err == (
        "note: 'income_amount' was not used; whether it applies depends on an answer the "
        "file does not give (see 'missing' in the result).\n"
    )
    result = json.loads(captured.out)
    assert [item["id"] for item in result["missing"]] == ["income_frequency"]
