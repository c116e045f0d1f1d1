"""The app's one UI-side module for session state and caching (pages never touch ``st.session_state``
keys or ``st.cache_data`` directly).

Uploaded files live in the visitor's own session state; every cache that sees uploaded data is keyed by
content digests and scoped to the session (``scope="session"``), bounded by ``max_entries``, so one
visitor never sees another's data and memory stays bounded. A new upload replaces the tables in use
only after it has been read, mapped and validated: a failed upload never destroys good data.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from cxlib.errors import CxError
from cxlib.i18n import LANGUAGES, t
from cxlib.intake import LoadedTable, link_tables, prepare_table
from cxlib.reading import read_file
from cxlib.roles import TABLES
from cxlib.tables import ValidatedTable

ROOT = Path(__file__).resolve().parents[1]
DEMO_FILES = {table: ROOT / "sample_data" / f"{table}.xlsx" for table in TABLES}

# Session-state keys, all set once in app.py through init_state().
LANG = "lang"
SOURCE = "data_source"  # "demo" or "own"
UPLOADS = "uploads"  # table -> Upload of the visitor's own files that passed validation
CHOICES = "choices"  # table -> {"sheet": ..., "roles": {...}} chosen by hand
REJECTED = "rejected"  # table -> (file name, digest, message key, params) of the last failed upload
FILTERS = "filters"
KPI_SETTINGS = "kpi_settings"
PERSONA_K = "persona_k"
PERSONA_FEATURES = "persona_features"
PRESENTATION = "presentation"


@dataclass(frozen=True)
class Upload:
    """A file a visitor gave us: its name, bytes and their SHA-256 (the cache key)."""

    name: str
    content: bytes
    digest: str

    @classmethod
    def of(cls, name: str, content: bytes) -> Upload:
        return cls(name, content, hashlib.sha256(content).hexdigest())


def browser_language() -> str:
    """"de" for German browsers, else "en" (``st.context.locale``, e.g. "de-DE")."""
    locale = (getattr(st.context, "locale", None) or "en").lower()
    return "de" if locale.startswith("de") else "en"


def init_state() -> None:
    """Session defaults, set once per session from the entry file."""
    st.session_state.setdefault(LANG, browser_language())
    st.session_state.setdefault(SOURCE, "demo")
    st.session_state.setdefault(UPLOADS, {})
    st.session_state.setdefault(CHOICES, {})
    st.session_state.setdefault(REJECTED, {})
    st.session_state.setdefault(FILTERS, None)
    st.session_state.setdefault(KPI_SETTINGS, {})
    st.session_state.setdefault(PERSONA_K, None)
    st.session_state.setdefault(PERSONA_FEATURES, None)
    st.session_state.setdefault(PRESENTATION, False)


def lang() -> str:
    """The UI language ("en" or "de")."""
    value = st.session_state.get(LANG, "en")
    return value if value in LANGUAGES else "en"


def tr(key: str, **params: object) -> str:
    """A string from the table, in the UI language."""
    return t(key, lang(), **params)


def is_demo() -> bool:
    """True while the app shows the built-in demo data."""
    return st.session_state.get(SOURCE, "demo") == "demo"


# --- reading and validating (cached by content) ---

@st.cache_data(max_entries=3, show_spinner=False)
def _demo_upload(table: str) -> Upload | None:
    path = DEMO_FILES[table]
    return Upload.of(path.name, path.read_bytes()) if path.exists() else None


@st.cache_data(max_entries=6, scope="session", show_spinner=False)
def _read_sheets(digest: str, filename: str, _content: bytes) -> dict:
    return read_file(_content, filename=filename)


@st.cache_data(max_entries=12, scope="session", show_spinner=False)
def _prepare(digest: str, filename: str, table: str, choice_key: str, language: str, _content: bytes) -> LoadedTable:
    choice = json.loads(choice_key)
    sheets = _read_sheets(digest, filename, _content)
    return prepare_table(
        sheets, table=table, file=filename, sheet=choice.get("sheet"), roles=choice.get("roles"), lang=language
    )


def _choice_key(table: str) -> str:
    return json.dumps(st.session_state.get(CHOICES, {}).get(table, {}), sort_keys=True)


def current_uploads() -> dict[str, Upload]:
    """The files behind the tables in use: the demo files or the visitor's own."""
    if is_demo():
        return {table: upload for table in TABLES if (upload := _demo_upload(table)) is not None}
    return dict(st.session_state.get(UPLOADS, {}))


def loaded_tables() -> dict[str, LoadedTable]:
    """Every table in use, read, mapped, validated and linked (survey rows to their customers)."""
    loaded = {
        table: _prepare(upload.digest, upload.name, table, _choice_key(table), lang(), upload.content)
        for table, upload in current_uploads().items()
    }
    link_tables(loaded, lang=lang())
    return loaded


def validated_tables() -> dict[str, ValidatedTable]:
    """The validated tables in use (no filters applied)."""
    return {table: item.validated for table, item in loaded_tables().items()}


def fingerprint() -> str:
    """Identifies the data in use (contents, sheets, mappings, language): the key for derived caches."""
    parts = [f"{table}:{upload.digest}:{_choice_key(table)}" for table, upload in sorted(current_uploads().items())]
    return hashlib.sha256("|".join([*parts, lang()]).encode()).hexdigest()


def _try_prepare(table: str, upload: Upload, choice: dict) -> CxError | None:
    try:
        _prepare(upload.digest, upload.name, table, json.dumps(choice, sort_keys=True), lang(), upload.content)
    except CxError as error:
        return error
    return None


def accept_upload(table: str, filename: str, content: bytes) -> CxError | None:
    """Take a visitor's file for ``table`` if it reads and validates; otherwise keep what was there.

    Returns the error for a rejected file (also remembered for the Data page), or None.
    """
    upload = Upload.of(filename, content)
    error = _try_prepare(table, upload, {})
    if error is not None:
        st.session_state[REJECTED][table] = (filename, upload.digest, error.key, error.params)
        return error
    st.session_state[REJECTED].pop(table, None)
    if is_demo():
        st.session_state[UPLOADS] = {}
        st.session_state[CHOICES] = {}
        st.session_state[SOURCE] = "own"
    st.session_state[UPLOADS][table] = upload
    st.session_state[CHOICES].pop(table, None)
    return None


def was_rejected(table: str, digest: str) -> bool:
    """True when this exact file was already tried for ``table`` and failed (no retry on rerun)."""
    rejected = st.session_state.get(REJECTED, {}).get(table)
    return bool(rejected and rejected[1] == digest)


def rejection(table: str) -> str | None:
    """The message for the last failed upload of ``table``, in the UI language."""
    rejected = st.session_state.get(REJECTED, {}).get(table)
    return None if rejected is None else CxError(rejected[2], **rejected[3]).message(lang())


def set_choice(table: str, *, sheet: str | None, roles: dict | None) -> CxError | None:
    """Apply a sheet or mapping chosen by hand, if the table still validates with it."""
    upload = current_uploads().get(table)
    if upload is None:
        return None
    choice = {key: value for key, value in (("sheet", sheet), ("roles", roles)) if value}
    error = _try_prepare(table, upload, choice)
    if error is None:
        st.session_state[CHOICES][table] = choice
    return error


def remove_table(table: str) -> None:
    """Stop using the visitor's file for ``table`` (back to demo data when nothing is left)."""
    st.session_state[UPLOADS].pop(table, None)
    st.session_state[CHOICES].pop(table, None)
    if not st.session_state[UPLOADS]:
        use_demo_data()


def use_demo_data() -> None:
    """Back to the built-in demo data; the visitor's files are forgotten."""
    st.session_state[SOURCE] = "demo"
    st.session_state[UPLOADS] = {}
    st.session_state[CHOICES] = {}
    st.session_state[REJECTED] = {}
    st.session_state[FILTERS] = None
