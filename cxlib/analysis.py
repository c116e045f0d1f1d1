"""The one analysis pipeline: validated tables + settings -> personas, journey and one JSON-ready document.

Its steps (:func:`fit_personas`, :func:`default_journey`, :func:`document_from_results`) are what the CLI
``analyze`` and ``report`` run through :func:`run_analysis`, and what the app runs one by one (each
cached on its own inputs, with the visitor's choices). A section the data cannot support is ``None``
with the reason in ``notes``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from cxlib.errors import CxError
from cxlib.findings import findings_from_document
from cxlib.i18n import t
from cxlib.intake import LoadedTable, link_tables, prepare_table
from cxlib.periods import period_comparisons
from cxlib.reading import read_files
from cxlib.tables import ValidatedTable


@dataclass(frozen=True)
class AnalysisSettings:
    """Choices a user can make; the defaults are what the app starts with."""

    n_personas: int | None = None
    persona_features: tuple[str, ...] | None = None
    random_state: int = 0
    kpi: object | None = field(default=None)  # cxlib.kpis.KpiSettings; None = its defaults
    value: object | None = field(default=None)  # cxlib.value.section.ValueSettings; None = its defaults
    #: (touchpoint, owner) pairs from a mapping profile: the department that owns each touchpoint.
    journey_owners: tuple[tuple[str, str], ...] = ()


def load_files(
    files: Mapping[str, str | None],
    *,
    sheets: Mapping[str, str | None] | None = None,
    lang: str | None = None,
    choices: Mapping[str, Mapping] | None = None,
) -> dict[str, LoadedTable]:
    """Load every given file as its table, then link survey/transactions to the customers.

    The files are read side by side (:func:`cxlib.reading.read_files`), then mapped and validated in the
    order customers, survey, transactions; a file that cannot be read raises its ``CxError`` first.

    ``choices`` per table (from :func:`cxlib.mapping_profile.table_choice`): ``sheet_hint``, ``roles``,
    ``corrections`` and ``overrides``; a sheet given in ``sheets`` wins over the profile's hint.
    The tables are language-neutral (``lang`` is ignored, kept for older callers).
    """
    sheets = sheets or {}
    paths = {table: files[table] for table in ("customers", "survey", "transactions") if files.get(table)}
    if not paths:
        raise CxError("error.no_input")
    read = read_files(paths)  # side by side: workbook parsing releases the GIL
    loaded: dict[str, LoadedTable] = {}
    for table, path in paths.items():
        choice = dict((choices or {}).get(table) or {})
        loaded[table] = prepare_table(
            read[table],
            table=table,  # type: ignore[arg-type]
            file=Path(path).name,
            sheet=sheets.get(table),
            sheet_hint=choice.get("sheet_hint"),
            roles=choice.get("roles"),
            corrections=choice.get("corrections"),
            overrides=choice.get("overrides"),
        )
    link_tables(loaded)
    return loaded


def inputs_section(loaded: Mapping[str, LoadedTable], *, lang: str = "en") -> dict:
    """The ``inputs`` section: per table file, sheet, row counts, rules, mapping, notes and what each
    column was understood to mean (``columns``, see :class:`cxlib.tables.ColumnMeaning`); its texts
    (rule messages, notes) in ``lang``."""
    section = {}
    for table, item in loaded.items():
        validated = item.validated
        section[table] = validated.report.to_dict(lang)
        section[table]["columns"] = {
            name: meaning.to_dict(lang) for name, meaning in validated.columns.items()
        }
    return section


def survey_touchpoints(survey: ValidatedTable | None) -> tuple[pd.DataFrame | None, list[str]]:
    """The survey in wide shape and its touchpoint columns (long-format surveys are pivoted)."""
    if survey is None:
        return None, []
    from cxlib.long_format import is_long, long_to_wide

    if is_long(survey.data):
        return long_to_wide(survey.data)
    return survey.data, list(survey.touchpoints)


def tile_comparisons(customers: pd.DataFrame | None, survey: pd.DataFrame | None, kpi_settings) -> dict:
    """``kpis.comparisons``: NPS and churn against the comparison period, over the tiles' windows (the
    period and comparison chosen in ``kpi_settings``)."""
    from cxlib.periods import Period

    return period_comparisons(
        customers,
        survey,
        as_of=kpi_settings.as_of,
        nps_months=kpi_settings.nps_period_months,
        churn_months=kpi_settings.churn_period_months,
        period=Period(kpi_settings.window, kpi_settings.comparison),
    )


def fit_personas(
    customers: pd.DataFrame,
    survey: pd.DataFrame | None,
    touchpoints: Sequence[str],
    *,
    settings: AnalysisSettings = AnalysisSettings(),
):
    """The persona step: k-means personas of the customers (raises CxError when they cannot be built).

    The model is language-neutral (words come from :mod:`cxlib.personas.wording` at the edge)."""
    from cxlib.personas import PersonaModel

    return PersonaModel(
        n_personas=settings.n_personas,
        features=list(settings.persona_features) if settings.persona_features else None,
        random_state=settings.random_state,
    ).fit(customers, survey, touchpoints=touchpoints)


def default_journey(
    survey: pd.DataFrame | None,
    touchpoints: Sequence[str],
    *,
    lang: str | None = "en",
    owners: Mapping[str, str] | None = None,
):
    """The journey step with the guessed phases and the given owners; None without touchpoints (raises
    CxError without ratings)."""
    from cxlib.journey import build_journey, default_spec

    if survey is None or not touchpoints:
        return None
    spec = replace(default_spec(survey, list(touchpoints)), owners=dict(owners or {}))
    return build_journey(survey, spec, lang=lang)


def assumptions_section(tables: Mapping[str, ValidatedTable]) -> list[dict]:
    """The JSON ``assumptions`` list: every inferred assumption figures rest on (money period, age
    from birth dates …), as language-neutral ``{"table", "column", "code", "params"}`` entries."""
    from cxlib.assumptions import assumptions_of

    return [
        {"table": name, **entry} for name, table in tables.items() for entry in assumptions_of(table.columns)
    ]


def document_from_results(
    *,
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    model: object | None,
    journey: object | None,
    settings: object | None = None,
    inputs: dict | None = None,
    notes: Sequence[str] = (),
    lang: str | None = "en",
    tables: Mapping[str, ValidatedTable] | None = None,
    comparisons: dict | None = None,
) -> dict:
    """The analysis document from the steps' results: ``inputs``, ``kpis``, ``personas``, ``journey``,
    ``notes``, ``assumptions`` (with ``tables``) and ``findings`` — the one assembler behind the CLI, the
    reports and the app.

    ``lang=None`` leaves the KPI notes and the findings' texts as :class:`~cxlib.messages.Message`s
    (render the document with :func:`cxlib.document_text.render_document`); ``comparisons`` replaces
    the period comparisons computed from ``customers`` and ``survey`` (the app computes them on the data
    before its date filter, as the tiles do).
    """
    from cxlib.journey import journey_section
    from cxlib.kpis import KpiSettings, kpi_section
    from cxlib.personas import personas_section

    kpi_settings = settings or KpiSettings()
    document: dict = {} if inputs is None else {"inputs": inputs}
    document["kpis"] = kpi_section(customers, survey, settings=kpi_settings, lang=lang)
    document["kpis"]["comparisons"] = (
        tile_comparisons(customers, survey, kpi_settings) if comparisons is None else comparisons
    )
    document["personas"] = None if model is None else personas_section(model, lang=lang)
    if journey is not None:  # the outcome lets findings say "driver of recommendation"
        document["journey"] = {**journey_section(journey), "outcome": journey.outcome}
    else:
        document["journey"] = None
    document["notes"] = list(notes)
    if tables is not None:
        document["assumptions"] = assumptions_section(tables)
    document["currency"] = getattr(kpi_settings, "currency", "EUR")  # of the money figures (not converted)
    document["findings"] = [finding.to_dict() for finding in findings_from_document(document, lang=lang)]
    return document


@dataclass
class Analysis:
    """Everything one run of the pipeline produced: the JSON-ready document and the objects behind it."""

    document: dict
    tables: dict[str, ValidatedTable]
    model: object | None = None
    journey: object | None = None
    voices: object | None = None  # cxlib.voices.section.Voices


def run_analysis(
    tables: Mapping[str, ValidatedTable],
    *,
    settings: AnalysisSettings = AnalysisSettings(),
    inputs: dict | None = None,
    lang: str = "en",
) -> Analysis:
    """The pipeline: personas, journey and the document for validated tables.

    A step the data cannot support leaves its section ``None`` with the reason in ``notes``; only
    problems with the files themselves raise :class:`CxError`. The CLI ``analyze`` and ``report`` both
    run exactly this.
    """
    from cxlib.personas import persona_labels

    tables = _with_transaction_customers(tables)
    customers = tables["customers"].data if "customers" in tables else None
    survey, touchpoints = survey_touchpoints(tables.get("survey"))
    notes: list[str] = []
    model = journey = None
    if customers is None:
        notes.append(t("note.personas_need_customers", lang))
    else:
        try:
            persona_settings = settings
            if not settings.persona_features and (features := buyer_persona_features(tables)):
                persona_settings = replace(settings, persona_features=features)
            model = fit_personas(customers, survey, touchpoints, settings=persona_settings)
        except CxError as error:  # too few customers or no usable trait: the rest still stands
            notes.append(error.message(lang))
    if survey is None or not touchpoints:
        notes.append(t("note.journey_needs_touchpoints", lang))
    else:
        try:
            journey = default_journey(survey, touchpoints, lang=lang, owners=dict(settings.journey_owners))
        except CxError as error:  # e.g. touchpoint columns without a single rating
            notes.append(error.message(lang))
    voices = voices_step(customers, survey, touchpoints, model, lang=lang)
    if voices is None and survey is not None:
        notes.append(t("voices.note.no_comment_column", lang))
    document = document_from_results(
        customers=customers,
        survey=survey,
        model=model,
        journey=journey,
        settings=settings.kpi,
        inputs=inputs,
        notes=notes,
        lang=lang,
        tables=tables,
    )
    persona_of = None if model is None else persona_labels(model, lang)
    document["value"] = value_document(
        tables, settings=settings.value, kpis=document["kpis"], persona_of=persona_of, lang=lang
    )
    if document["value"] is None:
        document["notes"].append(t(_value_missing_note(tables), lang))
    document = with_voices(document, voices, lang=lang)
    return Analysis(document, dict(tables), model, journey, voices)


# --- voices of the customer (issue 14) ---


def voices_step(
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    touchpoints: Sequence[str],
    model: object | None,
    *,
    lang: str = "en",
):
    """The voices step: themes, tone, outcomes and follow-up list of the comments (None without a
    comment column). Personas (named in ``lang``) and CLV (when known) mark the follow-up list and the
    persona themes."""
    from cxlib.personas import persona_labels
    from cxlib.voices.follow_up import clv_by_customer
    from cxlib.voices.section import build_voices

    persona_of = None if model is None else persona_labels(model, lang)
    return build_voices(
        survey, touchpoints=list(touchpoints), persona_of=persona_of, clv=clv_by_customer(customers, survey)
    )


def with_voices(document: dict, voices, *, lang: str = "en") -> dict:
    """The document with its ``voices`` section (None without comments) placed before notes and findings."""
    from cxlib.voices.section import voices_section

    section = None if voices is None else voices_section(voices, lang=lang)
    head = {key: value for key, value in document.items() if key not in ("notes", "findings")}
    tail = {key: document[key] for key in ("notes", "findings") if key in document}
    return {**head, "voices": section, **tail}


def analyze_tables(
    tables: Mapping[str, ValidatedTable], *, settings: AnalysisSettings = AnalysisSettings(), lang: str = "en"
) -> dict:
    """The analysis document (KPIs, personas, journey, notes, findings) for validated tables."""
    return run_analysis(tables, settings=settings, lang=lang).document


def analyze_loaded(
    loaded: Mapping[str, LoadedTable], *, settings: AnalysisSettings = AnalysisSettings(), lang: str = "en"
) -> Analysis:
    """The pipeline for loaded files, with their ``inputs`` section first in the document."""
    tables = {name: item.validated for name, item in loaded.items()}
    return run_analysis(tables, settings=settings, inputs=inputs_section(loaded, lang=lang), lang=lang)


def analyze_files(
    files: Mapping[str, str | None],
    *,
    sheets: Mapping[str, str | None] | None = None,
    lang: str = "en",
    settings: AnalysisSettings = AnalysisSettings(),
    choices: Mapping[str, Mapping] | None = None,
) -> dict:
    """The CLI's document for files on disk: ``inputs``, the sections, ``notes`` and ``findings``."""
    loaded = load_files(files, sheets=sheets, choices=choices)
    return analyze_loaded(loaded, settings=settings, lang=lang).document


# --- value: customer value from the transaction table (cxlib.value) ---------------------------------


def _with_transaction_customers(tables: Mapping[str, ValidatedTable]) -> dict[str, ValidatedTable]:
    """The buyers as customers when there is no customer table; missing customer columns filled."""
    from cxlib.value.customers import with_transaction_customers

    return with_transaction_customers(tables)


def buyer_persona_features(
    tables: Mapping[str, ValidatedTable], lang: str | None = None
) -> tuple[str, ...] | None:
    """RFM/value traits for personas of buyers (no customer table): purchases, revenue, tenure, recency
    (language-neutral column names; ``lang`` is ignored)."""
    from cxlib.value.customers import RECENCY_COLUMN, is_from_transactions

    customers = tables.get("customers")
    if customers is None or not is_from_transactions(customers):
        return None
    return ("orders", "revenue", "tenure", RECENCY_COLUMN)


def _value_missing_note(tables: Mapping[str, ValidatedTable]) -> str:
    if "transactions" not in tables:
        return "note.value_needs_transactions"
    if "date" not in tables["transactions"].data:  # e.g. Instacart: order numbers and days between orders
        return "note.value_no_date"
    return "note.value_no_purchases"


def value_result(tables: Mapping[str, ValidatedTable], *, settings: object | None = None):
    """The customer value result (cxlib.value.section.ValueResult) for the transaction table, or None."""
    from cxlib.value.section import ValueSettings, analyze_value

    transactions = tables.get("transactions")
    if transactions is None or transactions.data.empty or "date" not in transactions.data:
        return None
    return analyze_value(transactions.data, settings=settings or ValueSettings())


def value_document(
    tables: Mapping[str, ValidatedTable],
    *,
    settings: object | None = None,
    kpis: dict | None = None,
    persona_of: pd.Series | None = None,
    lang: str = "en",
    result: object | None = None,
) -> dict | None:
    """The ``value`` section (None without a usable transaction table), with CLV per persona when
    ``persona_of`` (customer_id → persona name) is given."""
    from cxlib.value.section import value_section

    result = result if result is not None else value_result(tables, settings=settings)
    churn = (kpis or {}).get("churn_rate") or {}
    section = value_section(result, lang=lang, churn_rate=churn.get("value"))
    if section is not None:
        section["notes"] = _customer_table_notes(tables, lang) + section["notes"]
    if section is not None and persona_of is not None:
        section["personas"] = value_per_persona(result, persona_of)
    return section


def _customer_table_notes(tables: Mapping[str, ValidatedTable], lang: str) -> list[str]:
    """What the customer table took from the transactions (buyers as customers, filled columns)."""
    from cxlib.value.customers import FILLABLE, is_from_transactions

    customers = tables.get("customers")
    if customers is None:
        return []
    if is_from_transactions(customers):
        return [t("value.note.customers_from_transactions", lang, n=len(customers.data))]
    filled = [
        column
        for column in FILLABLE
        if column in customers.columns
        and any(e.code == "from_transactions" for e in customers.columns[column].evidence)
    ]
    if not filled:
        return []
    labels = ", ".join(t(f"role.{column}", lang) for column in filled)
    return [t("value.note.filled_from_transactions", lang, columns=labels)]


def value_per_persona(result, persona_of: pd.Series) -> dict:
    """Per persona: buyers, mean CLV and mean P(active) (None where the model gives none)."""
    frame = result.customers
    persona = persona_of.copy()
    persona.index = persona.index.astype(str)
    joined = frame.join(persona.rename("persona"), how="inner")
    out = {}
    for name, rows in joined.groupby("persona", sort=True):
        out[str(name)] = {
            "buyers": len(rows),
            "clv_mean": float(rows["clv"].mean()) if "clv" in rows and rows["clv"].notna().any() else None,
            "p_alive_mean": float(rows["p_alive"].mean()) if "p_alive" in rows else None,
        }
    return out
