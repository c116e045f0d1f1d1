"""How fast is the dashboard on big spreadsheets, and how much faster than the usual way? (issue #7)

Generates customer and survey workbooks with the demo generator (``cxlib.demo``) and times every stage
of the app's real code path, each size in a fresh process so its peak memory is its own:

read (``cxlib.reading.read_files`` on both files' bytes: the customer and the survey workbook are read
side by side, as the CLI's ``analyze`` and ``report`` read them through ``cxlib.analysis.load_files``;
calamine releases the GIL) -> map + validate (``cxlib.intake.prepare_table``) -> link
(``cxlib.intake.link_tables``) -> KPIs (``cxlib.kpis.kpi_section``) -> personas with automatic k
(``cxlib.personas.PersonaModel``) -> journey (``cxlib.journey.build_journey``) -> chart specifications
(the chart builders in ``cxlib/charts`` and ``cxlib.overview``, serialised with ``to_dict()``).

The baseline is what a typical Streamlit app does: ``pandas.read_excel`` with its default openpyxl
engine, and a k search that fits KMeans and scores the silhouette on all rows for every k = 2..8. The
silhouette is quadratic in the rows, so the k search is measured at 20,000 rows at most (where it still
finishes); the other baseline stages are ours. The speedup is the baseline total over ours.

Customer value (issue 13): a CSV purchase log of 1,000,000 rows for 100,000 customers, drawn from
BG/NBD + Gamma-Gamma, is read and validated, aggregated to customer-days, both models are fitted and every
customer's CLV is computed (then the holdout check and RFM); ``--skip-value`` leaves it out.

It also measures the app itself: the rerun time of every page with the data loaded (Streamlit's
AppTest on the built-in demo data), and the cold start of ``streamlit run app.py`` until the health
endpoint answers and, with Playwright and Chromium, until the first KPI tile is visible.

Usage::

    python benchmarks/run.py                       # 10k, 100k, 300k rows; table on stdout
    python benchmarks/run.py --sizes 10000 100000  # chosen sizes
    python benchmarks/run.py --full-sheet          # also 1,048,575 data rows (Excel's sheet limit)
    python benchmarks/run.py --json                # one JSON document instead of the table
    python benchmarks/run.py --skip-baseline --skip-app
    python benchmarks/run.py --sizes 10000 --skip-baseline --skip-app   # + customer value (1M purchases)

Workbooks are cached in ``--out`` (``benchmarks/output/``, git-ignored) by size and seed, so repeated
runs skip the (slow) writing; generation time is reported apart from the pipeline.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import resource
import socket
import subprocess
import sys
import threading
import time
import traceback
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python benchmarks/run.py` from a fresh clone finds cxlib
    sys.path.insert(0, str(ROOT))

DEFAULT_SIZES = (10_000, 100_000, 300_000)
#: Data rows under one header row fill Excel's 1,048,576-row sheet.
FULL_SHEET_ROWS = 1_048_575
SEED = 42
BASELINE_CLUSTER_ROWS = 20_000
BASELINE_K = tuple(range(2, 9))
#: The openpyxl baseline read of a million-row sheet takes many minutes; above this it is left out.
BASELINE_MAX_ROWS = 300_000
REFERENCE_ROWS = 100_000
#: Issue 15: the whole analysis of 100k customers + 100k survey rows in process, charts included.
REFERENCE_TARGET_S = 2.5
#: The slowest stages of the reference size that are profiled.
PROFILED = 3
#: Imported before the clock starts: a running app has paid for them once, at its first page.
MODULES = (
    "cxlib.reading", "cxlib.intake", "cxlib.analysis", "cxlib.kpis", "cxlib.personas", "cxlib.journey",
    "cxlib.overview", "cxlib.charts.kpis", "cxlib.charts.journey", "cxlib.charts.personas", "sklearn.cluster",
)  # fmt: skip
CHROMIUM = Path("/usr/bin/chromium")
PAGES = ("summary", "overview", "personas", "journey", "voices", "data")

#: Pipeline stages in order; "core" ones make up the 2-second target, charts are timed on top.
#: The one reading stage: both workbooks side by side (cxlib.reading.read_files), as the CLI reads them.
READ_STAGE = "read customers + survey"
STAGES = (
    READ_STAGE,
    "map + validate customers",
    "map + validate survey",
    "link",
    "kpis",
    "personas",
    "journey",
    "document",
    "charts",
)
CORE_STAGES = STAGES[:-1]
#: Stages the baseline app shares with ours (it reads and clusters its own way).
SHARED_STAGES = (
    *("map + validate customers", "map + validate survey", "link", "kpis", "journey", "document", "charts"),
)


# --- workbooks -------------------------------------------------------------------------------------


def write_xlsx(frame, path: Path, *, sheet: str) -> None:
    """Write one DataFrame as a one-sheet xlsx with openpyxl's streaming writer (no fast writer here).

    Missing values become empty cells; dates are written as Excel dates.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    worksheet.append([str(column) for column in frame.columns])
    columns = [frame[column].astype(object).where(frame[column].notna(), None).tolist() for column in frame]
    for row in zip(*columns, strict=True):
        worksheet.append(row)
    partial = path.with_suffix(".partial")
    workbook.save(partial)
    partial.replace(path)  # a run killed while writing never leaves a truncated file in the cache


def demo_files(rows: int, directory: Path, *, seed: int = SEED) -> tuple[dict[str, Path], float | None]:
    """Customer and survey workbooks of ``rows`` rows each from the demo generator, cached by size and seed.

    Returns the paths and the seconds spent generating and writing (None when both were cached).
    """
    directory.mkdir(parents=True, exist_ok=True)
    paths = {
        "customers": directory / f"customers_{rows}_seed{seed}.xlsx",
        "survey": directory / f"survey_{rows}_seed{seed}.xlsx",
    }
    if all(path.exists() for path in paths.values()):
        return paths, None
    from cxlib.demo import generate_demo

    start = time.perf_counter()
    data = generate_demo(n_customers=rows, n_responses=rows, seed=seed, with_transactions=False)
    write_xlsx(data.customers, paths["customers"], sheet="Kunden")
    write_xlsx(data.survey, paths["survey"], sheet="Umfrage")
    return paths, time.perf_counter() - start


# --- customer value: a generated purchase log -----------------------------------------------------

VALUE_ROWS = 1_000_000
VALUE_CUSTOMERS = 100_000
#: BG/NBD (weekly rate λ ~ Gamma(r, α), dropout ~ Beta(a, b)) and Gamma-Gamma parameters of the log:
#: about nine purchases per customer over two years (the rate is scaled to reach the rows asked for).
VALUE_BGNBD = (2.0, 12.0, 0.6, 6.0)
VALUE_GAMMA_GAMMA = (6.0, 4.0, 120.0)
VALUE_STAGES = (
    "read + validate",
    "aggregate",
    "bgnbd fit",
    "gamma-gamma fit",
    "per-customer clv",
    "holdout check",
    "rfm",
)
#: The stages the issue's aim (< 3 s) covers: aggregation, both fits and the per-customer CLV.
VALUE_CORE = ("aggregate", "bgnbd fit", "gamma-gamma fit", "per-customer clv")


def value_file(rows: int, customers: int, directory: Path, *, seed: int = SEED) -> tuple[Path, float | None]:
    """A CSV purchase log (customer_id, date, amount) of about ``rows`` rows for ``customers`` customers,
    drawn from BG/NBD + Gamma-Gamma (``cxlib.value.simulate``) and cut to ``rows``; cached like the
    workbooks. Returns the path and the seconds spent writing it (None when cached)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"transactions_{rows}_{customers}_seed{seed}.csv"
    if path.exists():
        return path, None
    import numpy as np

    from cxlib.value.simulate import simulate_purchase_log

    start = time.perf_counter()
    rng = np.random.default_rng(seed)
    scale = rows / customers / 8.5  # the parameters give about 9 purchases per customer; cut below
    r, alpha, a, b = VALUE_BGNBD
    log = simulate_purchase_log(
        rng, customers, bgnbd=(r, alpha / scale, a, b), gamma_gamma=VALUE_GAMMA_GAMMA,
        start="2024-01-01", end="2025-12-31", acquisition_days=365,
    )  # fmt: skip
    if len(log) > rows:
        log = log.iloc[np.sort(rng.choice(len(log), rows, replace=False))]
    log = log.assign(date=log["date"].dt.strftime("%Y-%m-%d"))
    partial = path.with_suffix(".partial")
    log.to_csv(partial, index=False)
    partial.replace(path)
    return path, time.perf_counter() - start


def run_value(path: Path) -> dict:
    """Time the customer value stages on one purchase log, from the file to the per-customer CLV."""
    import numpy as np
    import pandas as pd

    from cxlib.intake import load_table
    from cxlib.value.bgnbd import fit_bgnbd
    from cxlib.value.gamma_gamma import fit_gamma_gamma
    from cxlib.value.holdout import default_calibration_end, holdout_check
    from cxlib.value.purchases import customer_days, summarize_purchases
    from cxlib.value.rfm import rfm_scores
    from cxlib.value.valuation import customer_value

    clock = Stopwatch()
    loaded = clock.run("read + validate", lambda: load_table(path, table="transactions"))
    if loaded is None:
        return {"stages": clock.stages, "errors": clock.errors}
    data = loaded.validated.data
    state: dict = {}

    def aggregate():
        days = customer_days(data)
        state["days"] = days
        state["end"] = default_calibration_end(days.first_day, days.last_day)
        state["calibration"] = summarize_purchases(days, end=state["end"])
        state["whole"] = summarize_purchases(days)

    clock.run("aggregate", aggregate)
    calibration = state["calibration"].customers
    bg = clock.run(
        "bgnbd fit", lambda: fit_bgnbd(calibration["frequency"], calibration["recency"], calibration["T"])
    )
    repeat = calibration[(calibration["frequency"] > 0) & (calibration["monetary_value"] > 0)]
    gg = clock.run("gamma-gamma fit", lambda: fit_gamma_gamma(repeat["frequency"], repeat["monetary_value"]))
    whole = state["whole"].customers
    value = clock.run("per-customer clv", lambda: customer_value(whole, bg, gg, horizon_months=12))
    check = clock.run(
        "holdout check",
        lambda: holdout_check(
            state["days"],
            state["calibration"],
            bg.vector,
            observation_end=pd.Timestamp(state["days"].last_day),
        ),
    )
    clock.run("rfm", lambda: rfm_scores(whole))
    return {
        "stages": clock.stages,
        "errors": clock.errors,
        "rows": len(data),
        "customers": len(whole),
        "repeat_buyers_calibration": int((calibration["frequency"] > 0).sum()),
        "bgnbd": bg.params if bg else None,
        "gamma_gamma": gg.params if gg else None,
        "clv_mean": float(np.mean(value.per_customer["clv"])) if value else None,
        "holdout": {"predicted": check.predicted, "actual": check.actual} if check else None,
        "core_s": total(clock.stages, VALUE_CORE),
    }


def measure_value(rows: int, customers: int, out: Path, *, seed: int = SEED) -> dict:
    path, generated = value_file(rows, customers, out, seed=seed)
    result = _in_subprocess("value", {"transactions": path})
    result["generate_s"] = generated
    return result


def format_value(value: dict) -> str:
    """The customer value stages as lines of the table."""
    if value.get("failed"):
        return f"customer value: failed ({value['failed']})"
    lines = [
        f"customer value ({value['rows']:,} transaction rows, {value['customers']:,} customers, "
        f"{value['repeat_buyers_calibration']:,} repeat buyers before the split):"
    ]
    for name in VALUE_STAGES:
        lines.append(f"  {name:<24}{_cell(value['stages'].get(name)):>10}")
    lines.append(f"  {'aggregation + fits + clv':<24}{_cell(value.get('core_s')):>10}   (aim: < 3 s)")
    if value.get("bgnbd"):
        fitted = ", ".join(f"{k} {v:.3g}" for k, v in value["bgnbd"].items())
        lines.append(
            f"  BG/NBD fitted {fitted} (drawn with r = {VALUE_BGNBD[0]}, a = {VALUE_BGNBD[2]}, "
            f"b = {VALUE_BGNBD[3]})"
        )
    if value.get("holdout"):
        lines.append(
            f"  holdout: {value['holdout']['predicted']:,.0f} purchases predicted, "
            f"{value['holdout']['actual']:,} made"
        )
    for stage, error in value.get("errors", {}).items():
        lines.append(f"  ! {stage}: {error}")
    return "\n".join(lines)


# --- timing helpers --------------------------------------------------------------------------------


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024**2 if sys.platform == "darwin" else peak / 1024


class Stopwatch:
    """Times named stages; a stage whose code is missing or fails is recorded as not available.

    With ``profile=True`` every stage also runs under cProfile and keeps its most expensive functions
    (cumulative seconds) in ``profiles``; profiling slows the stages, so its times are not reported.
    """

    def __init__(self, *, profile: bool = False) -> None:
        self.stages: dict[str, float | None] = {}
        self.errors: dict[str, str] = {}
        self.profile = profile
        self.profiles: dict[str, list[tuple[str, float, float]]] = {}

    def run(
        self, name: str, function: Callable[[], Any], *, threads_run: tuple[Any, str] | None = None
    ) -> Any:
        """Time ``function()``; ``threads_run`` = (module, function name) names what the stage runs in
        worker threads, so that a profile shows their work, not only the stage's wait for them."""
        if self.profile:
            function = self._profiled(name, function, threads_run)
        start = time.perf_counter()
        try:
            result = function()
        except Exception as error:  # the benchmark reports a missing or broken piece, it never stops
            self.stages[name] = None
            self.errors[name] = f"{type(error).__name__}: {error}".splitlines()[0][:200]
            return None
        self.stages[name] = time.perf_counter() - start
        return result

    def _profiled(
        self, name: str, function: Callable[[], Any], threads_run: tuple[Any, str] | None
    ) -> Callable[[], Any]:
        def run() -> Any:
            import cProfile

            profiler = cProfile.Profile()
            in_threads: list = []
            try:
                with _each_call_profiled(threads_run, in_threads):
                    return profiler.runcall(function)
            finally:
                self.profiles[name] = top_functions(profiler, *in_threads)

        return run

    def skip(self, name: str, reason: str) -> None:
        self.stages[name] = None
        self.errors[name] = reason


PROFILE_FUNCTIONS = 12
#: Frames that only pass the time on (the stage's lambda, the profiler's entry point) are left out.
_PLUMBING = ("<lambda>", "runcall", "<built-in method builtins.exec>")


def top_functions(profiler, *others, limit: int = PROFILE_FUNCTIONS) -> list[tuple[str, float, float]]:
    """The ``limit`` functions with the most cumulative time: (file:line(name), cumulative s, own s).

    ``others`` are profiles of worker threads (their times add up over the threads); the stage's own
    wait for them is then left out."""
    import pstats

    merged = pstats.Stats(profiler)
    for other in others:
        merged.add(other)
    stats = merged.stats  # (file, line, name) -> (calls, primitive, own, cumulative, callers)
    plumbing = (*_PLUMBING, *(_WAITING if others else ()))
    rows = [
        (f"{Path(file).name}:{line}({name})", cumulative, own)
        for (file, line, name), (_, _, own, cumulative, _) in stats.items()
        if name not in plumbing
    ]
    return sorted(rows, key=lambda row: -row[1])[:limit]


#: A stage that waits for worker threads: the waiting frames, left out when the threads are profiled.
_WAITING = ("<method 'acquire' of '_thread.lock' objects>", "wait", "result")


@contextlib.contextmanager
def _each_call_profiled(target: tuple[Any, str] | None, profiles: list):
    """While active, each call of ``module.function`` (``target``), in whatever thread, runs under a
    profiler of its own, collected in ``profiles`` (cProfile sees one thread only)."""
    if target is None:
        yield
        return
    import cProfile

    module, attribute = target
    original = getattr(module, attribute)
    stage_thread = threading.get_ident()

    def profiled(*args: Any, **kwargs: Any) -> Any:
        if threading.get_ident() == stage_thread:  # the stage's own profiler sees this call already
            return original(*args, **kwargs)
        profiler = cProfile.Profile()
        try:
            return profiler.runcall(original, *args, **kwargs)
        finally:
            profiles.append(profiler)

    setattr(module, attribute, profiled)
    try:
        yield
    finally:
        setattr(module, attribute, original)


def chart_rows(chart) -> int:
    """Data rows a chart specification sends to the browser (all datasets and inline values)."""
    spec = chart.to_dict()
    rows = sum(len(values) for values in spec.get("datasets", {}).values())

    def inline(node: Any) -> int:
        if isinstance(node, dict):
            own = (
                len(node["data"]["values"])
                if isinstance(node.get("data"), dict) and "values" in node["data"]
                else 0
            )
            return own + sum(inline(value) for key, value in node.items() if key != "datasets")
        if isinstance(node, list):
            return sum(inline(item) for item in node)
        return 0

    return rows + inline(spec)


# --- our pipeline ------------------------------------------------------------------------------------


def import_modules() -> float:
    """Import the pipeline's modules (those that exist); returns the seconds it took."""
    import importlib

    start = time.perf_counter()
    for name in MODULES:
        with contextlib.suppress(ImportError):  # a missing piece shows up as its stage being not available
            importlib.import_module(name)
    return time.perf_counter() - start


def run_pipeline(
    files: dict[str, Path], *, lang: str = "en", max_bytes: int | None = None, profile: bool = False
) -> dict:
    """Time the app's code path on the files; returns ``stages`` (name -> seconds or None), ``errors``,
    ``chart_rows`` (chart -> rows sent to the browser), the row counts read and ``imports_s``; with
    ``profile``, also ``profiles`` (stage -> its most expensive functions).
    """
    imports = import_modules()
    from cxlib import reading
    from cxlib.intake import link_tables, prepare_table
    from cxlib.reading import MAX_UPLOAD_BYTES, read_files

    clock = Stopwatch(profile=profile)
    limit = max_bytes or MAX_UPLOAD_BYTES
    contents = {table: path.read_bytes() for table, path in files.items()}  # the app gets bytes from uploads
    sources = {table: _named(contents[table], files[table].name) for table in ("customers", "survey")}
    sheets = clock.run(
        READ_STAGE, lambda: read_files(sources, max_bytes=limit), threads_run=(reading, "read_file")
    )
    sheets = sheets or {}
    loaded = {}
    for table in ("customers", "survey"):
        if table not in sheets:
            clock.skip(f"map + validate {table}", "reading failed")
            continue
        item = clock.run(
            f"map + validate {table}",
            lambda t=table: prepare_table(sheets[t], table=t, file=files[t].name, lang=lang),
        )
        if item is not None:
            loaded[table] = item
    clock.run("link", lambda: link_tables(loaded, lang=lang))
    results = _analyse(clock, loaded, lang)
    charts = _charts(clock, results, lang)
    return {
        "stages": {name: clock.stages.get(name) for name in STAGES},
        "errors": clock.errors,
        "chart_rows": charts,
        "rows_read": {table: len(item.validated.data) for table, item in loaded.items()},
        "file_mb": {table: round(len(content) / 1024**2, 1) for table, content in contents.items()},
        "imports_s": imports,
        "profiles": clock.profiles,
    }


def _named(content: bytes, name: str) -> io.BytesIO:
    """An upload's bytes with its file name, as Streamlit's ``UploadedFile`` hands them over."""
    upload = io.BytesIO(content)
    upload.name = name
    return upload


def _analyse(clock: Stopwatch, loaded: dict, lang: str) -> dict:
    """The analysis pipeline's steps (``cxlib.analysis``), timed one by one, as the app runs them."""
    from cxlib.analysis import default_journey, document_from_results, fit_personas, survey_touchpoints

    customers = loaded["customers"].validated.data if "customers" in loaded else None
    survey, touchpoints = survey_touchpoints(loaded["survey"].validated if "survey" in loaded else None)

    def kpis():
        from cxlib.kpis import kpi_tiles

        return kpi_tiles(customers, survey, lang=lang)

    clock.run("kpis", kpis)
    model = (
        clock.run("personas", lambda: fit_personas(customers, survey, touchpoints))
        if customers is not None
        else clock.skip("personas", "no customers")
    )
    result = (
        clock.run("journey", lambda: default_journey(survey, touchpoints, lang=lang))
        if touchpoints
        else clock.skip("journey", "no touchpoints")
    )
    clock.run(
        "document",
        lambda: document_from_results(
            customers=customers, survey=survey, model=model, journey=result, lang=lang
        ),
    )
    return {"customers": customers, "survey": survey, "model": model, "journey": result}


def _persona_charts(model, customers, survey, lang: str) -> dict:
    """The Personas page's charts, built as the page builds them (``pages/personas.py``)."""
    from cxlib.charts.personas import (
        persona_comparison_chart,
        persona_map_chart,
        persona_size_chart,
        silhouette_chart,
    )
    from cxlib.personas import persona_comparison, persona_map_frame, personas_in

    comparison = persona_comparison(model, customers, survey, lang=lang)
    return {
        "silhouette": silhouette_chart(model.silhouette_by_k_, model.k_, lang=lang),
        "persona_map": persona_map_chart(persona_map_frame(model, lang), lang=lang),
        "persona_sizes": persona_size_chart(personas_in(model, lang), lang=lang),
        "persona_comparison": persona_comparison_chart(comparison, lang=lang),
    }


def _charts(clock: Stopwatch, results: dict, lang: str) -> dict[str, int]:
    """Build every chart the pages show and serialise it; returns the data rows each one sends."""
    rows: dict[str, int] = {}

    def build():
        from cxlib.charts.formats import localized
        from cxlib.charts.journey import driver_quadrant_chart, journey_curve_chart
        from cxlib.overview import overview_charts

        charts = dict(overview_charts(results["customers"], results["survey"], lang=lang))
        if results["journey"] is not None:
            charts["journey_curve"] = journey_curve_chart(results["journey"], lang=lang)
            charts["driver_quadrant"] = driver_quadrant_chart(results["journey"], lang=lang)
        if results["model"] is not None:
            try:
                model, customers, survey = results["model"], results["customers"], results["survey"]
                charts.update(_persona_charts(model, customers, survey, lang))
            except ImportError:
                clock.errors["charts"] = "cxlib.charts.personas not available"
        # Serialised as the pages hand them to Streamlit (pages/_widgets.chart: localized, not re-validated).
        rows.update({name: chart_rows(localized(chart, lang)) for name, chart in charts.items()})

    clock.run("charts", build)
    return rows


# --- the baseline ------------------------------------------------------------------------------------


def run_baseline(files: dict[str, Path], *, cluster_rows: int = BASELINE_CLUSTER_ROWS) -> dict:
    """The typical app: ``pandas.read_excel`` (openpyxl) on both files, then KMeans + silhouette on all
    of the first ``cluster_rows`` customers for every k in 2..8 (numeric columns, standardised).
    """
    # Imported before the clock starts, as for our pipeline.
    import openpyxl  # noqa: F401
    import pandas as pd
    import sklearn.cluster
    import sklearn.metrics  # noqa: F401

    clock = Stopwatch()
    frames = {
        table: clock.run(f"read {table}", lambda p=path: pd.read_excel(p, engine="openpyxl"))
        for table, path in files.items()
    }
    customers = frames.get("customers")
    used = 0
    if customers is not None:
        sample = customers.head(cluster_rows)
        used = len(sample)
        clock.run("k search", lambda: silhouette_k_search(sample))
    return {"stages": clock.stages, "errors": clock.errors, "cluster_rows": used}


def silhouette_k_search(frame) -> int:
    """The textbook k choice: the best silhouette over all rows for k = 2..8."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score
    from sklearn.preprocessing import StandardScaler

    numeric = frame.select_dtypes("number").dropna(axis=1, how="all")
    features = StandardScaler().fit_transform(numeric.fillna(numeric.median()))
    scores = {}
    for k in BASELINE_K:
        labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(features)
        scores[k] = silhouette_score(features, labels)
    return max(scores, key=scores.get)


# --- the app -----------------------------------------------------------------------------------------


def app_reruns(*, pages: tuple[str, ...] = PAGES) -> dict:
    """Cold first run of app.py under AppTest, then per page: first visit and rerun with warm caches."""
    from streamlit.testing.v1 import AppTest

    os.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    start = time.perf_counter()
    app.run()
    cold = time.perf_counter() - start
    result: dict[str, Any] = {"cold_run_s": cold, "first_visit_s": {}, "rerun_s": {}, "errors": {}}
    result["data_loaded"] = bool(app.metric)
    if app.exception:
        result["errors"]["app"] = _exception_text(app)
    for page in pages:
        if not (ROOT / "pages" / f"{page}.py").exists():
            result["errors"][page] = "page not available"
            continue
        app.switch_page(f"pages/{page}.py")
        start = time.perf_counter()
        app.run()
        result["first_visit_s"][page] = time.perf_counter() - start
        start = time.perf_counter()
        app.run()
        result["rerun_s"][page] = time.perf_counter() - start
        if app.exception:
            result["errors"][page] = _exception_text(app)
    return result


def _exception_text(app) -> str:
    """The last line of the first exception's traceback (AppTest redacts the message itself)."""
    exception = app.exception[0]
    trace = [line.strip() for line in getattr(exception, "stack_trace", []) or [] if line.strip()]
    return (trace[-1] if trace else str(exception.message))[:200]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def cold_start(*, timeout: float = 120.0) -> dict:
    """Seconds from ``streamlit run app.py`` to a healthy server and, in Chromium, to the first KPI tile."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true", f"--server.port={port}",
        "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
    ]  # fmt: skip
    result: dict[str, Any] = {"health_s": None, "first_page_s": None, "note": None}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not _healthy(url):
            if process.poll() is not None or time.perf_counter() - start > timeout:
                result["note"] = "the server did not start"
                return result
            time.sleep(0.05)
        result["health_s"] = time.perf_counter() - start
        result.update(_first_page(url, start, timeout))
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    return result


def _first_page(url: str, start: float, timeout: float) -> dict:
    """Open the app in Chromium and wait for the first KPI tile (the first page rendered on demo data)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"note": "playwright not installed: health endpoint only"}
    if not CHROMIUM.exists():
        return {"note": f"{CHROMIUM} not found: health endpoint only"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            page.goto(url)
            page.locator('[data-testid="stMetric"]').first.wait_for(state="visible", timeout=timeout * 1000)
            return {"first_page_s": time.perf_counter() - start}
        except Exception as error:
            return {"note": f"no KPI tile appeared: {type(error).__name__}"}
        finally:
            browser.close()


# --- workers (one process per measurement, so each peak is its own) --------------------------------


def _worker(kind: str, files: dict[str, Path], options: dict) -> dict:
    if kind == "pipeline":
        result = run_pipeline(
            files, max_bytes=options.get("max_bytes"), profile=options.get("profile", False)
        )
    elif kind == "baseline":
        result = run_baseline(files, cluster_rows=options.get("cluster_rows", BASELINE_CLUSTER_ROWS))
    elif kind == "value":
        result = run_value(files["transactions"])
    else:
        result = app_reruns()
    result["peak_mb"] = peak_mb()
    return result


def _in_subprocess(kind: str, files: dict[str, Path] | None = None, **options: Any) -> dict:
    payload = json.dumps(
        {"kind": kind, "files": {k: str(v) for k, v in (files or {}).items()}, "options": options}
    )
    process = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", payload],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if process.returncode != 0:
        return {"failed": process.stderr.strip().splitlines()[-1:] or [f"exit {process.returncode}"]}
    return json.loads(process.stdout.strip().splitlines()[-1])


# --- one size, the report -------------------------------------------------------------------------


def total(stages: dict[str, float | None], names: tuple[str, ...]) -> float | None:
    """Sum of the named stages, or None when any of them is not available."""
    values = [stages.get(name) for name in names]
    return None if any(value is None for value in values) else sum(values)


def combine(rows: int, pipeline: dict, baseline: dict | None) -> dict:
    """One size's figures: our stages, totals, the baseline total built from measured parts, speedup."""
    stages = pipeline.get("stages", {name: None for name in STAGES})
    run = {
        "rows": rows,
        "stages": stages,
        "total_s": total(stages, STAGES),
        "core_s": total(stages, CORE_STAGES),
        "peak_mb": pipeline.get("peak_mb"),
        "file_mb": pipeline.get("file_mb"),
        "imports_s": pipeline.get("imports_s"),
        "rows_read": pipeline.get("rows_read"),
        "max_chart_rows": max(pipeline.get("chart_rows", {}).values(), default=None),
        "chart_rows": pipeline.get("chart_rows"),
        "errors": {
            **pipeline.get("errors", {}),
            **({"pipeline": pipeline["failed"]} if "failed" in pipeline else {}),
        },
        "baseline": None,
        "baseline_total_s": None,
        "speedup": None,
    }
    if baseline and "stages" in baseline:
        parts = baseline["stages"]
        shared = total(stages, SHARED_STAGES)
        pieces = [parts.get("read customers"), parts.get("read survey"), shared, parts.get("k search")]
        run["baseline"] = {
            "read_openpyxl_s": _sum_or_none(pieces[:2]),
            "k_search_s": parts.get("k search"),
            "k_search_rows": baseline.get("cluster_rows"),
            "shared_stages_s": shared,
            "peak_mb": baseline.get("peak_mb"),
            "errors": baseline.get("errors"),
        }
        run["baseline_total_s"] = _sum_or_none(pieces)
        if run["baseline_total_s"] is not None and run["total_s"]:
            run["speedup"] = run["baseline_total_s"] / run["total_s"]
    return run


def _sum_or_none(values: list[float | None]) -> float | None:
    return None if any(value is None for value in values) else sum(values)


def measure_size(rows: int, out: Path, *, baseline: bool, seed: int = SEED, profile: bool = False) -> dict:
    """Generate (or reuse) the workbooks of one size, then time our pipeline and the baseline on them;
    with ``profile``, run the pipeline once more under cProfile and keep its slowest stages' profiles."""
    try:
        files, generated = demo_files(rows, out, seed=seed)
    except Exception as error:
        run = combine(rows, {}, None)
        run["errors"]["generate"] = f"{type(error).__name__}: {error}"[:200]
        return run
    from cxlib.reading import MAX_UPLOAD_BYTES

    too_big = {table: path.stat().st_size > MAX_UPLOAD_BYTES for table, path in files.items()}
    sizes = [path.stat().st_size for path in files.values()]
    pipeline = _in_subprocess("pipeline", files, max_bytes=max(MAX_UPLOAD_BYTES, *sizes))
    base = None
    if baseline and rows <= BASELINE_MAX_ROWS:
        base = _in_subprocess("baseline", files, cluster_rows=min(rows, BASELINE_CLUSTER_ROWS))
    run = combine(rows, pipeline, base)
    if profile and "stages" in pipeline:
        profiled = _in_subprocess("pipeline", files, max_bytes=max(MAX_UPLOAD_BYTES, *sizes), profile=True)
        slowest = sorted((s for s in STAGES if run["stages"].get(s)), key=lambda s: -run["stages"][s])
        run["profiles"] = {stage: profiled.get("profiles", {}).get(stage, []) for stage in slowest[:PROFILED]}
    run["generate_s"] = generated
    run["over_upload_cap"] = [table for table, over in too_big.items() if over]
    return run


def report(runs: list[dict], app: dict | None, start: dict | None) -> dict:
    """The JSON document: every run, the app figures, and the reference size's keys at the top level."""
    reference = next((run for run in runs if run["rows"] == REFERENCE_ROWS), runs[0] if runs else {})
    document = {
        key: reference.get(key)
        for key in ("rows", "stages", "total_s", "core_s", "baseline_total_s", "speedup", "peak_mb")
    }
    document["runs"] = runs
    document["rerun_s"] = (app or {}).get("rerun_s", {})
    document["app"] = app
    document["cold_start_s"] = (start or {}).get("first_page_s") or (start or {}).get("health_s")
    document["cold_start"] = start
    return document


def _cell(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _read_workers() -> int:
    from cxlib.reading import READ_WORKERS

    return READ_WORKERS


def _reference_lines(runs: list[dict]) -> list[str]:
    """The issue-15 figure (whole analysis at the reference size, charts included) and its profiles."""
    lines = []
    for run in runs:
        if run["rows"] != REFERENCE_ROWS:
            continue
        lines.append(
            f"whole analysis in process, {REFERENCE_ROWS:,} customers + {REFERENCE_ROWS:,} survey rows, "
            f"charts included: {_cell(run['total_s'])} s (target <= {REFERENCE_TARGET_S} s)"
        )
        lines.append(
            "  both workbooks are read side by side (cxlib.reading.read_files, up to "
            f"{_read_workers()} at once), as `python -m cxlib analyze|report` reads them"
        )
        for stage, functions in (run.get("profiles") or {}).items():
            threads = " summed over its threads" if stage == READ_STAGE else ""
            lines.append(
                f"  profile of {stage!r} ({_cell(run['stages'].get(stage))} s; cumulative/own s{threads}):"
            )
            lines.extend(f"    {cumulative:6.2f} {own:6.2f}  {name}" for name, cumulative, own in functions)
    return lines


def format_table(document: dict) -> str:
    """The figures as a plain-text table (seconds per stage and size, totals, baseline, memory, app)."""
    runs = document["runs"]
    width = 26
    lines = ["stage (s)".ljust(width) + "".join(f"{run['rows']:>12,}" for run in runs)]
    lines.append("-" * len(lines[0]))
    for name in STAGES:
        lines.append(name.ljust(width) + "".join(f"{_cell(run['stages'].get(name)):>12}" for run in runs))
    lines.append("-" * len(lines[0]))
    rows = [
        ("total (s)", lambda r: _cell(r["total_s"])),
        ("  without charts (s)", lambda r: _cell(r["core_s"])),
        ("baseline read openpyxl (s)", lambda r: _cell((r["baseline"] or {}).get("read_openpyxl_s"))),
        ("baseline k search (s)", lambda r: _cell((r["baseline"] or {}).get("k_search_s"))),
        ("  k search rows", lambda r: str((r["baseline"] or {}).get("k_search_rows") or "n/a")),
        ("baseline total (s)", lambda r: _cell(r["baseline_total_s"])),
        ("speedup (x)", lambda r: _cell(r["speedup"], 1)),
        ("peak memory (MB)", lambda r: _cell(r["peak_mb"], 0)),
        ("baseline peak (MB)", lambda r: _cell((r["baseline"] or {}).get("peak_mb"), 0)),
        ("imports, not in total (s)", lambda r: _cell(r["imports_s"])),
        (
            "file MB (cust/survey)",
            lambda r: "/".join(f"{v:g}" for v in (r["file_mb"] or {}).values()) or "n/a",
        ),
        ("most chart rows", lambda r: str(r["max_chart_rows"] if r["max_chart_rows"] is not None else "n/a")),
        (
            "generate + write (s)",
            lambda r: "cached" if r.get("generate_s") is None else _cell(r["generate_s"], 0),
        ),
    ]
    for label, value in rows:
        lines.append(label.ljust(width) + "".join(f"{value(run):>12}" for run in runs))
    for run in runs:
        for stage, error in run["errors"].items():
            lines.append(f"! {run['rows']:,} rows, {stage}: {error}")
        if run.get("over_upload_cap"):
            lines.append(
                f"! {run['rows']:,} rows: {', '.join(run['over_upload_cap'])} over the 50 MB upload cap "
                "(read here with the cap raised)"
            )
    lines.extend(_reference_lines(runs))
    lines.append(
        "baseline = pandas.read_excel (openpyxl) + our map/validate/link/KPIs/journey/charts + KMeans "
        f"and silhouette on all rows for k=2..8 (measured on at most {BASELINE_CLUSTER_ROWS:,} rows)"
    )
    app = document.get("app")
    if app:
        lines.append("")
        lines.append(
            f"app (AppTest, demo data{'' if app.get('data_loaded') else ', NO DATA LOADED'}): "
            f"cold first run {_cell(app.get('cold_run_s'))} s"
        )
        for page, seconds in app.get("rerun_s", {}).items():
            lines.append(
                f"  {page:<10} first visit {_cell(app['first_visit_s'].get(page))} s, "
                f"rerun {_cell(seconds)} s"
            )
        for page, error in app.get("errors", {}).items():
            lines.append(f"  ! {page}: {error}")
    start = document.get("cold_start")
    if start:
        lines.append(
            f"cold start of streamlit run app.py: health {_cell(start.get('health_s'))} s, first page "
            f"with KPI tiles {_cell(start.get('first_page_s'))} s"
            + (f" ({start['note']})" if start.get("note") else "")
        )
    return "\n".join(lines)


# --- voices of the customer (issue 14): comments per second, printed, not asserted ---------------------

VOICES_COMMENTS = 25_000


def _voices_corpora(n: int) -> dict[str, Any]:
    """Surveys of ``n`` comments: the demo's German comments (with recommend), and the English clothing
    reviews (longer texts, with their 1–5 rating) repeated to ``n`` rows when ../shared/data is there."""
    import numpy as np
    import pandas as pd

    from cxlib.demo import generate_demo

    demo = generate_demo(n_customers=max(400, n), n_responses=min(1_048_575, int(n / 0.4) + 1000))
    survey = demo.survey.rename(
        columns={"Kommentar": "comment", "Weiterempfehlung": "recommend", "Kundennummer": "customer_id"}
    )
    corpora = {"demo (German)": survey[survey["comment"].notna()].head(n).reset_index(drop=True)}
    clothing = ROOT.parent / "shared" / "data" / "womens_clothing_reviews.csv"
    if clothing.exists():
        reviews = pd.read_csv(clothing).dropna(subset=["Review Text"])
        picked = np.arange(n) % len(reviews)
        corpora["clothing reviews (English)"] = pd.DataFrame(
            {
                "comment": reviews["Review Text"].to_numpy()[picked],
                "satisfaction": reviews["Rating"].to_numpy()[picked],
            }
        )
    return corpora


def voices_benchmark(n: int = VOICES_COMMENTS) -> dict:
    """Seconds to analyse ``n`` comments (languages, tone, themes, outcomes, follow-up), per corpus.

    The first corpus runs cold (the lemma dictionaries load inside the clock), as in a fresh app.
    """
    from cxlib.voices.section import build_voices

    results = {}
    for name, survey in _voices_corpora(n).items():
        start, cpu = time.perf_counter(), time.process_time()
        voices = build_voices(survey)
        results[name] = {
            "comments": len(voices.result.comments),
            "seconds": round(time.perf_counter() - start, 2),
            "cpu_seconds": round(time.process_time() - cpu, 2),  # all threads: shows load from others
            "themes": voices.result.k,
            "spearman": voices.result.agreement["spearman"],
        }
    return results


def format_voices(results: dict) -> str:
    return "\n".join(
        f"voices: {item['comments']:,} comments ({name}) analysed in {item['seconds']:.2f} s "
        f"(CPU {item['cpu_seconds']:.2f} s) "
        f"({item['themes']} themes; tone vs score Spearman {item['spearman']})"
        for name, item in results.items()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="rows per file")
    parser.add_argument(
        "--full-sheet", action="store_true", help=f"also {FULL_SHEET_ROWS:,} rows (a full sheet)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of the table")
    parser.add_argument(
        "--skip-baseline", action="store_true", help="do not time the openpyxl/silhouette baseline"
    )
    parser.add_argument("--skip-app", action="store_true", help="do not measure page reruns and cold start")
    parser.add_argument(
        "--skip-value", action="store_true", help="do not time customer value on a generated purchase log"
    )
    parser.add_argument(
        "--value-rows",
        type=int,
        nargs=2,
        default=[VALUE_ROWS, VALUE_CUSTOMERS],
        metavar=("ROWS", "CUSTOMERS"),
        help=f"purchase log for customer value (default {VALUE_ROWS:,} rows, {VALUE_CUSTOMERS:,} customers)",
    )
    parser.add_argument(
        "--voices", type=int, default=VOICES_COMMENTS, help="comments for the voices stage (0 = skip)"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "output", help="workbook cache")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--no-profile",
        action="store_true",
        help=f"do not profile the slowest stages at {REFERENCE_ROWS:,} rows",
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        payload = json.loads(args.worker)
        files = {table: Path(path) for table, path in payload["files"].items()}
        print(json.dumps(_worker(payload["kind"], files, payload["options"])))
        return 0
    sizes = [*args.sizes, *([FULL_SHEET_ROWS] if args.full_sheet else [])]
    runs = []
    for rows in sizes:
        print(f"… {rows:,} rows", file=sys.stderr, flush=True)
        profile = not args.no_profile and rows == REFERENCE_ROWS
        runs.append(
            measure_size(rows, args.out, baseline=not args.skip_baseline, seed=args.seed, profile=profile)
        )
    value = None
    if not args.skip_value:
        print("… customer value", file=sys.stderr, flush=True)
        value = measure_value(*args.value_rows, args.out, seed=args.seed)
    app = start = None
    if not args.skip_app:
        print("… app reruns and cold start", file=sys.stderr, flush=True)
        app = _in_subprocess("app")
        try:
            start = cold_start()
        except Exception:
            start = {"note": traceback.format_exc().splitlines()[-1]}
    document = report(runs, app, start)
    document["value"] = value
    if args.voices:
        print(f"… voices: {args.voices:,} comments", file=sys.stderr, flush=True)
        document["voices"] = voices_benchmark(args.voices)
    text = format_table(document) + ("\n\n" + format_value(value) if value else "")
    if args.voices:
        text += "\n" + format_voices(document["voices"])
    print(json.dumps(document, indent=2) if args.json else text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
