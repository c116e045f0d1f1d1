"""The bad-input corpus of issue #6, built in code: every file a manager might upload by mistake.

Each :class:`Case` builds one upload and states exactly what the user must see: either the one message
of a refused file, or the row account of an accepted one (rule -> rows, rows read/used/set aside).
The README's "What happens with bad files" table is printed from this list (``python -m
tests.hostile.bad_inputs``), so the documentation and the tests cannot drift apart.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

import openpyxl

from cxlib.reading import MAX_COLUMNS, MAX_UPLOAD_BYTES
from tests.reading.reading_builders import (
    BILLION_LAUGHS,
    encrypted_ooxml_bytes,
    patch_declared_size,
    read_members,
    xls_bytes,
    xlsx_bytes,
    zip_bytes,
)

CUSTOMER_ROWS = [
    ["Kunden-ID", "Alter", "Umsatz"],
    ["0001", 34, 120.5],
    ["0002", 51, 80.0],
    ["0003", 28, 45.0],
]
#: Customer IDs of the customer file that survey cases are linked against (numbers, as a CRM writes them).
KNOWN_CUSTOMERS = {"1", "2", "3"}


@dataclass(frozen=True)
class Case:
    """One hostile upload and what the user sees.

    ``error``: the exact English message of a refused file (None: the file is accepted).
    ``rules``: for accepted files, rule -> rows of every validation rule that fired.
    ``rows``: for accepted files, (rows read, rows used, rows set aside).
    """

    id: str
    what: str
    build: Callable[[], tuple[str, bytes]]
    table: str = "customers"
    error: str | None = None
    rules: dict[str, int] = field(default_factory=dict)
    rows: tuple[int, int, int] | None = None
    link: bool = False  # validate against KNOWN_CUSTOMERS (survey cases)
    sees: str = ""  # short README wording of what the user sees for accepted files


def _csv(name: str, text: str, encoding: str = "utf-8") -> Callable[[], tuple[str, bytes]]:
    return lambda: (name, text.encode(encoding))


def _xlsx(name: str, rows: list[list[object]]) -> Callable[[], tuple[str, bytes]]:
    return lambda: (name, xlsx_bytes({"Kunden": rows}))


def _truncated() -> tuple[str, bytes]:
    data = xlsx_bytes({"Kunden": CUSTOMER_ROWS})
    return "halb.xlsx", data[: len(data) // 2]


def _zip_bomb() -> tuple[str, bytes]:
    # A tiny file whose directory claims 1.5 GB for one sheet: refused before anything is unpacked.
    data = xlsx_bytes({"Kunden": CUSTOMER_ROWS})
    return "bombe.xlsx", patch_declared_size(data, "xl/worksheets/sheet1.xml", 1_500_000_000)


def _real_zip_bomb() -> tuple[str, bytes]:
    # 60 MB of zeros deflated to ~60 KB inside a real workbook: caught by the packing ratio.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in read_members(xlsx_bytes({"Kunden": CUSTOMER_ROWS})).items():
            archive.writestr(name, content)
        with archive.open("xl/media/zeros.bin", "w") as stream:
            chunk = bytes(1024 * 1024)
            for _ in range(60):
                stream.write(chunk)
    return "nullen.xlsx", buffer.getvalue()


def _entity_expansion() -> tuple[str, bytes]:
    members = read_members(xlsx_bytes({"Kunden": CUSTOMER_ROWS}))
    members["xl/sharedStrings.xml"] = BILLION_LAUGHS
    return "lol.xlsx", zip_bytes(members)


def _over_cap() -> tuple[str, bytes]:
    line = b"0001;34;120,50\r\n"
    body = line * (MAX_UPLOAD_BYTES // len(line) + 1)
    return "riesig.csv", b"Kunden-ID;Alter;Umsatz\r\n" + body


def _columns(count: int) -> Callable[[], tuple[str, bytes]]:
    def build() -> tuple[str, bytes]:
        header = ["Kunden-ID", *(f"Merkmal {i}" for i in range(1, count))]
        rows = [header] + [[f"{r:04d}", *(str((r * i) % 7) for i in range(1, count))] for r in range(1, 4)]
        return f"breit_{count}.csv", "\n".join(";".join(row) for row in rows).encode()

    return build


def _merged_header() -> tuple[str, bytes]:
    rows = [
        ["Stammdaten", None, "Kontakt", None],
        ["Kunden-ID", "Alter", "Ort", "Umsatz"],
        ["0001", 34, "Köln", 120.5],
        ["0002", 51, "Bonn", 80.0],
    ]
    return "gruppen.xlsx", xlsx_bytes({"Kunden": rows}, merges={"Kunden": ["A1:B1", "C1:D1"]})


def _formulas() -> tuple[str, bytes]:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Kunden"
    sheet.append(["Kunden-ID", "Umsatz", "Notiz"])
    sheet.append(["0001", "=SUM(1,2)", '=HYPERLINK("http://evil.example","klick")'])
    sheet.append(["0002", 80, "=cmd|' /C calc'!A0"])
    buffer = io.BytesIO()
    workbook.save(buffer)  # openpyxl stores formulas without cached values: they read as empty
    return "formeln.xlsx", buffer.getvalue()


def _hostile_text() -> tuple[str, bytes]:
    long_text = "Sehr lang " * 3000  # 30,000 characters (Excel keeps at most 32,767 per cell)
    rows = [
        ["Kunden-ID", "Name", "Region", "Segment", "Geschlecht"],
        [
            "0001",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "**fett** [link](http://x)",
            "w",
        ],
        ["0002", long_text, "# Überschrift", "`code` | table |", "<b>m</b>"],
    ]
    return "html.xlsx", xlsx_bytes({"Kunden": rows})


def _emoji_headers() -> tuple[str, bytes]:
    text = "Kunden-ID;Älter 🎂;Umsatz 💶;Ort 🏙️\n0001;34;120,50;Köln\n0002;51;80,00;Düsseldorf\n"
    return "emoji.csv", text.encode("utf-8")


CASES: tuple[Case, ...] = (
    # --- files that are refused, with the one message the user sees ---
    Case("empty_file", "Empty file", _csv("leer.csv", ""), error='The file "leer.csv" is empty.'),
    Case(
        "whitespace_only",
        "Only spaces and line breaks",
        _csv("leer2.csv", "  \r\n\t\r\n"),
        error='The file "leer2.csv" is empty.',
    ),
    Case(
        "header_only",
        "Header row only",
        _csv("kopf.csv", "Kunden-ID;Alter;Umsatz\r\n"),
        error='The file "kopf.csv" has column headers but no data rows.',
    ),
    Case(
        "blank_rows_only",
        "Only blank rows (separators, no values)",
        _csv("blank.csv", ";;\r\n;;\r\n\r\n"),
        error='No table with data was found in "blank.csv".',
    ),
    Case(
        "empty_sheets",
        "Workbook whose sheets are all empty",
        lambda: ("leer.xlsx", xlsx_bytes({"A": [], "B": []})),
        error='No table with data was found in "leer.xlsx".',
    ),
    Case(
        "corrupt_zip",
        "Corrupt zip (damaged .xlsx)",
        lambda: ("kaputt.xlsx", b"PK\x03\x04" + random.Random(1).randbytes(2000)),
        error='The workbook "kaputt.xlsx" is damaged and cannot be opened. '
        "Please save it again from Excel and retry.",
    ),
    Case(
        "truncated_xlsx",
        "Truncated .xlsx (upload cut off)",
        _truncated,
        error='The workbook "halb.xlsx" is damaged and cannot be opened. '
        "Please save it again from Excel and retry.",
    ),
    Case(
        "password_protected",
        "Password-protected workbook",
        lambda: ("geheim.xlsx", encrypted_ooxml_bytes()),
        error='The workbook "geheim.xlsx" is password-protected. Please remove the password in Excel '
        "(File > Info > Protect Workbook) and upload it again.",
    ),
    Case(
        "random_bytes",
        "Random bytes",
        lambda: ("zufall.xlsx", random.Random(7).randbytes(4096)),
        error='The file "zufall.xlsx" is not a spreadsheet or text table that can be read '
        "(supported: .xlsx, .xlsm, .xls, .ods, .csv, .tsv, .txt).",
    ),
    Case(
        "pdf_renamed",
        "PDF renamed .xlsx",
        lambda: ("bericht.xlsx", b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n"),
        error='The file "bericht.xlsx" is not a spreadsheet or text table that can be read '
        "(supported: .xlsx, .xlsm, .xls, .ods, .csv, .tsv, .txt).",
    ),
    Case(
        "word_zip",
        "Word document renamed .xlsx",
        lambda: (
            "brief.xlsx",
            zip_bytes({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<T/>"}),
        ),
        error='The file "brief.xlsx" is not a spreadsheet or text table that can be read '
        "(supported: .xlsx, .xlsm, .xls, .ods, .csv, .tsv, .txt).",
    ),
    Case(
        "zip_bomb",
        "Zip bomb (tiny file, 1.5 GB declared)",
        _zip_bomb,
        error='The file "bombe.xlsx" unpacks to an implausibly large size '
        "and was not opened for safety reasons.",
    ),
    Case(
        "zip_bomb_ratio",
        "Zip bomb (60 MB of zeros packed into a workbook)",
        _real_zip_bomb,
        error='The file "nullen.xlsx" unpacks to an implausibly large size '
        "and was not opened for safety reasons.",
    ),
    Case(
        "entity_expansion",
        "XML entity expansion (billion laughs) in a workbook",
        _entity_expansion,
        error='The file "lol.xlsx" contains unsafe XML constructs and was not opened for safety reasons.',
    ),
    Case(
        "over_upload_cap",
        "File over the 50 MB upload cap",
        _over_cap,
        error='The file "riesig.csv" is 50.0 MB; the limit is 50 MB. '
        "Please upload a smaller export (for example one year or one region).",
    ),
    Case(
        "too_many_columns",
        f"{MAX_COLUMNS + 1} columns",
        _columns(MAX_COLUMNS + 1),
        error=f'The table in "breit_{MAX_COLUMNS + 1}.csv" has {MAX_COLUMNS + 1} columns; '
        f"at most {MAX_COLUMNS} are supported.",
    ),
    Case(
        "required_role_empty",
        "Customer ID column without a single value",
        _csv("leere_ids.csv", "Kunden-ID;Alter\n;34\n;51\n"),
        error="The column “Kunden-ID” (field “Customer ID”) in the customers table contains no values.",
    ),
    Case(
        "no_usable_rows",
        "Survey where no row holds an answer",
        _csv("umfrage.csv", "Antwort-ID;NPS\nA1;\nA2;n/a\n"),
        table="survey",
        error="None of the 2 rows of the survey table could be used: 2 survey rows contain no answer at all.",
    ),
)

ACCEPTED: tuple[Case, ...] = (
    # --- files that are read; what could not be used is counted, with a reason ---
    Case(
        "xls_renamed_xlsx",
        "Legacy .xls renamed .xlsx",
        lambda: ("alt.xlsx", xls_bytes(CUSTOMER_ROWS)),
        rows=(3, 3, 0),
        sees="Read normally (format from the bytes)",
    ),
    Case(
        "csv_renamed_xlsx",
        "CSV renamed .xlsx",
        _csv("export.xlsx", "Kunden-ID;Alter\n0001;34\n0002;51\n"),
        rows=(2, 2, 0),
        sees="Read normally as a text table",
    ),
    Case(
        "exactly_max_columns",
        f"{MAX_COLUMNS} columns",
        _columns(MAX_COLUMNS),
        rows=(3, 3, 0),
        sees="Read; the extra columns are available as persona features",
    ),
    Case(
        "duplicate_headers",
        "Duplicate header names",
        _csv("doppelt.csv", "Kunden-ID;Ort;Ort;Umsatz\n0001;Köln;Bonn;10\n0002;Bonn;Köln;20\n"),
        rows=(2, 2, 0),
        sees="Read; the second column is renamed “Ort (2)” and a note says so",
    ),
    Case(
        "merged_group_header",
        "Merged group cells above the header (two header rows)",
        _merged_header,
        rows=(2, 2, 0),
        sees="Read; the lower row is taken as the header and a note names the group row",
    ),
    Case(
        "title_rows",
        "Title rows above the header",
        _csv(
            "titel.csv",
            "Kundenexport Q3 2026\nErstellt am 01.10.2026\n\n"
            "Kunden-ID;Alter;Ort\n0001;34;Köln\n0002;51;Bonn\n",
        ),
        rows=(2, 2, 0),
        sees="Read; the title rows are skipped",
    ),
    Case(
        "blank_rows_between",
        "Blank rows between data rows",
        _csv("luecken.csv", "Kunden-ID;Alter\n0001;34\n;\n\n0002;51\n"),
        rules={"blank_row": 2},
        rows=(4, 2, 2),
        sees="“2 rows are completely empty.” (set aside)",
    ),
    Case(
        "text_in_numbers",
        "Text in numeric columns (“n/a”, “–”, “12,5 €”, “viel”)",
        _csv("text.csv", "Kunden-ID;Umsatz\n1;n/a\n2;–\n3;12,5 €\n4;viel\n"),
        rules={"marked_missing": 2, "not_a_number": 1},
        rows=(4, 4, 0),
        sees="“1 values in “revenue” are not numbers (e.g. “viel”) …” and "
        "“2 values … marked as not available”; "
        "rows kept",
    ),
    Case(
        "recommend_out_of_range",
        "Recommend scores 11, −1 and 7.5",
        _csv("nps.csv", "Antwort-ID;Weiterempfehlung;Zufriedenheit\nA1;11;4\nA2;-1;3\nA3;7.5;5\nA4;9;4\n"),
        table="survey",
        rules={"recommend_out_of_range": 3},
        rows=(4, 4, 0),
        sees="“3 recommend scores lie outside 0–10 or are not whole numbers …”; the scores are left empty",
    ),
    Case(
        "recommend_only_invalid",
        "Recommend scores out of range and nothing else answered",
        _csv("nps2.csv", "Antwort-ID;Weiterempfehlung\nA1;11\nA2;-1\nA3;9\n"),
        table="survey",
        rules={"recommend_out_of_range": 2, "empty_response": 2},
        rows=(3, 1, 2),
        sees="Out-of-range scores left empty; the rows left without any answer are set aside",
    ),
    Case(
        "three_date_formats",
        "Dates in three formats in one column",
        _csv("daten.csv", "Kunden-ID;Anmeldedatum\n1;2024-03-15\n2;15.03.2024\n3;3/15/2024\n"),
        rows=(3, 3, 0),
        sees="All read as the same date, no message",
    ),
    Case(
        "future_dates",
        "Dates in the future",
        _csv("zukunft.csv", "Kunden-ID;Anmeldedatum\n1;2024-03-15\n2;2099-01-01\n"),
        rules={"future_date": 1},
        rows=(2, 2, 0),
        sees="“1 dates in “signup date” lie after … today”; left empty",
    ),
    Case(
        "placeholder_year_9999",
        "“Open end” dates such as 31.12.9999",
        _csv("ende.csv", "Kunden-ID;Anmeldedatum\n1;2024-03-15\n2;31.12.9999\n"),
        rules={"unparseable_date": 1},
        rows=(2, 2, 0),
        sees="“1 values in “signup date” are not readable dates (e.g. “31.12.9999”) …”; left empty",
    ),
    Case(
        "churn_before_signup",
        "Churn date before signup date",
        _csv(
            "kuendigung.csv",
            "Kunden-ID;Anmeldedatum;Kündigungsdatum\n1;2024-03-15;2023-01-01\n2;2024-03-15;2025-01-01\n",
        ),
        rules={"churn_before_signup": 1},
        rows=(2, 2, 0),
        sees="“1 customers have a churn date before their signup date …”; that churn date is left empty",
    ),
    Case(
        "duplicate_ids",
        "Duplicate customer IDs with different data",
        _csv("dupl.csv", "Kunden-ID;Alter\n0001;34\n1;35\n0002;51\n0002;51\n"),
        rules={"duplicate_id": 1, "exact_duplicate": 1},
        rows=(4, 2, 2),
        sees="The first row of each ID is used; the others are set aside with the reason",
    ),
    Case(
        "missing_ids",
        "Rows without a customer ID",
        _csv("ohne.csv", "Kunden-ID;Alter\n0001;34\n;51\n"),
        rules={"missing_required": 1},
        rows=(2, 1, 1),
        sees="Set aside: “… no value in the required field”",
    ),
    Case(
        "padded_vs_numeric_ids",
        "Survey IDs as numbers, customer IDs zero-padded (“0001” vs 1)",
        _csv("umfrage_ids.csv", "Antwort-ID;Kunden-ID;Weiterempfehlung\nA1;1;9\nA2;2.0;7\nA3;0003;10\n"),
        table="survey",
        link=True,
        rows=(3, 3, 0),
        sees="Matched: “0001”, 1 and 1.0 are the same customer",
    ),
    Case(
        "unknown_customers",
        "Survey rows for unknown customers",
        _csv("umfrage_fremd.csv", "Antwort-ID;Kunden-ID;Weiterempfehlung\nA1;1;9\nA2;99;7\nA3;K-7;10\n"),
        table="survey",
        link=True,
        rules={"unknown_customer": 2},
        rows=(3, 3, 0),
        sees="“2 survey rows refer to customer IDs that are not in the customer table …”; kept for NPS",
    ),
    Case(
        "windows_1252",
        "Non-UTF-8 bytes (Windows-1252 umlauts)",
        _csv(
            "ansi.csv", "Kunden-ID;Ort;Geschlecht\n0001;Köln;männlich\n0002;Düsseldorf;weiblich\n", "cp1252"
        ),
        rows=(2, 2, 0),
        sees="Read; umlauts shown correctly",
    ),
    Case(
        "utf8_bom",
        "UTF-8 with BOM",
        _csv("bom.csv", "\ufeffKunden-ID;Alter\n0001;34\n0002;51\n"),
        rows=(2, 2, 0),
        sees="Read; the BOM is not part of the first header",
    ),
    Case(
        "utf16",
        "UTF-16 text (Excel “Unicode text”)",
        _csv("unicode.txt", "Kunden-ID\tAlter\n0001\t34\n", "utf-16"),
        rows=(1, 1, 0),
        sees="Read",
    ),
    Case(
        "crlf",
        "Windows line endings",
        _csv("crlf.csv", "Kunden-ID;Alter\r\n0001;34\r\n0002;51\r\n"),
        rows=(2, 2, 0),
        sees="Read; no stray “\\r” in values",
    ),
    Case(
        "formulas",
        "Formulas in cells (=SUM, =HYPERLINK, DDE)",
        _formulas,
        rows=(2, 2, 0),
        sees="Never evaluated; exports prefix formula text with an apostrophe",
    ),
    Case(
        "csv_formula_text",
        "Formula text in a CSV",
        _csv("formel.csv", 'Kunden-ID;Kommentar\n0001;"=HYPERLINK(""http://x"",""klick"")"\n0002;@SUM(A1)\n'),
        rows=(2, 2, 0),
        sees="Kept as text; exports neutralise it",
    ),
    Case(
        "html_markdown_long",
        "Cells with <script>, HTML, Markdown and 30,000-character strings",
        _hostile_text,
        rows=(2, 2, 0),
        sees="Shown as plain text, never as HTML or Markdown",
    ),
    Case(
        "emoji_headers",
        "Unicode and emoji headers",
        _emoji_headers,
        rows=(2, 2, 0),
        sees="Read; headers kept as written",
    ),
    Case(
        "no_id_row_numbers",
        "No customer ID column",
        _csv("ohne_id.csv", "Alter;Umsatz;Ort\n34;120,50;Köln\n51;80,00;Bonn\n"),
        rules={"no_id_row_numbers": 2},
        rows=(2, 2, 0),
        sees="Read; the row numbers serve as customer IDs, with a note that survey answers cannot be linked",
    ),
)

ALL_CASES = CASES + ACCEPTED


def readme_table(cases: tuple[Case, ...] = ALL_CASES) -> str:
    """The Markdown table for the README: case | what the user sees."""
    lines = ["| Case | What the user sees |", "| --- | --- |"]
    for case in cases:
        seen = case.error if case.error else case.sees
        lines.append(f"| {_cell(case.what)} | {_cell(seen)} |")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


if __name__ == "__main__":
    print(readme_table())
