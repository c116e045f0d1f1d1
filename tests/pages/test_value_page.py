"""Value page under AppTest: tiles, RFM grid, CLV distribution, model check, top customers; both
languages and presentation mode; a transactions-only upload."""

from pathlib import Path

import pytest

from cxlib.i18n import t
from cxlib.value.rfm import SEGMENTS
from pages import _state
from tests.conftest import charts, open_page, texts

ROOT = Path(__file__).resolve().parents[2]


def test_demo_value_page_shows_tiles_grid_and_model_check(app):
    page = open_page(app, "value")
    labels = [metric.label for metric in page.metric]
    keys = ("value.tile.buyers", "value.tile.active", "value.tile.revenue_12m", "value.tile.clv")
    assert labels == [t(key, "en") for key in keys]
    assert all(metric.value != "–" for metric in page.metric)
    assert len(charts(page)) == 4  # RFM grid, CLV distribution, two check plots
    shown = texts(page)
    assert "repeat purchases predicted" in shown and "BG/NBD: r = " in shown
    assert len(page.dataframe) == 3  # segments, most valuable, at risk


def test_value_page_in_german(app):
    app.session_state[_state.LANG] = "de"
    page = open_page(app, "value")
    assert page.title[0].value == "Kundenwert"
    assert page.metric[0].label == "Kunden mit Kauf"
    german = {t(f"value.segment.{segment}", "de") for segment in SEGMENTS}
    shown = set(page.dataframe[0].value.iloc[:, 0])
    assert shown <= german and "Treue Kunden" in shown


def test_value_page_in_presentation_mode(app):
    app.session_state[_state.PRESENTATION] = True
    page = open_page(app, "value")
    assert not page.expander and len(charts(page)) == 4


def test_horizon_setting_changes_the_clv(app):
    page = open_page(app, "value", panels=("value_settings_open",))
    before = page.metric[3].value
    page.number_input(key="value_horizon").set_value(36).run()
    assert not page.exception, page.exception
    assert page.metric[3].value != before


@pytest.mark.parametrize("lang", ["en", "de"])
def test_transactions_only_upload(app, shared_data, lang):
    app.session_state[_state.LANG] = lang
    content = (shared_data / "retail_transactions.csv").read_bytes()
    app.session_state[_state.SOURCE] = "own"
    app.session_state[_state.UPLOADS] = {"transactions": _state.Upload.of("retail_transactions.csv", content)}
    page = open_page(app, "value")
    assert page.metric[0].value == ("6,889" if lang == "en" else "6.889")
    overview = open_page(page, "overview")
    assert overview.metric[0].value == page.metric[0].value  # the buyers are the customers
    personas = open_page(page, "personas")
    assert personas.subheader, texts(personas)
