"""Customer master data as German SMEs export it (DATEV, Lexware, sevDesk, SAP Business One): ``;``,
decimal comma, Windows-1252, dd.mm.yyyy, "1.234,56 €". Files are written to ``tmp_path``; every figure is
checked against one counted directly with pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxlib.intake import load_table

N = 160


def german(x: float) -> str:
    return f"{x:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def write(frame: pd.DataFrame, path) -> str:
    frame.to_csv(path, sep=";", index=False, encoding="cp1252")
    return str(path)


def master_data(rng: np.random.Generator) -> pd.DataFrame:
    salutations = ["Herr", "Frau", "Divers", "Firma", "Familie", "Herr Dr.", "Frau Prof. Dr.", "Eheleute"]
    anrede = rng.choice(salutations, N, p=[0.35, 0.33, 0.03, 0.12, 0.05, 0.05, 0.04, 0.03])
    birth = pd.Series(pd.Timestamp("1950-01-01") + pd.to_timedelta(rng.integers(0, 20000, N), unit="D"))
    return pd.DataFrame(
        {
            "Debitorennummer": np.arange(10001, 10001 + N),
            "Anrede": anrede,
            "Nachname": rng.choice(["Meier", "Müller", "Weiß"], N),
            "PLZ": rng.choice(["01067", "04109", "80331"], N),
            "Geburtsdatum": birth.dt.strftime("%d.%m.%Y"),
            "Umsatz Vorjahr": [german(x) + " €" for x in rng.gamma(2, 1500, N)],
        }
    )


def test_anrede_firma_familie_is_no_gender_and_titles_keep_theirs(tmp_path):
    frame = master_data(np.random.default_rng(8))
    table = load_table(write(frame, tmp_path / "debitoren.csv"), table="customers").validated
    first = frame["Anrede"].str.split().str[0]
    expected = first.map({"Herr": "male", "Frau": "female", "Divers": "diverse"})
    counts = table.data["gender"].astype(object).fillna("none").value_counts()
    # before: "Firma" (20), "Familie" (9), "Eheleute" (4) were genders of their own, "Herr Dr." another
    assert counts.to_dict() == expected.fillna("none").value_counts().to_dict()
    assert set(table.data["gender"].dropna()) == {"male", "female", "diverse"}
    rule = next(r for r in table.report.rules if r.rule == "salutation_no_gender")
    assert rule.rows == expected.isna().sum() and "Firma" in rule.text("en")
    assert not any(r.rule == "marked_missing" for r in table.report.rules)  # counted once, with its reason
