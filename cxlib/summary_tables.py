"""Tables that summarise groups instead of listing customers or answers.

A pivot table ("Region | Jan | Feb | … | Gesamt"), a segment report ("Segment | Customers | Revenue |
Churn rate"), a survey report ("Touchpoint | n | Mittelwert | % Top-2") or a frequency table
("Antwort | Anzahl | Prozent") has one row per group: its rows are no customers and no answers. Counted
as such they give "customers" numbered by their row, personas of regions and an NPS of averages. Such a
table is recognised by its shape: few rows, a first column naming a different group on every row, and
number columns that are periods or aggregate figures (counts, shares, averages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from cxlib.examples import quoted_examples
from cxlib.parsing import guess_decimal, parse_numbers
from cxlib.reading import is_period_label
from cxlib.scales import LIKERT_WORDS, has_term, words_of

__all__ = ["MAX_GROUPS", "SummaryShape", "summary_shape"]

#: A summary lists a handful of groups; a table with more rows than this is taken as records.
MAX_GROUPS = 60
#: Share of a column's filled cells that must read as numbers for it to be a figure column.
_NUMBER_SHARE = 0.8

#: Headers of a column that names a group of customers, a period or a question: the label column of a
#: summary. English and German, as words of :func:`cxlib.scales.words_of`.
_GROUP_WORDS = (
    "region", "regionen", "gebiet", "vertriebsgebiet", "bezirk", "land", "laender", "country", "countries",
    "state", "bundesland", "city", "stadt", "ort", "filiale", "branch", "store", "standort", "markt",
    "market",
    "segment", "kundensegment", "segmente", "gruppe", "group", "kundengruppe", "zielgruppe", "kategorie",
    "category", "klasse", "class", "kundenklasse", "typ", "type", "kanal", "channel", "vertriebskanal",
    "produkt", "product", "produktgruppe", "sparte", "abteilung", "department", "monat", "month", "quartal",
    "quarter", "jahr", "year", "woche", "week", "kw", "periode", "period", "zeitraum", "altersgruppe",
    "age group", "tarif", "plan", "cohort", "kohorte", "touchpoint", "kontaktpunkt", "frage", "question",
    "item", "aussage", "statement", "merkmal", "attribut", "attribute", "antwort", "answer", "antwortoption",
    "option", "auspraegung", "kriterium", "criterion", "dimension", "kpi", "kennzahl", "metric", "measure",
    "value", "wert", "skalenwert", "score",
)  # fmt: skip
#: Headers of a figure about a group: counts, shares, averages, spreads, sums.
_MEASURE_WORDS = (
    "anzahl", "count", "counts", "n", "number of", "haeufigkeit", "haeufigkeiten", "frequency", "freq",
    "anteil", "share", "prozent", "percent", "percentage", "pct", "quote", "rate", "ratio", "avg", "average",
    "mean", "mittelwert", "durchschnitt", "durchschnittlich", "median", "std", "sd", "standardabweichung",
    "std dev", "varianz", "min", "max", "summe", "sum", "total", "gesamt", "top 2", "top2", "top box",
    "top 2 box", "bottom 2", "bottom box", "bottom 2 box", "kumuliert", "kumulierte", "cumulative",
    "gueltige", "valid", "basis", "base", "fallzahl", "befragte", "respondents", "responses", "antworten",
    "customers", "kunden", "kundenzahl",
)  # fmt: skip
#: Signs of a figure about a group written in the header: "% Top-2", "Ø Zufriedenheit".
_MEASURE_SIGNS = re.compile(r"%|ø|Ø|⌀|\bn\s*=")
#: Headers of a label column that lists people or records, never groups.
_RECORD_WORDS = (
    "kunde", "kunden", "customer", "client", "name", "vorname", "nachname", "firma", "company", "account",
    "kontakt", "contact", "email", "e mail", "mail", "person", "mitglied", "member", "teilnehmer",
    "respondent", "id", "nr", "nummer", "number", "unternehmen", "organisation", "organization", "partner",
    "haendler", "dealer", "mandant", "patient", "gast", "guest", "user", "nutzer", "abonnent", "subscriber",
    "lead", "kundenname", "praxis", "shop",
)  # fmt: skip
#: Extra period headers the reader's group labels miss: "2024-01", "01/2024", "KW 12", "Jan.-Mär.".
_PERIOD = re.compile(
    r"^(?:(?:19|20)\d\d[-/.]\d{1,2}|\d{1,2}[-/.](?:19|20)\d\d|kw ?\d{1,2}|week ?\d{1,2})$", re.I
)


@dataclass(frozen=True)
class SummaryShape:
    """What makes a table a summary: its label column, its figure columns and what they are."""

    label: str  #: the column naming each row's group ("Region", "Touchpoint", "Antwort")
    groups: int  #: rows, one per group
    examples: str  #: the first group labels, quoted
    periods: tuple[str, ...]  #: figure columns that are periods ("Jan", "Q1", "2024")
    measures: tuple[str, ...]  #: figure columns that are counts, shares or averages
    options: tuple[str, ...] = ()  #: figure columns named by an answer option ("Sehr zufrieden", "0" … "10")

    @property
    def kind(self) -> str:
        """``answers`` (question × answer option), ``periods`` (a pivot over time), ``frequencies``
        (answer × count) or ``measures``."""
        if len(self.options) >= max(2, len(self.periods), len(self.measures)):
            return "answers"
        if len(self.periods) >= max(2, len(self.measures)):
            return "periods"
        if any(
            has_term(words_of(column), ("anzahl", "count", "haeufigkeit", "frequency", "freq", "n"))
            for column in self.measures
        ) and _names(
            self.label, ("antwort", "answer", "option", "value", "wert", "skalenwert", "auspraegung")
        ):
            return "frequencies"  # fmt: skip
        return "measures"

    @property
    def columns(self) -> str:
        """The figure columns as a list for a message (at most six)."""
        names = [*self.options, *self.periods, *self.measures]
        shown = ", ".join(names[:6])
        return f"{shown}, …" if len(names) > 6 else shown


def summary_shape(frame: pd.DataFrame) -> SummaryShape | None:
    """The summary shape of a sheet, or None when its rows may be records (customers, answers, lines).

    A summary has 2 to :data:`MAX_GROUPS` rows, a label column (one of the first two) with a different
    filled value on every row whose header names no person or record, and at least two other columns,
    most of them numbers. It is a summary when the label's header names a group ("Region", "Segment",
    "Touchpoint", "Antwort") or when at least two figure columns, half of all, are periods or aggregate
    figures ("Jan", "Q1", "Anzahl", "% Top-2", "Mittelwert"). Callers ask only when no ID column was found.

    Examples
    --------
    >>> pivot = pd.DataFrame({"Region": ["Nord", "Süd", "West"], "Jan": [10, 20, 30], "Feb": [11, 21, 31]})
    >>> shape = summary_shape(pivot)
    >>> shape.label, shape.kind, shape.columns
    ('Region', 'periods', 'Jan, Feb')
    >>> people = pd.DataFrame({"Name": ["Anna", "Ben", "Cem"], "Jan": [10, 20, 30], "Feb": [11, 21, 31]})
    >>> summary_shape(people) is None
    True
    """
    if not 2 <= len(frame) <= MAX_GROUPS or frame.shape[1] < 3:
        return None
    label = _label_column(frame)
    if label is None or _names(label, _RECORD_WORDS):
        return None
    others = [column for column in frame.columns if column is not label]
    figures = [column for column in others if _numbers_share(frame[column]) >= _NUMBER_SHARE]
    if len(figures) < 2 or len(figures) < 0.6 * len(others):
        return None
    options = _answer_options([str(c) for c in figures])
    periods = tuple(
        str(c)
        for c in figures
        if str(c) not in options and (is_period_label(str(c).strip()) or _PERIOD.match(str(c).strip()))
    )
    measures = tuple(str(c) for c in figures if str(c) not in (*options, *periods) and _names_measure(c))
    aggregates = len(options) + len(periods) + len(measures)
    if not _names(label, _GROUP_WORDS) and (aggregates < 2 or aggregates < len(others) / 2):
        return None
    labels = frame[label]
    examples = quoted_examples(labels.astype(str), pd.Series(True, index=labels.index))
    return SummaryShape(str(label), len(frame), examples, periods, measures, options)


def _label_column(frame: pd.DataFrame) -> object | None:
    """The first of the first two columns whose cells are all filled and all different (as text). A
    first column filled on a few rows only is a merged group label (SPSS's "Gültig" / "Fehlend")."""
    first = frame.columns[0]
    for column in frame.columns[:2]:
        cells = frame[column].astype("string").str.strip().str.casefold()
        if cells.notna().all() and (cells != "").all() and cells.is_unique:
            sparse = frame[first].notna().mean() < 0.5
            if column == first or sparse or _numbers_share(frame[first]) >= _NUMBER_SHARE:
                return column
            return None  # a text column before it (a second label): not one group per row
    return None


def _answer_options(headers: list[str]) -> tuple[str, ...]:
    """Headers that are answer options of a scale: Likert words ("Sehr zufrieden", "Stimme zu") and
    the points of a 0–10 or 1–5 scale ("0" … "10"; whole numbers above 10 are periods: months 1–12)."""
    words = tuple(h for h in headers if words_of(h) in LIKERT_WORDS)
    points = [h for h in headers if h.strip().isdigit()]
    if points and max(int(h) for h in points) <= 10:
        return (*words, *points)
    return words


def _numbers_share(values: pd.Series) -> float:
    """Share of the filled cells that read as numbers (decimal comma, thousands, % and currency signs)."""
    filled = values.dropna()
    if filled.empty:
        return 0.0
    if pd.api.types.is_numeric_dtype(filled) and not pd.api.types.is_bool_dtype(filled):
        return 1.0
    text = filled.astype(str)
    numbers = parse_numbers(text, decimal=guess_decimal(text))[0]
    return float(numbers.notna().mean())


def _names(header: object, terms: tuple[str, ...]) -> bool:
    return has_term(words_of(header), terms, inner=False) is not None


def _names_measure(header: object) -> bool:
    """Whether a header names a figure about a group: "Anzahl Kunden", "Churn rate", "% Top-2", "Ø …"."""
    return bool(_MEASURE_SIGNS.search(str(header))) or has_term(words_of(header), _MEASURE_WORDS) is not None
