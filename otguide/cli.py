"""The `otguide` command: the interview app, `walk` for answers from a file, and `check`.

Exit codes: 0 success; 1 a flow or data file has mistakes; 2 the answers file or the
command line has mistakes.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from otguide import __version__, resources
from otguide.expressions import ExpressionFailed
from otguide.flow import Flow, load_flow
from otguide.i18n import LANGUAGES
from otguide.problems import ProblemsFound
from otguide.programs.data import load_program_data
from otguide.programs.figures import ProgramData
from otguide.programs.report import (
    federal_report,
    format_sections,
    guideline_section,
    state_report,
    summary_lines,
)
from otguide.render import FORMATS, render_outcome

EXIT_OK, EXIT_FLOW_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2
COMMANDS = ("run", "walk", "check", "data")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a real date; write YYYY-MM-DD, like 2026-12-04."
        ) from None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--flow", type=Path, default=None, help="flow file (default: the built-in intake flow)"
    )
    parser.add_argument(
        "--data", type=Path, default=None, help="program data folder (default: the built-in data)"
    )
    parser.add_argument(
        "--as-of",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="date at which ages and rules are counted (default: today)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language (en or es)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="otguide",
        description="Find who can pay for a child's occupational therapy, and what to ask.",
    )
    parser.add_argument("--version", action="version", version=f"otguide {__version__}")
    commands = parser.add_subparsers(dest="command")
    run = commands.add_parser("run", help="start the interview app (the default)")
    _common(run)
    run.add_argument(
        "--export-dir",
        type=Path,
        default=None,
        help="folder for exported checklists (default: your downloads folder)",
    )
    walk = commands.add_parser("walk", help="run the flow with answers from a YAML file")
    walk.add_argument("answers", type=Path, metavar="ANSWERS.yaml")
    _common(walk)
    walk.add_argument("--format", choices=FORMATS, default="json")
    walk.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar="PATH",
        help="write here instead of standard output",
    )
    check = commands.add_parser("check", help="check flow files and the program data")
    check.add_argument("flows", type=Path, nargs="*", metavar="FLOW")
    check.add_argument("--data", type=Path, default=None, help="program data folder")
    data = commands.add_parser(
        "data", help="print the figures in force for a state, with sources and dates"
    )
    data.add_argument("state", nargs="?", metavar="STATE", help="two-letter code, like CT")
    data.add_argument("--data", type=Path, default=None, help="program data folder")
    data.add_argument(
        "--as-of",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="date the figures are in force on (default: today)",
    )
    return parser


def _report(problems: ProblemsFound) -> None:
    for problem in problems.problems:
        print(problem, file=sys.stderr)


def _load(flow_path: Path | None, data_path: Path | None) -> tuple[Flow, ProgramData]:
    problems = []
    flow = data = None
    try:
        flow = load_flow(flow_path or resources.default_flow())
    except ProblemsFound as found:
        problems.extend(found.problems)
    try:
        data = load_program_data(data_path)
    except ProblemsFound as found:
        problems.extend(found.problems)
    if problems or flow is None or data is None:
        raise ProblemsFound(problems)
    return flow, data


def _run(arguments: argparse.Namespace) -> int:
    flow, data = _load(arguments.flow, arguments.data)
    from otguide.ui.app import run_app  # Textual loads only when the app really starts.

    return run_app(
        flow, data, arguments.as_of or date.today(), arguments.lang, arguments.export_dir
    )


def _walk(arguments: argparse.Namespace) -> int:
    from otguide.headless import walk

    flow, data = _load(arguments.flow, arguments.data)
    try:
        result = walk(arguments.answers, flow, data, as_of=arguments.as_of, language=arguments.lang)
    except ProblemsFound as found:
        _report(found)
        return EXIT_BAD_INPUT
    for question_id in result.ignored:
        print(
            f"note: '{question_id}' was ignored; it does not apply to the other answers.",
            file=sys.stderr,
        )
    for question_id in result.waiting:
        print(
            f"note: '{question_id}' was not used; whether it applies depends on an answer "
            "the file does not give (see 'missing' in the result).",
            file=sys.stderr,
        )
    text = render_outcome(result.interview.outcome(), arguments.format)
    if arguments.output:
        try:
            arguments.output.write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"cannot write {arguments.output}: {error.strerror}.", file=sys.stderr)
            return EXIT_BAD_INPUT
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _check(arguments: argparse.Namespace) -> int:
    failed = False
    for path in arguments.flows or [resources.default_flow()]:
        try:
            load_flow(path)
            print(f"{path}: OK")
        except ProblemsFound as found:
            _report(found)
            failed = True
    try:
        load_program_data(arguments.data)
        print("program data: OK")
    except ProblemsFound as found:
        _report(found)
        failed = True
    return EXIT_FLOW_PROBLEMS if failed else EXIT_OK


def _data(arguments: argparse.Namespace) -> int:
    data = load_program_data(arguments.data)
    as_of = arguments.as_of or date.today()
    if arguments.state is None:
        sections = [
            guideline_section(data, as_of, ("contiguous", "alaska", "hawaii")),
            federal_report(data, as_of),
        ]
        sys.stdout.write(format_sections(f"Program data as of {as_of.isoformat()}", sections))
        print("\n".join(summary_lines(data, as_of)))
        return EXIT_OK
    typed = arguments.state.strip()
    names = {j.name.lower(): j.code for j in data.jurisdictions.values()}
    code = typed.upper() if typed.upper() in data.jurisdictions else names.get(typed.lower())
    if code is None:
        close = difflib.get_close_matches(typed.lower(), list(names), n=1)
        hint = f" Did you mean {data.jurisdictions[names[close[0]]].name}?" if close else ""
        print(
            f"'{typed}' is not a US state or DC; give a two-letter code like CT.{hint}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    name = data.jurisdictions[code].name
    heading = f"{name} ({code}): figures in force on {as_of.isoformat()}"
    sys.stdout.write(format_sections(heading, state_report(data, code, as_of)))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version")):
        args.insert(0, "run")
    arguments = _parser().parse_args(args)
    handlers = {"run": _run, "walk": _walk, "check": _check, "data": _data}
    try:
        return handlers[arguments.command](arguments)
    except ProblemsFound as found:
        _report(found)
        return EXIT_FLOW_PROBLEMS
    except ExpressionFailed as failure:
        print(failure, file=sys.stderr)
        return EXIT_FLOW_PROBLEMS
    except KeyboardInterrupt:
        return 130
