"""Defect class 8 (the comment is free text, not a multiple-choice question) and the survey half of class 9
(a survey without an ID uses its row numbers as response ids).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tests.survey.conftest import analyze_survey, ratings

N = 300
_OPENERS = ("I really liked", "Honestly the", "What bothered me was", "Great job on", "Please improve")
_TOPICS = ("the delivery time", "the friendly hotline", "your prices", "the app", "the returns process")


def _texts(rng, tag: str) -> list:
    texts = [
        f"{rng.choice(_OPENERS)} {rng.choice(_TOPICS)} ({tag} {i}), and I would say so again."
        for i in range(N)
    ]
    return [text if rng.random() > 0.3 else None for text in texts]


def test_the_comment_is_free_text_not_a_multiple_choice_question(rng):
    frame = pd.DataFrame(
        {
            "Respondent ID": [f"R{i}" for i in range(N)],
            "Why did you choose us?": rng.choice(["Price", "Quality", "Service", "Selection"], N),
            "What do you like best?": _texts(rng, "best"),
            "What do you like least?": _texts(rng, "least"),
            "How likely are you to recommend us?": rng.integers(0, 11, N),
            "Website": ratings(rng, N, 1, 5, centre=4),
        }
    )
    loaded, _ = analyze_survey(frame)
    comment = loaded.mapping.as_dict()["comment"]
    assert comment in ("What do you like best?", "What do you like least?")
    other = ({"What do you like best?", "What do you like least?"} - {comment}).pop()
    columns = loaded.validated.columns
    assert columns["comment"].kind == "free_text" and columns[other].kind == "free_text"
    assert columns["Why did you choose us?"].kind == "category"
    assert "Why did you choose us?" not in loaded.mapping.as_dict().values()


def test_a_survey_without_an_id_uses_row_numbers(rng):
    frame = pd.DataFrame(
        {
            "Website": ratings(rng, N, 1, 5, centre=4),
            "Lieferung": ratings(rng, N, 1, 5, centre=3),
            "Weiterempfehlung": np.r_[np.arange(11), rng.integers(0, 11, N - 11)],
        }
    )
    loaded, document = analyze_survey(frame)
    data, columns = loaded.validated.data, loaded.validated.columns
    assert data["response_id"].tolist() == [str(row) for row in range(2, N + 2)]  # file rows, header on 1
    assert columns["response_id"].kind == "row_number"
    assert [evidence.code for evidence in columns["response_id"].evidence] == ["row_numbers_as_ids"]
    assert any(
        "row numbers" in note and "cannot be linked" in note for note in loaded.validated.report.note_texts()
    )
    assert document["kpis"]["nps"]["n"] == N
    assert [tp["touchpoint"] for tp in document["journey"]["touchpoints"]] == ["Website", "Lieferung"]


def test_addresses_codes_and_timestamps_are_not_the_comment(rng):
    """Before: a Google Forms "Email address" column (long, unique text) was taken as the comment, so the
    voices analysed e-mail addresses; Qualtrics-like ``R_…`` codes were free text."""
    frame = pd.DataFrame(
        {
            "Timestamp": [f"2024/03/{1 + i % 28:02d} 10:{i % 60:02d}:11 AM GMT+1" for i in range(N)],
            "Email address": [f"customer{i}@example.com" for i in range(N)],
            "Code": [f"R_{rng.integers(10**11, 10**12):x}" for _ in range(N)],
            "How likely are you to recommend us?": rng.integers(0, 11, N),
            "Anything else?": _texts(rng, "else"),
        }
    )
    loaded, document = analyze_survey(frame)
    assert loaded.mapping.as_dict()["comment"] == "Anything else?"
    assert loaded.mapping.as_dict()["customer_id"] == "Email address"  # links answers to customers
    columns = loaded.validated.columns
    assert columns["customer_id"].kind == "identifier" and columns["Code"].kind == "category"
    assert document["voices"]["comments"]["count"] == frame["Anything else?"].notna().sum()
