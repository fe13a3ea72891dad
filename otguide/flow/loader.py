"""Load a flow file and check all of it before anything runs.

Checks, each reported with file, line and column: the YAML itself, unknown or missing
keys (the schema), duplicate ids, conditions and texts that do not compile, names that
are not a question, derived value or helper, conditions that look at a question asked
later, helpers called with the wrong arguments, and templates that are missing or do
not compile.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import TemplateNotFound, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment

from otguide import resources
from otguide.expressions import (
    Expression,
    ExpressionError,
    Names,
    compile_expression,
    compile_template,
    make_environment,
)
from otguide.flow import schema
from otguide.flow.model import (
    Choice,
    Conflict,
    Flow,
    Limits,
    LocalizedTemplate,
    Question,
    Reason,
    Route,
)
from otguide.flow.static import (
    CONTEXT_TYPES,
    attribute_problems,
    expression_node,
    questions_behind,
    type_of,
)
from otguide.i18n import variants
from otguide.problems import Problem, ProblemsFound, display_path
from otguide.programs.helpers import helper_names, helper_signature
from otguide.validation import schema_problems
from otguide.yamlfile import load_file, position_of

CONTEXT_NAMES = {"as_of": "the as-of date", "lang": "the language", "federal": "federal rules"}
"""Names every expression may use besides questions, derived values and helpers."""

TEMPLATE_SUFFIX = ".en.j2"
DISPLAY_TEXTS = ("prompt", "help", "placeholder")
"""Question texts that may quote earlier answers with {{ ... }}."""


def template_file(name: str, language: str) -> str:
    return f"{name}.{language}.j2"


class _Checker:
    """Collects problems while the model is built, so all are reported together."""

    def __init__(self, document: Any, filename: str, environment: SandboxedEnvironment) -> None:
        self.document = document
        self.filename = filename
        self.environment = environment
        self.problems: list[Problem] = []
        self.helpers = set(helper_names())
        self.behind: dict[str, frozenset[str]] = {}
        """The questions each derived value rests on."""
        self.known: dict[str, Any] = dict(CONTEXT_TYPES)
        """The program-data class of each name whose value a helper produces."""

    def add(self, path: Sequence[Any], message: str, *, key: bool = False) -> None:
        line, column = position_of(self.document, path, key=key)
        self.problems.append(Problem(self.filename, line, column, message))

    def where(self, path: Sequence[Any]) -> str:
        line, column = position_of(self.document, path)
        return f"{self.filename}:{line}:{column}"

    def expression(self, source: str, path: Sequence[Any]) -> Expression | None:
        try:
            compiled = compile_expression(source, self.environment)
            compiled.where = self.where(path)
            return compiled
        except ExpressionError as error:
            self.add(path, f"the condition `{source}` does not parse: {error}.")
            return None

    def text(self, text: Any, path: Sequence[Any]) -> LocalizedTemplate:
        variants = {"en": text} if isinstance(text, str) else dict(text)
        compiled = {}
        for language, source in variants.items():
            where = [*path] if isinstance(text, str) else [*path, language]
            try:
                compiled[language] = compile_template(source, self.environment)
                compiled[language].where = self.where(where)
            except ExpressionError as error:
                self.add(where, f"this text does not compile: {error}.")
        return compiled

    def names(
        self,
        names: Names,
        allowed: Iterable[str],
        later: Iterable[str],
        path: Sequence[Any],
        tree_source: str,
    ) -> None:
        allowed_set = set(allowed) | self.helpers | set(CONTEXT_NAMES)
        later_set = set(later)
        for name in sorted(names.variables):
            waits_for = sorted(self.behind.get(name, frozenset()) & later_set)
            if waits_for:
                self.add(
                    path,
                    f"'{name}' rests on '{waits_for[0]}', a question asked later; only "
                    "answers given before this point can be used here.",
                )
                continue
            if name in allowed_set:
                continue
            if name in later_set:
                self.add(
                    path,
                    f"'{name}' is a question asked later; only answers given before "
                    "this point can be used here.",
                )
            elif name in names.called:
                close = difflib.get_close_matches(name, sorted(self.helpers), n=1)
                hint = f" Did you mean '{close[0]}'?" if close else ""
                self.add(
                    path,
                    f"there is no helper named '{name}'.{hint} Helpers: "
                    f"{', '.join(sorted(self.helpers))}.",
                )
            else:
                pool = sorted(allowed_set | later_set)
                close = difflib.get_close_matches(name, pool, n=1)
                hint = f" Did you mean '{close[0]}'?" if close else ""
                self.add(path, f"'{name}' is not a question, derived value or helper.{hint}")
        self._calls(tree_source, path)

    def _calls(self, source: str, path: Sequence[Any]) -> None:
        try:
            tree = self.environment.parse(source)
        except TemplateSyntaxError:
            return
        for sentence in attribute_problems(tree, self.known):
            self.add(path, sentence)
        for call in tree.find_all(nodes.Call):
            if not (isinstance(call.node, nodes.Name) and call.node.name in self.helpers):
                continue
            signature = helper_signature(call.node.name)
            try:
                signature.bind(*call.args, **{kw.key: kw.value for kw in call.kwargs})
            except TypeError:
                wanted = ", ".join(signature.parameters)
                self.add(path, f"{call.node.name}() takes ({wanted}); check its arguments.")


def _reasons(
    checker: _Checker, items: list[Any], path: list[Any], allowed: Iterable[str]
) -> tuple[Reason, ...]:
    reasons = []
    allowed = list(allowed)
    for index, item in enumerate(items):
        item_path = [*path, index]
        if isinstance(item, str):
            text, condition, text_path = item, None, item_path
        else:
            text, condition, text_path = item["text"], item.get("when"), [*item_path, "text"]
        compiled = checker.text(text, text_path)
        for language, template in compiled.items():
            where = text_path if isinstance(text, str) else [*text_path, language]
            checker.names(template.names, allowed, (), where, template.source)
        when = None
        if condition is not None:
            when = checker.expression(condition, [*item_path, "when"])
            if when:
                checker.names(
                    when.names, allowed, (), [*item_path, "when"], "{{ (" + condition + ") }}"
                )
        reasons.append(Reason(compiled, when))
    return tuple(reasons)


def _number(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _questions(checker: _Checker, document: Any, derived_ids: list[str]) -> list[Question]:
    questions: list[Question] = []
    seen: set[str] = set()
    all_ids = [q["id"] for q in document["questions"]]
    for index, item in enumerate(document["questions"]):
        path = ["questions", index]
        if item["id"] in seen:
            checker.add([*path, "id"], f"the question id '{item['id']}' is used twice.")
        if item["id"] in derived_ids:
            checker.add([*path, "id"], f"'{item['id']}' is both a question and a derived value.")
        seen.add(item["id"])
        when = None
        if "when" in item:
            when = checker.expression(item["when"], [*path, "when"])
            if when:
                earlier = all_ids[:index]
                later = all_ids[index:]
                checker.names(
                    when.names,
                    [*earlier, *derived_ids],
                    later,
                    [*path, "when"],
                    "{{ (" + item["when"] + ") }}",
                )
        choices = tuple(
            Choice(c["value"], c["label"], c.get("help", ""), c.get("alone", False))
            for c in item.get("choices", [])
        )
        values = [c.value for c in choices]
        for value in {v for v in values if values.count(v) > 1}:
            checker.add([*path, "choices"], f"the choice value '{value}' is listed twice.")
        needs_choices = item["type"] in ("choice", "multiple_choice")
        if needs_choices and not choices:
            checker.add(path, f"a {item['type']} question needs 'choices'.")
        if not needs_choices and choices:
            checker.add([*path, "choices"], f"a {item['type']} question takes no 'choices'.")
        conflicts = []
        for c_index, conflict in enumerate(item.get("conflicts", [])):
            for value in conflict["values"]:
                if value not in values:
                    checker.add(
                        [*path, "conflicts", c_index, "values"],
                        f"'{value}' in conflicts is not one of this question's choices.",
                    )
            conflicts.append(Conflict(tuple(conflict["values"]), conflict["message"]))
        for value in item.get("corrections", {}):
            if value in values:
                checker.add(
                    [*path, "corrections", value],
                    f"'{value}' is a valid choice, so it needs no correction.",
                    key=True,
                )
        for position, earlier in enumerate(item.get("ask_again_if_changed", [])):
            if earlier not in all_ids[:index]:
                checker.add(
                    [*path, "ask_again_if_changed", position],
                    f"'{earlier}' is not a question asked before '{item['id']}'.",
                )
        display = {}
        for key in DISPLAY_TEXTS:
            if key in item and any(_is_template(v) for v in variants(item[key])):
                display[key] = checker.text(item[key], [*path, key])
                for template in display[key].values():
                    checker.names(
                        template.names,
                        [*all_ids[:index], *derived_ids],
                        all_ids[index:],
                        [*path, key],
                        template.source,
                    )
        limits = item.get("limits", {})
        questions.append(
            Question(
                id=item["id"],
                type=item["type"],
                prompt=item["prompt"],
                help=item.get("help", ""),
                placeholder=item.get("placeholder", ""),
                required=item.get("required", True),
                when=when,
                choices=choices,
                limits=Limits(
                    minimum=_number(limits.get("min")),
                    maximum=_number(limits.get("max")),
                    not_after_as_of=limits.get("not_after_as_of", False),
                    younger_than_years=limits.get("younger_than_years"),
                    earliest=limits.get("earliest"),
                ),
                messages=dict(item.get("messages", {})),
                corrections=dict(item.get("corrections", {})),
                conflicts=tuple(conflicts),
                line=position_of(document, path)[0],
                ask_again_if_changed=tuple(item.get("ask_again_if_changed", [])),
                display=display,
            )
        )
    return questions


def _is_template(text: str) -> bool:
    return "{{" in text or "{%" in text


def _derived(checker: _Checker, document: Any, question_ids: list[str]) -> dict[str, Any]:
    derived: dict[str, Expression] = {}
    names = list(document.get("derived", {}))
    for index, (name, source) in enumerate(document.get("derived", {}).items()):
        path = ["derived", name]
        expression = checker.expression(source, path)
        if expression:
            checker.names(
                expression.names,
                [*question_ids, *names[:index]],
                names[index:],
                path,
                "{{ (" + source + ") }}",
            )
            derived[name] = expression
    return derived


def _routes(checker: _Checker, document: Any, allowed: list[str], templates: Path) -> list[Route]:
    routes = []
    seen: set[str] = set()
    for index, item in enumerate(document["routes"]):
        path = ["routes", index]
        if item["id"] in seen:
            checker.add([*path, "id"], f"the route id '{item['id']}' is used twice.")
        seen.add(item["id"])
        when = checker.expression(item["when"], [*path, "when"])
        if when:
            checker.names(when.names, allowed, (), [*path, "when"], "{{ (" + item["when"] + ") }}")
        program = checker.text(item["program"], [*path, "program"]) if "program" in item else {}
        for template in program.values():
            checker.names(template.names, allowed, (), [*path, "program"], template.source)
        _check_template(checker, item["template"], [*path, "template"], templates)
        routes.append(
            Route(
                id=item["id"],
                title=item["title"],
                rank=item["rank"],
                when=when or compile_expression("false", checker.environment),
                reasons=_reasons(checker, item["reasons"], [*path, "reasons"], allowed),
                ruled_out=_reasons(checker, item["ruled_out"], [*path, "ruled_out"], allowed),
                payment=_reasons(checker, item.get("payment", []), [*path, "payment"], allowed),
                template=item["template"],
                program=program,
            )
        )
    return routes


def _value_types(
    sources: dict[str, str], environment: SandboxedEnvironment, known: dict[str, Any]
) -> dict[str, Any]:
    """The class of each derived value a helper produces, in flow order."""
    found: dict[str, Any] = {}
    for name, source in sources.items():
        try:
            node = expression_node(environment.parse("{{ (" + source + ") }}"))
        except TemplateSyntaxError:
            continue  # reported where the expression is compiled
        value_type = type_of(node, {**known, **found}) if node is not None else None
        if value_type is not None:
            found[name] = value_type
    return found


def _check_template(checker: _Checker, name: str, path: list[Any], templates: Path) -> None:
    english = template_file(name, "en")
    if not (templates / english).is_file():
        checker.add(path, f"there is no template '{english}' in {display_path(templates)}.")
        return
    for file in sorted(templates.glob(f"{name}.*.j2")):
        relative = file.relative_to(templates).as_posix()
        try:
            checker.environment.get_template(relative)
        except TemplateSyntaxError as error:
            checker.problems.append(
                Problem(
                    display_path(file),
                    error.lineno or 1,
                    1,
                    f"this template does not compile: {error.message}.",
                )
            )
        except TemplateNotFound:
            checker.add(path, f"the template '{relative}' cannot be read.")


def load_flow(path: Path) -> Flow:
    """Load and check a flow; raise ProblemsFound with every mistake in it."""
    filename = display_path(path)
    document = load_file(path, filename)
    problems = schema_problems(document, schema.FLOW, filename)
    if problems:
        raise ProblemsFound(problems)
    meta = document["flow"]
    templates = (
        (path.parent / meta["templates"]).resolve()
        if "templates" in meta
        else resources.templates_dir()
    )
    environment = make_environment(templates)
    checker = _Checker(document, filename, environment)
    if not templates.is_dir():
        checker.add(
            ["flow", "templates"], f"the templates folder {display_path(templates)} does not exist."
        )
    question_ids = [q["id"] for q in document["questions"]]
    derived_ids = list(document.get("derived", {}))
    checker.known |= _value_types(document.get("derived", {}), environment, checker.known)
    derived = _derived(checker, document, question_ids)
    checker.behind = questions_behind(derived, question_ids)
    questions = _questions(checker, document, derived_ids)
    allowed = [*question_ids, *derived_ids]
    notices = _reasons(checker, document.get("notices", []), ["notices"], allowed)
    routes = _routes(checker, document, allowed, templates) if templates.is_dir() else []
    if checker.problems:
        raise ProblemsFound(checker.problems)
    return Flow(
        id=meta["id"],
        version=meta["version"],
        title=meta["title"],
        description=meta.get("description", ""),
        path=path,
        questions=tuple(questions),
        derived=derived,
        routes=tuple(routes),
        notices=notices,
        environment=environment,
    )
