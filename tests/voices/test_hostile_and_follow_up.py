"""Hostile comments, the follow-up list (order, Excel), detractor themes and the CLI section."""

import io

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from cxlib.voices import analyze_voices
from cxlib.voices.follow_up import COLUMNS, follow_up_list, follow_up_workbook
from cxlib.voices.outcomes import detractor_themes, holm
from cxlib.voices.section import build_voices, voices_section

HOSTILE = [
    "<script>alert('x')</script> Die Lieferung war schlecht",
    "<img src=x onerror=alert(1)>",
    "**fett** [link](javascript:alert(1)) # Titel",
    '=HYPERLINK("http://x","klick")',
    "Lieferung " * 6000,  # 60,000 characters
    "😀😀😀 👍🏽",
    "und die der das ist nicht",  # only stop words
    "the and of to a",
    "",
    "   \n\t ",
    None,
    "1234 5678",
]


@pytest.fixture
def hostile_survey():
    n = len(HOSTILE)
    return pd.DataFrame(
        {
            "customer_id": [f"K{i}" for i in range(n)],
            "recommend": [i % 11 for i in range(n)],
            "comment": HOSTILE,
        }
    )


def test_hostile_comments_are_analysed_and_kept_exactly(hostile_survey):
    result = analyze_voices(hostile_survey)
    assert result.rows_without_comment == 3  # empty, whitespace-only and missing
    kept = [text for text in HOSTILE if text and text.strip()]
    assert result.comments["text"].tolist() == kept  # exactly as written, markup and all
    assert result.themes == []  # too few comments for themes: said, not invented
    assert result.comments["theme"].eq(-1).all()
    assert result.comments["sentiment"].between(-1, 1).all()
    section = voices_section(build_voices(hostile_survey))
    assert section["comments"]["count"] == 9 and section["themes"] == [] and section["notes"]


def test_hostile_comments_among_many_normal_ones_keep_their_text_in_examples(hostile_survey):
    normal = pd.DataFrame(
        {
            "customer_id": [f"N{i}" for i in range(300)],
            "recommend": [2, 9, 5] * 100,
            "comment": [
                "Lieferung kam viel zu spät",
                "Tolle Qualität, fairer Preis",
                "App stürzt beim Bezahlen ab",
            ]
            * 100,
        }
    )
    result = analyze_voices(pd.concat([hostile_survey, normal], ignore_index=True))
    assert len(result.themes) >= 2
    examples = {example for theme in result.themes for example in theme.examples}
    assert examples <= set(result.comments["text"])


def test_a_survey_without_comment_column_has_no_voices():
    assert build_voices(pd.DataFrame({"recommend": [1, 2]})) is None
    with pytest.raises(ValueError, match="survey must be a DataFrame"):
        analyze_voices([1, 2])


def _survey():
    return pd.DataFrame(
        {
            "customer_id": ["a", "b", "c", "d", "e", "f"],
            "response_date": pd.to_datetime(["2026-01-01", "2026-02-01", "2026-03-01"] * 2),
            "recommend": [2, 6, 8, 8, 10, 4],
            "comment": [
                "Lieferung viel zu spät",
                "Schlechter Service",
                "Leider schlecht verpackt",
                "Gute Qualität",
                "Super",
                "Enttäuschend",
            ],
        }
    )


def test_follow_up_holds_detractors_and_negative_passives_by_value_at_risk():
    clv = pd.Series({"a": 100.0, "b": 900.0, "c": 50.0, "d": 5000.0})
    persona = pd.Series({"a": "P1", "b": "P2", "c": "P1", "f": "P2"})
    frame = follow_up_list(analyze_voices(_survey()), persona_of=persona, clv=clv)
    assert list(frame.columns) == list(COLUMNS)
    # b (900), a (100), c (50, passive with a negative comment), then f without CLV; d is positive.
    assert frame["customer_id"].tolist() == ["b", "a", "c", "f"]
    assert frame["group"].tolist() == ["detractor", "detractor", "passive", "detractor"]
    assert frame["persona"].tolist() == ["P2", "P1", "P1", "P2"]
    assert np.isnan(frame["clv"].iloc[-1])
    assert frame.loc[0, "comment"] == "Schlechter Service"


def test_follow_up_excel_has_readable_headers_and_neutralised_formulas():
    survey = _survey()
    survey.loc[0, "comment"] = '=HYPERLINK("x") schlecht'
    frame = follow_up_list(analyze_voices(survey))
    workbook = load_workbook(io.BytesIO(follow_up_workbook(frame, lang="de")))
    sheet = workbook["Rückrufliste"]
    assert [cell.value for cell in sheet[1]][:5] == [
        "Kunde",
        "Datum",
        "Weiterempfehlung (0–10)",
        "Gruppe",
        "Kommentar",
    ]
    comments = [row[4].value for row in sheet.iter_rows(min_row=2)]
    assert '\'=HYPERLINK("x") schlecht' in comments


def test_without_recommend_there_is_no_follow_up_and_no_detractor_themes():
    result = analyze_voices(_survey().drop(columns="recommend"))
    assert follow_up_list(result) is None and detractor_themes(result) is None


def test_detractor_themes_are_tested_with_holm_adjusted_fisher():
    comments = ["Lieferung kam viel zu spät, ewig gewartet"] * 40 + ["Tolle Qualität, fairer Preis"] * 40
    comments += ["App stürzt beim Bezahlen ab"] * 20
    recommend = [3] * 40 + [10] * 40 + [3] * 10 + [10] * 10
    result = analyze_voices(pd.DataFrame({"comment": comments, "recommend": recommend}), k_range=(3, 3))
    rows = detractor_themes(result)
    top = rows[0]
    assert "Lieferung" in top["label"] and top["significant"] and top["difference"] > 0.5
    app = next(row for row in rows if "App" in row["label"])
    assert not app["significant"]  # equally often among detractors and promoters
    assert holm([0.01, 0.04, 0.03]) == [0.03, 0.06, 0.06]


def test_cli_document_has_the_voices_section_with_the_issue_keys(demo_document):
    voices = demo_document["voices"]
    assert {"comments", "themes", "detractor_themes", "sentiment", "follow_up"} <= set(voices)
    assert set(voices["comments"]) >= {"count", "languages"} and voices["comments"]["languages"] == {
        "de": voices["comments"]["count"]
    }
    for theme in voices["themes"]:
        assert {"label", "terms", "share", "mean_recommend", "sentiment", "examples"} <= set(theme)
        assert 2 <= len(theme["examples"]) <= 3
    assert set(voices["sentiment"]) >= {"mean", "agreement_with_rating"}
    assert voices["sentiment"]["agreement_with_rating"]["spearman"] >= 0.4
    assert voices["follow_up"]["count"] > 0
    assert any(row["significant"] for row in voices["detractor_themes"])
