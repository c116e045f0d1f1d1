"""From a raw sheet and its column mapping to a typed table, with every row accounted for.

Rows read = rows used + rows set aside, always. Rows are set aside only when they cannot be used
at all (no customer ID, a repeated customer, an empty survey answer); single bad values are left
empty and counted instead, so one typo never costs a whole customer. A customer table with one row per
contract, order or subscription is used whole: each customer's rows are combined into one customer
(:mod:`cxlib.customer_records`), so its table has fewer rows than the rows used.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import pandas as pd

from cxlib.assumptions import assumptions_of
from cxlib.churn import ends_after_now
from cxlib.column_names import safe_names
from cxlib.customer_columns import prospect_rows, total_labels
from cxlib.customer_records import SUMMED, combine_records, record_column, record_starts
from cxlib.customer_rules import customer_columns_rules
from cxlib.errors import CxError, render_exact
from cxlib.examples import quoted_examples
from cxlib.id_lookup import member_of
from cxlib.mapping import ColumnMapping
from cxlib.messages import Message
from cxlib.parsing import (
    DateOrder,
    casefold_emails,
    clean_text,
    date_order,
    guess_decimal,
    header_currency,
    marked_missing,
    money_unit,
    normalize_gender,
    normalize_ids,
    parse_dates,
    parse_flags,
    parse_numbers,
    salutation_without_gender,
)
from cxlib.roles import ROLES, TableName, role
from cxlib.satisfaction import rescale_changed_scales
from cxlib.scales import placeholder_comments
from cxlib.tables import ColumnMatch, ColumnMeaning, Evidence, RuleCount, ValidatedTable, ValidationReport
from cxlib.transaction_columns import (
    CANCELLED,
    UNPAID,
    amount_in_cents,
    cancel_mark_columns,
    fraud_marks,
    guest_lines,
    mixed_currencies,
    non_product_lines,
    non_purchase_events,
    not_a_sale,
    refund_column,
    repeated_order_total,
    reversed_sales,
    unpaid_marks,
)

REASON_COLUMN = "reason"
ROW_COLUMN = "row"
_NON_NEGATIVE = frozenset({"age", "orders", "income", "acquisition_cost", "tenure"})
#: Roles holding money: a header may state them in thousands or millions ("Umsatz (Tsd. €)").
_MONEY_ROLES = frozenset({"revenue", "income", "margin", "acquisition_cost", "amount", "unit_price"})


@dataclass
class _Rules:
    """Collects rule counts while a table is validated (language-neutral messages ``rule.<rule>``)."""

    items: list[RuleCount]
    day_first: bool = True  # how to read a date such as 01/02/2026 that no value of its column decides
    file_date_order: DateOrder | None = None  # the order another date column of the file proves
    meanings: dict[str, ColumnMeaning] = field(default_factory=dict)  # what was learnt about columns

    def add(self, rule: str, rows: int, *, set_aside: bool, **params: object) -> None:
        if rows:
            message = Message(f"rule.{rule}", rows=int(rows), **params)
            self.items.append(RuleCount(rule, int(rows), message, set_aside))


def validate_table(
    frame: pd.DataFrame,
    mapping: ColumnMapping,
    *,
    file: str | None = None,
    sheet: str | None = None,
    lang: str | None = None,
    known_customers: Collection[str] | None = None,
    today: date | None = None,
    overrides: Mapping[str, Mapping[str, object]] | None = None,
) -> ValidatedTable:
    """Type, check and clean one table, keeping an account of every row.

    The result is language-neutral: rule messages, notes and set-aside reasons are
    messages (:class:`~cxlib.messages.Message`) or codes, rendered where they are shown (``lang`` is ignored;
    it is accepted so that older callers keep working).

    Parameters
    ----------
    frame : DataFrame
        The sheet as read (see :func:`cxlib.reading.read_file`); ``frame.attrs`` may carry reading
        hints (``decimal``, ``blank_rows``, ``header_row``).
    mapping : ColumnMapping
        Role -> column, from :func:`cxlib.mapping.suggest_mapping` or set by hand.
    known_customers : collection of str, optional
        Customer IDs of the customer table, to count survey or transaction rows of unknown customers.
    today : date, optional
        Dates after this day are impossible and are left empty (default: the real today; pass a date
        to make a check reproducible).
    overrides : mapping, optional
        Column meanings the user confirmed, keyed by role key or column: e.g.
        ``{"revenue": {"period": "month"}}`` (see :mod:`cxlib.mapping_profile`).

    The ``reason`` column of ``set_aside`` holds rule codes; :func:`readable_set_aside` puts them in words.

    Examples
    --------
    >>> from cxlib.mapping import suggest_mapping
    >>> sheet = pd.DataFrame({"Kunden-ID": ["1", "2", "2", None], "Alter": ["34", "n/a", "41", "50"]})
    >>> table = validate_table(sheet, suggest_mapping(sheet, "customers"))
    >>> table.data[["customer_id", "age"]].values.tolist()
    [['1', 34.0], ['2', nan]]
    >>> r = table.report
    >>> (r.rows_read, r.rows_used, r.rows_set_aside), [rule.rule for rule in r.rules]
    ((4, 2, 2), ['marked_missing', 'missing_required', 'duplicate_id'])
    >>> r.rules[2].text("de").startswith("1 Zeilen wiederholen eine Kunden-ID")
    True
    """
    table = mapping.table
    rules = _Rules([], day_first=_reads_day_first(frame.attrs))
    source = frame.reset_index(drop=True)
    notes: list[Message] = []
    meanings: dict[str, ColumnMeaning] = {}
    if table == "survey":
        source, mapping, meanings = _survey_answers(source, mapping, rules, notes, overrides or {})
    if table == "customers" and "customer_id" not in mapping.matches:
        source = _with_row_number_ids(source, frame, mapping, rules)
    renames = safe_names(source.columns)
    data = _typed_columns(source, mapping, rules, today=today or date.today(), renames=renames)
    refunded_in_full = None
    if table == "transactions":
        refunded_in_full = _resolve_amount(data, mapping, rules, source, renames)
    if table == "survey":
        meanings = _survey_codes(data, mapping, meanings, rules, renames)
        rescale_changed_scales(data, meanings, notes)  # one scale per item before anything is counted
        _row_number_ids(data, frame, meanings, notes)
        _unweighted_note(source, notes)
    if table == "customers":
        meanings = customer_columns_rules(source, mapping, data, rules, today or date.today(), overrides)
    keep = pd.Series(True, index=source.index)
    reasons = pd.Series("", index=source.index, dtype=object)
    _check_required(source, mapping, table)
    for rule, mask, *extra in [*_sale_type_rule(source, mapping), *_row_rules(data, mapping, rules, source)]:
        newly = mask & keep
        params = {"role": _role_label(table, "customer_id"), **(extra[0] if extra else {})}
        rules.add(rule, int(newly.sum()), set_aside=True, **params)
        reasons[newly] = rule
        keep &= ~mask
    lines = _set_aside_lines(data, source, mapping, refunded_in_full) if table == "transactions" else []
    lines += _returned_order_rule(data, frame.attrs.get("returned_orders"))
    for rule, mask, params in lines:
        newly = mask & keep
        rules.add(rule, int(newly.sum()), set_aside=True, **params)
        reasons[newly] = rule
        keep &= ~mask
    if table == "transactions" and "amount" in data:  # the lines used, not withdrawals or conversions
        _note_mixed_currencies(data[keep], mapping, rules, source[keep])
    _link_rules(data[keep], table, known_customers, rules)
    if not keep.any():
        reason = next((rule.detail for rule in rules.items if rule.set_aside), "")
        raise CxError(
            "error.no_usable_rows", rows=len(source), table=Message(f"table.{table}"), reason=reason
        )
    blank_rows = int(frame.attrs.get("blank_rows", 0) or 0)
    rules.add("blank_row", blank_rows, set_aside=True)
    layout = _layout_rules(frame.attrs.get("layout_rows") or [], rules, renames)
    set_aside = _set_aside_frame(
        source.rename(columns=renames), ~keep, reasons, _row_numbers(frame), blank_rows, layout
    )
    used, records = _combined_records(data[keep].reset_index(drop=True), mapping, rules, renames)
    report = ValidationReport(
        table=table,
        file=file,
        sheet=sheet,
        rows_read=len(source) + blank_rows + len(layout),
        rows_used=int(keep.sum()),  # rows, not customers: a customer's contracts are each used
        rows_set_aside=int((~keep).sum()) + blank_rows + len(layout),
        rules=rules.items,
        mapping=mapping.as_dict(),
        notes=notes,
    )
    report.notes = [*reading_notes(frame.attrs), *notes]
    report.reading = _reading_facts(frame.attrs, rules)
    touchpoints = (
        [renames.get(c, c) for c in mapping.matches["touchpoints"].column]
        if "touchpoints" in mapping.matches
        else []
    )
    if meanings and table == "survey":
        # plain JSON values: the analyses read them, and Streamlit serialises a frame's attrs
        used.attrs["column_meanings"] = {name: meaning.to_dict() for name, meaning in meanings.items()}
    validated = ValidatedTable(table, used, set_aside, report, touchpoints, columns=meanings, records=records)
    _merge_meanings(validated.columns, _mapping_meanings(mapping, rules))
    for name, renamed in renamed_meanings(renames, mapping).items():
        known = validated.columns.get(name)
        if known is not None and known.excluded_from:  # keep why it is left out ("status" = the outcome)
            known.evidence = [*renamed.evidence, *known.evidence]
        else:
            validated.columns[name] = renamed
    used.attrs["assumptions"] = assumptions_of(validated.columns)
    return validated


# --- survey answers: scales, non-answer codes, NPS source ------------------------------------------------

_RATING_KINDS = ("rating", "outcome", "nps_score", "recommend_rating", "ordinal")


def _survey_answers(
    source: pd.DataFrame,
    mapping: ColumnMapping,
    rules: _Rules,
    notes: list[str],
    overrides: Mapping[str, Mapping[str, object]],
) -> tuple[pd.DataFrame, ColumnMapping, dict[str, ColumnMeaning]]:
    """Read survey answers the way the questionnaire means them, before the columns are typed.

    NPS group words become scores, Likert words points of their scale, non-answer words empty cells
    (counted); a "recommend" column that is not on 0–10 (a 0/1 flag, a 1–5 item) leaves the ``recommend``
    role and stays under its own header, so no NPS is computed from it. Ordered answers that are no
    satisfaction (how often, how important) are named in a note.
    """
    from cxlib.mapping import mark_role
    from cxlib.scales import (
        NPS_SCALES,
        end_label_points,
        labelled_numbers,
        likert_points,
        nps_groups,
        read_questionnaire,
        unlabelled_ten_point_items,
        words_of,
    )

    found = dict(mapping.meanings)  # from the mapping (guessed, or confirmed by the user in a profile)
    if any(str(column) not in found for column in source.columns):
        found = {**read_questionnaire(source).meanings, **found}
    meanings = {
        column: replace(meaning, evidence=list(meaning.evidence)) for column, meaning in found.items()
    }
    if not mapping.meanings:  # a mapping set by hand: its roles decide what the columns are
        for role_key, match in mapping.matches.items():
            for column in match.column if isinstance(match.column, list) else [match.column]:
                mark_role(meanings[str(column)], role_key)
    mapping = _apply_user_meanings(meanings, mapping, overrides)
    if mapping.meanings:  # guessed from the file, not set by hand
        mapping = _response_numbers_as_response_ids(source, mapping, meanings, notes)
    _dated_by_the_purchase(mapping, meanings)
    source = source.copy(deep=False)
    source.attrs = {key: value for key, value in source.attrs.items() if key == "decimal"}
    if "recommend" in mapping.matches:
        column = str(mapping.matches["recommend"].column)
        meaning = meanings[column]
        if meaning.kind == "nps_group":
            scores, _ = nps_groups(source[column])
            source[column] = scores
            meaning.scale = (0, 10)
        elif meaning.scale is not None and meaning.scale not in NPS_SCALES:
            mapping = replace(
                mapping,
                matches={key: match for key, match in mapping.matches.items() if key != "recommend"},
                unmapped=[*mapping.unmapped, mapping.matches["recommend"].column],
            )
            meaning.role = None
            meaning.kind = "recommend_flag" if meaning.scale == (0, 1) else "recommend_rating"
            meaning.evidence.append(
                Evidence("recommend_not_nps", {"low": meaning.scale[0], "high": meaning.scale[1]})
            )
            notes.append(
                Message(
                    f"survey.note.{meaning.kind}", column=column, low=meaning.scale[0], high=meaning.scale[1]
                )
            )
    staff = next((e for m in meanings.values() for e in m.evidence if e.code == "employee_survey"), None)
    if staff is not None:  # IBM's HR attrition set uploaded as the customer survey
        notes.append(Message("survey.note.employee_survey", columns=staff.params["columns"]))
    unlabelled = unlabelled_ten_point_items(meanings) if "recommend" not in mapping.matches else []
    if unlabelled:  # perhaps the NPS question: the header cannot tell, so the user is told how to say it
        notes.append(Message("survey.note.unlabelled_0_10", columns=", ".join(unlabelled)))
    worse = [c for c, m in meanings.items() if m.kind == "rating" and m.direction == "higher_worse"]
    bipolar = [c for c, m in meanings.items() if m.kind == "bipolar"]
    turned = [c for c, m in meanings.items() if _turned_around(m)]
    ordinal = [c for c, m in meanings.items() if m.kind == "ordinal"]
    if "comment" in mapping.matches:  # Booking.com's Positive_Review next to Negative_Review
        other = [
            c for c, m in meanings.items()
            if m.kind == "free_text" and m.role is None and "comment" not in m.excluded_from
            and c != str(mapping.matches["comment"].column)
        ]  # fmt: skip
        if other:
            notes.append(
                Message(
                    "survey.note.other_comments",
                    comment=str(mapping.matches["comment"].column),
                    columns=", ".join(other),
                )
            )
    for key, columns in (
        ("higher_worse", worse), ("bipolar", bipolar), ("reversed_scale", turned), ("ordinal", ordinal)
    ):  # fmt: skip
        if columns:
            notes.append(Message(f"survey.note.{key}", columns=", ".join(columns)))
    for column, meaning in meanings.items():
        if meaning.kind not in _RATING_KINDS or column not in source.columns:
            continue
        meaning.missing_count = 0  # recounted on every row: here the words, after typing the numbers
        two_words = next((e for e in meaning.evidence if e.code == "satisfied_words"), None)
        if two_words is not None:  # 1 = satisfied, 0 = neutral or dissatisfied
            points = {two_words.params["yes"]: 1.0, two_words.params["no"]: 0.0}
            cells = source[column].astype("string").str.strip()
            source[column] = source[column].astype(object).where(~cells.isin(list(points)), cells.map(points))
        likert = next((e for e in meaning.evidence if e.code == "likert_words"), None)
        if likert is not None:
            source[column], _ = likert_points(source[column], scale=likert.params.get("key"))
        if any(e.code == "labelled_numbers" for e in meaning.evidence):
            source[column] = labelled_numbers(source[column])
        ends = next((e for e in meaning.evidence if e.code == "end_labels"), None)
        if ends is not None:
            source[column] = end_label_points(source[column], ends.params["points"])
        words = {code for code in meaning.missing_codes if isinstance(code, str)}
        if words:
            cells = source[column].astype("string").str.strip()
            normalised = cells.map(lambda c: words_of(c) if isinstance(c, str) else None)
            is_code = normalised.isin(list(words)).fillna(False).astype(bool)
            source[column] = source[column].mask(is_code)
            meaning.missing_count = int(is_code.sum())
    if "recommend" in mapping.matches:  # codes such as 11 = blank are non-answers, not out-of-range scores
        column = str(mapping.matches["recommend"].column)
        codes = [float(code) for code in meanings[column].missing_codes if not isinstance(code, str)]
        if codes:
            numbers, _, _ = parse_numbers(source[column], decimal=source.attrs.get("decimal"))
            is_code = numbers.isin(codes)
            source[column] = source[column].mask(is_code)
            meanings[column].missing_count += int(is_code.sum())
    return source, mapping, meanings


def _apply_user_meanings(
    meanings: dict[str, ColumnMeaning], mapping: ColumnMapping, overrides: Mapping[str, Mapping[str, object]]
) -> ColumnMapping:
    """A scale or direction the user confirmed for a survey column (Data page or mapping profile).

    An item where higher is worse leaves the journey curve (its satisfaction would read upside down).
    """
    for name, chosen in overrides.items():
        match = mapping.matches.get(str(name))  # a profile names role columns by their role key
        column = match.column if match is not None and isinstance(match.column, str) else name
        meaning = meanings.get(str(column))
        if meaning is None or not isinstance(chosen, Mapping):
            continue
        if chosen.get("scale"):
            low, high = chosen["scale"]
            meaning.scale = (int(low), int(high))
            meaning.evidence.append(Evidence("user_scale", {"low": int(low), "high": int(high)}))
        if chosen.get("kind") == "ordinal" and meaning.kind in ("rating", "ordinal"):
            _user_ordinal(meaning)
            mapping = _without_touchpoint(mapping, column)
        elif chosen.get("direction") in ("higher_better", "higher_worse"):
            if meaning.kind == "ordinal":  # the user says these ordered answers rate the experience
                mapping = _user_rating(meaning, mapping, str(column))
            meaning.direction = chosen["direction"]
            meaning.evidence.append(Evidence("user_direction", {"direction": chosen["direction"]}))
            if chosen["direction"] == "higher_worse":
                meaning.excluded_from = tuple(dict.fromkeys((*meaning.excluded_from, "touchpoints")))
                mapping = _without_touchpoint(mapping, column)
    return mapping


def _user_ordinal(meaning: ColumnMeaning) -> None:
    """A rating item the user marked as ordered answers (how often, how important): read as points,
    never a touchpoint of the journey."""
    meaning.kind, meaning.direction = "ordinal", None
    meaning.excluded_from = tuple(dict.fromkeys((*meaning.excluded_from, "touchpoints")))
    meaning.evidence.append(Evidence("user_ordinal", {}))


def _user_rating(meaning: ColumnMeaning, mapping: ColumnMapping, column: str) -> ColumnMapping:
    """Ordered answers the user says rate an experience: a rating again, and a touchpoint unless it
    has a role of its own."""
    meaning.kind = "rating"
    meaning.excluded_from = tuple(e for e in meaning.excluded_from if e != "touchpoints")
    meaning.evidence.append(Evidence("user_rating", {}))
    if meaning.role is not None:
        return mapping
    match = mapping.matches.get("touchpoints")
    columns = [*(match.column if match is not None else []), column]
    touchpoints = ColumnMatch("touchpoints", columns, match.confidence if match else 1.0, "manual")
    unmapped = [c for c in mapping.unmapped if str(c) != column]
    return replace(mapping, matches={**mapping.matches, "touchpoints": touchpoints}, unmapped=unmapped)


def _without_touchpoint(mapping: ColumnMapping, column: object) -> ColumnMapping:
    match = mapping.matches.get("touchpoints")
    if match is None or column not in match.column:
        return mapping
    kept = [c for c in match.column if c != column]
    matches = {key: value for key, value in mapping.matches.items() if key != "touchpoints"}
    if kept:
        matches["touchpoints"] = replace(match, column=kept)
    return replace(mapping, matches=matches, unmapped=[*mapping.unmapped, column])


def _survey_codes(
    data: pd.DataFrame,
    mapping: ColumnMapping,
    meanings: dict[str, ColumnMeaning],
    rules: _Rules,
    renames: Mapping[object, str],
) -> dict[str, ColumnMeaning]:
    """Empty the numeric non-answer codes of rating items, count them per item, and key the meanings by
    the typed table's column names (role keys for mapped roles, headers for touchpoints and the rest)."""
    names: dict[str, str] = {}
    for role_key, match in mapping.matches.items():
        if role_key == "touchpoints":
            names.update({str(c): renames.get(c, str(c)) for c in match.column})
        else:
            names[str(match.column)] = role_key
    for column in mapping.unmapped:
        names.setdefault(str(column), renames.get(column, str(column)))
    keyed: dict[str, ColumnMeaning] = {}
    cells = items = 0
    examples: list[str] = []
    for column, meaning in meanings.items():
        name = names.get(column)
        if name is None or name not in data.columns:
            continue
        meaning.column = name
        keyed[name] = meaning
        if meaning.kind not in _RATING_KINDS:  # codes are only emptied in answers read as ratings
            meaning.missing_codes, meaning.missing_count = (), 0
            continue
        codes = [float(code) for code in meaning.missing_codes if not isinstance(code, str)]
        numbers = data[name]
        is_code = numbers.isin(codes) if codes else pd.Series(False, index=data.index)
        if pd.api.types.is_numeric_dtype(numbers) and codes:
            data[name] = numbers.mask(is_code)
        if _turned_around(meaning) and pd.api.types.is_numeric_dtype(data[name]):
            low, high = meaning.scale  # 1 = best: turned around so that higher means better, as elsewhere
            data[name] = low + high - data[name]
        meaning.missing_count += int(is_code.sum())
        if meaning.missing_count:
            cells += meaning.missing_count
            items += 1
            examples += [str(code) for code in meaning.missing_codes if str(code) not in examples]
    rules.add("nonanswer_codes", cells, set_aside=False, items=items, codes=", ".join(examples[:5]))
    return keyed


def _turned_around(meaning: ColumnMeaning) -> bool:
    """A rating whose lowest number is the best answer (school grades), unless the user set its direction."""
    codes = {e.code for e in meaning.evidence}
    return (
        meaning.kind in _RATING_KINDS
        and meaning.scale is not None
        and "reversed_scale" in codes
        and "user_direction" not in codes
        and "likert_words" not in codes
    )


def _merge_meanings(meanings: dict[str, ColumnMeaning], learnt: dict[str, ColumnMeaning]) -> None:
    """Add what validation learnt about columns (dates, values-chosen roles) to the survey meanings."""
    for name, meaning in learnt.items():
        if name not in meanings:
            meanings[name] = meaning
            continue
        known = meanings[name]
        known.evidence.extend(e for e in meaning.evidence if e not in known.evidence)
        if known.kind in ("category", "number"):
            known.kind = meaning.kind


def _unweighted_note(source: pd.DataFrame, notes: list[Message]) -> None:
    """Say that figures count every answer once when the survey carries weights (SFO's "WEIGHT", a
    panel's "Gewichtung"): a published, weighted NPS may differ from the one shown."""
    from cxlib.customer_columns import is_weight_column

    weights = [str(column) for column in source.columns if is_weight_column(column, source[column])]
    if weights:
        notes.append(Message("survey.note.unweighted", columns=", ".join(weights)))


def _row_number_ids(
    data: pd.DataFrame, frame: pd.DataFrame, meanings: dict[str, ColumnMeaning], notes: list[Message]
) -> None:
    """A survey without a response or customer id gets the file's row numbers as response ids."""
    if "response_id" in data.columns or "customer_id" in data.columns:
        return
    data.insert(0, "response_id", pd.Series(_row_numbers(frame), index=data.index).astype(str))
    meanings["response_id"] = ColumnMeaning(
        "response_id", "row_number", role="response_id", evidence=[Evidence("row_numbers_as_ids", {})]
    )
    notes.append(Message("survey.note.row_numbers_as_ids"))


#: Headers that name no kind of ID: a form tool's response counter ("ID" in Microsoft Forms).
_GENERIC_ID_HEADERS = frozenset({"id", "nr", "no", "nummer", "number", "lfd nr", "lfdnr", "row", "zeile"})
_MIN_COUNTED_ROWS = 10


def _response_numbers_as_response_ids(
    source: pd.DataFrame, mapping: ColumnMapping, meanings: dict[str, ColumnMeaning], notes: list
) -> ColumnMapping:
    """A survey's plain "ID" that counts 1, 2, 3 … down the rows numbers the responses (Microsoft Forms,
    a spreadsheet's row counter): it is the response ID, never a customer number. Taken as a customer
    ID, it would join each answer to whichever customer has the same number.

    >>> from cxlib.mapping import ColumnMatch
    >>> sheet = pd.DataFrame({"ID": range(1, 13), "NPS": [9] * 12})
    >>> mapping = ColumnMapping("survey", {"customer_id": ColumnMatch("customer_id", "ID", 0.8, "synonym")},
    ...                         meanings={"ID": ColumnMeaning("ID", "identifier")})
    >>> meanings = {"ID": ColumnMeaning("ID", "identifier")}
    >>> _response_numbers_as_response_ids(sheet, mapping, meanings, []).as_dict()
    {'response_id': 'ID'}
    """
    from cxlib.mapping import ColumnMatch, mark_role, normalize_header

    match = mapping.matches.get("customer_id")
    if (
        match is None
        or not isinstance(match.column, str)
        or normalize_header(match.column) not in _GENERIC_ID_HEADERS
    ):
        return mapping
    numbers = pd.to_numeric(source[match.column], errors="coerce")
    if (
        numbers.notna().sum() < _MIN_COUNTED_ROWS
        or numbers.isna().any()
        or not (numbers.diff().iloc[1:] == 1).all()
    ):
        return mapping
    matches = {key: value for key, value in mapping.matches.items() if key != "customer_id"}
    unmapped = list(mapping.unmapped)
    if "response_id" in matches:
        unmapped.append(match.column)
    else:
        matches["response_id"] = ColumnMatch("response_id", match.column, match.confidence, "values")
    meaning = meanings.get(match.column)
    if meaning is not None:
        meaning.role = None if "response_id" in mapping.matches else "response_id"
        meaning.evidence.append(Evidence("response_numbers", {"first": int(numbers.iloc[0])}))
    notes.append(Message("survey.note.response_numbers", column=str(match.column)))
    named = _header_named_customer_id(source, matches, match.column)
    if named is not None:  # Amazon reviews' "UserId" beside the row counter "Id"
        matches["customer_id"] = ColumnMatch("customer_id", named, match.confidence, "synonym")
        unmapped = [column for column in unmapped if column != named]
        if named in meanings:
            mark_role(meanings[named], "customer_id")
    return replace(mapping, matches=matches, unmapped=unmapped)


#: Header words of the date of what was bought, not of the answer ("Date of Purchase", "order_date"),
#: whole words only ("RecordedDate" is no order), and German compounds ("Bestelldatum").
_PURCHASE_DATE_WORDS = (
    "purchase", "purchased", "order", "ordered", "invoice", "delivery", "delivered", "booking", "kauf",
    "bestellung", "rechnung", "lieferung", "buchung",
)  # fmt: skip
_PURCHASE_DATE_COMPOUNDS = ("kaufdatum", "bestelldatum", "lieferdatum", "rechnungsdatum", "buchungsdatum")


def _dated_by_the_purchase(mapping: ColumnMapping, meanings: dict[str, ColumnMeaning]) -> None:
    """A survey whose response date is the date of the purchase, order, delivery or booking (a support
    desk's 'Date of Purchase', the only date of Kaggle's ticket set) is dated by that event, not by the
    answer: said as an assumption (evidence ``response_date_of_purchase``), since trends over time then
    show when customers bought, perhaps years before they answered."""
    from cxlib.scales import has_term, words_of

    match = mapping.matches.get("response_date")
    if match is None or not isinstance(match.column, str) or match.column not in meanings:
        return
    words = words_of(match.column)
    if has_term(words, _PURCHASE_DATE_WORDS, inner=False) or has_term(words, _PURCHASE_DATE_COMPOUNDS):
        evidence = Evidence("response_date_of_purchase", {"header": match.column})
        meanings[match.column].evidence.append(evidence)


def _header_named_customer_id(source: pd.DataFrame, matches: dict, counter: object) -> object | None:
    """A column beside the row counter whose header is one of the customer ID's names ("UserId",
    "Customer ID", "Kundennummer"), mapped to no role and filled: the survey's customer ID."""
    from cxlib.mapping import names_role

    taken = {c for m in matches.values() for c in (m.column if isinstance(m.column, list) else [m.column])}
    customer = role("survey", "customer_id")
    for column in source.columns:
        if column == counter or column in taken or not names_role(column, customer):
            continue
        if source[column].notna().mean() >= 0.5:
            return column
    return None


def _role_label(table: TableName, key: str) -> Message:
    return Message(f"role.{key}")


def _check_required(source: pd.DataFrame, mapping: ColumnMapping, table: TableName) -> None:
    for candidate in ROLES[table]:
        if not candidate.required:
            continue
        label = _role_label(table, candidate.key)
        if candidate.key not in mapping.matches:
            raise CxError("error.required_role_missing", role=label, table=Message(f"table.{table}"))
        column = mapping.matches[candidate.key].column
        if clean_text(source[column]).isna().all():
            raise CxError(
                "error.required_role_empty", column=column, role=label, table=Message(f"table.{table}")
            )


def _typed_columns(
    source: pd.DataFrame, mapping: ColumnMapping, rules: _Rules, *, today: date, renames: dict
) -> pd.DataFrame:
    """One typed column per mapped role (named by role key), then touchpoints and extras by header."""
    table, decimal = mapping.table, source.attrs.get("decimal")
    columns: dict[str, pd.Series] = {}
    rules.file_date_order = _file_date_order(source, mapping)
    if rules.file_date_order is not None:  # one file writes its dates one way
        rules.day_first = rules.file_date_order.order == "day_first"
    for role_key, match in mapping.matches.items():
        if role_key == "touchpoints":
            continue
        spec = role(table, role_key)
        label = _role_label(table, role_key)
        columns[role_key] = _typed(source[match.column], spec.kind, role_key, label, rules, decimal)
        if role_key in _MONEY_ROLES:
            columns[role_key] = _in_header_unit(columns[role_key], match.column, role_key, rules)
        if spec.kind == "date":
            _note_date_reading(columns[role_key], role_key, label, rules)
        if spec.kind == "category":
            columns[role_key] = _without_missing_codes(source[match.column], columns[role_key], label, rules)
        if role_key == "comment":
            columns[role_key] = _without_placeholders(columns[role_key], label, rules)
    for column in (mapping.matches.get("touchpoints", None) and mapping.matches["touchpoints"].column) or []:
        name = renames.get(column, column)
        columns[name] = _typed(source[column], "number", name, str(column), rules, decimal)
    for column in mapping.unmapped:
        extra = clean_text(source[column]) if _code_header(column) else _extra(source[column], decimal)
        columns[renames.get(column, column)] = extra
    data = pd.DataFrame(columns, index=source.index)
    _date_rules(data, table, rules, today)
    if "recommend" in data:
        _recommend_rule(data, source[mapping.matches["recommend"].column], rules)
    return data


def _without_placeholders(comments: pd.Series, label: Message, rules: _Rules) -> pd.Series:
    """Comments that say nothing ("No Negative", "Nothing", "-", "n/a") emptied and counted: they are
    no customer voice and no comment in the counts."""
    mask = placeholder_comments(comments)
    if not mask.any():
        return comments
    rules.add(
        "placeholder_comment",
        int(mask.sum()),
        set_aside=False,
        role=label,
        examples=quoted_examples(comments, mask),
    )
    return comments.mask(mask)


def _typed(
    values: pd.Series, kind: str, key: str, label: Message | str, rules: _Rules, decimal: str | None
) -> pd.Series:
    if kind == "id":
        return _email_ids_casefolded(normalize_ids(values), label, rules)
    if kind == "number":
        numbers, bad, marked = parse_numbers(values, decimal=decimal)
        rules.add(
            "not_a_number", int(bad.sum()), set_aside=False, role=label, examples=quoted_examples(values, bad)
        )
        rules.add("marked_missing", int(marked.sum()), set_aside=False, role=label)
        if key in _NON_NEGATIVE:
            negative = numbers < 0
            rules.add("negative_value", int(negative.sum()), set_aside=False, role=label)
            numbers = numbers.mask(negative)
        return numbers
    if kind == "date":
        dates, bad = parse_dates(values, ambiguous_day_first=rules.day_first)
        examples = quoted_examples(values, bad)
        rules.add("unparseable_date", int(bad.sum()), set_aside=False, role=label, examples=examples)
        rules.add("marked_missing", int(marked_missing(values).sum()), set_aside=False, role=label)
        return dates
    if kind == "flag":
        flags, bad = parse_flags(values)
        if key == "churned" and bad.any():
            bad &= ~_status_words_read(values)  # "Gekündigt zum 31.12." is read with its status words
        rules.add(
            "invalid_flag", int(bad.sum()), set_aside=False, role=label, examples=quoted_examples(values, bad)
        )
        return flags
    if key == "gender":
        no_gender = salutation_without_gender(values)
        rules.add(
            "salutation_no_gender", int(no_gender.sum()), set_aside=False, role=label,
            examples=quoted_examples(values, no_gender),
        )  # fmt: skip
        return normalize_gender(values)
    return clean_text(values)


def _email_ids_casefolded(ids: pd.Series, label: Message | str, rules: _Rules) -> pd.Series:
    """IDs that are e-mail addresses, trimmed and in lower case, so that "Anna@Shop.de" in the survey
    finds "anna@shop.de" in the customer list; the addresses changed are counted (rule email_casefolded)."""
    from cxlib.transaction_columns import is_email_column

    if not is_email_column(ids.dropna().head(_GUESS_CELLS)):  # a sample decides: IDs are one kind
        return ids
    folded = casefold_emails(ids)
    changed = ids.notna() & (folded != ids).fillna(False).astype(bool)
    rules.add("email_casefolded", int(changed.sum()), set_aside=False, role=label,
              examples=quoted_examples(ids, changed))  # fmt: skip
    return folded


def _status_words_read(values: pd.Series) -> pd.Series:
    """Cells of a status column that :func:`cxlib.customer_columns.status_churn_words` reads."""
    from cxlib.customer_columns import lifecycle_groups, status_churn_words

    words = status_churn_words(values)
    if not words:
        return pd.Series(False, index=values.index)
    stages = lifecycle_groups(values) or {}  # leads and partners: set aside as no customers, not bad flags
    return values.astype("string").str.strip().isin([*words, *stages]).fillna(False).astype(bool)


def _in_header_unit(values: pd.Series, header: object, key: str, rules: _Rules) -> pd.Series:
    """Money given in thousands or millions by its header ("Umsatz (Tsd. €)", "TEUR", "k$") in currency
    units, said in the column's evidence and a rule (repaired, not set aside)."""
    factor = money_unit(header)
    if factor == 1 or not pd.api.types.is_numeric_dtype(values):
        return values
    meaning = rules.meanings.setdefault(key, ColumnMeaning(column=key, kind="money", role=key))
    meaning.evidence.append(Evidence("money_unit_header", {"header": str(header), "factor": factor}))
    unit = Message(f"money_unit.{factor}")
    filled = int(values.notna().sum())
    rules.add("money_unit_header", filled, set_aside=False, column=str(header), unit=unit, factor=factor)
    return (values * factor).round(6)  # 1.234 thousand is 1234, not 1233.9999999999998


def _reads_day_first(attrs: dict) -> bool:
    """German-looking files (decimal comma or ``;``) and workbooks read 01/02/2026 as 1 February;
    other text files (decimal point, ``,`` or tab) as 2 January."""
    if attrs.get("decimal") == "," or attrs.get("separator") == ";":
        return True
    return attrs.get("format") != "csv"


def _note_date_reading(dates: pd.Series, key: str, label: Message, rules: _Rules) -> None:
    """Keep how a date column was read (D/M or M/D and why, YYYYMMDD, Excel serials); count assumptions."""
    order = dates.attrs.get("date_order") or {}
    source = dates.attrs.get("date_source")
    meaning = rules.meanings.setdefault(key, ColumnMeaning(column=key, kind="date", role=key))
    if source in ("yyyymmdd", "excel_serial", "unix_s", "unix_ms", "year_only") and not meaning.evidence:
        meaning.evidence.append(Evidence(f"date_{source}"))
    if dates.attrs.get("century_shifted"):
        rules.add("two_digit_year_past", dates.attrs["century_shifted"], set_aside=False, role=label)
    if order.get("evidence") == "assumed" and rules.file_date_order is not None:
        order = {**order, "evidence": "other_column", "example": rules.file_date_order.example}
    if order.get("order"):
        order_text = Message(f"date.order.{order['order']}")
        meaning.evidence.append(Evidence("date_order", {**order, "order_text": order_text}))
        if order.get("evidence") == "assumed":
            rules.add(
                "date_order_assumed",
                int(dates.notna().sum()),
                set_aside=False,
                role=label,
                example=order.get("example"),
                order=order_text,
            )


def _file_date_order(source: pd.DataFrame, mapping: ColumnMapping) -> DateOrder | None:
    """The day/month order the file's date columns prove (a first or second part above 12), when those
    that prove one agree: a signup date "28/11/2021" decides a churn column of only "06/02/2024"s."""
    proven = []
    for key, match in mapping.matches.items():
        if (
            key == "touchpoints"
            or not isinstance(match.column, str)
            or role(mapping.table, key).kind != "date"
        ):
            continue
        values = source[match.column]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            order = date_order(pd.Series(pd.unique(values.dropna())).astype("string"))
            if order.evidence in ("first_part_over_12", "second_part_over_12"):
                proven.append(order)
    orders = {order.order for order in proven}
    return proven[0] if len(orders) == 1 else None


def _without_missing_codes(raw: pd.Series, values: pd.Series, label: Message, rules: _Rules) -> pd.Series:
    """A category's "n/a", "?", "unknown", "BLANK", "weiß nicht" cells are missing, and counted (also a
    gender written as "U" or "unknown", which :func:`normalize_gender` leaves empty)."""
    marked = marked_missing(raw) | (clean_text(raw).notna() & values.isna()).to_numpy()
    marked &= ~salutation_without_gender(raw).to_numpy()  # counted as salutations naming no gender
    rules.add("marked_missing", int(marked.sum()), set_aside=False, role=label)
    return values.mask(marked.to_numpy(), pd.NA) if marked.any() else values


def _reading_facts(attrs: dict, rules: _Rules) -> dict:
    """How the file was read, for the ``inputs`` section: format, separator, header, packing, dates."""
    facts = {key: attrs[key] for key in ("format", "separator", "compression", "has_header") if key in attrs}
    dates = {
        key: next((e.params for e in meaning.evidence if e.code == "date_order"), None)
        for key, meaning in rules.meanings.items()
        if meaning.kind == "date"
    }
    if any(dates.values()):
        facts["date_order"] = {key: value for key, value in dates.items() if value}
    return facts


def _mapping_meanings(mapping: ColumnMapping, rules: _Rules) -> dict[str, ColumnMeaning]:
    """Column meanings learnt while validating, with the evidence of roles chosen by their values."""
    meanings = dict(rules.meanings)
    for role_key, evidence in mapping.evidence.items():
        kind = role(mapping.table, role_key).kind
        meaning = meanings.setdefault(role_key, ColumnMeaning(column=role_key, kind=kind, role=role_key))
        meaning.evidence[:0] = evidence
    return meanings


# --- transactions: the amount of a line, and lines that are no purchase -------------------------------

_CANCELLED_INVOICE = re.compile(r"^[Cc]\d+$")


def _resolve_amount(
    data: pd.DataFrame, mapping: ColumnMapping, rules: _Rules, source: pd.DataFrame, renames: Mapping
) -> pd.Series | None:
    """A line's amount: its line total; else quantity × unit price; else the unit price with a note.
    Then in currency units (cents divided by 100) and net of a refunded part given in its own column.

    Returns the lines refunded in full by that column (no purchase), or None."""
    _amount_of_line(data, mapping, rules)
    if "amount" not in data:
        return None
    meaning = rules.meanings["amount"]
    header = mapping.matches["amount"].column if "amount" in mapping.matches else "amount"
    if "order_id" in data and "amount" in mapping.matches:
        differ = next((data[key] for key in ("quantity", "unit_price") if key in data), None)
        repeated = repeated_order_total(data["amount"], data["order_id"], header, differ)
        if repeated is not None and repeated.any():
            data["amount"] = data["amount"].mask(repeated)
            meaning.evidence.append(Evidence("order_total_repeated", {"header": str(header)}))
            rules.add("order_total_repeated", int(repeated.sum()), set_aside=False, column=str(header))
    _header_currency_rule(data, mapping, rules)
    cents = amount_in_cents(header, data["amount"], source)
    if cents is not None:
        data["amount"] = data["amount"] / 100
        meaning.evidence.append(cents)
        rules.add("amount_in_cents", int(data["amount"].notna().sum()), set_aside=False, column=str(header))
    refund = refund_column(mapping.unmapped, header)
    refunded = data.get(renames.get(refund, refund)) if refund is not None else None
    if refunded is not None and pd.api.types.is_numeric_dtype(refunded) and (refunded.fillna(0) != 0).any():
        refunded = refunded.abs() / (100 if cents is not None else 1)
        partly = data["amount"].notna() & (refunded > 0)
        data["amount"] = data["amount"] - refunded.where(partly, 0.0)
        meaning.evidence.append(Evidence("amount_net_of_refunds", {"header": str(refund)}))
        rules.add("refund_subtracted", int(partly.sum()), set_aside=False, column=str(refund))
        return (partly & (data["amount"] <= 0)).astype(bool)
    return None


def _header_currency_rule(data: pd.DataFrame, mapping: ColumnMapping, rules: _Rules) -> None:
    """Say the currency the amount's header names ("TransactionAmount (INR)", "UnitPrice (£)"): the money
    figures are in it, whatever currency they are labelled with (amounts are never converted)."""
    match = mapping.matches.get("amount") or mapping.matches.get("unit_price")
    code = header_currency(match.column) if match is not None else None
    if code is None:
        return
    filled = int(data["amount"].notna().sum())
    rules.add("amount_currency_header", filled, set_aside=False, column=str(match.column), currency=code)
    evidence = Evidence("amount_currency_header", {"header": str(match.column), "currency": code})
    rules.meanings["amount"].evidence.append(evidence)


def _note_mixed_currencies(
    data: pd.DataFrame, mapping: ColumnMapping, rules: _Rules, source: pd.DataFrame
) -> None:
    """Say so when the amounts are in several currencies: they are added as written (no rates known)."""
    header = mapping.matches["amount"].column if "amount" in mapping.matches else None
    mixed = mixed_currencies(source[data["amount"].notna()], mapping.unmapped, header)
    if mixed is None:
        return
    column, main, others = mixed
    listed = ", ".join(f"{code} {lines}" for code, lines in others.items())
    lines = sum(others.values())
    rules.add("mixed_currencies", lines, set_aside=False, column=str(column), main=main, others=listed)
    evidence = Evidence("amount_mixed_currencies", {"header": str(column), "main": main})
    rules.meanings["amount"].evidence.append(evidence)


def _amount_of_line(data: pd.DataFrame, mapping: ColumnMapping, rules: _Rules) -> None:
    matches = mapping.matches
    if "amount" in data:
        source = "line_total"
    elif "quantity" in data and "unit_price" in data:
        data["amount"] = data["quantity"] * data["unit_price"]
        source = "quantity_times_unit_price"
        rules.add(
            "amount_from_quantity_price",
            int(data["amount"].notna().sum()),
            set_aside=False,
            quantity=matches["quantity"].column,
            price=matches["unit_price"].column,
        )
    elif "unit_price" in data:
        data["amount"] = data["unit_price"]
        source = "unit_price_only"
        rules.add(
            "amount_from_unit_price",
            int(data["amount"].notna().sum()),
            set_aside=False,
            price=matches["unit_price"].column,
        )
    else:
        return
    meaning = rules.meanings.setdefault("amount", ColumnMeaning(column="amount", kind="money", role="amount"))
    meaning.evidence.append(Evidence("amount_source", {"source": source}))


def _set_aside_lines(
    data: pd.DataFrame,
    source: pd.DataFrame,
    mapping: ColumnMapping,
    refunded_in_full: pd.Series | None = None,
) -> list[tuple[str, pd.Series, dict]]:
    """Lines that are no purchase: cancelled or returned (status word, a cancel mark such as ``Storno`` =
    X, "C" invoice, negative quantity or amount, refunded in full), or not paid (failed, pending).

    A status written only on an order's first line (shop exports) holds for all lines of the order."""
    checks: list[tuple[str, pd.Series, dict]] = []
    items = non_product_lines(source, mapping.unmapped)
    if items is not None:
        column, mask = items
        examples = quoted_examples(source[column].astype("string"), mask)
        checks.append(("not_a_product", mask, {"column": str(column), "examples": examples}))
    marks = cancel_mark_columns(source, [*mapping.unmapped, *_status_header(mapping)])
    if "status" in data and mapping.matches["status"].column not in marks:
        status = data["status"].astype("string")
        if "order_id" in data and status.isna().any():  # shop exports write it on an order's first line
            status = status.fillna(status.groupby(data["order_id"]).transform("first"))
        cancelled = status.str.contains(CANCELLED, na=False).astype(bool)
        unpaid = status.str.contains(UNPAID, na=False).astype(bool) & ~cancelled
        checks.append(("cancelled_status", cancelled, {"examples": quoted_examples(status, cancelled)}))
        checks.append(("unpaid_status", unpaid, {"examples": quoted_examples(status, unpaid)}))
    for column, marked in marks.items():
        checks.append(("cancelled_mark", marked, {"column": str(column)}))
    if refunded_in_full is not None:
        checks.append(("refunded_in_full", refunded_in_full, {}))
    if "order_id" in data:
        ids = data["order_id"].astype("string").str.strip()
        numeric_share = ids.str.fullmatch(r"\d+").fillna(False).mean() if ids.notna().any() else 0.0
        cancel = ids.str.fullmatch(_CANCELLED_INVOICE).fillna(False).astype(bool)
        if numeric_share >= 0.5:
            checks.append(("cancelled_invoice", cancel, {"examples": quoted_examples(ids, cancel)}))
    if "quantity" in data:
        checks.append(("negative_quantity", (data["quantity"] < 0).fillna(False), {}))
    if "amount" in data:
        checks.append(("negative_amount", (data["amount"] < 0).fillna(False), {}))
    if any(e.code == "amount_paid_not_total" for e in mapping.evidence.get("amount", [])):
        column = str(mapping.matches["amount"].column)
        checks.append(("nothing_paid", (data["amount"] == 0).fillna(False).astype(bool), {"column": column}))
    if "order_id" in data and "amount" in data:  # a till's Storno line takes back a line of its receipt
        reversal = data["amount"] < 0
        if "quantity" in data:  # a negative quantity or a cancel mark says the line reverses, not a discount
            marked = pd.Series(False, index=data.index)
            for flags in marks.values():
                marked |= flags
            reversal &= (data["quantity"] < 0) | marked
        checks.append(("reversed_sale", reversed_sales(data["order_id"], data["amount"], reversal), {}))
    return checks


def _returned_order_rule(data: pd.DataFrame, returned: Mapping | None) -> list[tuple[str, pd.Series, dict]]:
    """Lines of the orders another sheet of the workbook lists as returned (Sample Superstore's "Returns"
    sheet, :func:`~cxlib.transaction_columns.returned_orders_sheet`): no purchase, as a returned status."""
    if not returned or "order_id" not in data:
        return []
    mask = normalize_ids(data["order_id"]).isin(returned["orders"]).fillna(False).astype(bool)
    return [("returned_order", mask, {"sheet": returned["sheet"], "column": returned["column"]})]


def _sale_type_rule(source: pd.DataFrame, mapping: ColumnMapping) -> list[tuple]:
    """Lines that are no purchase by what they are, as the first row rules: they are named for what they
    are, not for the customer they lack. An event log's views and carts (:func:`non_purchase_events`),
    a payment account's withdrawals, conversions and refunds (:func:`not_a_sale`), a card log's lines
    marked as fraud (:func:`fraud_marks`: the card holder did not buy them) or as declined
    (:func:`unpaid_marks`: ``authorized_flag`` N, never charged)."""
    if mapping.table != "transactions":
        return []
    headers = [*mapping.unmapped, *_status_header(mapping)]
    checks = []
    for rule, found in (
        ("not_a_purchase_event", non_purchase_events(source, headers)),
        ("not_a_sale", not_a_sale(source, mapping.unmapped)),
    ):
        if found is not None:
            column, mask = found
            examples = quoted_examples(source[column].astype("string"), mask)
            checks.append((rule, mask, {"column": str(column), "examples": examples}))
    for column, mask in fraud_marks(source, mapping.unmapped).items():
        checks.append(("fraud_mark", mask, {"column": str(column)}))
    for column, mask in unpaid_marks(source, mapping.unmapped).items():
        checks.append(("unpaid_mark", mask, {"column": str(column)}))
    return checks


def _status_header(mapping: ColumnMapping) -> list:
    return [mapping.matches["status"].column] if "status" in mapping.matches else []


def _code_header(header: object) -> bool:
    """A postal code or phone number column: digits that are a code (PLZ 01067 keeps its leading zero)."""
    from cxlib.customer_columns import persona_exclusion

    return persona_exclusion(header, pd.Series(dtype=object)) in ("postal_code", "phone_number")


def _extra(values: pd.Series, decimal: str | None) -> pd.Series:
    """Unmapped columns: numbers when every filled cell is a number, dates stay dates, else text."""
    if pd.api.types.is_datetime64_any_dtype(values) or pd.api.types.is_bool_dtype(values):
        return values
    if not pd.api.types.is_numeric_dtype(values) and _text_in_first_cells(values, decimal):
        return clean_text(values)  # what the whole column's parse would decide, without parsing it
    numbers, bad, _ = parse_numbers(values, decimal=decimal)
    if not bad.any() and numbers.notna().any():
        return numbers
    return clean_text(values)


#: Filled cells of an unmapped text column read as numbers first: one that is no number decides it is text.
_FIRST_CELLS = 200
#: :func:`guess_decimal` decides on the first 500 filled cells of a column.
_GUESS_CELLS = 500


def _text_in_first_cells(values: pd.Series, decimal: str | None) -> bool:
    """True when one of the first filled cells is no number, read with the decimal mark
    :func:`parse_numbers` would use on the whole column (it reads cell by cell, so that cell would
    be unreadable there too)."""
    filled = values.head(_GUESS_CELLS * 2).dropna()
    if len(filled) < _GUESS_CELLS:
        filled = values.dropna()
    decimal = decimal or guess_decimal(filled.head(_GUESS_CELLS))  # as guess_decimal sees the whole column
    _, bad, _ = parse_numbers(filled.head(_FIRST_CELLS), decimal=decimal)
    return bool(bad.any())


def _date_rules(data: pd.DataFrame, table: TableName, rules: _Rules, today: date) -> None:
    limit = pd.Timestamp(today) + pd.Timedelta(days=1)
    for key in ("signup_date", "churn_date", "response_date", "date"):
        if key in data:
            future = data[key] >= limit
            rules.add(
                "future_date",
                int(future.sum()),
                set_aside=False,
                role=_role_label(table, key),
                reference=today,
            )
            data[key] = data[key].mask(future)
    if "signup_date" in data and "churn_date" in data:
        backwards = data["churn_date"] < data["signup_date"]
        rules.add("churn_before_signup", int(backwards.sum()), set_aside=False)
        data["churn_date"] = data["churn_date"].mask(backwards)
        if table == "customers":
            _ends_after_now(data, rules)
    if table == "customers" and "churn_date" in data:
        has_date = data["churn_date"].notna()
        flag = data["churned"] if "churned" in data else pd.Series(False, index=data.index, dtype="boolean")
        data["churned"] = (flag.fillna(False).astype(bool) | has_date).astype(bool)


def _ends_after_now(data: pd.DataFrame, rules: _Rules) -> None:
    """End dates after the data's own "now" (:func:`cxlib.churn.ends_after_now`, the latest signup date)
    are contracts that end later: left empty, so those customers are not churned at that date, and
    counted (rule and assumption ``churn_dates_after_now``)."""
    now = ends_after_now(data["signup_date"], data["churn_date"])
    if now is None:
        return
    later = data["churn_date"] > now
    rows, reference, latest = int(later.sum()), now.date(), data["churn_date"].max().date()
    label = _role_label("customers", "churn_date")
    rules.add("churn_dates_after_now", rows, set_aside=False, role=label, reference=reference, latest=latest)
    kind = ColumnMeaning(column="churn_date", kind="date", role="churn_date")
    params = {"rows": rows, "reference": reference.isoformat(), "latest": latest.isoformat()}
    rules.meanings.setdefault("churn_date", kind).evidence.append(Evidence("churn_dates_after_now", params))
    data["churn_date"] = data["churn_date"].mask(later)


def _recommend_rule(data: pd.DataFrame, raw: pd.Series, rules: _Rules) -> None:
    scores = data["recommend"]
    invalid = scores.notna() & ((scores < 0) | (scores > 10) | (scores != scores.round()))
    examples = quoted_examples(raw, invalid)
    rules.add("recommend_out_of_range", int(invalid.sum()), set_aside=False, examples=examples)
    data["recommend"] = scores.mask(invalid)


def _exact_duplicates(data: pd.DataFrame, shared_id: np.ndarray) -> pd.Series:
    """``data.duplicated(keep="first")``, compared only among rows that share their customer id (an
    exact copy shares it too; ``shared_id`` marks them: ``duplicated(keep=False)`` of the ids)."""
    exact = np.zeros(len(data), dtype=bool)
    if shared_id.any():
        exact[shared_id] = data[shared_id].duplicated(keep="first").to_numpy()
    return pd.Series(exact, index=data.index)


def _stage_rules(data: pd.DataFrame, mapping: ColumnMapping, source: pd.DataFrame | None) -> list[tuple]:
    """Leads and prospects, then other contacts (partners, "other"), of a CRM's lifecycle or type column as
    row rules. The column may also be the churn status ("Former Customer" beside "Prospect"): it is then
    read under its own header from ``source``."""
    stages = data[[c for c in data.columns if c not in ("customer_id", "churned")]]
    match = mapping.matches.get("churned")
    if source is not None and match is not None and isinstance(match.column, str) and match.column in source:
        stages = stages.assign(**{str(match.column): source[match.column].to_numpy()})
    checks = []
    for group, rule in (("prospect", "not_a_customer"), ("other", "other_contact")):
        stage = prospect_rows(stages, stages.columns, group=group)
        if stage is not None:
            column, mask = stage
            examples = quoted_examples(stages[column], mask)
            checks.append((rule, mask, {"column": str(column), "examples": examples}))
    return checks


def _row_rules(
    data: pd.DataFrame, mapping: ColumnMapping, rules: _Rules, source: pd.DataFrame | None = None
) -> list[tuple]:
    """Rules that take whole rows out of use, in the order they are applied: (rule, mask[, params])."""
    checks: list[tuple] = []
    if "customer_id" in data and mapping.table == "customers":  # a total row has no ID: said as a total
        labels = total_labels(data)
        totals = labels.notna()
        checks.append(("total_row", totals, {"examples": quoted_examples(labels, totals)}))
    if "customer_id" in data and mapping.table in ("customers", "transactions"):
        checks.append(("missing_required", data["customer_id"].isna()))
    if "customer_id" in data and mapping.table == "transactions":
        checks.append(("guest_customer", guest_lines(data["customer_id"])))
    if mapping.table == "customers":
        checks += _stage_rules(data, mapping, source)
        shared_id = data["customer_id"].duplicated(keep=False).to_numpy()
        exact = _exact_duplicates(data, shared_id)
        checks.append(("exact_duplicate", exact))
        record = _record_key(data, mapping) if shared_id.any() else None
        key = ["customer_id", record[0]] if record else ["customer_id"]  # a customer's contracts: no copies
        repeated = (
            data["customer_id"].notna() & data[key].duplicated(keep="first")
            if shared_id.any()
            else pd.Series(False, index=data.index)  # no id twice: no second pass over the ids
        )
        checks.append(("duplicate_id", repeated & ~exact))
    elif mapping.table == "survey":
        checks += _incomplete_interview_rule(data, mapping)
        answers = [c for c in ("recommend", "satisfaction", "score", "comment") if c in data]
        answers += list(mapping.matches["touchpoints"].column) if "touchpoints" in mapping.matches else []
        if answers:
            checks.append(("empty_response", data[answers].isna().all(axis=1)))
        if mapping.is_long_format:
            checks.append(("missing_touchpoint", data["touchpoint"].isna()))
    return checks


def _record_key(data: pd.DataFrame, mapping: ColumnMapping) -> tuple[str, str] | None:
    """The column of a customer table that tells a customer's records apart (a contract number, else a
    contract start date) and its header; None when repeated customers are duplicates."""
    extras = [column for column in data.columns if column not in mapping.matches and column != "touchpoints"]
    record = record_column(data, extras)
    if record is not None:
        return record, record
    start = mapping.matches.get("signup_date")
    if start is not None and record_starts(data, start.column):
        return "signup_date", str(start.column)
    return None


def _combined_records(
    used: pd.DataFrame, mapping: ColumnMapping, rules: _Rules, renames: Mapping[object, str]
) -> tuple[pd.DataFrame, pd.Series | None]:
    """A customer table with one row per contract, policy, order or subscription (a record column numbers
    the rows, customers repeat): each customer's rows combined into one customer, and a rule says how
    many rows became how many customers (:mod:`cxlib.customer_records`). Also returns the customer of
    each record number (None when a start date told the records apart)."""
    if mapping.table != "customers" or not used["customer_id"].duplicated().any():
        return used, None
    record = _record_key(used, mapping)
    if record is None:
        return used, None
    records = None
    if record[0] != "signup_date":
        numbers = normalize_ids(used[record[0]])
        records = pd.Series(used["customer_id"].to_numpy(), index=numbers.to_numpy())[
            numbers.notna().to_numpy()
        ]
    combined = combine_records(used)
    summed = [str(mapping.matches[key].column) for key in SUMMED if key in mapping.matches]
    rules.add(
        "records_combined",
        len(used) - len(combined),
        set_aside=False,
        total=len(used),
        customers=len(combined),
        record=str(next((str(o) for o, name in renames.items() if name == record[1]), record[1])),
        column=str(mapping.matches["customer_id"].column),
        money=Message("records.summed", columns=", ".join(summed)) if summed else Message("records.none"),
    )
    return combined, records


def _incomplete_interview_rule(data: pd.DataFrame, mapping: ColumnMapping) -> list[tuple]:
    """Unfinished interviews (SoSci FINISHED = 0, EFS dispcode 22, an empty LimeSurvey submitdate ...)
    as a row rule, if marked. Columns that took a role are looked at under their own headers (the
    submit date is also the response date)."""
    from cxlib.survey_completion import incomplete_interviews

    headers = {
        key: str(match.column)
        for key, match in mapping.matches.items()
        if isinstance(match.column, str) and key in data.columns and str(match.column) not in data.columns
    }
    found = incomplete_interviews(data.rename(columns=headers))
    if found is None:
        return []
    column, mask, codes = found
    params = {"column": column, "examples": codes, "complete": int((~mask).sum())}
    return [("incomplete_interview", mask, params)]


def _link_rules(
    used: pd.DataFrame, table: TableName, known: Collection[str] | pd.Series | None, rules: _Rules
) -> None:
    if known is None or table == "customers" or "customer_id" not in used:
        return
    ids = used["customer_id"]
    unknown = ids.notna() & ~member_of(ids, known)
    rules.add("unknown_customer", int(unknown.sum()), set_aside=False)


#: What a row-number customer ID starts with: no ID of another export is written so.
ROW_ID_PREFIX = "#"


def _with_row_number_ids(
    source: pd.DataFrame, frame: pd.DataFrame, mapping: ColumnMapping, rules: _Rules
) -> pd.DataFrame:
    """A customer table without an ID column: its row numbers in the file become the IDs, written "#2",
    "#3" … so that no survey or transaction ID ("2", "c2@shop.de") is ever linked to them by chance (a
    rule says they cannot be linked)."""
    from cxlib.customer_columns import ROW_NUMBER_COLUMN
    from cxlib.tables import ColumnMatch

    source = source.copy()
    source[ROW_NUMBER_COLUMN] = ROW_ID_PREFIX + pd.Series(_row_numbers(frame), index=source.index).astype(str)
    mapping.matches["customer_id"] = ColumnMatch("customer_id", ROW_NUMBER_COLUMN, 1.0, "row_number")
    rules.add("no_id_row_numbers", len(source), set_aside=False)
    return source


def _row_numbers(frame: pd.DataFrame) -> np.ndarray:
    """The 1-based row number in the file of each row (the reader keeps them as the index)."""
    if "format" in frame.attrs and pd.api.types.is_integer_dtype(frame.index):
        return frame.index.to_numpy(dtype="int64")
    return np.arange(len(frame), dtype="int64") + 2  # a frame built in code: header on row 1


def _layout_rules(records: list[dict], rules: _Rules, renames: Mapping) -> pd.DataFrame:
    """Count the totals, repeated headers and note lines the reader left out (``attrs["layout_rows"]``),
    one rule each, and return them as set-aside rows (row number, cells, reason)."""
    if not records:
        return pd.DataFrame()
    aside = pd.DataFrame(
        [{ROW_COLUMN: r["row"], **{renames.get(c, c): v for c, v in r["cells"].items()}} for r in records]
    )
    aside[REASON_COLUMN] = [r["rule"] for r in records]
    for rule in dict.fromkeys(r["rule"] for r in records):
        texts = [r["text"] for r in records if r["rule"] == rule]
        shown = ", ".join(f"“{_shortened(text)}”" for text in list(dict.fromkeys(texts))[:3] if text)
        rules.add(rule, len(texts), set_aside=True, examples=shown)
    return aside


def _shortened(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _set_aside_frame(
    source: pd.DataFrame,
    mask: pd.Series,
    reasons: pd.Series,
    rows: np.ndarray,
    blank_rows: int,
    layout: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The original rows that were not used, with their spreadsheet row number and the reason's rule code
    (rows the reader left out as totals, repeated headers or notes among them, in file order)."""
    aside = source[mask].copy()
    aside.insert(0, ROW_COLUMN, rows[mask.to_numpy()])
    aside[REASON_COLUMN] = reasons[mask].to_numpy()
    if layout is not None and not layout.empty:
        aside = pd.concat([aside, layout], ignore_index=True).sort_values(ROW_COLUMN, kind="stable")
    if blank_rows:
        blanks = pd.DataFrame({ROW_COLUMN: [pd.NA] * blank_rows, REASON_COLUMN: "blank_row"})
        aside = pd.concat([aside, blanks], ignore_index=True)
    return aside.reset_index(drop=True)


def link_to_customers(
    table: ValidatedTable, customers: ValidatedTable, *, lang: str | None = None
) -> ValidatedTable:
    """Recount a survey or transaction table's rows of customers that are not in ``customers``
    (``lang`` is ignored: the counts carry language-neutral messages)."""
    rules = _Rules([r for r in table.report.rules if r.rule != "unknown_customer"])
    _link_rules(table.data, table.table, customers.data["customer_id"].dropna(), rules)
    table.report.rules = rules.items
    return table


def renamed_meanings(renames: dict, mapping: ColumnMapping) -> dict[str, ColumnMeaning]:
    """A :class:`ColumnMeaning` for each column renamed because its header is an internal name."""
    touchpoints = set(mapping.matches["touchpoints"].column) if "touchpoints" in mapping.matches else set()
    meanings = {}
    for original, name in renames.items():
        if original not in touchpoints and original not in mapping.unmapped:
            continue
        kind = "rating" if original in touchpoints else "unmapped"
        evidence = [Evidence("renamed_reserved", {"original": str(original), "name": name})]
        meanings[name] = ColumnMeaning(name, kind, evidence=evidence)
    return meanings


def reading_notes(attrs: Mapping) -> list[Message]:
    """What the reader repaired in a sheet (``attrs["note_keys"]``, see :mod:`cxlib.reading`), as messages.

    Examples
    --------
    >>> reading_notes({"note_keys": [("reading.note.no_header", {})]})[0].key
    'reading.note.no_header'
    """
    return [Message(key, **params) for key, params in attrs.get("note_keys", [])]


def reason_message(table: ValidatedTable, code: str) -> Message | str:
    """The words for one set-aside row's reason code (its rule's message, for one row)."""
    rule = next((r for r in table.report.rules if r.rule == code and r.set_aside), None)
    if rule is None or not isinstance(rule.detail, Message):
        return code if rule is None else rule.detail
    return Message(rule.detail.key, **{**rule.detail.params, "rows": 1})


def readable_set_aside(table: ValidatedTable, *, lang: str = "en") -> pd.DataFrame:
    """The set-aside rows with their reasons in ``lang`` (for showing and exporting).

    Examples
    --------
    >>> from cxlib.mapping import suggest_mapping
    >>> sheet = pd.DataFrame({"Kunden-ID": ["1", "1"], "Alter": ["34", "41"]})
    >>> table = validate_table(sheet, suggest_mapping(sheet, "customers"))
    >>> table.set_aside[REASON_COLUMN].tolist()
    ['duplicate_id']
    >>> readable_set_aside(table, lang="de")[REASON_COLUMN].str.startswith("1 Zeilen wiederholen").tolist()
    [True]
    """
    aside = table.set_aside
    if aside is None or REASON_COLUMN not in aside.columns or aside.empty:
        return aside
    texts = {code: reason_message(table, str(code)) for code in aside[REASON_COLUMN].dropna().unique()}
    shown = aside.copy()
    shown[REASON_COLUMN] = aside[REASON_COLUMN].map(lambda code: render_exact(texts.get(code, code), lang))
    return shown
