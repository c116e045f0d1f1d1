"""Personas page under AppTest: cards with names and quotes, charts, k override, download, plain words
for managers (solid/shaky, no statistician's jargon), the formatted comparison, two personas side by
side, the card as a PDF, the drill-down to customers and comments, in both languages; and a language
switch that refits nothing."""

import json
import re

import pytest

from tests.conftest import charts, open_page, texts

# The expanders whose content the tests read: the number of personas, the comparison table, the members.
PANELS = ("persona_controls_open", "persona_table_open", "persona_members_open")
JARGON = ("Component 1", "Component 2", "Komponente 1", "Silhouette score", "Silhouettenwert", "resamples")


def _german(app):
    """Switch to German in the sidebar (the router's app.py draws it), as a visitor does."""
    if not any(radio.key == "language_choice" for radio in app.radio):
        app.switch_page("app.py").run()  # a page opened alone has no sidebar: back through the router
    app.radio(key="language_choice").set_value("de").run()
    assert not app.exception, app.exception
    return app


def _buttons(page):
    return page.get("download_button")


def test_planted_personas_with_names_and_quotes(app):
    page = open_page(app, "personas", panels=PANELS)
    shown = texts(page)
    assert "4 personas found in the data" in shown
    quotes = [m.value for m in page.markdown if m.value.startswith("> ")]
    assert len(quotes) == 4
    assert len(set(quotes)) == 4  # a quote speaks for one persona only
    assert len(charts(page)) == 4  # silhouette, map, sizes, comparison heatmap


def test_choosing_k_recomputes(app):
    page = open_page(app, "personas", panels=PANELS)
    page.select_slider(key="persona_k_choice").set_value(3)
    next(button for button in page.button if button.label == "Recompute personas").click().run()
    assert not page.exception, page.exception
    assert "3 personas found in the data" in texts(page)


def test_persona_filter_on_other_pages(app):
    page = open_page(app, "personas", panels=PANELS)
    names = [
        s.value
        for s in page.subheader
        if s.value
        not in (
            "Customer map",
            "Persona sizes",
            "Personas compared with the whole customer base",
            "Two personas side by side",
            "The customers behind a persona",
        )
    ]
    page.switch_page("pages/overview.py").run()
    page.multiselect(key="filter_personas").set_value([names[0].replace("\\", "")]).run()
    assert not page.exception, page.exception
    assert int(page.metric[0].value.replace(",", "")) < 4000


@pytest.mark.parametrize("german", [False, True], ids=["en", "de"])
def test_plain_words_for_managers(app, german):
    page = open_page(_german(app) if german else app, "personas", panels=PANELS)
    shown = texts(page)
    solid = "belastbar" if german else "solid"
    assert solid in shown  # the demo's planted personas are stable
    assert not any(word in shown for word in JARGON), [w for w in JARGON if w in shown]
    specs = [json.loads(chart.spec) for chart in charts(page)]
    map_spec = next(spec for spec in specs if spec.get("mark", {}).get("type") == "circle")
    assert map_spec["encoding"]["x"].get("title") is None
    alike = "stehen beieinander" if german else "sit together"
    assert alike in map_spec["title"]["text"]
    assert not page.warning  # no shaky warning on solid personas


@pytest.mark.parametrize("german", [False, True], ids=["en", "de"])
def test_comparison_table_is_formatted_in_the_ui_language(app, german):
    page = open_page(_german(app) if german else app, "personas", panels=PANELS)
    table = page.dataframe[0].value
    assert "label" not in table.columns and "metric" not in table.columns
    assert table.columns[0] == ("Kennzahl" if german else "Measure")
    share = table.set_index(table.columns[0]).loc[
        "Anteil an allen Kunden" if german else "Share of customers"
    ]
    assert all(re.fullmatch(r"\d+,\d %" if german else r"\d+\.\d%", value) for value in share)
    age = table.set_index(table.columns[0]).loc["Alter" if german else "Age"]
    assert all(re.fullmatch(r"\d+,\d" if german else r"\d+\.\d", value) for value in age)


def test_two_personas_side_by_side_with_card_downloads(app):
    page = open_page(app, "personas", panels=PANELS)
    pair = page.multiselect(key="persona_pair_4")
    assert len(pair.value) == 2
    side = page.dataframe[1].value
    assert len(side.columns) == 4  # measure, the two personas, all customers
    labels = [button.label for button in _buttons(page)]
    assert sum(label.startswith("Card of") and label.endswith("(PDF)") for label in labels) == 2
    pair.set_value([2, 3]).run()
    assert not page.exception, page.exception
    names = [column for column in page.dataframe[1].value.columns[1:3]]
    assert all(f"Card of {name} (PDF)" in [b.label for b in _buttons(page)] for name in names)


def test_no_empty_card_section(app):
    page = open_page(app, "personas", panels=PANELS)
    shown = [m.value for m in page.markdown]
    for position, value in enumerate(shown[:-1]):
        if value in ("**Socio\\-economics**", "**Demographics**", "**Buying behaviour**"):
            assert not shown[position + 1].startswith("**"), f"{value} is empty"


@pytest.mark.parametrize("german", [False, True], ids=["en", "de"])
def test_drill_down_lists_the_personas_customers_and_comments(app, german):
    page = open_page(_german(app) if german else app, "personas", panels=PANELS)
    members = page.dataframe[2].value
    comment = "Letzter Kommentar" if german else "Latest comment"
    customer = "Kundennummer" if german else "Customer ID"
    assert {customer, comment} <= set(members.columns)
    assert members[comment].notna().any()
    churned = "Abgewandert (ja/nein)" if german else "Churned (yes/no)"
    if churned in members.columns:  # words in the UI language, never True/False
        assert set(members[churned]) <= ({"ja", "nein"} if german else {"yes", "no"})
    assert members[customer].is_unique
    drill = "Diese Kunden herunterladen (CSV)" if german else "Download these customers (CSV)"
    assert drill in [button.label for button in _buttons(page)]
    count = len(members)
    assert (
        f"{count:,}".replace(",", "." if german else ",") + (" Kunden von" if german else " customers of")
    ) in (texts(page))


def test_drill_down_follows_the_filters(app):
    page = open_page(app, "personas", panels=PANELS)
    everyone = len(page.dataframe[2].value)
    regions = page.multiselect(key="filter_regions")
    regions.set_value(regions.options[:1]).run()
    assert not page.exception, page.exception
    filtered = page.dataframe[2].value
    assert 0 < len(filtered) < everyone


def test_language_switch_refits_nothing(app, monkeypatch):
    import cxlib.analysis

    calls = []
    original = cxlib.analysis.fit_personas

    def counting(*args, **kwargs):
        calls.append(kwargs.get("settings"))
        return original(*args, **kwargs)

    monkeypatch.setattr(cxlib.analysis, "fit_personas", counting)
    page = open_page(app, "personas", panels=PANELS)
    before = len(calls)
    open_page(_german(page), "personas", panels=PANELS)
    assert "4 Personas in den Daten gefunden" in texts(page)
    assert len(calls) == before  # the words changed, the model did not
    page.select_slider(key="persona_k_choice").set_value(5)
    next(button for button in page.button if button.label == "Personas neu berechnen").click().run()
    assert len(calls) == before + 1  # the counter sees fits: a new k is one refit
    assert "5 Personas in den Daten gefunden" in texts(page)


def test_persona_filter_survives_a_language_switch(app):
    page = open_page(app, "personas", panels=PANELS)
    chosen = page.multiselect(key="filter_personas")
    chosen.set_value(chosen.options[:1]).run()
    english = texts(page)
    open_page(_german(page), "personas", panels=PANELS)
    german_filter = page.multiselect(key="filter_personas")
    assert len(german_filter.value) == 1
    assert german_filter.value[0] in german_filter.options
    assert german_filter.value[0] not in english  # the German name, not the English one
    assert "in der gefilterten Ansicht" in texts(page)
