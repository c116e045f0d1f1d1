"""Properties: arbitrary tables through mapping and validation raise only CxError and account for every row;
CLV and churn stay within their bounds."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxlib.churn import churn_rate
from cxlib.clv import ClvSettings, customer_lifetime_value
from cxlib.errors import CxError
from cxlib.mapping import suggest_mapping
from cxlib.validation import validate_table

HEADERS = [
    "Kunden-ID",
    "Kundennummer",
    "Alter",
    "Umsatz",
    "Region",
    "Geschlecht",
    "Anmeldedatum",
    "Kündigungsdatum",
    "Antwort-ID",
    "Weiterempfehlung",
    "NPS",
    "Kommentar",
    "Lieferung",
    "x",
    "",
    "ID",
]
CELLS = st.one_of(
    st.none(),
    st.integers(-20, 200),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["n/a", "–", "12,5 €", "1.234,5", "0001", "2024-02-30", "31.12.9999", "=1+1", "ja", "w"]),
    st.text(max_size=6),
)


@st.composite
def tables(draw):
    names = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5, unique=True))
    rows = draw(st.integers(0, 8))
    return pd.DataFrame(
        {name or "column_1": draw(st.lists(CELLS, min_size=rows, max_size=rows)) for name in names},
        dtype=object,
    )


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(frame=tables(), table=st.sampled_from(["customers", "survey", "transactions"]))
def test_any_table_maps_and_validates_or_says_why(frame, table):
    try:
        mapping = suggest_mapping(frame, table)
        result = validate_table(frame, mapping, known_customers={"1", "2"})
    except CxError as error:
        assert error.message("en") and error.message("de")
        return
    used_columns = [
        c for m in mapping.matches.values() for c in (m.column if isinstance(m.column, list) else [m.column])
    ]
    assert len(used_columns) == len(set(used_columns))  # each column serves one role
    assert all(0 <= m.confidence <= 1 for m in mapping.matches.values())
    report = result.report
    assert report.rows_read == len(frame) == report.rows_used + report.rows_set_aside
    assert len(result.set_aside) == report.rows_set_aside and len(result.data) == report.rows_used
    if "recommend" in result.data:
        scores = result.data["recommend"].dropna()
        assert scores.between(0, 10).all() and (scores == scores.round()).all()
    if table == "customers":
        assert result.data["customer_id"].notna().all() and result.data["customer_id"].is_unique


money = st.one_of(st.none(), st.floats(min_value=0, max_value=1e6))


@settings(max_examples=100, deadline=None, derandomize=True)
@given(
    revenue=st.lists(money, min_size=1, max_size=20),
    retention=st.floats(min_value=0, max_value=1),
    discount=st.floats(min_value=0.01, max_value=0.5),  # d=0 with r=1 is a ValueError by design
)
def test_clv_is_finite_and_bounded_by_the_perpetuity(revenue, retention, discount):
    customers = pd.DataFrame({"revenue": pd.array(revenue, dtype="Float64").astype("float64")})
    result = customer_lifetime_value(
        customers, retention=retention, settings=ClvSettings(discount_rate=discount, margin_rate=0.3)
    )
    values = result.per_customer.dropna()
    assert values.map(lambda v: v == v and abs(v) != float("inf")).all()
    # margin * (1 + d) / (1 + d - r) is the largest a customer can be worth (no acquisition cost given)
    bound = customers["revenue"].fillna(0) * 0.3 * (1 + discount) / max(1 + discount - retention, 1e-9)
    assert (values <= bound[values.index] + 1e-6).all()
    if result.mean is not None:
        assert values.min() - 1e-9 <= result.mean <= values.max() + 1e-9


@settings(max_examples=60, deadline=None, derandomize=True)
@given(flags=st.lists(st.one_of(st.none(), st.booleans()), min_size=0, max_size=30))
def test_churn_share_from_flags_is_a_rate(flags):
    customers = pd.DataFrame({"churned": pd.array(flags, dtype="boolean")})
    result = churn_rate(customers)
    if result.value is not None:
        assert 0 <= result.value <= 1
