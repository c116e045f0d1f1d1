"""0–10 items under bare question codes (SoSci Survey's NP01, Q12, F3_1): the NPS question only when the
workbook's codebook sheet says so; otherwise never guessed, but named in a note that says how to map it.
Files built in code as SoSci Survey / Unipark export them; NPS checked against pandas."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from cxlib.intake import load_table
from cxlib.kpis import kpi_section
from cxlib.messages import render

RECOMMEND_TEXT = "Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen?"


def _sosci(n: int = 300) -> pd.DataFrame:
    rng = np.random.default_rng(4)
    frame = pd.DataFrame(
        {
            "CASE": range(101, 101 + n),
            "QUESTNNR": "kundenbefragung",
            "STARTED": (pd.Timestamp("2025-03-01") + pd.to_timedelta(rng.integers(0, 5e6, n), "s")).strftime(
                "%Y-%m-%d %H:%M:%S"
            ),
            "NP01": rng.choice(range(11), n, p=np.array([1, 1, 1, 2, 2, 3, 5, 8, 12, 14, 11]) / 60),
        }
    )
    for i in range(1, 6):
        frame[f"AB01_{i:02d}"] = rng.choice([1, 2, 3, 4, 5, -9], n, p=[0.05, 0.1, 0.25, 0.35, 0.2, 0.05])
    frame["SD01"] = rng.choice([1, 2, -9], n, p=[0.5, 0.45, 0.05])
    frame.loc[:9, "NP01"] = -9  # not answered
    return frame


def _nps(values: pd.Series) -> float:
    answered = values[values.between(0, 10)]
    return 100 * ((answered >= 9).mean() - (answered <= 6).mean())


def _workbook(frame: pd.DataFrame, labels: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer) as writer:
        frame.to_excel(writer, sheet_name="Daten", index=False)
        codebook = pd.DataFrame({"Variable": list(labels), "Label": list(labels.values())})
        codebook.to_excel(writer, sheet_name="Variablen", index=False)
    return buffer.getvalue()


LABELS = {
    "CASE": "Fall",
    "QUESTNNR": "Fragebogen",
    "STARTED": "Begonnen",
    "NP01": RECOMMEND_TEXT,
    **{
        f"AB01_{i:02d}": f"Zufriedenheit: {name}"
        for i, name in enumerate(["Beratung", "Lieferung", "Preis", "Website", "Service"], start=1)
    },
    "SD01": "Geschlecht",
}


def test_a_codebook_sheet_that_names_the_recommend_question_gives_the_nps():
    """Before: NP01 was an unnamed 0–10 item, no NPS, though the workbook's Variablen sheet said it."""
    frame = _sosci()
    loaded = load_table(_workbook(frame, LABELS), table="survey", filename="sosci.xlsx")
    assert loaded.sheet == "Daten" and loaded.mapping.as_dict().get("recommend") == "NP01"
    section = kpi_section(None, loaded.validated.data)
    assert section["nps"]["score"] == pytest.approx(_nps(frame["NP01"]))
    assert section["nps"]["n"] == int(frame["NP01"].between(0, 10).sum()) == 290
    assumptions = loaded.validated.data.attrs["assumptions"]
    assert any(
        a["code"] == "label_names_recommendation" and RECOMMEND_TEXT in a["params"]["label"]
        for a in assumptions
    )


def test_a_codebook_that_names_no_recommend_question_gives_no_nps():
    labels = {**LABELS, "NP01": "Wie zufrieden sind Sie insgesamt mit dem Produkt?"}
    loaded = load_table(_workbook(_sosci(), labels), table="survey", filename="sosci.xlsx")
    assert kpi_section(None, loaded.validated.data)["nps"] is None


def test_an_unlabelled_ten_point_code_is_never_guessed_but_named_in_a_note():
    """Before: 'no recommendation question', without a word that NP01 might be it."""
    frame = _sosci()
    csv = frame.to_csv(index=False, sep="\t").encode("utf-16")
    loaded = load_table(csv, table="survey", filename="sosci.csv")
    assert kpi_section(None, loaded.validated.data)["nps"] is None  # no guess
    notes = [
        note
        for note in loaded.validated.report.notes
        if getattr(note, "key", "") == "survey.note.unlabelled_0_10"
    ]
    assert len(notes) == 1 and notes[0].params["columns"] == "NP01"
    assert "--role survey.recommend=COLUMN" in render(notes[0], "en")
    assert "Weiterempfehlung (0–10)" in render(notes[0], "de")
    mapped = load_table(csv, table="survey", filename="sosci.csv", corrections={"recommend": "NP01"})
    nps = kpi_section(None, mapped.validated.data)["nps"]
    assert nps["score"] == pytest.approx(_nps(frame["NP01"])) and nps["n"] == 290
    assert not [
        n for n in mapped.validated.report.notes if getattr(n, "key", "") == "survey.note.unlabelled_0_10"
    ]


def test_ten_point_items_with_words_in_their_headers_are_not_named():
    rng = np.random.default_rng(2)
    frame = pd.DataFrame({name: rng.integers(0, 11, 120) for name in ("Website", "Lieferung", "Beratung")})
    loaded = load_table(frame.to_csv(index=False).encode(), table="survey", filename="umfrage.csv")
    keys = [getattr(note, "key", "") for note in loaded.validated.report.notes]
    assert "survey.note.unlabelled_0_10" not in keys


def test_the_sfo_code_list_as_a_sheet_names_the_recommend_question(shared_data):
    """SFO's published code list beside its data, the recommend item under a bare code: the code list's
    value-label rows are no labels, its question text is; NPS = pandas on the 0–10 answers (11 = blank)."""
    data = pd.read_csv(shared_data / "sfo_customer_survey_2018.csv").head(600)
    data = data.rename(columns={"NETPRO  ": "NP01"})
    codes = pd.read_excel(shared_data / "sfo_customer_survey_2018_codebook.xlsx", header=None)
    renamed = codes[0].astype("string").str.strip() == "NETPRO"
    codes.loc[renamed.fillna(False).astype(bool), 0] = "NP01"
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer) as writer:
        data.to_excel(writer, sheet_name="Data", index=False)
        codes.to_excel(writer, sheet_name="Code List", index=False, header=False)
    loaded = load_table(buffer.getvalue(), table="survey", filename="sfo.xlsx")
    assert loaded.sheet == "Data" and loaded.mapping.as_dict().get("recommend") == "NP01"
    nps = kpi_section(None, loaded.validated.data)["nps"]
    answers = pd.to_numeric(data["NP01"], errors="coerce")
    assert nps["score"] == pytest.approx(_nps(answers)) and nps["n"] == int(answers.between(0, 10).sum())
