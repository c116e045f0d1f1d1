"""cxlib.report.facts: what every report says the same way (figures, period, sources, currency)."""

from datetime import date

import pytest

from cxlib.report.facts import (
    currency_of,
    file_name,
    finding_source,
    headline_figures,
    meta_lines,
    money,
    tiles,
    value_lines,
    voices_lines,
)

COMPARISON = {"months": 3, "window": ["2026-07-01", "2026-09-30"],
              "previous_window": ["2026-04-01", "2026-06-30"],
              "current": -1.375, "previous": 16.15, "n": 800, "difference": -17.53}  # fmt: skip


def _document(**extra):
    document = {
        "inputs": {"customers": {"file": "/tmp/tmpx1/kunden.xlsx"},
                   "survey": {"file": "C:\\Daten\\umfrage.csv"}},
        "kpis": {"customers": 4000, "nps": {"score": 11.04, "n": 4800}, "churn_rate": {"value": 0.172},
                 "retention": 0.828, "clv": {"mean": 592.13}, "comparisons": {"nps": COMPARISON}},
    }  # fmt: skip
    return {**document, **extra}


def test_currency_defaults_to_eur_and_follows_the_settings():
    assert currency_of({}) == "EUR"
    assert currency_of({"currency": "CHF"}) == "CHF"
    assert currency_of({"settings": {"currency": "USD"}}) == "USD"
    assert money(1234567.891, "de", "CHF", decimals=2) == "1.234.567,89 CHF"


@pytest.mark.parametrize(
    ("path", "name"),
    [("/tmp/tmpab/kunden.xlsx", "kunden.xlsx"), ("C:\\Users\\x\\AppData\\Temp\\u.csv", "u.csv"),
     ("umfrage.csv", "umfrage.csv"), (None, None), ("", None)],
)  # fmt: skip
def test_file_names_never_show_the_folder(path, name):
    assert file_name(path) == name


def test_meta_lines_name_files_only():
    lines = meta_lines(_document(), "de", date(2026, 12, 1), ["Region: Nord"])
    assert lines == ["Erstellt am 01.12.2026", "Datenzeitraum: 01.04.2026 – 30.09.2026",
                     "Quelldateien: kunden.xlsx, umfrage.csv", "Filter: Region: Nord"]  # fmt: skip


@pytest.mark.parametrize(
    ("source", "expected"),
    [("journey.touchpoints[Lieferung].mean", "Kundenreise: Lieferung (umfrage.csv)"),
     ("personas[Jens Lang].nps", "Persona: Jens Lang (kunden.xlsx)"),
     ("kpis.comparisons.nps", "NPS (umfrage.csv)"),
     ("kpis.comparisons.churn_rate", "Abwanderung (kunden.xlsx)"),
     ("kpis.clv", "Kundenwert (kunden.xlsx)"),
     ("something.new", "Analyse")],
)  # fmt: skip
def test_finding_sources_in_words(source, expected):
    text = finding_source(source, _document(), "de")
    assert text == expected
    assert "/" not in text and "\\" not in text and "[" not in text


def test_tiles_show_the_window_nps_like_the_app():
    shown = tiles(_document(), "en")
    assert [tile.label for tile in shown] == [
        "Customers", "NPS (last 3 months, 2026-07-01 – 2026-09-30)", "Churn rate", "Retention rate",
        "Average CLV",
    ]  # fmt: skip
    assert [tile.text("de", "EUR") for tile in shown] == ["4.000", "−1", "17,2 %", "82,8 %", "592 EUR"]


def test_tiles_fall_back_to_all_answers_without_dates():
    document = {"kpis": {"nps": {"score": 17.89, "n": 313}}}
    assert [(tile.label, tile.text("en", "EUR")) for tile in tiles(document, "en")] == [
        ("NPS (all answers)", "+18")
    ]


def test_headline_figures_units():
    figures = {figure.label: figure for figure in headline_figures(_document(), "en")}
    assert figures["NPS change vs. previous 3 months (points)"].value == -17.53
    assert figures["Churn rate"].kind == "share" and figures["Average CLV"].kind == "money"


def test_value_and_voices_lines_only_with_their_sections():
    assert value_lines({}, "en") == [] and voices_lines({}, "en") == []
    document = {
        "currency": "CHF",
        "value": {"customers": 40, "purchases": 120, "revenue": 12345.6, "first_purchase": "2025-01-02",
                  "last_purchase": "2025-12-30", "clv": {"mean": 80.6, "total": 3220.0,
                                                         "horizon_months": 12},
                  "active": {"inactive_share": 0.125},
                  "rfm": {"lost": {"count": 5, "revenue": 10.0},
                          "champions": {"count": 9, "revenue": 900.0}}},
        "voices": {"comments": {"count": 1844}, "themes": [{"label": "Lieferung", "share": 0.14}],
                   "detractor_themes": [{"label": "App", "detractor_share": 0.21, "promoter_share": 0.04,
                                         "significant": True}],
                   "follow_up": {"count": 735}},
    }  # fmt: skip
    value = value_lines(document, "de")
    assert value[0] == "120 Käufe von 40 Kunden (02.01.2025 – 30.12.2025)"
    assert "Umsatz: 12.346 CHF" in value
    assert any("81 CHF je Kunde" in line for line in value)
    assert value[-1].startswith("Größte RFM-Segmente nach Umsatz: Champions (900 CHF)")
    voices = voices_lines(document, "de")
    assert voices == ["1.844 Kommentare", "Häufigste Themen: Lieferung (14 %)",
                      "Detraktoren nennen „App“ öfter (21 % ggü. 4 % der Promotoren)",
                      "735 Kunden auf der Rückrufliste"]  # fmt: skip
