"""Build every test input in code: workbooks, text tables and hostile files for cxlib.reading's tests."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Sequence
from typing import Any

import openpyxl
import xlwt


def xlsx_bytes(
    sheets: dict[str, Sequence[Sequence[Any]]],
    *,
    merges: dict[str, list[str]] | None = None,
    macro: bool = False,
) -> bytes:
    """An xlsx (or, with ``macro``, an xlsm-like) workbook with one sheet per entry, rows as given."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cell_range in (merges or {}).get(name, []):
            sheet.merge_cells(cell_range)
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    return _add_vba_part(data) if macro else data


def _add_vba_part(data: bytes) -> bytes:
    """Mark a workbook as macro-enabled the way Excel does: a vbaProject part and its content type."""
    members = read_members(data)
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    members["xl/vbaProject.bin"] = b"\x00" * 64
    return zip_bytes(members)


def read_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zip_bytes(members: dict[str, bytes], *, stored_first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first is not None:
            archive.writestr(stored_first, members[stored_first], compress_type=zipfile.ZIP_STORED)
        for name, content in members.items():
            if name != stored_first:
                archive.writestr(name, content)
    return buffer.getvalue()


def xls_bytes(rows: Sequence[Sequence[Any]], *, sheet: str = "Kunden") -> bytes:
    """A real legacy .xls (BIFF8) workbook written by xlwt; datetime values get a date format."""
    import datetime

    book = xlwt.Workbook()
    worksheet = book.add_sheet(sheet)
    date_style = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, datetime.date):
                worksheet.write(r, c, value, date_style)
            elif value is not None:
                worksheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ods_bytes(rows: Sequence[Sequence[Any]], *, sheet: str = "Kunden") -> bytes:
    """A minimal OpenDocument spreadsheet, written by hand (odfpy is not installed)."""

    def cell(value: Any) -> str:
        if isinstance(value, int | float):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet}">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    members = {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": content.encode(),
        "META-INF/manifest.xml": manifest.encode(),
    }
    return zip_bytes(members, stored_first="mimetype")


def encrypted_ooxml_bytes() -> bytes:
    """What Excel writes for a password-protected xlsx: an OLE2 compound file with an EncryptedPackage.

    Only the parts the reader looks at are real: the OLE2 signature and a directory entry name in
    UTF-16LE (the encrypted payload itself is irrelevant for recognising the case).
    """
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HH", 0x3E, 3) + b"\xfe\xff"
    header = header.ljust(512, b"\xff")
    entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\x00") + struct.pack("<H", 34)
    info = "EncryptionInfo".encode("utf-16-le").ljust(64, b"\x00") + struct.pack("<H", 30)
    return header + entry.ljust(128, b"\x00") + info.ljust(128, b"\x00") + b"\x5a" * 2048


def patch_declared_size(data: bytes, member: str, declared: int) -> bytes:
    """Make the central directory claim ``declared`` unpacked bytes for ``member`` (nothing is unpacked)."""
    name = member.encode()
    position = data.find(b"PK\x01\x02")
    while position != -1:
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46 : position + 46 + name_length] == name:
            return data[: position + 24] + struct.pack("<I", declared) + data[position + 28 :]
        position = data.find(b"PK\x01\x02", position + 4)
    raise KeyError(member)


BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">
<si><t>&lol9;</t></si></sst>"""
