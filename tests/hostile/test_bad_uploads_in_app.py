"""Bad files uploaded in the app: the message in the UI language, no traceback, the data in use kept."""

from __future__ import annotations

import pytest

from tests.conftest import texts
from tests.hostile.bad_inputs import ACCEPTED, CASES

APP_CASES = [
    case
    for case in CASES
    if case.id
    in (
        "corrupt_zip",
        "password_protected",
        "zip_bomb",
        "entity_expansion",
        "required_role_empty",
        "header_only",
    )
]


def _upload(app, case, built=None):
    name, data = built or case.build()
    app.switch_page("pages/data.py").run()
    app.file_uploader(key=f"upload_{case.table}").set_value((name, data, "application/octet-stream"))
    app.run()
    assert not app.exception, app.exception
    return app


@pytest.mark.parametrize("case", APP_CASES, ids=[case.id for case in APP_CASES])
def test_refused_upload_shows_its_message_and_the_app_stays_usable(app, case):
    app.switch_page("pages/overview.py").run()
    demo_customers = app.metric[0].value
    page = _upload(app, case)
    errors = [error.value for error in page.error]
    assert len(errors) == 1 and case.error in errors[0] and "still in use" in errors[0]
    assert "Traceback" not in texts(page)
    page.switch_page("pages/overview.py").run()
    assert not page.exception, page.exception
    assert page.metric[0].value == demo_customers  # the demo data, untouched


def test_refused_upload_in_german(app):
    app.session_state["lang"] = "de"
    page = _upload(app, next(case for case in APP_CASES if case.id == "password_protected"))
    assert "kennwortgeschützt" in page.error[0].value and "geheim.xlsx" in page.error[0].value


GOOD = (
    "kunden.csv",
    b"Kunden-ID;Alter;Umsatz\n1;34;120\n2;51;80\n2;51;80\n3;28;45\n4;62;300\n5;45;150\n5;46;10\n6;39;99\n",
)


def test_a_bomb_after_a_good_upload_keeps_the_good_table(app):
    page = _upload(app, ACCEPTED[0], GOOD)
    assert [m.value for m in page.metric[:3]] == ["8", "6", "2"]  # read, used, set aside (two duplicates)
    page = _upload(page, next(case for case in CASES if case.id == "zip_bomb"))
    assert "bombe.xlsx" in page.error[0].value
    assert [m.value for m in page.metric[:3]] == ["8", "6", "2"]
    page.switch_page("pages/overview.py").run()
    assert not page.exception, page.exception
    assert page.metric[0].value == "6"


def test_a_valid_two_customer_file_opens_the_overview(app):
    page = _upload(app, next(case for case in ACCEPTED if case.id == "csv_renamed_xlsx"))
    page.switch_page("pages/overview.py").run()
    assert not page.exception
