"""German survey tools' exports (SoSci Survey, Unipark/Tivian EFS): unfinished interviews are set aside.

SoSci Survey writes every started interview with ``FINISHED`` = 1/0 and ``LASTPAGE``; EFS writes a
disposition code ``dispcode`` (31/32 = completed, 22 = interrupted, 21 = in progress). Before, the
unfinished interviews' answers were mixed with the completed ones without a word (SoSci probe with 300
interviews, 42 unfinished: touchpoint means 2.94/2.936/2.839/2.980/3.087 instead of the completed
interviews' 2.960/2.921/2.863/2.973/3.096; rows used 284 of 300 with no rule naming the 42).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import analyze_tables
from cxlib.intake import load_table
from cxlib.validation import readable_set_aside

ITEMS = ("Beratung", "Lieferung", "Rechnung", "Kundenservice")


def _nps(values: pd.Series) -> float:
    values = values.dropna()
    return 100 * ((values >= 9).sum() - (values <= 6).sum()) / len(values)


def _analyze(frame: pd.DataFrame, name: str):
    data = frame.to_csv(index=False, sep=";").encode("cp1252")
    loaded = load_table(data, table="survey", filename=name)
    return loaded, analyze_tables({"survey": loaded.validated})


def _answers(rng: np.random.Generator, n: int, complete: np.ndarray) -> pd.DataFrame:
    """Weiterempfehlung 0–10 and a 1–5 battery with -9 (nicht beantwortet) and -1 (weiß nicht);
    unfinished interviews answer worse and stop early (-9 from the battery on)."""
    recommend = np.where(complete, rng.integers(5, 11, n), rng.integers(0, 7, n))
    frame = pd.DataFrame({"Weiterempfehlung": recommend})
    for item in ITEMS:
        points = np.where(complete, rng.integers(2, 6, n), rng.integers(1, 3, n))
        codes = rng.random(n)
        points = np.where(codes < 0.05, -9, np.where(codes < 0.1, -1, points))
        frame[f"Zufriedenheit {item}"] = np.where(~complete & (rng.random(n) < 0.5), -9, points)
    return frame


def _expected_means(frame: pd.DataFrame, complete: np.ndarray) -> dict[str, float]:
    done = frame[complete]
    return {f"Zufriedenheit {i}": done[f"Zufriedenheit {i}"][lambda s: s > 0].mean() for i in ITEMS}


def _means(document: dict) -> dict[str, float]:
    return {tp["touchpoint"]: tp["native_mean"] for tp in document["journey"]["touchpoints"]}


def test_sosci_survey_unfinished_interviews_are_set_aside_and_counted():
    rng = np.random.default_rng(3)
    n = 200
    complete = rng.random(n) < 0.8
    answers = _answers(rng, n, complete)
    frame = pd.concat(
        [pd.DataFrame({"CASE": np.arange(30, 30 + n), "QUESTNNR": "kz", "MODE": "interview"}), answers],
        axis=1,
    )
    frame["TIME_SUM"] = rng.integers(60, 600, n)
    frame["FINISHED"] = complete.astype(int)
    frame["LASTPAGE"] = np.where(complete, 5, rng.integers(1, 4, n))
    loaded, document = _analyze(frame, "data_kz.csv")
    report = loaded.validated.report
    rule = next(r for r in report.rules if r.rule == "incomplete_interview")
    assert rule.rows == (~complete).sum() and report.rows_used == complete.sum()
    assert "FINISHED" in rule.text("en") and "nicht beendete Interviews" in rule.text("de")
    valid = answers["Weiterempfehlung"][complete]
    assert document["kpis"]["nps"]["score"] == pytest.approx(_nps(valid))  # before: of all 200 interviews
    assert document["kpis"]["nps"]["n"] == valid.notna().sum()
    for column, mean in _expected_means(answers, complete).items():
        assert abs(_means(document)[column] - mean) < 0.001
    aside = readable_set_aside(loaded.validated, lang="de")
    assert len(aside) == (~complete).sum() and aside["reason"].str.contains("nicht beendete").all()


def test_unipark_dispcode_keeps_completed_and_resumed_interviews():
    rng = np.random.default_rng(4)
    n = 180
    dispcode = rng.choice([31, 32, 22, 21], n, p=[0.7, 0.1, 0.15, 0.05])
    complete = np.isin(dispcode, [31, 32])
    answers = _answers(rng, n, complete)
    frame = pd.concat([pd.DataFrame({"lfdn": np.arange(1, n + 1), "dispcode": dispcode}), answers], axis=1)
    frame["duration"] = rng.integers(60, 900, n)
    loaded, document = _analyze(frame, "efs_export.csv")
    rule = next(r for r in loaded.validated.report.rules if r.rule == "incomplete_interview")
    assert rule.rows == (~complete).sum() and "21, 22" in rule.text("en")
    assert document["kpis"]["nps"]["score"] == pytest.approx(_nps(answers["Weiterempfehlung"][complete]))
    for column, mean in _expected_means(answers, complete).items():
        assert abs(_means(document)[column] - mean) < 0.001


def test_a_finished_column_of_dates_or_all_ones_sets_nothing_aside():
    rng = np.random.default_rng(5)
    n = 60
    answers = _answers(rng, n, np.ones(n, dtype=bool))
    answers["Finished"] = 1
    loaded, _ = _analyze(answers, "alle_fertig.csv")
    assert loaded.validated.report.rows_used == n
    answers["Finished"] = pd.date_range("2026-03-01", periods=n, freq="h").strftime("%d.%m.%Y %H:%M")
    loaded, _ = _analyze(answers, "zeitpunkt.csv")
    assert loaded.validated.report.rows_used == n
    assert not any(r.rule == "incomplete_interview" for r in loaded.validated.report.rules)


def test_sosci_label_row_joined_to_the_codes_still_marks_unfinished_interviews():
    """SoSci's export with variable labels in a second row: "FINISHED - Wurde die Befragung
    abgeschlossen (letzte Seite erreicht)?" is still the completion flag (before: all 200 rows used)."""
    rng = np.random.default_rng(6)
    n = 200
    complete = rng.random(n) < 0.75
    answers = _answers(rng, n, complete)
    codes = ["CASE", "NP01", *[f"ZF01_0{i}" for i in range(1, 5)], "FINISHED", "MISSING"]
    labels = ["Interview-Nummer (fortlaufend)", "Weiterempfehlung: Wie wahrscheinlich ...?",
              *[f"Zufriedenheit: {item}" for item in ITEMS],
              "Wurde die Befragung abgeschlossen (letzte Seite erreicht)?",
              "Anteil fehlender Antworten in Prozent"]  # fmt: skip
    rows = [codes, labels]
    for i in range(n):
        items = [answers[f"Zufriedenheit {item}"][i] for item in ITEMS]
        rows.append([i + 1, answers["Weiterempfehlung"][i], *items, int(complete[i]), rng.integers(0, 30)])
    text = "\r\n".join(
        ";".join(f'"{cell}"' if j < 2 else str(cell) for cell in row) for j, row in enumerate(rows)
    )
    loaded = load_table(text.encode("cp1252"), table="survey", filename="data_sosci.csv")
    document = analyze_tables({"survey": loaded.validated})
    assert loaded.validated.report.rows_used == complete.sum()
    assert document["kpis"]["nps"]["score"] == pytest.approx(_nps(answers["Weiterempfehlung"][complete]))
    means = {key.split(": ")[-1]: value for key, value in _means(document).items()}
    for column, mean in _expected_means(answers, complete).items():
        assert means[column.replace("Zufriedenheit ", "")] == pytest.approx(mean, abs=0.001)


def test_unipark_codes_minus_77_not_shown_and_0_not_answered_are_no_ratings():
    """EFS writes -77 for an item not shown and 0 for one not answered. Before, -77 made every item a
    plain number: no journey at all; now the 1–5 means are those of the real answers (pandas)."""
    rng = np.random.default_rng(7)
    n = 240
    frame = pd.DataFrame({"lfdn": np.arange(1, n + 1), "dispcode": 31, "quality": -77})
    for item in ITEMS:
        points = rng.integers(1, 6, n)
        codes = rng.random(n)
        frame[f"Zufriedenheit {item}"] = np.where(codes < 0.06, 0, np.where(codes < 0.12, -77, points))
    loaded, document = _analyze(frame, "efs_export.csv")
    means = _means(document)
    for item in ITEMS:
        column = f"Zufriedenheit {item}"
        assert means[column] == pytest.approx(frame[column][frame[column] > 0].mean(), abs=0.001)
    assert loaded.validated.columns[f"Zufriedenheit {ITEMS[0]}"].scale == (1, 5)


def test_sosci_lastdata_is_the_response_date():
    rng = np.random.default_rng(8)
    n = 80
    frame = _answers(rng, n, np.ones(n, dtype=bool))
    saved = pd.Timestamp("2026-05-04 08:00") + pd.to_timedelta(rng.integers(0, 30 * 86400, n), unit="s")
    frame["LASTDATA"] = saved.strftime("%Y-%m-%d %H:%M:%S")
    frame["FINISHED"] = 1
    loaded, _ = _analyze(frame, "data_sosci.csv")
    assert loaded.validated.report.mapping["response_date"] == "LASTDATA"  # before: no response date
    assert loaded.validated.data["response_date"].max() == saved.max().floor("s")


@pytest.mark.parametrize(
    ("submitted", "started", "last_page"),
    [("submitdate", "startdate", "lastpage"), ("Datum Abgeschickt", "Datum gestartet", "Letzte Seite")],
)
def test_limesurvey_interviews_never_submitted_are_set_aside(submitted, started, last_page):
    """LimeSurvey exports every started interview; one never submitted has an empty submit date (which
    is also the response date). Before: all 200 rows were used, the unfinished ones' worse answers
    included (NPS of every answer); now they are set aside and counted, and the NPS is that of pandas
    on the submitted rows."""
    rng = np.random.default_rng(9)
    n = 200
    complete = rng.random(n) < 0.75
    begun = pd.Timestamp("2026-03-01") + pd.to_timedelta(rng.integers(0, 20 * 86400, n), unit="s")
    frame = pd.DataFrame(
        {
            "id": np.arange(1, n + 1),
            submitted: np.where(complete, (begun + pd.Timedelta(minutes=7)).strftime("%d.%m.%Y %H:%M"), ""),
            last_page: np.where(complete, 4, rng.integers(1, 4, n)),
            started: begun.strftime("%d.%m.%Y %H:%M"),
        }
    )
    answers = _answers(rng, n, complete)
    loaded, document = _analyze(pd.concat([frame, answers], axis=1), "results-survey123.csv")

    rule = next(r for r in loaded.validated.report.rules if r.rule == "incomplete_interview")
    assert rule.rows == (~complete).sum() and loaded.validated.report.rows_used == complete.sum()
    assert document["kpis"]["nps"]["score"] == pytest.approx(_nps(answers["Weiterempfehlung"][complete]))
