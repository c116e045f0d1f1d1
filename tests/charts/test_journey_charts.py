"""Journey chart builders, tested on their Vega-Lite dicts (cxlib.charts.journey)."""

import json

import numpy as np
import pandas as pd
import pytest

from cxlib.charts.journey import (
    MAX_GROUPS,
    MIN_RANK_HEIGHT,
    PAIN_COLOUR,
    QUADRANT_COLOURS,
    UPRIGHT_LABELS,
    curve_width,
    driver_quadrant_chart,
    driver_ranking_chart,
    has_drivers,
    journey_curve_chart,
)
from cxlib.journey import build_journey, default_spec

ORDER = ["Werbung", "Website", "Warenkorb", "Lieferung", "Rechnung"]


def _result(groups=None, outcome="recommend", seed=3, n=300):
    rng = np.random.default_rng(seed)
    means = {"Werbung": 4.0, "Website": 4.1, "Warenkorb": 3.8, "Lieferung": 2.0, "Rechnung": 3.9}
    survey = pd.DataFrame({k: np.clip(np.round(rng.normal(m, 0.8, n)), 1, 5) for k, m in means.items()})
    survey["recommend"] = np.clip(np.round(2 * survey["Lieferung"] + rng.normal(1, 1.5, n)), 0, 10)
    group = None if groups is None else pd.Series(rng.choice(groups, n))
    return build_journey(survey, default_spec(survey, ORDER), outcome=outcome, group=group, lang="de")


def _leaves(spec):
    """All single-mark layers of a (nested) layer spec."""
    if "layer" in spec:
        return [leaf for layer in spec["layer"] for leaf in _leaves(layer)]
    return [spec]


def _rows(chart_dict, leaf):
    data = leaf.get("data", chart_dict.get("data"))  # Altair lifts the data of a lone layer to the top
    return chart_dict["datasets"][data["name"]]


def _mark(leaf):
    return leaf["mark"]["type"] if isinstance(leaf["mark"], dict) else leaf["mark"]


def test_curve_has_bands_labels_intervals_line_points_and_annotations():
    result = _result()
    spec = journey_curve_chart(result, lang="de").to_dict()
    leaves = _leaves(spec)
    assert [_mark(leaf) for leaf in leaves] == ["rect", "text", "rule", "line", "point", "text", "text"]
    assert spec["title"]["text"] == "Customer Journey: Zufriedenheit je Touchpoint"
    assert "95-%-Intervall" in spec["title"]["subtitle"][0]
    for leaf in leaves:
        assert leaf["encoding"]["x"]["field"] == "touchpoint"
        assert leaf["encoding"]["x"]["type"] == "nominal"
        assert leaf["encoding"]["x"]["sort"] == ORDER
    rect, labels, rule, line, points, notes, worst = leaves
    assert len(_rows(spec, rect)) == 5
    assert [row["label"] for row in _rows(spec, labels)] == [
        "Aktivierung",
        "Information",
        "Kauf",
        "Kundenbindung",
    ]
    assert labels["encoding"]["x"]["bandPosition"] == 0
    assert rule["encoding"]["y"]["field"] == "ci_low" and rule["encoding"]["y2"]["field"] == "ci_high"
    assert line["encoding"]["y"]["scale"]["domain"] == [0, 100]
    assert line["encoding"]["y"]["title"] == "Zufriedenheit (0–100)"
    assert points["encoding"]["color"]["condition"]["value"] == PAIN_COLOUR
    assert points["encoding"]["color"]["condition"]["test"] == "datum.pain_point"
    annotated = {row["touchpoint"]: row["note"] for row in _rows(spec, notes)}
    assert "Tiefpunkt" in annotated["Lieferung"]
    assert set(annotated) == {p["touchpoint"] for p in result.pain_points}
    assert [row["touchpoint"] for row in _rows(spec, worst)] == ["Lieferung"]
    assert _rows(spec, worst)[0]["note"].startswith("▼ Lieferung ")


def test_curve_titles_follow_the_language():
    spec = journey_curve_chart(_result(), lang="en").to_dict()
    assert spec["title"]["text"] == "Customer journey: satisfaction per touchpoint"
    assert _leaves(spec)[3]["encoding"]["y"]["title"] == "Satisfaction (0–100)"


def test_a_touchpoint_without_answers_keeps_its_place_on_the_axis():
    result = _result()
    result.touchpoints.loc[result.touchpoints["touchpoint"] == "Rechnung", ["mean", "ci_low", "ci_high"]] = (
        np.nan
    )
    spec = journey_curve_chart(result, lang="en").to_dict()
    line = _leaves(spec)[3]
    assert line["encoding"]["x"]["scale"]["domain"] == ORDER
    rechnung = next(row for row in _rows(spec, line) if row["touchpoint"] == "Rechnung")
    assert rechnung["mean"] is None


def test_one_line_per_group_on_demand():
    result = _result(groups=["Ulrike", "Uwe"])
    spec = journey_curve_chart(result, lang="en", by_group=True, group_title="Persona").to_dict()
    leaves = _leaves(spec)
    group_lines = [leaf for leaf in leaves if leaf["encoding"].get("color", {}).get("field") == "group"]
    assert len(group_lines) == 1
    assert group_lines[0]["encoding"]["color"]["title"] == "Persona"
    assert len(_rows(spec, group_lines[0])) == 2 * 5
    assert "2 of 2 groups shown" in spec["title"]["subtitle"][1]
    assert spec["resolve"]["scale"]["color"] == "independent"


def test_group_lines_are_capped_at_the_largest_groups():
    names = [f"P{i}" for i in range(MAX_GROUPS + 3)]
    result = _result(groups=names, n=2000)
    spec = journey_curve_chart(result, lang="en", by_group=True).to_dict()
    line = next(leaf for leaf in _leaves(spec) if leaf["encoding"].get("color", {}).get("field") == "group")
    shown = {row["group"] for row in _rows(spec, line)}
    sizes = result.by_group.groupby("group")["n"].max().sort_values(ascending=False, kind="stable")
    assert shown == set(sizes.index[:MAX_GROUPS])
    assert f"{MAX_GROUPS} of {len(names)} groups shown" in spec["title"]["subtitle"][1]


def test_group_lines_need_group_results():
    with pytest.raises(ValueError, match="group="):
        journey_curve_chart(_result(), by_group=True)


def test_driver_quadrant_has_points_labels_median_rules_and_quadrant_names():
    result = _result()
    spec = driver_quadrant_chart(result, lang="de").to_dict()
    leaves = _leaves(spec)
    assert [_mark(leaf) for leaf in leaves] == [
        "rule",
        "rule",
        "text",
        "text",
        "text",
        "text",
        "point",
        "text",
    ]
    assert spec["title"]["text"] == "Was am meisten zählt: Wichtigkeit × Leistung"
    assert "Weiterempfehlung (0–10)" in spec["title"]["subtitle"][0]
    vertical, horizontal = leaves[0], leaves[1]
    assert _rows(spec, vertical)[0]["performance"] == pytest.approx(result.drivers["performance"].median())
    assert _rows(spec, horizontal)[0]["importance"] == pytest.approx(result.drivers["importance"].median())
    corners = [_rows(spec, leaf)[0]["label"] for leaf in leaves[2:6]]
    assert corners == ["Zuerst verbessern", "Stärken halten", "Beibehalten", "Geringere Priorität"]
    points, names = leaves[6], leaves[7]
    assert (
        points["encoding"]["x"]["field"] == "performance" and points["encoding"]["y"]["field"] == "importance"
    )
    assert len(_rows(spec, points)) == 5
    assert names["encoding"]["text"]["field"] == "touchpoint"
    lieferung = next(row for row in _rows(spec, points) if row["touchpoint"] == "Lieferung")
    assert lieferung["quadrant_label"] == "Zuerst verbessern"


def test_driver_quadrant_without_an_outcome_says_so():
    spec = driver_quadrant_chart(_result(outcome=None), lang="en").to_dict()
    leaves = _leaves(spec)
    assert [_mark(leaf) for leaf in leaves] == ["text"]
    assert "cannot be computed" in _rows(spec, leaves[0])[0]["text"]


def test_programmer_errors():
    with pytest.raises(ValueError, match="JourneyResult"):
        journey_curve_chart(pd.DataFrame(), lang="en")
    with pytest.raises(ValueError, match="lang"):
        driver_quadrant_chart(_result(), lang="fr")


def _x_axis(spec):
    return _leaves(spec)[3]["encoding"]["x"]["axis"]


def test_every_touchpoint_label_is_drawn_and_distinct():
    """No label dropped for overlap; long survey questions wrap into distinct labels."""
    stem = "Wie zufrieden waren Sie insgesamt mit"
    names = [f"{stem} {name}" for name in ("der Beratung im Geschäft", "der Lieferung", "der Rechnung")]
    names += [f"Touchpoint {i}" for i in range(1, 9)]
    rng = np.random.default_rng(0)
    survey = pd.DataFrame({name: rng.integers(1, 6, 120).astype(float) for name in names})
    result = build_journey(survey, default_spec(survey, names), outcome=None, lang="en")
    axis = _x_axis(journey_curve_chart(result, lang="en").to_dict())
    assert axis["labelOverlap"] is False
    assert axis["labelLimit"] == 0
    assert axis["labelAngle"] == -35  # more than UPRIGHT_LABELS touchpoints: at an angle
    assert len(names) > UPRIGHT_LABELS
    shown = json.loads(axis["labelExpr"].split("[datum.value]")[0].strip("()"))
    assert list(shown) == names
    assert len({tuple(lines) for lines in shown.values()}) == len(names)
    assert all(len(line) <= 16 + 4 for lines in shown.values() for line in lines)
    assert all(stem not in " ".join(lines) for lines in shown.values())


def test_curve_has_its_designed_size_for_exports():
    spec = journey_curve_chart(_result(), lang="en").to_dict()
    assert spec["width"] == curve_width(5) >= 720
    assert spec["height"] == 380
    assert curve_width(12) == 12 * 96  # a column per touchpoint wide enough for its wrapped label


def test_curve_tooltips_and_axes_speak_german():
    spec = journey_curve_chart(_result(), lang="de").to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    points = _leaves(spec)[4]
    lieferung = next(row for row in _rows(spec, points) if row["touchpoint"] == "Lieferung")
    assert "," in lieferung["mean_text"] and "." not in lieferung["mean_text"]
    assert all(not tip.get("format") for tip in points["encoding"]["tooltip"])
    assert "locale" not in journey_curve_chart(_result(), lang="en").to_dict().get("config", {})


def test_driver_ranking_ranks_bars_by_importance_with_the_performance_written():
    result = _result()
    assert has_drivers(result)
    spec = driver_ranking_chart(result, lang="de").to_dict()
    bars, notes = _leaves(spec)
    rows = _rows(spec, bars)
    importances = [row["importance"] for row in rows]
    assert importances == sorted(importances, reverse=True)
    assert bars["encoding"]["y"]["sort"] == [row["touchpoint"] for row in rows]
    assert rows[0]["touchpoint"] == "Lieferung"
    assert rows[0]["quadrant_label"] == "Zuerst verbessern"
    assert bars["encoding"]["color"]["scale"]["range"] == list(QUADRANT_COLOURS)
    assert notes["encoding"]["text"]["field"] == "note"
    assert all(row["note"].startswith("Leistung ") for row in _rows(spec, notes))
    assert spec["height"] >= MIN_RANK_HEIGHT
    assert bars["encoding"]["y"]["axis"]["labelOverlap"] is False
    assert spec["title"]["text"] == "Was am meisten zählt: Wichtigkeit × Leistung"
    assert len(spec["title"]["subtitle"]) == 2


def test_driver_ranking_without_an_outcome_is_a_programmer_error():
    result = _result(outcome=None)
    assert not has_drivers(result)
    with pytest.raises(ValueError, match="has_drivers"):
        driver_ranking_chart(result, lang="en")


def test_driver_quadrant_is_tall_enough_to_read():
    assert driver_quadrant_chart(_result(), lang="en").to_dict()["height"] >= 320
    assert driver_quadrant_chart(_result(outcome=None), lang="en").to_dict()["height"] >= 320
