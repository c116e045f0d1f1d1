"""The whole analysis as one JSON-ready document: inputs, KPIs, personas, journey.

The CLI prints this document; the app shows the same numbers, computed by the same functions.
A section the data cannot support is ``None`` with a plain reason in ``notes``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from cxlib.errors import CxError
from cxlib.findings import findings_from_document, period_comparisons
from cxlib.i18n import t
from cxlib.intake import LoadedTable, link_tables, load_table
from cxlib.tables import ValidatedTable


@dataclass(frozen=True)
class AnalysisSettings:
    """Choices a user can make; the defaults are what the app starts with."""

    n_personas: int | None = None
    persona_features: tuple[str, ...] | None = None
    random_state: int = 0
    kpi: object | None = field(default=None)  # cxlib.kpis.KpiSettings; None = its defaults


def load_files(
    files: Mapping[str, str | None], *, sheets: Mapping[str, str | None] | None = None, lang: str = "en"
) -> dict[str, LoadedTable]:
    """Load every given file as its table, then link survey/transactions to the customers."""
    sheets = sheets or {}
    loaded: dict[str, LoadedTable] = {}
    for table in ("customers", "survey", "transactions"):
        path = files.get(table)
        if path:
            loaded[table] = load_table(path, table=table, sheet=sheets.get(table), lang=lang)  # type: ignore[arg-type]
    if not loaded:
        raise CxError("error.no_input")
    link_tables(loaded, lang=lang)
    return loaded


def inputs_section(loaded: Mapping[str, LoadedTable]) -> dict:
    """The ``inputs`` section: per table file, sheet, row counts, rules and mapping."""
    return {table: item.validated.report.to_dict() for table, item in loaded.items()}


def survey_touchpoints(survey: ValidatedTable | None) -> tuple[pd.DataFrame | None, list[str]]:
    """The survey in wide shape and its touchpoint columns (long-format surveys are pivoted)."""
    if survey is None:
        return None, []
    if "touchpoint" in survey.data and "score" in survey.data:
        from cxlib.journey import long_to_wide

        return long_to_wide(survey.data)
    return survey.data, list(survey.touchpoints)


def _comparisons(customers: pd.DataFrame | None, survey: pd.DataFrame | None, kpi_settings) -> dict:
    """``kpis.comparisons``: NPS and churn against the period before, over the tiles' windows."""
    return period_comparisons(
        customers,
        survey,
        as_of=kpi_settings.as_of,
        nps_months=kpi_settings.nps_period_months,
        churn_months=kpi_settings.churn_period_months,
    )


def analyze_tables(
    tables: Mapping[str, ValidatedTable], *, settings: AnalysisSettings = AnalysisSettings(), lang: str = "en"
) -> dict:
    """KPIs, personas and journey sections for validated tables."""
    from cxlib.journey import build_journey, default_spec, journey_section
    from cxlib.kpis import KpiSettings, kpi_section
    from cxlib.personas import PersonaModel, personas_section

    customers = tables["customers"].data if "customers" in tables else None
    survey, touchpoints = survey_touchpoints(tables.get("survey"))
    notes: list[str] = []
    kpi_settings = settings.kpi or KpiSettings()
    document: dict = {"kpis": kpi_section(customers, survey, settings=kpi_settings, lang=lang)}
    document["kpis"]["comparisons"] = _comparisons(customers, survey, kpi_settings)
    if customers is not None:
        try:
            model = PersonaModel(
                n_personas=settings.n_personas,
                features=settings.persona_features,
                random_state=settings.random_state,
                lang=lang,
            ).fit(customers, survey, touchpoints=touchpoints)
            document["personas"] = personas_section(model)
        except CxError as error:  # too few customers or no usable trait: the rest still stands
            document["personas"] = None
            notes.append(error.message(lang))
    else:
        document["personas"] = None
        notes.append(t("note.personas_need_customers", lang))
    if survey is not None and touchpoints:
        try:
            result = build_journey(survey, default_spec(survey, touchpoints), lang=lang)
            document["journey"] = {**journey_section(result), "outcome": result.outcome}
        except CxError as error:  # e.g. touchpoint columns without a single rating
            document["journey"] = None
            notes.append(error.message(lang))
    else:
        document["journey"] = None
        notes.append(t("note.journey_needs_touchpoints", lang))
    document["notes"] = notes
    return document


def document_from_results(
    *,
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    model: object | None,
    journey: object | None,
    settings: object | None = None,
    inputs: dict | None = None,
    lang: str = "en",
) -> dict:
    """The analysis document from results already computed (the app's cached persona model and journey).

    Gives the same ``kpis``, ``personas``, ``journey`` sections as :func:`analyze_tables`, so the
    Summary page's findings and the exported reports match the CLI.
    """
    from cxlib.journey import journey_section
    from cxlib.kpis import KpiSettings, kpi_section
    from cxlib.personas import personas_section

    document: dict = {} if inputs is None else {"inputs": inputs}
    document["kpis"] = kpi_section(customers, survey, settings=settings or KpiSettings(), lang=lang)
    document["kpis"]["comparisons"] = _comparisons(customers, survey, settings or KpiSettings())
    document["personas"] = None if model is None else personas_section(model)
    if journey is not None:  # the outcome lets findings say "driver of recommendation"
        document["journey"] = {**journey_section(journey), "outcome": journey.outcome}
    else:
        document["journey"] = None
    return document


def analyze_files(
    files: Mapping[str, str | None],
    *,
    sheets: Mapping[str, str | None] | None = None,
    lang: str = "en",
    settings: AnalysisSettings = AnalysisSettings(),
) -> dict:
    """The CLI's document for files on disk, with the ``findings`` ({text, value, source}) at the end."""
    loaded = load_files(files, sheets=sheets, lang=lang)
    document = {"inputs": inputs_section(loaded)}
    document.update(
        analyze_tables({name: item.validated for name, item in loaded.items()}, settings=settings, lang=lang)
    )
    document["findings"] = [finding.to_dict() for finding in findings_from_document(document, lang=lang)]
    return document
