"""Each state's published children's limits, typed in by hand, against the data files.

The boundary tests take every limit from the data itself, so they cannot see a figure
that was mistyped there. This table can. Percentages include the 5-point disregard:
(Medicaid under 1, 1 to 5, 6 to 18, 19 and 20, separate CHIP), None where a state has
no such group. Source: KFF State Health Facts, January 2025, as carried by PolicyEngine
(commit 8914f89), agreeing with Medicaid.gov's table as of 2023-12-01 for the states it
has (base standard + 5); Wyoming from its eligibility manual M1803 and Kid Care CHIP rule.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from otguide.programs.figures import ProgramData

PUBLISHED: dict[str, tuple[int | None, ...]] = {
    "AL": (146, 146, 146, None, 317),
    "AK": (208, 208, 208, 138, None),
    "AZ": (152, 146, 138, 138, 230),
    "AR": (147, 147, 147, 138, 216),
    "CA": (266, 266, 266, 138, None),
    "CO": (147, 147, 147, 138, 265),
    "CT": (201, 201, 201, 138, 323),
    "DE": (217, 147, 138, 138, 217),
    "DC": (324, 324, 324, 221, None),
    "FL": (211, 145, 138, 29, 215),
    "GA": (210, 154, 138, None, 252),
    "HI": (313, 313, 313, 138, None),
    "ID": (147, 147, 138, 138, 190),
    "IL": (318, 318, 318, 138, None),
    "IN": (213, 163, 163, 138, 255),
    "IA": (220, 172, 172, 138, 307),
    "KS": (171, 154, 138, None, 255),
    "KY": (218, 218, 218, 138, None),
    "LA": (217, 217, 217, 138, 255),
    "ME": (305, 305, 305, 305, None),
    "MD": (322, 322, 322, 138, None),
    "MA": (205, 155, 155, 155, 305),
    "MI": (217, 217, 217, 138, None),
    "MN": (288, 280, 280, 138, None),
    "MS": (199, 148, 138, None, 214),
    "MO": (201, 153, 153, 138, 305),
    "MT": (148, 148, 148, 138, 266),
    "NE": (218, 218, 218, 138, None),
    "NV": (165, 165, 138, 138, 205),
    "NH": (323, 323, 323, 138, None),
    "NJ": (199, 147, 147, 138, 355),
    "NM": (305, 305, 245, 138, None),
    "NY": (223, 154, 154, 138, 405),
    "NC": (216, 216, 216, 138, None),
    "ND": (205, 205, 205, 138, None),
    "OH": (211, 211, 211, 138, None),
    "OK": (210, 210, 210, 138, None),
    "OR": (190, 138, 138, 138, 305),
    "PA": (220, 162, 138, 138, 319),
    "RI": (266, 266, 266, 138, None),
    "SC": (213, 213, 213, None, None),
    "SD": (187, 187, 187, 138, 209),
    "TN": (216, 216, 216, None, 255),
    "TX": (203, 149, 138, None, 206),
    "UT": (144, 144, 138, 138, 205),
    "VT": (317, 317, 317, 138, None),
    "VA": (148, 148, 148, 138, 205),
    "WA": (215, 215, 215, 138, 317),
    "WV": (163, 146, 138, 138, 305),
    "WI": (306, 191, 156, 100, 306),
    "WY": (159, 159, 138, None, 205),
}
AGES = {"under 1": 0, "1 to 5": 3, "6 to 18": 10, "19 and 20": 20}


@pytest.mark.parametrize("state", sorted(PUBLISHED))
def test_published_limits(data: ProgramData, state: str) -> None:
    figures = data.states[state]
    *medicaid, chip = PUBLISHED[state]
    for (label, age), expected in zip(AGES.items(), medicaid, strict=True):
        band = figures.band("medicaid", age)
        assert band is not None, label
        shown = None if band.percent is None else band.percent
        assert shown == (None if expected is None else Decimal(expected)), label
    chip_band = figures.band("chip", 5)
    assert (None if chip_band is None else chip_band.percent) == (
        None if chip is None else Decimal(chip)
    )


def test_table_covers_every_jurisdiction(data: ProgramData) -> None:
    assert sorted(PUBLISHED) == sorted(data.jurisdictions)
