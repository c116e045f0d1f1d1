"""The currency setting in the sidebar: EUR by default, and every money tile follows the choice."""

from cxlib.i18n import t
from pages import _state as state
from tests.conftest import open_page


def _clv_tile(page, lang="en"):
    return next(metric for metric in page.metric if metric.label == t("kpi.label.clv", lang))


def test_money_tiles_show_euro_by_default(app):
    assert app.sidebar.selectbox(key="currency_choice").value == "EUR"
    assert _clv_tile(app).value.startswith("€")
    app.session_state[state.LANG] = "de"
    page = open_page(app, "summary")
    assert _clv_tile(page, "de").value.endswith("\u00a0€")


def test_choosing_a_currency_changes_every_money_figure(app):
    app.sidebar.selectbox(key="currency_choice").select("USD").run()
    assert not app.exception
    assert _clv_tile(app).value.startswith("$")
    page = open_page(app, "value")
    money = [metric.value for metric in page.metric if metric.value[:1] in "$€"]
    assert money and all(value.startswith("$") for value in money)
