"""The customer journey curve: satisfaction per touchpoint on one 0–100 axis, pain points and key drivers.

The customer journey map is a coordinate system: the touchpoints in time order, grouped in the four
phases of :data:`cxlib.phases.PHASES`, on the x-axis and customer satisfaction at each touchpoint on the
y-axis. It exists to find the touchpoints where customers are unhappy and the phases with too few
touchpoints. This module computes everything behind that map from a validated survey, in either shape:

- wide: one rating column per touchpoint (as survey tools export), named as in the file;
- long: ``touchpoint`` and ``score`` columns, one row per rating (see :func:`long_to_wide`).

Rules, in the order they are applied to each touchpoint:

1. Values declared "not applicable" (``JourneySpec.na_codes``, e.g. 0 on a 1–5 scale) are excluded and
   counted (``na_excluded``).
2. The scale comes from ``JourneySpec.scales`` or is detected (:func:`detect_scale`). A column whose
   detected scale differs from the survey's most common one but starts at the same minimum is read on
   the common scale when its answers do not reach the top of its own detected scale, or stop exactly
   one point short of the common maximum (nobody gave the top mark): a 1–4 reading is then a 1–5 survey
   without fives. Values outside an explicitly given scale are ignored.
3. Every rating goes onto one comparable axis: ``(x − min) / (max − min) · 100``.
4. Per touchpoint: mean, t-based 95% interval ``mean ± t(0.975, n−1) · sd / √n`` (none for n < 2, clipped
   to 0–100), n, and the bottom box: the share of ratings in the lowest 2 points of a scale with up to
   7 points (1–4, 1–5, 1–7), the lowest 3 points of an 8–11 point scale (0–10, 1–10), or the lowest
   fifth of a wider scale (0–100).
5. Per phase: the unweighted mean of its touchpoints' means.
6. Pain points: the lowest touchpoint ("lowest"); any other whose whole interval lies below the average of
   all touchpoint means ("below_average"); and the touchpoint after the biggest drop between
   consecutive touchpoints, if that drop exceeds :data:`DROP_THRESHOLD` points ("drop").
7. Key drivers: importance is the Pearson correlation of the touchpoint with the outcome (recommend or
   overall satisfaction) on the rows where both are given, which equals the standardized coefficient of
   a one-touchpoint regression; ``beta`` adds the standardized multiple-regression coefficient when
   enough complete rows exist. Performance is the touchpoint's 0–100 mean. Quadrants split at the
   medians of both.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
from scipy import stats

from cxlib.errors import CxError
from cxlib.i18n import format_number, format_percent, t
from cxlib.long_format import is_long, long_to_wide
from cxlib.messages import Message, Num, render, render_all
from cxlib.phases import PHASES, guess_phases
from cxlib.tables import without_attrs

#: Scales a rating column can have, tried from the narrowest to the widest range.
KNOWN_SCALES: tuple[tuple[float, float], ...] = (
    (1, 4), (1, 5), (0, 5), (1, 6), (1, 7), (1, 10), (0, 10), (0, 100),
)  # fmt: skip

#: A fall between consecutive touchpoints larger than this (on the 0–100 axis) is a pain point.
DROP_THRESHOLD = 10.0
#: Fewer rows with both the touchpoint and the outcome than this give no driver importance.
MIN_DRIVER_PAIRS = 10
#: Quadrant keys of the importance × performance chart, in reading order.
QUADRANTS = ("fix_first", "keep_up", "maintain", "lower_priority")
#: Pain point reasons, in the order they are listed for one touchpoint.
PAIN_REASONS = ("lowest", "below_average", "drop")

_GROUP_COLUMN = "__journey_group__"


@dataclass(frozen=True)
class JourneySpec:
    """Which touchpoints make up the journey, in which order and phase, and how to read their ratings.

    Parameters
    ----------
    touchpoints : tuple of str
        Touchpoint names as they stand in the survey (wide: column headers; long: values of the
        ``touchpoint`` column), in journey order.
    phases : dict
        Touchpoint -> phase (one of :data:`cxlib.phases.PHASES`). Keys may be the survey name or the
        display name after ``renames``; a touchpoint without an entry gets its guessed phase.
    scales : dict, optional
        Touchpoint -> (min, max), overriding the detected scale.
    na_codes : dict
        Touchpoint -> values that mean "not applicable" (excluded and counted).
    renames : dict
        Touchpoint -> display name used in every output.
    owners : dict
        Touchpoint -> the department that owns it (e.g. "Logistik"), as the user entered it.
    """

    touchpoints: tuple[str, ...]
    phases: dict[str, str]
    scales: dict[str, tuple[float, float]] | None = None
    na_codes: dict[str, tuple[float, ...]] = field(default_factory=dict)
    renames: dict[str, str] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "touchpoints", tuple(self.touchpoints))

    def display_name(self, touchpoint: str) -> str:
        """The name ``touchpoint`` is shown under."""
        return self.renames.get(touchpoint, touchpoint)

    def setting(self, mapping: dict | None, touchpoint: str):
        """The entry of ``mapping`` for ``touchpoint``, by survey name or display name (None if absent)."""
        if not mapping:
            return None
        if touchpoint in mapping:
            return mapping[touchpoint]
        return mapping.get(self.display_name(touchpoint))


@dataclass
class JourneyResult:
    """Everything behind the journey map.

    Attributes
    ----------
    touchpoints : DataFrame
        One row per touchpoint in journey order: ``touchpoint`` (display name), ``phase``, ``position``
        (1-based), ``mean`` (0–100), ``native_mean``, ``scale_min``, ``scale_max``, ``ci_low``,
        ``ci_high`` (0–100), ``n``, ``na_excluded``, ``bottom_box`` (share 0..1), ``pain_point`` (bool),
        ``pain_reason`` (text in the result's language, empty if none; a tuple of messages when computed
        without a language), ``owner`` (the department as entered, "" if none). Missing values are NaN.
    phases : DataFrame
        One row per phase in the fixed order: ``phase``, ``label``, ``mean`` (0–100), ``touchpoints``.
    pain_points : list of dict
        ``{"touchpoint", "reason" (one of PAIN_REASONS), "text", "label", "value"}``: a sentence and a
        short chart annotation in the result's language; value is the mean for "lowest"/"below_average"
        and the size of the drop for "drop" (which also names the ``previous`` touchpoint).
    drivers : DataFrame
        ``touchpoint``, ``phase``, ``importance``, ``beta``, ``performance``, ``n``, ``quadrant`` (key of
        QUADRANTS), ``quadrant_label``; sorted by importance, strongest first. Empty without an outcome.
    by_group : DataFrame or None
        ``group``, ``touchpoint``, ``position``, ``mean``, ``ci_low``, ``ci_high``, ``n``; only with a group.
    notes : list of str
        Remarks for the reader, in the result's language.
    outcome : str or None
        The survey column the drivers were computed against.
    """

    touchpoints: pd.DataFrame
    phases: pd.DataFrame
    pain_points: list[dict]
    drivers: pd.DataFrame
    by_group: pd.DataFrame | None
    notes: list[str]
    outcome: str | None

    def rendered(self, lang: str) -> JourneyResult:
        """The result with its words (notes, pain point texts, labels) in ``lang``; numbers are shared.

        A result computed with ``lang=None`` carries :class:`~cxlib.messages.Message`s; rendering it is
        cheap, so the app computes the journey once and renders it for each language.
        """
        if lang not in ("en", "de"):
            raise ValueError(f"lang must be 'en' or 'de', got {lang!r}")
        reasons = [
            reason if isinstance(reason, str) else " · ".join(render_all(reason, lang))
            for reason in self.touchpoints["pain_reason"]
        ]
        drivers = self.drivers.copy()
        drivers["quadrant_label"] = [
            None if label is None or (isinstance(label, float) and math.isnan(label)) else render(label, lang)
            for label in drivers["quadrant_label"]
        ]
        return JourneyResult(
            touchpoints=self.touchpoints.assign(pain_reason=reasons),
            phases=self.phases.assign(label=[render(label, lang) for label in self.phases["label"]]),
            pain_points=[
                {**point, "text": render(point["text"], lang), "label": render(point["label"], lang)}
                for point in self.pain_points
            ],
            drivers=drivers,
            by_group=self.by_group,
            notes=render_all(self.notes, lang),
            outcome=self.outcome,
        )


# --- checks -------------------------------------------------------------------------------------------


def _check_inputs(survey: pd.DataFrame, spec: JourneySpec, group: pd.Series | None, lang: str) -> None:
    if not isinstance(survey, pd.DataFrame):
        raise ValueError(f"survey must be a pandas DataFrame, got {type(survey).__name__}")
    if not isinstance(spec, JourneySpec):
        raise ValueError(f"spec must be a JourneySpec, got {type(spec).__name__}")
    if not spec.touchpoints:
        raise ValueError("spec.touchpoints is empty: a journey needs at least one touchpoint")
    if len(set(spec.touchpoints)) != len(spec.touchpoints):
        raise ValueError(f"spec.touchpoints repeats a name: {list(spec.touchpoints)!r}")
    shown = [spec.display_name(tp) for tp in spec.touchpoints]
    if len(set(shown)) != len(shown):
        raise ValueError(f"spec.renames gives two touchpoints the same name: {shown!r}")
    bad_phases = {k: v for k, v in spec.phases.items() if v not in PHASES}
    if bad_phases:
        raise ValueError(f"unknown phases {bad_phases!r}; use one of {PHASES}")
    for touchpoint, (low, high) in (spec.scales or {}).items():
        if not low < high:
            raise ValueError(f"scale of {touchpoint!r} must have min < max, got {(low, high)}")
    if not _is_long(survey, spec):
        missing = [tp for tp in spec.touchpoints if tp not in survey.columns]
        if missing:
            raise ValueError(f"touchpoint columns {missing!r} are not in the survey")
    if group is not None and len(group) != len(survey):
        raise ValueError(f"group has {len(group)} labels for {len(survey)} survey rows")
    if lang not in ("en", "de", None):
        raise ValueError(f"lang must be 'en', 'de' or None, got {lang!r}")


def _is_long(survey: pd.DataFrame, spec: JourneySpec | None = None) -> bool:
    """Long shape: ``touchpoint`` and ``score`` columns, and the spec's touchpoints are not columns."""
    return is_long(survey, None if spec is None else spec.touchpoints)


# --- public helpers -----------------------------------------------------------------------------------


def detect_scale(values: pd.Series) -> tuple[float, float]:
    """The rating scale a column most likely uses, from its smallest and largest answer.

    The narrowest of :data:`KNOWN_SCALES` that holds every answer; the observed range (whole numbers
    around it) when none does. Remove "not applicable" codes before calling.

    Parameters
    ----------
    values : Series
        The answers (numbers; NaN and unreadable values are ignored).

    Returns
    -------
    tuple of float
        ``(min, max)``.

    Examples
    --------
    >>> detect_scale(pd.Series([1, 2, 4, 3]))
    (1, 4)
    >>> detect_scale(pd.Series([2, 5, None]))
    (1, 5)
    >>> detect_scale(pd.Series([0, 7, 10]))
    (0, 10)
    >>> detect_scale(pd.Series([3, 9]))
    (1, 10)
    >>> detect_scale(pd.Series([12.5, 88]))
    (0, 100)
    """
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").dropna()
    if numbers.empty:
        raise ValueError("detect_scale needs at least one numeric value")
    low, high = float(numbers.min()), float(numbers.max())
    for scale in sorted(KNOWN_SCALES, key=lambda s: (s[1] - s[0], -s[0])):
        if scale[0] <= low and high <= scale[1]:
            return scale
    low, high = math.floor(low), math.ceil(high)
    return (low, high if high > low else low + 1)


def default_spec(survey: pd.DataFrame, touchpoints: Sequence[str]) -> JourneySpec:
    """A spec with the given order and guessed phases (long surveys: empty ``touchpoints`` = all, as met).

    Without scales in the spec, :func:`build_journey` reads the questionnaire's (set by validation), so
    items of one question share one scale even when nobody used its top or bottom point.

    Examples
    --------
    >>> survey = pd.DataFrame({"Werbung": [4.0], "Website": [3.0], "Lieferung": [2.0]})
    >>> default_spec(survey, ["Werbung", "Website", "Lieferung"]).phases
    {'Werbung': 'activation', 'Website': 'information', 'Lieferung': 'loyalty'}
    """
    if not isinstance(survey, pd.DataFrame):
        raise ValueError(f"survey must be a pandas DataFrame, got {type(survey).__name__}")
    touchpoints = list(touchpoints)
    if not touchpoints and _is_long(survey):
        touchpoints = [str(x) for x in pd.unique(survey["touchpoint"].dropna())]
    if not _is_long(survey):
        missing = [tp for tp in touchpoints if tp not in survey.columns]
        if missing:
            raise ValueError(f"touchpoint columns {missing!r} are not in the survey")
    phases = guess_phases(touchpoints)
    return JourneySpec(touchpoints=tuple(in_phase_order(touchpoints, phases)), phases=phases)


def in_phase_order(touchpoints: Sequence[str], phases: dict[str, str]) -> list[str]:
    """The touchpoints sorted by phase (activation → loyalty), each phase's touchpoints in the given order:
    a file lists its items as the questionnaire did (Kaggle's airline survey asks about the in-flight
    wifi before the online booking), while the journey map runs through the phases in time order.

    Examples
    --------
    >>> phases = {"Wifi": "loyalty", "Booking": "purchase", "Seat": "loyalty"}
    >>> in_phase_order(["Wifi", "Booking", "Seat"], phases)
    ['Booking', 'Wifi', 'Seat']
    """
    return sorted(touchpoints, key=lambda touchpoint: PHASES.index(phases[touchpoint]))


def questionnaire_scales(survey: pd.DataFrame, touchpoints: Sequence[str]) -> dict[str, tuple[float, float]]:
    """The scales validation found for the touchpoints (``survey.attrs["column_meanings"]``), if any.

    Examples
    --------
    >>> survey = pd.DataFrame({"Web": [4.0, 5.0]})
    >>> survey.attrs["column_meanings"] = {"Web": {"kind": "rating", "scale": [1, 5]}}
    >>> questionnaire_scales(survey, ["Web"])
    {'Web': (1.0, 5.0)}
    """
    meanings = survey.attrs.get("column_meanings") or {}
    return {
        tp: (float(meanings[tp]["scale"][0]), float(meanings[tp]["scale"][1]))
        for tp in touchpoints
        if isinstance(meanings.get(tp), dict) and meanings[tp].get("scale")
    }


# --- the computation ----------------------------------------------------------------------------------


def _scale_text(scale: tuple[float, float], lang: str) -> str:
    return f"{format_number(scale[0], lang)}–{format_number(scale[1], lang)}"


def _scale_message(scale: tuple[float, float]) -> Message:
    return Message("journey.scale", low=Num(scale[0]), high=Num(scale[1]))


def _bottom_box_cut(scale: tuple[float, float]) -> float:
    """The highest rating that still counts as low, on the 0–100 axis (see the module docstring)."""
    low, high = scale
    points = high - low + 1
    if float(low).is_integer() and float(high).is_integer() and points <= 11:
        native_cut = low + (2 if points <= 7 else 3) - 1
    else:
        native_cut = low + 0.2 * (high - low)
    return (native_cut - low) / (high - low) * 100


def _ratings(survey: pd.DataFrame, spec: JourneySpec, notes: list):
    """Each touchpoint's ratings on the 0–100 axis (display names as columns), scales and NA counts."""
    native: dict[str, np.ndarray] = {}
    na_excluded: dict[str, int] = {}
    for tp in spec.touchpoints:
        values = pd.to_numeric(survey[tp], errors="coerce").to_numpy(dtype=float, copy=True)
        codes = spec.setting(spec.na_codes, tp) or ()
        is_na = np.isin(values, np.asarray(codes, dtype=float)) if len(codes) else np.zeros(len(values), bool)
        na_excluded[tp] = int(is_na.sum())
        values[is_na] = np.nan
        native[tp] = values
        if na_excluded[tp]:
            notes.append(
                Message(
                    "journey.note.na_excluded",
                    count=na_excluded[tp],
                    touchpoint=spec.display_name(tp),
                    codes=tuple(Num(code) for code in codes),
                )
            )
    scales = _resolve_scales(native, spec, notes)
    scaled: dict[str, np.ndarray] = {}
    for tp, values in native.items():
        low, high = scales[tp]
        outside = (values < low) | (values > high)
        if outside.any():
            notes.append(
                Message(
                    "journey.note.out_of_scale",
                    count=int(outside.sum()),
                    touchpoint=spec.display_name(tp),
                    scale=_scale_message((low, high)),
                )
            )
            values = np.where(outside, np.nan, values)
        scaled[spec.display_name(tp)] = (values - low) / (high - low) * 100
    return pd.DataFrame(scaled, index=survey.index), scales, na_excluded


def _resolve_scales(native: dict[str, np.ndarray], spec: JourneySpec, notes: list):
    detected = {tp: detect_scale(pd.Series(v)) for tp, v in native.items() if not np.isnan(v).all()}
    if not detected and not spec.scales:
        raise CxError("error.journey_no_ratings")
    common = Counter(detected.values()).most_common(1)[0][0] if detected else None
    scales: dict[str, tuple[float, float]] = {}
    for tp, values in native.items():
        given = spec.setting(spec.scales, tp)
        if given is not None:
            scales[tp] = (float(given[0]), float(given[1]))
            continue
        scale = detected.get(tp, common)
        if scale is None:  # no answers and nothing to borrow from: any scale will do, nothing is plotted
            scale = next(iter(spec.scales.values()))
        elif tp in detected and scale != common and scale[0] == common[0] and scale[1] < common[1]:
            top = np.nanmax(values)
            if top < scale[1] or top == common[1] - 1:  # the answers do not prove the narrower scale
                notes.append(
                    Message(
                        "journey.note.scale_aligned",
                        touchpoint=spec.display_name(tp),
                        scale=_scale_message(common),
                    )
                )
                scale = common
        scales[tp] = (float(scale[0]), float(scale[1]))
    distinct = sorted(set(scales.values()))
    if len(distinct) > 1:
        notes.append(
            Message("journey.note.mixed_scales", scales=tuple(_scale_message(scale) for scale in distinct))
        )
    return scales


def _summaries(scaled: pd.DataFrame, groups: np.ndarray | None = None) -> pd.DataFrame:
    """Mean, interval and n of every column (0–100), overall or per group; long format."""
    if groups is None:
        mean, std, n = scaled.mean(), scaled.std(), scaled.count()
        frame = pd.DataFrame(
            {"touchpoint": scaled.columns, "mean": mean.values, "sd": std.values, "n": n.values}
        )
    else:
        grouped = scaled.groupby(groups, sort=True, dropna=True)
        frame = (
            pd.concat(
                {
                    "mean": grouped.mean().stack(future_stack=True),
                    "sd": grouped.std().stack(future_stack=True),
                    "n": grouped.count().stack(future_stack=True),
                },
                axis=1,
            )
            .rename_axis(["group", "touchpoint"])
            .reset_index()
        )
    n = frame["n"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        half = stats.t.ppf(0.975, np.where(n >= 2, n - 1, np.nan)) * frame["sd"].to_numpy() / np.sqrt(n)
    mean = frame["mean"].to_numpy(dtype=float)
    frame["ci_low"] = np.clip(mean - half, 0, 100)
    frame["ci_high"] = np.clip(mean + half, 0, 100)
    frame["n"] = frame["n"].astype("int64")
    return frame.drop(columns="sd")


def _touchpoint_table(scaled, spec, phases, scales, na_excluded, notes) -> pd.DataFrame:
    table = _summaries(scaled)
    names = list(spec.touchpoints)
    table.insert(1, "phase", [phases[tp] for tp in names])
    table.insert(2, "position", np.arange(1, len(names) + 1))
    lows = np.array([scales[tp][0] for tp in names])
    highs = np.array([scales[tp][1] for tp in names])
    table.insert(4, "native_mean", lows + table["mean"].to_numpy() / 100 * (highs - lows))
    table.insert(5, "scale_min", lows)
    table.insert(6, "scale_max", highs)
    table["na_excluded"] = [na_excluded[tp] for tp in names]
    cuts = np.array([_bottom_box_cut(scales[tp]) for tp in names])
    values = scaled.to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        low_counts = (values <= cuts + 1e-9).sum(axis=0)
        table["bottom_box"] = np.where(table["n"] > 0, low_counts / table["n"].to_numpy(), np.nan)
    for name, n in zip(table["touchpoint"], table["n"], strict=True):
        if n == 0:
            notes.append(Message("journey.note.no_answers", touchpoint=name))
    return table


def _phase_table(table: pd.DataFrame, notes: list) -> pd.DataFrame:
    rows = []
    for phase in PHASES:
        members = table[table["phase"] == phase]
        rows.append(
            {
                "phase": phase,
                "label": Message(f"phase.{phase}"),
                "mean": members["mean"].mean(),
                "touchpoints": len(members),
            }
        )
        if len(members) == 0:
            notes.append(Message("journey.note.phase_empty", phase=Message(f"phase.{phase}")))
        elif len(members) == 1:
            notes.append(Message("journey.note.phase_thin", phase=Message(f"phase.{phase}")))
    return pd.DataFrame(rows)


def _pain_points(table: pd.DataFrame, owners: dict[str, str]) -> list[dict]:
    rated = table[table["n"] > 0]
    if len(rated) < 2:
        return []
    found: list[dict] = []
    lowest = rated.loc[rated["mean"].idxmin()]
    found.append({"touchpoint": lowest["touchpoint"], "reason": "lowest", "value": float(lowest["mean"])})
    average = rated["mean"].mean()
    below = rated[(rated["ci_high"] < average) & (rated["touchpoint"] != lowest["touchpoint"])]
    found += [
        {"touchpoint": row.touchpoint, "reason": "below_average", "value": float(row.mean)}
        for row in below.itertuples()
    ]
    changes = rated["mean"].diff().to_numpy()
    if np.nanmin(changes) < -DROP_THRESHOLD:
        at = int(np.nanargmin(changes))
        found.append(
            {
                "touchpoint": rated["touchpoint"].iloc[at],
                "reason": "drop",
                "value": float(-changes[at]),
                "previous": rated["touchpoint"].iloc[at - 1],
            }
        )
    position = dict(zip(table["touchpoint"], table["position"], strict=True))
    found.sort(key=lambda p: (position[p["touchpoint"]], PAIN_REASONS.index(p["reason"])))
    for point in found:
        point["label"] = Message(f"journey.annot.{point['reason']}", value=Num(point["value"]))
        point["text"] = Message(
            f"journey.reason.{point['reason']}",
            value=Num(point["value"]),
            previous=point.get("previous", ""),
            average=Num(average),
        )
        owner = owners.get(point["touchpoint"])
        if owner:
            point["owner"] = owner
    return found


def _resolve_outcome(survey: pd.DataFrame, outcome: str | None, notes: list) -> str | None:
    if outcome is None:
        return None
    alternatives = {"recommend": "satisfaction", "satisfaction": "recommend"}
    for candidate in (outcome, alternatives.get(outcome)):
        if candidate in survey.columns and pd.to_numeric(survey[candidate], errors="coerce").notna().any():
            if candidate != outcome:
                notes.append(
                    Message(
                        "journey.note.outcome_fallback",
                        used=_outcome_name(candidate),
                        wanted=_outcome_name(outcome),
                    )
                )
            return candidate
    notes.append(Message("journey.note.no_outcome"))
    return None


def _outcome_name(outcome: str) -> Message | str:
    return Message(f"role.{outcome}") if outcome in ("recommend", "satisfaction") else outcome


def _drivers(scaled: pd.DataFrame, table: pd.DataFrame, y: np.ndarray, notes: list):
    rows = []
    has_y = ~np.isnan(y)
    for name, phase, performance in zip(table["touchpoint"], table["phase"], table["mean"], strict=True):
        x = scaled[name].to_numpy(dtype=float)
        both = has_y & ~np.isnan(x)
        n = int(both.sum())
        importance = np.nan
        if n >= MIN_DRIVER_PAIRS and x[both].std() > 0 and y[both].std() > 0:
            importance = float(np.corrcoef(x[both], y[both])[0, 1])
        elif n > 0 or not np.isnan(performance):
            notes.append(Message("journey.note.too_few_pairs", touchpoint=name, n=n))
        rows.append(
            {
                "touchpoint": name,
                "phase": phase,
                "importance": importance,
                "beta": np.nan,
                "performance": performance,
                "n": n,
            }
        )
    drivers = pd.DataFrame(rows)
    usable = drivers["importance"].notna().to_numpy()
    drivers.loc[usable, "beta"] = _betas(scaled[drivers.loc[usable, "touchpoint"]].to_numpy(dtype=float), y)
    med_importance = drivers.loc[usable, "importance"].median()
    med_performance = drivers.loc[usable, "performance"].median()
    important = drivers["importance"] >= med_importance
    strong = drivers["performance"] >= med_performance
    quadrant = np.select(
        [important & ~strong, important & strong, ~important & strong], QUADRANTS[:3], default=QUADRANTS[3]
    ).astype(object)
    quadrant[~usable] = None
    drivers["quadrant"] = quadrant
    drivers["quadrant_label"] = [Message(f"journey.quadrant.{q}") if q else None for q in quadrant]
    return drivers.sort_values("importance", ascending=False, na_position="last", kind="stable").reset_index(
        drop=True
    )


def _betas(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Standardized multiple-regression coefficients on complete rows (NaN when too few rows)."""
    k = x.shape[1]
    complete = ~np.isnan(x).any(axis=1) & ~np.isnan(y)
    if k == 0 or complete.sum() < max(30, 10 * k):
        return np.full(k, np.nan)
    xc, yc = x[complete], y[complete]
    sx, sy = xc.std(axis=0), yc.std()
    if (sx == 0).any() or sy == 0:
        return np.full(k, np.nan)
    coef, *_ = np.linalg.lstsq((xc - xc.mean(axis=0)) / sx, (yc - yc.mean()) / sy, rcond=None)
    return coef


def build_journey(
    survey: pd.DataFrame,
    spec: JourneySpec,
    *,
    outcome: str | None = "recommend",
    group: pd.Series | None = None,
    lang: str | None = "en",
) -> JourneyResult:
    """Satisfaction per touchpoint on a 0–100 axis, per phase, pain points and key drivers.

    Parameters
    ----------
    survey : DataFrame
        The validated survey (``ValidatedTable.data``), wide or long (see the module docstring).
    spec : JourneySpec
        Touchpoints, order, phases, scales, not-applicable codes and display names.
    outcome : str or None
        Column the drivers are related to: "recommend" or "satisfaction" (the other one is used when
        it is missing), or any other numeric column; None skips the drivers.
    group : Series, optional
        A label per survey row (e.g. persona name) for one curve per group; NA labels are left out.
    lang : str or None
        Language of notes, labels and pain point texts; None computes them as
        :class:`~cxlib.messages.Message`s (render with :meth:`JourneyResult.rendered`), as the app does.

    Returns
    -------
    JourneyResult

    Examples
    --------
    >>> survey = pd.DataFrame({"Website": [5.0, 4.0, 4.0, 5.0], "Lieferung": [2.0, 1.0, 2.0, 1.0],
    ...                        "recommend": [9.0, 6.0, 8.0, 10.0]})
    >>> spec = JourneySpec(("Website", "Lieferung"), {"Website": "information", "Lieferung": "loyalty"})
    >>> result = build_journey(survey, spec)
    >>> result.touchpoints[["touchpoint", "mean", "native_mean", "n"]]
      touchpoint  mean  native_mean  n
    0    Website  87.5          4.5  4
    1  Lieferung  12.5          1.5  4
    >>> [(p["touchpoint"], p["reason"]) for p in result.pain_points]
    [('Lieferung', 'lowest'), ('Lieferung', 'drop')]
    """
    _check_inputs(survey, spec, group, lang)
    if spec.scales is None and not _is_long(survey, spec):
        # the questionnaire's scales (validation found them); a survey without any rating still says so
        answered = survey.reindex(columns=list(spec.touchpoints)).notna().to_numpy().any()
        scales = questionnaire_scales(survey, spec.touchpoints) if answered else {}
        spec = replace(spec, scales=scales or None)
    survey = without_attrs(survey)  # the scales above were the last use of its attrs (costly to copy)
    notes: list[str] = []
    if group is not None:
        survey = survey.assign(**{_GROUP_COLUMN: group.to_numpy()})
    if _is_long(survey, spec):
        survey, _ = long_to_wide(survey)
        survey = survey.reindex(
            columns=[*survey.columns, *(tp for tp in spec.touchpoints if tp not in survey)]
        )
    phases = {
        tp: spec.setting(spec.phases, tp) or guessed for tp, guessed in guess_phases(spec.touchpoints).items()
    }
    scaled, scales, na_excluded = _ratings(survey, spec, notes)
    table = _touchpoint_table(scaled, spec, phases, scales, na_excluded, notes)
    owners = {
        spec.display_name(tp): str(spec.setting(spec.owners, tp) or "").strip() for tp in spec.touchpoints
    }
    phase_table = _phase_table(table, notes)
    pain_points = _pain_points(table, owners)
    texts: dict[str, list] = {}
    for point in pain_points:
        texts.setdefault(point["touchpoint"], []).append(point["text"])
    table["pain_point"] = table["touchpoint"].isin(texts)
    table["pain_reason"] = [tuple(texts.get(name, [])) for name in table["touchpoint"]]
    table["owner"] = [owners[name] for name in table["touchpoint"]]
    used = _resolve_outcome(survey, outcome, notes)
    if used is None:
        drivers = pd.DataFrame(
            columns=[
                "touchpoint",
                "phase",
                "importance",
                "beta",
                "performance",
                "n",
                "quadrant",
                "quadrant_label",
            ]
        )
    else:
        y = pd.to_numeric(survey[used], errors="coerce").to_numpy(dtype=float)
        drivers = _drivers(scaled, table, y, notes)
    by_group = None
    if group is not None:
        by_group = _summaries(scaled, survey[_GROUP_COLUMN].to_numpy())
        position = dict(zip(table["touchpoint"], table["position"], strict=True))
        by_group.insert(2, "position", by_group["touchpoint"].map(position).astype("int64"))
        by_group = by_group.sort_values(["group", "position"], kind="stable").reset_index(drop=True)
    result = JourneyResult(table, phase_table, pain_points, drivers, by_group, notes, used)
    return result if lang is None else result.rendered(lang)


# --- output -------------------------------------------------------------------------------------------


def _json_number(value, decimals: int):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    value = round(float(value), decimals)
    return int(value) if value.is_integer() and decimals == 0 else value


def _scale_bound(value):
    value = float(value)
    return int(value) if value.is_integer() else value


def journey_section(result: JourneyResult) -> dict:
    """The ``journey`` section of the CLI's JSON output.

    Means and intervals on 0–100 rounded to 2 decimals, native means to 3, bottom box shares to 4;
    missing values are null. Pain point reasons are the keys of :data:`PAIN_REASONS`; drivers are
    listed strongest first and only where an importance could be computed.

    Examples
    --------
    >>> survey = pd.DataFrame({"Web": [5.0, 3.0], "Shop": [2.0, 2.0]})
    >>> spec = JourneySpec(("Web", "Shop"), {"Web": "information", "Shop": "purchase"})
    >>> section = journey_section(build_journey(survey, spec, outcome=None))
    >>> section["touchpoints"][1]
    {'touchpoint': 'Shop', 'phase': 'purchase', 'mean': 25.0, 'native_mean': 2.0, 'scale': [1, 5],
     'ci95': [25.0, 25.0], 'n': 2, 'bottom_box': 1.0}
    >>> section["pain_points"], section["drivers"]
    ([{'touchpoint': 'Shop', 'reason': 'lowest'}, {'touchpoint': 'Shop', 'reason': 'drop'}], [])
    """
    touchpoints = [
        {
            "touchpoint": row.touchpoint,
            "phase": row.phase,
            "mean": _json_number(row.mean, 2),
            "native_mean": _json_number(row.native_mean, 3),
            "scale": [_scale_bound(row.scale_min), _scale_bound(row.scale_max)],
            "ci95": [_json_number(row.ci_low, 2), _json_number(row.ci_high, 2)],
            "n": int(row.n),
            "bottom_box": _json_number(row.bottom_box, 4),
            **({"owner": row.owner} if getattr(row, "owner", "") else {}),
        }
        for row in result.touchpoints.itertuples()
    ]
    pain_points = [
        {
            "touchpoint": p["touchpoint"],
            "reason": p["reason"],
            **({"owner": p["owner"]} if p.get("owner") else {}),
        }
        for p in result.pain_points
    ]
    drivers = [
        {
            "touchpoint": row.touchpoint,
            "importance": _json_number(row.importance, 4),
            "performance": _json_number(row.performance, 2),
        }
        for row in result.drivers.itertuples()
        if not pd.isna(row.importance)
    ]
    return {"touchpoints": touchpoints, "pain_points": pain_points, "drivers": drivers}


def journey_table(result: JourneyResult, *, lang: str = "en") -> pd.DataFrame:
    """The table behind the chart, with readable headers and formatted numbers in ``lang``.

    Examples
    --------
    >>> survey = pd.DataFrame({"Web": [5.0, 3.0], "Shop": [2.0, 2.0]})
    >>> spec = JourneySpec(("Web", "Shop"), {"Web": "information", "Shop": "purchase"})
    >>> journey_table(build_journey(survey, spec, outcome=None), lang="de").iloc[1, :4].tolist()
    ['Shop', 'Kauf', '25,0', '2,00']
    """
    frame = result.rendered(lang).touchpoints
    owners = frame["owner"] if "owner" in frame else pd.Series("", index=frame.index)

    def interval(low, high):
        if pd.isna(low):
            return "–"
        return f"{format_number(low, lang, decimals=1)}–{format_number(high, lang, decimals=1)}"

    return pd.DataFrame(
        {
            t("journey.col.touchpoint", lang): frame["touchpoint"],
            t("journey.col.phase", lang): [t(f"phase.{p}", lang) for p in frame["phase"]],
            t("journey.col.mean", lang): [format_number(v, lang, decimals=1) for v in frame["mean"]],
            t("journey.col.native_mean", lang): [
                format_number(v, lang, decimals=2) for v in frame["native_mean"]
            ],
            t("journey.col.scale", lang): [
                _scale_text((a, b), lang) for a, b in zip(frame["scale_min"], frame["scale_max"], strict=True)
            ],
            t("journey.col.ci", lang): [
                interval(a, b) for a, b in zip(frame["ci_low"], frame["ci_high"], strict=True)
            ],
            t("journey.col.n", lang): [format_number(v, lang) for v in frame["n"]],
            t("journey.col.na_excluded", lang): [format_number(v, lang) for v in frame["na_excluded"]],
            t("journey.col.bottom_box", lang): [format_percent(v, lang) for v in frame["bottom_box"]],
            t("journey.col.pain", lang): frame["pain_reason"],
            t("journey.col.owner", lang): [owner or t("journey.no_owner", lang) for owner in owners],
        }
    )
