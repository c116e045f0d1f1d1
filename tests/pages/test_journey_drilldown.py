"""Journey page, in English and German: the drill-down from a touchpoint to the respondents who rated it
lowest (filter-aware, with a CSV download), and an owner set in the phase editor naming the pain point."""

import pytest

from cxlib.i18n import t
from tests.conftest import open_page, texts


def _drill_table(page, lang):
    column = t("journey.drill.col.comment", lang)
    return next(frame.value for frame in page.dataframe if column in frame.value.columns)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_weakest_touchpoint_is_drilled_into_lowest_first(app, lang):
    app.radio(key="language_choice").set_value(lang).run()
    page = open_page(app, "journey")
    assert t("journey.drill.title", lang) in texts(page)
    assert page.selectbox(key="drill_touchpoint").value == "Lieferung"  # the planted pain point first
    table = _drill_table(page, lang)
    ratings = [float(value.replace(",", ".")) for value in table[t("journey.drill.col.rating", lang)]]
    assert ratings == sorted(ratings) and len(ratings) == 25
    assert table[t("journey.drill.col.comment", lang)].notna().any()
    assert any(button.label == t("journey.drill.download", lang) for button in page.get("download_button"))
    page.selectbox(key="drill_touchpoint").set_value("Website").run()
    assert not page.exception, page.exception
    assert page.selectbox(key="drill_touchpoint").value == "Website"


def test_the_drill_down_follows_the_filters(app):
    page = open_page(app, "journey")
    everyone = next(c.value for c in page.caption if c.value.startswith("25 of "))
    page.multiselect(key="filter_regions").set_value(["Nord"]).run()
    assert not page.exception, page.exception
    filtered = next(c.value for c in page.caption if c.value.startswith("25 of "))
    assert int(filtered.split()[2].replace(",", "")) < int(everyone.split()[2].replace(",", ""))


def test_owners_of_a_loaded_profile_name_the_pain_point_and_the_finding(app):
    app.session_state["mapping_profile"] = {"tables": {}, "journey": {"owners": {"Lieferung": "Logistik"}}}
    page = open_page(app, "journey", panels=("journey_editor_open",))
    assert any(w.value.startswith("**Lieferung — Logistik**") for w in page.warning), [
        w.value for w in page.warning
    ]
    editor = page.dataframe[1].value.set_index("touchpoint")
    assert editor.loc["Lieferung", "owner"] == "Logistik" and editor.loc["Website", "owner"] == ""
    summary = open_page(app, "summary")
    assert "Lieferung — Logistik" in texts(summary)
