"""Summary page, in English and German: the period presets and the comparison sit at the top of the page,
live in the URL, and the tiles and findings follow them with the same numbers."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from cxlib.i18n import format_number, t
from tests.conftest import ROOT, open_page


def _nps(page, lang):
    return next(m for m in page.metric if m.label.startswith("NPS"))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_last_quarter_against_last_year_moves_tiles_findings_and_url_together(app, lang):
    app.radio(key="language_choice").set_value(lang).run()
    page = open_page(app, "summary")
    before = _nps(page, lang)
    page.selectbox(key=f"filter_preset_{lang}").set_value("last_quarter").run()
    page.selectbox(key=f"filter_comparison_{lang}").set_value("last_year").run()
    assert not page.exception, page.exception
    assert page.query_params["period"] in ("last_quarter", ["last_quarter"])
    assert page.query_params["compare"] in ("last_year", ["last_year"])
    tile = _nps(page, lang)
    assert tile.label != before.label and re.search(r"\d", tile.label)  # the tile names the chosen dates
    shown = "\n".join(str(line.value) for line in page.markdown).replace("\\", "")  # markdown escapes
    if tile.delta:  # the finding states the tile's change against the same period last year
        change = re.search(r"[\d.,]+", tile.delta).group(0)
        assert change in shown
        assert t("period.comparison.last_year", lang) in " ".join(str(i.value) for i in page.info)
    # a caption under the tiles says which period they show and what it is compared with
    heading = t("period.caption", lang, period="", against="").split(":")[0]
    against = t("period.against.last_year", lang, period="").split(" (")[0]
    assert any(str(c.value).startswith(heading) and against in str(c.value) for c in page.caption)
    chip = " ".join(str(info.value) for info in page.info)
    assert t("period.preset.last_quarter", lang) in chip


def test_a_link_with_a_preset_and_a_comparison_opens_the_same_view(app):
    page = open_page(app, "summary")
    page.selectbox(key="filter_preset_en").set_value("last_12_months").run()
    page.selectbox(key="filter_comparison_en").set_value("last_year").run()
    expected = _nps(page, "en")
    visitor = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    visitor.query_params["period"] = "last_12_months"
    visitor.query_params["compare"] = "last_year"
    visitor.run()
    assert not visitor.exception, visitor.exception
    tile = _nps(visitor, "en")
    assert (tile.label, tile.value, tile.delta) == (expected.label, expected.value, expected.delta)
    assert visitor.selectbox(key="filter_preset_en").value == "last_12_months"


def test_dates_picked_by_hand_are_a_custom_period(app):
    from datetime import date

    page = open_page(app, "summary")
    first = page.date_input(key="filter_period").min
    page.date_input(key="filter_period").set_value((first, date(first.year + 1, first.month, 1))).run()
    assert not page.exception, page.exception
    assert page.selectbox(key="filter_preset_en").value == "custom"
    assert page.query_params["from"] in (first.isoformat(), [first.isoformat()])
    assert format_number(4000, "en") != page.metric[0].value  # fewer customers were on the books then
