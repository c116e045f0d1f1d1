"""default_features and candidate_features: what personas segment on, and what the user may add."""

import numpy as np
import pandas as pd

from cxlib.personas import candidate_features, default_features


def customers_table(n=40):
    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {
            "customer_id": [f"c{i:03d}" for i in range(n)],
            "signup_date": pd.to_datetime("2024-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D"),
            "churned": rng.random(n) < 0.2,
            "age": rng.normal(40, 10, n),
            "gender": pd.array(rng.choice(["female", "male"], n), dtype="str"),
            "income": rng.normal(40_000, 5_000, n),
            "revenue": rng.gamma(2, 100, n),
            "Newsletter": pd.array(rng.choice(["ja", "nein"], n), dtype="str"),
            "Notiz": pd.array([f"text {i}" for i in range(n)], dtype="str"),
        }
    )


def survey_for(ids, score=8.0):
    return pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(len(ids))],
            "customer_id": ids,
            "recommend": score,
            "satisfaction": 4.0 + np.arange(len(ids)) % 2,
            "Lieferung": 3.0,
        }
    )


def test_candidates_are_numbers_and_small_categories_with_derived_tenure_and_survey_means():
    customers = customers_table()
    assert candidate_features(customers, survey_for(customers["customer_id"][:10])) == [
        "age", "gender", "income", "revenue", "Newsletter", "tenure", "satisfaction", "recommend",
        "Lieferung",
    ]  # fmt: skip
    # The ID, dates, the churn outcome and free text (40 distinct values) are no traits.


def test_touchpoints_can_be_named_explicitly():
    customers = customers_table()
    survey = survey_for(customers["customer_id"][:10]).assign(Extra=1.0)
    assert candidate_features(customers, survey, touchpoints=["Lieferung"])[-3:] == [
        "satisfaction",
        "recommend",
        "Lieferung",
    ]
    assert candidate_features(customers, survey)[-2:] == ["Lieferung", "Extra"]


def test_defaults_are_the_handbook_traits_without_derived_tenure():
    customers = customers_table()
    assert default_features(customers) == ["age", "income", "revenue"]
    assert default_features(customers.assign(tenure=np.arange(40.0))) == [
        "age",
        "income",
        "revenue",
        "tenure",
    ]


def test_survey_means_join_the_defaults_only_with_wide_coverage():
    customers = customers_table()
    ids = customers["customer_id"]
    # 31 of 40 customers answered (77.5 %): below 80 %, so the means would be mostly imputed.
    assert default_features(customers, survey_for(ids[:31])) == ["age", "income", "revenue"]
    recommend_varies = survey_for(ids[:32]).assign(recommend=np.arange(32.0) % 11)
    assert default_features(customers, recommend_varies) == [
        "age",
        "income",
        "revenue",
        "satisfaction",
        "recommend",
    ]
    # A recommend score that is the same for everyone says nothing.
    assert default_features(customers, survey_for(ids[:32])) == ["age", "income", "revenue", "satisfaction"]


def test_few_role_traits_are_filled_up_with_numeric_extras():
    n = 30
    customers = pd.DataFrame(
        {
            "customer_id": [str(i) for i in range(n)],
            "age": np.linspace(20, 70, n),
            "RowNumber": np.arange(n, dtype=float),  # ID-like: skipped
            "Complain": np.arange(n) % 2 * 1.0,  # yes/no: skipped
            "Spending Score (1-100)": np.linspace(1, 99, n),
            "A": np.arange(n) % 5 * 1.0,
            "B": np.arange(n) % 3 * 1.0,
            "C": np.arange(n) % 4 * 1.0,
            "D": np.arange(n) % 6 * 1.0,
            "E": np.arange(n) % 7 * 1.0,
        }
    )
    assert default_features(customers) == ["age", "Spending Score (1-100)", "A", "B", "C", "D"]


def test_positions_in_matches_the_index_lookup():
    from cxlib.id_lookup import positions_in

    rng = np.random.default_rng(1)
    keys = pd.Series([f"K{i:04d}" for i in rng.permutation(500)], dtype="str")
    looked_up = pd.Series([*rng.choice(keys.to_numpy(), 300), "missing", None], dtype="str")
    expected = pd.Index(keys).get_indexer(looked_up)
    assert positions_in(keys, looked_up).tolist() == expected.tolist()  # the Arrow path
    as_objects = looked_up.astype(object)
    assert positions_in(keys.astype(object), as_objects).tolist() == expected.tolist()  # the fallback
    assert (expected == -1).sum() == 2
