"""A scale written in the header ("Weiterempfehlung (0-10)", "Beratung (1-5)") is the item's scale.

Before: the scale came from the answers alone. A 1–5 item with a "keine Angabe" 6 was read on 1–6 (the
6 counted as the best answer), and a 0–10 recommend item whose answers skip the middle lost its 9s and 10s
as "codes standing apart" (no NPS at all). Now answers on the stated scale are answers, values off it are
non-answer codes, with evidence. Each test builds the survey in memory, runs the real pipeline and
compares with pandas.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.scales import evidence_text, read_questionnaire, stated_scale
from tests.survey.conftest import analyze_survey

N = 150


def _nps(values: pd.Series) -> float:
    return float(((values >= 9).mean() - (values <= 6).mean()) * 100)


@pytest.mark.parametrize("header", ["Weiterempfehlung (0-10)", "How likely are you to recommend us? [0–10]"])
def test_recommend_answers_on_the_stated_scale_are_never_codes(header):
    answers = pd.Series(np.tile([1, 2, 4, 9, 10], N // 5))
    frame = pd.DataFrame({"Kundennummer": [f"K{i:04d}" for i in range(N)], header: answers})
    _, document = analyze_survey(frame)
    nps = document["kpis"]["nps"]
    assert nps is not None and nps["n"] == N
    assert nps["score"] == pytest.approx(_nps(answers))
    assert nps["promoters"] == int((answers >= 9).sum())


def test_a_value_off_the_stated_scale_is_a_code_and_not_the_best_answer():
    rng = np.random.default_rng(5)
    advice = rng.choice([1, 2, 3, 4, 5, 6], size=N, p=[0.05, 0.1, 0.2, 0.3, 0.2, 0.15])
    delivery = rng.choice([1, 2, 3, 4, 5, 6], size=N, p=[0.1, 0.1, 0.2, 0.3, 0.2, 0.1])
    frame = pd.DataFrame(
        {
            "Kundennummer": [f"K{i:04d}" for i in range(N)],
            "Beratung (1-5)": advice,
            "Lieferung (1-5)": delivery,
            "Gesamtzufriedenheit (1-5)": rng.integers(1, 6, N),
        }
    )
    _, document = analyze_survey(frame)
    means = {point["touchpoint"]: point["native_mean"] for point in document["journey"]["touchpoints"]}
    assert means["Beratung (1-5)"] == pytest.approx(advice[advice <= 5].mean(), abs=1e-3)
    assert means["Lieferung (1-5)"] == pytest.approx(delivery[delivery <= 5].mean(), abs=1e-3)
    meaning = read_questionnaire(frame).meanings["Beratung (1-5)"]
    assert meaning.scale == (1, 5) and meaning.missing_codes == (6,)
    assert meaning.missing_count == int((advice == 6).sum())
    said = [evidence_text(item, "de") for item in meaning.evidence]
    assert any("Überschrift nennt die Skala 1–5" in text for text in said)


def test_a_header_whose_answers_do_not_fit_is_not_believed():
    # "(1-5)" above answers that run 0–10: the answers decide, as before.
    answers = np.tile(np.arange(11), 20)
    frame = pd.DataFrame({"Punkte (1-5)": answers, "Service": np.tile([1, 2, 3, 4, 5], 44)})
    assert read_questionnaire(frame).meanings["Punkte (1-5)"].scale == (0, 10)


@pytest.mark.parametrize(
    ("header", "scale"),
    [
        ("Zufriedenheit auf einer Skala von 1 bis 7", (1, 7)),
        ("Rate us on a scale of 1 to 10", (1, 10)),
        ("Q5 Delivery (1 = very poor, 5 = excellent)", (1, 5)),
        ("Alter 18-25", None),
        ("Q1-5", None),
        ("Anzahl Besuche (1-3)", None),
        ("Umsatz 2024-10", None),
    ],
)
def test_stated_scale_reads_only_rating_scales(header, scale):
    assert stated_scale(header) == scale
