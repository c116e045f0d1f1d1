"""Figures every shared real file must give through ``python -m cxlib analyze``: one table, one row a file.

The expectations are the ones ``../shared/data/README.md`` lists (computed independently with pandas) and
the traps it names. Each row gives the file, the table it is passed as (the CLI flag) and its expected
figures as JSON paths into the analysis document:

- ``kpis.nps.score`` style paths walk dicts; a step ``touchpoints[Q7WIFI]`` picks the list item whose
  ``touchpoint`` (or ``column``) is ``Q7WIFI``;
- derived paths: ``journey.lowest``/``journey.highest`` (touchpoint with the lowest/highest 0–100 mean),
  ``journey.order`` (touchpoint names in journey order);
- expected values: a number is compared to the printed precision (``Near(value, tol)`` for another
  tolerance), anything else exactly; a ``Check`` is a named predicate on the value.

To add a file, add one ``Row``. Every row runs the CLI once and reports all mismatches of that file.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cxlib.cli import main


@dataclass(frozen=True)
class Near:
    """A number within ``tol`` of ``value``."""

    value: float
    tol: float

    def holds(self, actual) -> bool:
        return isinstance(actual, int | float) and abs(actual - self.value) <= self.tol

    def __repr__(self) -> str:
        return f"{self.value} ± {self.tol}"


@dataclass(frozen=True)
class Check:
    """A named predicate on the value at the path."""

    what: str
    test: Callable[[object], bool]

    def holds(self, actual) -> bool:
        return bool(self.test(actual))

    def __repr__(self) -> str:
        return self.what


def none_of(*names: str) -> Check:
    """The touchpoint list holds none of ``names``."""
    return Check(f"none of {names}", lambda tps: not set(names) & {tp["touchpoint"] for tp in tps or []})


@dataclass(frozen=True)
class Row:
    file: str
    table: str  # the CLI flag: "customers" | "survey" | "transactions"
    expect: dict[str, object]
    why: str = ""
    args: tuple[str, ...] = field(default=())


# fmt: off
EXPECTED: tuple[Row, ...] = (
    Row("sfo_customer_survey_2018.csv", "survey", {
        "kpis.nps.score": 30.98,                      # 0–10 NETPRO, 11 = blank excluded (34.89 if kept)
        "kpis.nps.n": 2650,
        "inputs.survey.mapping.recommend": "NETPRO",
        "journey.touchpoints[Q7WIFI].native_mean": 3.985,  # 1–5 without 0/6 codes (4.232 if kept)
        "journey.touchpoints[Q7WIFI].scale": [1, 5],
        "journey.touchpoints[Q7ART].native_mean": 3.951,   # (4.159 if the codes are kept)
        "journey.touchpoints": none_of("Q7ALL", "Q9All", "NETPRO", "Q20Age", "Q21Gender", "Q22Income",
                                       "WEIGHT", "LANG", "DAY", "Q5TIMESFLOWN"),
        "inputs.survey.mapping.comment": "Q15A",
        "inputs.survey.columns.satisfaction.kind": "outcome",
        "inputs.survey.mapping.response_id": "RESPNUM",   # the respondent number, not row numbers
        "inputs.survey.notes": Check("says the figures are unweighted (WEIGHT)",
                                     lambda notes: any("WEIGHT" in note for note in notes)),
    }, why="coded survey: 0 = blank and 6 = never used on 1–5, 11 = blank on 0–10, BLANK in Q7ALL"),
    Row("skytrax_lounge_reviews.csv", "survey", {
        "journey.lowest": "catering_rating",
        "journey.touchpoints[catering_rating].native_mean": 2.818,      # 0 = not rated excluded
        "journey.highest": "cleanliness_rating",
        "journey.touchpoints[cleanliness_rating].native_mean": 3.672,
        "kpis.nps": None,                              # `recommended` is a 0/1 flag, not NPS
        "kpis.recommend.statistic": "share",
        "kpis.recommend.value": Near(816 / 2264, 1e-9),
        "inputs.survey.mapping.comment": "content",
        "journey.touchpoints": none_of("overall_rating", "recommended"),
    }, why="reviews without an id; 0 = not rated; a 0/1 recommend flag"),
    Row("airline_journey_survey.csv", "survey", {
        "journey.order": ["o_booking", "o_checkin", "o_departure", "o_cabin", "o_meal", "o_crew"],
        "journey.lowest": "o_meal",
        "journey.touchpoints[o_meal].scale": [1, 4],
        "inputs.survey.mapping.satisfaction": "o_experience",
        "kpis.nps": None,
    }, why="journey steps in order on 1–4; overall experience is the outcome"),
    Row("kunden_moebel_nps_de.xlsx", "survey", {
        "kpis.nps.score": 17.89,                       # from the group words only
        "kpis.nps.promoters": 134,
        "kpis.nps.passives": 101,
        "kpis.nps.detractors": 78,
        "inputs.survey.mapping.recommend": "bewertung",
    }, why="German NPS groups as words (promotor/passiv/detraktor), no score"),
    Row("womens_clothing_reviews.csv", "survey", {
        "kpis.nps": None,                              # `Recommended IND` is a 0/1 flag, not NPS
        "kpis.recommend.kind": "recommend_flag",
        "kpis.recommend.value": Near(19314 / 23486, 1e-9),
        "inputs.survey.mapping.comment": "Review Text",
        "inputs.survey.columns.Title.kind": "free_text",  # the other free text stays available
    }, why="product reviews: a 0/1 recommend flag, review title and text, no id"),
    Row("bank_churners.csv", "customers", {
        "kpis.churn_rate.value": Near(1627 / 10127, 1e-9),      # 16.07 % from the Attrition_Flag words
        "kpis.churn_rate.churned": 1627,
        "inputs.customers.mapping.customer_id": "CLIENTNUM",
        "inputs.customers.mapping.revenue": "Total_Trans_Amt",  # 12-month spend, not limit or balance
        "personas.excluded": Check("both model scores left out", lambda items: sum(
            item["code"] == "model_score" for item in items) == 2),
    }, why="credit limit and revolving balance are not revenue; two leaked model-score columns"),
    Row("mall_customers.csv", "customers", {
        "kpis.customers": 200,
        "inputs.customers.mapping.customer_id": "CustomerID",
    }, why="zero-padded ids, income in k$"),
    Row("retail_transactions.csv", "transactions", {
        "inputs.transactions.rows_used": 125000,
        "value.customers": 6889,
    }, why="M/D/YYYY dates without padding"),
    Row("CDNOW_sample.txt", "transactions", {
        "value.customers": 2357,
        "value.model.params.bgnbd.r": Near(0.243, 0.243 * 0.01),          # published, within 1 %
        "value.model.params.bgnbd.alpha": Near(4.414, 4.414 * 0.01),
        "value.model.params.bgnbd.a": Near(0.793, 0.793 * 0.01),
        "value.model.params.bgnbd.b": Near(2.426, 2.426 * 0.01),
        "value.model.params.gamma_gamma.p": Near(6.25, 6.25 * 0.01),
        "value.model.params.gamma_gamma.q": Near(3.74, 3.74 * 0.01),
        "value.model.params.gamma_gamma.v": Near(15.45, 15.45 * 0.01),
    }, why="space-aligned, no header, YYYYMMDD dates; the published BG/NBD fit", args=(
        "--calibration-end", "1997-09-30")),
)
# fmt: on


def _derived(document: dict, path: str):
    touchpoints = [
        tp for tp in (document.get("journey") or {}).get("touchpoints", []) if tp["mean"] is not None
    ]
    if path == "journey.order":
        return [tp["touchpoint"] for tp in touchpoints]
    if path in ("journey.lowest", "journey.highest"):
        pick = min if path.endswith("lowest") else max
        return pick(touchpoints, key=lambda tp: tp["mean"])["touchpoint"] if touchpoints else None
    raise KeyError(path)


def value_at(document: dict, path: str):
    """The value at a dotted path (see the module docstring); KeyError when it is not there."""
    if path in ("journey.order", "journey.lowest", "journey.highest"):
        return _derived(document, path)
    current = document
    for step in path.split("."):
        name, _, pick = step.partition("[")
        current = current[name]
        if pick:
            key = pick.rstrip("]")
            current = next(item for item in current if key in (item.get("touchpoint"), item.get("column")))
    return current


def _holds(expected, actual) -> bool:
    if isinstance(expected, Near | Check):
        return expected.holds(actual)
    if isinstance(expected, float):
        decimals = len(repr(expected).split(".")[1])
        return isinstance(actual, int | float) and abs(actual - expected) <= 0.5 * 10**-decimals
    return actual == expected


def analyze(row: Row, data: Path) -> dict:
    """The CLI's JSON document for one row's file (run in-process, output parsed)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["analyze", f"--{row.table}", str(data / row.file), *row.args, "--format", "json"])
    assert code == 0, err.getvalue()
    return json.loads(out.getvalue())


@pytest.mark.parametrize("row", EXPECTED, ids=[row.file for row in EXPECTED])
def test_expected_figures(row, shared_data):
    if not (shared_data / row.file).exists():
        pytest.skip(f"{row.file} is not in ../shared/data")
    document = analyze(row, shared_data)
    wrong = []
    for path, expected in row.expect.items():
        try:
            actual = value_at(document, path)
        except (KeyError, TypeError, StopIteration):
            wrong.append(f"{path}: missing (expected {expected!r})")
            continue
        if not _holds(expected, actual):
            shown = (
                actual if not isinstance(actual, list) or len(str(actual)) < 200 else f"{str(actual)[:200]}…"
            )
            wrong.append(f"{path}: {shown!r}, expected {expected!r}")
    assert not wrong, f"{row.file} ({row.why}):\n  " + "\n  ".join(wrong)
