"""Answers written as words are read as points of their answer scale, in EN and DE.

Before: one table read every word on 1–5 whatever its scale. Qualtrics' 7-point satisfaction words were a
category (the touchpoint left the journey), a 7-point agreement item was drawn on 1–5 (4.59 of 7 shown as
3.41 of 5), "Poor … Excellent" read poor = 2 and excellent = very good = 5, a 4-point "sehr unzufrieden …
sehr zufrieden" was read on 1–5, school grades and likelihood words were categories, and frequency words
were a touchpoint's satisfaction. Each test builds the survey in memory, runs the real pipeline and
compares with pandas on the known word -> point mapping.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.scales import evidence_text, likert_points, likert_scale, words_of
from tests.survey.conftest import analyze_survey

N = 120

SCALES = {
    # satisfaction
    "en_sat_5": ("Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied",
                 "Very satisfied"),
    "en_sat_5_qualtrics": ("Extremely dissatisfied", "Somewhat dissatisfied",
                           "Neither satisfied nor dissatisfied", "Somewhat satisfied", "Extremely satisfied"),
    "en_sat_7_qualtrics": ("Extremely dissatisfied", "Moderately dissatisfied", "Slightly dissatisfied",
                           "Neither satisfied nor dissatisfied", "Slightly satisfied", "Moderately satisfied",
                           "Extremely satisfied"),
    "en_sat_7_surveymonkey": ("Very dissatisfied", "Dissatisfied", "Somewhat dissatisfied", "Neutral",
                              "Somewhat satisfied", "Satisfied", "Very satisfied"),
    "en_sat_unipolar_5": ("Not at all satisfied", "Slightly satisfied", "Moderately satisfied",
                          "Very satisfied", "Extremely satisfied"),
    "en_sat_4_forced": ("Very dissatisfied", "Somewhat dissatisfied", "Somewhat satisfied", "Very satisfied"),
    "en_sat_6_forced": ("Extremely dissatisfied", "Moderately dissatisfied", "Slightly dissatisfied",
                        "Slightly satisfied", "Moderately satisfied", "Extremely satisfied"),
    "de_sat_5": ("sehr unzufrieden", "unzufrieden", "weder zufrieden noch unzufrieden", "zufrieden",
                 "sehr zufrieden"),
    "de_sat_7": ("äußerst unzufrieden", "sehr unzufrieden", "eher unzufrieden", "teils/teils",
                 "eher zufrieden", "sehr zufrieden", "äußerst zufrieden"),
    "de_sat_4_forced": ("sehr unzufrieden", "eher unzufrieden", "eher zufrieden", "sehr zufrieden"),
    "de_sat_6_forced": ("sehr unzufrieden", "unzufrieden", "etwas unzufrieden", "etwas zufrieden",
                        "zufrieden", "sehr zufrieden"),
    "de_sat_rohrmann": ("gar nicht zufrieden", "wenig zufrieden", "mittelmäßig zufrieden",
                        "ziemlich zufrieden", "sehr zufrieden"),
    # agreement
    "en_agree_5": ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"),
    "en_agree_5_qualtrics": ("Strongly disagree", "Somewhat disagree", "Neither agree nor disagree",
                             "Somewhat agree", "Strongly agree"),
    "en_agree_7": ("Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree",
                   "Somewhat agree", "Agree", "Strongly agree"),
    "en_agree_4_forced": ("Strongly disagree", "Disagree", "Agree", "Strongly agree"),
    "en_agree_6_forced": ("Disagree strongly", "Disagree moderately", "Disagree slightly", "Agree slightly",
                          "Agree moderately", "Agree strongly"),
    "de_agree_5": ("stimme überhaupt nicht zu", "stimme eher nicht zu", "teils/teils", "stimme eher zu",
                   "stimme voll und ganz zu"),
    "de_agree_4_trifft": ("trifft nicht zu", "trifft eher nicht zu", "trifft eher zu", "trifft voll zu"),
    "de_agree_4_trifft_ueberhaupt": ("trifft überhaupt nicht zu", "trifft eher nicht zu", "trifft eher zu",
                                     "trifft voll und ganz zu"),
    "de_agree_rohrmann": ("trifft gar nicht zu", "trifft wenig zu", "trifft teils-teils zu",
                          "trifft ziemlich zu", "trifft völlig zu"),
    "de_agree_lehne_ab": ("lehne völlig ab", "lehne eher ab", "weder noch", "stimme eher zu",
                          "stimme völlig zu"),
    # quality
    "en_quality_5": ("Poor", "Fair", "Good", "Very good", "Excellent"),
    "en_quality_5_very_poor": ("Very poor", "Poor", "Fair", "Good", "Very good"),
    "en_quality_4": ("Poor", "Fair", "Good", "Excellent"),
    "de_school_grades": ("ungenügend", "mangelhaft", "ausreichend", "befriedigend", "gut", "sehr gut"),
    "de_quality_5": ("sehr schlecht", "schlecht", "mittelmäßig", "gut", "sehr gut"),
}  # fmt: skip


def _written(words: tuple[str, ...], points: np.ndarray) -> list[str]:
    """Answers as a survey tool might write them: mixed case, stray spaces, a trailing full stop."""
    spelled = []
    for i, point in enumerate(points):
        word = words[point - 1]
        word = (word.upper(), word.lower(), f"  {word} ", f"{word}.")[i % 4] if i % 3 == 0 else word
        spelled.append(word)
    return spelled


def _points(rng: np.random.Generator, k: int, *, lowest: int = 1) -> np.ndarray:
    values = rng.integers(lowest, k + 1, N)
    values[: k - lowest + 1] = np.arange(lowest, k + 1)  # every point from ``lowest`` used
    return values


def _touchpoints(document: dict) -> dict[str, dict]:
    return {tp["touchpoint"]: tp for tp in document["journey"]["touchpoints"]}


@pytest.mark.parametrize("name", sorted(SCALES))
def test_answer_words_are_points_of_their_scale(name, rng):
    words = SCALES[name]
    k = len(words)
    website = _points(rng, k)
    delivery = _points(rng, k, lowest=2)  # nobody gave the worst answer: still a k-point item
    frame = pd.DataFrame(
        {"Nr": range(N), "Website": _written(words, website), "Lieferung": _written(words, delivery)}
    )
    loaded, document = analyze_survey(frame)
    touchpoints = _touchpoints(document)
    assert set(touchpoints) == {"Website", "Lieferung"}
    for column, points in (("Website", website), ("Lieferung", delivery)):
        assert touchpoints[column]["scale"] == [1, k]
        assert touchpoints[column]["native_mean"] == pytest.approx(round(points.mean(), 3))
        assert touchpoints[column]["n"] == N
        assert loaded.validated.columns[column].direction == "higher_better"


def test_a_battery_is_read_on_the_scale_of_its_pooled_words(rng):
    """Alone, "Neutral, Somewhat satisfied, Very satisfied" fits a 5-point scale (4, 5); next to the items of
    its question it is SurveyMonkey's 7-point scale (5, 7)."""
    words = SCALES["en_sat_7_surveymonkey"]
    full, top = _points(rng, 7), rng.choice([4, 5, 7], N)
    question = "How satisfied are you with each of the following?"
    frame = pd.DataFrame(
        {"Nr": range(N), f"{question} - Website": _written(words, full),
         f"{question} - App": _written(words, top)}
    )  # fmt: skip
    loaded, document = analyze_survey(frame)
    app = _touchpoints(document)[f"{question} - App"]
    assert app["scale"] == [1, 7]
    assert app["native_mean"] == pytest.approx(round(top.mean(), 3))
    codes = [e.code for e in loaded.validated.columns[f"{question} - App"].evidence]
    assert "shared_scale" in codes and "likert_words" in codes


def test_labelled_numbers_with_7_point_words_are_a_rating(rng):
    """Before: "1 - Extremely dissatisfied" … "7 - Extremely satisfied" was a coded answer (most labels were
    unknown words); the item written the other way round is turned around."""
    words = SCALES["en_sat_7_qualtrics"]
    points = _points(rng, 7)
    frame = pd.DataFrame(
        {"Nr": range(N), "Website": [f"{p} - {words[p - 1]}" for p in points],
         "Hotline": [f"{8 - p} - {words[p - 1]}" for p in points]}
    )  # fmt: skip
    _, document = analyze_survey(frame)
    touchpoints = _touchpoints(document)
    assert touchpoints["Website"]["native_mean"] == pytest.approx(round(points.mean(), 3))
    assert touchpoints["Hotline"]["native_mean"] == pytest.approx(round(points.mean(), 3))


@pytest.mark.parametrize(
    ("header", "words"),
    [
        ("How often do you use the app?", ("Never", "Rarely", "Sometimes", "Often", "Always")),
        ("Wie oft bestellen Sie online?", ("nie", "selten", "manchmal", "oft", "immer")),
        ("Importance: delivery", ("Not at all important", "Slightly important", "Moderately important",
                                  "Very important", "Extremely important")),
        ("Wichtigkeit Lieferung", ("unwichtig", "eher unwichtig", "teils/teils", "eher wichtig",
                                   "sehr wichtig")),
        ("Likely to visit the store", ("Very unlikely", "Unlikely", "Neither likely nor unlikely", "Likely",
                                       "Very likely")),
        ("Filialbesuch geplant", ("sehr unwahrscheinlich", "eher unwahrscheinlich", "eher wahrscheinlich",
                                  "sehr wahrscheinlich")),
    ],
)  # fmt: skip
def test_frequency_importance_and_likelihood_are_ordered_but_not_satisfaction(header, words, rng):
    """How often, how important, how likely: ordered answers read as points, but never a touchpoint's
    satisfaction (nor the overall one); the survey says so in a note."""
    points = _points(rng, len(words))
    beratung = _written(SCALES["de_sat_5"], _points(rng, 5))
    frame = pd.DataFrame({"Nr": range(N), header: _written(words, points), "Beratung": beratung})
    loaded, document = analyze_survey(frame)
    meaning = loaded.validated.columns[header]
    assert (meaning.kind, meaning.scale) == ("ordinal", (1, len(words)))
    assert "touchpoints" in meaning.excluded_from
    assert list(_touchpoints(document)) == ["Beratung"]
    assert "satisfaction" not in loaded.validated.report.mapping
    assert loaded.validated.data[header].mean() == pytest.approx(points.mean())
    assert any(header in note and "how often" in note for note in loaded.validated.report.note_texts())


@pytest.mark.parametrize("labelled_by", ["answers", "header"])
def test_numbers_labelled_with_frequency_words_are_ordered_but_not_satisfaction(labelled_by, rng):
    words = ("Never", "Rarely", "Sometimes", "Often", "Always")
    points = _points(rng, 5)
    if labelled_by == "answers":
        header, answers = "App use", [f"{p} - {words[p - 1]}" for p in points]
    else:
        header, answers = "App use (1 = never, 5 = always)", list(points)
    frame = pd.DataFrame(
        {"Nr": range(N), header: answers, "Website": _written(SCALES["en_sat_5"], _points(rng, 5))}
    )
    loaded, document = analyze_survey(frame)
    meaning = loaded.validated.columns[header]
    assert (meaning.kind, meaning.scale) == ("ordinal", (1, 5))
    assert list(_touchpoints(document)) == ["Website"]


def test_a_recommend_question_in_likelihood_words_gives_its_mean_not_an_nps(rng):
    words = ("Extremely unlikely", "Somewhat unlikely", "Neither likely nor unlikely", "Somewhat likely",
             "Extremely likely")  # fmt: skip
    points = _points(rng, 5)
    frame = pd.DataFrame(
        {"Nr": range(N), "How likely are you to recommend us?": _written(words, points),
         "Website": _written(SCALES["en_sat_5"], _points(rng, 5))}
    )  # fmt: skip
    loaded, document = analyze_survey(frame)
    meaning = loaded.validated.columns["How likely are you to recommend us?"]
    assert (meaning.kind, meaning.scale) == ("recommend_rating", (1, 5))
    assert document["kpis"]["nps"] is None
    item = document["kpis"]["recommend"]
    assert (item["statistic"], item["scale"]) == ("mean", [1, 5])
    assert item["value"] == pytest.approx(points.mean())
    assert list(_touchpoints(document)) == ["Website"]


@pytest.mark.parametrize(
    "nonanswer",
    ["Don't know / Not applicable", "N/A", "keine Angabe", "Weiß nicht / keine Angabe",
     "kann ich nicht beurteilen", "Prefer not to answer"],
)  # fmt: skip
def test_dont_know_and_not_applicable_are_no_points(nonanswer, rng):
    words = SCALES["en_sat_7_qualtrics"]
    points = _points(rng, 7)
    answers = _written(words, points)
    answers[-25:] = [nonanswer] * 25
    frame = pd.DataFrame({"Nr": range(N), "Website": answers, "App": _written(words, _points(rng, 7))})
    loaded, document = analyze_survey(frame)
    website = _touchpoints(document)["Website"]
    assert (website["scale"], website["n"]) == ([1, 7], N - 25)
    assert website["native_mean"] == pytest.approx(round(points[:-25].mean(), 3))
    assert loaded.validated.columns["Website"].missing_count == 25


def test_trifft_nicht_zu_is_a_point_on_its_scale_and_a_nonanswer_next_to_other_words(rng):
    trifft = SCALES["de_agree_4_trifft"]
    agree, satisfied = _points(rng, 4), _points(rng, 5)
    beratung = _written(SCALES["de_sat_5"], satisfied)
    beratung[-20:] = ["trifft nicht zu"] * 20  # "does not apply" under a satisfaction question
    frame = pd.DataFrame({"Nr": range(N), "Freundlichkeit": _written(trifft, agree), "Beratung": beratung})
    loaded, document = analyze_survey(frame)
    touchpoints = _touchpoints(document)
    assert touchpoints["Freundlichkeit"]["native_mean"] == pytest.approx(round(agree.mean(), 3))
    assert touchpoints["Freundlichkeit"]["n"] == N
    assert touchpoints["Beratung"]["native_mean"] == pytest.approx(round(satisfied[:-20].mean(), 3))
    assert loaded.validated.columns["Beratung"].missing_count == 20


@pytest.mark.parametrize(
    ("header", "values"),
    [
        ("Kanal", ["Online", "Telefon", "Filiale", "App"]),
        ("Produkt", ["Sofa Oslo", "Tisch Bergen", "Stuhl Malmö"]),
        ("Newsletter", ["Ja", "Nein"]),
        ("Would you buy again?", ["Yes", "No"]),
        ("Tarif", ["Good", "Better", "Best"]),
        ("Tonality", ["positive", "neutral", "negative"]),
        ("Usage", ["daily", "weekly", "monthly", "never"]),
        ("Statement agreed", ["Agree", "Disagree"]),
        ("Zahlungsart", ["Rechnung", "PayPal", "Kreditkarte", "weiß nicht"]),
    ],
)
def test_nominal_words_are_not_read_as_a_scale(header, values, rng):
    website = _points(rng, 5)
    frame = pd.DataFrame(
        {"Nr": range(N), header: [values[i % len(values)] for i in range(N)],
         "Website": _written(SCALES["en_sat_5"], website)}
    )  # fmt: skip
    loaded, document = analyze_survey(frame)
    assert list(_touchpoints(document)) == ["Website"]
    meaning = loaded.validated.columns.get(header)
    assert meaning is None or (meaning.kind not in ("rating", "ordinal") and meaning.scale in (None, (0, 1)))
    assert _touchpoints(document)["Website"]["native_mean"] == pytest.approx(round(website.mean(), 3))


def test_the_evidence_names_the_scale_and_the_points_of_the_words_in_both_languages(rng):
    words = SCALES["de_sat_4_forced"]
    frame = pd.DataFrame({"Nr": range(N), "Beratung": _written(words, _points(rng, 4))})
    loaded, _ = analyze_survey(frame)
    evidence = loaded.validated.columns["Beratung"].evidence
    texts = {lang: " | ".join(evidence_text(e, lang) for e in evidence) for lang in ("en", "de")}
    assert "satisfaction scale read as points 1–4" in texts["en"] and "4 = sehr zufrieden" in texts["en"]
    assert "Zufriedenheitsskala als Punkte 1–4" in texts["de"] and "1 = sehr unzufrieden" in texts["de"]
    assert "without one (4 points)" in texts["en"] and "ohne Mitte" in texts["de"]


def test_a_reading_another_scale_would_give_otherwise_is_said(rng):
    """Answers "Poor, Fair, Good, Very good" are "Very poor … Very good" without its worst answer or "Poor …
    Excellent" without its best: ratings lean to the top, so the first is taken, and the evidence says so."""
    words = ("Poor", "Fair", "Good", "Very good")
    points = _points(rng, 4)
    frame = pd.DataFrame({"Nr": range(N), "Website": _written(words, points)})
    loaded, document = analyze_survey(frame)
    website = _touchpoints(document)["Website"]
    assert website["scale"] == [1, 5]
    assert website["native_mean"] == pytest.approx(round(points.mean() + 1, 3))
    assumed = [e for e in loaded.validated.columns["Website"].evidence if e.code == "likert_assumed"]
    assert assumed and "1 = Poor" in evidence_text(assumed[0], "en")


@pytest.mark.parametrize("name", sorted(SCALES))
def test_likert_points_reads_each_scale_in_order(name):
    words = SCALES[name]
    points, was_word = likert_points(pd.Series([w.upper() if i % 2 else w for i, w in enumerate(words)]))
    assert points.tolist() == [float(p) for p in range(1, len(words) + 1)] and was_word.all()


def test_every_word_of_a_known_scale_is_on_one_point():
    from cxlib.scales import LIKERT_SCALES

    for scale in LIKERT_SCALES:
        words = [word for level in scale.levels for word in level]
        assert len(words) == len(set(words)), scale.key
        assert all(word == words_of(word) for word in words), scale.key


def test_words_of_two_scales_or_one_lone_point_are_no_scale():
    assert likert_scale(["agree", "good"]) == (None, None)
    assert likert_scale(["strongly agree", "agree", "very satisfied"]) == (None, None)
    assert likert_scale(["neutral"]) == (None, None)
