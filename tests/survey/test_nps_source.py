"""Defect class 2: NPS only from a 0–10 (or 1–10) recommend question or from promoter/passive/detractor words.

Before: a 1–5 "Recommendation" item was scored as 0–10 (NPS −100, no warning) and a 0/1 "recommended"
flag gave an NPS too; group words gave no NPS at all.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import analyze_tables
from cxlib.intake import load_table
from cxlib.kpis import kpi_tiles
from tests.survey.conftest import analyze_survey, ratings


def _survey(rng, recommend_header: str, recommend_values) -> pd.DataFrame:
    n = len(recommend_values)
    return pd.DataFrame(
        {
            "Respondent ID": [f"r{i}" for i in range(n)],
            recommend_header: recommend_values,
            "Website": ratings(rng, n, 1, 5, centre=4.0),
            "Checkout": ratings(rng, n, 1, 5, centre=3.6),
            "Delivery": ratings(rng, n, 1, 5, centre=3.0),
        }
    )


def test_a_1_to_5_recommendation_shows_its_mean_and_no_nps(rng):
    frame = _survey(rng, "Recommendation", ratings(rng, 200, 1, 5, centre=4.2))
    loaded, document = analyze_survey(frame)
    assert document["kpis"]["nps"] is None
    item = document["kpis"]["recommend"]
    assert (item["column"], item["statistic"], item["scale"]) == ("Recommendation", "mean", [1, 5])
    assert item["value"] == pytest.approx(frame["Recommendation"].mean())
    assert any("1–5" in note and "No NPS" in note for note in document["kpis"]["notes"])
    assert "recommend" not in loaded.validated.report.mapping
    assert loaded.validated.columns["Recommendation"].kind == "recommend_rating"
    tile = next(tile for tile in kpi_tiles(None, loaded.validated.data, lang="de") if tile.key == "nps")
    assert tile.value == "–" and "1–5" in tile.help and "Kein NPS" in tile.help


def test_a_0_1_recommend_flag_is_the_share_who_would_recommend(rng):
    flags = np.r_[np.ones(150, int), np.zeros(50, int)]
    _, document = analyze_survey(_survey(rng, "recommended", flags))
    assert document["kpis"]["nps"] is None
    item = document["kpis"]["recommend"]
    assert (item["kind"], item["statistic"], item["value"], item["n"]) == (
        "recommend_flag",
        "share",
        0.75,
        200,
    )
    assert any("75.0% would recommend" in note for note in document["kpis"]["notes"])


@pytest.mark.parametrize(
    ("header", "words"),
    [
        ("bewertung", ("promotor", "passiv", "detraktor")),
        ("NPS group", ("Promoter", "Passive", "Detractor")),
        ("Segment", ("Promotoren", "Passive", "Kritiker")),
    ],
)
def test_nps_from_group_words(rng, header, words):
    groups = [words[0]] * 134 + [words[1]] * 101 + [words[2]] * 78
    loaded, document = analyze_survey(_survey(rng, header, groups))
    assert loaded.mapping.as_dict()["recommend"] == header
    assert loaded.validated.columns["recommend"].kind == "nps_group"
    nps = document["kpis"]["nps"]
    assert (nps["promoters"], nps["passives"], nps["detractors"], nps["n"]) == (134, 101, 78, 313)
    assert nps["score"] == pytest.approx(100 * (134 - 78) / 313)


def test_a_0_to_10_question_with_a_blank_code_11(rng):
    scores = np.r_[np.arange(11), rng.integers(0, 11, 189)]
    with_code = np.r_[scores, np.full(40, 11)]
    loaded, document = analyze_survey(_survey(rng, "NETPRO", with_code))
    expected = 100 * ((scores >= 9).sum() - (scores <= 6).sum()) / scores.size
    assert document["kpis"]["nps"]["score"] == pytest.approx(expected)
    assert document["kpis"]["nps"]["n"] == 200
    meaning = loaded.validated.columns["recommend"]
    assert (meaning.kind, meaning.scale, meaning.missing_codes, meaning.missing_count) == (
        "nps_score",
        (0, 10),
        (11,),
        40,
    )
    assert [rule.rule for rule in loaded.validated.report.rules] == ["nonanswer_codes"]


def test_a_1_to_5_item_assigned_to_recommend_by_hand_gives_no_nps(rng):
    from cxlib.intake import prepare_table

    frame = _survey(rng, "Zufriedenheit", ratings(rng, 200, 1, 5, centre=4.2))
    roles = {"response_id": "Respondent ID", "recommend": "Zufriedenheit"}
    loaded = prepare_table({"Umfrage": frame}, table="survey", file="umfrage.xlsx", roles=roles)
    assert "recommend" not in loaded.validated.data.columns
    assert loaded.validated.columns["Zufriedenheit"].kind == "recommend_rating"
    assert any("1–5" in note for note in loaded.validated.report.note_texts())


def test_a_few_answers_past_every_short_scale_are_a_0_to_10_nps_item(rng):
    """Regression: 20 answers of 3, 8 and 10 under "Weiterempfehlung" were too few to prove a 0–10
    scale, so the NPS went missing; an 8 or a 10 cannot come from a 1–5 or 1–7 item."""
    frame = _survey(rng, "Weiterempfehlung", [10] * 12 + [8] * 4 + [3] * 4)
    loaded, document = analyze_survey(frame)
    assert document["kpis"]["nps"]["score"] == pytest.approx(40.0)
    assert loaded.validated.columns["recommend"].scale == (0, 10)


def test_a_few_answers_within_a_short_scale_stay_no_nps(rng):
    frame = _survey(rng, "Weiterempfehlung", [5] * 10 + [4] * 6 + [2] * 4)
    _, document = analyze_survey(frame)
    assert document["kpis"]["nps"] is None


@pytest.mark.parametrize(
    ("labels", "separator"),
    [
        ({0: "0 - Not at all likely", 10: "10 - Extremely likely"}, ","),
        ({0: "0 = überhaupt nicht wahrscheinlich", 10: "10 = äußerst wahrscheinlich"}, ";"),
        ({v: f"{v} ({'sehr' if v > 5 else 'wenig'} wahrscheinlich)" for v in range(11)}, ";"),
    ],
)
def test_recommend_answers_written_as_numbers_with_labels(rng, labels, separator):
    """Before: "10 - Extremely likely" made the question text, so there was no NPS at all (and a first fix
    that typed the number as 10.0 lost every 10 in a German ';' file: NPS -26 instead of -5)."""
    scores = ratings(rng, 200, 0, 10, centre=6.5)
    frame = _survey(rng, "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?", scores)
    frame[frame.columns[1]] = [labels.get(v, str(v)) for v in scores]
    text = frame.to_csv(index=False, sep=separator).encode("cp1252" if separator == ";" else "utf-8")
    loaded = load_table(text, table="survey", filename="umfrage.csv")
    document = analyze_tables({"survey": loaded.validated})
    expected = 100 * ((scores >= 9).sum() - (scores <= 6).sum()) / scores.size
    assert document["kpis"]["nps"]["score"] == pytest.approx(expected)
    assert document["kpis"]["nps"]["n"] == 200
    assert "labelled_numbers" in [e.code for e in loaded.validated.columns["recommend"].evidence]


def test_a_1_to_10_recommend_question_gives_the_nps_and_says_so(rng):
    """Before: the NPS of a 1–10 question was shown as if asked on 0–10, without a word."""
    scores = ratings(rng, 200, 1, 10, centre=7.0)
    loaded, document = analyze_survey(_survey(rng, "Weiterempfehlung (1-10)", scores))
    expected = 100 * ((scores >= 9).sum() - (scores <= 6).sum()) / scores.size
    assert document["kpis"]["nps"]["score"] == pytest.approx(expected)
    assert {"table": "survey", "code": "nps_from_1_to_10", "column": "recommend", "params": {}} in (
        document["assumptions"]
    )
    tile = next(tile for tile in kpi_tiles(None, loaded.validated.data, lang="de") if tile.key == "nps")
    assert "Annahmen: Weiterempfehlung von 1 bis 10 (keine 0)" in tile.help
