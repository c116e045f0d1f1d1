"""Headers that equal an internal name (a role key, a column the analysis adds, a translated role label)
never crash the CLI or the app: such columns are renamed with a suffix and the rename is recorded."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxlib.cli import main
from cxlib.column_names import reserved_names
from cxlib.i18n import LANGUAGES, t
from cxlib.mapping import suggest_mapping
from cxlib.roles import ROLES
from cxlib.validation import validate_table
from tests.conftest import open_page

LABELS = {t(f"role.{role.key}", lang) for roles in ROLES.values() for role in roles for lang in LANGUAGES}
RESERVED = sorted(reserved_names() | LABELS)
ROWS = 24


def _values(kind: str, seed: int) -> list:
    rng = np.random.default_rng(seed)
    if kind == "text":
        return [f"word {i % 5}" for i in range(ROWS)]
    if kind == "number":
        return rng.integers(0, 100, ROWS).tolist()
    return ["2024-01-0" + str(1 + i % 9) if i % 3 else "kaputt" for i in range(ROWS)]


def _customers(extra: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "Kundennummer": [f"K{i:03d}" for i in range(ROWS)],
            "Alter": [20 + (i * 7) % 50 for i in range(ROWS)],
            "Einkommen": [20_000 + 1_000 * ((i * 5) % 13) for i in range(ROWS)],
        }
    )
    for position, (header, kind) in enumerate(extra.items()):
        if header not in frame.columns:
            frame.insert(len(frame.columns), header, _values(kind, position), allow_duplicates=False)
    return frame


def _survey(extra: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "Kundennummer": [f"K{i:03d}" for i in range(ROWS)],
            "Weiterempfehlung": [(i * 3) % 11 for i in range(ROWS)],
            "Lieferung": [1 + i % 5 for i in range(ROWS)],
            "Beratung": [1 + (i * 2) % 5 for i in range(ROWS)],
        }
    )
    for position, (header, kind) in enumerate(extra.items()):
        if header not in frame.columns:
            frame[header] = _values(kind, position + 10)
    return frame


def _transactions(extra: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "Kundennummer": [f"K{i % 12:03d}" for i in range(ROWS)],
            "Rechnungsdatum": [f"2024-02-{1 + i % 27:02d}" for i in range(ROWS)],
            "Betrag": [10.0 + i for i in range(ROWS)],
        }
    )
    for position, (header, kind) in enumerate(extra.items()):
        if header not in frame.columns:
            frame[header] = _values(kind, position + 20)
    return frame


headers = st.dictionaries(
    st.sampled_from(RESERVED), st.sampled_from(["text", "number", "date"]), min_size=1, max_size=6
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(customer_extra=headers, survey_extra=headers, transaction_extra=headers)
def test_cli_survives_reserved_headers(
    tmp_path_factory, capsys, customer_extra, survey_extra, transaction_extra
):
    folder = tmp_path_factory.mktemp("reserved")
    paths = {}
    for table, frame in (
        ("customers", _customers(customer_extra)),
        ("survey", _survey(survey_extra)),
        ("transactions", _transactions(transaction_extra)),
    ):
        paths[table] = folder / f"{table}.csv"
        frame.to_csv(paths[table], index=False)
    code = main(["analyze", *(arg for t, p in paths.items() for arg in (f"--{t}", str(p)))])
    captured = capsys.readouterr()
    assert "Unexpected problem" not in captured.err
    if code == 0:
        document = json.loads(captured.out)
        customers = document["inputs"]["customers"]
        assert customers["rows_used"] + customers["rows_set_aside"] == customers["rows_read"] == ROWS
    else:  # a refusal must be a plain user message (e.g. a reserved header took the ID role)
        assert captured.err.strip() and "Traceback" not in captured.err


@pytest.mark.parametrize("header", ["satisfaction", "date", "persona", "reason", "row", "recommend"])
def test_unmapped_reserved_header_is_renamed_and_recorded(header):
    frame = _customers({header: "text"})
    table = validate_table(frame, suggest_mapping(frame, "customers"))
    renamed = f"{header} (original)"
    assert renamed in table.data.columns
    assert table.columns[renamed].evidence[0].code == "renamed_reserved"
    assert table.columns[renamed].evidence[0].params["original"] == header


def test_set_aside_rows_keep_a_column_called_reason():
    frame = _customers({"reason": "text", "row": "number"})
    frame.loc[3, "Kundennummer"] = None
    table = validate_table(frame, suggest_mapping(frame, "customers"))
    assert {"row", "reason", "reason (original)", "row (original)"} <= set(table.set_aside.columns)


def _xlsx(frame: pd.DataFrame) -> bytes:
    import io

    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "extra",
    [
        {"satisfaction": "text", "date": "text", "persona": "text", "label": "number"},
        {"recommend": "text", "customer_id": "text", "reason": "text", "Umsatz": "text", "churned": "text"},
    ],
)
def test_app_pages_survive_reserved_headers(app, extra):
    page = open_page(app, "data")
    page.file_uploader(key="upload_customers").set_value(
        ("kunden.xlsx", _xlsx(_customers(extra)), "application/octet-stream")
    )
    page.run()
    page.file_uploader(key="upload_survey").set_value(
        ("umfrage.xlsx", _xlsx(_survey(extra)), "application/octet-stream")
    )
    page.run()
    assert not page.exception, page.exception
    for name in ("overview", "personas", "journey", "summary", "data"):
        open_page(page, name)
