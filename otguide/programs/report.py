"""What `otguide data` prints: the figures in force for a state, each with its source
and date, and flags on the ones to check before trusting them."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from otguide.expressions import format_limit_percent, format_money
from otguide.i18n import pick
from otguide.programs.figures import (
    Guideline,
    IncomeBand,
    NoGuideline,
    ProgramData,
    Provenance,
    StateData,
)

STALE = "stale"
ONE_SOURCE = "one source"
NOT_YET = "not yet in force"
DISPUTED = "disputed"

SSI_WORDS = {
    "automatic": "SSI brings Medicaid with it (a 1634 state)",
    "ssi_criteria": "SSI rules, but a separate Medicaid application (an SSI-criteria state)",
    "section_209b": "the state's own rules for Medicaid with SSI (a 209(b) state)",
}
COST_WORDS = {
    "free": "free to families",
    "sliding_fee": "sliding fee by income",
    "premiums": "premiums",
    "full_cost": "full cost",
    "not_known": "family cost not known",
}


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    provenance: Provenance
    flags: tuple[str, ...] = ()


@dataclass
class Section:
    title: str
    figures: list[Figure] = field(default_factory=list)


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier, or that month's last day when it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


class Review:
    """Flags figures against an as-of date and the data's staleness rule."""

    def __init__(self, data: ProgramData, as_of: date) -> None:
        self.as_of = as_of
        self.stale_before = months_before(as_of, data.stale_after_months)

    def flags(self, provenance: Provenance, *extra: str) -> tuple[str, ...]:
        found = []
        if provenance.effective > self.as_of:
            found.append(NOT_YET)
        elif provenance.vouched < self.stale_before:
            found.append(STALE)
        if provenance.single_source:
            found.append(ONE_SOURCE)
        return (*found, *extra)

    def figure(self, label: str, value: str, provenance: Provenance, *extra: str) -> Figure:
        return Figure(label, value, provenance, self.flags(provenance, *extra))


def _band_value(band: IncomeBand, guidelines: list[Guideline]) -> str:
    if not band.covered or band.percent is None:
        return "no group based on income"
    value = f"{format_limit_percent(band.percent)} of the guideline"
    if guidelines:
        dollars = ", ".join(
            f"{format_money(band.highest_income(g))} for {g.household_size}" for g in guidelines
        )
        value += f" ({dollars} a year)"
    if band.disputed is not None:
        value += f"; another source says {format_limit_percent(band.disputed.percent)}"
    return value


def _band_rules(band: IncomeBand) -> str:
    included = "at the limit qualifies" if band.inclusive else "must be below the limit"
    disregard = (
        "includes the 5-point disregard"
        if band.includes_disregard
        else f"the file's figure plus the {format_limit_percent(band.disregard_added)[:-1]}-point disregard"
    )
    rounding = "compared exactly" if band.rounding == "none" else band.rounding.replace("_", " ")
    return f"income {included}; {disregard}; {rounding}"


def state_report(data: ProgramData, code: str, as_of: date) -> list[Section]:
    """Every figure the guide uses for one state on `as_of`."""
    review = Review(data, as_of)
    jurisdiction = data.jurisdictions[code]
    sections = [guideline_section(data, as_of, (jurisdiction.poverty_region,))]
    try:
        guidelines = [data.guideline(code, size, as_of) for size in (1, 4)]
    except NoGuideline:
        guidelines = []
    if jurisdiction.ssi_provenance is not None:
        words = SSI_WORDS[jurisdiction.ssi_medicaid]
        if not jurisdiction.ssi_children_disabled:
            words += "; a nonblind child under 18 is not counted as disabled"
        sections.append(
            Section("SSI and Medicaid", [review.figure("SSI", words, jurisdiction.ssi_provenance)])
        )
    state = data.states.get(code)
    if state is None:
        sections.append(Section(f"No program data for {jurisdiction.name} yet"))
        return sections
    sections += _state_sections(state, review, guidelines)
    return sections


def guideline_section(data: ProgramData, as_of: date, regions: tuple[str, ...]) -> Section:
    """The poverty guideline in force on `as_of` for each region named."""
    review = Review(data, as_of)
    section = Section("Poverty guideline")
    try:
        table = data.guideline_table(as_of)
    except NoGuideline:
        section.title += f": none in force on {as_of.isoformat()}"
        return section
    old = (f"older than {as_of.year}",) if table.year < as_of.year else ()
    for region in regions:
        figures = table.regions[region]
        section.figures.append(
            review.figure(
                f"{table.year} HHS poverty guideline ({region})",
                f"{format_money(figures.first_person)} for 1 person, "
                f"+{format_money(figures.each_additional_person)} for each additional person",
                table.provenance,
                *old,
            )
        )
    return section


def _state_sections(state: StateData, review: Review, guidelines: list[Guideline]) -> list[Section]:
    limits = Section("Income limits")
    for kind, bands in state.limits.items():
        for band in bands:
            label = f"{band.program} ({kind}), {pick(band.band)}"
            value = _band_value(band, guidelines) + f" [{_band_rules(band)}]"
            extra = (DISPUTED,) if band.disputed is not None else ()
            limits.figures.append(review.figure(label, value, band.provenance, *extra))
    programs = Section("Programs")
    for program in state.programs.values():
        details = [program.kind.replace("_", " ")]
        # Whether families pay is a question for Early Intervention above all; for the
        # others "not known" would only add noise.
        if program.family_cost != "not_known" or program.kind == "early_intervention":
            details.append(COST_WORDS[program.family_cost])
        if program.lead_agency:
            details.append(f"lead agency: {program.lead_agency}")
        if program.pathway:
            details.append(f"pathway: {program.pathway}")
        contact = program.contact
        details += [part for part in (contact.phone, contact.url) if part]
        programs.figures.append(review.figure(program.name, "; ".join(details), program.provenance))
    return [limits, programs]


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def federal_report(data: ProgramData, as_of: date) -> Section:
    review = Review(data, as_of)
    section = Section("Federal rules")
    for rule in data.federal.values():
        figures = []
        if rule.from_birthday is not None:
            figures.append(f"from the {_ordinal(rule.from_birthday)} birthday")
        if rule.until_birthday is not None:
            figures.append(f"until the {_ordinal(rule.until_birthday)} birthday")
        if rule.months is not None:
            figures.append(f"{rule.months} months")
        if rule.percent is not None:
            figures.append(f"{format_limit_percent(rule.percent)} of the guideline")
        section.figures.append(
            review.figure(pick(rule.title), ", ".join(figures) or "rule", rule.provenance)
        )
    age_rule = data.age_rule
    section.figures.append(
        review.figure(
            "February 29 birthday",
            f"falls on {age_rule.leap_day_birthday.replace('_', ' ')} in other years",
            age_rule.provenance,
        )
    )
    periods = data.income_periods
    section.figures.append(
        review.figure(
            "Pay periods in a year",
            ", ".join(f"{name} x {count}" for name, count in periods.per_year.items()),
            periods.provenance,
        )
    )
    return section


def format_sections(heading: str, sections: list[Section]) -> str:
    lines = [heading, ""]
    counts: dict[str, int] = {}
    for section in sections:
        lines.append(section.title)
        for figure in section.figures:
            flags = f"  [{', '.join(figure.flags).upper()}]" if figure.flags else ""
            lines.append(f"  {figure.label}: {figure.value}{flags}")
            source = figure.provenance
            confirmed = (
                f", confirmed {source.confirmed.isoformat()}"
                if source.confirmed and source.confirmed > source.effective
                else ""
            )
            lines.append(
                f"    since {source.effective.isoformat()}{confirmed}: {source.source_title}"
            )
            lines.append(f"    {source.source_url}")
            if source.note:
                lines.append(f"    note: {' '.join(source.note.split())}")
            for flag in figure.flags:
                counts[flag] = counts.get(flag, 0) + 1
        lines.append("")
    summary = ", ".join(f"{count} {flag}" for flag, count in sorted(counts.items()))
    lines.append(f"Flags: {summary or 'none'}")
    return "\n".join(lines) + "\n"


def summary_lines(data: ProgramData, as_of: date) -> list[str]:
    """One line per state: its highest children's limits and how many figures to check."""
    review = Review(data, as_of)
    lines = []
    for code, jurisdiction in data.jurisdictions.items():
        state = data.states.get(code)
        if state is None:
            lines.append(f"{code}  {jurisdiction.name}: no program data")
            continue
        provenances = [p.provenance for p in state.programs.values()]
        provenances += [b.provenance for bands in state.limits.values() for b in bands]
        flags = [flag for p in provenances for flag in review.flags(p)]
        tops = []
        for kind in ("medicaid", "chip"):
            percents = [b.percent for b in state.limits.get(kind, []) if b.percent is not None]
            tops.append(
                f"{kind} up to {format_limit_percent(max(percents))}" if percents else f"no {kind}"
            )
        lines.append(
            f"{code}  {jurisdiction.name}: {', '.join(tops)}; "
            f"{flags.count(STALE)} stale, {flags.count(ONE_SOURCE)} one source, "
            f"{flags.count(NOT_YET)} not yet in force"
        )
    return lines
