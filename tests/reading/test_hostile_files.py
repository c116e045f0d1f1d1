"""read_file on broken, hostile and empty inputs: always a CxError with a message in both languages."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from cxlib.errors import CxError
from cxlib.reading import read_file
from tests.reading.reading_builders import (
    BILLION_LAUGHS,
    encrypted_ooxml_bytes,
    patch_declared_size,
    read_members,
    xls_bytes,
    xlsx_bytes,
    zip_bytes,
)

SMALL_WORKBOOK = {"Kunden": [["ID", "Name"], [1, "Anna"], [2, "Ben"]]}


def read_error(data: bytes, filename: str, **options) -> CxError:
    with pytest.raises(CxError) as err:
        read_file(data, filename=filename, **options)
    assert err.value.message("de") != err.value.message("en")  # the German text exists
    return err.value


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n", "\ufeff".encode()])
def test_empty_file(data):
    error = read_error(data, "leer.csv")
    assert error.key == "error.empty_file"
    assert error.message("en") == 'The file "leer.csv" is empty.'


def test_header_only_csv():
    error = read_error(b"ID;Name;Alter\r\n", "kopf.csv")
    assert error.message("en") == 'The file "kopf.csv" has column headers but no data rows.'


def test_header_only_workbook():
    error = read_error(xlsx_bytes({"A": [["ID", "Name"]], "B": []}), "kopf.xlsx")
    assert error.key == "error.header_only"


def test_only_blank_rows():
    error = read_error(b";;;\r\n;;\r\n\r\n;\r\n", "blank.csv")
    assert error.message("en") == 'No table with data was found in "blank.csv".'


def test_workbook_with_only_empty_sheets():
    assert read_error(xlsx_bytes({"A": [], "B": [[None, None]]}), "leer.xlsx").key == "error.no_data"


def test_corrupt_zip():
    data = b"PK\x03\x04" + random.Random(1).randbytes(2000)
    error = read_error(data, "kaputt.xlsx")
    assert error.message("en") == (
        'The workbook "kaputt.xlsx" is damaged and cannot be opened. '
        "Please save it again from Excel and retry."
    )


def test_truncated_xlsx():
    data = xlsx_bytes(SMALL_WORKBOOK)
    assert read_error(data[: len(data) // 2], "halb.xlsx").key == "error.corrupt_workbook"


def test_xlsx_with_garbage_parts_is_corrupt_not_a_traceback():
    members = read_members(xlsx_bytes(SMALL_WORKBOOK))
    members = {
        name: (b"\x00garbage<<" if name.startswith("xl/worksheets/") else content)
        for name, content in members.items()
    }
    assert read_error(zip_bytes(members), "muell.xlsx").key == "error.corrupt_workbook"


def test_damaged_deflate_stream_is_corrupt():
    data = bytearray(xlsx_bytes(SMALL_WORKBOOK))
    start = data.find(b"PK\x03\x04")  # first member's local header: scramble its compressed bytes
    name_length = int.from_bytes(data[start + 26 : start + 28], "little")
    extra_length = int.from_bytes(data[start + 28 : start + 30], "little")
    body = start + 30 + name_length + extra_length
    data[body : body + 40] = bytes(range(40))
    assert read_error(bytes(data), "crc.xlsx").key == "error.corrupt_workbook"


def test_legacy_xls_with_damaged_body_is_corrupt():
    data = bytearray(xls_bytes([["ID"], [1]]))
    data[600:1400] = b"\xff" * 800
    assert read_error(bytes(data), "kaputt.xls").key == "error.corrupt_workbook"


def test_password_protected_workbook():
    error = read_error(encrypted_ooxml_bytes(), "geheim.xlsx")
    assert error.message("en") == (
        'The workbook "geheim.xlsx" is password-protected. Please remove the password in Excel '
        "(File > Info > Protect Workbook) and upload it again."
    )


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(4096),
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>",
    ],
    ids=["random", "png", "pdf", "html"],
)
def test_unknown_formats(data):
    error = read_error(data, "bild.csv")
    assert error.message("en") == (
        'The file "bild.csv" is not a spreadsheet or text table that can be read '
        "(supported: .xlsx, .xlsm, .xls, .ods, .csv, .tsv, .txt)."
    )


def test_zip_that_is_not_a_workbook():
    data = zip_bytes({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<Types/>"})
    assert read_error(data, "brief.xlsx").key == "error.unknown_format"


def test_zip_bomb_by_total_declared_size():
    data = patch_declared_size(xlsx_bytes(SMALL_WORKBOOK), "xl/worksheets/sheet1.xml", 1_500_000_000)
    error = read_error(data, "bombe.xlsx")
    assert error.message("en") == (
        'The file "bombe.xlsx" unpacks to an implausibly large size and was not opened for safety reasons.'
    )


def test_zip_bomb_by_ratio_of_a_big_member():
    data = patch_declared_size(xlsx_bytes(SMALL_WORKBOOK), "xl/worksheets/sheet1.xml", 60 * 1024 * 1024)
    assert read_error(data, "ratio.xlsx").key == "error.zip_bomb"


def test_real_deflated_zeros_are_caught_by_the_ratio_rule():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in read_members(xlsx_bytes(SMALL_WORKBOOK)).items():
            archive.writestr(name, content)
        with archive.open("xl/media/zeros.bin", "w") as stream:
            chunk = bytes(1024 * 1024)
            for _ in range(51):
                stream.write(chunk)
    assert read_error(buffer.getvalue(), "nullen.xlsx").key == "error.zip_bomb"


def test_billion_laughs_in_shared_strings():
    members = read_members(xlsx_bytes(SMALL_WORKBOOK))
    members["xl/sharedStrings.xml"] = BILLION_LAUGHS
    error = read_error(zip_bytes(members), "lol.xlsx")
    assert error.message("en") == (
        'The file "lol.xlsx" contains unsafe XML constructs and was not opened for safety reasons.'
    )


def test_external_entity_in_the_workbook_part():
    members = read_members(xlsx_bytes(SMALL_WORKBOOK))
    members["xl/workbook.xml"] = (
        b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + members["xl/workbook.xml"]
    )
    assert read_error(zip_bytes(members), "xxe.xlsx").key == "error.unsafe_xml"


def test_file_over_the_cap():
    data = b"ID;Name\n" + b"1;Anna\n" * (1024 * 1024 * 3 // 14)  # 1.5 MB
    error = read_error(data, "gross.csv", max_bytes=1024 * 1024)
    assert error.message("en") == (
        'The file "gross.csv" is 1.5 MB; the limit is 1 MB. '
        "Please upload a smaller export (for example one year or one region)."
    )


def test_stream_over_the_cap_is_not_read_to_the_end():
    stream = io.BytesIO(b"x" * 5000)
    with pytest.raises(CxError) as err:
        read_file(stream, filename="s.csv", max_bytes=1000)
    assert err.value.key == "error.too_large"
    assert err.value.params["size_mb"] == pytest.approx(5000 / 2**20)


def test_path_over_the_cap_is_refused_before_reading(tmp_path):
    path = tmp_path / "gross.csv"
    path.write_bytes(b"ID\n" + b"1\n" * 1000)
    with pytest.raises(CxError) as err:
        read_file(path, max_bytes=100)
    assert err.value.key == "error.too_large"


def test_programmer_errors_are_value_errors():
    with pytest.raises(ValueError, match="max_bytes"):
        read_file(b"a", max_bytes=0)
    with pytest.raises(ValueError, match="source"):
        read_file(12345)
