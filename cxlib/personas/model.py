"""The persona model: k-means segments of the customers, language-neutral.

:class:`PersonaModel` follows the scikit-learn conventions (options in the constructor, ``fit`` returns
the model, learned attributes end in ``_``), is deterministic and takes no language: its notes are
:class:`~cxlib.messages.Message` s, its personas are :class:`PersonaProfile` s with name codes, trait
codes and card values, and :mod:`cxlib.personas.wording` turns them into words at the edge.

1. **Features and scaling**: see :mod:`cxlib.personas.features`. Missing values are imputed (median /
   most common value) and counted in ``notes_``; columns that are empty or constant are left out.
2. **k.** For each k in ``k_range`` k-means runs on a fixed random sample of ``sample_size`` customers
   and is scored by its silhouette there (the full silhouette is quadratic in the number of customers).
   The best k wins; when another k within :data:`CLOSE_SCORE` of it lies in 3–6 (four to five personas
   usually suffice), the best of those is taken instead. ``n_personas`` overrides k. The chosen k is
   then fitted on all customers, starting from the sample's centres. A sample's search is kept while a
   fitted model holds it, so a refit with another ``n_personas`` on the same features searches no k again.
3. **Stable labels.** Rows are sorted by ``customer_id`` before anything else, so shuffled rows give the
   same result; personas are numbered by size (largest first, ties by centroid). ``stability_`` is the
   mean adjusted Rand index between the fit and refits on bootstrap samples (1 = identical segments).
4. **Profiles.** Each persona gets a name code (:mod:`cxlib.persona_names`), the two or three traits
   that set it most apart from all customers (standardised difference), a profile card in the
   handbook's structure, NPS, churn rate and average CLV (with the persona's own retention), and a
   quote: the comment, exactly as written, of the commenting member closest to the persona's centre
   that no larger persona already quotes.
"""

from __future__ import annotations

import functools
import hashlib
import math
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import pairwise_distances
from threadpoolctl import ThreadpoolController

from cxlib.churn import churn_rate, churn_reference_date
from cxlib.clv import customer_lifetime_value
from cxlib.customer_columns import persona_exclusions
from cxlib.errors import CxError
from cxlib.id_lookup import positions_in
from cxlib.messages import Message, Num, Pct
from cxlib.nps import net_promoter_score, survey_responses
from cxlib.persona_names import MAX_PERSONAS, PersonaName, persona_name_codes
from cxlib.personas.features import (
    NOT_FEATURES,
    FeatureName,
    Step,
    category_step,
    check_tables,
    customer_dates,
    customer_frame,
    default_features_of,
    has_two_values,
    is_numeric,
    latest_date,
    numeric_step,
    survey_means,
)
from cxlib.personas.scores import adjusted_rand, silhouette, wide_distances
from cxlib.tables import without_attrs

__all__ = ["CLOSE_SCORE", "AssumptionsNote", "PersonaModel", "PersonaProfile"]

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
SECTIONS = ("demographics", "socio_economics", "buying_behaviour", "satisfaction")
# Extra columns whose names hint at their card section (lower-case word parts).
_SECTION_HINTS = {
    "demographics": ("marital", "family", "familie", "household", "haushalt", "children", "kinder", "city",
                     "stadt", "wohn", "married", "verheiratet"),
    "socio_economics": ("education", "bildung", "occupation", "beruf", "job", "profession", "abschluss"),
}  # fmt: skip


@dataclass(frozen=True)
class PersonaProfile:
    """One persona, language-neutral: who it is, how many customers it stands for, what sets it apart.

    ``name`` is a :class:`~cxlib.persona_names.PersonaName` code. ``traits`` lists the traits that set
    it apart, strongest first, each as a dict with ``feature``, ``category`` (the over-represented value
    of a category, else None), ``touchpoint`` (a survey touchpoint mean), ``value`` (persona mean, or
    share for a category), ``base_value`` (all customers) and ``direction`` ("higher"/"lower").
    ``card`` maps the sections ``demographics``, ``socio_economics``, ``buying_behaviour`` and
    ``satisfaction`` to (label, value) pairs of messages, feature names and numbers; a section without
    content is an empty list. ``quote`` is a member's survey comment exactly as written, or None.
    """

    index: int
    name: PersonaName
    gender: str | None
    size: int
    share: float
    traits: list[dict] = field(hash=False)
    card: dict[str, list[tuple]] = field(hash=False)
    nps: float | None
    churn_rate: float | None
    clv_mean: float | None
    quote: str | None


@dataclass(frozen=True)
class AssumptionsNote:
    """The note naming the inferred assumptions behind the features (``(code, params)`` pairs);
    :meth:`text` renders it ("Assumptions: …")."""

    assumptions: tuple

    def text(self, lang: str = "en") -> str:
        from cxlib.column_view import evidence_text
        from cxlib.i18n import t
        from cxlib.tables import Evidence

        words = "; ".join(
            evidence_text(Evidence(code, dict(params)), lang) for code, params in self.assumptions
        )
        return f"{t('assumption.title', lang)}: {words}."


def _frozen_params(assumption: dict) -> tuple:
    return tuple(sorted(assumption.get("params", {}).items()))


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
    notes_ : list of Message
        Language-neutral notes (imputed values per feature, columns left out, assumptions), rendered
        with :func:`cxlib.personas.wording.persona_notes`.
    assumptions_ : list of dict
        Inferred assumptions behind the features used (``{"code", "column", "params"}``).
    excluded_ : dict of str to str
        Columns left out by their meaning (identifier, postal code, coordinate, model score …): the
        evidence code per column.
    personas_ : list of PersonaProfile
        Language-neutral profiles; :func:`cxlib.personas.wording.personas_in` gives them in words.
    embedding_ : DataFrame
        ``customer_id``, ``x``, ``y`` (2-D PCA of the scaled features), ``persona`` (index), all customers.

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
    >>> from cxlib.personas.wording import personas_in
    >>> personas_in(model, "en")[0].description
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
        n_bootstrap: int = 5,
    ) -> None:
        self.n_personas = n_personas
        self.features = features
        self.k_range = k_range
        self.sample_size = sample_size
        self.random_state = random_state
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
        if not isinstance(self.n_bootstrap, int) or self.n_bootstrap < 0:
            raise ValueError(f"n_bootstrap must be a non-negative whole number, got {self.n_bootstrap!r}")
        if self.features is not None and (isinstance(self.features, str) or not len(self.features)):
            raise ValueError("features must be a non-empty sequence of column names")

    # ----- preprocessing ----------------------------------------------------------------------------

    def _fit_steps(self, frame: pd.DataFrame, features: Sequence[str]) -> list[Step]:
        """Learn imputation and scaling per feature; note imputed counts and left-out columns."""
        steps = []
        for feature in features:
            values = frame[feature]
            missing = int(values.isna().sum())
            if missing == len(values):
                self.notes_.append(Message("persona.note.empty", feature=feature))
                continue
            if not has_two_values(values):
                self.notes_.append(Message("persona.note.constant", feature=feature))
                continue
            step = numeric_step(feature, values) if is_numeric(values) else category_step(feature, values)
            if step is None:
                self.notes_.append(Message("persona.note.constant", feature=feature))
                continue
            if missing:
                key = "persona.note.imputed_median" if step.kind == "numeric" else "persona.note.imputed_mode"
                self.notes_.append(Message(key, feature=feature, count=missing))
            steps.append(step)
        return steps

    def _excluded(self, customers: pd.DataFrame, features: Sequence[str]) -> dict[str, str]:
        """Columns left out of the personas by their meaning (code per column), noted in ``notes_``."""
        others = [c for c in customers.columns if c not in NOT_FEATURES and c not in features]
        excluded = persona_exclusions(customers, others)
        if excluded:
            items = [
                Message("persona.note.excluded_item", column=column, kind=Message(f"kind.{code}"))
                for column, code in excluded.items()
            ]
            self.notes_.append(Message("persona.note.excluded", columns=items))
        return excluded

    def _assumptions(self, customers: pd.DataFrame) -> list[dict]:
        """The inferred assumptions behind the features used (age from a birth date, money period …),
        from the validated table's ``attrs["assumptions"]``; noted in ``notes_``."""
        used = [a for a in customers.attrs.get("assumptions", []) if a.get("column") in self.features_]
        if used:
            self.notes_.append(AssumptionsNote(tuple((a["code"], _frozen_params(a)) for a in used)))
        return used

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
        Each k's fit and score are kept per sample while a model holds them (:class:`_KSearches`): a
        refit with another number of personas or k range on the same features reuses them.
        """
        points = X[sample]
        search = self._k_search = _K_SEARCHES.get(points, self.random_state)  # held: kept while fitted
        low, high = self.k_range
        ks = set(range(low, high + 1)) | ({self.n_personas} if self.n_personas else set())
        limit = min(search.distinct, len(points) - 1)
        if max(ks) > limit:
            self.notes_.append(Message("persona.note.k_capped", distinct=search.distinct, k=max(limit, 2)))
        ks = sorted(k for k in ks if k <= limit) or [2]
        missing = [k for k in ks if k not in search.results]
        if missing:
            scored = self._silhouette_rows(len(points))
            distances = pairwise_distances(points[scored]).astype(np.float32)
            np.fill_diagonal(distances, 0.0)
            wide = wide_distances(distances)
            for k in missing:
                fit = self._kmeans(k).fit(points)
                labels = fit.labels_[scored]
                valid = 2 <= len(np.unique(labels)) <= len(scored) - 1
                search.results[k] = (fit, silhouette(distances, labels, wide=wide) if valid else math.nan)
        return {k: search.results[k][1] for k in ks}, {k: search.results[k][0] for k in ks}

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
            scores.append(adjusted_rand(labels, refit.predict(X)))
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
        check_tables(customers, survey)
        # One thread: OpenMP's busy-waiting threads slow k-means down 10-20 fold when the cores are shared
        # (several app sessions, or tests running side by side); one thread is fast enough for 100k rows.
        with _one_thread():
            return self._fit(customers, without_attrs(survey), touchpoints)

    def _fit(
        self, customers: pd.DataFrame, survey: pd.DataFrame | None, touchpoints: Sequence[str] | None
    ) -> PersonaModel:
        self.notes_: list = []
        self._now = latest_date(customers)
        self._tenure_derived = "tenure" not in customers.columns
        self._touchpoints = None if touchpoints is None else list(touchpoints)
        self._survey_means = survey_means(survey, touchpoints)
        frame = customer_frame(customers, self._survey_means, self._now)
        features = list(self.features) if self.features is not None else default_features_of(frame, customers)
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
        start = fits[self.k_].cluster_centers_.copy()  # the kept search's fit stays as it is
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
        return pd.DataFrame(
            {
                "customer_id": frame["customer_id"].to_numpy(),
                "x": coordinates[:, 0],
                "y": coordinates[:, 1],
                "persona": labels.astype(np.int64),
            }
        )

    # ----- describing -------------------------------------------------------------------------------

    def _describe(
        self, frame: pd.DataFrame, survey: pd.DataFrame | None, X: np.ndarray, labels: np.ndarray
    ) -> list[PersonaProfile]:
        groups = [frame.loc[labels == index] for index in range(self.k_)]
        genders = [_majority_gender(members) for members in groups]
        names = persona_name_codes(genders, seed=self.random_state)
        as_of = churn_reference_date(customer_dates(frame), survey)
        effects = self._effects(X, labels)
        answer_labels = _survey_labels(survey, frame, labels)
        commenters, comments = _commenters(survey, frame)
        used_quotes: set[str] = set()
        personas = []
        for index, members in enumerate(groups):
            answers = survey[answer_labels == index] if survey is not None else None
            metrics = _persona_metrics(members, answers, as_of)
            quote = self._quote(commenters[labels[commenters] == index], comments, X, index, used_quotes)
            if quote is not None:
                used_quotes.add(quote)
            personas.append(
                PersonaProfile(
                    index=index,
                    name=names[index],
                    gender=genders[index],
                    size=len(members),
                    share=len(members) / len(frame),
                    traits=self._traits(frame, members, effects[index]),
                    card=_card(members, frame, self.features_, metrics, tenure_derived=self._tenure_derived),
                    nps=metrics["nps"],
                    churn_rate=metrics["churn_rate"],
                    clv_mean=metrics["clv_mean"],
                    quote=quote,
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
            traits.append(
                {
                    "feature": feature,
                    "category": category,
                    "touchpoint": feature in self._survey_means.columns,
                    "value": value,
                    "base_value": base,
                    "direction": direction,
                }
            )
        return traits

    def _quote(
        self, rows: np.ndarray, comments: np.ndarray, X: np.ndarray, index: int, used: set[str]
    ) -> str | None:
        """The comment of the commenting member (``rows``, ascending) closest to the persona's centre,
        skipping comments already quoted for another persona (the same words never speak for two)."""
        if not len(rows):
            return None
        distances = np.linalg.norm(X[rows] - self._centers[index], axis=1)
        for position in np.argsort(distances, kind="stable"):
            text = str(comments[rows[int(position)]])
            if text not in used:
                return text
        return None

    # ----- prediction -------------------------------------------------------------------------------

    def _assign(self, customers: pd.DataFrame, survey: pd.DataFrame | None) -> pd.Series:
        """Persona index per customer, in the order of ``customers``."""
        if not hasattr(self, "k_"):
            raise ValueError("this PersonaModel is not fitted yet; call fit() first")
        check_tables(customers, survey)
        frame = self._customer_frame(customers, survey)
        labels = self._frame_labels(frame)
        by_id = pd.Series(labels, index=frame["customer_id"].to_numpy())
        ids = customers["customer_id"].astype("str")
        return pd.Series(by_id.loc[ids.to_numpy()].to_numpy(), index=pd.Index(ids, name="customer_id"))

    def _customer_frame(self, customers: pd.DataFrame, survey: pd.DataFrame | None) -> pd.DataFrame:
        """:func:`customer_frame` of ``customers`` as the model sees them (survey means from ``survey``,
        else from the survey seen in ``fit``)."""
        means = self._survey_means if survey is None else survey_means(survey, self._touchpoints)
        return customer_frame(customers, means, self._now)

    def _frame_labels(self, frame: pd.DataFrame) -> np.ndarray:
        """Persona index per row of a :meth:`_customer_frame` (features it lacks are imputed)."""
        missing = [step.feature for step in self._steps if step.feature not in frame.columns]
        if missing:
            frame = frame.assign(**dict.fromkeys(missing, np.nan))
        with _one_thread():
            return self._relabel[self._model.predict(self._transform(frame))]

    def predict(self, customers: pd.DataFrame, survey: pd.DataFrame | None = None) -> pd.Series:
        """The persona index (0 = largest) of each customer, indexed by ``customer_id`` in the order
        given; :func:`cxlib.personas.outputs.persona_labels` gives names.

        Without ``survey``, survey-based features come from the survey seen in ``fit`` (missing values
        are imputed like in ``fit``).
        """
        return self._assign(customers, survey).rename("persona")


@dataclass
class _KSearch:
    """The k search of one sample: its number of distinct points and each k's (fit, silhouette)."""

    distinct: int
    results: dict[int, tuple[KMeans, float]] = field(default_factory=dict)


class _KSearches:
    """The k searches of the samples that fitted models still hold, found by content and seed.

    A search depends only on the sample's points, the seed and this module's constants, so a refit with
    another ``n_personas`` on the same features gives the same silhouettes and starting centres, only
    sooner. Each model holds its search; the search is kept here only as long as some model holds it
    (a weak reference), so it lives no longer than the results it was found for (a visitor's session
    cache, say). Safe to share between threads.
    """

    def __init__(self) -> None:
        self._searches: weakref.WeakValueDictionary[str, _KSearch] = weakref.WeakValueDictionary()
        self._lock = threading.Lock()

    def get(self, points: np.ndarray, random_state: int) -> _KSearch:
        """The search of ``points`` with ``random_state`` (a new one, not yet searched, if unknown)."""
        key = self._key(points, random_state)
        with self._lock:
            search = self._searches.get(key)
        if search is not None:
            return search
        search = _KSearch(distinct=len(np.unique(points, axis=0)))
        with self._lock:
            return self._searches.setdefault(key, search)

    def __len__(self) -> int:
        return len(self._searches)

    def clear(self) -> None:
        with self._lock:
            self._searches.clear()

    @staticmethod
    def _key(points: np.ndarray, random_state: int) -> str:
        hasher = hashlib.sha256()
        settings = (points.shape, str(points.dtype), random_state, N_INIT, SILHOUETTE_POINTS)
        hasher.update(repr(settings).encode())
        hasher.update(np.ascontiguousarray(points).tobytes())
        return hasher.hexdigest()


_K_SEARCHES = _KSearches()


@functools.cache
def _thread_pools() -> ThreadpoolController:
    """The BLAS/OpenMP pools of this process, found once (``threadpool_limits()`` scans every loaded
    library on each call: 7-30 ms)."""
    return ThreadpoolController()


def _one_thread():
    """A context in which k-means and BLAS use one thread (see :meth:`PersonaModel.fit`)."""
    return _thread_pools().limit(limits=1)


#: The share of a persona's known genders that one gender needs for a gendered first name. A segment of
#: 55 % women is a mixed segment: a woman's name would tell a meeting it is about women (the Kaggle mall
#: customers, 56 % "Female", had five women's names among six personas).
CLEAR_MAJORITY = 0.6


def _majority_gender(members: pd.DataFrame) -> str | None:
    """The most common known gender when it is "female" or "male" and a clear majority (at least
    :data:`CLEAR_MAJORITY` of the known genders); else None, and the persona gets a neutral name."""
    if "gender" not in members.columns:
        return None
    counts = members["gender"].dropna().value_counts()
    if counts.empty or counts.iloc[0] < CLEAR_MAJORITY * counts.sum():
        return None
    top = str(counts.index[0])
    return top if top in ("female", "male") else None


def _survey_labels(survey: pd.DataFrame | None, frame: pd.DataFrame, labels: np.ndarray) -> np.ndarray:
    """The persona of each survey row's customer (−1 when unknown or unlinked)."""
    if survey is None or "customer_id" not in survey.columns:
        return np.full(0 if survey is None else len(survey), -1)
    positions = positions_in(frame["customer_id"], survey["customer_id"].astype("str"))
    return np.where(positions >= 0, labels[positions], -1)


def _commenters(survey: pd.DataFrame | None, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Rows of ``frame`` (ascending) whose customer commented, and each row's latest comment."""
    latest = _latest_comments(survey)
    comments = np.full(len(frame), None, dtype=object)
    positions = positions_in(frame["customer_id"], latest.index)
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


def _card_value(feature: str, members: pd.DataFrame) -> Message | Num | None:
    values = members[feature]
    if values.notna().sum() == 0:
        return None
    if not is_numeric(values):
        counts = values.dropna().astype("str").value_counts()
        top = str(counts.index[0])
        shown = (
            Message(f"persona.gender.{top}")
            if feature == "gender" and top in ("female", "male", "diverse")
            else top
        )
        return Message("persona.value.share_of", value=shown, share=Pct(counts.iloc[0] / counts.sum()))
    mean = float(values.mean())
    if feature == "age":
        return Message("persona.value.years", value=Num(mean))
    return Num(mean, decimals=0 if abs(mean) >= 100 else 1)


def metric_label(column: str, *, tenure_derived: bool) -> Message | FeatureName:
    """The reader's label of a profile column (derived tenure is in months)."""
    if column == "tenure" and tenure_derived:
        return Message("persona.metric.tenure_months")
    return Message(_ROLE_LABELS[column]) if column in _ROLE_LABELS else FeatureName(column)


def _card(
    members: pd.DataFrame,
    frame: pd.DataFrame,
    features: Sequence[str],
    metrics: dict,
    *,
    tenure_derived: bool,
) -> dict[str, list[tuple]]:
    """The persona sheet in the handbook's sections: (label, value) pairs, rendered at the edge."""
    card: dict[str, list[tuple]] = {section: [] for section in SECTIONS}
    placed = set()
    for section, roles in _CARD_ROLES.items():
        for role in roles:
            if role in frame.columns:
                value = _card_value(role, members)
                if value is not None:
                    card[section].append((metric_label(role, tenure_derived=tenure_derived), value))
                placed.add(role)
    for feature in features:
        if feature not in placed:
            value = _card_value(feature, members)
            if value is not None:
                card[_section_of(feature)].append((feature, value))
    if metrics["nps"] is not None:
        card["satisfaction"].append((Message("persona.metric.nps"), Num(metrics["nps"], signed=True)))
    if metrics["churn_rate"] is not None:
        card["satisfaction"].append((Message("persona.metric.churn_rate"), Pct(metrics["churn_rate"])))
    if metrics["clv_mean"] is not None:
        card["satisfaction"].append((Message("persona.metric.clv_mean"), Num(metrics["clv_mean"])))
    return card


def check_fitted(model: PersonaModel) -> None:
    """ValueError unless ``model`` is a fitted :class:`PersonaModel`."""
    if not isinstance(model, PersonaModel) or not hasattr(model, "personas_"):
        raise ValueError("expected a fitted PersonaModel")
