"""A report's figures are not answers: a monthly "NPS" column holding NPS values (−25, 12, 31 …).

Before: the column was the recommend question by its header, the values off 0–10 were set aside one by
one as "outside 0–10", and the few that happened to lie on 0–10 made an NPS (−25 on n = 4 of 12 months).
Now values mostly below 0 or above 10, spread over three or more values, are figures: no NPS is made from
them, and the column's evidence says why. Non-answer codes (−99, 99, "11 = blank") stay codes.
A table of one row per month with a period label is refused as a summary (cxlib.summary_tables) before
any answer is read.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.errors import CxError
from cxlib.scales import evidence_text, read_questionnaire
from tests.survey.conftest import analyze_survey

MONTHS = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]


@pytest.mark.parametrize("periods", [12, 60])
def test_nps_figures_of_a_report_give_no_nps(periods):
    rng = np.random.default_rng(periods)
    frame = pd.DataFrame(
        {
            "Periode": [f"{MONTHS[i % 12]} {2020 + i // 12}" for i in range(periods)],
            "NPS": rng.integers(-10, 40, periods),
            "Antworten": rng.integers(50, 200, periods),
        }
    )
    try:
        _, document = analyze_survey(frame)
    except CxError as error:  # one row per month: refused as a summary, never read as answers
        assert error.key == "error.summary_table"
    else:
        assert document["kpis"]["nps"] is None
    meaning = read_questionnaire(frame.astype("string")).meanings["NPS"]  # as the reader gives cells
    said = [evidence_text(item, "en") for item in meaning.evidence]
    assert any("below 0 or above 10" in text for text in said)


def test_far_codes_beside_real_answers_stay_codes():
    rng = np.random.default_rng(4)
    answers = rng.integers(0, 11, 200)
    answers[:20] = -99
    answers[20:30] = 99
    frame = pd.DataFrame({"ID": range(200), "Wie wahrscheinlich empfehlen Sie uns weiter?": answers})
    _, document = analyze_survey(frame)
    valid = pd.Series(answers[(answers >= 0) & (answers <= 10)])
    expected = ((valid >= 9).mean() - (valid <= 6).mean()) * 100
    assert document["kpis"]["nps"]["n"] == len(valid)
    assert document["kpis"]["nps"]["score"] == pytest.approx(expected)
