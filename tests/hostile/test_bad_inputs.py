"""Issue #6: every bad upload gives one clear message (or a full row account), never a traceback.

Each case of :mod:`tests.hostile.bad_inputs` runs through ``cxlib.intake.load_table`` (what the app
does) and through the CLI in-process (exit code 2 and one line on stderr for a refused file).
"""

from __future__ import annotations

import functools
import importlib.util

import pytest

from cxlib.cli import main
from cxlib.errors import CxError
from cxlib.intake import load_table
from cxlib.validation import readable_set_aside
from tests.hostile.bad_inputs import ACCEPTED, CASES, KNOWN_CUSTOMERS, Case

HAVE_PERSONAS = importlib.util.find_spec("cxlib.personas") is not None


def _built(case: Case) -> tuple[str, bytes]:
    return _build(case.id)


@functools.cache
def _build(case_id: str) -> tuple[str, bytes]:  # some builders take a second (zip bombs, wide sheets)
    return next(case for case in CASES + ACCEPTED if case.id == case_id).build()


def _load(case: Case):
    name, data = _built(case)
    known = KNOWN_CUSTOMERS if case.link else None
    return load_table(data, table=case.table, filename=name, known_customers=known)


def _run_cli(case: Case, tmp_path, capsys, *, lang: str = "en") -> tuple[int, str, str]:
    name, data = _built(case)
    path = tmp_path / name
    path.write_bytes(data)
    code = main(["analyze", f"--{case.table}", str(path), "--lang", lang])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_corpus_is_big_enough_and_ids_are_unique():
    ids = [case.id for case in CASES + ACCEPTED]
    assert len(ids) >= 30 and len(set(ids)) == len(ids)
    assert all(case.error for case in CASES) and not any(case.error for case in ACCEPTED)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_refused_file_shows_exactly_one_message(case):
    with pytest.raises(CxError) as english:
        _load(case)
    assert english.value.message("en") == case.error
    german = english.value.message("de")  # the same language-neutral error, told in German
    assert german and german != case.error


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_refused_file_on_the_command_line(case, tmp_path, capsys):
    code, out, err = _run_cli(case, tmp_path, capsys)
    assert code == 2
    assert out == ""
    assert err == case.error + "\n"  # one line, the same message as in the app
    assert "Traceback" not in out + err


def test_refused_file_on_the_command_line_in_german(tmp_path, capsys):
    case = next(case for case in CASES if case.id == "password_protected")
    code, _, err = _run_cli(case, tmp_path, capsys, lang="de")
    assert code == 2
    assert err.startswith("Die Arbeitsmappe „geheim.xlsx“ ist kennwortgeschützt.") and err.count("\n") == 1


def test_missing_file_and_wrong_sheet_on_the_command_line(tmp_path, capsys):
    assert main(["analyze", "--customers", str(tmp_path / "fehlt.xlsx")]) == 2
    assert capsys.readouterr().err == 'The file "fehlt.xlsx" was not found.\n'
    name, data = ACCEPTED[0].build()
    (tmp_path / name).write_bytes(data)
    assert main(["analyze", "--customers", str(tmp_path / name), "--customers-sheet", "Umfrage"]) == 2
    assert (
        capsys.readouterr().err == f'The sheet "Umfrage" does not exist in "{name}". Available: "Kunden".\n'
    )


@pytest.mark.parametrize("case", ACCEPTED, ids=[case.id for case in ACCEPTED])
def test_accepted_file_accounts_for_every_row(case):
    loaded = _load(case)
    report, aside = loaded.validated.report, loaded.validated.set_aside
    assert (report.rows_read, report.rows_used, report.rows_set_aside) == case.rows
    assert report.rows_read == report.rows_used + report.rows_set_aside
    assert len(loaded.validated.data) == report.rows_used and len(aside) == report.rows_set_aside
    assert {rule.rule: rule.rows for rule in report.rules} == case.rules
    # every row set aside carries its reason (a rule code, in words in either language); the set-aside
    # rules add up to the rows set aside
    assert aside["reason"].str.len().gt(0).all() if len(aside) else True
    if len(aside):
        assert set(aside["reason"]) <= {rule.rule for rule in report.rules if rule.set_aside}
        for lang in ("en", "de"):
            shown = readable_set_aside(loaded.validated, lang=lang)["reason"]
            assert (shown.str.len() > 0).all() and not set(shown) & set(aside["reason"])
    assert sum(rule.rows for rule in report.rules if rule.set_aside) == report.rows_set_aside
    if case.rules:  # the same counts, told in German
        english = [rule.text("en") for rule in report.rules]
        german = [rule.text("de") for rule in report.rules]
        assert all(g and g != e for g, e in zip(german, english, strict=True))
        assert english == [rule.message for rule in report.rules]


CLI_ACCEPTED = [
    case
    for case in ACCEPTED
    if case.id in ("xls_renamed_xlsx", "recommend_out_of_range", "unknown_customers")
]
# Accepted customer files too small or too uniform for personas: the CLI should still print the KPIs.
CLI_NO_PERSONAS = [case for case in ACCEPTED if case.id in ("text_in_numbers", "three_date_formats")]


@pytest.mark.skipif(
    not HAVE_PERSONAS, reason="the CLI's full analysis needs cxlib.personas (not written yet)"
)
@pytest.mark.parametrize("case", CLI_ACCEPTED, ids=[case.id for case in CLI_ACCEPTED])
def test_accepted_file_on_the_command_line(case, tmp_path, capsys):
    code, out, err = _run_cli(case, tmp_path, capsys)
    assert code == 0, err
    assert "Traceback" not in out + err and '"inputs"' in out


@pytest.mark.skipif(
    not HAVE_PERSONAS, reason="the CLI's full analysis needs cxlib.personas (not written yet)"
)
@pytest.mark.parametrize("case", CLI_NO_PERSONAS, ids=[case.id for case in CLI_NO_PERSONAS])
def test_valid_file_without_personas_still_gives_the_analysis(case, tmp_path, capsys):
    code, _, err = _run_cli(case, tmp_path, capsys)
    assert "Traceback" not in err
    assert code == 0, err


def _accepted(case_id: str):
    return _load(next(case for case in ACCEPTED if case.id == case_id))


def test_legacy_xls_renamed_is_read_as_xls():
    loaded = _accepted("xls_renamed_xlsx")
    assert loaded.raw.attrs["format"] == "xls"
    assert loaded.validated.data["customer_id"].tolist() == ["1", "2", "3"]


def test_windows_1252_and_gender_words_are_decoded():
    data = _accepted("windows_1252").validated.data
    assert data["region"].tolist() == ["Köln", "Düsseldorf"]
    assert data["gender"].tolist() == ["male", "female"]


def test_bom_and_crlf_leave_no_traces():
    for case_id in ("utf8_bom", "crlf"):
        loaded = _accepted(case_id)
        assert list(loaded.raw.columns) == ["Kunden-ID", "Alter"]
        assert loaded.validated.data["age"].tolist() == [34.0, 51.0]


def test_duplicate_headers_and_group_rows_are_explained():
    assert "Ort (2)" in _accepted("duplicate_headers").raw.columns
    notes = _accepted("merged_group_header").raw.attrs["note_keys"]
    assert [key for key, _ in notes] == ["reading.note.group_row"]


def test_ids_match_across_number_and_zero_padded_text():
    loaded = _accepted("padded_vs_numeric_ids")
    assert loaded.validated.data["customer_id"].tolist() == ["1", "2", "3"]
    assert set(loaded.validated.data["customer_id"]) <= KNOWN_CUSTOMERS


def test_formulas_are_never_evaluated():
    formulas = _accepted("formulas").validated.data
    assert formulas["revenue"].isna().tolist() == [True, False]  # =SUM(1,2) is not turned into 3
    text = _accepted("csv_formula_text").validated.data
    assert text["Kommentar"].tolist() == ['=HYPERLINK("http://x","klick")', "@SUM(A1)"]


def test_markup_and_long_text_are_kept_verbatim():
    data = _accepted("html_markdown_long").validated.data
    assert data.loc[0, "Name"] == "<script>alert(1)</script>"
    assert data.loc[0, "region"] == "<img src=x onerror=alert(1)>"
    assert data.loc[0, "segment"] == "**fett** [link](http://x)"
    assert data.loc[1, "Name"] == ("Sehr lang " * 3000).strip()


def test_emoji_headers_stay_as_written():
    loaded = _accepted("emoji_headers")
    assert list(loaded.raw.columns) == ["Kunden-ID", "Älter 🎂", "Umsatz 💶", "Ort 🏙️"]
    assert loaded.validated.data["customer_id"].tolist() == ["1", "2"]
