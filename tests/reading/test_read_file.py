"""read_file on ordinary files: text dialects and encodings, workbook formats, headers, types, attrs."""

from __future__ import annotations

import datetime
import io

import numpy as np
import pandas as pd
import pytest

from cxlib.errors import CxError
from cxlib.i18n import t
from cxlib.reading import MAX_COLUMNS, read_file
from tests.reading.reading_builders import ods_bytes, xls_bytes, xlsx_bytes


def only_sheet(sheets: dict[str, pd.DataFrame]) -> pd.DataFrame:
    assert len(sheets) == 1
    return next(iter(sheets.values()))


# --- text files ---------------------------------------------------------------------------------

GERMAN_CSV = (
    '"Kunden-Nr";"Name";"Umsatz";"Anmeldedatum"\r\n'
    '"K-001";"Müller";"1.234,56";"01.02.2024"\r\n'
    '"K-002";"Jürgen Weiß";"-12,50";"15.11.2023"\r\n'
    '"K-003";"Özdemir";"";"31.12.2022"\r\n'
)


def test_german_csv_in_cp1252_keeps_every_cell_as_text():
    sheets = read_file(GERMAN_CSV.encode("cp1252"), filename="kunden.csv")
    df = sheets["kunden"]
    assert list(df.columns) == ["Kunden-Nr", "Name", "Umsatz", "Anmeldedatum"]
    assert df["Name"].tolist() == ["Müller", "Jürgen Weiß", "Özdemir"]
    assert df["Umsatz"].iloc[:2].tolist() == ["1.234,56", "-12,50"]
    assert pd.isna(df["Umsatz"].iloc[2])  # empty cell -> NA, not ""
    assert df["Anmeldedatum"].tolist() == ["01.02.2024", "15.11.2023", "31.12.2022"]
    assert all(pd.api.types.is_string_dtype(df[c]) for c in df.columns)
    assert df.attrs["encoding"] == "cp1252"
    assert df.attrs["separator"] == ";"
    assert df.attrs["decimal"] == ","
    assert df.attrs["format"] == "csv"
    assert df.attrs["header_row"] == 0
    assert df.index.tolist() == [2, 3, 4]  # 1-based row numbers in the file


def test_comma_separated_with_german_numbers_in_quotes_hints_decimal_comma():
    text = 'id,betrag\n1,"1.234,50"\n2,"7,25"\n3,"99,00"\n'
    df = only_sheet(read_file(text.encode(), filename="b.csv"))
    assert df.attrs["separator"] == ","
    assert df.attrs["decimal"] == ","
    assert df["betrag"].tolist() == ["1.234,50", "7,25", "99,00"]


def test_english_numbers_hint_decimal_point():
    df = only_sheet(read_file(b"id,amount\n1,1234.50\n2,7.25\n", filename="e.csv"))
    assert df.attrs["decimal"] == "."
    assert df.attrs["encoding"] == "utf-8"


def test_utf8_bom_is_stripped_from_the_first_header():
    data = "\ufeffKunden-ID;Größe\n1;180\n".encode()
    df = only_sheet(read_file(data, filename="bom.csv"))
    assert list(df.columns) == ["Kunden-ID", "Größe"]
    assert df.attrs["encoding"] == "utf-8-sig"


def test_utf16_text_export_from_excel():
    data = "ID\tName\r\n1\tÄrger\r\n".encode("utf-16")  # Excel's "Unicode text": BOM + tabs
    df = only_sheet(read_file(data, filename="unicode.txt"))
    assert df.attrs["encoding"] == "utf-16"
    assert df["Name"].tolist() == ["Ärger"]


@pytest.mark.parametrize(("separator", "name"), [("\t", "tab"), ("|", "pipe"), (",", "comma"), (";", "semi")])
def test_separator_is_sniffed(separator, name):
    rows = [["ID", "Name", "Stadt"], ["1", "Anna", "Köln"], ["2", "Ben", "Bonn"]]
    text = "\r\n".join(separator.join(row) for row in rows) + "\r\n"
    df = only_sheet(read_file(text.encode(), filename=f"{name}.tsv"))
    assert df.attrs["separator"] == separator
    assert df.values.tolist() == [["1", "Anna", "Köln"], ["2", "Ben", "Bonn"]]
    assert not any("\r" in str(v) for v in df.to_numpy().ravel())  # CRLF fully removed


def test_excel_sep_hint_line_sets_the_separator():
    df = only_sheet(read_file(b'sep=,\r\nID,Betrag\r\n1,"2;5"\r\n', filename="x.csv"))
    assert df.attrs["separator"] == ","
    assert df.attrs["header_row"] == 1
    assert df.attrs["title_rows"] == []
    assert df.to_dict("list") == {"ID": ["1"], "Betrag": ["2;5"]}


def test_quoted_separator_and_line_break_inside_a_cell():
    text = 'id;kommentar\r\n1;"Lieferung; zu spät"\r\n2;"zwei\r\nZeilen"\r\n'
    df = only_sheet(read_file(text.encode(), filename="q.csv"))
    assert df["kommentar"].tolist() == ["Lieferung; zu spät", "zwei\r\nZeilen"]


def test_title_rows_above_the_header_are_skipped_and_kept_as_hints():
    text = (
        "Kundenexport Q3 2026;;;\nErstellt am 01.10.2026;;;\n;;;\n"
        "ID;Name;Alter;Ort\n1;Anna;34;Köln\n2;Ben;41;Bonn\n"
    )
    df = only_sheet(read_file(text.encode(), filename="t.csv"))
    assert list(df.columns) == ["ID", "Name", "Alter", "Ort"]
    assert df.attrs["header_row"] == 3
    assert df.attrs["title_rows"] == ["Kundenexport Q3 2026", "Erstellt am 01.10.2026"]
    assert df.index.tolist() == [5, 6]


def test_blank_rows_are_left_out_but_counted():
    text = "ID;Name\n1;Anna\n;\n\n2;Ben\n   ;  \n3;Cem\n\n\n"
    df = only_sheet(read_file(text.encode(), filename="b.csv"))
    assert df["Name"].tolist() == ["Anna", "Ben", "Cem"]
    assert df.attrs["blank_rows"] == 3  # the trailing line breaks are not rows of the table
    assert df.index.tolist() == [2, 5, 7]


def test_duplicate_and_empty_headers_are_renamed_with_notes():
    text = "Name;;Name;Name;Alter\nA;x;B;C;1\n"
    df = only_sheet(read_file(text.encode(), filename="d.csv"))
    assert list(df.columns) == ["Name", "column_2", "Name (2)", "Name (3)", "Alter"]
    assert df.attrs["notes"] == [
        'Duplicate header "Name" was renamed to "Name (2)".',
        'Duplicate header "Name" was renamed to "Name (3)".',
    ]
    key, params = df.attrs["note_keys"][1]
    assert t(key, "de", **params) == "Die doppelte Überschrift „Name“ wurde in „Name (3)“ umbenannt."


def test_header_whitespace_is_stripped_and_empty_columns_dropped():
    text = "  ID ;;Name  \n1;;Anna\n2;;Ben\n"
    df = only_sheet(read_file(text.encode(), filename="w.csv"))
    assert list(df.columns) == ["ID", "Name"]
    assert df.attrs["notes"] == ["1 completely empty column(s) were left out."]


def test_unicode_and_emoji_headers_survive():
    text = "Kunde 😀;Größe;顧客;Ünïcödé\n1;2;3;4\n"
    df = only_sheet(read_file(text.encode(), filename="u.csv"))
    assert list(df.columns) == ["Kunde 😀", "Größe", "顧客", "Ünïcödé"]


def test_text_that_starts_like_a_binary_signature_is_still_text():
    df = only_sheet(read_file(b"BMI;Alter\n22,5;40\n", filename="bmi.csv"))  # "BM" opens bitmaps
    assert df.to_dict("list") == {"BMI": ["22,5"], "Alter": ["40"]}


def test_zero_padded_ids_stay_text():
    df = only_sheet(read_file(b"CustomerID,Age\r\n0001,19\r\n0002,21\r\n", filename="m.csv"))
    assert df["CustomerID"].tolist() == ["0001", "0002"]


def test_script_tags_and_very_long_strings_are_kept_verbatim():
    long_text = "x" * 100_000
    text = f'id;comment\n1;<script>alert("hi")</script>\n2;{long_text}\n'
    df = only_sheet(read_file(text.encode(), filename="s.csv"))
    assert df["comment"].tolist() == ['<script>alert("hi")</script>', long_text]


def test_rows_wider_than_the_first_ones_are_not_lost():
    lines = ["a;b"] + ["1;2"] * 250 + ["3;4;5"]
    df = only_sheet(read_file("\n".join(lines).encode(), filename="r.csv"))
    assert df.shape == (251, 3)
    assert df.iloc[-1].tolist() == ["3", "4", "5"]
    assert list(df.columns) == ["a", "b", "column_3"]


def test_unicode_line_separator_inside_a_cell_does_not_cost_cells():
    # str.splitlines() breaks at U+2028 but the CSV parser does not: the row is wider than the sample
    df = only_sheet(read_file("ID;Name\n1;2\u2028;3;4\n".encode(), filename="x.csv"))
    assert df.to_dict("list") == {"ID": ["1"], "Name": ["2\u2028"], "column_3": ["3"], "column_4": ["4"]}


def test_headerless_numbers_get_generated_column_names():
    df = only_sheet(read_file(b"1;2\n3;4\n", filename="n.csv"))
    assert list(df.columns) == ["Column 1", "Column 2"]
    assert df.values.tolist() == [["1", "2"], ["3", "4"]]
    assert df.attrs["header_row"] == -1


def test_csv_renamed_xlsx_is_read_as_csv_and_named_after_the_stem():
    sheets = read_file(b"ID;Name\n1;Anna\n", filename="export.xlsx")
    assert list(sheets) == ["export"]
    assert sheets["export"].attrs["format"] == "csv"


def test_paths_and_file_objects_are_accepted(tmp_path):
    path = tmp_path / "kunden.csv"
    path.write_bytes(b"ID;Name\n1;Anna\n")
    assert read_file(path)["kunden"].attrs["file"] == "kunden.csv"
    assert read_file(str(path))["kunden"]["Name"].tolist() == ["Anna"]
    stream = io.BytesIO(b"ID;Name\n1;Anna\n")
    assert list(read_file(stream, filename="upload.csv")) == ["upload"]


def test_missing_path_is_a_user_error(tmp_path):
    with pytest.raises(CxError) as err:
        read_file(tmp_path / "fehlt.csv")
    assert err.value.message("en") == 'The file "fehlt.csv" was not found.'


def test_exactly_max_columns_is_fine_one_more_is_refused():
    def table(columns):
        header = ";".join(f"c{i}" for i in range(columns))
        return f"{header}\n{';'.join('1' * columns)}\n".encode()

    assert only_sheet(read_file(table(MAX_COLUMNS), filename="w.csv")).shape == (1, MAX_COLUMNS)
    with pytest.raises(CxError) as err:
        read_file(table(MAX_COLUMNS + 1), filename="w.csv")
    assert err.value.key == "error.too_many_columns"
    assert err.value.message("en") == 'The table in "w.csv" has 1001 columns; at most 1000 are supported.'
    assert (
        err.value.message("de")
        == "Die Tabelle in „w.csv“ hat 1001 Spalten; unterstützt werden höchstens 1000."
    )


# --- workbooks ----------------------------------------------------------------------------------

CUSTOMERS = [
    ["Kunden-ID", "Anmeldedatum", "Umsatz", "Bestellungen", "Segment"],
    ["0001", datetime.datetime(2024, 1, 15), 1234.5, 3, "A"],
    ["0002", datetime.datetime(2023, 11, 2), 99.0, 1, "B"],
    ["0003", datetime.datetime(2022, 5, 30), 0.5, 7, "A"],
]


def test_xlsx_keeps_native_types():
    df = read_file(xlsx_bytes({"Kunden": CUSTOMERS}), filename="k.xlsx")["Kunden"]
    assert df["Kunden-ID"].tolist() == ["0001", "0002", "0003"]
    assert pd.api.types.is_datetime64_any_dtype(df["Anmeldedatum"])
    assert df["Anmeldedatum"].iloc[0] == pd.Timestamp(2024, 1, 15)
    assert df["Umsatz"].dtype == np.float64
    assert df["Bestellungen"].dtype == np.int64
    assert df["Bestellungen"].tolist() == [3, 1, 7]
    assert df.attrs["format"] == "xlsx"
    assert df.attrs["decimal"] == "."
    assert df.attrs["encoding"] is None and df.attrs["separator"] is None
    assert df.index.tolist() == [2, 3, 4]


def test_xlsx_title_rows_blank_rows_and_offset_table():
    rows = [
        ["Kundenexport Q3 2026"],
        ["Erstellt am 01.10.2026"],
        [],
        [None, "ID", "Name", "Alter"],
        [None, 1, "Anna", 34],
        [],
        [None, 2, "Ben", 41],
    ]
    df = read_file(xlsx_bytes({"Export": rows}), filename="t.xlsx")["Export"]
    assert list(df.columns) == ["ID", "Name", "Alter"]
    assert df.attrs["header_row"] == 3
    assert df.attrs["title_rows"] == ["Kundenexport Q3 2026", "Erstellt am 01.10.2026"]
    assert df.attrs["blank_rows"] == 1
    assert df.index.tolist() == [5, 7]
    assert df["Alter"].tolist() == [34, 41]


def test_two_stacked_header_rows_use_the_lower_one():
    rows = [
        ["Kunde", None, "Kontakt", None],
        ["ID", "Name", "E-Mail", "Telefon"],
        [1, "Anna", "anna@example.org", "0221 123"],
        [2, "Ben", "ben@example.org", "0228 456"],
    ]
    sheets = read_file(xlsx_bytes({"K": rows}, merges={"K": ["A1:B1", "C1:D1"]}), filename="g.xlsx")
    df = sheets["K"]
    assert list(df.columns) == ["ID", "Name", "E-Mail", "Telefon"]
    assert df.attrs["header_row"] == 1
    assert df.attrs["title_rows"] == []
    assert df.attrs["notes"] == [
        "Row 1 (Kunde, Kontakt) groups the columns below it; row 2 is used as the header."
    ]
    assert df["ID"].tolist() == [1, 2]


def test_text_only_table_is_not_mistaken_for_a_two_row_header():
    rows = [["Name", "Stadt", None], ["Anna", "Köln", "x"], ["Ben", "Bonn", "y"]]
    df = read_file(xlsx_bytes({"S": rows}), filename="s.xlsx")["S"]
    assert list(df.columns) == ["Name", "Stadt", "column_3"]
    assert df["Name"].tolist() == ["Anna", "Ben"]


def test_mixed_type_column_is_read_as_text_without_losing_values():
    rows = [["ID", "Wert"]] + [[i, i * 2] for i in range(1500)] + [[1500, "kein Wert"]]
    df = read_file(xlsx_bytes({"M": rows}), filename="m.xlsx")["M"]
    assert len(df) == 1501
    assert df["Wert"].iloc[-1] == "kein Wert"  # beyond fastexcel's default 1,000-row type sample
    assert df["Wert"].iloc[3] == "6"
    assert df["ID"].dtype == np.int64


def test_formulas_do_not_crash():
    rows = [["ID", "Formel"], [1, "=1+1"], [2, "=A3*2"]]
    df = read_file(xlsx_bytes({"F": rows}), filename="f.xlsx")["F"]
    assert df["ID"].tolist() == [1, 2]
    # openpyxl stores no cached result: the formula cell is empty or its formula text, never an error
    assert all(pd.isna(v) or isinstance(v, str | float) for v in df["Formel"])


def test_xlsx_script_tags_and_long_strings_are_kept():
    long_text = "ä" * 30_000
    rows = [["ID", "Kommentar"], [1, "<script>alert(1)</script>"], [2, long_text]]
    df = read_file(xlsx_bytes({"K": rows}), filename="k.xlsx")["K"]
    assert df["Kommentar"].tolist() == ["<script>alert(1)</script>", long_text]


def test_duplicate_headers_in_a_workbook():
    rows = [["Name", "Name", None, "Alter"], ["A", "B", 5, 1]]
    df = read_file(xlsx_bytes({"D": rows}), filename="d.xlsx")["D"]
    assert list(df.columns) == ["Name", "Name (2)", "column_3", "Alter"]


def test_multi_sheet_workbook_in_order_without_empty_sheets():
    data = xlsx_bytes({"Notizen": [["Stand 2026"], ["Quelle", "CRM"]], "Leer": [], "Kunden": CUSTOMERS})
    sheets = read_file(data, filename="multi.xlsx")
    assert list(sheets) == ["Notizen", "Kunden"]
    assert sheets["Kunden"].attrs["sheet"] == "Kunden"


def test_xlsm_is_recognised():
    df = read_file(xlsx_bytes({"Kunden": CUSTOMERS}, macro=True), filename="k.xlsm")["Kunden"]
    assert df.attrs["format"] == "xlsm"
    assert df["Umsatz"].tolist() == [1234.5, 99.0, 0.5]


def test_legacy_xls_written_by_xlwt():
    rows = [
        ["Report"],
        [],
        ["ID", "Datum", "Betrag"],
        [1, datetime.date(2024, 3, 1), 9.5],
        [2, datetime.date(2024, 3, 2), 3.0],
    ]
    df = read_file(xls_bytes(rows), filename="alt.xls")["Kunden"]
    assert df.attrs["format"] == "xls"
    assert df.attrs["header_row"] == 2
    assert df.attrs["title_rows"] == ["Report"]
    assert pd.api.types.is_datetime64_any_dtype(df["Datum"])
    assert df["Datum"].tolist() == [pd.Timestamp(2024, 3, 1), pd.Timestamp(2024, 3, 2)]
    assert df["Betrag"].tolist() == [9.5, 3.0]


def test_legacy_xls_renamed_xlsx_still_reads():
    df = read_file(xls_bytes([["ID", "Name"], [1, "Anna"]]), filename="falsch.xlsx")["Kunden"]
    assert df.attrs["format"] == "xls"
    assert df["Name"].tolist() == ["Anna"]


def test_ods_written_by_hand():
    df = read_file(ods_bytes([["ID", "Name"], [1, "Anna"], [2, "Ben"]]), filename="k.ods")["Kunden"]
    assert df.attrs["format"] == "ods"
    assert df["ID"].tolist() == [1, 2]
    assert df["Name"].tolist() == ["Anna", "Ben"]
