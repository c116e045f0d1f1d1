"""Overview page under AppTest: tiles on demo data, the planted changes, settings and filters."""

from tests.conftest import charts, open_page


def test_tiles_on_demo_data(app):
    page = open_page(app, "overview")
    labels = [metric.label for metric in page.metric]
    assert labels == [
        "Customers",
        "NPS (last 3 months)",
        "Churn rate (last 12 months)",
        "Retention rate",
        "Average CLV",
    ]
    assert page.metric[0].value == "4,000"
    assert "significant at 95%" in page.metric[1].delta  # the planted NPS drop
    assert page.metric[1].delta.startswith("-")
    assert "significant at 95%" in page.metric[2].delta  # the planted churn rise
    assert not page.error


def test_numbers_equal_the_cli(app, demo_document):
    page = open_page(app, "overview")
    kpis = demo_document["kpis"]
    assert page.metric[0].value == f"{kpis['customers']:,}"
    churn_tile = page.metric[2].value
    assert churn_tile == f"{kpis['churn_rate']['value'] * 100:.1f}%"


def test_discount_rate_setting_changes_clv(app):
    page = open_page(app, "overview")
    assert not page.number_input  # the settings' expander is closed: its inputs are not built
    page = open_page(app, "overview", panels=("kpi_settings_open",))
    before = page.metric[4].value
    page.number_input(key="set_discount").set_value(25.0).run()
    assert not page.exception
    assert page.metric[4].value != before
    assert "25" in page.metric[4].help or "0.25" in page.metric[4].help


def test_region_filter_narrows_the_customers(app):
    page = open_page(app, "overview")
    page.multiselect(key="filter_regions").set_value(["Nord"]).run()
    assert not page.exception, page.exception
    shown = int(page.metric[0].value.replace(",", ""))
    assert 0 < shown < 4000
    page.switch_page("pages/journey.py").run()
    page.switch_page("pages/overview.py").run()
    assert int(page.metric[0].value.replace(",", "")) == shown  # filters are shared and kept


def test_charts_render(app):
    page = open_page(app, "overview")
    assert len(charts(page)) == 4  # NPS distribution, NPS trend, churn trend, CLV distribution
    exports = [b for b in page.get("download_button") if b.key.startswith(("png_", "svg_"))]
    assert len(exports) == 8  # PNG and SVG for each
    popovers = page.get("popover")
    assert [popover.proto.popover.label for popover in popovers] == ["Download"] * 4  # one per chart


def test_charts_in_one_tab_per_kpi(app):
    page = open_page(app, "overview")
    assert [tab.label for tab in page.tabs] == ["NPS", "NPS over time", "Churn", "Customer value (CLV)"]
    assert [len(charts(tab)) for tab in page.tabs] == [1, 1, 1, 1]
