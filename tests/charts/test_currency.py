"""Currency on money figures: the formatter, the settings field, the charts and the CLI's top-level key."""

import pandas as pd
import pytest

from cxlib.charts.kpis import clv_distribution_chart
from cxlib.charts.value import clv_histogram_chart, rfm_grid_chart
from cxlib.cli import build_parser
from cxlib.i18n import CURRENCIES, check_currency, format_money
from cxlib.kpis import KpiSettings


@pytest.mark.parametrize(
    ("value", "lang", "currency", "expected"),
    [
        (1234.4, "de", "EUR", "1.234\u00a0€"),
        (1234.4, "en", "EUR", "€1,234"),
        (1234.4, "en", "USD", "$1,234"),
        (1234.4, "de", "GBP", "1.234\u00a0£"),
        (1234.4, "en", "CHF", "CHF\u00a01,234"),
        (-50, "de", "EUR", "−50\u00a0€"),
        (-0.2, "en", "EUR", "€0"),  # rounds to zero: no minus sign
        (None, "en", "EUR", "–"),
        (float("nan"), "de", "EUR", "–"),
    ],
)
def test_money_in_the_reader_style(value, lang, currency, expected):
    assert format_money(value, lang, currency=currency) == expected


def test_currency_codes_are_checked():
    assert check_currency(" usd ") == "USD"
    assert CURRENCIES[0] == "EUR" == KpiSettings().currency
    for wrong in ("EURO", "€", "", 12):
        with pytest.raises(ValueError, match="three-letter"):
            check_currency(wrong)


def test_money_charts_name_the_currency_on_axis_and_in_tooltips():
    values = pd.Series([100.0, 250.0, 900.0, 1500.0])
    spec = clv_distribution_chart(values, lang="de", bins=2, currency="USD").to_dict()
    assert spec["encoding"]["x"]["axis"]["title"].endswith("($)")
    assert spec["datasets"][spec["data"]["name"]][0]["range_text"].endswith("\u00a0$")
    histogram = clv_histogram_chart(values, lang="en").to_dict()
    assert histogram["encoding"]["x"]["title"].endswith("(€)")
    assert histogram["datasets"][histogram["data"]["name"]][0]["range"].startswith("€")
    frame = pd.DataFrame({"r": [5, 1], "f": [5, 1], "segment": ["champions", "lost"], "clv": [10.0, 1.0]})
    grid = rfm_grid_chart(frame, lang="de").to_dict()
    assert grid["encoding"]["color"]["title"].endswith("(€)")
    assert grid["datasets"][grid["data"]["name"]][0]["value_text"].endswith("€")


def test_money_charts_have_their_designed_size():
    histogram = clv_histogram_chart(pd.Series([1.0, 2.0, 3.0]), lang="en").to_dict()
    assert (histogram["width"], histogram["height"]) == (640, 320)


def test_cli_currency_flag():
    parser = build_parser()
    assert parser.parse_args(["analyze", "--customers", "x.csv"]).currency == "EUR"
    assert parser.parse_args(["analyze", "--customers", "x.csv", "--currency", "usd"]).currency == "USD"
    with pytest.raises(SystemExit):
        parser.parse_args(["analyze", "--customers", "x.csv", "--currency", "euro"])


def test_cli_json_names_its_currency(demo_document):
    assert demo_document["currency"] == "EUR"
