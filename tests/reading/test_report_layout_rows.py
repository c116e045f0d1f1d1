"""Tables exported as reports: total and subtotal rows, headers repeated on every printed page, page
footers and export lines. They are rows of the report, not customers: left out of the table, set aside
with their own reason and counted, so that no total is counted as a customer or summed into revenue.

Every file is built in ``tmp_path``; each figure is checked against pandas on the clean table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.intake import load_table
from cxlib.validation import readable_set_aside
from tests.reading.reading_builders import xlsx_bytes


def _customers(n: int = 24) -> pd.DataFrame:
    rng = np.random.default_rng(11)
    return pd.DataFrame(
        {
            "id": [f"K{100 + i}" for i in range(n)],
            "signup": pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 900, n), unit="D"),
            "region": rng.choice(["Nord", "Süd", "West"], n),
            "revenue": np.round(rng.gamma(2.0, 800.0, n), 2),
            "orders": rng.integers(1, 30, n),
        }
    )


def _de(x: float) -> str:
    return f"{x:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def _rules(loaded) -> dict[str, int]:
    return {rule.rule: rule.rows for rule in loaded.validated.report.rules}


def test_german_export_with_summe_row_and_footer_counts_customers_not_the_total(tmp_path):
    clean = _customers()
    lines = ["Kundenliste Vertrieb;;;;", "Stand: 30.06.2026;;;;", ";;;;"]
    lines.append("Kundennummer;Kunde seit;Region;Umsatz pro Jahr;Anzahl Bestellungen")
    for row in clean.itertuples():
        lines.append(f"{row.id};{row.signup:%d.%m.%Y};{row.region};{_de(row.revenue)} €;{row.orders}")
    lines.append(f"Summe;;;{_de(clean.revenue.sum())} €;{clean.orders.sum()}")
    lines += [";;;;", "Exportiert von SAP CRM am 30.06.2026 um 14:02;;;;"]
    path = tmp_path / "kunden.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1252"))

    loaded = load_table(path, table="customers")
    data, report = loaded.validated.data, loaded.validated.report

    # before: 26 customers ("Summe" and the export line) and revenue 76,398.20 (2 x 38,199.10)
    assert len(data) == len(clean) == 24
    assert round(data["revenue"].sum(), 2) == round(clean.revenue.sum(), 2)
    assert data["orders"].sum() == clean.orders.sum()
    assert _rules(loaded) == {"total_row": 1, "note_row": 1, "blank_row": 1}
    assert (report.rows_read, report.rows_used, report.rows_set_aside) == (27, 24, 3)
    aside = readable_set_aside(loaded.validated, lang="de")
    assert aside["row"].tolist()[:2] == [29, 31]  # the file's own row numbers
    assert aside["Kundennummer"].tolist()[0] == "Summe"
    assert aside["reason"].iloc[0].startswith("1 Zeilen sind Summen, Zwischensummen oder Mittelwerte")


def test_subtotals_between_groups_and_grand_total_are_set_aside(tmp_path):
    clean = _customers()
    rows = []
    for region, group in clean.groupby("region", sort=True):
        rows += [
            [r.id, f"{r.signup:%Y-%m-%d}", r.region, f"{r.revenue:,.2f}", r.orders]
            for r in group.itertuples()
        ]
        rows.append(["", "", f"Total {region}", f"{group.revenue.sum():,.2f}", group.orders.sum()])
    rows.append(["Grand Total", "", "", f"{clean.revenue.sum():,.2f}", clean.orders.sum()])
    frame = pd.DataFrame(rows, columns=["Customer ID", "Signup Date", "Region", "Annual Revenue", "Orders"])
    path = tmp_path / "customers_by_region.csv"
    frame.to_csv(path, index=False)

    loaded = load_table(path, table="customers")
    data = loaded.validated.data

    # before: 25 customers (Grand Total) and revenue twice the true sum; subtotals "had no customer ID"
    assert len(data) == 24
    assert round(data["revenue"].sum(), 2) == round(clean.revenue.sum(), 2)
    assert _rules(loaded) == {"total_row": 4}
    assert data.groupby("region")["revenue"].sum().round(2).to_dict() == (
        clean.groupby("region")["revenue"].sum().round(2).to_dict()
    )


def test_paged_report_repeats_its_header_and_page_footer(tmp_path):
    clean = _customers(30)
    text = ""
    for page, start in enumerate(range(0, 30, 12), start=1):
        chunk = clean.iloc[start : start + 12].rename(columns={"id": "Customer ID", "revenue": "Revenue"})
        text += chunk.to_csv(index=False, date_format="%d/%m/%Y")
        text += f"Page {page} of 3,,,,\n"
    path = tmp_path / "report.csv"
    path.write_text(text)

    loaded = load_table(path, table="customers")
    data = loaded.validated.data

    # before: 34 customers (page lines, a header row), header cells reported as unreadable values
    assert len(data) == 30
    assert round(data["revenue"].sum(), 2) == round(clean.revenue.sum(), 2)
    assert data["signup_date"].min() == clean.signup.min()
    assert _rules(loaded) == {"note_row": 3, "repeated_header": 2}


def test_workbook_with_gesamt_row_of_real_numbers(tmp_path):
    clean = _customers()
    header = ["Kundennummer", "Kunde seit", "Region", "Umsatz", "Bestellungen"]
    body = [[r.id, r.signup.to_pydatetime(), r.region, r.revenue, int(r.orders)] for r in clean.itertuples()]
    total = ["Gesamt", None, None, float(clean.revenue.sum()), int(clean.orders.sum())]
    path = tmp_path / "kunden.xlsx"
    path.write_bytes(xlsx_bytes({"Daten": [["Kundenliste 2026"], header, *body, total]}))

    loaded = load_table(path, table="customers")
    data = loaded.validated.data

    assert len(data) == 24  # before: 25, revenue 76,398.20
    assert round(data["revenue"].sum(), 2) == round(clean.revenue.sum(), 2)
    assert data["signup_date"].max() == clean.signup.max()


def test_survey_answers_with_total_words_stay_answers(tmp_path):
    # Comments such as "Insgesamt gut" or "Total rubbish", and a comment-only answer, are answers.
    frame = pd.DataFrame(
        {
            "Response ID": [f"R{i}" for i in range(8)],
            "Customer ID": [f"K{100 + i}" for i in range(8)],
            "How likely are you to recommend us?": ["10", "9", "3", "", "7", "8", "", "6"],
            "Qualität": ["gut", "sehr gut", "schlecht", "", "gut", "gut", "", "gut"],
            "Comment": ["Insgesamt gut", "", "Total rubbish", "", "", "Summe stimmt nicht", "", ""],
        }
    )
    frame.loc[3, ["Response ID", "Customer ID"]] = ["R3", "K103"]
    frame.loc[3, "Comment"] = "Ich habe die Lieferung nie bekommen"
    path = tmp_path / "survey.csv"
    frame.to_csv(path, index=False)

    loaded = load_table(path, table="survey")

    assert _rules(loaded) == {"empty_response": 1}  # R6 answered nothing
    assert loaded.validated.report.rows_used == 7


def _survey(n: int = 30) -> pd.DataFrame:
    rng = np.random.default_rng(4)
    return pd.DataFrame(
        {
            "Antwort-Nr": [f"A{500 + i}" for i in range(n)],
            "Kundennummer": [f"K{100 + i}" for i in range(n)],
            "Weiterempfehlung (0-10)": rng.integers(0, 11, n),
            "Gesamtzufriedenheit": rng.integers(1, 6, n),
            "Lieferung": rng.integers(1, 6, n),
            "Kundenservice": rng.integers(1, 6, n),
        }
    )


def test_survey_report_with_mittelwert_and_anzahl_rows(tmp_path):
    clean = _survey()
    rated = list(clean.columns[2:])
    mean = {col: f"{clean[col].mean():.2f}".replace(".", ",") for col in rated}
    count = {col: str(clean[col].count()) for col in rated}
    footer = pd.DataFrame([{"Antwort-Nr": "Mittelwert", **mean}, {"Antwort-Nr": "Anzahl", **count}])
    path = tmp_path / "befragung.csv"
    pd.concat([clean.astype(str), footer]).to_csv(path, sep=";", index=False, encoding="cp1252")

    loaded = load_table(path, table="survey")
    data = loaded.validated.data

    # before: 32 answers and only the customer number mapped (the decimal means made the ratings no scale):
    # no NPS, no satisfaction, no touchpoints
    assert len(data) == 30
    scores = clean["Weiterempfehlung (0-10)"]
    nps = 100 * ((scores >= 9).mean() - (scores <= 6).mean())
    recommend = data["recommend"]
    assert 100 * ((recommend >= 9).mean() - (recommend <= 6).mean()) == pytest.approx(nps)
    assert data["satisfaction"].mean() == pytest.approx(clean["Gesamtzufriedenheit"].mean())
    assert loaded.validated.touchpoints == ["Lieferung", "Kundenservice"]
    assert _rules(loaded) == {"total_row": 2}


def test_purchase_log_with_a_subtotal_per_customer(tmp_path):
    rng = np.random.default_rng(8)
    log = pd.DataFrame(
        {
            "Belegnummer": [str(700000 + i) for i in range(40)],
            "Kundennummer": [f"K{100 + i % 7}" for i in range(40)],
            "Belegdatum": [f"{1 + i % 28:02d}.03.2024" for i in range(40)],
            "Betrag": np.round(rng.gamma(2.0, 60.0, 40), 2),
        }
    )
    parts = []
    for customer, lines in log.groupby("Kundennummer", sort=True):
        parts.append(lines.assign(Betrag=lines["Betrag"].map(lambda x: f"EUR {_de(x)}")))
        subtotal = {"Kundennummer": f"Summe {customer}", "Betrag": f"EUR {_de(lines['Betrag'].sum())}"}
        parts.append(pd.DataFrame([subtotal]))
    path = tmp_path / "belege.csv"
    pd.concat(parts).to_csv(path, sep=";", index=False)

    loaded = load_table(path, table="transactions")
    data = loaded.validated.data

    # before: 47 lines, and every customer's spend counted twice (10,150.26 = 2 x 5,075.13)
    assert len(data) == 40
    assert data["amount"].sum() == pytest.approx(log["Betrag"].sum())
    assert data.groupby("customer_id")["amount"].sum().round(2).to_dict() == (
        log.groupby("Kundennummer")["Betrag"].sum().round(2).to_dict()
    )
    assert _rules(loaded) == {"total_row": 7}


@pytest.mark.parametrize("label", ["Gesamt: 24 Kunden", "Total (24)", "Grand Total:", "Summe alle Regionen"])
def test_total_labels_with_a_count_or_a_colon(tmp_path, label):
    clean = _customers()
    lines = ["Kundennummer;Region;Umsatz"]
    lines += [f"{row.id};{row.region};{_de(row.revenue)}" for row in clean.itertuples()]
    lines.append(f"{label};;{_de(clean.revenue.sum())}")
    path = tmp_path / "kunden.csv"
    path.write_text("\n".join(lines), encoding="utf-8")

    data = load_table(path, table="customers").validated.data

    assert len(data) == 24
    assert round(data["revenue"].sum(), 2) == round(clean.revenue.sum(), 2)


def test_layout_rows_are_shared_not_copied_into_every_selection():
    # A log with a subtotal per customer has thousands of them; pandas deep-copies attrs into every
    # column taken from the sheet (before: a 50k-line log with 5,000 subtotals validated in 12 s, not 0.6).
    from cxlib.reading import read_file

    lines = ["Beleg;Kunde;Betrag"] + [f"{i};K{i % 5};1,00" for i in range(20)]
    lines += [f";Summe K{k};4,00" for k in range(5)]
    sheet = read_file("\n".join(lines).encode(), filename="belege.csv")["belege"]

    layout = sheet.attrs["layout_rows"]
    assert len(layout) == 5 and {record["rule"] for record in layout} == {"total_row"}
    assert sheet["Betrag"].attrs["layout_rows"] is layout
