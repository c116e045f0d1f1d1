"""Persona features and preprocessing: which customer traits personas use and how they become numbers.

:func:`default_features` picks the customer traits the users' handbook names: age, income, orders,
revenue and tenure. Tenure is a default only when the table has a tenure column; a tenure derived from
``signup_date`` is a candidate the user can add, not a default, because it mostly says when a customer
happened to join (on the demo data signups are spread evenly over four years): a dimension without
segments that flattens the silhouette curve so much that k = 3 and k = 4 tie. The survey's mean
``satisfaction`` and ``recommend`` per customer join the defaults only when at least
:data:`MIN_SURVEY_COVERAGE` of the customers answered: otherwise most of their values would be imputed,
which pulls the non-respondents into one artificial lump and blurs the segments. When fewer than three
of these traits exist (e.g. the mall file has only age and income), numeric extra columns fill up to six
features. Any column from :func:`candidate_features` can be added or dropped by the user.

**Scaling.** Money-like columns (income, revenue, margin, orders, acquisition cost) and other skewed
non-negative columns (skewness > 1) are log-transformed; every numeric column is then standardised with
the mean and standard deviation of its values winsorised at the 1st/99th percentile, and clipped to ±5,
so outliers can neither inflate the scale nor pull a segment to themselves. Categoricals are one-hot
encoded with weight :data:`CATEGORY_WEIGHT`, so that a change of category weighs about as much as 0.7
standard deviations of a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxlib.churn import reference_date
from cxlib.customer_columns import persona_exclusions
from cxlib.id_lookup import positions_in
from cxlib.nps import survey_responses
from cxlib.roles import SURVEY_ROLES

__all__ = [
    "CATEGORY_WEIGHT",
    "DEFAULT_ROLES",
    "MIN_SURVEY_COVERAGE",
    "FeatureName",
    "candidate_features",
    "default_features",
]

#: Customer traits used by default, in this order, when the table has them.
DEFAULT_ROLES: tuple[str, ...] = ("age", "income", "orders", "revenue", "tenure")
#: Survey means that join the defaults when enough customers answered.
SURVEY_DEFAULTS: tuple[str, ...] = ("satisfaction", "recommend")
MIN_SURVEY_COVERAGE = 0.8
MIN_DEFAULT_FEATURES = 3
MAX_DEFAULT_FEATURES = 6
#: Money-like roles: always log-transformed (sign-preserving, margin can be negative).
LOG_ROLES = frozenset({"income", "revenue", "margin", "orders", "acquisition_cost"})
SKEW_LIMIT = 1.0
CLIP = 5.0
CATEGORY_WEIGHT = 0.5
MAX_CATEGORIES = 12
NOT_FEATURES = frozenset({"customer_id", "signup_date", "churn_date", "churned"})
SURVEY_ROLE_KEYS = frozenset(role.key for role in SURVEY_ROLES)
DAYS_PER_MONTH = 30.4375


@dataclass(frozen=True)
class FeatureName:
    """A column's name for readers, rendered at the edge (its role's name, else a readable header)."""

    feature: str


@dataclass(frozen=True)
class Step:
    """How one feature becomes scaled columns: imputation value, log, centre and spread, categories."""

    feature: str
    kind: str  # "numeric" | "category"
    fill: float | str
    log: bool = False
    center: float = 0.0
    scale: float = 1.0
    categories: tuple[str, ...] = ()

    @property
    def width(self) -> int:
        return 1 if self.kind == "numeric" else len(self.categories)

    def transform(self, values: pd.Series) -> np.ndarray:
        if self.kind == "numeric":
            numbers = pd.to_numeric(values, errors="coerce").astype(float).fillna(self.fill).to_numpy()
            if self.log:
                numbers = _signed_log(numbers)
            return np.clip((numbers - self.center) / self.scale, -CLIP, CLIP)[:, None]
        labels = values.astype("str").fillna(str(self.fill)).to_numpy()
        return CATEGORY_WEIGHT * (labels[:, None] == np.array(self.categories)[None, :]).astype(float)


def _signed_log(values: np.ndarray) -> np.ndarray:
    return np.sign(values) * np.log1p(np.abs(values))


def category_step(feature: str, values: pd.Series) -> Step:
    labels = values.dropna().astype("str")
    counts = labels.value_counts()
    # Most common value fills gaps; ties go to the alphabetically first, so the result is order-free.
    fill = sorted(counts.index[counts == counts.max()])[0]
    return Step(feature, "category", fill, categories=tuple(sorted(counts.index)))


def is_numeric(values: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)


def has_two_values(values: pd.Series) -> bool:
    """At least two distinct known values: ``values.nunique() >= 2``, for numbers from their smallest
    and largest value (no hashing: 0.4 against 7 ms on 100,000 numbers).

    Examples
    --------
    >>> has_two_values(pd.Series([3.0, None, 3.0])), has_two_values(pd.Series([0.0, -0.0, 1.0]))
    (False, True)
    >>> has_two_values(pd.Series(["a", "a"])), has_two_values(pd.Series([None, None], dtype="Float64"))
    (False, False)
    """
    if is_numeric(values):
        low, high = values.min(), values.max()
        return bool(pd.notna(low) and low != high)
    return values.nunique(dropna=True) >= 2


def _touchpoint_columns(survey: pd.DataFrame, touchpoints: Sequence[str] | None) -> list[str]:
    """The wide-format touchpoint columns: as given, else the survey's numeric non-role columns."""
    if touchpoints is not None:
        return [column for column in touchpoints if column in survey.columns]
    return [
        column for column in survey.columns if column not in SURVEY_ROLE_KEYS and is_numeric(survey[column])
    ]


def survey_means(survey: pd.DataFrame | None, touchpoints: Sequence[str] | None) -> pd.DataFrame:
    """Per customer: mean satisfaction, recommend and touchpoint ratings (long or wide survey)."""
    if survey is None or "customer_id" not in survey.columns:
        return pd.DataFrame(index=pd.Index([], name="customer_id", dtype="str"))
    linked = survey[survey["customer_id"].notna()]
    responses = survey_responses(linked)
    columns = [column for column in SURVEY_DEFAULTS if column in responses.columns]
    long = {"touchpoint", "score"} <= set(linked.columns)
    rated = [] if long else _touchpoint_columns(linked, touchpoints)
    if responses is linked and not long and not set(columns) & set(rated):
        # A wide survey: one grouping for both (the same means column by column, half the work), in
        # the order customers first answer: the means are looked up by ID, sorting them buys nothing.
        both = linked.groupby("customer_id", sort=False)[[*columns, *rated]].mean()
        means, ratings = (both[columns] if columns else None), both[rated]
    else:
        means = responses.groupby("customer_id")[columns].mean() if columns else None
        if long:
            ratings = linked.pivot_table(
                index="customer_id", columns="touchpoint", values="score", aggfunc="mean"
            )
        else:
            ratings = linked.groupby("customer_id")[rated].mean()
    parts = [part for part in (means, ratings) if part is not None and part.shape[1]]
    if not parts:
        return pd.DataFrame(index=pd.Index([], name="customer_id", dtype="str"))
    joined = pd.concat(parts, axis=1)
    joined.columns = [str(column) for column in joined.columns]
    joined.index = joined.index.astype("str")
    return joined.astype(float)


def _tenure_months(customers: pd.DataFrame, now: pd.Timestamp | None) -> pd.Series | None:
    """Months from signup to churn (or to ``now``), when the table has signup dates."""
    if now is None or "signup_date" not in customers.columns:
        return None
    end = pd.Series(now, index=customers.index)
    if "churn_date" in customers.columns:
        end = customers["churn_date"].where(customers["churn_date"].notna(), now)
    days = (end - customers["signup_date"]).dt.days.astype(float)
    return (days / DAYS_PER_MONTH).clip(lower=0)


def latest_date(customers: pd.DataFrame) -> pd.Timestamp | None:
    day = reference_date(customers)
    return pd.Timestamp(day) if day is not None else None


def customer_frame(
    customers: pd.DataFrame,
    means: pd.DataFrame,
    now: pd.Timestamp | None,
) -> pd.DataFrame:
    """The customers sorted by ID, with derived tenure and the survey means joined on."""
    frame = customers.sort_values("customer_id", kind="stable").reset_index(drop=True)
    frame["customer_id"] = frame["customer_id"].astype("str")
    if "tenure" not in frame.columns:
        tenure = _tenure_months(frame, now)
        if tenure is not None:
            frame["tenure"] = tenure
    new = [column for column in means.columns if column not in frame.columns]
    if new:  # means[new].reindex(frame["customer_id"]): the survey means are floats, NaN for non-respondents
        rows = positions_in(means.index, frame["customer_id"])
        found = rows >= 0
        values = np.full((len(frame), len(new)), np.nan)
        values[found] = means[new].to_numpy(dtype=float)[rows[found]]
        frame[new] = values  # all at once: a column at a time costs a block insertion each
    return frame


def _usable(values: pd.Series) -> bool:
    """Numeric, or a category with at most :data:`MAX_CATEGORIES` distinct values."""
    if is_numeric(values):
        return True
    if pd.api.types.is_datetime64_any_dtype(values) or pd.api.types.is_bool_dtype(values):
        return False
    return values.nunique(dropna=True) <= MAX_CATEGORIES


def check_tables(customers: pd.DataFrame, survey: pd.DataFrame | None) -> None:
    """ValueError when the tables are not validated customer / survey tables."""
    if not isinstance(customers, pd.DataFrame) or "customer_id" not in customers.columns:
        raise ValueError("customers must be a DataFrame with a customer_id column (a validated table)")
    if customers["customer_id"].duplicated().any():
        raise ValueError("customer_id must be unique in the customer table")
    if survey is not None and not isinstance(survey, pd.DataFrame):
        raise ValueError(f"survey must be a DataFrame or None, got {type(survey).__name__}")


def candidate_features(
    customers: pd.DataFrame, survey: pd.DataFrame | None = None, *, touchpoints: Sequence[str] | None = None
) -> list[str]:
    """Every column personas can use: numeric columns and categories with at most 12 values.

    Customer columns come first (in table order, with ``tenure`` derived from ``signup_date`` when
    missing), then the survey means per customer (satisfaction, recommend, touchpoints).

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": ["a", "b"], "age": [30.0, 40.0],
    ...                           "region": ["Nord", "Süd"], "note": ["x", "y"]})
    >>> survey = pd.DataFrame({"customer_id": ["a"], "recommend": [9.0], "Lieferung": [4.0]})
    >>> candidate_features(customers, survey)
    ['age', 'region', 'note', 'recommend', 'Lieferung']
    """
    check_tables(customers, survey)
    frame = customer_frame(customers, survey_means(survey, touchpoints), latest_date(customers))
    return [column for column in frame.columns if column not in NOT_FEATURES and _usable(frame[column])]


def _id_like(values: pd.Series) -> bool:
    known = values.dropna()
    return len(known) > 20 and known.is_unique and bool((known == known.round()).all())


def default_features(
    customers: pd.DataFrame, survey: pd.DataFrame | None = None, *, touchpoints: Sequence[str] | None = None
) -> list[str]:
    """The features personas use unless the user chooses: the handbook's traits that the data has.

    ``age``, ``income``, ``orders``, ``revenue``, ``tenure`` (a tenure column, not one derived from signup
    dates); the survey's mean ``satisfaction`` and
    ``recommend`` when at least 80 % of the customers answered; and, when that gives fewer than three,
    numeric extra columns (not ID-like, more than two values) up to six features. Columns that are
    empty or constant are skipped.

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": ["a", "b", "c"], "age": [20.0, 30.0, 60.0],
    ...                           "income": [1.0, 2.0, 3.0], "Spending Score": [5.0, 50.0, 90.0],
    ...                           "region": ["N", "S", "N"]})
    >>> default_features(customers)
    ['age', 'income', 'Spending Score']
    """
    check_tables(customers, survey)
    frame = customer_frame(customers, survey_means(survey, touchpoints), latest_date(customers))
    return default_features_of(frame, customers)


def default_features_of(frame: pd.DataFrame, customers: pd.DataFrame) -> list[str]:
    """:func:`default_features` of the customers' :func:`customer_frame` (survey means joined, ``now``
    the latest date), for callers that built it already."""

    def informative(column: str) -> bool:
        return column in frame.columns and has_two_values(frame[column])

    chosen = [
        role
        for role in DEFAULT_ROLES
        if informative(role) and is_numeric(frame[role]) and (role != "tenure" or role in customers.columns)
    ]
    for column in SURVEY_DEFAULTS:
        if informative(column) and frame[column].notna().mean() >= MIN_SURVEY_COVERAGE:
            chosen.append(column)
    if len(chosen) < MIN_DEFAULT_FEATURES:
        numbers = [
            column
            for column in customers.columns
            if column not in NOT_FEATURES
            and column not in chosen
            and is_numeric(frame[column])
            and frame[column].nunique(dropna=True) > 2
            and not _id_like(frame[column])
        ]
        excluded = persona_exclusions(frame, numbers)
        extras = [column for column in numbers if column not in excluded]
        chosen += extras[: MAX_DEFAULT_FEATURES - len(chosen)]
    return chosen


def numeric_step(feature: str, values: pd.Series) -> Step | None:
    """Imputation, log and winsorised standardisation of one numeric feature (None when constant)."""
    numbers = values.astype(float)
    fill = float(numbers.median())
    filled = numbers.fillna(fill)
    skewed = bool(filled.min() >= 0 and filled.skew() > SKEW_LIMIT)
    log = feature in LOG_ROLES or skewed
    transformed = _signed_log(filled.to_numpy()) if log else filled.to_numpy()
    # Mean and standard deviation of the values winsorised at the 1st and 99th percentile: a few
    # outliers cannot inflate the spread, yet a two-peaked trait keeps its full weight (an IQR-based
    # spread would shrink exactly the traits that separate segments).
    low, high = np.percentile(transformed, [1, 99])
    trimmed = np.clip(transformed, low, high)
    scale = float(np.std(trimmed)) or float(np.std(transformed))
    if not scale > 0:
        return None
    return Step(feature, "numeric", fill, log=log, center=float(np.mean(trimmed)), scale=scale)


def customer_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """The date columns of a customer frame (for the reference date)."""
    return frame[[column for column in ("signup_date", "churn_date") if column in frame.columns]]
