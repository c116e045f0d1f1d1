"""The follow-up list is a sheet of the Excel report: from the CLI and from the app's report download."""

import io
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[2]


def test_cli_report_has_the_follow_up_sheet(tmp_path):
    out = tmp_path / "report.xlsx"
    subprocess.run(
        [sys.executable, "-m", "cxlib", "report", "--customers", "sample_data/customers.xlsx",
         "--survey", "sample_data/survey.xlsx", "--out", str(out), "--lang", "de"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    workbook = load_workbook(out)
    assert "Rückrufliste" in workbook.sheetnames
    sheet = workbook["Rückrufliste"]
    assert sheet.max_row > 100
    assert [cell.value for cell in sheet[1]][4] == "Kommentar"


def _report_sheets():
    import streamlit as st

    from pages import _state as state

    state.init_state()
    workbook = state.report_makers()[0]
    st.session_state["report_bytes"] = workbook()


def test_app_report_download_has_the_follow_up_sheet():
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_function(_report_sheets, default_timeout=120)
    app.run()
    assert not app.exception, app.exception
    workbook = load_workbook(io.BytesIO(app.session_state["report_bytes"]))
    assert "Follow-up" in workbook.sheetnames
