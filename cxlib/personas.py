"""Personas from data: k-means segments of the customers, named like people and described in words.

A persona (Zielgruppenvertreter) stands for one customer segment. :class:`PersonaModel` follows the
scikit-learn conventions (options in the constructor, ``fit`` returns the model, learned attributes end
in ``_``) and is deterministic:

1. **Features.** :func:`default_features` picks the customer traits the users' handbook names: age,
   income, orders, revenue and tenure. Tenure is a default only when the table has a tenure column; a
   tenure derived from ``signup_date`` is a candidate the user can add, not a default, because it mostly
   says when a customer happened to join (on the demo data signups are spread evenly over four years):
   a dimension without segments that flattens the silhouette curve so much that k = 3 and k = 4 tie.
   The survey's mean ``satisfaction`` and ``recommend`` per customer join the defaults only when at
   least :data:`MIN_SURVEY_COVERAGE` of the customers answered: otherwise most of their values would be
   imputed, which pulls the non-respondents into one artificial lump and blurs the segments (on the demo
   data about two thirds of the customers answered, so the defaults stay with the customer traits and
   recover the planted personas). When fewer than three of these traits exist (e.g. the mall file has
   only age and income), numeric extra columns fill up to six features. Any column from
   :func:`candidate_features` can be added or dropped by the user.
2. **Scaling.** Money-like columns (income, revenue, margin, orders, acquisition cost) and other
   skewed non-negative columns (skewness > 1) are log-transformed; every numeric column is then
   standardised with the mean and standard deviation of its values winsorised at the 1st/99th
   percentile, and clipped to ±5, so outliers can neither inflate the scale nor pull a segment to
   themselves. Categoricals are one-hot encoded with weight :data:`CATEGORY_WEIGHT`, so that a change
   of category weighs about as much as 0.7 standard deviations of a number. Missing values are imputed
   (median / most common value) and counted in ``notes_``; columns that are empty or constant are left
   out with a note.
3. **k.** For each k in ``k_range`` k-means runs on a fixed random sample of ``sample_size`` customers
   and is scored by its silhouette there (the full silhouette is quadratic in the number of customers).
   The best k wins; when another k within :data:`CLOSE_SCORE` of it lies in 3–6 (four to five personas
   usually suffice), the best of those is taken instead. ``n_personas`` overrides k. The chosen k is
   then fitted on all customers, starting from the sample's centres.
4. **Stable labels.** Rows are sorted by ``customer_id`` before anything else, so shuffled rows give the
   same result; personas are numbered by size (largest first, ties by centroid). ``stability_`` is the
   mean adjusted Rand index between the fit and refits on bootstrap samples (1 = identical segments).
5. **Words.** Each persona gets a person's name (:mod:`cxlib.persona_names`), a one-line description
   from the two or three traits that set it most apart from all customers (standardised difference), a
   profile card in the handbook's structure, NPS, churn rate and average CLV (with the persona's own
   retention), and a quote: the comment, exactly as written, of the commenting member closest to the
   persona's centre.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_rand_score, pairwise_distances, silhouette_score
from threadpoolctl import threadpool_limits

from cxlib.churn import churn_rate, reference_date
from cxlib.clv import customer_lifetime_value
from cxlib.customer_columns import persona_exclusion, persona_exclusions, readable_header
from cxlib.errors import CxError
from cxlib.i18n import format_number, format_percent, t
from cxlib.nps import net_promoter_score, survey_responses
from cxlib.persona_names import MAX_PERSONAS, persona_names
from cxlib.roles import SURVEY_ROLES

__all__ = [
    "CATEGORY_WEIGHT",
    "CLOSE_SCORE",
    "DEFAULT_ROLES",
    "MIN_SURVEY_COVERAGE",
    "Persona",
    "PersonaModel",
    "assignment_table",
    "candidate_features",
    "default_features",
    "persona_comparison",
    "personas_section",
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
CLOSE_SCORE = 0.02
PREFERRED_K = (3, 6)
N_INIT = 3
# Silhouette scores are computed on at most this many points of the sample, from one distance matrix
# shared by every candidate k (2,000² float32 = 16 MB, against 128 MB and seven recomputations before).
SILHOUETTE_POINTS = 2_000
#: A trait must differ by this many standard deviations to enter a description.
TRAIT_MIN_EFFECT = 0.3
MAX_TRAITS = 3
MIN_CUSTOMERS = 3
#: Columns that are no traits: the key, the dates, and the churn outcome (reported per persona instead).
NOT_FEATURES = frozenset({"customer_id", "signup_date", "churn_date", "churned"})
SURVEY_ROLE_KEYS = frozenset(role.key for role in SURVEY_ROLES)
SECTIONS = ("demographics", "socio_economics", "buying_behaviour", "satisfaction")
# Extra columns whose names hint at their card section (lower-case word parts).
_SECTION_HINTS = {
    "demographics": ("marital", "family", "familie", "household", "haushalt", "children", "kinder", "city",
                     "stadt", "wohn", "married", "verheiratet"),
    "socio_economics": ("education", "bildung", "occupation", "beruf", "job", "profession", "abschluss"),
}  # fmt: skip
DAYS_PER_MONTH = 30.4375


@dataclass(frozen=True)
class Persona:
    """One persona: who it is, how many customers it stands for, and what sets it apart.

    ``traits`` lists the traits of the description, strongest first, each as a dict with ``feature``,
    ``label`` (the words), ``value`` (persona mean, or share for a category), ``base_value`` (all
    customers) and ``direction`` ("higher"/"lower"). ``card`` maps the sections ``demographics``,
    ``socio_economics``, ``buying_behaviour`` and ``satisfaction`` to (label, formatted value) pairs.
    ``quote`` is a member's survey comment exactly as written, or None when no member commented.
    """

    index: int
    name: str
    gender: str | None
    size: int
    share: float
    description: str
    traits: list[dict] = field(hash=False)
    card: dict[str, list[tuple[str, str]]] = field(hash=False)
    nps: float | None
    churn_rate: float | None
    clv_mean: float | None
    quote: str | None


@dataclass(frozen=True)
class _Step:
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


def _category_step(feature: str, values: pd.Series) -> _Step:
    labels = values.dropna().astype("str")
    counts = labels.value_counts()
    # Most common value fills gaps; ties go to the alphabetically first, so the result is order-free.
    fill = sorted(counts.index[counts == counts.max()])[0]
    return _Step(feature, "category", fill, categories=tuple(sorted(counts.index)))


def _is_numeric(values: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)


def _touchpoint_columns(survey: pd.DataFrame, touchpoints: Sequence[str] | None) -> list[str]:
    """The wide-format touchpoint columns: as given, else the survey's numeric non-role columns."""
    if touchpoints is not None:
        return [column for column in touchpoints if column in survey.columns]
    return [
        column for column in survey.columns if column not in SURVEY_ROLE_KEYS and _is_numeric(survey[column])
    ]


def _survey_means(survey: pd.DataFrame | None, touchpoints: Sequence[str] | None) -> pd.DataFrame:
    """Per customer: mean satisfaction, recommend and touchpoint ratings (long or wide survey)."""
    if survey is None or "customer_id" not in survey.columns:
        return pd.DataFrame(index=pd.Index([], name="customer_id", dtype="str"))
    linked = survey[survey["customer_id"].notna()]
    responses = survey_responses(linked)
    columns = [column for column in SURVEY_DEFAULTS if column in responses.columns]
    means = responses.groupby("customer_id")[columns].mean() if columns else None
    if {"touchpoint", "score"} <= set(linked.columns):
        ratings = linked.pivot_table(
            index="customer_id", columns="touchpoint", values="score", aggfunc="mean"
        )
    else:
        ratings = linked.groupby("customer_id")[_touchpoint_columns(linked, touchpoints)].mean()
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


def _latest_date(customers: pd.DataFrame) -> pd.Timestamp | None:
    day = reference_date(customers)
    return pd.Timestamp(day) if day is not None else None


def _frame(
    customers: pd.DataFrame,
    survey_means: pd.DataFrame,
    now: pd.Timestamp | None,
) -> pd.DataFrame:
    """The customers sorted by ID, with derived tenure and the survey means joined on."""
    frame = customers.sort_values("customer_id", kind="stable").reset_index(drop=True)
    frame["customer_id"] = frame["customer_id"].astype("str")
    if "tenure" not in frame.columns:
        tenure = _tenure_months(frame, now)
        if tenure is not None:
            frame["tenure"] = tenure
    new = [column for column in survey_means.columns if column not in frame.columns]
    if new:
        joined = survey_means[new].reindex(frame["customer_id"].to_numpy())
        for column in new:
            frame[column] = joined[column].to_numpy()
    return frame


def _usable(values: pd.Series) -> bool:
    """Numeric, or a category with at most :data:`MAX_CATEGORIES` distinct values."""
    if _is_numeric(values):
        return True
    if pd.api.types.is_datetime64_any_dtype(values) or pd.api.types.is_bool_dtype(values):
        return False
    return values.nunique(dropna=True) <= MAX_CATEGORIES


def _check_tables(customers: pd.DataFrame, survey: pd.DataFrame | None) -> None:
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
    _check_tables(customers, survey)
    frame = _frame(customers, _survey_means(survey, touchpoints), _latest_date(customers))
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
    _check_tables(customers, survey)
    frame = _frame(customers, _survey_means(survey, touchpoints), _latest_date(customers))

    def informative(column: str) -> bool:
        return column in frame.columns and frame[column].nunique(dropna=True) > 1

    chosen = [
        role
        for role in DEFAULT_ROLES
        if informative(role) and _is_numeric(frame[role]) and (role != "tenure" or role in customers.columns)
    ]
    for column in SURVEY_DEFAULTS:
        if informative(column) and frame[column].notna().mean() >= MIN_SURVEY_COVERAGE:
            chosen.append(column)
    if len(chosen) < MIN_DEFAULT_FEATURES:
        extras = [
            column
            for column in customers.columns
            if column not in NOT_FEATURES
            and column not in chosen
            and _is_numeric(frame[column])
            and frame[column].nunique(dropna=True) > 2
            and not _id_like(frame[column])
            and persona_exclusion(column, frame[column]) is None
        ]
        chosen += extras[: MAX_DEFAULT_FEATURES - len(chosen)]
    return chosen


class PersonaModel:
    """Segment customers into personas with k-means, choose k by silhouette, and describe each persona.

    Parameters
    ----------
    n_personas : int, optional
        Number of personas; by default chosen automatically within ``k_range``.
    features : sequence of str, optional
        Columns to segment on (see :func:`candidate_features`); default :func:`default_features`.
    k_range : tuple of int, default (2, 8)
        Smallest and largest k tried by the automatic choice.
    sample_size : int, default 4000
        Customers in the fixed random sample the silhouette is computed on.
    random_state : int, default 0
        Seed of every random step (sample, k-means, bootstrap, names).
    lang : {"en", "de"}, default "en"
        Language of names, descriptions, cards and notes.
    n_bootstrap : int, default 5
        Bootstrap refits for ``stability_`` (0 skips it; ``stability_`` is then None).

    Attributes
    ----------
    labels_ : Series
        Persona index (0 = largest) per ``customer_id``, sorted by ``customer_id``.
    k_ : int
    silhouette_by_k_ : dict of int to float
    stability_ : float or None
        Mean adjusted Rand index between the fit and its bootstrap refits, in [−1, 1].
    features_ : list of str
        The features used (after dropping empty and constant ones).
    notes_ : list of str
        Plain messages in ``lang``: imputed values per feature, columns left out.
    assumptions_ : list of dict
        Inferred assumptions behind the features used (``{"code", "column", "params"}``).
    excluded_ : dict of str to str
        Columns left out by their meaning (identifier, postal code, coordinate, model score …): the
        evidence code per column.
    personas_ : list of Persona
    embedding_ : DataFrame
        ``customer_id``, ``x``, ``y`` (2-D PCA of the scaled features), ``persona`` (name), all customers.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> customers = pd.DataFrame({
    ...     "customer_id": [f"c{i:03d}" for i in range(300)],
    ...     "age": np.r_[rng.normal(25, 2, 150), rng.normal(60, 2, 150)],
    ...     "income": np.r_[rng.normal(20_000, 1_000, 150), rng.normal(80_000, 3_000, 150)]})
    >>> model = PersonaModel(random_state=0, n_bootstrap=2).fit(customers)
    >>> model.k_, [persona.size for persona in model.personas_], model.features_
    (2, [150, 150], ['age', 'income'])
    >>> model.personas_[0].description
    'low income, younger'
    >>> round(model.stability_, 2)
    1.0
    """

    def __init__(
        self,
        *,
        n_personas: int | None = None,
        features: Sequence[str] | None = None,
        k_range: tuple[int, int] = (2, 8),
        sample_size: int = 4000,
        random_state: int = 0,
        lang: str = "en",
        n_bootstrap: int = 5,
    ) -> None:
        self.n_personas = n_personas
        self.features = features
        self.k_range = k_range
        self.sample_size = sample_size
        self.random_state = random_state
        self.lang = lang
        self.n_bootstrap = n_bootstrap

    # ----- checks -----------------------------------------------------------------------------------

    def _check_params(self) -> None:
        """ValueError for options that cannot work."""
        low, high = self.k_range
        if not (isinstance(low, int) and isinstance(high, int) and 2 <= low <= high <= MAX_PERSONAS):
            raise ValueError(f"k_range must be (low, high) with 2 <= low <= high <= {MAX_PERSONAS}")
        if self.n_personas is not None and not (
            isinstance(self.n_personas, int) and 2 <= self.n_personas <= MAX_PERSONAS
        ):
            raise ValueError(
                f"n_personas must be a whole number in 2..{MAX_PERSONAS}, got {self.n_personas!r}"
            )
        if not isinstance(self.sample_size, int) or self.sample_size < 10:
            raise ValueError(f"sample_size must be a whole number >= 10, got {self.sample_size!r}")
        if self.lang not in ("en", "de"):
            raise ValueError(f'lang must be "en" or "de", got {self.lang!r}')
        if not isinstance(self.n_bootstrap, int) or self.n_bootstrap < 0:
            raise ValueError(f"n_bootstrap must be a non-negative whole number, got {self.n_bootstrap!r}")
        if self.features is not None and (isinstance(self.features, str) or not len(self.features)):
            raise ValueError("features must be a non-empty sequence of column names")

    # ----- preprocessing ----------------------------------------------------------------------------

    def _fit_steps(self, frame: pd.DataFrame, features: Sequence[str]) -> list[_Step]:
        """Learn imputation and scaling per feature; note imputed counts and left-out columns."""
        steps = []
        for feature in features:
            values = frame[feature]
            missing = int(values.isna().sum())
            if missing == len(values):
                self.notes_.append(t("persona.note.empty", self.lang, feature=feature))
                continue
            if values.nunique(dropna=True) < 2:
                self.notes_.append(t("persona.note.constant", self.lang, feature=feature))
                continue
            step = (
                self._numeric_step(feature, values)
                if _is_numeric(values)
                else _category_step(feature, values)
            )
            if step is None:
                self.notes_.append(t("persona.note.constant", self.lang, feature=feature))
                continue
            if missing:
                key = "persona.note.imputed_median" if step.kind == "numeric" else "persona.note.imputed_mode"
                self.notes_.append(
                    t(key, self.lang, feature=feature, count=format_number(missing, self.lang))
                )
            steps.append(step)
        return steps

    def _excluded(self, customers: pd.DataFrame, features: Sequence[str]) -> dict[str, str]:
        """Columns left out of the personas by their meaning (code per column), noted in ``notes_``."""
        others = [c for c in customers.columns if c not in NOT_FEATURES and c not in features]
        excluded = persona_exclusions(customers, others)
        if excluded:
            words = ", ".join(f"{c} ({t(f'kind.{code}', self.lang)})" for c, code in excluded.items())
            self.notes_.append(t("persona.note.excluded", self.lang, columns=words))
        return excluded

    def _assumptions(self, customers: pd.DataFrame) -> list[dict]:
        """The inferred assumptions behind the features used (age from a birth date, money period …),
        from the validated table's ``attrs["assumptions"]``; noted in ``notes_``."""
        from cxlib.column_view import evidence_text
        from cxlib.tables import Evidence

        used = [a for a in customers.attrs.get("assumptions", []) if a.get("column") in self.features_]
        if used:
            words = "; ".join(
                evidence_text(Evidence(a["code"], a.get("params", {})), self.lang) for a in used
            )
            self.notes_.append(f"{t('assumption.title', self.lang)}: {words}.")
        return used

    @staticmethod
    def _numeric_step(feature: str, values: pd.Series) -> _Step | None:
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
        return _Step(feature, "numeric", fill, log=log, center=float(np.mean(trimmed)), scale=scale)

    def _transform(self, frame: pd.DataFrame) -> np.ndarray:
        columns = [step.transform(frame[step.feature]) for step in self._steps]
        return np.hstack(columns) if columns else np.empty((len(frame), 0))

    # ----- fitting ----------------------------------------------------------------------------------

    def _kmeans(self, k: int) -> KMeans:
        return KMeans(n_clusters=k, n_init=N_INIT, random_state=self.random_state)

    def _sample_rows(self, n: int) -> np.ndarray:
        if n <= self.sample_size:
            return np.arange(n)
        rng = np.random.default_rng(self.random_state)
        return np.sort(rng.choice(n, size=self.sample_size, replace=False))

    def _search_k(self, X: np.ndarray, sample: np.ndarray) -> tuple[dict[int, float], dict[int, KMeans]]:
        """Fit k-means on the fixed sample for each candidate k and score it by silhouette.

        Fitting and scoring on the same sample keeps the search cheap on large tables (k-means on 100k
        rows for seven k with several starts costs seconds; on the sample it costs a fraction of that).
        """
        points = X[sample]
        distinct = len(np.unique(points, axis=0))
        low, high = self.k_range
        ks = set(range(low, high + 1)) | ({self.n_personas} if self.n_personas else set())
        limit = min(distinct, len(points) - 1)
        if max(ks) > limit:
            self.notes_.append(t("persona.note.k_capped", self.lang, distinct=distinct, k=max(limit, 2)))
        ks = sorted(k for k in ks if k <= limit) or [2]
        scored = self._silhouette_rows(len(points))
        distances = pairwise_distances(points[scored]).astype(np.float32)
        np.fill_diagonal(distances, 0.0)
        scores, fits = {}, {}
        for k in ks:
            fits[k] = self._kmeans(k).fit(points)
            labels = fits[k].labels_[scored]
            valid = 2 <= len(np.unique(labels)) <= len(scored) - 1
            scores[k] = (
                float(silhouette_score(distances, labels, metric="precomputed")) if valid else math.nan
            )
        return scores, fits

    def _silhouette_rows(self, n: int) -> np.ndarray:
        """Rows of the k-search sample whose silhouette is scored (all, up to SILHOUETTE_POINTS)."""
        if n <= SILHOUETTE_POINTS:
            return np.arange(n)
        rng = np.random.default_rng([self.random_state, n])
        return np.sort(rng.choice(n, size=SILHOUETTE_POINTS, replace=False))

    def _choose_k(self, scores: dict[int, float]) -> int:
        if self.n_personas is not None and self.n_personas in scores:
            return self.n_personas
        known = {k: s for k, s in scores.items() if not math.isnan(s)}
        if not known:
            return min(scores)
        best = max(known, key=lambda k: (known[k], -k))
        close = [k for k, s in known.items() if s >= known[best] - CLOSE_SCORE]
        preferred = [k for k in close if PREFERRED_K[0] <= k <= PREFERRED_K[1]]
        return max(preferred, key=lambda k: (known[k], -k)) if preferred else best

    @staticmethod
    def _order_by_size(labels: np.ndarray, centers: np.ndarray) -> np.ndarray:
        """Old label -> new label, largest persona first, ties by centroid coordinates."""
        sizes = np.bincount(labels, minlength=len(centers))
        order = sorted(range(len(centers)), key=lambda c: (-sizes[c], *np.round(centers[c], 9)))
        relabel = np.empty(len(centers), dtype=np.int64)
        relabel[order] = np.arange(len(centers))
        return relabel

    def _stability(self, X: np.ndarray, labels: np.ndarray) -> float | None:
        """Mean adjusted Rand index between ``labels`` and k-means refits on bootstrap samples (each of
        the silhouette sample's size, drawn with replacement from all customers), compared on all rows."""
        if self.n_bootstrap == 0:
            return None
        size = min(len(X), self.sample_size)
        scores = []
        for repeat in range(self.n_bootstrap):
            rng = np.random.default_rng([self.random_state, repeat])
            rows = rng.integers(0, len(X), size=size)
            refit = self._kmeans(self.k_).fit(X[rows])
            scores.append(adjusted_rand_score(labels, refit.predict(X)))
        return float(np.mean(scores))

    def fit(
        self,
        customers: pd.DataFrame,
        survey: pd.DataFrame | None = None,
        *,
        touchpoints: Sequence[str] | None = None,
    ) -> PersonaModel:
        """Find the personas of ``customers`` (a validated customer table; ``survey`` optional).

        ``touchpoints`` names the wide survey's touchpoint columns (default: its numeric non-role
        columns); their means per customer become candidate features, and the survey comments are the
        source of the quotes.
        """
        self._check_params()
        _check_tables(customers, survey)
        # One thread: OpenMP's busy-waiting threads slow k-means down 10-20 fold when the cores are shared
        # (several app sessions, or tests running side by side); one thread is fast enough for 100k rows.
        with threadpool_limits(limits=1):
            return self._fit(customers, survey, touchpoints)

    def _fit(
        self, customers: pd.DataFrame, survey: pd.DataFrame | None, touchpoints: Sequence[str] | None
    ) -> PersonaModel:
        self.notes_: list[str] = []
        self._now = _latest_date(customers)
        self._tenure_derived = "tenure" not in customers.columns
        self._touchpoints = None if touchpoints is None else list(touchpoints)
        self._survey_means = _survey_means(survey, touchpoints)
        frame = _frame(customers, self._survey_means, self._now)
        features = (
            list(self.features)
            if self.features is not None
            else default_features(customers, survey, touchpoints=touchpoints)
        )
        unknown = [feature for feature in features if feature not in frame.columns or feature in NOT_FEATURES]
        if unknown:
            raise ValueError(f"unknown or unusable features {unknown}; see candidate_features()")
        if len(frame) < MIN_CUSTOMERS:
            raise CxError("persona.error.too_few_customers", needed=MIN_CUSTOMERS, rows=len(frame))
        self.excluded_ = self._excluded(customers, features)
        self._steps = self._fit_steps(frame, features)
        if not self._steps:
            raise CxError("persona.error.no_features")
        self.features_ = [step.feature for step in self._steps]
        self.assumptions_ = self._assumptions(customers)
        X = self._transform(frame)

        sample = self._sample_rows(len(X))
        self.silhouette_by_k_, fits = self._search_k(X, sample)
        self.k_ = self._choose_k(self.silhouette_by_k_)
        # All customers, started from the sample's centres: the segments the silhouette judged.
        start = fits[self.k_].cluster_centers_
        self._model = KMeans(n_clusters=self.k_, init=start, n_init=1, random_state=self.random_state).fit(X)
        self._relabel = self._order_by_size(self._model.labels_, self._model.cluster_centers_)
        labels = self._relabel[self._model.labels_]
        self.labels_ = pd.Series(
            labels, index=pd.Index(frame["customer_id"], name="customer_id"), name="persona"
        )
        self.stability_ = self._stability(X, labels)
        centers = np.empty_like(self._model.cluster_centers_)
        centers[self._relabel] = self._model.cluster_centers_
        self._centers = centers
        self.personas_ = self._describe(frame, survey, X, labels)
        self.embedding_ = self._embed(frame, X, labels)
        return self

    def _embed(self, frame: pd.DataFrame, X: np.ndarray, labels: np.ndarray) -> pd.DataFrame:
        components = min(2, X.shape[1])
        coordinates = PCA(n_components=components, random_state=self.random_state).fit_transform(X)
        if components == 1:
            coordinates = np.column_stack([coordinates[:, 0], np.zeros(len(X))])
        names = np.array([persona.name for persona in self.personas_], dtype=object)
        return pd.DataFrame(
            {
                "customer_id": frame["customer_id"].to_numpy(),
                "x": coordinates[:, 0],
                "y": coordinates[:, 1],
                "persona": pd.array(names[labels], dtype="str"),
            }
        )

    # ----- describing -------------------------------------------------------------------------------

    def _describe(
        self, frame: pd.DataFrame, survey: pd.DataFrame | None, X: np.ndarray, labels: np.ndarray
    ) -> list[Persona]:
        genders = [_majority_gender(frame.loc[labels == index]) for index in range(self.k_)]
        names = persona_names(genders, lang=self.lang, seed=self.random_state)
        as_of = reference_date(_customer_dates(frame), survey)
        effects = self._effects(X, labels)
        answer_labels = _survey_labels(survey, frame, labels)
        commenters, comments = _commenters(survey, frame)
        personas = []
        for index in range(self.k_):
            members = frame.loc[labels == index]
            traits = self._traits(frame, members, effects[index])
            answers = survey[answer_labels == index] if survey is not None else None
            metrics = _persona_metrics(members, answers, as_of)
            description = ", ".join(trait["label"] for trait in traits) or t(
                "persona.description.average", self.lang
            )
            personas.append(
                Persona(
                    index=index,
                    name=names[index],
                    gender=genders[index],
                    size=len(members),
                    share=len(members) / len(frame),
                    description=description,
                    traits=traits,
                    card=_card(
                        members,
                        frame,
                        self.features_,
                        metrics,
                        self.lang,
                        tenure_derived=self._tenure_derived,
                    ),
                    nps=metrics["nps"],
                    churn_rate=metrics["churn_rate"],
                    clv_mean=metrics["clv_mean"],
                    quote=self._quote(commenters[labels[commenters] == index], comments, X, index),
                )
            )
        return personas

    def _effects(self, X: np.ndarray, labels: np.ndarray) -> list[dict[str, tuple[float, str | None]]]:
        """Per persona and feature: standardised difference to all customers (and, for a category,
        the most over-represented value)."""
        mean, spread = X.mean(axis=0), X.std(axis=0)
        effects = []
        for index in range(self.k_):
            inside = X[labels == index].mean(axis=0)
            column, per_feature = 0, {}
            for step in self._steps:
                block = slice(column, column + step.width)
                column += step.width
                safe = np.where(spread[block] > 0, spread[block], np.inf)
                effect = (inside[block] - mean[block]) / safe
                if step.kind == "numeric":
                    per_feature[step.feature] = (float(effect[0]), None)
                else:
                    best = int(np.argmax(effect))
                    per_feature[step.feature] = (float(max(effect[best], 0.0)), step.categories[best])
            effects.append(per_feature)
        return effects

    def _traits(self, frame: pd.DataFrame, members: pd.DataFrame, effects: dict) -> list[dict]:
        ranked = sorted(effects.items(), key=lambda item: (-abs(item[1][0]), item[0]))
        traits = []
        for feature, (effect, category) in ranked[:MAX_TRAITS]:
            if abs(effect) < TRAIT_MIN_EFFECT:
                break
            if category is None:
                direction = "higher" if effect > 0 else "lower"
                value, base = float(members[feature].mean()), float(frame[feature].mean())
            else:
                direction = "higher"
                value = float((members[feature] == category).mean())
                base = float((frame[feature] == category).mean())
            label = _trait_label(feature, direction, category, self._survey_means.columns, self.lang)
            traits.append(
                {
                    "feature": feature,
                    "label": label,
                    "value": value,
                    "base_value": base,
                    "direction": direction,
                }
            )
        return traits

    def _quote(self, rows: np.ndarray, comments: np.ndarray, X: np.ndarray, index: int) -> str | None:
        """The comment of the commenting member (``rows``, ascending) closest to the persona's centre."""
        if not len(rows):
            return None
        distances = np.linalg.norm(X[rows] - self._centers[index], axis=1)
        return str(comments[rows[int(np.argmin(distances))]])

    # ----- prediction -------------------------------------------------------------------------------

    def _assign(self, customers: pd.DataFrame, survey: pd.DataFrame | None) -> pd.Series:
        """Persona index per customer, in the order of ``customers``."""
        if not hasattr(self, "k_"):
            raise ValueError("this PersonaModel is not fitted yet; call fit() first")
        _check_tables(customers, survey)
        means = self._survey_means if survey is None else _survey_means(survey, self._touchpoints)
        frame = _frame(customers, means, self._now)
        missing = [step.feature for step in self._steps if step.feature not in frame.columns]
        for feature in missing:
            frame[feature] = np.nan
        with threadpool_limits(limits=1):
            labels = self._relabel[self._model.predict(self._transform(frame))]
        by_id = pd.Series(labels, index=frame["customer_id"].to_numpy())
        ids = customers["customer_id"].astype("str")
        return pd.Series(by_id.loc[ids.to_numpy()].to_numpy(), index=pd.Index(ids, name="customer_id"))

    def predict(self, customers: pd.DataFrame, survey: pd.DataFrame | None = None) -> pd.Series:
        """The persona name of each customer, indexed by ``customer_id`` in the order given.

        Without ``survey``, survey-based features come from the survey seen in ``fit`` (missing values
        are imputed like in ``fit``).
        """
        indices = self._assign(customers, survey)
        names = np.array([persona.name for persona in self.personas_], dtype=object)
        return pd.Series(
            pd.array(names[indices.to_numpy()], dtype="str"), index=indices.index, name="persona"
        )


def _customer_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """The date columns of a customer frame (for the reference date)."""
    return frame[[column for column in ("signup_date", "churn_date") if column in frame.columns]]


def _majority_gender(members: pd.DataFrame) -> str | None:
    """The most common known gender when it is "female" or "male" and strictly the most common."""
    if "gender" not in members.columns:
        return None
    counts = members["gender"].dropna().value_counts()
    if counts.empty or (len(counts) > 1 and counts.iloc[0] == counts.iloc[1]):
        return None
    top = str(counts.index[0])
    return top if top in ("female", "male") else None


def _feature_label(feature: str, lang: str) -> str:
    key = f"role.{feature}"
    label = t(key, lang)
    return readable_header(feature, lang=lang) if label == key else label


def _trait_label(feature: str, direction: str, category: str | None, survey_columns, lang: str) -> str:
    """The words for one trait, e.g. "younger" or "low satisfaction with Lieferung"."""
    if category is not None:
        if feature == "gender" and category in ("female", "male", "diverse"):
            return t(f"persona.trait.gender.{category}", lang)
        return t("persona.trait.category", lang, name=_feature_label(feature, lang), value=category)
    if feature in DEFAULT_ROLES or feature in SURVEY_DEFAULTS or feature in LOG_ROLES:
        return t(f"persona.trait.{feature}.{direction}", lang)
    if feature in survey_columns:
        return t(f"persona.trait.touchpoint.{direction}", lang, name=feature)
    name = _feature_label(feature, lang)
    counted = re.match(r"(?:number of|num|no of|count of|anzahl(?: der)?) (.+)", name, flags=re.IGNORECASE)
    if counted and (lang != "en" or counted.group(1).endswith("s")):  # "many orders", never "many address"
        return t(f"persona.trait.count.{direction}", lang, name=counted.group(1))
    return t(f"persona.trait.numeric.{direction}", lang, name=name)


def _survey_labels(survey: pd.DataFrame | None, frame: pd.DataFrame, labels: np.ndarray) -> np.ndarray:
    """The persona of each survey row's customer (−1 when unknown or unlinked)."""
    if survey is None or "customer_id" not in survey.columns:
        return np.full(0 if survey is None else len(survey), -1)
    positions = pd.Index(frame["customer_id"]).get_indexer(survey["customer_id"].astype("str"))
    return np.where(positions >= 0, labels[positions], -1)


def _commenters(survey: pd.DataFrame | None, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Rows of ``frame`` (ascending) whose customer commented, and each row's latest comment."""
    latest = _latest_comments(survey)
    comments = np.full(len(frame), None, dtype=object)
    positions = pd.Index(frame["customer_id"]).get_indexer(latest.index)
    known = positions >= 0
    comments[positions[known]] = latest.to_numpy(dtype=object)[known]
    return np.sort(positions[known]), comments


def _latest_comments(survey: pd.DataFrame | None) -> pd.Series:
    """Per customer: the most recent non-empty comment (exact text), indexed by customer_id."""
    if survey is None or not {"customer_id", "comment"} <= set(survey.columns):
        return pd.Series(dtype="str")
    responses = survey_responses(survey)
    text = responses["comment"]
    usable = responses[
        text.notna() & (text.astype("str").str.strip() != "") & responses["customer_id"].notna()
    ]
    order = [column for column in ("response_date", "response_id") if column in usable.columns]
    if order:
        usable = usable.sort_values(order, kind="stable")
    latest = usable.groupby(usable["customer_id"].astype("str"))["comment"].last()
    return latest.astype("str")


def _persona_metrics(members: pd.DataFrame, answers: pd.DataFrame | None, as_of) -> dict:
    """NPS (from the members' survey ``answers``), churn rate and average CLV (with the members' own
    retention) of one group of customers."""
    nps = None
    if answers is not None and "recommend" in answers.columns:
        nps = net_promoter_score(survey_responses(answers)["recommend"].to_numpy(dtype=float)).score
    churn = churn_rate(members, as_of=as_of) if len(members) else None
    rate = churn.value if churn is not None else None
    retention = churn.retention if churn is not None else None
    clv = None
    if retention is not None:
        clv = customer_lifetime_value(members, retention=retention).mean
    return {"nps": nps, "churn_rate": rate, "clv_mean": clv}


def _section_of(feature: str) -> str:
    name = feature.lower()
    for section, hints in _SECTION_HINTS.items():
        if any(hint in name for hint in hints):
            return section
    return "buying_behaviour"


_CARD_ROLES = {
    "demographics": ("age", "gender", "region"),
    "socio_economics": ("income",),
    "buying_behaviour": ("orders", "revenue", "margin", "acquisition_cost", "tenure", "segment"),
    "satisfaction": ("satisfaction", "recommend"),
}
_ROLE_LABELS = {
    "satisfaction": "persona.metric.satisfaction_mean",
    "recommend": "persona.metric.recommend_mean",
}


def _card_value(feature: str, members: pd.DataFrame, lang: str) -> str | None:
    values = members[feature]
    if values.notna().sum() == 0:
        return None
    if not _is_numeric(values):
        counts = values.dropna().astype("str").value_counts()
        top = str(counts.index[0])
        shown = (
            t(f"persona.gender.{top}", lang)
            if feature == "gender" and top in ("female", "male", "diverse")
            else top
        )
        return t(
            "persona.value.share_of",
            lang,
            value=shown,
            share=format_percent(counts.iloc[0] / counts.sum(), lang),
        )
    mean = float(values.mean())
    if feature == "age":
        return t("persona.value.years", lang, value=format_number(mean, lang))
    decimals = 0 if abs(mean) >= 100 else 1
    return format_number(mean, lang, decimals=decimals)


def _metric_label(column: str, lang: str, *, tenure_derived: bool) -> str:
    """The reader's label of a profile column (derived tenure is in months)."""
    if column == "tenure" and tenure_derived:
        return t("persona.metric.tenure_months", lang)
    return t(_ROLE_LABELS[column], lang) if column in _ROLE_LABELS else _feature_label(column, lang)


def _card(
    members: pd.DataFrame,
    frame: pd.DataFrame,
    features: Sequence[str],
    metrics: dict,
    lang: str,
    *,
    tenure_derived: bool,
) -> dict[str, list[tuple[str, str]]]:
    """The persona sheet in the handbook's sections: (label, formatted value) pairs."""
    card: dict[str, list[tuple[str, str]]] = {section: [] for section in SECTIONS}
    placed = set()
    for section, roles in _CARD_ROLES.items():
        for role in roles:
            if role in frame.columns:
                value = _card_value(role, members, lang)
                label = _metric_label(role, lang, tenure_derived=tenure_derived)
                if value is not None:
                    card[section].append((label, value))
                placed.add(role)
    for feature in features:
        if feature not in placed:
            value = _card_value(feature, members, lang)
            if value is not None:
                card[_section_of(feature)].append((feature, value))
    if metrics["nps"] is not None:
        card["satisfaction"].append(
            (t("persona.metric.nps", lang), format_number(metrics["nps"], lang, signed=True))
        )
    if metrics["churn_rate"] is not None:
        card["satisfaction"].append(
            (t("persona.metric.churn_rate", lang), format_percent(metrics["churn_rate"], lang))
        )
    if metrics["clv_mean"] is not None:
        card["satisfaction"].append(
            (t("persona.metric.clv_mean", lang), format_number(metrics["clv_mean"], lang))
        )
    return card


def _check_fitted(model: PersonaModel) -> None:
    if not isinstance(model, PersonaModel) or not hasattr(model, "personas_"):
        raise ValueError("expected a fitted PersonaModel")


def _json_number(value: float | None, digits: int = 4) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), digits)


def personas_section(model: PersonaModel) -> dict:
    """The CLI's ``personas`` JSON: k, silhouette per k, stability and one object per persona.

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": list("abcdef"), "age": [20.0, 21, 22, 60, 61, 62]})
    >>> section = personas_section(PersonaModel(n_bootstrap=1, k_range=(2, 3)).fit(customers))
    >>> section["k"], sorted(section), sorted(section["personas"][0])
    (2, ['assumptions', 'excluded', 'k', 'personas', 'silhouette_by_k', 'stability'], ['churn_rate', \
'clv_mean', 'description', 'name', 'nps', 'quote', 'share', 'size', 'traits'])
    """
    _check_fitted(model)
    return {
        "k": int(model.k_),
        "silhouette_by_k": {str(k): _json_number(score) for k, score in model.silhouette_by_k_.items()},
        "stability": _json_number(model.stability_),
        "personas": [
            {
                "name": persona.name,
                "size": int(persona.size),
                "share": _json_number(persona.share),
                "description": persona.description,
                "traits": [
                    {
                        **trait,
                        "value": _json_number(trait["value"]),
                        "base_value": _json_number(trait["base_value"]),
                    }
                    for trait in persona.traits
                ],
                "nps": _json_number(persona.nps, 2),
                "churn_rate": _json_number(persona.churn_rate),
                "clv_mean": _json_number(persona.clv_mean, 2),
                "quote": persona.quote,
            }
            for persona in model.personas_
        ],
        "excluded": [{"column": str(column), "code": code} for column, code in model.excluded_.items()],
        "assumptions": list(getattr(model, "assumptions_", [])),
    }


def persona_comparison(
    model: PersonaModel, customers: pd.DataFrame, survey: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Each persona against all customers, one row per metric (numbers, not formatted).

    Columns: ``metric`` (key), ``label`` (in the model's language), one column per persona name, and
    the whole base (``persona.whole_base``). Rows: size, share, the mean of every numeric feature and
    card trait, NPS, churn rate, average CLV (rows without any value are left out).

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": list("abcdef"), "age": [20.0, 21, 22, 60, 61, 62]})
    >>> model = PersonaModel(n_bootstrap=0, k_range=(2, 2)).fit(customers)
    >>> table = persona_comparison(model, customers)
    >>> table["metric"].tolist(), table.iloc[:, -1].tolist()
    (['size', 'share', 'age'], [6.0, 1.0, 41.0])
    """
    _check_fitted(model)
    lang = model.lang
    assigned = model._assign(customers, survey)
    frame = _frame(
        customers,
        model._survey_means if survey is None else _survey_means(survey, model._touchpoints),
        model._now,
    )
    labels = assigned.reindex(frame["customer_id"].to_numpy()).to_numpy()
    as_of = reference_date(_customer_dates(frame), survey)
    groups = [frame.loc[labels == persona.index] for persona in model.personas_] + [frame]
    answer_labels = _survey_labels(survey, frame, labels)
    answers = [
        survey[answer_labels == persona.index] if survey is not None else None for persona in model.personas_
    ] + [survey[answer_labels >= 0] if survey is not None else None]
    numeric = [
        column
        for column in dict.fromkeys(
            [*DEFAULT_ROLES, "margin", "acquisition_cost", *SURVEY_DEFAULTS, *model.features_]
        )
        if column in frame.columns and _is_numeric(frame[column])
    ]
    rows = [
        ("size", t("persona.metric.size", lang), [float(len(group)) for group in groups]),
        ("share", t("persona.metric.share", lang), [len(group) / len(frame) for group in groups]),
    ]
    for column in numeric:
        label = _metric_label(column, lang, tenure_derived="tenure" not in customers.columns)
        rows.append((column, label, [float(group[column].mean()) for group in groups]))
    metrics = [
        _persona_metrics(group, group_answers, as_of)
        for group, group_answers in zip(groups, answers, strict=True)
    ]
    for key in ("nps", "churn_rate", "clv_mean"):
        rows.append((key, t(f"persona.metric.{key}", lang), [metric[key] for metric in metrics]))
    names = [persona.name for persona in model.personas_] + [t("persona.whole_base", lang)]
    table = pd.DataFrame(
        [[key, label, *values] for key, label, values in rows], columns=["metric", "label", *names]
    )
    table[names] = table[names].astype(float)
    return table[table[names].notna().any(axis=1)].reset_index(drop=True)


def assignment_table(model: PersonaModel, customers: pd.DataFrame) -> pd.DataFrame:
    """Customers with their persona, for download: ``customer_id``, ``persona`` (name), then the
    original columns, in the order given.

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": list("abcdef"), "age": [20.0, 21, 22, 60, 61, 62]})
    >>> model = PersonaModel(n_bootstrap=0, k_range=(2, 2)).fit(customers)
    >>> table = assignment_table(model, customers)
    >>> list(table.columns), table["persona"].nunique()
    (['customer_id', 'persona', 'age'], 2)
    """
    _check_fitted(model)
    names = model.predict(customers)
    table = customers.reset_index(drop=True).copy()
    table.insert(1 if table.columns[0] == "customer_id" else 0, "persona", names.to_numpy())
    if table.columns[0] != "customer_id":
        table = table[
            ["customer_id", "persona", *[c for c in table.columns if c not in ("customer_id", "persona")]]
        ]
    return table
