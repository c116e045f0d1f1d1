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


def browser_language() -> str:
    """ "de" for German browsers, else "en" (``st.context.locale``, e.g. "de-DE")."""
    locale = (getattr(st.context, "locale", None) or "en").lower()
    return "de" if locale.startswith("de") else "en"


def init_state() -> None:
    """Session defaults, set once per session from the entry file."""
    st.session_state.setdefault(LANG, browser_language())
    st.session_state.setdefault(SOURCE, "demo")
    st.session_state.setdefault(UPLOADS, {})
    st.session_state.setdefault(CHOICES, {})
    st.session_state.setdefault(REJECTED, {})
    st.session_state.setdefault(FILTERS, {})
    st.session_state.setdefault(KPI_SETTINGS, {})
    st.session_state.setdefault(PERSONA_K, None)
    st.session_state.setdefault(PERSONA_FEATURES, None)
    st.session_state.setdefault(PRESENTATION, False)
    st.session_state.setdefault(JOURNEY_TABLE, {})
    st.session_state.setdefault(JOURNEY_OPTIONS, {"outcome": "recommend", "by_persona": False})


INTENDED_PAGE = "intended_page"  # the page a deep link asked for, while it is routed through app.py


def require_router(page: str) -> None:
    """Send a visit that skipped app.py through it, remembering which page was asked for.

    On a fresh server, Streamlit treats a deep link (e.g. a reload of /journey) the legacy way because a
    ``pages/`` folder exists: it runs the page file without the entry file. Such a session has none of
    our defaults yet; switching to app.py runs ``st.navigation``, which turns the legacy mode off for good,
    and app.py then opens the page that was asked for (:func:`take_intended_page`).
    """
    if LANG not in st.session_state:
        st.session_state[INTENDED_PAGE] = page
        st.switch_page("app.py")


def take_intended_page() -> str | None:
    """The page a deep link asked for (once), or None."""
    return st.session_state.pop(INTENDED_PAGE, None)


def lang() -> str:
    """The UI language ("en" or "de")."""
    value = st.session_state.get(LANG, "en")
    return value if value in LANGUAGES else "en"


def set_lang(value: str) -> None:
    st.session_state[LANG] = value if value in LANGUAGES else "en"


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
def _prepare(
    digest: str, filename: str, table: str, choice_key: str, language: str, _content: bytes
) -> LoadedTable:
    choice = json.loads(choice_key)
    sheets = _read_sheets(digest, filename, _content)
    return prepare_table(
        sheets,
        table=table,
        file=filename,
        sheet=choice.get("sheet"),
        roles=choice.get("roles"),
        lang=language,
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
    parts = [
        f"{table}:{upload.digest}:{_choice_key(table)}" for table, upload in sorted(current_uploads().items())
    ]
    return hashlib.sha256("|".join([*parts, lang()]).encode()).hexdigest()


def _try_prepare(table: str, upload: Upload, choice: dict) -> CxError | None:
    try:
        _prepare(
            upload.digest, upload.name, table, json.dumps(choice, sort_keys=True), lang(), upload.content
        )
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
    st.session_state[FILTERS] = {}


# --- shared filters and settings ---


def current_filters():
    """The filters shared by all analysis pages (period, region, segment, persona)."""
    from cxlib.filters import Filters

    return st.session_state.get(FILTERS, {}).get(fingerprint()) or Filters()


def set_filters(filters) -> None:
    st.session_state[FILTERS] = {fingerprint(): filters}


def filter_options() -> dict:
    """Regions, segments, date range and persona names the filters can offer for the data in use."""
    from cxlib.filters import filter_options as options_of

    tables = validated_tables()
    customers = tables["customers"].data if "customers" in tables else None
    survey, _ = survey_frame()
    options = options_of(customers, survey)
    labels = persona_labels()
    options["personas"] = [] if labels is None else sorted(labels.dropna().unique().tolist())
    return options


def kpi_settings():
    """The KPI/CLV settings chosen on the Overview page (defaults until changed)."""
    from cxlib.clv import ClvSettings
    from cxlib.kpis import KpiSettings

    chosen = st.session_state.get(KPI_SETTINGS, {})
    clv = ClvSettings(
        **{
            key: chosen[key]
            for key in ("discount_rate", "margin_rate", "acquisition_cost", "horizon_years")
            if key in chosen
        }
    )
    return KpiSettings(clv=clv, nps_period_months=chosen.get("nps_period_months", 3))


def set_kpi_settings(**values: object) -> None:
    st.session_state[KPI_SETTINGS] = {**st.session_state.get(KPI_SETTINGS, {}), **values}


def persona_choice() -> tuple[int | None, tuple[str, ...] | None]:
    """The number of personas and the features chosen by hand (None = automatic)."""
    features = st.session_state.get(PERSONA_FEATURES)
    return st.session_state.get(PERSONA_K), tuple(features) if features else None


def set_persona_choice(k: int | None, features: list[str] | None) -> None:
    st.session_state[PERSONA_K] = k
    st.session_state[PERSONA_FEATURES] = features


# --- derived results (cached by data fingerprint and parameters, per session) ---


@st.cache_data(max_entries=8, scope="session", show_spinner=False)
def _persona_model(
    key: str, k: int | None, features: tuple | None, language: str, _customers, _survey, _touchpoints
):
    from cxlib.personas import PersonaModel

    model = PersonaModel(
        n_personas=k, features=list(features) if features else None, random_state=0, lang=language
    )
    return model.fit(_customers, _survey, touchpoints=_touchpoints)


def survey_frame():
    """The survey in wide shape and its touchpoint columns (None, [] without a survey)."""
    from cxlib.analysis import survey_touchpoints

    return survey_touchpoints(validated_tables().get("survey"))


def persona_model():
    """The fitted persona model for the data in use, or None (no customer table, or too little data:
    see :func:`persona_problem`)."""
    tables = validated_tables()
    if "customers" not in tables:
        return None
    survey, touchpoints = survey_frame()
    k, features = persona_choice()
    try:
        return _persona_model(
            fingerprint(), k, features, lang(), tables["customers"].data, survey, touchpoints
        )
    except CxError:
        return None


def persona_problem() -> str | None:
    """Why there are no personas, in the UI language (None when there are, or no customer table)."""
    tables = validated_tables()
    if "customers" not in tables:
        return tr("note.personas_need_customers")
    survey, touchpoints = survey_frame()
    k, features = persona_choice()
    try:
        _persona_model(fingerprint(), k, features, lang(), tables["customers"].data, survey, touchpoints)
    except CxError as error:
        return error.message(lang())
    return None


def persona_labels():
    """Persona name per customer_id (None without personas)."""
    model = persona_model()
    return None if model is None else model.embedding_.set_index("customer_id")["persona"]


@st.cache_data(max_entries=16, scope="session", show_spinner=False)
def _filtered(key: str, filters_key: str, _filters, _customers, _survey, _persona_of):
    from cxlib.filters import apply_filters

    return apply_filters(_customers, _survey, _filters, persona_of=_persona_of)


def filtered_frames():
    """(customers, survey) DataFrames with the shared filters applied (either may be None)."""
    tables = validated_tables()
    customers = tables["customers"].data if "customers" in tables else None
    survey, _ = survey_frame()
    filters = current_filters()
    persona_of = persona_labels() if filters.personas else None
    return _filtered(fingerprint(), repr(filters), filters, customers, survey, persona_of)


@st.cache_data(max_entries=16, scope="session", show_spinner=False)
def _kpi_tiles(key: str, filters_key: str, settings_key: str, language: str, _customers, _survey, _settings):
    from cxlib.kpis import kpi_tiles

    return kpi_tiles(_customers, _survey, settings=_settings, lang=language)


def kpi_tiles():
    """The Overview tiles for the filtered data and the chosen settings."""
    customers, survey = filtered_frames()
    settings = kpi_settings()
    return _kpi_tiles(
        fingerprint(), repr(current_filters()), repr(settings), lang(), customers, survey, settings
    )


# --- journey ---


def journey_editor_table():
    """The phase editor's table for the data in use (the visitor's edits, else the guessed spec)."""
    from cxlib.journey import default_spec
    from cxlib.journey_editor import editor_table

    edited = st.session_state.get(JOURNEY_TABLE, {}).get(fingerprint())
    if edited is not None:
        return edited
    survey, touchpoints = survey_frame()
    if survey is None or not touchpoints:
        return None
    return editor_table(default_spec(survey, touchpoints), touchpoints)


def set_journey_editor_table(table) -> None:
    st.session_state[JOURNEY_TABLE] = {fingerprint(): table}


def journey_options() -> dict:
    return dict(st.session_state.get(JOURNEY_OPTIONS, {}))


def set_journey_options(**values: object) -> None:
    st.session_state[JOURNEY_OPTIONS] = {**journey_options(), **values}


@st.cache_data(max_entries=16, scope="session", show_spinner=False)
def _journey(
    key: str,
    filters_key: str,
    spec_key: str,
    outcome: str,
    by_persona: bool,
    language: str,
    _survey,
    _spec,
    _group,
):
    from cxlib.journey import build_journey

    return build_journey(_survey, _spec, outcome=outcome, group=_group, lang=language)


def journey_result():
    """The journey for the filtered survey and the edited spec (None without touchpoints or ratings,
    e.g. when a filter leaves no answers: see :func:`journey_problem`)."""
    try:
        return _journey_for_current_data()
    except CxError:
        return None


def journey_problem() -> str | None:
    """Why there is no journey for the data in use, in the UI language (None when there is one)."""
    try:
        result = _journey_for_current_data()
    except CxError as error:
        return error.message(lang())
    return None if result is not None else tr("journey.page.no_touchpoints")


def _journey_for_current_data():
    from cxlib.journey_editor import spec_from_table

    table = journey_editor_table()
    _, survey = filtered_frames()
    if table is None or survey is None:
        return None
    spec = spec_from_table(table)
    if not spec.touchpoints:
        return None
    options = journey_options()
    group = None
    if options.get("by_persona") and "customer_id" in survey:
        labels = persona_labels()
        group = None if labels is None else survey["customer_id"].map(labels)
    return _journey(
        fingerprint(),
        repr(current_filters()),
        repr(spec),
        options.get("outcome", "recommend"),
        group is not None,
        lang(),
        survey,
        spec,
        group,
    )


def start_presenting() -> None:
    st.session_state[PRESENTATION] = True


def stop_presenting() -> None:
    st.session_state[PRESENTATION] = False


def is_presenting() -> bool:
    """True in presentation mode (controls hidden, large type)."""
    return bool(st.session_state.get(PRESENTATION, False))


@st.cache_data(max_entries=16, scope="session", show_spinner=False)
def _overview_charts(
    key: str, filters_key: str, settings_key: str, language: str, _customers, _survey, _settings
):
    from cxlib.overview import overview_charts as charts_of

    return charts_of(_customers, _survey, settings=_settings, lang=language)


def overview_charts() -> dict:
    """The Overview charts for the filtered data and the chosen settings."""
    customers, survey = filtered_frames()
    settings = kpi_settings()
    return _overview_charts(
        fingerprint(), repr(current_filters()), repr(settings), lang(), customers, survey, settings
    )


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


def _inputs_section() -> dict:
    return {table: item.validated.report.to_dict() for table, item in loaded_tables().items()}


@st.cache_data(max_entries=8, scope="session", show_spinner=False)
def _document(
    key: str,
    filters_key: str,
    settings_key: str,
    persona_key: str,
    journey_key: str,
    language: str,
    _customers,
    _survey,
    _model,
    _journey,
    _settings,
    _inputs,
) -> dict:
    from cxlib.analysis import document_from_results
    from cxlib.findings import findings_from_document

    document = document_from_results(
        customers=_customers,
        survey=_survey,
        model=_model,
        journey=_journey,
        settings=_settings,
        inputs=_inputs,
        lang=language,
    )
    document["findings"] = [finding.to_dict() for finding in findings_from_document(document, lang=language)]
    return document


def analysis_document() -> dict:
    """The analysis document (inputs, KPIs, personas, journey, findings) for the filtered data in use."""
    customers, survey = filtered_frames()
    settings = kpi_settings()
    return _document(
        fingerprint(),
        repr(current_filters()),
        repr(settings),
        repr(persona_choice()),
        repr(journey_options()) + repr(st.session_state.get(JOURNEY_TABLE, {}).get(fingerprint())),
        lang(),
        customers,
        survey,
        persona_model(),
        journey_result(),
        settings,
        _inputs_section(),
    )


def findings() -> list[dict]:
    """The Summary page's findings: {text, value, source}, most important first."""
    return analysis_document().get("findings", [])


def report_makers():
    """Zero-argument functions that build the Excel report and the PDF summary of the analysis in use.

    Everything they need is read now, while the page renders: Streamlit calls deferred download data
    in a background thread, where session state and session-scoped caches are out of reach.
    """
    from cxlib.personas import assignment_table
    from cxlib.report import excel_report, pdf_summary

    document, tables, model, language = analysis_document(), validated_tables(), persona_model(), lang()

    def workbook() -> bytes:
        assignment = None if model is None else assignment_table(model, tables["customers"].data)
        return excel_report(document, tables=tables, assignment=assignment, lang=language)

    def one_pager() -> bytes:
        return pdf_summary(document, lang=language)

    return workbook, one_pager
