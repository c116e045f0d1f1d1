"""How each column was understood, in words: the Data page's table (role, kind, scale, direction, money
period, what it is left out of, and the evidence), built from :attr:`ValidatedTable.columns`."""

from __future__ import annotations

import pandas as pd

from cxlib.i18n import t
from cxlib.messages import Message, render
from cxlib.tables import ColumnMeaning, Evidence

__all__ = ["column_overview", "evidence_text"]


def _word(prefix: str, code: str | None, lang: str) -> str:
    if not code:
        return "–"
    key = f"{prefix}.{code}"
    text = t(key, lang)
    return code if text == key else text


def evidence_text(evidence: Evidence, lang: str = "en") -> str:
    """One piece of evidence in words (the code itself when the string table has no words for it).

    Examples
    --------
    >>> evidence_text(Evidence("period_header_month", {"header": "MonthlyCharges"}))
    '“MonthlyCharges” is an amount per month'
    >>> evidence_text(Evidence("something_new", {"low": 1}))
    'something_new'
    >>> evidence_text(Evidence("integer_range", {"low": 1, "high": 5}), "de")
    'ganzzahlige Antworten auf einer Skala von 1–5'
    >>> evidence_text(Evidence("nonanswer_words", {"words": ["blank", "n a"]}))
    'non-answer words excluded: blank, n a'
    >>> from cxlib.messages import Message
    >>> order = {"order": "day_first", "evidence": "assumed", "example": "01/02/2026",
    ...          "order_text": Message("date.order.day_first")}
    >>> evidence_text(Evidence("date_order", order), "en")
    'Dates read day before month (D/M/Y): no value decides it, so this was assumed (e.g. “01/02/2026”).'
    """
    key = f"evidence.{evidence.code}"
    if evidence.code == "date_order" and "reason" not in evidence.params:  # why: from the order's evidence
        reason = Message(f"evidence.date_order_reason.{evidence.params.get('evidence')}")
        evidence = Evidence(evidence.code, {**evidence.params, "reason": reason})
    params = {name: _param(value, lang) for name, value in evidence.params.items()}
    try:
        text = t(key, lang, **params) if params else t(key, lang)
    except (KeyError, IndexError, ValueError):  # a template naming a parameter this evidence lacks
        text = t(key, lang)
    return evidence.code if text == key or "{" in text else text


def _param(value: object, lang: str) -> object:
    """An evidence parameter for its template: messages in words, lists joined by commas."""
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, list | tuple):
        return ", ".join(str(_param(item, lang)) for item in value)
    return value


def _source_column(meaning: ColumnMeaning, mapping: dict) -> str:
    if meaning.role and meaning.role in mapping and isinstance(mapping[meaning.role], str):
        return str(mapping[meaning.role])
    return meaning.column


def _meanings(validated) -> list[ColumnMeaning]:
    """Every column of ``data`` with its meaning; columns nobody described get their role (if any)."""
    from cxlib.roles import ROLES

    keys = {role.key for role in ROLES[validated.table]}
    found = [validated.columns[c] for c in validated.columns if c in validated.data.columns]
    described = {meaning.column for meaning in found}
    for column in validated.data.columns:
        if column not in described:
            role = column if column in keys else None
            if role is not None:
                kind = _role_kind(validated.table, role)
            else:
                kind = "rating" if column in validated.touchpoints else "feature"
            found.append(ColumnMeaning(str(column), kind, role=role))
    return found


def _role_kind(table: str, key: str) -> str:
    from cxlib.roles import role

    kind = role(table, key).kind  # type: ignore[arg-type]
    return {"id": "identifier", "text": "free_text", "touchpoints": "rating"}.get(kind, kind)


def column_overview(validated, *, lang: str = "en") -> pd.DataFrame:
    """One row per understood column of a validated table, with the words of the UI language.

    Examples
    --------
    >>> from cxlib.mapping import suggest_mapping
    >>> from cxlib.validation import validate_table
    >>> sheet = pd.DataFrame({"Kundennummer": [str(i) for i in range(30)],
    ...                       "MonthlyCharges": [20.0 + i for i in range(30)]})
    >>> row = column_overview(validate_table(sheet, suggest_mapping(sheet, "customers"))).iloc[1]
    >>> row["Column"], row["Role"], row["Money period"]
    ('MonthlyCharges', 'Revenue', 'per month')
    """
    mapping = validated.report.mapping
    rows = []
    for meaning in _meanings(validated):
        scale = f"{meaning.scale[0]:g}–{meaning.scale[1]:g}" if meaning.scale else "–"
        rows.append(
            {
                t("ui.col.source_column", lang): _source_column(meaning, mapping),
                t("ui.col.role", lang): t(f"role.{meaning.role}", lang) if meaning.role else "–",
                t("ui.col.kind", lang): _word("kind", meaning.kind, lang),
                t("ui.col.scale", lang): scale,
                t("ui.col.direction", lang): _word("direction", meaning.direction, lang),
                t("ui.col.period", lang): _word("period", meaning.period, lang),
                t("ui.col.excluded", lang): ", ".join(
                    _word("excluded", x, lang) for x in meaning.excluded_from
                )
                or "–",
                t("ui.col.evidence", lang): "; ".join(evidence_text(e, lang) for e in meaning.evidence)
                or "–",
            }
        )
    return pd.DataFrame(rows)


RATING_KINDS = ("rating", "outcome", "nps_score", "recommend_rating", "ordinal")
#: Items a user may mark as ordered answers (how often, how important), or back as a rating.
ORDINAL_CHOICE_KINDS = ("rating", "ordinal")
SCALE_CHOICES: tuple[tuple[int, int], ...] = ((1, 4), (1, 5), (1, 6), (1, 7), (0, 5), (0, 10), (1, 10))


def rating_items(validated) -> dict[str, ColumnMeaning]:
    """Source header -> meaning of the survey's rating items, whose scale and direction a user may correct
    (and, for ratings and ordered answers, whether the item is a rating or ordered answers).

    Examples
    --------
    >>> from cxlib.intake import load_table
    >>> frame = pd.DataFrame({"Nr": ["a", "b", "c"], "Empfehlung": [10, 8, 3], "Lieferung": [5, 2, 4]})
    >>> sorted(rating_items(load_table(frame.to_csv(index=False).encode(), table="survey").validated))
    ['Empfehlung', 'Lieferung']
    """
    mapping = validated.report.mapping
    return {
        _source_column(meaning, mapping): meaning
        for meaning in _meanings(validated)
        if meaning.kind in RATING_KINDS
    }
