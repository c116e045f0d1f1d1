"""One pipeline: ``analyze`` and ``report`` run the same analysis and behave the same on every file.

Every case of the hostile corpus and every shared real file goes through both commands (in process);
they must end with the same exit code, and where they succeed, the report carries exactly the document
that ``analyze`` prints.
"""

from __future__ import annotations

import functools
import json

import pytest

from cxlib.analysis import analyze_files
from cxlib.cli import main
from cxlib.report import report_from_files
from tests.hostile.bad_inputs import ACCEPTED, CASES, Case

#: (table, file) of the shared real files (../shared/data), as a manager would upload them.
REAL_FILES = (
    ("customers", "mall_customers.csv"),
    ("survey", "airline_journey_survey.csv"),
    ("customers", "ecommerce_churn.xlsx"),
    ("survey", "sfo_customer_survey_2018.csv"),
    ("survey", "skytrax_lounge_reviews.csv"),
    ("survey", "kunden_moebel_nps_de.xlsx"),
    ("customers", "kunden_moebel_nps_de.xlsx"),
    ("customers", "bank_churners.csv"),
    ("transactions", "retail_transactions.csv"),
    ("transactions", "CDNOW_sample.txt"),
)


@functools.cache
def _build(case_id: str) -> tuple[str, bytes]:
    return next(case for case in CASES + ACCEPTED if case.id == case_id).build()


def _both_commands(table: str, path, tmp_path, capsys) -> tuple[int, int]:
    analyzed = main(["analyze", f"--{table}", str(path)])
    capsys.readouterr()
    reported = main(["report", f"--{table}", str(path), "--out", str(tmp_path / "report.xlsx")])
    capsys.readouterr()
    return analyzed, reported


@pytest.mark.parametrize("case", CASES + ACCEPTED, ids=lambda case: case.id)
def test_analyze_and_report_agree_on_every_bad_file(case: Case, tmp_path, capsys):
    name, data = _build(case.id)
    path = tmp_path / name
    path.write_bytes(data)
    analyzed, reported = _both_commands(case.table, path, tmp_path, capsys)
    assert analyzed == reported
    assert analyzed == (2 if case.error else 0)


@pytest.mark.parametrize(("table", "file"), REAL_FILES, ids=lambda value: str(value))
def test_report_carries_the_analyze_document_on_real_files(table, file, shared_data):
    files = {table: str(shared_data / file)}
    try:
        document = analyze_files(files)
    except Exception as error:  # then the report must fail the same way
        with pytest.raises(type(error)):
            report_from_files(files)
        return
    report = report_from_files(files)
    assert json.dumps(report.document, default=str, sort_keys=True) == json.dumps(
        document, default=str, sort_keys=True
    )
