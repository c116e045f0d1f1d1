"""One table uploaded alone: the demo's other tables stay out of the numbers, and every page shows what
the loaded table supports (a survey alone: respondents, NPS and the journey; customers alone: no journey,
with the reason that no survey is loaded)."""

import io

import pandas as pd

from cxlib.i18n import t
from tests.conftest import open_page, texts


def _xlsx(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    return buffer.getvalue()


def _survey(n: int) -> bytes:
    return _xlsx(
        pd.DataFrame(
            {
                "Antwort-Nr": [f"A{i:03d}" for i in range(n)],
                "Weiterempfehlung": [(i * 7) % 11 for i in range(n)],
                "Beratung": [1 + i % 5 for i in range(n)],
                "Lieferung": [1 + (i * 3) % 5 for i in range(n)],
            }
        )
    )


def _customers(n: int) -> bytes:
    return _xlsx(
        pd.DataFrame({"Kunden-ID": [f"K{i:03d}" for i in range(n)], "Alter": [20 + i for i in range(n)]})
    )


def _upload(app, table: str, name: str, content: bytes):
    page = open_page(app, "data")
    page.file_uploader(key=f"upload_{table}").set_value((name, content, "application/octet-stream"))
    page.run()
    assert not page.exception, page.exception
    return page


def test_a_survey_alone_shows_respondents_nps_and_journey(app):
    _upload(app, "survey", "umfrage.xlsx", _survey(44))
    page = open_page(app, "overview")
    first = page.metric[0]
    assert first.label == t("kpi.label.respondents", "en") and first.value == "44"
    assert page.metric[1].value != "–"  # NPS from the survey's 0–10 item
    journey = open_page(app, "journey")
    assert not journey.exception and not journey.error
    assert t("journey.page.no_survey", "en") not in texts(journey)


def test_customers_alone_say_that_no_survey_is_loaded(app):
    _upload(app, "customers", "kunden.xlsx", _customers(30))
    page = open_page(app, "overview")
    assert page.metric[0].label == t("kpi.label.customers", "en") and page.metric[0].value == "30"
    journey = open_page(app, "journey")
    assert t("journey.page.no_survey", "en") in texts(journey)
    assert t("journey.page.no_touchpoints", "en") not in texts(journey)


def test_customers_alone_with_an_nps_column_show_its_nps_and_say_where_it_comes_from(app):
    scores = [(i * 7) % 11 for i in range(40)]
    frame = pd.DataFrame(
        {"Kunden-ID": [f"K{i:03d}" for i in range(40)], "Alter": [20 + i for i in range(40)], "NPS": scores}
    )
    data = _upload(app, "customers", "kunden.xlsx", _xlsx(frame))
    assert t("ui.derived_table", "en", table=t("table.customers", "en")) in [i.value for i in data.info]
    page = open_page(app, "overview")
    assert page.metric[0].value == "40"
    expected = 100 * (sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)) / len(scores)
    assert page.metric[1].value == f"{expected:+.0f}".replace("-", "\u2212")  # the minus sign as shown
