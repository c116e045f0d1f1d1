"""The customer table's checks that rest on meaning: age from a birth year or date of birth, values that
cannot be real, and revenue turned into a yearly figure from its money period.

Called by :func:`cxlib.validation.validate_table` for the customer table; returns the column meanings
(:class:`~cxlib.tables.ColumnMeaning`) with their evidence. :mod:`cxlib.assumptions` lists the inferred
assumptions among them for the JSON ``assumptions`` list, the tiles' help and the persona notes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd

from cxlib.clv import MONTHS_PER_YEAR, yearly_revenue
from cxlib.customer_columns import (
    customer_meanings,
    derived_age,
    header_span_months,
    implausible,
    mailing_list_column,
    money_period,
    payments_per_year,
    status_churn_words,
    trial_rows,
)
from cxlib.examples import quoted_examples
from cxlib.mapping import ColumnMapping, normalize_header
from cxlib.messages import Message
from cxlib.tables import ColumnMeaning, Evidence

PERIODS = ("month", "year", "lifetime")
DAYS_PER_MONTH = 365.25 / 12
_YEAR_WORDS = ("year", "years", "jahre", "jahr", "jahren", "yrs")
_WEEK_WORDS = ("week", "weeks", "woche", "wochen", "wks")
_DAY_WORDS = ("day", "days", "tag", "tage", "tagen")


def _examples(values: pd.Series, mask: pd.Series) -> str:
    shown = values[mask].drop_duplicates().head(3)
    return ", ".join(f"“{value:g}”" for value in shown)


def tenure_months(data: pd.DataFrame, header: object | None) -> tuple[pd.Series | None, str | None]:
    """Tenure in months (a header naming years, weeks or days counts in those) and the evidence code."""
    if "tenure" not in data.columns or header is None:
        return None, None
    words = set(normalize_header(header).split())
    if words & set(_YEAR_WORDS):
        return data["tenure"].astype(float) * 12, "tenure_years"
    if words & set(_WEEK_WORDS):  # "Tenure (weeks)": 52 weeks make 12 months
        return data["tenure"].astype(float) * 12 / 52, "tenure_weeks"
    if words & set(_DAY_WORDS):  # a tenure in days, mapped by hand ("tenure_days", "Kundendauer (Tage)")
        return data["tenure"].astype(float) / DAYS_PER_MONTH, "tenure_days"
    return data["tenure"].astype(float), "tenure_months_assumed"


def tenure_from_signup(data: pd.DataFrame) -> tuple[pd.Series | None, str | None]:
    """Months from the signup date to the churn date, or to the latest date in the table for customers
    who stay (so a lifetime total can be turned into a yearly figure), and the evidence code.

    Examples
    --------
    >>> data = pd.DataFrame({"signup_date": pd.to_datetime(["2022-01-01", "2023-01-01"]),
    ...                      "churn_date": pd.to_datetime(["2023-01-01", None])})
    >>> months, code = tenure_from_signup(data)
    >>> months.round(1).tolist(), code
    ([12.0, 0.0], 'tenure_from_signup')
    """
    from cxlib.churn import reference_date

    if "signup_date" not in data.columns or data["signup_date"].notna().sum() == 0:
        return None, None
    latest = pd.Timestamp(reference_date(data))
    end = data["churn_date"].fillna(latest) if "churn_date" in data.columns else latest
    days = (pd.to_datetime(end) - data["signup_date"]).dt.days.astype(float)
    return (days / DAYS_PER_MONTH).clip(lower=0), "tenure_from_signup"


def customer_columns_rules(
    source: pd.DataFrame,
    mapping: ColumnMapping,
    data: pd.DataFrame,
    rules,
    today: date,
    overrides: Mapping[str, Mapping[str, object]] | None = None,
) -> dict[str, ColumnMeaning]:
    """Apply the meaning-based checks to ``data`` in place and return the column meanings."""
    notes = list(mapping.customer_evidence)
    _churn_from_status_words(source, mapping, data, notes)
    status_dated = _churn_date_from_status_date(source, mapping, data, rules, notes)
    derived = None
    if "age" not in data.columns:
        unmapped = source[[c for c in mapping.unmapped if c in source.columns]]
        derived = _age_from_birth(unmapped, data, rules, today)
    for key in ("age", "income", "revenue"):
        if key in data.columns:
            mask = implausible(key, data[key])
            if mask.any():
                rules.add(
                    "implausible_value",
                    int(mask.sum()),
                    set_aside=False,
                    role=Message(f"role.{key}"),
                    examples=_examples(data[key], mask),
                )
                data[key] = data[key].mask(mask)
    trials = trial_rows(source, source.columns)
    if trials is not None:  # kept as customers (a trial is a signed-up account), but said
        column, mask = trials
        rules.add("trial_customers", int(mask.sum()), set_aside=False, column=str(column),
                  examples=quoted_examples(source[column], mask))  # fmt: skip
    _said_who_counts(source, mapping, data, rules)
    undated = _churned_without_date(source, mapping, rules)
    meanings = customer_meanings(source, mapping, data, notes)
    for evidence in (undated, status_dated):
        if evidence is not None:
            meanings.setdefault("churn_date", ColumnMeaning("churn_date", "date", role="churn_date"))
            meanings["churn_date"].evidence.append(evidence)
    if derived is not None:
        meanings["age"] = ColumnMeaning("age", "age", role="age", evidence=[derived])
    if "revenue" in data.columns:
        _revenue_per_year(source, mapping, data, meanings, overrides or {}, rules)
    if "margin" in data.columns and "margin" in meanings:
        header = mapping.matches["margin"].column
        by_values = None if is_rate_header(header) else margin_rate_by_values(source[header], data)
        if by_values is not None:
            meanings["margin"].evidence.append(Evidence(by_values, {"header": str(header)}))
        if by_values is not None or is_rate_header(header):
            _margin_from_rate(mapping, data, meanings["margin"])
        else:
            _margin_per_year(mapping, data, meanings["margin"])
    return meanings


def _said_who_counts(source: pd.DataFrame, mapping: ColumnMapping, data: pd.DataFrame, rules) -> None:
    """Rows counted as customers that may be none, said (not set aside): a mailing list's subscribers
    (a Mailchimp audience: opt-in times, no purchase or churn), and customers with no order at all (a
    Shopify customer export lists every account and newsletter sign-up, "Total Orders" 0)."""
    optin = mailing_list_column(source, mapping.matches)
    if optin is not None:
        rules.add("mailing_list_rows", len(data), set_aside=False, column=str(optin))
    if "orders" in data.columns:
        none = (data["orders"] == 0).fillna(False).astype(bool)
        if "revenue" in data.columns:  # a customer with spend but no counted order did buy
            none &= ~(data["revenue"] > 0).fillna(False).astype(bool)
        column = str(mapping.matches["orders"].column)
        rules.add("no_purchase", int(none.sum()), set_aside=False, column=column)


#: Header words of the day a status was set, beside the status column's own header: "Statusdatum",
#: "Status seit", "Status Date", "Status changed at", "Datum Status", "Status geändert am".
_STATUS_DAY_WORDS = frozenset({"datum", "date", "seit", "since", "changed", "geaendert", "geändert",
                               "updated", "change", "aenderung", "änderung", "day", "tag"})  # fmt: skip


def _status_date_column(source: pd.DataFrame, mapping: ColumnMapping, status: object) -> object | None:
    """The unmapped column that dates the status column ``status``: its header repeats the status header
    and adds a date word ("Status" -> "Statusdatum", "Status seit", "Status Date")."""
    name = normalize_header(status).replace(" ", "")
    for column in mapping.unmapped:
        header = normalize_header(column)
        if column == status or column not in source.columns or name not in header.replace(" ", ""):
            continue
        rest = header.replace(" ", "").replace(name, "", 1)
        if rest in _STATUS_DAY_WORDS or set(header.split()) & _STATUS_DAY_WORDS:
            return column
    return None


def _churn_date_from_status_date(
    source: pd.DataFrame, mapping: ColumnMapping, data: pd.DataFrame, rules, notes: list
) -> Evidence | None:
    """A status column's own date ("Statusdatum" beside "Status": aktiv / gekündigt) is the churn date of
    the rows the status marks churned; for the others it dates something else (the signup, a tariff
    change) and is not used. Dates before the signup are left empty and counted as for a churn date;
    churned rows without a date are counted (rule ``churned_without_date``)."""
    from cxlib.parsing import parse_dates

    status = next((column for column, e in notes if e.code == "churn_status_words"), None)
    if status is None or "churn_date" in data.columns or "churned" not in data.columns:
        return None
    column = _status_date_column(source, mapping, status)
    if column is None:
        return None
    dates, bad = parse_dates(source[column], ambiguous_day_first=getattr(rules, "day_first", True))
    filled = source[column].notna() & (source[column].astype("string").str.strip() != "").fillna(False)
    if not dates.notna().any() or bad[filled].mean() > 0.05:
        return None
    churned = data["churned"].fillna(False).astype(bool).to_numpy()
    churn = pd.Series(dates.to_numpy(), index=data.index).where(churned).astype("datetime64[ns]")
    if "signup_date" in data.columns:
        backwards = (churn < data["signup_date"]).fillna(False)
        rules.add("churn_before_signup", int(backwards.sum()), set_aside=False)
        churn = churn.mask(backwards)
    data["churn_date"] = churn
    named = {"column": str(status), "dates": str(column)}
    rules.add(
        "churned_without_date", int((churned & churn.isna().to_numpy()).sum()), set_aside=False, **named
    )
    return Evidence("churn_date_from_status_date", {"rows": int(churn.notna().sum()), **named})


def _churned_without_date(source: pd.DataFrame, mapping: ColumnMapping, rules) -> Evidence | None:
    """Customers a status column marks as churned ("Gekündigt") whose churn-date cell is empty, beside a
    mapped churn date: the churn rate counts churn by its dates, so they stay customers throughout and
    the rate may be too low. Counted (rule ``churned_without_date``) and returned as the assumption."""
    if "churn_date" not in mapping.matches or "churned" in mapping.matches:
        return None
    dates = source[mapping.matches["churn_date"].column].astype("string").str.strip()
    empty = (dates.isna() | (dates == "")).fillna(True).astype(bool)
    for column in mapping.unmapped:
        if column not in source.columns or pd.api.types.is_numeric_dtype(source[column]):
            continue
        words = status_churn_words(source[column].head(20_000))
        if not words:
            continue
        text = source[column].astype("string").str.strip()
        said = text.isin([word for word, churned in words.items() if churned]).fillna(False).astype(bool)
        rows = int((said & empty).sum())
        if not rows:
            return None
        params = {"rows": rows, "column": str(column), "dates": str(mapping.matches["churn_date"].column)}
        rules.add(
            "churned_without_date", rows, set_aside=False, column=params["column"], dates=params["dates"]
        )
        return Evidence("churned_without_date", params)
    return None


#: Words of a header that make a margin column a rate ("Deckungsbeitrag in %", "DB-Quote", "Marge (Prozent)").
_RATE_WORDS = frozenset({"prozent", "percent", "percentage", "pct", "quote", "rate", "ratio", "prozentsatz"})


def is_rate_header(header: object) -> bool:
    """True when a header names a share in per cent, not an amount of money.

    Examples
    --------
    >>> [is_rate_header(h) for h in ("Deckungsbeitrag in %", "DB-Quote", "Marge", "Deckungsbeitrag")]
    [True, True, False, False]
    """
    words = normalize_header(header).split()
    return "%" in str(header) or any(w in _RATE_WORDS or w.endswith(("quote", "prozent")) for w in words)


#: A margin column with at most this many distinct whole values up to 100 (beside a revenue with many
#: more) is a rate per tariff or class ("25" for 25 %), not money: a money margin varies like revenue.
_RATE_CLASSES = 20
_RATE_MIN_ROWS = 50


def margin_rate_by_values(raw: pd.Series, data: pd.DataFrame) -> str | None:
    """The evidence code when a margin column's values, not its header, show a share in per cent: cells
    written with "%" ("25 %"), fractions beside a revenue (every value 0…1, "0,25"), or a handful of
    whole numbers up to 100 beside a revenue of many values ("25"); None for money.

    Examples
    --------
    >>> data = pd.DataFrame({"margin": [0.25, 0.3, 0.2], "revenue": [400.0, 900.0, 120.0]})
    >>> margin_rate_by_values(pd.Series(["25 %", "30 %", "20 %"]), data)
    'margin_rate_percent_cells'
    >>> margin_rate_by_values(data["margin"], data)
    'margin_rate_fractions'
    >>> money = data.assign(margin=[120.0, 310.0, 40.0])
    >>> margin_rate_by_values(money["margin"], money) is None
    True
    """
    text = raw.astype("string").str.strip()
    filled = text[text.notna() & (text != "")]
    if not filled.empty and filled.str.endswith("%").mean() >= 0.8:
        return "margin_rate_percent_cells"
    margin = data["margin"].dropna()
    revenue = data["revenue"].dropna() if "revenue" in data.columns else pd.Series(dtype=float)
    if margin.empty or revenue.empty or margin.min() < 0:
        return None
    if margin.max() <= 1 and margin.nunique() > 2:  # not a 0/1 flag
        return "margin_rate_fractions"
    whole = bool((margin == margin.round()).all()) and margin.max() <= 100
    classes = margin.nunique() <= _RATE_CLASSES and revenue.nunique() >= 5 * margin.nunique()
    return "margin_rate_whole_percent" if whole and classes and len(margin) >= _RATE_MIN_ROWS else None


def _margin_from_rate(mapping: ColumnMapping, data: pd.DataFrame, meaning: ColumnMeaning) -> None:
    """A margin in per cent ("Deckungsbeitrag in %") is a rate of revenue, not money: the yearly margin is
    revenue × rate (values up to 1 are fractions, larger ones per cent). Without revenue there is no
    margin in money, and the column is not used as one."""
    header = str(mapping.matches["margin"].column)
    rates = data["margin"].astype(float)
    fraction = rates if rates.abs().max() <= 1 else rates / 100
    if "revenue" in data.columns:  # the margin column now holds money per year
        data["margin"] = data["revenue"].astype(float) * fraction
        revenue = str(mapping.matches["revenue"].column)
        meaning.evidence.append(Evidence("margin_from_rate", {"header": header, "revenue": revenue}))
    else:
        data["margin"] = float("nan")
        meaning.kind = "number"
        meaning.evidence.append(Evidence("margin_rate_no_revenue", {"header": header}))


def _margin_per_year(mapping: ColumnMapping, data: pd.DataFrame, meaning: ColumnMeaning) -> None:
    """A margin whose header names its period ("Deckungsbeitrag kumuliert", "DB gesamt", "Marge
    monatlich") turned into a yearly margin, the CLV's m, the way revenue is. A plain "Deckungsbeitrag"
    stays as it is (per year, as the CLV's help says)."""
    header = mapping.matches["margin"].column
    period, code = money_period(header)
    if code == "period_default_year":
        return
    if code == "period_header_span":  # "DB letzte 24 Monate": margin × 12 / 24 per year
        months = header_span_months(header) or float(MONTHS_PER_YEAR)
        data["margin"] = data["margin"].astype(float) * MONTHS_PER_YEAR / months
        meaning.evidence += [Evidence(code, {"header": str(header), "months": months}),
                             Evidence("margin_span_to_year", {"months": months})]  # fmt: skip
        return
    months, tenure_code = None, None
    if period == "lifetime":
        tenure_header = mapping.matches["tenure"].column if "tenure" in mapping.matches else None
        months, tenure_code = tenure_months(data, tenure_header)
        if months is None:
            months, tenure_code = tenure_from_signup(data)
    yearly, how = yearly_revenue(data["margin"], period=period, tenure_months=months)
    data["margin"] = yearly
    meaning.period = period  # type: ignore[assignment]
    meaning.evidence.append(Evidence(code, {"header": str(mapping.matches["margin"].column)}))
    params = {"period": period, **({"tenure": tenure_code} if how == "lifetime_per_tenure" else {})}
    meaning.evidence.append(Evidence(f"margin_{how}", params))


def _age_from_birth(unmapped: pd.DataFrame, data: pd.DataFrame, rules, today: date) -> Evidence | None:
    """The age from a birth year or date of birth, put into ``data["age"]``, and its evidence.

    Ages are taken on the data's own reference date, the latest signup or churn date of the table
    (:func:`cxlib.churn.reference_date`, the day churn is measured at), so that an export of 2023 read
    in 2026 does not make every customer three years older than in its churn figures; a table without
    dates takes today (the evidence says which)."""
    from cxlib.churn import reference_date

    reference = reference_date(data)
    found = derived_age(unmapped, today=reference or today)
    if found is None:
        return None
    ages, column, code = found
    data["age"] = ages.to_numpy()
    _count_unreadable_birth_dates(unmapped[column], ages, column, rules)
    if reference is None:
        return Evidence(code, {"header": str(column)})
    params = {"header": str(column), "reference": reference.isoformat(), "year": reference.year}
    return Evidence(f"{code}_at", params)


def _count_unreadable_birth_dates(raw: pd.Series, ages: pd.Series, column: object, rules) -> None:
    """Birth dates that give no age ("00.00.0000", a typo) are counted, not silently left empty."""
    from cxlib.parsing import marked_missing

    text = raw.astype("string").str.strip()
    bad = (text.notna() & (text != "") & ages.isna()).fillna(False).astype(bool) & ~marked_missing(raw)
    shown = quoted_examples(text, bad)
    rules.add("unparseable_date", int(bad.sum()), set_aside=False, role=str(column), examples=shown)


def _churn_from_status_words(
    source: pd.DataFrame, mapping: ColumnMapping, data: pd.DataFrame, notes: list[tuple[str, Evidence]]
) -> None:
    """A churned flag read from a status column's words as its evidence says (a dormant "inaktiv" beside
    "gekündigt" is still a customer), not by the general yes/no reading."""
    for column, evidence in notes:
        if evidence.code != "churn_status_words" or "churned" not in data.columns:
            continue
        words = {
            **dict.fromkeys(evidence.params["churned"], True),
            **dict.fromkeys(evidence.params["active"], False),
        }
        text = source[column].astype("string").str.strip()
        churned = text.map(words).astype("boolean")
        data["churned"] = churned.where(text.isin(list(words)), data["churned"]).to_numpy()


def _payment_frequency(source: pd.DataFrame, meaning: ColumnMeaning) -> tuple[str, pd.Series] | None:
    """The payment-frequency column the revenue's evidence names and its payments per year per row."""
    for evidence in meaning.evidence:
        if evidence.code == "period_payment_frequency":
            return evidence.params["frequency"], payments_per_year(source, [evidence.params["frequency"]])[1]
    return None


def _span_months(meaning: ColumnMeaning) -> float | None:
    """The months the revenue's header says it covers ("Spend last 2 years": 24), from its evidence."""
    for evidence in meaning.evidence:
        if evidence.code == "period_header_span":
            return float(evidence.params["months"])
    return None


def _revenue_per_year(
    source: pd.DataFrame,
    mapping: ColumnMapping,
    data: pd.DataFrame,
    meanings: dict[str, ColumnMeaning],
    overrides: Mapping,
    rules,
) -> None:
    meaning = meanings["revenue"]
    chosen = (overrides.get("revenue") or {}).get("period")
    if chosen is not None:
        if chosen not in PERIODS:
            raise ValueError(f"period must be one of {PERIODS}, got {chosen!r}")
        meaning.period = chosen  # type: ignore[assignment]
        meaning.evidence = [e for e in meaning.evidence if not e.code.startswith("period_")]
        meaning.evidence.append(Evidence("period_chosen", {"period": chosen}))
    period = meaning.period or money_period(mapping.matches["revenue"].column)[0]
    tenure_header = mapping.matches["tenure"].column if "tenure" in mapping.matches else None
    months, tenure_code = tenure_months(data, tenure_header)
    if months is None and period == "lifetime":
        months, tenure_code = tenure_from_signup(data)
        if months is not None:
            meaning.evidence.append(
                Evidence("tenure_from_signup", {"header": str(mapping.matches["signup_date"].column)})
            )
    yearly, code = yearly_revenue(data["revenue"], period=period, tenure_months=months)
    span = _span_months(meaning) if chosen is None else None
    if span is not None:  # "Spend last 2 years": amount × 12 / 24 per year
        data["revenue"] = data["revenue"].astype(float) * MONTHS_PER_YEAR / span
        meaning.evidence.append(Evidence("revenue_span_to_year", {"months": span}))
        return
    frequency = _payment_frequency(source, meaning) if chosen is None else None
    if frequency is not None:
        column, per_year = frequency
        yearly = data["revenue"].astype(float) * per_year.to_numpy()
        code = "per_payment_x_frequency"
        params = {"frequency": column, "unknown": int((data["revenue"].notna() & yearly.isna()).sum())}
        data["revenue"] = yearly
        meaning.evidence.append(Evidence(f"revenue_{code}", params))
        return
    if code == "lifetime_per_tenure":  # a lifetime total without a tenure gives no yearly figure: said
        lost = data["revenue"].notna() & yearly.isna()
        rules.add("revenue_without_tenure", int(lost.sum()), set_aside=False,
                  column=str(mapping.matches["revenue"].column))  # fmt: skip
    data["revenue"] = yearly
    params = {"period": period}
    if code == "lifetime_per_tenure" and tenure_code:
        params["tenure"] = tenure_code
    meaning.evidence.append(Evidence(f"revenue_{code}", params))
