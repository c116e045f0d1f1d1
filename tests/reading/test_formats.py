"""Common export formats (issue 12, class 7): space-aligned text, header-less files, .gz and .zip, note
lines above the header, trimmed headers. Every input is built in code."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from cxlib import reading
from cxlib.errors import CxError
from cxlib.reading import WHITESPACE, read_file
from tests.reading.reading_builders import xlsx_bytes

CDNOW_LIKE = (
    b" 00004 0001 19970101  2   29.33\r\n"
    b" 00004 0001 19970118  2   29.73\r\n"
    b" 00018 0002 19970102  1   11.77\r\n"
    b" 00021 0003 19970101  2   25.00\r\n"
)


def only(sheets):
    (frame,) = sheets.values()
    return frame


def note_keys(frame) -> list[str]:
    return [key for key, _ in frame.attrs["note_keys"]]


def test_space_aligned_text_without_header_is_split_into_named_columns():
    frame = only(read_file(CDNOW_LIKE, filename="CDNOW_sample.txt"))
    assert list(frame.columns) == ["Column 1", "Column 2", "Column 3", "Column 4", "Column 5"]
    assert frame.iloc[0].tolist() == ["00004", "0001", "19970101", "2", "29.33"]
    assert frame.attrs["separator"] == WHITESPACE
    assert frame.attrs["has_header"] is False
    assert note_keys(frame) == ["reading.note.whitespace", "reading.note.no_header"]
    assert frame.index.tolist() == [1, 2, 3, 4]  # file rows: the first row is data


def test_space_aligned_text_with_a_header_row():
    text = b"id    date        amount\n1     2024-01-05   12.50\n2     2024-02-07    9.99\n"
    frame = only(read_file(text, filename="log.asc"))
    assert list(frame.columns) == ["id", "date", "amount"]
    assert frame["amount"].tolist() == ["12.50", "9.99"]
    assert frame.attrs["has_header"] is True


def test_single_text_column_with_spaces_is_not_split():
    text = b"Comment\nvery good service\nthe app is slow\nfriendly staff here\n"
    frame = only(read_file(text, filename="comments.txt"))
    assert list(frame.columns) == ["Comment"]
    assert frame["Comment"].tolist()[0] == "very good service"


def test_first_row_of_data_with_words_is_not_taken_as_header():
    # the old reader named the columns "Anna", "Berlin", "34" and lost the first customer
    frame = only(read_file("Anna;Berlin;34\nBen;Köln;41\nCem;Bonn;29\n".encode(), filename="k.csv"))
    assert list(frame.columns) == ["Column 1", "Column 2", "Column 3"]
    assert frame["Column 1"].tolist() == ["Anna", "Ben", "Cem"]
    assert "reading.note.no_header" in note_keys(frame)


def test_real_header_above_numbers_is_kept():
    frame = only(read_file(b"Name;Stadt;Alter\nAnna;Berlin;34\nBen;Koeln;41\n", filename="k.csv"))
    assert list(frame.columns) == ["Name", "Stadt", "Alter"]
    assert "reading.note.no_header" not in note_keys(frame)


def test_note_line_above_header_less_data_is_a_title_not_a_row():
    text = b"Export of 2024-03-01 - do not share\nCS1,2/11/2013,35\nCS2,3/15/2015,39\n"
    frame = only(read_file(text, filename="t.csv"))
    assert frame.attrs["title_rows"] == ["Export of 2024-03-01 - do not share"]
    assert frame["Column 1"].tolist() == ["CS1", "CS2"]
    assert frame.index.tolist() == [2, 3]


def test_note_line_above_header_in_a_workbook_like_kpmg():
    note = "Note: The data and information in this document is reflective of a hypothetical situation."
    data = xlsx_bytes(
        {
            "Transactions": [
                [note],
                ["transaction_id", "customer_id", "order_status", "list_price"],
                [1, 2950, "Approved", 71.49],
                [2, 3120, "Cancelled", 2091.47],
            ]
        }
    )
    frame = only(read_file(data, filename="kpmg.xlsx"))
    assert list(frame.columns) == ["transaction_id", "customer_id", "order_status", "list_price"]
    assert frame.attrs["title_rows"] == [note]
    assert len(frame) == 2


def test_headers_are_trimmed_and_stay_unique():
    frame = only(read_file(b"RESPNUM,NETPRO  ,  NETPRO\n1,9,8\n2,10,7\n", filename="sfo.csv"))
    assert list(frame.columns) == ["RESPNUM", "NETPRO", "NETPRO (2)"]


def test_gzip_text_table_is_unpacked_with_a_note():
    frame = only(read_file(gzip.compress(b"id;amount\n1;2,50\n2;3,00\n"), filename="orders.csv.gz"))
    assert frame["amount"].tolist() == ["2,50", "3,00"]
    assert frame.attrs["compression"] == "gzip"
    assert frame.attrs["decimal"] == ","
    assert note_keys(frame)[0] == "reading.note.unpacked"
    assert frame.attrs["note_keys"][0][1] == {"archive": "orders.csv.gz", "member": "orders.csv"}


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_zip_with_one_csv_is_read():
    data = zip_of({"export/orders.csv": b"id,amount\n1,2.5\n", "__MACOSX/export/._orders.csv": b"junk"})
    frame = only(read_file(data, filename="orders.zip"))
    assert frame.to_dict("list") == {"id": ["1"], "amount": ["2.5"]}
    assert frame.attrs["compression"] == "zip"
    assert frame.attrs["archive_member"] == "orders.csv"


def test_zip_with_one_workbook_and_a_readme_reads_the_workbook():
    workbook = xlsx_bytes({"Kunden": [["Kunden-ID", "Umsatz"], ["1", 10.5]]})
    frame = only(
        read_file(zip_of({"kunden.xlsx": workbook, "readme.txt": b"exported by CRM"}), filename="k.zip")
    )
    assert list(frame.columns) == ["Kunden-ID", "Umsatz"]
    assert frame.attrs["format"] == "xlsx"


def test_zip_with_several_tables_is_refused_by_name():
    data = zip_of({"a.csv": b"x\n1\n", "b.csv": b"y\n2\n"})
    with pytest.raises(CxError) as raised:
        read_file(data, filename="two.zip")
    assert raised.value.key == "error.zip_several_tables"
    assert '"a.csv"' in str(raised.value)


def test_zip_without_a_table_is_an_unknown_format():
    with pytest.raises(CxError) as raised:
        read_file(zip_of({"picture.png": b"\x89PNG"}), filename="x.zip")
    assert raised.value.key == "error.unknown_format"


def test_packed_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(reading, "MAX_UNZIPPED_BYTES", 10_000)
    big = b"id,amount\n" + b"1,2.5\n" * 5_000
    for data, name in ((gzip.compress(big), "bomb.csv.gz"), (zip_of({"bomb.csv": big}), "bomb.zip")):
        with pytest.raises(CxError) as raised:
            read_file(data, filename=name)
        assert raised.value.key == "error.zip_bomb"


def test_damaged_gzip_is_a_clear_error():
    with pytest.raises(CxError) as raised:
        read_file(gzip.compress(b"id\n1\n")[:-6] + b"xxxxxx", filename="bad.csv.gz")
    assert raised.value.key == "error.corrupt_workbook"


def test_gzip_inside_zip_is_not_unpacked_again():
    with pytest.raises(CxError) as raised:
        read_file(zip_of({"a.csv.gz": gzip.compress(b"id\n1\n")}), filename="nested.zip")
    assert raised.value.key == "error.unknown_format"


def test_a_packed_table_too_big_to_analyse_is_refused_with_its_size():
    big = b"id,amount\n" + b"1,2.5\n" * 2_000  # 12 kB unpacked, allowed 4 x 2 kB
    for data, name in ((gzip.compress(big), "big.csv.gz"), (zip_of({"big.csv": big}), "big.zip")):
        with pytest.raises(CxError) as raised:
            read_file(data, filename=name, max_bytes=2_000)
        assert raised.value.key == "error.too_large_unpacked"


def test_aligned_columns_keep_headers_with_single_spaces_whole():
    text = (
        b"Customer ID   Order Date    Amount\n"
        b"C1            2024-01-05     12.50\n"
        b"C2            2024-02-07      9.99\n"
    )
    frame = only(read_file(text, filename="orders.dat"))
    assert list(frame.columns) == ["Customer ID", "Order Date", "Amount"]
    assert frame["Amount"].tolist() == ["12.50", "9.99"]
    assert frame.attrs["separator"] == reading.ALIGNED


def test_header_less_workbook_sheet():
    data = xlsx_bytes({"Kunden": [["Anna", "Berlin", 34], ["Ben", "Köln", 41], ["Cem", "Bonn", 29]]})
    frame = only(read_file(data, filename="kunden.xlsx"))
    assert list(frame.columns) == ["Column 1", "Column 2", "Column 3"]
    assert frame["Column 3"].tolist() == [34, 41, 29]
    assert frame.attrs["has_header"] is False
