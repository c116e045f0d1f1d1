"""read_file on survey-tool exports whose header spans several rows (question codes, question texts,
option labels, export metadata): those rows name the columns and are never read as answers."""

from __future__ import annotations

import csv
import io
import json

import pytest

from cxlib.i18n import t
from cxlib.reading import read_file
from tests.reading.reading_builders import xlsx_bytes


def _csv(rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def _only(data: bytes, filename: str):
    sheets = read_file(data, filename=filename)
    assert len(sheets) == 1
    return next(iter(sheets.values()))


QUALTRICS = [
    ["StartDate", "Progress", "Finished", "ResponseId", "Q1", "Q2_1", "Q2_2", "Q3"],
    ["Start Date", "Progress", "Finished", "Response ID",
     "How likely are you to recommend us to a friend or colleague?",
     "How satisfied were you with the following? - Website",
     "How satisfied were you with the following? - Delivery", "Why?"],
    [json.dumps({"ImportId": code}) for code in ("startDate", "progress", "finished", "_recordId",
                                                  "QID1", "QID2_1", "QID2_2", "QID3_TEXT")],
    ["2024-03-01 10:02:11", "100", "1", "R_1a", "10", "4", "5", "great"],
    ["2024-03-02 11:12:13", "100", "1", "R_2b", "3", "2", "1", "slow"],
    ["2024-03-03 09:00:00", "45", "0", "R_3c", "8", "4", "", ""],
]  # fmt: skip


def test_qualtrics_question_texts_and_import_ids_are_header_rows_not_answers():
    df = _only(_csv(QUALTRICS), "qualtrics.csv")
    assert list(df.columns) == [
        "StartDate", "Progress", "Finished", "ResponseId",
        "Q1 How likely are you to recommend us to a friend or colleague?",
        "Q2_1 How satisfied were you with the following? - Website",
        "Q2_2 How satisfied were you with the following? - Delivery", "Q3 Why?",
    ]  # fmt: skip
    assert len(df) == 3  # before: the question texts and import ids were two more "answers"
    assert df.index.tolist() == [4, 5, 6]  # file rows of the answers
    assert df.iloc[:, 4].tolist() == ["10", "3", "8"]
    assert df.attrs["header_row"] == 2
    assert df.attrs["note_keys"] == [("reading.note.header_rows", {"rows": "2, 3", "header_row": 1})]
    assert "Zeile(n) 2, 3" in t("reading.note.header_rows", "de", rows="2, 3", header_row=1)


SURVEYMONKEY = [
    ["Respondent ID", "Start Date",
     "How likely is it that you would recommend this company to a friend or colleague?",
     "How satisfied are you with each of the following?", "", "Any comments?"],
    ["", "", "Response", "Website", "Delivery", "Open-Ended Response"],
    ["114001", "03/01/2024 10:02:11 AM", "9", "Very satisfied", "Neutral", "fine"],
    ["114002", "03/02/2024 11:02:11 AM", "6", "Dissatisfied", "Satisfied", ""],
]  # fmt: skip
MONKEY_NAMES = [
    "Respondent ID", "Start Date",
    "How likely is it that you would recommend this company to a friend or colleague?",
    "How satisfied are you with each of the following? - Website",
    "How satisfied are you with each of the following? - Delivery", "Any comments?",
]  # fmt: skip


def test_surveymonkey_response_row_names_options_and_is_no_answer():
    df = _only(_csv(SURVEYMONKEY), "monkey.csv")
    assert list(df.columns) == MONKEY_NAMES
    assert df.iloc[:, 2].tolist() == ["9", "6"]  # before: "Response", "9", "6"
    assert [key for key, _ in df.attrs["note_keys"]] == ["reading.note.header_rows"]


def test_surveymonkey_workbook_with_a_sparse_question_row_above_the_labels():
    rows = [[cell or None for cell in row] for row in SURVEYMONKEY[:2]]
    rows += [[114001, "2024-03-01", 9, "Very satisfied", "Neutral", "fine"],
             [114002, "2024-03-02", 6, "Dissatisfied", "Satisfied", None]]  # fmt: skip
    # the question row has fewer cells than the label row: the label row looks like the header
    df = _only(xlsx_bytes({"Sheet": rows}, merges={"Sheet": ["D1:E1"]}), "monkey.xlsx")
    assert list(df.columns) == MONKEY_NAMES
    assert df.iloc[:, 2].tolist() == [9, 6]
    assert df.attrs["title_rows"] == []


def test_a_units_row_under_the_header_names_the_columns():
    text = "Kunde;Alter;Umsatz\n;Jahre;EUR\nK1;34;120\nK2;51;80\nK3;29;15\n"
    df = _only(text.encode(), "kunden.csv")
    assert list(df.columns) == ["Kunde", "Alter - Jahre", "Umsatz - EUR"]
    assert df["Alter - Jahre"].tolist() == ["34", "51", "29"]


def test_a_first_answer_with_no_answer_words_stays_an_answer():
    text = "Kunde;Alter;Umsatz\nK1;n/a;k.A.\nK2;51;80\nK3;29;15\n"
    df = _only(text.encode(), "kunden.csv")
    assert list(df.columns) == ["Kunde", "Alter", "Umsatz"]
    assert len(df) == 3


def test_a_first_answer_whose_word_recurs_below_stays_an_answer():
    text = "ID,Score,Visits\nA,none yet,zero\nB,7,3\nC,none yet,zero\nD,9,4\nE,8,2\n"
    df = _only(text.encode(), "s.csv")
    assert list(df.columns) == ["ID", "Score", "Visits"]
    assert len(df) == 5


def test_text_only_survey_first_answer_is_not_taken_for_a_header():
    text = "Name,Website,Delivery\nAnna,Very satisfied,Neutral\nBen,Satisfied,Dissatisfied\n"
    df = _only(text.encode(), "s.csv")
    assert len(df) == 2


def test_group_row_over_years_names_each_year_with_its_group(tmp_path):
    # Controlling exports put "Umsatz" over "2024 | 2025" (merged cells). Before, the columns were named
    # "2024" and "2025" and no revenue was found at all; now the latest full year is the revenue.
    from cxlib.intake import load_table

    revenue_2025 = [1200.5, 830.0, 4100.25, 99.0, 2500.0, 760.4]
    lines = ["Kunde;;Umsatz;;Bestellungen", "Nr.;Region;2024;2025;Anzahl"]
    for i, amount in enumerate(revenue_2025):
        lines.append(f"K{i};Nord;{amount * 0.9:.2f};{amount:.2f};{i + 1}".replace(".", ","))
    path = tmp_path / "umsatz.csv"
    path.write_text("\n".join(lines), encoding="cp1252")

    loaded = load_table(path, table="customers")

    assert list(loaded.raw.columns) == ["Nr.", "Region", "Umsatz 2024", "Umsatz 2025", "Bestellungen Anzahl"]
    assert loaded.mapping.matches["revenue"].column == "Umsatz 2025"
    assert loaded.validated.data["revenue"].sum() == pytest.approx(sum(revenue_2025))
