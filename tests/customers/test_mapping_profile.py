"""Mapping profiles: saved from the app or written by hand, loaded with next month's export, and given to
the CLI as ``--mapping``; ``--role TABLE.ROLE=COLUMN`` corrects one role. Same numbers everywhere."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest

from cxlib.cli import main
from cxlib.errors import CxError
from cxlib.i18n import format_percent
from cxlib.intake import load_table
from cxlib.mapping_profile import parse_role_options, profile_from_tables, profile_json, read_profile
from tests.conftest import open_page, texts

N = 60


def _export(month: int = 1) -> pd.DataFrame:
    """A customer export whose churn column and money period the automatic mapping cannot know."""
    rng = np.random.default_rng(month)
    return pd.DataFrame(
        {
            "Kundennummer": [f"K{i:03d}" for i in range(N)],
            "Alter": rng.integers(20, 70, N),
            "Status X": np.where(np.arange(N) % 4 == 0, "ja", "nein"),  # churned, 25 %
            "Ausgaben": np.round(rng.uniform(10, 90, N), 2),  # per month, the header does not say
        }
    )


def _csv(tmp_path, frame: pd.DataFrame, name: str = "kunden.csv"):
    path = tmp_path / name
    frame.to_csv(path, index=False)
    return path


PROFILE = {
    "format": "cx-mapping-profile",
    "version": 1,
    "tables": {
        "customers": {
            "roles": {
                "customer_id": "Kundennummer",
                "age": "Alter",
                "churned": "Status X",
                "revenue": "Ausgaben",
            },
            "columns": {"revenue": {"period": "month"}},
        }
    },
}


def _analyze(capsys, *args) -> dict:
    assert main(["analyze", *args]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def test_profile_on_the_command_line_sets_roles_and_money_period(tmp_path, capsys):
    path = _csv(tmp_path, _export())
    automatic = _analyze(capsys, "--customers", str(path))
    assert automatic["kpis"]["churn_rate"] is None  # "Status X" means nothing to the matcher
    profile = tmp_path / "profil.json"
    profile.write_bytes(profile_json(PROFILE))
    document = _analyze(capsys, "--customers", str(path), "--mapping", str(profile))
    assert document["kpis"]["churn_rate"]["value"] == pytest.approx(0.25)
    assert document["inputs"]["customers"]["mapping"]["churned"] == "Status X"
    assert {
        "table": "customers",
        "column": "revenue",
        "code": "revenue_month_x12",
        "params": {"period": "month"},
    } in (document["assumptions"])


def test_role_option_corrects_one_role(tmp_path, capsys):
    path = _csv(tmp_path, _export())
    document = _analyze(capsys, "--customers", str(path), "--role", "customers.churned=Status X")
    assert document["kpis"]["churn_rate"]["value"] == pytest.approx(0.25)
    assert document["inputs"]["customers"]["mapping"]["customer_id"] == "Kundennummer"  # the rest automatic


@pytest.mark.parametrize("option", ["customers.churned", "kunden.churned=X", "customers.nonsense=X"])
def test_bad_role_options_are_one_plain_line(tmp_path, capsys, option):
    path = _csv(tmp_path, _export())
    assert main(["analyze", "--customers", str(path), "--role", option]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "Unexpected" not in err


def test_bad_profile_is_refused_with_its_reason(tmp_path, capsys):
    path = _csv(tmp_path, _export())
    profile = tmp_path / "kaputt.json"
    profile.write_text('{"tables": {"customers": {"roles": {"kundennr": "X"}}}}')
    assert main(["analyze", "--customers", str(path), "--mapping", str(profile)]) == 2
    assert "kaputt.json" in capsys.readouterr().err
    with pytest.raises(CxError):
        read_profile(b"not json")


def test_saved_profile_round_trips_and_fits_next_months_export(tmp_path, capsys):
    january = load_table(
        _csv(tmp_path, _export(1)),
        table="customers",
        roles=PROFILE["tables"]["customers"]["roles"],
        overrides={"revenue": {"period": "month"}},
    )
    saved = read_profile(profile_json(profile_from_tables({"customers": january})))
    assert saved["tables"]["customers"]["roles"]["churned"] == "Status X"
    assert saved["tables"]["customers"]["columns"]["revenue"] == {"period": "month"}
    profile = tmp_path / "saved.json"
    profile.write_bytes(profile_json(saved))
    february = _csv(tmp_path, _export(2), "februar.csv")
    document = _analyze(capsys, "--customers", str(february), "--mapping", str(profile))
    assert document["inputs"]["customers"]["mapping"] == saved["tables"]["customers"]["roles"]


def test_parse_role_options_unmaps_with_an_empty_column():
    assert parse_role_options(["survey.comment="]) == {"survey": {"comment": None}}


def _xlsx(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    return buffer.getvalue()


def test_app_with_a_loaded_profile_shows_the_cli_numbers(app, tmp_path, capsys):
    frame = _export()
    page = open_page(app, "data")
    page.file_uploader(key="profile_upload").set_value(
        ("profil.json", profile_json(PROFILE), "application/json")
    )
    page.run()
    page.file_uploader(key="upload_customers").set_value(
        ("kunden.xlsx", _xlsx(frame), "application/octet-stream")
    )
    page.run()
    assert not page.exception, page.exception
    assert "per month" in " ".join(page.dataframe[1].value.astype(str).to_numpy().ravel())
    path = tmp_path / "kunden.xlsx"
    path.write_bytes(_xlsx(frame))
    profile = tmp_path / "profil.json"
    profile.write_bytes(profile_json(PROFILE))
    document = _analyze(capsys, "--customers", str(path), "--mapping", str(profile))
    open_page(page, "overview")
    tiles = {metric.label: metric.value for metric in page.metric}
    assert format_percent(document["kpis"]["churn_rate"]["value"], "en") in tiles.values()


def test_changed_money_period_flows_to_every_page(app):
    rng = np.random.default_rng(4)
    frame = pd.DataFrame(
        {
            "Kundennummer": [f"K{i:03d}" for i in range(N)],
            "Alter": rng.integers(20, 70, N),
            "MonthlyCharges": np.round(rng.uniform(20, 110, N), 2),
        }
    )
    page = open_page(app, "data")
    page.file_uploader(key="upload_customers").set_value(
        ("kunden.xlsx", _xlsx(frame), "application/octet-stream")
    )
    page.run()
    open_page(page, "personas")
    assert "monthly amount × 12" in texts(page)
    open_page(page, "data")
    page.radio(key="period_choice_customers_en").set_value("per year")
    next(button for button in page.button if button.label == "Apply money period").click().run()
    assert not page.exception, page.exception
    shown = " ".join(page.dataframe[1].value.astype(str).to_numpy().ravel())
    assert "per year" in shown and "money period set by hand" in shown
    open_page(page, "personas")
    assert "monthly amount × 12" not in texts(page)
    for name in ("overview", "journey", "summary"):
        open_page(page, name)
