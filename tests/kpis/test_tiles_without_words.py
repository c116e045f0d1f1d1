"""The KPI tiles are computed without a language (kpis.tiles_of) and rendered at the edge: the same
numbers in every language, and kpi_tiles is exactly their rendering."""

import pandas as pd

from cxlib.kpis import KpiSettings, TileFacts, kpi_section, kpi_tiles, tiles_of
from cxlib.messages import Message


def test_tiles_of_carries_messages_and_renders_to_kpi_tiles(customers, survey):
    facts = tiles_of(customers, survey)
    assert all(isinstance(tile, TileFacts) and isinstance(tile.label, Message) for tile in facts)
    for lang in ("en", "de"):
        assert [tile.render(lang) for tile in facts] == kpi_tiles(customers, survey, lang=lang)


def test_the_same_facts_read_differently_per_language(customers, survey):
    nps = next(tile for tile in tiles_of(customers, survey) if tile.key == "nps")
    english, german = nps.render("en"), nps.render("de")
    assert english.value == german.value == "−20"
    assert english.delta.startswith("-60.0 points") and german.delta.startswith("-60,0 Punkte")
    assert "significant at 95%" in english.help and "signifikant" in german.help


def test_a_chosen_window_counts_the_customers_on_the_books_then(customers, survey):
    window = (pd.Timestamp("2026-04-01").date(), pd.Timestamp("2026-09-30").date())
    facts = tiles_of(customers, survey, settings=KpiSettings(window=window))
    people = next(tile for tile in facts if tile.key == "customers")
    assert people.render("en").value == "160"  # 200 less the 10 who left in 2025 and the 30 of March 2026


def test_kpi_section_without_language_keeps_notes_as_messages():
    section = kpi_section(None, pd.DataFrame({"recommend": [9.0, 3.0]}), lang=None)
    assert section["notes"] == [Message("kpi.note.no_customers")]
    assert kpi_section(None, pd.DataFrame({"recommend": [9.0, 3.0]}), lang="de")["notes"][0].startswith(
        "Keine"
    )
