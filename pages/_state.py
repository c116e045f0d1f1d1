"""The app's one UI-side module for session state and caching (pages never touch ``st.session_state``
keys or Streamlit's caches directly).

Every derived result goes through :func:`_derive`: its cache key is the digest of *all* its inputs
(:func:`cxlib.digest.digest`), so a key cannot forget a field. Inputs that are themselves derived results
are :class:`Derived` handles and are keyed by their own key, not rehashed. Results of the built-in demo
data are computed once per server process and shared read-only by every visitor; results of a visitor's
own uploads live in a store scoped to the session (freed when it disconnects) and bounded in entries.
A new upload replaces the tables in use only after it has been read, mapped and validated: a failed
upload never destroys good data.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

import streamlit as st

from cxlib.digest import digest
from cxlib.drilldown import KINDS as DRILL_KINDS  # the tiles that open a list of their people
from cxlib.errors import CxError
from cxlib.i18n import LANGUAGES, t
from cxlib.intake import LoadedTable, link_tables, prepare_table
from cxlib.reading import read_file
from cxlib.roles import TABLES
from cxlib.tables import ValidatedTable

ROOT = Path(__file__).resolve().parents[1]
DEMO_FILES = {table: ROOT / "sample_data" / f"{table}.xlsx" for table in TABLES}

# The visitor's session state; a background warm-up of the demo data (pages/_warmup.py) runs the same
# accessors with a private dict of defaults instead, so its results land under the keys a visitor asks for.
_WARMING = threading.local()


def _session() -> Any:
    """``st.session_state``, or the warm-up thread's own defaults while it computes the demo results."""
    own = getattr(_WARMING, "state", None)
    return st.session_state if own is None else own


# The script (or fragment) run in progress on this thread keeps here what its accessors ask for many
# times over (the tables in use: some 60-110 times per page), so each run builds their keys once.
_RUN = threading.local()


@contextlib.contextmanager
def run_memo() -> Iterator[None]:
    """One script or fragment run: :func:`_once_per_run` results live until it ends (nested: the outer)."""
    if getattr(_RUN, "memo", None) is not None:
        yield
        return
    _RUN.memo = {}
    try:
        yield
    finally:
        _RUN.memo = None


def _once_per_run(name: str, build: Callable[[], T]) -> T:
    """``build()``, once per script run on this thread (every time outside a run, e.g. the warm-up)."""
    memo = getattr(_RUN, "memo", None)
    if memo is None:
        return build()
    if name not in memo:
        memo[name] = build()
    return memo[name]


def _data_changed() -> None:
    """The visitor's files or their mapping changed during this run: forget what the run kept."""
    memo = getattr(_RUN, "memo", None)
    if memo is not None:
        memo.clear()


def _warming_stores() -> tuple[_ResultStore, _ResultStore] | None:
    """The shared (results, charts) stores handed to the warm-up thread, which has no script context."""
    return getattr(_WARMING, "stores", None)


# Session-state keys, all set once in app.py through init_state().
LANG = "lang"
SOURCE = "data_source"  # "demo" or "own"
UPLOADS = "uploads"  # table -> Upload of the visitor's own files that passed validation
CHOICES = "choices"  # table -> {"sheet": ..., "roles": {...}, "overrides": {...}} chosen by hand
PROFILE = "mapping_profile"  # a loaded mapping profile, applied to every table uploaded afterwards
REJECTED = "rejected"  # table -> (file name, digest, message key, params) of the last failed upload
FILTERS = "filters"  # fingerprint -> Filters, so filters never outlive the data they were made for
KPI_SETTINGS = "kpi_settings"
PERSONA_K = "persona_k"
PERSONA_FEATURES = "persona_features"
PRESENTATION = "presentation"
JOURNEY_TABLE = "journey_table"  # fingerprint -> the phase editor table as edited by the visitor
JOURNEY_OPTIONS = "journey_options"  # outcome column and whether to draw one line per persona


@dataclass(frozen=True)
class Upload:
    """A file a visitor gave us: its name, bytes and their SHA-256 (the cache key)."""

    name: str
    content: bytes
    digest: str

    @classmethod
    def of(cls, name: str, content: bytes) -> Upload:
        return cls(name, content, hashlib.sha256(content).hexdigest())

    def cache_digest(self) -> str:
        """Name and content identify an upload; the bytes are not rehashed on every rerun."""
        return f"{self.name}:{self.digest}"


def browser_language() -> str:
    """ "de" for German browsers, else "en" (``st.context.locale``, e.g. "de-DE")."""
    locale = (getattr(st.context, "locale", None) or "en").lower()
    return "de" if locale.startswith("de") else "en"


def init_state() -> None:
    """Session defaults, set once per session from the entry file."""
    _session().setdefault(LANG, browser_language())
    _session().setdefault(SOURCE, "demo")
    _session().setdefault(UPLOADS, {})
    _session().setdefault(CHOICES, {})
    _session().setdefault(PROFILE, None)
    _session().setdefault(REJECTED, {})
    _session().setdefault(FILTERS, {})
    _session().setdefault(KPI_SETTINGS, {})
    _session().setdefault(PERSONA_K, None)
    _session().setdefault(PERSONA_FEATURES, None)
    _session().setdefault(PRESENTATION, False)
    _session().setdefault(JOURNEY_TABLE, {})
    _session().setdefault(JOURNEY_OPTIONS, {"outcome": "recommend", "by_persona": False})
    if URL_FILTERS not in _session():  # first run of this session: a shared link's filters
        _session()[URL_FILTERS] = filters_from_url()


INTENDED_PAGE = "intended_page"  # the page a deep link asked for, while it is routed through app.py


def require_router(page: str) -> None:
    """Send a visit that skipped app.py through it, remembering which page was asked for.

    On a fresh server, Streamlit treats a deep link (e.g. a reload of /journey) the legacy way because a
    ``pages/`` folder exists: it runs the page file without the entry file. Such a session has none of
    our defaults yet; switching to app.py runs ``st.navigation``, which turns the legacy mode off for good,
    and app.py then opens the page that was asked for (:func:`take_intended_page`).
    """
    if LANG not in _session():
        _session()[INTENDED_PAGE] = page
        st.switch_page("app.py")


def take_intended_page() -> str | None:
    """The page a deep link asked for (once), or None."""
    return _session().pop(INTENDED_PAGE, None)


def lang() -> str:
    """The UI language ("en" or "de")."""
    value = _session().get(LANG, "en")
    return value if value in LANGUAGES else "en"


def set_lang(value: str) -> None:
    new = value if value in LANGUAGES else "en"
    if new != lang():
        _rename_persona_filters(lang(), new)
    _session()[LANG] = new


def _rename_persona_filters(old: str, new: str) -> None:
    """Persona names are words: a persona filter chosen in one language names the same personas in the
    other (the model is language-neutral, only the names change)."""
    from dataclasses import replace

    filters = current_filters()
    if not filters.personas or (model := persona_model()) is None:
        return
    renamed = {profile.name.text(old): profile.name.text(new) for profile in model.personas_}
    names = tuple(renamed.get(name, name) for name in filters.personas)
    set_filters(replace(filters, personas=names))
    if "filter_personas" in _session():
        _session()["filter_personas"] = [renamed.get(n, n) for n in _session()["filter_personas"]]


def tr(key: str, **params: object) -> str:
    """A string from the table, in the UI language."""
    return t(key, lang(), **params)


def choice_texts(*, many: bool = True) -> dict:
    """Keyword arguments that put a choice widget's own words in the UI language.

    Streamlit writes "Choose options" into an empty multiselect and offers "Select all" in English;
    ``st.multiselect(..., **state.choice_texts())`` gives the placeholder from the string table and
    leaves "Select all" out where it would be the only English on the page.
    """
    texts: dict = {"placeholder": tr("ui.choose_options" if many else "ui.choose_option")}
    if many and lang() != "en":
        texts["select_all"] = False
    return texts


def labeller(prefix: str):
    """A widget ``format_func`` naming option ``key`` by the string ``<prefix><key>`` in the UI language.

    The language is read now, not when Streamlit calls the function later (possibly outside a script run,
    where session state is not available and the label would fall back to English).
    """
    language = lang()
    return lambda key: t(f"{prefix}{key}", language)


def is_demo() -> bool:
    """True while the app shows the built-in demo data."""
    return _session().get(SOURCE, "demo") == "demo"


# --- the result stores: shared for the demo data, per session for a visitor's own files ---

T = TypeVar("T")
# A 100,000-row export takes 20–60 MB once read; 300 MB per file keeps a visitor well inside a 1 GB
# container. Operators of a larger server can raise it (CX_UPLOAD_BUDGET_MB).
UPLOAD_BUDGET_MB = int(os.environ.get("CX_UPLOAD_BUDGET_MB", "300"))
SHARED_RESULTS = 64  # entries of demo results kept per server process (the warm-up alone makes ~50)
SESSION_RESULTS = 16  # entries of a visitor's own results kept per session


@dataclass(frozen=True)
class Derived(Generic[T]):
    """A cached result and the key it was cached under; passing it on keys the next step by provenance."""

    key: str
    value: T

    def cache_digest(self) -> str:
        return self.key


class _ResultStore:
    """A thread-safe, bounded, least-recently-used store that computes each key once.

    Visitors who ask for the same key at the same moment wait for the first one's computation instead
    of repeating it (a room full of visitors opening the demo at once costs one analysis).
    A computation that fails with :class:`CxError` is stored too, so a rerun does not repeat it.
    """

    def __init__(self, max_entries: int) -> None:
        self._max_entries = max_entries
        self._entries: OrderedDict[str, tuple[bool, Any]] = OrderedDict()
        self._pending: dict[str, threading.Event] = {}
        self._waiters = 0
        self._lock = threading.Lock()

    @property
    def waiters(self) -> int:
        """Threads waiting right now for a computation another thread runs (the demo warm-up does not
        stand aside for a visitor who waits for what it computes)."""
        return self._waiters

    def get_or_compute(self, key: str, compute: Callable[[], Any]) -> Any:
        while True:
            with self._lock:
                if key in self._entries:
                    self._entries.move_to_end(key)
                    return self._unpack(self._entries[key])
                waiting = self._pending.get(key)
                if waiting is None:
                    self._pending[key] = threading.Event()
                    break
                self._waiters += 1
            try:
                waiting.wait()  # another visitor computes this key; then take theirs (or retry if it failed)
            finally:
                with self._lock:
                    self._waiters -= 1
        try:
            entry = self._run(compute)
            with self._lock:
                self._entries[key] = entry
                while len(self._entries) > self._max_entries:
                    self._entries.popitem(last=False)
        finally:
            with self._lock:
                self._pending.pop(key).set()
        return self._unpack(entry)

    @staticmethod
    def _run(compute: Callable[[], Any]) -> tuple[bool, Any]:
        try:
            return True, compute()
        except CxError as error:
            return False, error

    @staticmethod
    def _unpack(entry: tuple[bool, Any]) -> Any:
        ok, value = entry
        if not ok:
            raise value
        return value

    def __len__(self) -> int:
        return len(self._entries)


@st.cache_resource(max_entries=1, show_spinner=False)
def _shared_results() -> _ResultStore:
    """Results computed from the built-in demo data: the same for every visitor, kept once per process."""
    return _ResultStore(SHARED_RESULTS)


@st.cache_resource(max_entries=1, scope="session", show_spinner=False)
def _session_results() -> _ResultStore:
    """Results computed from this visitor's own files; Streamlit drops them when the session disconnects."""
    return _ResultStore(SESSION_RESULTS)


def _derive(compute: Callable[..., T], *inputs: Any, own: bool = False) -> Derived[T]:
    """``compute(*inputs)`` cached under the digest of the function and every input.

    Inputs that are :class:`Derived` are passed to ``compute`` as their values and keyed by their keys.
    Results must be treated as read-only: demo results are shared by all visitors. ``own=True`` forces
    the session's store (a visitor's file checked while the demo is still shown).
    """
    key = digest(compute.__module__, compute.__qualname__, *inputs)
    if (warming := _warming_stores()) is not None:
        store = warming[0]
    else:
        store = _shared_results() if is_demo() and not own else _session_results()
    values = [_unwrap(item) for item in inputs]
    value = store.get_or_compute(key, lambda: compute(*values))
    _remember_provenance(value, key)
    return Derived(key, value)


class _Provenance:
    """Results handed out by :func:`_derive`, by identity: a chart drawn from one is keyed by where the
    result came from, not by hashing its frames again on every rerun. Weak references: an entry lives
    as long as its result, so an identity is never mistaken for a later object's. Thread-safe."""

    def __init__(self) -> None:
        self._keys: dict[int, tuple[weakref.ref, str]] = {}
        self._lock = threading.RLock()  # a collection inside remember() may call _forget on this thread

    def remember(self, value: Any, key: str) -> None:
        try:
            reference = weakref.ref(value, functools.partial(self._forget, id(value)))
        except TypeError:  # None, numbers, tuples, dicts: cheap to digest, or not kept by identity
            return
        with self._lock:
            self._keys[id(value)] = (reference, key)

    def _forget(self, identity: int, reference: weakref.ref) -> None:
        with self._lock:
            if self._keys.get(identity, (None,))[0] is reference:
                del self._keys[identity]

    def key_of(self, value: Any) -> str | None:
        """The key ``value`` was handed out under, or None when it is no result of :func:`_derive`."""
        entry = self._keys.get(id(value))
        return entry[1] if entry is not None and entry[0]() is value else None

    def __contains__(self, identity: int) -> bool:
        return identity in self._keys


_PROVENANCE = _Provenance()


def _remember_provenance(value: Any, key: str) -> None:
    _PROVENANCE.remember(value, key)


def _keyed_by_provenance(value: Any) -> Any:
    """A result from :func:`_derive` as its key (a ``Derived`` handle); anything else as it is."""
    key = _PROVENANCE.key_of(value)
    return value if key is None else Derived(key, value)


# --- chart specs: built once per content of their inputs ---

CHART_RESULTS = 64  # built charts kept (aggregates of a few hundred rows at most)


@st.cache_resource(max_entries=1, show_spinner=False)
def _shared_charts() -> _ResultStore:
    """Charts of the demo data: the same for every visitor, kept once per process."""
    return _ResultStore(CHART_RESULTS)


@st.cache_resource(max_entries=1, scope="session", show_spinner=False)
def _session_charts() -> _ResultStore:
    """Charts of this visitor's own files, dropped with the session."""
    return _ResultStore(CHART_RESULTS)


def _build_chart(builder: str, args: tuple, options: dict):
    module, _, name = builder.rpartition(":")
    return getattr(importlib.import_module(module), name)(*args, **options)


def cached_chart(builder: Callable[..., T], *args: Any, **options: Any) -> T:
    """``builder(*args, **options)``, built once per content of its inputs (a rerun rebuilds no chart).

    The key is the builder's import path and the digest of every argument (a result of :func:`_derive`
    counts by its own key), so any change of data, language, currency or option builds a new chart.
    Charts are kept apart from the analysis results, so that they never push an analysis out of its
    store.
    """
    path = f"{builder.__module__}:{builder.__qualname__}"
    key = digest("chart", path, [_keyed_by_provenance(arg) for arg in args], options)
    if (warming := _warming_stores()) is not None:
        store = warming[1]
    else:
        store = _shared_charts() if is_demo() else _session_charts()
    return store.get_or_compute(key, lambda: _build_chart(path, args, options))


def _unwrap(value: Any) -> Any:
    """The value behind a Derived handle, also inside dicts, lists and tuples."""
    if isinstance(value, Derived):
        return value.value
    if isinstance(value, dict):
        return {key: _unwrap(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_unwrap(item) for item in value)
    return value


def demo_defaults(language: str) -> dict:
    """A new visitor's session state on the demo data in ``language`` (what :func:`init_state` sets)."""
    return {
        LANG: language,
        SOURCE: "demo",
        UPLOADS: {},
        CHOICES: {},
        PROFILE: None,
        REJECTED: {},
        FILTERS: {},
        KPI_SETTINGS: {},
        PERSONA_K: None,
        PERSONA_FEATURES: None,
        PRESENTATION: False,
        JOURNEY_TABLE: {},
        JOURNEY_OPTIONS: {"outcome": "recommend", "by_persona": False},
        URL_FILTERS: None,
    }


def shared_stores() -> tuple[_ResultStore, _ResultStore]:
    """The process's shared (results, charts) stores of the demo data (called from a script run)."""
    return _shared_results(), _shared_charts()


class as_demo_visitor:
    """Within this block the calling thread computes as a new demo visitor in ``language`` would, into
    ``stores``: the results land under exactly the keys a real visitor asks for."""

    def __init__(self, language: str, stores: tuple[_ResultStore, _ResultStore]) -> None:
        self._state = demo_defaults(language)
        self._stores = stores

    def __enter__(self) -> None:
        _WARMING.state, _WARMING.stores = self._state, self._stores

    def __exit__(self, *exc: object) -> None:
        _WARMING.state = _WARMING.stores = None


def keep_memory_lean() -> None:
    """Called by app.py on every run: allocator, trimming and release of departed visitors (pages/_memory)."""
    from pages._memory import keep_memory_lean as keep

    keep()


# --- reading and validating (cached by content) ---


def _demo_upload(table: str) -> Upload | None:
    path = DEMO_FILES[table]
    if not path.exists():
        return None
    stat = path.stat()
    return _demo_file(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=2 * len(TABLES))
def _demo_file(path: Path, modified_ns: int, size: int) -> Upload:
    """A demo file read and hashed once per process and version of the file (a plain cache, not
    Streamlit's: the demo warm-up asks for it off any script run)."""
    return Upload.of(path.name, path.read_bytes())


def _check_memory(sheets: dict, filename: str) -> None:
    """Refuse a file whose tables would not fit the per-file memory budget (a message, not a crash)."""
    from cxlib.memory import frame_megabytes
    from cxlib.messages import Num

    size_mb = sum(frame_megabytes(frame) for frame in sheets.values())
    if size_mb > UPLOAD_BUDGET_MB:
        size = Num(size_mb, decimals=0)
        raise CxError("error.too_much_memory", file=filename, size_mb=size, limit_mb=UPLOAD_BUDGET_MB)


def _prepare_upload(upload: Upload, table: str, choice: dict) -> LoadedTable:
    """Read, map and validate one upload: language-neutral, so a language switch reuses it."""
    sheets = read_file(upload.content, filename=upload.name)
    _check_memory(sheets, upload.name)
    return prepare_table(
        sheets,
        table=table,
        file=upload.name,
        sheet=choice.get("sheet"),
        roles=choice.get("roles"),
        corrections=choice.get("corrections"),
        overrides=choice.get("overrides"),
        sheet_hint=choice.get("sheet_hint"),
    )


def _linked(prepared: dict[str, LoadedTable]) -> dict[str, LoadedTable]:
    """Link survey/transaction rows to the customers on copies, so cached single tables stay untouched."""
    from copy import copy

    linked = {table: copy(item) for table, item in prepared.items()}
    for item in linked.values():
        item.validated = copy(item.validated)
        item.validated.report = copy(item.validated.report)
    link_tables(linked)
    return linked


def _choice(table: str) -> dict:
    return dict(_session().get(CHOICES, {}).get(table, {}))


def current_uploads() -> dict[str, Upload]:
    """The files behind the tables in use: the demo files or the visitor's own."""
    if is_demo():
        return {table: upload for table in TABLES if (upload := _demo_upload(table)) is not None}
    return dict(_session().get(UPLOADS, {}))


def _tables() -> Derived[dict[str, LoadedTable]]:
    """Every table in use, read, mapped, validated and linked, as a keyed result (once per run)."""
    return _once_per_run("tables", _tables_in_use)


def _tables_in_use() -> Derived[dict[str, LoadedTable]]:
    prepared = {
        table: _derive(_prepare_upload, upload, table, _choice(table))
        for table, upload in current_uploads().items()
    }
    return _derive(_linked, prepared)


def loaded_tables() -> dict[str, LoadedTable]:
    """Every table in use, read, mapped, validated and linked (survey rows to their customers)."""
    return _tables().value


def validated_tables() -> dict[str, ValidatedTable]:
    """The validated tables in use (no filters applied); with transactions, the buyers stand in for a
    missing customer table and fill its missing columns (``value.customers.with_transaction_customers``)."""
    return _derive(_validated_of, _tables()).value


def _validated_of(tables: dict[str, LoadedTable]) -> dict[str, ValidatedTable]:
    from cxlib.value.customers import with_transaction_customers as complete

    return complete({table: item.validated for table, item in tables.items()})


def fingerprint() -> str:
    """Identifies the data in use (contents, sheets, mappings; not the language): scopes filters and edits."""
    return _tables().key


def _try_prepare(table: str, upload: Upload, choice: dict) -> CxError | None:
    try:
        _derive(_prepare_upload, upload, table, choice, own=True)
    except CxError as error:
        return error
    return None


def accept_upload(table: str, filename: str, content: bytes) -> CxError | None:
    """Take a visitor's file for ``table`` if it reads and validates; otherwise keep what was there.

    Returns the error for a rejected file (also remembered for the Data page), or None.
    """
    upload = Upload.of(filename, content)
    profiled = _profile_choice(table)
    if profiled and _try_prepare(table, upload, profiled) is not None:
        profiled = {}  # the loaded profile does not fit this file: the automatic mapping
    error = _try_prepare(table, upload, profiled)
    if error is not None:
        _session()[REJECTED][table] = (filename, upload.digest, error.key, error.params)
        return error
    _session()[REJECTED].pop(table, None)
    if is_demo():
        _session()[UPLOADS] = {}
        _session()[CHOICES] = {}
        _session()[SOURCE] = "own"
    _session()[UPLOADS][table] = upload
    _session()[CHOICES].pop(table, None)
    if profiled:
        _session()[CHOICES][table] = profiled
    _data_changed()
    return None


def _profile_choice(table: str) -> dict:
    from cxlib.mapping_profile import table_choice

    profile = _session().get(PROFILE)
    return table_choice(profile, None, table) if profile else {}


def is_profile_in_use(profile: dict) -> bool:
    """True when ``profile`` is the mapping profile already applied (no re-applying on every rerun)."""
    return profile == _session().get(PROFILE)


def apply_profile(profile: dict) -> CxError | None:
    """Use a mapping profile for every table in use now and every table uploaded afterwards."""
    _session()[PROFILE] = profile
    for table in current_uploads():
        choice = _profile_choice(table)
        if choice:
            error = set_choice(table, **{"sheet": None, "roles": None, **choice})
            if error is not None:
                return error
    return None


def current_choice(table: str) -> dict:
    """The sheet, roles and column meanings chosen by hand for ``table`` (empty: automatic)."""
    return _choice(table)


def set_column_meaning(table: str, column: str, chosen: dict) -> CxError | None:
    """Confirm what one column means (money period, scale, direction), keeping the other choices."""
    choice = current_choice(table)
    overrides = {**choice.get("overrides", {}), column: chosen}
    sheet = loaded_tables()[table].sheet
    return set_choice(table, sheet=sheet, roles=choice.get("roles"), overrides=overrides)


def was_rejected(table: str, digest: str) -> bool:
    """True when this exact file was already tried for ``table`` and failed (no retry on rerun)."""
    rejected = _session().get(REJECTED, {}).get(table)
    return bool(rejected and rejected[1] == digest)


def rejection(table: str) -> str | None:
    """The message for the last failed upload of ``table``, in the UI language."""
    rejected = _session().get(REJECTED, {}).get(table)
    return None if rejected is None else CxError(rejected[2], **rejected[3]).message(lang())


def set_choice(
    table: str,
    *,
    sheet: str | None,
    roles: dict | None,
    overrides: dict | None = None,
    corrections: dict | None = None,
    sheet_hint: str | None = None,
) -> CxError | None:
    """Apply a sheet, mapping or column meanings chosen by hand, if the table still validates with it."""
    upload = current_uploads().get(table)
    if upload is None:
        return None
    chosen = (
        ("sheet", sheet),
        ("roles", roles),
        ("overrides", overrides),
        ("corrections", corrections),
        ("sheet_hint", sheet_hint),
    )
    choice = {key: value for key, value in chosen if value}
    error = _try_prepare(table, upload, choice)
    if error is None:
        _session()[CHOICES][table] = choice
        _data_changed()
    return error


def remove_table(table: str) -> None:
    """Stop using the visitor's file for ``table`` (back to demo data when nothing is left)."""
    _session()[UPLOADS].pop(table, None)
    _session()[CHOICES].pop(table, None)
    _data_changed()
    if not _session()[UPLOADS]:
        use_demo_data()


def use_demo_data() -> None:
    """Back to the built-in demo data; the visitor's files are forgotten."""
    _session()[SOURCE] = "demo"
    _session()[UPLOADS] = {}
    _session()[CHOICES] = {}
    _session()[REJECTED] = {}
    _session()[FILTERS] = {}
    _data_changed()


# --- shared filters and settings ---


URL_FILTERS = "url_filters"  # filters read from a shared link, applied to the first data they fit
FILTER_WIDGETS = (
    "filter_period",
    *(f"filter_{name}_{language}" for name in ("preset", "comparison") for language in LANGUAGES),
    "filter_regions",
    "filter_segments",
    "filter_personas",
)
_URL_KEYS = {"regions": "region", "segments": "segment", "personas": "persona"}


def current_filters():
    """The filters shared by all analysis pages (period, region, segment, persona)."""
    from cxlib.filters import Filters

    chosen = _session().get(FILTERS, {}).get(fingerprint())
    if chosen is None and _session().get(URL_FILTERS) is not None:
        chosen = _session()[URL_FILTERS]  # a link's filters, applied once
        _session()[URL_FILTERS] = None
        _session()[FILTERS] = {fingerprint(): chosen}
    chosen = chosen or Filters()
    if chosen.preset is not None:  # "last quarter" of the data in use
        chosen = chosen.resolved(filter_options().get("date_range"))
    return chosen


def set_filters(filters) -> None:
    _session()[FILTERS] = {fingerprint(): filters}


def clear_filters() -> None:
    """No filter any more (the filter widgets start afresh too)."""
    from cxlib.filters import Filters

    set_filters(Filters())
    for key in FILTER_WIDGETS:
        _session().pop(key, None)


def filters_from_url():
    """The filters a shared link carries (``?from=…&to=…&region=…&persona=…``), or None."""
    import datetime as dt

    from cxlib.filters import Filters
    from cxlib.periods import COMPARISONS, PRESETS

    params = st.query_params
    values = {name: tuple(params.get_all(key)) for name, key in _URL_KEYS.items()}
    try:
        start = dt.date.fromisoformat(params["from"]) if "from" in params else None
        end = dt.date.fromisoformat(params["to"]) if "to" in params else None
    except ValueError:  # a hand-edited link: ignore its dates, keep the rest
        start = end = None
    preset = params.get("period") if params.get("period") in PRESETS else None
    comparison = params.get("compare") if params.get("compare") in COMPARISONS else "previous"
    if preset is not None:
        start = end = None
    filters = Filters(start=start, end=end, preset=preset, comparison=comparison, **values)
    return None if filters == Filters() else filters


def filters_to_url(filters) -> None:
    """Write the filters into the address bar, so the view can be shared as a link and survives reloads."""
    wanted: dict[str, str | list[str]] = {}
    if filters.preset is not None and filters.preset != "all":
        wanted["period"] = filters.preset  # a link keeps "last quarter", not the dates it has today
    else:
        if filters.start:
            wanted["from"] = filters.start.isoformat()
        if filters.end:
            wanted["to"] = filters.end.isoformat()
    if filters.comparison != "previous":
        wanted["compare"] = filters.comparison
    for name, key in _URL_KEYS.items():
        if getattr(filters, name):
            wanted[key] = list(getattr(filters, name))
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    normalized = {key: value if isinstance(value, list) else [value] for key, value in wanted.items()}
    if current != normalized:
        st.query_params.from_dict(wanted)


def _sizes_in_view(frames, labels) -> dict | None:
    customers, _ = frames
    if customers is None or labels is None or "customer_id" not in customers:
        return None
    counts = customers["customer_id"].map(labels).value_counts()
    total = max(len(customers), 1)
    return {name: (int(count), count / total) for name, count in counts.items()}


def persona_sizes_in_view() -> dict | None:
    """Persona name -> (customers, share) within the filtered customers; None without a filter."""
    if not current_filters().restricts:
        return None
    return _derive(_sizes_in_view, _filtered(), _persona_labels()).value


def _filter_options(customers, survey) -> dict:
    from cxlib.filters import filter_options as options_of

    return options_of(customers, survey)


def filter_options() -> dict:
    """Regions, segments and the date range the filters can offer for the data in use (no personas:
    offering them needs the persona model, see :func:`persona_filter_options`)."""
    return _derive(_filter_options, _customers(), _survey()).value


def _persona_names_of(labels) -> list[str]:
    return [] if labels is None else sorted(labels.dropna().unique().tolist())


def persona_filter_options() -> list[str]:
    """The persona names the persona filter can offer ([] without personas)."""
    return _derive(_persona_names_of, _persona_labels()).value


PERSONA_FILTER_PANEL = "persona_filter_panel"  # the filter panel of this run, for the persona filter


def defer_persona_filter(panel) -> None:
    """Remember this run's filter panel: the persona filter is drawn into it after the page (offering
    persona names needs the persona model, which a page's first tiles do not)."""
    _session()[PERSONA_FILTER_PANEL] = panel


def take_persona_filter_panel():
    """The filter panel the persona filter goes into this run (once), or None."""
    return _session().pop(PERSONA_FILTER_PANEL, None)


def kpi_settings():
    """The KPI/CLV settings chosen on the Overview page (defaults until changed)."""
    from cxlib.clv import ClvSettings
    from cxlib.kpis import KpiSettings

    chosen = _session().get(KPI_SETTINGS, {})
    clv = ClvSettings(
        **{
            key: chosen[key]
            for key in ("discount_rate", "margin_rate", "acquisition_cost", "horizon_years")
            if key in chosen
        }
    )
    return KpiSettings(
        clv=clv, nps_period_months=chosen.get("nps_period_months", 3), currency=chosen.get("currency", "EUR")
    )


def set_kpi_settings(**values: object) -> None:
    _session()[KPI_SETTINGS] = {**_session().get(KPI_SETTINGS, {}), **values}


def currency() -> str:
    """The ISO code shown on every money figure (the sidebar's currency setting; EUR by default)."""
    return kpi_settings().currency


def set_currency(code: str) -> None:
    from cxlib.i18n import check_currency

    set_kpi_settings(currency=check_currency(code))


def persona_choice() -> tuple[int | None, tuple[str, ...] | None]:
    """The number of personas and the features chosen by hand (None = automatic)."""
    features = _session().get(PERSONA_FEATURES)
    return _session().get(PERSONA_K), tuple(features) if features else None


def set_persona_choice(k: int | None, features: list[str] | None) -> None:
    _session()[PERSONA_K] = k
    _session()[PERSONA_FEATURES] = features


# --- derived results (each keyed by all of its inputs) ---


def _customers_of(tables: dict[str, LoadedTable]):
    from cxlib.value.customers import with_transaction_customers as complete

    validated = complete({name: item.validated for name, item in tables.items()})
    return validated["customers"].data if "customers" in validated else None


def _survey_of(tables: dict[str, LoadedTable]):
    from cxlib.analysis import survey_touchpoints

    item = tables.get("survey")
    return survey_touchpoints(None if item is None else item.validated)


def _customers() -> Derived:
    return _derive(_customers_of, _tables())


def _survey_and_touchpoints() -> Derived:
    return _derive(_survey_of, _tables())


def _first(pair: tuple) -> Any:
    return pair[0]


def _survey() -> Derived:
    return _derive(_first, _survey_and_touchpoints())


def survey_frame():
    """The survey in wide shape and its touchpoint columns (None, [] without a survey)."""
    return _survey_and_touchpoints().value


def _fit_personas(customers, survey_pair, k: int | None, features: tuple | None):
    from cxlib.analysis import AnalysisSettings, fit_personas

    survey, touchpoints = survey_pair
    settings = AnalysisSettings(n_personas=k, persona_features=features)
    return fit_personas(customers, survey, touchpoints, settings=settings)


def _persona_model() -> Derived | None:
    """The fitted persona model as a keyed result; raises CxError when it cannot be built. The model and
    its inputs are language-neutral: a language switch refits nothing."""
    if "customers" not in validated_tables():
        return None
    k, features = persona_choice()
    features = features or buyer_persona_features()
    return _derive(_fit_personas, _customers(), _survey_and_touchpoints(), k, features)


def persona_model():
    """The fitted persona model for the data in use, or None (no customer table, or too little data:
    see :func:`persona_problem`)."""
    try:
        derived = _persona_model()
    except CxError:
        return None
    return None if derived is None else derived.value


def _personas_in(model, language: str) -> list:
    from cxlib.personas import personas_in

    return personas_in(model, language)


def personas() -> list:
    """The personas in words in the UI language (:class:`cxlib.personas.Persona`; [] without personas).
    Only the words depend on the language: a language switch re-renders them and refits nothing."""
    if persona_model() is None:
        return []
    return _derive(_personas_in, _persona_model(), lang()).value


def persona_problem() -> str | None:
    """Why there are no personas, in the UI language (None when there are, or no customer table)."""
    if "customers" not in validated_tables():
        return tr("note.personas_need_customers")
    try:
        _persona_model()
    except CxError as error:
        return error.message(lang())
    return None


def _labels_of(model, language: str):
    from cxlib.personas import persona_labels

    return None if model is None else persona_labels(model, language)


def _persona_labels() -> Derived:
    try:
        model = _persona_model()
    except CxError:
        model = None
    return _derive(_labels_of, model, lang())


def persona_labels():
    """Persona name per customer_id (None without personas)."""
    return _persona_labels().value


def _apply_filters(customers, survey, filters, persona_of):
    from cxlib.filters import apply_filters

    return apply_filters(customers, survey, filters, persona_of=persona_of)


def _filtered() -> Derived:
    filters = current_filters()
    persona_of = _persona_labels() if filters.personas else None  # personas matter only when filtered on
    return _derive(_apply_filters, _customers(), _survey(), filters, persona_of)


def filtered_frames():
    """(customers, survey) DataFrames with the shared filters applied (either may be None)."""
    return _filtered().value


def _comparison_frames() -> Derived:
    """The filtered tables over all dates: a chosen period is compared with the time before it, so the
    tiles and the period comparisons need the answers outside the period too."""
    filters = current_filters()
    if not filters.has_period:
        return _filtered()
    persona_of = _persona_labels() if filters.personas else None
    return _derive(_apply_filters, _customers(), _survey(), filters.without_period(), persona_of)


def period_settings():
    """The KPI settings with the period and comparison chosen in the filters (tiles, findings, reports)."""
    from dataclasses import replace

    filters = current_filters()
    window = None
    date_range = filter_options().get("date_range")
    if filters.has_period and date_range is not None:
        window = (filters.start or date_range[0], filters.end or date_range[1])
    return replace(kpi_settings(), window=window, comparison=filters.comparison)


def _tiles_of(frames, settings):
    from cxlib.kpis import tiles_of

    customers, survey = frames
    return tiles_of(customers, survey, settings=settings)


def kpi_tiles():
    """The Overview tiles for the filtered data, the chosen period and settings, in the UI language
    (computed without words, rendered here; the CLV tile says which CLV)."""
    tiles = _derive(_tiles_of, _comparison_frames(), period_settings()).value
    return with_clv_source([_in_currency(facts, facts.render(lang())) for facts in tiles])


def _in_currency(facts, tile):
    """The CLV tile's amount with the chosen currency ("592 €" / "€592"), rendered at the edge."""
    from dataclasses import replace

    from cxlib.i18n import format_money

    amount = getattr(facts.value, "value", None)
    if tile.key != "clv" or isinstance(amount, bool) or not isinstance(amount, int | float):
        return tile
    return replace(tile, value=format_money(amount, lang(), currency=currency()))


# --- journey ---


def _default_editor_table(survey_pair):
    from cxlib.journey import default_spec
    from cxlib.journey_editor import editor_table

    survey, touchpoints = survey_pair
    if survey is None or not touchpoints:
        return None
    return editor_table(default_spec(survey, touchpoints), touchpoints)


def _with_owners(table, owners: dict):
    from cxlib.journey_editor import with_owners

    return None if table is None else with_owners(table, owners)


def _journey_table() -> Derived:
    """The phase editor's table as a keyed value: the visitor's edit (its content digested once, when
    it was saved), else the guessed spec with the owners of a loaded mapping profile (keyed by
    provenance), so a rerun hashes no table."""
    from cxlib.mapping_profile import journey_owners as owners_in

    edited = _session().get(JOURNEY_TABLE, {}).get(fingerprint())
    if edited is not None:
        return edited
    table = _derive(_default_editor_table, _survey_and_touchpoints())
    owners = owners_in(_session().get(PROFILE))
    return table if not owners else _derive(_with_owners, table, owners)


def journey_editor_table():
    """The phase editor's table for the data in use (the visitor's edits, else the guessed spec with
    the owners of a loaded mapping profile)."""
    return _journey_table().value


def journey_owners() -> dict[str, str]:
    """Touchpoint -> owner as set in the phase editor (kept in the mapping profile when saved)."""
    from cxlib.journey_editor import owners_of

    return owners_of(journey_editor_table())


def set_journey_editor_table(table) -> None:
    _session()[JOURNEY_TABLE] = {fingerprint(): Derived(digest("journey_table", table), table)}


def journey_options() -> dict:
    return dict(_session().get(JOURNEY_OPTIONS, {}))


def set_journey_options(**values: object) -> None:
    _session()[JOURNEY_OPTIONS] = {**journey_options(), **values}


def _build_journey(frames, table, outcome: str, by_persona: bool, labels):
    from cxlib.journey import build_journey
    from cxlib.journey_editor import spec_from_table

    _, survey = frames
    if table is None or survey is None:
        return None
    spec = spec_from_table(table)
    if not spec.touchpoints:
        return None
    group = None
    if by_persona and labels is not None and "customer_id" in survey:
        group = survey["customer_id"].map(labels)
    return build_journey(survey, spec, outcome=outcome, group=group, lang=None)


def _journey() -> Derived:
    """The journey as a keyed result; raises CxError (e.g. a filter leaves no answers)."""
    options = journey_options()
    by_persona = bool(options.get("by_persona"))
    return _derive(
        _build_journey,
        _filtered(),
        _journey_table(),
        options.get("outcome", "recommend"),
        by_persona,
        _persona_labels() if by_persona else None,  # persona names are words: only when lines need them
    )


def _rendered_journey(journey, language: str):
    return None if journey is None else journey.rendered(language)


def journey_result():
    """The journey for the filtered survey and the edited spec (None without touchpoints or ratings,
    e.g. when a filter leaves no answers: see :func:`journey_problem`)."""
    try:
        return _derive(_rendered_journey, _journey(), lang()).value
    except CxError:
        return None


def _lowest_ratings_of(frames, table, journey, touchpoint: str):
    from cxlib.journey_drilldown import lowest_ratings
    from cxlib.journey_editor import spec_from_table

    _, survey = frames
    if survey is None or table is None or journey is None:
        return None, 0
    rows = journey.touchpoints.set_index("touchpoint")
    if touchpoint not in rows.index:
        return None, 0
    scale = (rows.loc[touchpoint, "scale_min"], rows.loc[touchpoint, "scale_max"])
    return lowest_ratings(survey, spec_from_table(table), touchpoint, scale=scale)


def lowest_ratings(touchpoint: str):
    """(table, total): the respondents of the filtered survey who rated ``touchpoint`` lowest, with their
    comments (None, 0 without a journey)."""
    try:
        journey = _journey()
    except CxError:
        return None, 0
    return _derive(_lowest_ratings_of, _filtered(), _journey_table(), journey, touchpoint).value


def journey_problem() -> str | None:
    """Why there is no journey for the data in use, in the UI language (None when there is one)."""
    try:
        result = _journey().value
    except CxError as error:
        return error.message(lang())
    if result is not None:
        return None
    return tr("journey.page.no_touchpoints" if "survey" in loaded_tables() else "journey.page.no_survey")


def start_presenting() -> None:
    _session()[PRESENTATION] = True


def stop_presenting() -> None:
    _session()[PRESENTATION] = False


def is_presenting() -> bool:
    """True in presentation mode (controls hidden, large type)."""
    return bool(_session().get(PRESENTATION, False))


def _charts_of(frames, settings, language: str) -> dict:
    from cxlib.overview import overview_charts as charts_of

    customers, survey = frames
    return charts_of(customers, survey, settings=settings, lang=language)


def overview_charts() -> dict:
    """The Overview charts for the filtered data and the chosen settings."""
    return _derive(_charts_of, _filtered(), kpi_settings(), lang()).value


def kpi_settings_dict() -> dict:
    """The KPI settings as the plain values the Overview form edits."""
    settings = kpi_settings()
    return {
        "discount_rate": settings.clv.discount_rate,
        "margin_rate": settings.clv.margin_rate,
        "horizon_years": settings.clv.horizon_years,
        "acquisition_cost": settings.clv.acquisition_cost,
        "nps_period_months": settings.nps_period_months,
    }


# --- the whole story: analysis document and findings ---


def _document_of(tables, frames, model, journey, settings, comparisons) -> dict:
    from cxlib.analysis import document_from_results

    customers, survey = frames
    return document_from_results(
        customers=customers,
        survey=survey,
        model=model,
        journey=journey,
        settings=settings,
        inputs={table: item.validated.report.to_dict(None) for table, item in tables.items()},
        lang=None,
        tables={table: item.validated for table, item in tables.items()},
        comparisons=comparisons,
    )


def _comparisons_of(frames, settings) -> dict:
    from cxlib.analysis import tile_comparisons

    customers, survey = frames
    return tile_comparisons(customers, survey, settings)


def _document_frames_of(everything, filtered):
    """Customers as the tiles count them (over all dates; the churn window ends with the period) and the
    survey answers of the period."""
    return everything[0], filtered[1]


def _render_document(document: dict, language: str) -> dict:
    from cxlib.document_text import render_document

    return render_document(document, language)


def _document() -> Derived[dict]:
    try:
        model = _persona_model()
    except CxError:
        model = None
    try:
        journey = _journey()
    except CxError:
        journey = None
    settings = period_settings()
    everything = _comparison_frames()
    comparisons = _derive(_comparisons_of, everything, settings)
    frames = _derive(_document_frames_of, everything, _filtered())
    return _derive(_document_of, _tables(), frames, model, journey, settings, comparisons)


def analysis_document() -> dict:
    """The analysis document (inputs, KPIs, personas, journey, findings) for the filtered data in use,
    in the UI language (computed without words, rendered here)."""
    return _derive(_render_document, _document(), lang()).value


def period_caption() -> str | None:
    """Which period the tiles and findings show and what they compare it with (None without dates)."""
    from cxlib.periods import comparison_caption

    entry = ((analysis_document().get("kpis") or {}).get("comparisons") or {}).get("nps")
    caption = comparison_caption(entry)
    return None if caption is None else caption.text(lang())


def findings() -> list[dict]:
    """The Summary page's findings: {text, value, source}, most important first."""
    return analysis_document().get("findings", [])


def filter_chips(filters) -> list[str]:
    """The filters in force as the reader should see them, e.g. "Regions: Nord" (none: empty)."""
    from cxlib.i18n import format_date

    def day(value) -> str:
        return "…" if value is None else format_date(value, lang())

    chips = []
    if filters.start or filters.end:
        period = f"{day(filters.start)} – {day(filters.end)}"
        if filters.preset is not None:
            period = f"{tr(f'period.preset.{filters.preset}')} ({period})"
        chips.append(f"{tr('ui.filter.period')}: {period}")
    if filters.comparison != "previous":
        chips.append(f"{tr('period.comparison')}: {tr(f'period.comparison.{filters.comparison}')}")
    for name in ("regions", "segments", "personas"):
        if getattr(filters, name):
            chips.append(f"{tr(f'ui.filter.{name}')}: {', '.join(map(str, getattr(filters, name)))}")
    return chips


def report_makers():
    """Zero-argument functions that build the Excel report, the PDF summary and the slide deck of the
    analysis in use.

    Everything they need is read now, while the page renders: Streamlit calls deferred download data
    in a background thread, where session state and session-scoped caches are out of reach.
    """
    from cxlib.personas import assignment_table
    from cxlib.report import excel_report, pdf_summary, persona_png, slide_deck
    from cxlib.report import journey_png as journey_picture

    document, tables, model, language = analysis_document(), validated_tables(), persona_model(), lang()
    journey, chips = journey_result(), filter_chips(current_filters())
    follow_up = _follow_up_maker()

    def workbook() -> bytes:
        assignment = (
            None if model is None else assignment_table(model, tables["customers"].data, lang=language)
        )
        return excel_report(document, tables=tables, assignment=assignment, lang=language,
                            follow_up=follow_up(), filters=chips)  # fmt: skip

    def journey_png() -> bytes | None:
        return None if journey is None else journey_picture(journey, lang=language)

    def one_pager() -> bytes:
        pictures = {"journey_png": journey_png(), "persona_png": persona_png(document, lang=language)}
        return pdf_summary(document, lang=language, filters=chips, **pictures)

    def deck() -> bytes:
        return slide_deck(document, lang=language, journey_png=journey_png(), filters=chips)

    return workbook, one_pager, deck


# --- customer value: RFM, BG/NBD, Gamma-Gamma from the transaction table (cxlib.value) ---------------
# Results go through _derive like every other: keyed by the digest of all their inputs.

VALUE_SETTINGS = "value_settings"  # calibration_end, horizon_months, inactive_threshold (Value page)


def buyer_persona_features() -> tuple[str, ...] | None:
    """RFM/value traits for personas when the customers are the buyers (no customer table); else None."""
    from cxlib.analysis import buyer_persona_features as features_of

    return features_of(validated_tables())


def value_settings():
    """The customer value settings: the Value page's choices, discount and margin rate from the KPIs."""
    from cxlib.value.section import ValueSettings

    chosen = _session().get(VALUE_SETTINGS, {})
    clv = kpi_settings().clv
    return ValueSettings(
        calibration_end=chosen.get("calibration_end"),
        horizon_months=chosen.get("horizon_months", 12),
        inactive_threshold=chosen.get("inactive_threshold", 0.5),
        discount_rate=clv.discount_rate,
        margin_rate=clv.margin_rate,
    )


def set_value_settings(**values: object) -> None:
    _session()[VALUE_SETTINGS] = {**_session().get(VALUE_SETTINGS, {}), **values}


def _value_of(tables: dict[str, LoadedTable], settings):
    from cxlib.value.section import analyze_value

    transactions = tables.get("transactions")
    data = None if transactions is None else transactions.validated.data
    if data is None or data.empty or "date" not in data:
        return None
    return analyze_value(data, settings=settings)


def _value() -> Derived:
    return _derive(_value_of, _tables(), value_settings())


def value_result():
    """The customer value result for the transaction table in use (None without usable purchases)."""
    return _value().value


def _value_tables_of(tables: dict[str, LoadedTable]) -> dict:
    """The validated tables, with the buyers as the customers when no customer table was given."""
    from cxlib.value.customers import with_transaction_customers as complete

    return complete({name: item.validated for name, item in tables.items()})


def _value_kpis_of(validated: dict) -> dict:
    """The customer table's KPIs the value section compares with (its churn rate), without words: a
    language switch computes no KPI again."""
    from cxlib.kpis import kpi_section

    if "customers" not in validated:
        return {"churn_rate": None}
    return kpi_section(validated["customers"].data, None, lang=None)


def _value_section_of(validated: dict, result, kpis: dict, labels, language: str):
    from cxlib.analysis import value_document

    return value_document(validated, kpis=kpis, persona_of=labels, lang=language, result=result)


def value_section() -> dict | None:
    """The CLI's ``value`` section for the data in use (with CLV per persona when there are personas).
    Its numbers come from results computed once; per language it only words them and names the
    personas."""
    if value_result() is None:
        return None
    validated = _derive(_value_tables_of, _tables())
    kpis = _derive(_value_kpis_of, validated)
    return _derive(_value_section_of, validated, _value(), kpis, _persona_labels(), lang()).value


def persona_value_lines() -> dict[str, str]:
    """Per persona name the card line "Expected CLV … · P(active) …" (empty without a purchase model)."""
    from cxlib.i18n import format_number, format_percent

    section = value_section()
    if not section or not section.get("personas"):
        return {}
    lines = {}
    for name, figures in section["personas"].items():
        if figures.get("clv_mean") is None or figures.get("p_alive_mean") is None:
            continue
        lines[name] = tr(
            "persona.value",
            clv=format_number(figures["clv_mean"], lang()),
            p_alive=format_percent(figures["p_alive_mean"], lang()),
        )
    return lines


def with_clv_source(tiles: list) -> list:
    """The CLV tile's help says which CLV it shows (the customer table's simple formula) and, with a
    transaction table, where the purchase model's CLV is (nothing is computed for this)."""
    from dataclasses import replace

    extra = tr("kpi.clv_source.customer_table")
    if "transactions" in current_uploads():
        extra += " " + tr("kpi.clv_source.value_page")
    return [
        replace(tile, help=(tile.help + " " + extra).strip()) if tile.key == "clv" else tile for tile in tiles
    ]


# --- voices of the customer (issue 14): derived results like all others (keyed by every input) ---


def _clv_of(customers, survey):
    from cxlib.voices.follow_up import clv_by_customer

    return clv_by_customer(customers, survey)


def _comments_analysed(frames, survey_pair):
    from cxlib.voices.core import analyze_voices

    _, survey = frames
    _, touchpoints = survey_pair
    if survey is None or "comment" not in survey.columns:
        return None
    return analyze_voices(survey, touchpoints=list(touchpoints), random_state=0)


def _comment_outcomes_of(analysed):
    from cxlib.voices.section import comment_outcomes

    return None if analysed is None else comment_outcomes(analysed)


def _voices_of(analysed, outcomes, persona_of, clv):
    from cxlib.voices.section import voices_of_result

    if analysed is None:
        return None
    return voices_of_result(analysed, persona_of=persona_of, clv=clv, outcomes=outcomes)


def _voices() -> Derived:
    """Voices of the filtered comments; a customer's CLV ignores the filters (it is the customer's value).
    The comments are analysed without the persona names, so a language switch analyses nothing again,
    and their outcomes (detractors, weakest touchpoints) are kept across persona choices."""
    clv = _derive(_clv_of, _customers(), _survey())
    analysed = _derive(_comments_analysed, _filtered(), _survey_and_touchpoints())
    outcomes = _derive(_comment_outcomes_of, analysed)
    return _derive(_voices_of, analysed, outcomes, _persona_labels(), clv)


def voices():
    """Themes, tone, outcomes and the follow-up list of the filtered comments (None without a comment
    column)."""
    return _voices().value


def _psychographics_of(found, persona_of) -> dict:
    from cxlib.voices.personas import needs_and_worries

    return {} if found is None else needs_and_worries(found.result, persona_of)


def persona_psychographics() -> dict:
    """Per persona name its *Needs* and *Worries* lines from the comments (empty without comments)."""
    return _derive(_psychographics_of, _voices(), _persona_labels()).value


def _follow_up_maker():
    """A zero-argument function that builds the follow-up list for the report, from data bound now
    (the report's download runs off the script thread, where the result stores are out of reach)."""
    from cxlib.voices.follow_up import clv_by_customer
    from cxlib.voices.section import build_voices

    customers = _customers().value
    full_survey, touchpoints = survey_frame()
    _, survey = filtered_frames()
    persona_of = persona_labels()

    def follow_up():
        clv = clv_by_customer(customers, full_survey)
        voices = build_voices(survey, touchpoints=list(touchpoints), persona_of=persona_of, clv=clv)
        return None if voices is None else voices.follow_up

    return follow_up


# --- The people behind a tile (drill-down from the NPS and churn tiles) ---


def _people_behind_of(frames, comparisons: dict, kind: str):
    from cxlib.drilldown import can_list, churned_customers, nps_respondents

    customers, survey = frames
    if not can_list(kind, customers, survey):
        return None
    entry = comparisons.get(kind) or {}
    window = tuple(date.fromisoformat(day) for day in entry["window"]) if entry.get("window") else None
    if kind == "nps":
        return nps_respondents(survey, window=window)
    return churned_customers(customers, window=window)


def people_behind_kinds() -> list[str]:
    """The tiles whose people can be listed for the data in use (no list is built to find out)."""
    from cxlib.drilldown import can_list

    customers, survey = _comparison_frames().value
    return [kind for kind in DRILL_KINDS if can_list(kind, customers, survey)]


def people_behind(kind: str):
    """The respondents (``kind="nps"``) or lost customers (``"churn_rate"``) the tile counted, in the tile's
    window and the current filters; None when the data has no such figure."""
    frames = _comparison_frames()
    comparisons = _derive(_comparisons_of, frames, period_settings())
    return _derive(_people_behind_of, frames, comparisons, kind).value


def _feature_options_of(customers, survey_pair) -> list[str]:
    from cxlib.personas import candidate_features

    return candidate_features(customers, survey_pair[0])


def persona_feature_options() -> list[str]:
    """Every column the personas can be built from (the feature choice on the Personas page)."""
    return _derive(_feature_options_of, _customers(), _survey_and_touchpoints()).value


def _map_frame_of(model, language: str):
    from cxlib.personas import persona_map_frame

    return persona_map_frame(model, language)


def persona_map_frame():
    """The customers on the persona map (two coordinates and the persona name in the UI language)."""
    return _derive(_map_frame_of, _persona_model(), lang()).value


def _members_of(model, frames, persona: int, language: str):
    from cxlib.personas import persona_members

    customers, survey = frames
    return persona_members(model, customers, survey, persona, lang=language)


def persona_members_in_view(persona: int):
    """The customers of one persona in the filtered view, with their latest comment (headers in the UI
    language)."""
    return _derive(_members_of, _persona_model(), _filtered(), persona, lang()).value


def _persona_comparison_of(model, frames):
    from cxlib.personas import persona_comparison

    customers, survey = frames
    return persona_comparison(model, customers, survey)


def _comparison_in(table, model, frames, language: str):
    from cxlib.personas import comparison_in_language

    return comparison_in_language(table, model, frames[0], lang=language)


def persona_comparison_in_view():
    """Each persona against all customers, over the customers and answers in the current filters (so the
    comparison agrees with the cards and tiles beside it); computed once, labelled per language."""
    model, frames = _persona_model(), _filtered()
    numbers = _derive(_persona_comparison_of, model, frames)
    return _derive(_comparison_in, numbers, model, frames, lang()).value
