"""Files too small for some analyses: ``analyze`` and ``report`` end the same way and tell the same story.

A two-customer file once made ``analyze`` exit 0 with a note while ``report`` exited 2 (issue 15).
"""

from __future__ import annotations

import json

import pytest

from cxlib.cli import main
from cxlib.report import report_from_files

TINY = {
    "two_customers": ("customers", "Kunden-ID,Alter,Umsatz\n1,30,100\n2,40,200\n"),
    "one_customer": ("customers", "Kunden-ID,Alter\n1,30\n"),
    "two_answers": ("survey", "Nr,Empfehlung,Beratung\na,9,4\nb,3,2\n"),
    "two_purchases": ("transactions", "Kunde,Datum,Betrag\n1,2024-01-05,10\n1,2024-02-05,20\n"),
}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("name", sorted(TINY))
def test_analyze_and_report_agree_on_tiny_files(name, lang, tmp_path, capsys):
    table, text = TINY[name]
    path = tmp_path / f"{name}.csv"
    path.write_text(text, encoding="utf-8")
    analyzed = main(["analyze", f"--{table}", str(path), "--lang", lang])
    printed = capsys.readouterr().out
    reported = main(["report", f"--{table}", str(path), "--out", str(tmp_path / "r.xlsx"), "--lang", lang])
    capsys.readouterr()
    assert analyzed == reported == 0
    document = json.loads(printed)
    if table == "customers":  # too few customers for personas: the section is left out, and a note says so
        assert document["personas"] is None
    assert document["notes"], "a section left out says why"
    assert (tmp_path / "r.xlsx").stat().st_size > 0
    report = report_from_files({table: str(path)}, lang=lang)
    assert json.dumps(report.document, default=str, sort_keys=True) == json.dumps(document, sort_keys=True)
