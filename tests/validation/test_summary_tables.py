"""Summaries uploaded as records are said, not counted: one row per group is no customer and no answer.

Before: a pivot "Region | Jan … Dez | Gesamt" uploaded as the customers gave 7 customers numbered by
their rows and three personas of regions ("high jun, low apr"); a segment report ("Kundensegment |
Anzahl Kunden | Umsatz | Kündigungsquote") four customers with personas; a survey report ("Touchpoint |
n | Mittelwert Zufriedenheit | % Top-2") a satisfaction of 3.77 "on 3–4" from 7 averages; a frequency
table ("Antwort | Anzahl | Prozent") a journey touchpoint "Antwort" with mean 5.0 from the answer
options. Now each file is refused with a message saying what it looks like (error.summary_table).
Tables with an ID, and tables that list people, are never refused.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import load_files
from cxlib.errors import CxError

MONATE = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]


def _pivot() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    regions = ["Nord", "Süd", "West", "Ost", "Mitte", "Berlin", "Bayern"]
    frame = pd.DataFrame({"Region": regions})
    for month in MONATE:
        frame[month] = rng.integers(20_000, 90_000, len(regions))
    frame["Gesamt"] = frame[MONATE].sum(axis=1)
    total = {"Region": "Summe", **frame[[*MONATE, "Gesamt"]].sum().to_dict()}
    return pd.concat([frame, pd.DataFrame([total])], ignore_index=True)


def _segments() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Kundensegment": ["A-Kunden", "B-Kunden", "C-Kunden", "Neukunden"],
            "Anzahl Kunden": [312, 1208, 4102, 890],
            "Umsatz (€)": ["1.203.400,00", "2.004.100,50", "903.220,10", "120.330,00"],
            "Kündigungsquote": ["3,1 %", "6,4 %", "11,0 %", "18,2 %"],
            "Ø Zufriedenheit": ["4,5", "4,1", "3,6", "3,8"],
        }
    )


def _segments_en() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Segment": ["Premium", "Standard", "Basic", "Business", "Student"],
            "Customers": [1240, 5320, 8110, 610, 2200],
            "Revenue": [1893200.5, 2210400.0, 980300.2, 1530200.0, 120400.0],
            "Churn rate": ["4.2%", "8.9%", "15.1%", "3.3%", "22.0%"],
            "NPS": [52, 31, 12, 45, -5],
        }
    )


def _touchpoint_report() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Touchpoint": [
                "Website",
                "Beratung",
                "Kasse",
                "Lieferung",
                "Kundenservice",
                "Rechnung",
                "Retoure",
            ],
            "n": [412, 388, 401, 395, 210, 377, 96],
            "Mittelwert Zufriedenheit": [3.9, 4.4, 4.1, 3.2, 3.5, 4.0, 3.3],
            "Standardabweichung": [0.9, 0.7, 0.8, 1.2, 1.1, 0.8, 1.3],
            "% Top-2": ["68%", "85%", "77%", "45%", "55%", "72%", "49%"],
        }
    )


def _question_report() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Question": ["Overall satisfaction", "Likelihood to recommend (0-10)", "Ease of ordering",
                         "Delivery speed", "Product quality", "Customer service"],
            "N": [1020, 1011, 998, 1003, 1015, 640],
            "Mean": [4.1, 7.8, 4.3, 3.6, 4.2, 3.9],
            "Top 2 Box %": [0.78, 0.55, 0.82, 0.58, 0.80, 0.66],
        }
    )  # fmt: skip


def _frequencies() -> pd.DataFrame:
    counts = [12, 5, 8, 14, 20, 41, 55, 120, 180, 160, 140]
    return pd.DataFrame(
        {
            "Antwort": [str(point) for point in range(11)],
            "Anzahl": counts,
            "Prozent": [f"{100 * c / sum(counts):.1f}".replace(".", ",") for c in counts],
        }
    )


def _crosstab() -> pd.DataFrame:
    """A report's question × answer-option table of counts, the question column without a header."""
    return pd.DataFrame(
        {
            "": ["Beratung im Laden", "Lieferung", "Website", "Kundenservice am Telefon"],
            "Sehr zufrieden": [120, 80, 60, 40],
            "Zufrieden": [200, 150, 140, 90],
            "Teils/teils": [50, 60, 70, 60],
            "Unzufrieden": [10, 30, 20, 30],
            "Sehr unzufrieden": [5, 12, 8, 20],
            "Gesamt": [385, 332, 298, 240],
        }
    )


def _spss_frequencies() -> pd.DataFrame:
    """SPSS's frequency table as exported: a sparse 'Gültig' column, then the answer labels."""
    return pd.DataFrame(
        {
            "": ["Gültig", None, None, None, None],
            "Zufriedenheit": ["sehr zufrieden", "zufrieden", "teils/teils", "unzufrieden", "gar nicht"],
            "Häufigkeit": [120, 200, 80, 30, 10],
            "Prozent": [27.3, 45.5, 18.2, 6.8, 2.3],
            "Gültige Prozente": [27.3, 45.5, 18.2, 6.8, 2.3],
            "Kumulierte Prozente": [27.3, 72.7, 90.9, 97.7, 100.0],
        }
    )


def _write(frame: pd.DataFrame, path) -> str:
    if path.suffix == ".xlsx":
        frame.to_excel(path, index=False)
    else:
        frame.to_csv(path, index=False, sep=";", encoding="utf-8-sig")
    return str(path)


CASES = [
    ("customers", _pivot, "umsatz_region_monat.xlsx", "Region", "periods"),
    ("customers", _segments, "segmente.csv", "Kundensegment", "measures"),
    ("customers", _segments_en, "segments.csv", "Segment", "measures"),
    ("survey", _touchpoint_report, "umfrage_bericht.xlsx", "Touchpoint", "measures"),
    ("survey", _question_report, "survey_report.csv", "Question", "measures"),
    ("survey", _frequencies, "haeufigkeiten.csv", "Antwort", "frequencies"),
    ("survey", _crosstab, "kreuztabelle.xlsx", None, "answers"),
    ("survey", _spss_frequencies, "spss_ausgabe.xlsx", "Zufriedenheit", "measures"),
]


@pytest.mark.parametrize(("table", "build", "name", "label", "kind"), CASES, ids=[c[2] for c in CASES])
def test_a_summary_is_refused_with_what_it_looks_like(tmp_path, table, build, name, label, kind):
    frame = build()
    path = _write(frame, tmp_path / name)
    with pytest.raises(CxError) as raised:
        load_files({table: path})
    error = raised.value
    assert error.key == "error.summary_table"
    if label is not None:  # a blank header is named by the reader
        assert error.params["label"] == label
    first = frame[label] if label is not None else frame.iloc[:, 0]
    assert error.params["rows"] == len(frame) - (first == "Summe").sum()  # the reader sets the total aside
    assert error.params["what"].key == f"summary.kind.{kind}"
    for lang in ("en", "de"):
        text = error.message(lang)
        assert name in text and error.params["label"] in text and "{" not in text


@pytest.mark.parametrize("header", ["Name", "Unternehmen", "Customer"])
def test_a_list_of_people_with_month_columns_stays_customers(tmp_path, header):
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({header: [f"Kunde {i}" for i in range(8)]})
    for month in MONATE:
        frame[month] = rng.integers(0, 500, 8)
    loaded = load_files({"customers": _write(frame, tmp_path / "kunden.xlsx")})
    assert len(loaded["customers"].validated.data) == 8


def test_a_customer_table_with_an_id_is_never_a_summary(tmp_path):
    segments = _segments().assign(Kundennummer=["K1", "K2", "K3", "K4"])
    loaded = load_files({"customers": _write(segments, tmp_path / "kunden.csv")})
    assert loaded["customers"].validated.data["customer_id"].tolist() == ["K1", "K2", "K3", "K4"]


def test_a_survey_with_many_answers_is_no_summary(tmp_path):
    rng = np.random.default_rng(5)
    n = 120
    frame = pd.DataFrame(
        {
            "Touchpoint": rng.choice(["Website", "Kasse", "Lieferung"], n),
            "Anzahl Besuche": rng.integers(1, 9, n),
            "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?": rng.integers(0, 11, n),
        }
    )
    loaded = load_files({"survey": _write(frame, tmp_path / "umfrage.csv")})
    assert loaded["survey"].validated.report.rows_used == n


def _survey_export(rng: np.random.Generator, n: int = 250) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Antwort-ID": range(1, n + 1),
            "Kundennummer": rng.choice([f"K{1000 + i}" for i in range(200)], n),
            "Datum": (
                pd.Timestamp("2024-03-01") + pd.to_timedelta(rng.integers(0, 60, n), unit="D")
            ).strftime("%d.%m.%Y"),
            "Weiterempfehlung (0-10)": rng.integers(0, 11, n),
            "Zufriedenheit Lieferung": rng.integers(1, 6, n),
            "Zufriedenheit Beratung": rng.integers(1, 6, n),
        }
    )


@pytest.mark.parametrize("table", ["customers", "transactions"])
def test_a_survey_uploaded_as_customers_or_purchases_is_said(tmp_path, table):
    """Before: as customers, 102 of 250 answers were set aside as repeated IDs and the first answer of
    each of 148 "customers" made the NPS; as purchases, each answer was an order of a customer."""
    frame = _survey_export(np.random.default_rng(11))
    path = _write(frame, tmp_path / "umfrage.csv")
    with pytest.raises(CxError) as raised:
        load_files({table: path})
    assert raised.value.key == "error.survey_in_wrong_slot"
    assert raised.value.params["column"] == "Antwort-ID"
    assert raised.value.params["ratings"] == 3
    loaded = load_files({"survey": path})  # where it belongs, every answer counts
    assert loaded["survey"].validated.report.rows_used == len(frame)


def test_a_customer_table_with_its_nps_field_stays_customers(tmp_path):
    rng = np.random.default_rng(12)
    frame = _survey_export(rng).drop(columns=["Antwort-ID"]).drop_duplicates("Kundennummer")
    frame["Umsatz"] = rng.gamma(2, 300, len(frame)).round(2)
    frame["Kunde seit"] = "01.02.2020"
    loaded = load_files({"customers": _write(frame, tmp_path / "kunden.csv")})
    assert len(loaded["customers"].validated.data) == len(frame)


def _customers(rng: np.random.Generator, n: int = 200) -> pd.DataFrame:
    since = pd.Timestamp("2018-01-01") + pd.to_timedelta(rng.integers(0, 2000, n), unit="D")
    return pd.DataFrame(
        {
            "Kundennummer": [f"K{1000 + i}" for i in range(n)],
            "Alter": rng.integers(18, 80, n),
            "Geschlecht": rng.choice(["w", "m"], n),
            "Kunde seit": since.strftime("%d.%m.%Y"),
            "Umsatz": rng.gamma(2, 300, n).round(2),
            "Gekündigt": rng.choice(["ja", "nein"], n, p=[0.2, 0.8]),
        }
    )


def _orders(rng: np.random.Generator, n: int = 900) -> pd.DataFrame:
    day = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D")
    return pd.DataFrame(
        {
            "Bestellnummer": [f"B-{50000 + i}" for i in range(n)],
            "Kundennummer": rng.choice([f"K{1000 + i}" for i in range(200)], n),
            "Bestelldatum": day.strftime("%d.%m.%Y"),
            "Artikel": rng.choice(["Schuhe", "Jacke", "Hose"], n),
            "Betrag": [f"{x:.2f}".replace(".", ",") for x in rng.gamma(2, 40, n)],
        }
    )


@pytest.mark.parametrize(("build", "looks"), [(_customers, "customers"), (_orders, "transactions")])
def test_customers_or_orders_uploaded_as_the_survey_are_said(tmp_path, build, looks):
    """Before: a "survey" of 200 or 900 answers without any rating, no NPS and no journey, and no word
    that the file is a customer table or a purchase log."""
    path = _write(build(np.random.default_rng(2)), tmp_path / "daten.csv")
    with pytest.raises(CxError) as raised:
        load_files({"survey": path})
    assert raised.value.key == "error.records_in_survey_slot"
    assert raised.value.params["looks"].key == f"table.{looks}"
    assert load_files({looks: path})[looks].validated.report.rows_used > 0  # where it belongs


def test_a_workbook_whose_largest_sheet_is_a_summary_reads_its_customer_sheet(tmp_path):
    """Before: the pivot sheet "Übersicht" (more cells) was picked, 8 regions became 8 customers."""
    rng = np.random.default_rng(9)
    pivot = _pivot().head(7)
    customers = pd.DataFrame(
        {
            "Kundennummer": [f"K{i}" for i in range(30)],
            "Region": rng.choice(["Nord", "Süd"], 30),
            "Umsatz": rng.gamma(2, 100, 30).round(2),
        }
    )
    path = tmp_path / "mappe.xlsx"
    with pd.ExcelWriter(path) as writer:
        pivot.to_excel(writer, sheet_name="Übersicht", index=False)
        customers.to_excel(writer, sheet_name="Kunden", index=False)
    loaded = load_files({"customers": str(path)})["customers"]
    assert loaded.sheet == "Kunden"
    assert loaded.validated.data["customer_id"].tolist() == customers["Kundennummer"].tolist()
    assert loaded.validated.data["revenue"].sum() == pytest.approx(customers["Umsatz"].sum())
    assert any("Übersicht" in note for note in loaded.validated.report.note_texts("de"))
