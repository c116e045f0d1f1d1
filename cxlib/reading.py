"""Any customer or survey spreadsheet in, one DataFrame per sheet out: format sniffing, safety, headers.

The format comes from the bytes, never from the file name (a legacy ``.xls`` renamed ``.xlsx`` still
reads). Workbooks are checked before they are parsed: size cap, zip bombs, XML entity tricks, password
protection. Excel and OpenDocument sheets are read with ``fastexcel`` (Rust ``calamine``) and keep native
types (float64/int64, datetime64, str); text files (CSV/TSV/TXT) are read as ``str`` cells only, because
the validation step converts numbers and dates per column role and counts what fails.

Every sheet's header row is found in the first rows (title rows above it are skipped, a group row of
merged cells above the real header is recognised). The DataFrame's index holds the 1-based row number of
each row in the file, so rows set aside later can be named exactly. Reading hints travel in ``df.attrs``:

``format``       "xlsx", "xlsm", "xlsb", "xls", "ods" or "csv"
``encoding``     text files: "utf-8", "utf-8-sig", "utf-16", "cp1252" or "latin-1" (workbooks: None)
``separator``    text files: ";", ",", "\\t", "|" or "whitespace" (columns aligned with runs of spaces;
                 workbooks: None)
``decimal``      "," when the numbers are written the German way (``1.234,56``), else "."
``header_row``   0-based row of the header line in the file (first data row - 1 when there is no header)
``title_rows``   texts found above the header (list of str)
``blank_rows``   completely empty rows below the header that were left out of the DataFrame
``layout_rows``  rows of the report's layout left out of the DataFrame (a read-only, shared tuple): totals
                 and subtotals ("Summe", "Grand Total", "Total Nord", "Mittelwert"), the header repeated on
                 every page, page footers and export lines; one dict each: ``row`` (1-based file row),
                 ``rule`` ("total_row", "repeated_header", "note_row"), ``text`` and ``cells`` (filled
                 cells by column name)
``notes``        what was repaired (renamed duplicate headers, dropped empty columns, …), English str
``note_keys``    the same notes as (string-table key, params) pairs, to show them in the user's language
``has_header``   False when the first row already holds data (columns named "Column 1", "Column 2", …)
``compression``  "gzip" or "zip" when the table was unpacked from a ``.gz`` or a one-table ``.zip``
``archive_member`` the name of the unpacked file (only with ``compression``)
``sheet``, ``file``, ``hidden`` (hidden workbook sheet)
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import os
import re
import threading
import warnings
import zipfile
import zlib
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import fastexcel
import numpy as np
import pandas as pd
from defusedxml import ElementTree as SafeET

from cxlib.errors import CxError
from cxlib.i18n import t

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_COLUMNS = 1000

#: Zip bomb limits: total unpacked size, and packing ratio of a big member.
MAX_UNZIPPED_BYTES = 1024**3
MAX_RATIO = 200
RATIO_CHECK_FROM_BYTES = 50 * 1024 * 1024

#: Header detection looks at this many rows from the top of a sheet.
PREVIEW_ROWS = 30

Source = str | os.PathLike | bytes | BinaryIO
Key = TypeVar("Key")
#: Files :func:`read_files` reads at the same time (at most one per core).
READ_WORKERS = max(1, min(4, os.cpu_count() or 1))
_WARNING_FILTERS = threading.Lock()
#: A repair worth telling the user: string-table key and its parameters.
_Note = tuple[str, dict[str, Any]]

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# Binary formats people upload by mistake; text decoding could otherwise accept some of them.
_OTHER_MAGICS = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"Rar!", b"7z\xbc\xaf")
_GZIP_MAGIC = b"\x1f\x8b"
#: Members of a plain zip archive that can hold the one table (other members, e.g. a read-me, do not count).
_TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".txt", ".dat", ".asc", ".psv", ".xlsx", ".xlsm", ".xls", ".ods")
_UNPACK_CHUNK = 1024 * 1024
#: A table unpacked from a .gz or .zip may be this many times the upload limit.
UNPACKED_FACTOR = 4
_SEPARATORS = (";", ",", "\t", "|")
_NUMBER = re.compile(r"^[+-]?[$€£]?\s?(\d[\d.,' ]*|[.,]\d+)\s?(%|€|\$|£)?$")
_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$")
_GERMAN_NUMBER = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$|^[+-]?\d+,\d+$")
_ENGLISH_NUMBER = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$|^[+-]?\d+\.\d+$")
_EXCEL_SEP_LINE = re.compile(r"^sep=([;,\t|])[ \t]*\r?\n")
_MARKUP_START = re.compile(r"^\s*<(\?xml|!doctype|html|table|head|body)", re.IGNORECASE)
_DICTIONARY_NAME = re.compile(
    r"dict|wörterbuch|woerterbuch|legend|readme|read me|glossar|codebook|metadata|erläuterung|erklärung|"
    r"hinweis|^notes?$|^info$|^about$|^description|^definition|^variable|^inhalt$|^contents?$|anleitung|"
    r"instruction|lookup|^sheet ?\d+ \(?notes?\)?$",
    re.IGNORECASE,
)


# --- public interface ------------------------------------------------------------------------------


def read_file(
    source: Source,
    *,
    filename: str | None = None,
    max_bytes: int = MAX_UPLOAD_BYTES,
) -> dict[str, pd.DataFrame]:
    """Read a workbook or text table into one DataFrame per sheet that has data.

    Parameters
    ----------
    source : path, bytes or binary file object
        The upload. Its format is recognised from the bytes: xlsx/xlsm/xlsb, legacy xls, ods, or a
        CSV/TSV/TXT text table (any of ``; , tab |`` as separator, or columns aligned with spaces;
        UTF-8/UTF-16/Windows encodings), each also packed as ``.gz`` or as the one table of a ``.zip``.
    filename : str, optional
        The name shown in error messages, and the sheet name of a text table (its stem). Defaults to the
        path's name, the file object's ``name``, or ``"upload"``.
    max_bytes : int
        Files bigger than this are refused before anything is parsed.

    Returns
    -------
    dict of str to DataFrame
        Sheets in workbook order; empty sheets are left out. A text table gives one sheet named after the
        file stem. Columns are named by the detected header row (stripped, empty -> ``column_<n>``,
        duplicates -> ``Name (2)``); the index is the 1-based row number in the file. Reading hints are in
        ``df.attrs`` (see the module docstring).

    Raises
    ------
    CxError
        The only exception for anything wrong with the file: ``error.empty_file``, ``error.header_only``,
        ``error.no_data``, ``error.too_large``, ``error.unknown_format``, ``error.corrupt_workbook``,
        ``error.password_protected``, ``error.zip_bomb``, ``error.unsafe_xml``, ``error.undecodable_text``,
        ``error.too_many_columns``, ``error.file_not_found``.

    Examples
    --------
    >>> text = "Kundenexport Q3\\n\\nKunden-ID;Umsatz;Ort\\n0001;1.234,50;Köln\\n\\n0002;99,00;Bonn\\n"
    >>> sheets = read_file(text.encode("cp1252"), filename="kunden.csv")
    >>> df = sheets["kunden"]
    >>> df
      Kunden-ID    Umsatz   Ort
    4      0001  1.234,50  Köln
    6      0002     99,00  Bonn
    >>> {key: df.attrs[key] for key in ("encoding", "separator", "decimal", "header_row", "blank_rows")}
    {'encoding': 'cp1252', 'separator': ';', 'decimal': ',', 'header_row': 2, 'blank_rows': 1}
    >>> df.attrs["title_rows"]
    ['Kundenexport Q3']
    >>> read_file(b"", filename="leer.csv")
    Traceback (most recent call last):
    ...
    cxlib.errors.CxError: The file "leer.csv" is empty.
    """
    _check_source(source, max_bytes)
    name = _display_name(source, filename)
    data = _load_bytes(source, name, max_bytes)
    return _read_bytes(data, name, unpacked=False, max_bytes=max_bytes)


def read_files(
    sources: Mapping[Key, Source],
    *,
    max_bytes: int = MAX_UPLOAD_BYTES,
) -> dict[Key, dict[str, pd.DataFrame]]:
    """Read several files at once, each as :func:`read_file` reads it, side by side.

    Workbook parsing (``fastexcel``/calamine) releases the GIL, so a customer and a survey workbook are
    read in about the time of the larger one on two cores. The sheets are exactly what
    :func:`read_file` gives for each file.

    Parameters
    ----------
    sources : mapping of key to path, bytes or binary file object
        The files, e.g. ``{"customers": path, "survey": path}``; names shown in messages are the paths'
        names (or ``"upload"``).
    max_bytes : int
        Files bigger than this are refused before anything is parsed.

    Returns
    -------
    dict of key to (dict of str to DataFrame)
        The sheets of every file, in the order of ``sources``.

    Raises
    ------
    CxError
        The error of the first file (in the order of ``sources``) that cannot be read, as
        :func:`read_file` raises it.

    Examples
    --------
    >>> read = read_files({"a": b"ID;Score\\n1;9\\n", "b": b"ID,Score\\n2,7\\n"})
    >>> {key: sheets["upload"]["Score"].tolist() for key, sheets in read.items()}
    {'a': ['9'], 'b': ['7']}
    """
    if not isinstance(sources, Mapping):
        raise ValueError(f"sources must be a mapping of key -> file, not {type(sources).__name__}")
    for source in sources.values():  # programmer errors before any thread starts
        _check_source(source, max_bytes)
    workers = min(len(sources), READ_WORKERS)
    if workers <= 1:
        return {key: read_file(source, max_bytes=max_bytes) for key, source in sources.items()}
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="cxlib-read") as pool:
        futures = {key: pool.submit(read_file, file, max_bytes=max_bytes) for key, file in sources.items()}
        try:
            return {key: future.result() for key, future in futures.items()}
        except BaseException:
            for future in futures.values():  # files not started yet are not read for nothing
                future.cancel()
            raise


def _read_bytes(data: bytes, name: str, *, unpacked: bool, max_bytes: int) -> dict[str, pd.DataFrame]:
    """Dispatch on the bytes; a .gz or a zip holding one table is unpacked once (never recursively)."""
    if not data.strip():
        raise CxError("error.empty_file", file=name)
    if data.startswith(_GZIP_MAGIC) and not unpacked:
        inner = _gunzip(data, name, _unpacked_limit(max_bytes))
        return _unpacked(inner, name, _strip_suffix(name, ".gz"), "gzip", max_bytes)
    if data.startswith(_ZIP_MAGICS):
        with _open_zip(data, name) as archive:
            member = None if _is_workbook_zip(archive) or unpacked else _single_table_member(archive, name)
            if member is not None:
                _check_zip_safety(archive, name)
                limit = _unpacked_limit(max_bytes)
                _check_unpacked_size(archive.getinfo(member).file_size, len(data), name, limit)
                inner = _read_member(archive, member, name, limit + 1)  # the declared size may lie
                _check_unpacked_size(len(inner), len(data), name, limit)
                return _unpacked(inner, name, Path(member).name, "zip", max_bytes)
            fmt = _zip_format(archive, name)
            _check_zip_safety(archive, name)
            preview_source = archive if fmt in ("xlsx", "xlsm") else None
            return _read_workbook(data, fmt, name, preview_source)
    if data.startswith(_OLE2_MAGIC):
        return _read_workbook(data, _ole2_format(data, name), name, None)
    if data.startswith((*_OTHER_MAGICS, _GZIP_MAGIC)):
        raise CxError("error.unknown_format", file=name)
    return _read_text(data, name)


# --- compressed files ----------------------------------------------------------------------------


def _strip_suffix(name: str, suffix: str) -> str:
    return name[: -len(suffix)] if name.lower().endswith(suffix) and len(name) > len(suffix) else name


def _unpacked_limit(max_bytes: int) -> int:
    """How big an unpacked table may be: a few times the upload limit (text packs about 5-10 : 1)."""
    return min(MAX_UNZIPPED_BYTES, UNPACKED_FACTOR * max_bytes)


def _check_unpacked_size(size: int, packed: int, name: str, limit: int) -> None:
    """Refuse a packing ratio no table has (a bomb), and a table too big to analyse once unpacked."""
    if size > MAX_UNZIPPED_BYTES or (size > RATIO_CHECK_FROM_BYTES and size / max(packed, 1) > MAX_RATIO):
        raise CxError("error.zip_bomb", file=name)
    if size > limit:
        raise CxError("error.too_large_unpacked", file=name, size_mb=size / 2**20, limit_mb=limit // 2**20)


def _gunzip(data: bytes, name: str, limit: int) -> bytes:
    """The unpacked bytes of a gzip file, read in chunks so a bomb is stopped early."""
    parts: list[bytes] = []
    size = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(_UNPACK_CHUNK):
                size += len(chunk)
                _check_unpacked_size(size, len(data), name, limit)
                parts.append(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise CxError("error.corrupt_workbook", file=name) from exc
    return b"".join(parts)


def _is_workbook_zip(archive: zipfile.ZipFile) -> bool:
    members = set(archive.namelist())
    return bool({"xl/workbook.xml", "xl/workbook.bin", "mimetype", "[Content_Types].xml"} & members)


def _single_table_member(archive: zipfile.ZipFile, name: str) -> str | None:
    """The one table file in a plain zip archive; None when there is none (then it is no table at all)."""
    tables = [
        info.filename
        for info in archive.infolist()
        if not info.is_dir()
        and not info.filename.startswith("__MACOSX/")
        and not Path(info.filename).name.startswith(".")
        and info.filename.lower().endswith(_TABLE_SUFFIXES)
    ]
    proper = [member for member in tables if not member.lower().endswith((".txt", ".dat", ".asc"))]
    if len(tables) > 1 and len(proper) == 1:  # e.g. data.csv with a readme.txt beside it
        return proper[0]
    if len(tables) > 1:
        shown = ", ".join(f'"{Path(member).name}"' for member in tables[:5])
        raise CxError("error.zip_several_tables", file=name, members=shown)
    return tables[0] if tables else None


def _unpacked(
    inner: bytes, outer: str, inner_name: str, compression: str, max_bytes: int
) -> dict[str, pd.DataFrame]:
    """Read the unpacked table and say where it came from (note, ``compression``, ``archive_member``)."""
    sheets = _read_bytes(inner, inner_name, unpacked=True, max_bytes=max_bytes)
    note: _Note = ("reading.note.unpacked", {"archive": outer, "member": inner_name})
    for frame in sheets.values():
        frame.attrs["notes"] = [t(note[0], "en", **note[1]), *frame.attrs.get("notes", [])]
        frame.attrs["note_keys"] = [note, *frame.attrs.get("note_keys", [])]
        frame.attrs["compression"] = compression
        frame.attrs["archive_member"] = inner_name
        frame.attrs["file"] = outer
    return sheets


def pick_sheet(sheets: dict[str, pd.DataFrame]) -> str:
    """The sheet most likely to hold the data table.

    Scores each sheet by its number of filled cells and divides the score of sheets that look like a data
    dictionary, notes or a read-me (by name, or by shape: few columns of long explanatory text) and of
    hidden sheets. Ties go to the earlier sheet.

    Parameters
    ----------
    sheets : dict of str to DataFrame
        As returned by :func:`read_file` (at least one sheet).

    Returns
    -------
    str
        The name of the chosen sheet.

    Examples
    --------
    >>> notes = pd.DataFrame({"Variable": ["CustomerID", "Churn", "Tenure", "Age"],
    ...                       "Description": ["Unique customer ID", "Churn flag", "Tenure of customer",
    ...                                       "Age of the customer in years"]})
    >>> data = pd.DataFrame({"CustomerID": [1, 2, 3], "Churn": [0, 1, 0]})
    >>> pick_sheet({"Data Dict": notes, "E Comm": data})
    'E Comm'
    """
    _check_sheets(sheets)
    scores = {name: _sheet_score(name, frame) for name, frame in sheets.items()}
    return max(scores, key=lambda name: scores[name])  # max keeps the first of equal scores


#: A codebook sheet names at least this many of the data's headers, and this share of them.
_LABELLED_MIN, _LABELLED_SHARE = 3, 0.3
#: Longer sheets are data, not a codebook (SFO's code list has 670 rows with its value labels).
_CODEBOOK_MAX_ROWS = 5000


def question_labels(sheets: dict[str, pd.DataFrame], data_sheet: str) -> dict[str, str]:
    """The question texts another sheet of the workbook gives the data's headers: a codebook or
    variables sheet (SoSci Survey's and Unipark's ``Variable | Label``) with one column of the data's
    headers and one of longer texts beside it. Empty when no sheet names enough of the headers.

    Examples
    --------
    >>> data = pd.DataFrame({"NP01": [9, 10], "AB01": [4, 5], "SD01": [1, 2]})
    >>> book = pd.DataFrame({"Variable": ["NP01", "AB01", "SD01"],
    ...                      "Label": ["Wie wahrscheinlich … weiterempfehlen?", "Beratung", "Geschlecht"]})
    >>> question_labels({"Daten": data, "Variablen": book}, "Daten")["NP01"]
    'Wie wahrscheinlich … weiterempfehlen?'
    """
    headers = {str(column).strip().lower(): str(column) for column in sheets[data_sheet].columns}
    for name, frame in sheets.items():
        if name == data_sheet or frame.shape[1] < 2 or len(frame) > _CODEBOOK_MAX_ROWS:
            continue
        cells = frame.astype("string").apply(lambda column: column.str.strip().str.lower())
        for position in range(frame.shape[1]):
            known = cells.iloc[:, position].isin(list(headers)).fillna(False).astype(bool)
            if known.sum() < max(_LABELLED_MIN, _LABELLED_SHARE * len(headers)):
                continue
            texts = frame[known].drop(columns=frame.columns[position]).astype("string")
            texts = texts.loc[:, texts.notna().mean() >= 0.5]  # the label column labels most variables
            lengths = texts.apply(lambda column: column.str.len().median())
            if lengths.empty or not lengths.notna().any():
                continue
            label = lengths.idxmax()
            pairs = zip(cells.iloc[:, position][known], texts[label], strict=True)
            found = {headers[code]: str(text).strip() for code, text in pairs if pd.notna(text)}
            return {code: text for code, text in found.items() if text}
    return {}


def get_sheet(sheets: dict[str, pd.DataFrame], name: str, *, filename: str) -> pd.DataFrame:
    """The sheet ``name``, or a ``CxError`` naming the sheets that do exist.

    Examples
    --------
    >>> sheets = {"Kunden": pd.DataFrame({"ID": ["1"]})}
    >>> get_sheet(sheets, "Kunden", filename="a.xlsx").shape
    (1, 1)
    >>> get_sheet(sheets, "Umfrage", filename="a.xlsx")
    Traceback (most recent call last):
    ...
    cxlib.errors.CxError: The sheet "Umfrage" does not exist in "a.xlsx". Available: "Kunden".
    """
    _check_sheets(sheets)
    if name not in sheets:
        available = ", ".join(f'"{sheet}"' for sheet in sheets)
        raise CxError("error.sheet_not_found", sheet=name, file=filename, sheets=available)
    return sheets[name]


# --- programmer errors ---------------------------------------------------------------------------


def _check_source(source: Any, max_bytes: Any) -> None:
    """Raise ValueError for arguments no upload can produce (wrong types, a non-positive cap)."""
    if not isinstance(source, str | os.PathLike | bytes | bytearray | memoryview) and not hasattr(
        source, "read"
    ):
        raise ValueError(f"source must be a path, bytes or a binary file object, not {type(source).__name__}")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ValueError(f"max_bytes must be a positive int, not {max_bytes!r}")


def _check_sheets(sheets: Any) -> None:
    if not isinstance(sheets, dict) or not sheets:
        raise ValueError("sheets must be a non-empty dict of sheet name -> DataFrame (see read_file)")
    if not all(isinstance(frame, pd.DataFrame) for frame in sheets.values()):
        raise ValueError("every value of sheets must be a DataFrame")


# --- getting the bytes ---------------------------------------------------------------------------


def _display_name(source: Source, filename: str | None) -> str:
    if filename:
        return str(filename)
    if isinstance(source, str | os.PathLike):
        return Path(source).name
    name = getattr(source, "name", None)
    return Path(name).name if isinstance(name, str) and name else "upload"


def _too_large(name: str, size: int, max_bytes: int) -> CxError:
    limit = max_bytes / 2**20
    limit_mb: float | int = int(limit) if limit == int(limit) else round(limit, 2)
    return CxError("error.too_large", file=name, size_mb=size / 2**20, limit_mb=limit_mb)


def _load_bytes(source: Source, name: str, max_bytes: int) -> bytes:
    """The file's bytes, refusing anything over ``max_bytes`` before reading it all."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    elif isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise _too_large(name, size, max_bytes)
            data = path.read_bytes()
        except OSError as exc:  # missing, a directory, or not readable: the user cannot open it either
            raise CxError("error.file_not_found", file=name) from exc
    else:
        data = source.read(max_bytes + 1)
        if not isinstance(data, bytes | bytearray):
            raise ValueError("a file object source must be opened in binary mode")
        if len(data) > max_bytes:
            raise _too_large(name, _stream_size(source, len(data)), max_bytes)
        data = bytes(data)
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    return data


def _stream_size(stream: BinaryIO, fallback: int) -> int:
    """The full size of an over-large stream for the message, without reading the rest."""
    size = getattr(stream, "size", None)  # Streamlit's UploadedFile
    if isinstance(size, int):
        return size
    try:
        return stream.seek(0, io.SEEK_END)
    except (OSError, AttributeError, ValueError):
        return fallback


# --- workbook formats and safety -------------------------------------------------------------------


def _open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise CxError("error.corrupt_workbook", file=name) from exc


def _zip_format(archive: zipfile.ZipFile, name: str) -> str:
    """xlsx/xlsm/xlsb from the workbook part, ods from the mimetype member; other zips are refused."""
    members = set(archive.namelist())
    if "xl/workbook.xml" in members:
        macro = "xl/vbaProject.bin" in members or b"macroEnabled" in _read_member(
            archive, "[Content_Types].xml", name, 4096
        )
        return "xlsm" if macro else "xlsx"
    if "xl/workbook.bin" in members:
        return "xlsb"
    if "content.xml" in members and "mimetype" in members:
        mimetype = _read_member(archive, "mimetype", name, 200)
        if mimetype.strip() == b"application/vnd.oasis.opendocument.spreadsheet":
            return "ods"
    raise CxError("error.unknown_format", file=name)


def _read_member(archive: zipfile.ZipFile, member: str, name: str, limit: int) -> bytes:
    """The first ``limit`` unpacked bytes of a member (missing -> b"")."""
    try:
        with archive.open(member) as stream:
            return stream.read(limit)
    except KeyError:
        return b""
    except Exception as exc:  # bad headers, zlib.error from a damaged stream, encrypted members
        raise CxError("error.corrupt_workbook", file=name) from exc


def _check_zip_safety(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse zip bombs (by the sizes the archive declares) and XML with DOCTYPE/ENTITY declarations."""
    members = archive.infolist()
    if sum(member.file_size for member in members) > MAX_UNZIPPED_BYTES:
        raise CxError("error.zip_bomb", file=name)
    for member in members:
        packed = max(member.compress_size, 1)
        if member.file_size > RATIO_CHECK_FROM_BYTES and member.file_size / packed > MAX_RATIO:
            raise CxError("error.zip_bomb", file=name)
    for member in members:
        if member.filename.lower().endswith((".xml", ".rels", ".vml")):
            head = _read_member(archive, member.filename, name, 2048)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise CxError("error.unsafe_xml", file=name)


def _ole2_format(data: bytes, name: str) -> str:
    """Legacy xls, or an encrypted OOXML workbook (an OLE2 file holding an "EncryptedPackage" stream)."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise CxError("error.password_protected", file=name)
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "xls"
    raise CxError("error.unknown_format", file=name)  # a Word .doc or other OLE2 file


# --- workbooks -----------------------------------------------------------------------------------


def _read_workbook(
    data: bytes, fmt: str, name: str, archive: zipfile.ZipFile | None
) -> dict[str, pd.DataFrame]:
    try:
        reader = fastexcel.read_excel(data)
        sheet_names = list(reader.sheet_names)
        previews = _xlsx_previews(archive, sheet_names) if archive is not None else {}
        tables = {}
        for index, sheet_name in enumerate(sheet_names):
            grid = previews.get(sheet_name)
            if grid is None:
                grid = _fastexcel_preview(reader, index)
            tables[sheet_name] = _read_sheet(reader, index, grid)
    except (CxError, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    # calamine/fastexcel/arrow errors mean the bytes are not a readable workbook; a Rust panic arrives
    # as pyo3's PanicException, which derives from BaseException.
    except BaseException as exc:
        text = str(exc).lower()
        key = (
            "error.password_protected"
            if "password" in text or "encrypt" in text
            else "error.corrupt_workbook"
        )
        raise CxError(key, file=name) from exc
    return _finish_sheets(tables, name, {"format": fmt, "encoding": None, "separator": None, "decimal": "."})


@dataclass
class _Grid:
    """The top rows of a sheet: ``rows[i]`` is file row ``i`` as {absolute column index: value}."""

    rows: list[dict[int, Any]]


@dataclass
class _Table:
    """One sheet after header detection, before the shared finishing steps."""

    frame: pd.DataFrame | None  # None: the sheet is empty
    header: dict[int, Any] | None  # column -> header value, None: no header row found
    header_row: int
    title_rows: list[str] = field(default_factory=list)
    notes: list[_Note] = field(default_factory=list)
    blank_rows: int = 0
    hidden: bool = False
    layout_rows: tuple[dict[str, Any], ...] = ()


def _fastexcel_preview(reader: fastexcel.ExcelReader, index: int) -> _Grid:
    sheet = reader.load_sheet(index, header_row=None, skip_rows=0, n_rows=PREVIEW_ROWS, dtypes="string")
    columns = [info.absolute_index for info in sheet.selected_columns]  # all: no use_columns given
    frame = sheet.to_pandas()
    rows = []
    for values in frame.itertuples(index=False):  # at most PREVIEW_ROWS rows
        rows.append({col: value for col, value in zip(columns, values, strict=True) if not _is_empty(value)})
    return _Grid(rows)


def _read_sheet(reader: fastexcel.ExcelReader, index: int, grid: _Grid) -> _Table:
    layout = _find_header(grid)
    if layout is None:
        return _Table(None, None, -1)
    header_row, header, title_rows, notes = layout
    sheet = reader.load_sheet(
        index, header_row=None, skip_rows=header_row + 1, schema_sample_rows=None, whitespace_as_null=True
    )
    columns = [info.absolute_index for info in sheet.selected_columns]  # all: no use_columns given
    frame = sheet.to_pandas()
    frame.columns = columns
    hidden = sheet.visible != "visible"
    return _Table(frame, header, header_row, title_rows, notes, hidden=hidden)


# The xlsx preview reads the first rows straight from the sheet XML: fastexcel parses a whole sheet
# on every load, and a second full parse only to find the header would double the reading time.


def _xlsx_previews(archive: zipfile.ZipFile, sheet_names: list[str]) -> dict[str, _Grid]:
    try:
        paths = _xlsx_sheet_paths(archive)
        grids = {name: _xlsx_grid(archive, paths[name]) for name in sheet_names if name in paths}
        needed = {
            value.index
            for grid in grids.values()
            for row in grid.rows
            for value in row.values()
            if isinstance(value, _SharedString)
        }
        strings = _shared_strings(archive, max(needed, default=-1))
        for grid in grids.values():
            for row in grid.rows:
                for col, value in list(row.items()):
                    if isinstance(value, _SharedString):
                        row[col] = strings[value.index] if value.index < len(strings) else None
                        if _is_empty(row[col]):
                            del row[col]
        return grids
    except Exception:  # odd but valid files (strict OOXML parts, missing rels): let fastexcel preview
        return {}


@dataclass(frozen=True)
class _SharedString:
    index: int


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xlsx_sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    workbook = SafeET.fromstring(archive.read("xl/workbook.xml"))
    rels = SafeET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels if _local(rel.tag) == "Relationship"}
    paths = {}
    for element in workbook.iter():
        if _local(element.tag) != "sheet":
            continue
        rel_id = next((value for key, value in element.attrib.items() if _local(key) == "id"), None)
        target = targets.get(rel_id, "")
        paths[element.get("name")] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return paths


def _column_index(ref: str) -> int:
    number = 0
    for char in ref:
        if not char.isalpha():
            break
        number = number * 26 + ord(char.upper()) - 64
    return number - 1


def _xlsx_grid(archive: zipfile.ZipFile, path: str) -> _Grid:
    rows: dict[int, dict[int, Any]] = {}
    next_row = 0
    with archive.open(path) as stream:
        for _, element in SafeET.iterparse(stream, events=("end",)):
            if _local(element.tag) != "row":
                continue
            row_index = int(element.get("r", next_row + 1)) - 1
            next_row = row_index + 1
            if row_index >= PREVIEW_ROWS:
                break
            cells: dict[int, Any] = {}
            next_col = 0
            for cell in element:
                if _local(cell.tag) != "c":
                    continue
                ref = cell.get("r")
                col = _column_index(ref) if ref else next_col
                next_col = col + 1
                value = _xlsx_cell_value(cell)
                if not _is_empty(value):
                    cells[col] = value
            rows[row_index] = cells
            element.clear()
    return _Grid([rows.get(i, {}) for i in range(max(rows, default=-1) + 1)])


def _xlsx_cell_value(cell: Any) -> Any:
    kind = cell.get("t", "n")
    texts = {_local(child.tag): child for child in cell}
    if kind == "inlineStr":
        inline = texts.get("is")
        if inline is None:
            return None
        return "".join(node.text or "" for node in inline.iter() if _local(node.tag) == "t")
    raw = texts["v"].text if "v" in texts else None
    if raw is None:
        return None
    if kind == "s":
        return _SharedString(int(raw))
    if kind in ("str", "e", "d"):
        return raw
    if kind == "b":
        return raw == "1"
    return float(raw)


def _rich_text(element: Any) -> str:
    """The text of a shared string: plain ``<t>`` or rich runs ``<r><t>``, without phonetic ``<rPh>``."""
    parts = []
    for child in element:
        tag = _local(child.tag)
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts.extend(node.text or "" for node in child if _local(node.tag) == "t")
    return "".join(parts)


def _shared_strings(archive: zipfile.ZipFile, last_index: int) -> list[str]:
    """Shared strings up to ``last_index``, streamed so a huge table stops early."""
    strings: list[str] = []
    if last_index < 0 or "xl/sharedStrings.xml" not in archive.namelist():
        return strings
    with archive.open("xl/sharedStrings.xml") as stream:
        for _, element in SafeET.iterparse(stream, events=("end",)):
            if _local(element.tag) != "si":
                continue
            strings.append(_rich_text(element))
            element.clear()
            if len(strings) > last_index:
                break
    return strings


# --- text files ----------------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and its encoding: UTF-16 by BOM, UTF-8 (BOM stripped), cp1252, latin-1 if it is text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise CxError("error.undecodable_text", file=name) from exc
    text, encoding = None, None
    for candidate in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text, encoding = data.decode(candidate), candidate
            break
        except UnicodeDecodeError:
            continue
    assert text is not None and encoding is not None  # latin-1 decodes any byte
    if encoding == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8"
    if not _looks_like_text(text):
        raise CxError("error.unknown_format", file=name)
    return text, encoding


def _looks_like_text(text: str) -> bool:
    if "\x00" in text or _MARKUP_START.match(text):
        return False
    control = sum(1 for char in text[:100_000] if ord(char) < 32 and char not in "\t\r\n\f\v")
    control += sum(1 for char in text[:100_000] if 0x7F <= ord(char) < 0xA0)  # C1 controls: binary
    return control <= max(1, len(text[:100_000]) // 1000)


#: The ``separator`` hint of a text table whose columns are aligned with runs of spaces.
WHITESPACE = "whitespace"
#: The same with columns parted by two or more spaces (single spaces stay inside a cell: "Customer ID").
ALIGNED = "aligned"
_ANY_GAPS = re.compile(r"[ \t]+")
_WIDE_GAPS = re.compile(r"[ \t]{2,}|\t")


def _sniff_separator(text: str) -> str:
    """The separator whose field count is the same on most of the first lines (quotes respected).

    Without any of ``; , tab |``, a table whose lines split on runs of spaces into the same number of
    fields, with a column of numbers, is whitespace-aligned (e.g. ``.txt``/``.asc``/``.dat`` exports).
    """
    sample_lines = [line for line in text.splitlines()[:60] if line.strip()][:40]
    sample = "\n".join(sample_lines)
    best, best_score = ",", (0, 0, 0)
    for rank, separator in enumerate(_SEPARATORS):
        try:
            counts = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=separator) if row]
        except csv.Error:
            continue
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        if mode < 2:
            continue
        score = (counts.count(mode), mode, -rank)
        if score > best_score:
            best, best_score = separator, score
    if best_score == (0, 0, 0):
        return _whitespace_kind(sample_lines) or best
    return best


def _whitespace_split(separator: str) -> re.Pattern[str]:
    return _WIDE_GAPS if separator == ALIGNED else _ANY_GAPS


def _split(line: str, pattern: re.Pattern[str]) -> list[str]:
    return [field for field in pattern.split(line.strip()) if field]


def _whitespace_kind(lines: list[str]) -> str | None:
    """WHITESPACE or ALIGNED when the lines are a table aligned with spaces, else None.

    Runs of two or more spaces (ALIGNED) keep headers such as "Customer ID" whole; they are used when
    they split every line into the same number of fields and single spaces do not.
    """
    consistent = {}
    for kind in (WHITESPACE, ALIGNED):
        counts = [len(_split(line, _whitespace_split(kind))) for line in lines]
        consistent[kind] = counts[0] if len(set(counts)) == 1 else 0
    kind = ALIGNED if consistent[ALIGNED] >= 2 and not consistent[WHITESPACE] else WHITESPACE
    return kind if _numeric_table(lines, _whitespace_split(kind)) else None


def _numeric_table(lines: list[str], pattern: re.Pattern[str]) -> bool:
    """Most lines split into the same number (>= 2) of fields, one field mostly numbers."""
    rows = [_split(line, pattern) for line in lines]
    if len(rows) < 2:
        return False
    counts = [len(row) for row in rows]
    mode = max(set(counts), key=counts.count)
    regular = [row for row in rows if len(row) == mode]
    if mode < 2 or len(regular) < 0.8 * len(rows):
        return False
    values = regular[1:]  # the first regular line may be the header
    return any(sum(1 for row in values if not _is_text(row[col])) >= 0.8 * len(values) for col in range(mode))


def _parse_whitespace(text: str, separator: str) -> pd.DataFrame:
    """Every cell as str, fields split on runs of spaces/tabs; blank lines stay (as empty rows)."""
    pattern = _whitespace_split(separator)
    rows = [_split(line, pattern) if separator == ALIGNED else line.split() for line in text.splitlines()]
    width = max((len(row) for row in rows), default=1)
    frame = pd.DataFrame([row + [None] * (width - len(row)) for row in rows], columns=range(width))
    return frame.astype("str").where(frame.notna())


def _parse_text(text: str, separator: str) -> pd.DataFrame:
    """Every cell as str, empty -> NA; rows may be ragged (title rows), short rows are padded."""
    head = "\n".join(text.splitlines()[:200])
    sample_width = max((len(row) for row in csv.reader(io.StringIO(head), delimiter=separator)), default=1)
    try:
        # catch_warnings changes the process's warning filters: one text table at a time (read_files)
        with _WARNING_FILTERS, warnings.catch_warnings():
            # pandas only warns when a row is wider than the names and drops the rest: refuse that
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(
                io.StringIO(text),
                sep=separator,
                header=None,
                names=range(max(sample_width, 1)),
                index_col=False,
                dtype=str,
                keep_default_na=False,
                na_filter=False,
                skip_blank_lines=False,
                engine="c",
            )
    except (pd.errors.ParserError, pd.errors.ParserWarning, ValueError):
        # A later row is wider than the first ones: the csv module takes rows of any width.
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
        width = max((len(row) for row in rows), default=0)
        frame = pd.DataFrame([row + [""] * (width - len(row)) for row in rows], dtype="str")
    frame.columns = range(frame.shape[1])
    return frame.apply(lambda values: values.where(values.str.strip() != ""))


def _read_text(data: bytes, name: str) -> dict[str, pd.DataFrame]:
    text, encoding = _decode(data, name)
    if not text.strip():
        raise CxError("error.empty_file", file=name)
    hint = _EXCEL_SEP_LINE.match(text)
    if hint:  # Excel's "sep=;" first line: trust it, and keep the line as a blank row 0 for numbering
        separator, text = hint.group(1), "\n" + text[hint.end() :]
    else:
        separator = _sniff_separator(text)
    spaces = separator in (WHITESPACE, ALIGNED)
    cells = _parse_whitespace(text, separator) if spaces else _parse_text(text, separator)
    top = cells.head(PREVIEW_ROWS)
    grid = _Grid(
        [{col: value for col, value in row.items() if not _is_empty(value)} for row in top.to_dict("records")]
    )
    layout = _find_header(grid)
    if layout is None:
        raise CxError("error.no_data", file=name)
    header_row, header, title_rows, notes = layout
    if spaces:
        notes.insert(0, ("reading.note.whitespace", {}))
    frame = cells.iloc[header_row + 1 :]
    table = _Table(frame, header, header_row, title_rows, notes)
    decimal = _decimal_hint(frame, separator)
    sheet = Path(name).stem or "upload"
    hints = {"format": "csv", "encoding": encoding, "separator": separator, "decimal": decimal}
    return _finish_sheets({sheet: table}, name, hints)


def _decimal_hint(frame: pd.DataFrame, separator: str) -> str:
    if separator == ";":
        return ","
    sample = frame.head(200)
    german = english = 0
    for column in sample.columns:
        values = sample[column].dropna().astype(str).str.strip()
        german += int(values.str.fullmatch(_GERMAN_NUMBER.pattern).sum())
        english += int(values.str.fullmatch(_ENGLISH_NUMBER.pattern).sum())
    return "," if german > english else "."


# --- header detection ----------------------------------------------------------------------------


def _is_empty(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _is_text(value: Any) -> bool:
    """A label-like cell: text that is neither a number nor a date."""
    if not isinstance(value, str):
        return False
    stripped = value.strip()
    return not (_NUMBER.match(stripped) or _DATE.match(stripped))


def _find_header(grid: _Grid) -> tuple[int, dict[int, Any] | None, list[str], list[_Note]] | None:
    """(header row, header cells, title texts, notes), or None when the top rows are all blank.

    The header is the first row with at least half as many filled cells as the fullest row, most of them
    text, with a non-blank row somewhere below it. A sparser text row right above it is a group row
    (merged cells such as "Kontakt" spanning several columns): the lower row is then the header.
    """
    rows = grid.rows
    filled = [len(row) for row in rows]
    if not any(filled):
        return None
    width = max(filled)
    last_filled = max(i for i, count in enumerate(filled) if count)

    def is_header(i: int) -> bool:
        texts = sum(1 for value in rows[i].values() if _is_text(value))
        return filled[i] >= max(1, math.ceil(width / 2)) and texts >= math.ceil(0.6 * filled[i])

    candidates = [i for i in range(len(rows)) if filled[i] and is_header(i)]
    notes: list[_Note] = []
    if not candidates or _looks_like_data(rows, candidates[0]):
        # No header: the data starts at the first row as wide as the table (note lines above it stay titles)
        first = candidates[0] if candidates else next(i for i in range(len(rows)) if filled[i] >= width / 2)
        notes.append(("reading.note.no_header", {}))
        titles = [
            " ".join(str(value).strip() for value in rows[i].values()) for i in range(first) if filled[i]
        ]
        return first - 1, None, titles, notes
    header_row = candidates[0]
    top = header_row
    below = header_row + 1
    header = rows[header_row]
    above = rows[header_row - 1] if header_row else {}
    if above and any(map(_is_generic_label, header.values())) and all(map(_is_text, above.values())):
        # the questions above a row of "Response" and option labels (SurveyMonkey), sparser than it
        notes.append(("reading.note.header_rows", {"rows": str(header_row + 1), "header_row": header_row}))
        header, top = _merged_names(above, header), header_row - 1
    elif below < len(rows) and below <= last_filled and is_header(below) and _is_group_row(rows, header_row):
        if any(_is_generic_label(value) for value in rows[below].values()):
            # a survey tool's second header row ("Response" under each question): one header of two rows
            notes.append(("reading.note.header_rows", {"rows": str(below + 1), "header_row": header_row + 1}))
            header, header_row = _merged_names(header, rows[below]), below
        else:
            group = ", ".join(str(value).strip() for value in rows[header_row].values())
            params = {"group_row": header_row + 1, "groups": group, "header_row": below + 1}
            notes.append(("reading.note.group_row", params))
            header = _grouped_names(rows[header_row], rows[below])
            header_row = below
    titles = [" ".join(str(value).strip() for value in rows[i].values()) for i in range(top) if filled[i]]
    more = _continuation_rows(rows, header_row)
    if more:
        labels = [rows[i] for i in more if not _is_import_row(rows[i])]
        header = _merged_names(header, labels[0]) if labels else header
        rows_text = ", ".join(str(i + 1) for i in more)
        notes.append(("reading.note.header_rows", {"rows": rows_text, "header_row": header_row + 1}))
        header_row = more[-1]
    return header_row, header, titles, notes


#: Cells of a survey tool's second header row that name no option ("Response" under a single question).
_GENERIC_LABELS = frozenset(
    {"response", "responses", "open-ended response", "open ended response", "answer", "antwort",
     "antworten", "offene antwort", "freitext-antwort"}
)  # fmt: skip
#: Cells of a data row that say "no answer"; a header row has none of them.
_NO_ANSWER_CELLS = frozenset(
    {"n/a", "na", "n.a.", "-", "--", "?", ".", "k.a.", "k. a.", "keine angabe", "weiß nicht", "weiss nicht",
     "unbekannt", "unknown", "none", "null", "nan", "missing", "blank", "don't know", "dont know", "-99"}
)  # fmt: skip
_CODE_HEADER = re.compile(r"^[A-Za-z]{1,4}\d[\w.]*$")


def _is_generic_label(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower() in _GENERIC_LABELS


def _is_import_row(row: dict[int, Any]) -> bool:
    """A row of export metadata, one JSON object per column (Qualtrics' ``{"ImportId":"QID1"}`` row)."""
    cells = [str(value).strip() for value in row.values()]
    return bool(cells) and sum(c.startswith("{") and c.endswith("}") for c in cells) >= 0.8 * len(cells)


def _continuation_rows(rows: list[dict[int, Any]], header_row: int) -> list[int]:
    """Rows right below the header that still belong to it (at most two), as survey tools export them.

    A row continues the header when it is a row of export metadata (one JSON object per column), or when
    all its cells are words, including a generic "Response" (SurveyMonkey) or words in at least two and
    half of the columns whose values below are numbers or dates (question texts under question codes,
    Qualtrics). Words that say "no answer" ("n/a", "weiß nicht"), or a word that recurs in the rows
    below, are data, never a header.
    """
    found: list[int] = []
    for i in range(header_row + 1, min(header_row + 3, len(rows))):
        row = rows[i]
        if not row:
            break
        if _is_import_row(row):
            found.append(i)
            continue
        if found or not _is_label_row(rows, i):  # question texts come first, the metadata row last
            break
        found.append(i)
    return found


def _is_label_row(rows: list[dict[int, Any]], i: int, *, below: int = 20) -> bool:
    row = rows[i]
    if not all(_is_text(value) for value in row.values()):
        return False
    if any(str(value).strip().lower() in _NO_ANSWER_CELLS for value in row.values()):
        return False
    if any(_is_generic_label(value) for value in row.values()):
        return True
    lower = [r for r in rows[i + 1 : i + 1 + below] if r and not _is_import_row(r)]
    if not lower:
        return False
    columns = {col for r in lower for col in r}
    typed = [
        col
        for col in columns
        if sum(1 for r in lower if col in r and not _is_text(r[col])) >= max(1, 0.8 * len(lower))
    ]
    labelled = [col for col in typed if col in row]  # words where the answers are numbers or dates
    recurs = any(str(r.get(col, "")).strip() == str(row[col]).strip() for col in labelled for r in lower)
    return len(labelled) >= max(2, len(typed) / 2) and not recurs


def _merged_names(header: dict[int, Any], labels: dict[int, Any]) -> dict[int, Any]:
    """One name per column from a header row and the label row below it.

    A generic label ("Response") or one with the header's own words adds nothing; a label under an empty
    header cell is an option of the question to its left ("How satisfied …? - Delivery"); a label under
    a question code is its question text ("Q1 How likely …"); other labels are joined with " - ".
    """
    names: dict[int, Any] = {}
    question = None
    for col in sorted(set(header) | set(labels)):
        top, sub = header.get(col), labels.get(col)
        top_text = _header_text(top)
        sub_text = _header_text(sub)
        if top_text:
            question = top_text
        if not sub_text or _is_generic_label(sub_text) or _same_words(top_text, sub_text):
            names[col] = top_text or (question if sub_text else "")
        elif not top_text:
            names[col] = f"{question} - {sub_text}" if question else sub_text
        elif _CODE_HEADER.match(top_text):
            names[col] = f"{top_text} {sub_text}"
        else:
            names[col] = f"{top_text} - {sub_text}"
    return {col: name for col, name in names.items() if name}


#: A label that names a column only together with its group: a year, a quarter, a month or a number
#: ("Umsatz" over "2024 | 2025", "Bestellungen" over "Q1 | Q2").
_PERIOD_LABEL = re.compile(
    r"^(?:(?:19|20)\d\d(?:/\d{2,4})?|q[1-4](?:[ /-]?(?:19|20)?\d\d)?|h[12]|\d{1,2}|"
    r"(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\.?(?: (?:19|20)?\d\d)?)$",
    re.IGNORECASE,
)


def is_period_label(text: str) -> bool:
    """Whether a header or label names a period only: a year, quarter, half, month or small number
    ("2024", "Q1", "H2", "Mär", "Jan 24", "12").

    >>> [is_period_label(t) for t in ("2024", "Q3 2024", "Mär", "Umsatz 2024")]
    [True, True, True, False]
    """
    return bool(_PERIOD_LABEL.match(text))


#: Labels that say how a group's figure is measured, not what it is: "Bestellungen" over "Anzahl".
_MEASURES = frozenset(
    {"anzahl", "count", "number", "betrag", "amount", "wert", "value", "summe", "sum", "anteil", "share",
     "%", "in %", "€", "eur", "in €", "in eur", "$", "usd"}
)  # fmt: skip


def _grouped_names(groups: dict[int, Any], labels: dict[int, Any]) -> dict[int, Any]:
    """The lower header row's names, each prefixed with its group (the merged cell above, spanning to the
    next group) where the label names the column only with it: a year or period ("Umsatz 2024"), or a
    label repeated under several groups, or a measure word ("Bestellungen Anzahl", "Retouren Anzahl")."""
    texts = {col: _header_text(value) for col, value in labels.items()}
    counts: dict[str, int] = {}
    for text in texts.values():
        counts[text.lower()] = counts.get(text.lower(), 0) + 1
    names: dict[int, Any] = {}
    for col, value in labels.items():
        group = next((_header_text(groups[g]) for g in sorted(groups, reverse=True) if g <= col), "")
        text = texts[col]
        needs_group = bool(_PERIOD_LABEL.match(text)) or counts[text.lower()] > 1 or text.lower() in _MEASURES
        names[col] = f"{group} {text}" if group and needs_group else value
    return names


def _same_words(a: str, b: str) -> bool:
    def words(text: str) -> str:
        text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text).lower()
        return " ".join(re.findall(r"[^\W_]+", text))

    return words(a) == words(b)


def _looks_like_data(rows: list[dict[int, Any]], i: int, *, below: int = 20) -> bool:
    """Row ``i`` has numbers or dates in every column whose values below are numbers or dates.

    A header names such columns with words; a first data row of a header-less file holds values of the
    same types as the rows below it ("Anna;Berlin;34" above "Ben;Köln;41").
    """
    lower = [row for row in rows[i + 1 : i + 1 + below] if row]
    if not lower:
        return False
    typed_columns = [
        col
        for col in rows[i]
        if sum(1 for row in lower if col in row and not _is_text(row[col])) >= max(1, 0.8 * len(lower))
    ]
    return bool(typed_columns) and all(not _is_text(rows[i][col]) for col in typed_columns)


def _is_group_row(rows: list[dict[int, Any]], i: int) -> bool:
    """Row ``i`` leaves gaps where row ``i+1`` has labels, and the row after that holds values there."""
    upper, lower = rows[i], rows[i + 1]
    if len(upper) >= len(lower) or not set(lower) - set(upper):
        return False
    data = rows[i + 2] if i + 2 < len(rows) else {}
    return any(_is_text(lower.get(col)) and not _is_text(value) for col, value in data.items())


# --- rows that belong to the report, not the table: totals, repeated headers, notes -------------------

#: Words that label a sum row (English and German, as Excel's subtotals and pivot tables write them):
#: "Summe", "Grand Total", "Gesamtergebnis", "Σ". The customer table's own check reads its IDs with them
#: (:func:`cxlib.customer_columns.total_rows`).
SUM_WORDS = frozenset(
    {"total", "totals", "grand total", "subtotal", "sub total", "sub-total", "sum", "sum total", "summe",
     "summen", "zwischensumme", "teilsumme", "endsumme", "gesamtsumme", "gesamt", "gesamtergebnis",
     "ergebnis", "teilergebnis", "insgesamt", "overall total", "σ"}
)  # fmt: skip
#: Words that label a total, subtotal or summary row (as above, and what survey reports and report
#: writers put into the first column): "Nord Ergebnis", "Total Nord", "Mittelwert", "Ø", "Anzahl". Never
#: "min"/"max" ("Max" is a first name).
_TOTAL_WORDS = SUM_WORDS | frozenset(
    {"overall", "alle", "all", "average", "avg", "mean", "mittelwert", "durchschnitt", "schnitt", "ø",
     "median", "anzahl", "count"}
)  # fmt: skip
_TOTAL_EDGE = re.compile(
    r"^\W*(?:grand |sub[ -]?|overall )?total|^\W*(?:summe|sum\b|gesamt|insgesamt|zwischensumme|teilsumme|"
    r"endsumme|alle\b|all\b|average|avg\b|mean\b|mittelwert|durchschnitt|schnitt\b|median\b|ø|anzahl\b|count\b)|"
    r"(?:total|summe|ergebnis|gesamt|insgesamt)\W*$",
    re.IGNORECASE,
)
#: Words of an export or page line ("Exported by … on …", "Seite 2 von 5", "Stand: 30.06.2026").
_NOTE_WORDS = re.compile(
    r"\b(export\w*|erstellt|created|generated|printed|gedruckt|page|seite|stand|as of|quelle|source|"
    r"report|bericht|auswertung|copyright|vertraulich|confidential)\b|©",
    re.IGNORECASE,
)
#: The longest label a total row carries ("Summe Region Nord-West"): longer text is a sentence.
_TOTAL_LABEL_WORDS = 4
#: A row with fewer filled cells than this share of the usual row is sparse (a subtotal fills a few).
_SPARSE_SHARE = 0.75


def _layout_rows(frame: pd.DataFrame, header: dict[int, Any]) -> dict[Any, tuple[str, str]]:
    """Rows that are part of a report's layout rather than records, keyed by the frame's index:
    (rule, text).

    A **total row** has a total word ("Summe", "Grand Total", "Gesamt (alle Kunden)", or "Total Nord" /
    "Nord Ergebnis" naming a group found in other rows) and a number, in the first column or anywhere in
    a row sparser than most. A **repeated header** (a report printed in pages) has most of its cells equal
    to their column's header. A **note row** has one filled cell, a phrase of several words (or a page
    or export word) in a column whose other cells are short: a page footer, "Exported by … on …".
    Candidates are found column by column; only they are looked at one by one.
    """
    if len(frame) < 2 or frame.shape[1] < 2:
        return {}
    counts = frame.notna().sum(axis=1).to_numpy()
    typical = float(np.median(counts))
    sparse = counts < _SPARSE_SHARE * typical
    first = frame.columns[0]
    names = {col: _header_text(header.get(col)).lower() for col in frame.columns}
    lead = _text_cells(frame[first])
    candidates = _matches(lead, _TOTAL_EDGE) | (lead.str.lower() == names[first]).fillna(False).to_numpy(bool)
    if sparse.any():
        single = counts[sparse] == 1
        rows = np.flatnonzero(sparse)
        for col in frame.columns:
            cells = _text_cells(frame[col].iloc[rows])
            hit = _matches(cells, _TOTAL_EDGE)
            if single.any():  # a note line fills one cell
                hit |= _matches(cells, _PHRASE) & single
            candidates[rows[hit]] = True
    found: dict[Any, tuple[str, str]] = {}
    group_values: set[str] | None = None
    short: dict[Any, bool] = {}
    positions = np.flatnonzero(candidates)
    chosen = frame.iloc[positions]  # one selection, read row by row as tuples (thousands of subtotals)
    for position, values in zip(positions, chosen.itertuples(index=False), strict=True):
        pairs = zip(frame.columns, values, strict=True)
        cells = [(col, value) for col, value in pairs if not _is_empty(value)]
        texts = [(col, " ".join(value.split())) for col, value in cells if isinstance(value, str)]
        if not texts:
            continue
        label = frame.index[position]
        same = sum(1 for col, text in texts if names[col] and text.lower() == names[col])
        if len(cells) >= 2 and same >= 0.8 * len(cells):
            found[label] = ("repeated_header", texts[0][1])
            continue
        if group_values is None:
            group_values = _group_values(frame)
        where = [(col, text) for col, text in texts if sparse[position] or col == first]
        total = next((text for col, text in where if _is_total_label(text, group_values)), None)
        if total is not None:  # a label in a column of sentences ("Insgesamt gut") is an answer
            total_col = next(col for col, text in where if text == total)
            total = total if _short_column(frame, total_col, short) else None
        if total is not None and _other_figure(cells, total):
            found[label] = ("total_row", total)
        elif len(cells) == len(texts) == 1 and typical >= 3:
            col, text = texts[0]
            if _is_note(text, frame, short, col):
                found[label] = ("note_row", text)
    return found


def _other_figure(cells: list[tuple[Any, Any]], label: str) -> bool:
    """A cell besides the label holds a figure ("1.234,56 €", "EUR 95,02", a workbook number)."""
    return any(
        not isinstance(value, str) or (" ".join(value.split()) != label and re.search(r"\d", value))
        for _, value in cells
    )


class LayoutRows(tuple):
    """The layout rows of a sheet (see ``attrs["layout_rows"]``), read-only.

    pandas deep-copies a frame's attrs into every column and selection taken from it; this holder is
    shared instead (a log with a subtotal per customer has thousands of them: copied, they made
    validating a 50k-line log take 12 s instead of 2).
    """

    __slots__ = ()

    def __deepcopy__(self, memo: dict) -> LayoutRows:
        return self


def _layout_records(rows: pd.DataFrame, layout: dict[Any, tuple[str, str]]) -> LayoutRows:
    """The left-out layout rows as plain records: file row number, rule, the showing text, filled cells."""
    records = []
    for label, values in zip(rows.index, rows.itertuples(index=False), strict=True):
        rule, text = layout[label]
        cells = {
            str(col): _header_text(value)
            for col, value in zip(rows.columns, values, strict=True)
            if not _is_empty(value)
        }
        records.append({"row": int(label), "rule": rule, "text": text, "cells": cells})
    return LayoutRows(records)


_PHRASE = re.compile(r"\S\s+\S")


def _matches(cells: pd.Series, pattern: re.Pattern[str]) -> np.ndarray:
    # the case flag inline: Arrow (RE2) takes no flags argument and would fall back to Python's re
    inline = f"(?i){pattern.pattern}" if pattern.flags & re.IGNORECASE else pattern.pattern
    return cells.str.contains(inline, regex=True).fillna(False).to_numpy(dtype=bool)


def _text_cells(values: pd.Series) -> pd.Series:
    """The column's cells as stripped text; a column of numbers or dates (a workbook's) is all NA."""
    if values.dtype != object and not pd.api.types.is_string_dtype(values):
        return pd.Series(pd.NA, index=values.index, dtype="string")
    try:  # Arrow's regular expressions: several times faster on a 100k-row column
        return values.astype("string[pyarrow]").str.strip()
    except (ImportError, TypeError, ValueError):  # pragma: no cover - pyarrow comes with streamlit
        return values.astype("string").str.strip()


def _group_values(frame: pd.DataFrame) -> set[str]:
    """Text values of the frame (the groups a subtotal names: a region, a customer number); built only
    when a row carries a total word."""
    values: set[str] = set()
    for col in frame.columns:
        if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
            distinct = _text_cells(pd.Series(pd.unique(frame[col].dropna()), dtype=object))
            values.update(distinct.str.lower().str.replace(r"\s+", " ", regex=True).dropna().tolist())
    return values


def _is_total_label(text: str, groups: set[str]) -> bool:
    """A total's label: "Summe", "Grand Total:", "Total Nord", "Nord Ergebnis", "Gesamt (alle Kunden)"."""
    words = re.sub(r"\(.*?\)", " ", text).lower().replace(":", " ").split()
    if not words or len(words) > _TOTAL_LABEL_WORDS:
        return False
    if " ".join(words) in _TOTAL_WORDS:
        return True
    for size in (2, 1):
        head, tail = " ".join(words[:size]), " ".join(words[size:])
        lead, end = " ".join(words[:-size]), " ".join(words[-size:])
        if (head in _TOTAL_WORDS and _names_group(tail, groups)) or (
            end in _TOTAL_WORDS and _names_group(lead, groups)
        ):
            return True
    return False


#: What a total row counts after its word: "Summe: 60 Kunden", "Total 1,234 records", "Anzahl 45".
_COUNTED = re.compile(
    r"^[\d.,' ]+(?:kunden|customers?|clients?|datensätze|datensatz|records?|rows?|zeilen|einträge|entries|"
    r"positionen|items|belege|bestellungen|orders|antworten|responses)?$"
)


def _names_group(rest: str, groups: set[str]) -> bool:
    """The words after (or before) a total word name a group of the table, all of it, or a count."""
    rest = re.sub(r"^(für|for|of|von|der|des)\s+", "", rest.strip(" -–"))
    return bool(rest) and (rest in groups or rest.startswith(("alle", "all ")) or bool(_COUNTED.match(rest)))


def _short_column(frame: pd.DataFrame, col: Any, known: dict[Any, bool]) -> bool:
    if col not in known:
        known[col] = _short_values(frame[col])
    return known[col]


def _short_values(column: pd.Series) -> bool:
    """The column holds codes, names or categories (at most two words), not sentences."""
    text = _text_cells(column).dropna()
    return text.empty or float(text.str.split().str.len().median()) <= 2


def _is_note(text: str, frame: pd.DataFrame, short: dict[Any, bool], col: Any) -> bool:
    """A phrase (three words, or two with a page/export word) in a column of short values."""
    words = len(text.split())
    phrase = words >= 3 or (words == 2 and bool(_NOTE_WORDS.search(text)))
    return phrase and _short_column(frame, col, short)


# --- shared finishing ----------------------------------------------------------------------------


def _finish_sheets(tables: dict[str, _Table], name: str, hints: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """Name columns, drop blank rows and empty columns, attach hints; empty sheets are left out."""
    result: dict[str, pd.DataFrame] = {}
    saw_header = False
    for sheet, table in tables.items():
        if table.frame is None:
            continue
        frame = _finish_frame(table, name)
        saw_header = saw_header or table.header is not None
        if frame is None:
            continue
        frame.attrs = {
            **hints,
            "header_row": table.header_row,
            "title_rows": table.title_rows,
            "blank_rows": table.blank_rows,
            "layout_rows": table.layout_rows,
            "notes": [t(key, "en", **params) for key, params in table.notes],
            "note_keys": [(key, dict(params)) for key, params in table.notes],
            "sheet": sheet,
            "file": name,
            "hidden": table.hidden,
            "has_header": table.header is not None,
        }
        result[sheet] = frame
    if not result:
        raise CxError("error.header_only" if saw_header else "error.no_data", file=name)
    return result


def _finish_frame(table: _Table, name: str) -> pd.DataFrame | None:
    frame = table.frame
    assert frame is not None
    header = table.header or {}
    columns = list(frame.columns)
    has_data = frame.notna().any().to_numpy()
    keep = [
        col for col, filled in zip(columns, has_data, strict=True) if filled or not _is_empty(header.get(col))
    ]
    dropped = len(columns) - len(keep)
    if len(keep) > MAX_COLUMNS:
        raise CxError("error.too_many_columns", file=name, columns=len(keep), limit=MAX_COLUMNS)
    frame = frame[keep]
    first_row = table.header_row + 2  # 1-based file row of the first row below the header
    frame.index = pd.RangeIndex(first_row, first_row + len(frame))
    blank = frame.isna().all(axis=1).to_numpy() if len(keep) else np.ones(len(frame), dtype=bool)
    if blank.all():
        return None  # header only (or nothing): the caller decides which error that is
    # Rows after the last filled one are formatting leftovers of the sheet, not blank lines in a table.
    last = int(np.flatnonzero(~blank)[-1])
    table.blank_rows = int(blank[: last + 1].sum())
    frame = frame.iloc[: last + 1][~blank[: last + 1]]
    layout = _layout_rows(frame, header) if table.header is not None else {}
    generated = "column_{}" if table.header is not None else "Column {}"
    frame.columns = _column_names([header.get(col) for col in keep], table.notes, generated=generated)
    if layout:
        table.layout_rows = _layout_records(frame.loc[list(layout)], layout)
        frame = frame.drop(index=list(layout)).infer_objects()
        if frame.empty:
            return None
    if dropped:
        table.notes.append(("reading.note.empty_columns", {"columns": dropped}))
    return _native_integers(frame)


def _column_names(raw: list[Any], notes: list[_Note], *, generated: str = "column_{}") -> list[str]:
    """Header texts (blanks trimmed), empty ones named by position, repeated ones made unique."""
    names = [_header_text(value) or generated.format(position) for position, value in enumerate(raw, start=1)]
    seen: dict[str, int] = {}
    taken = set(names)
    result = []
    for original in names:
        count = seen.get(original, 0) + 1
        seen[original] = count
        if count == 1:
            result.append(original)
            continue
        candidate, n = f"{original} ({count})", count
        while candidate in taken:
            n += 1
            candidate = f"{original} ({n})"
        taken.add(candidate)
        result.append(candidate)
        notes.append(("reading.note.duplicate_header", {"original": original, "renamed": candidate}))
    return result


def _header_text(value: Any) -> str:
    if _is_empty(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    return " ".join(str(value).split())


def _native_integers(frame: pd.DataFrame) -> pd.DataFrame:
    """Excel stores every number as a float: whole-number columns without gaps become int64."""
    converted = {}
    for column in frame.columns:
        values = frame[column]
        if values.dtype == np.float64 and values.notna().all():
            array = values.to_numpy()
            if np.all(np.mod(array, 1) == 0) and np.all(np.abs(array) < 2**53):
                converted[column] = values.astype(np.int64)
    return frame.assign(**converted) if converted else frame


def _sheet_score(name: str, frame: pd.DataFrame) -> float:
    score = float(frame.notna().to_numpy().sum())
    if _DICTIONARY_NAME.search(name.strip()):
        score *= 0.1
    if _looks_like_dictionary(frame):
        score *= 0.25
    if frame.attrs.get("hidden"):
        score *= 0.1
    return score


def _looks_like_dictionary(frame: pd.DataFrame) -> bool:
    """Few columns, not many rows, and one of them long explanatory text."""
    if frame.shape[1] > 4 or len(frame) > 500:
        return False
    for column in frame.columns:
        values = frame[column].dropna()
        if len(values) and values.map(lambda value: len(str(value))).median() > 15:
            return True
    return False
