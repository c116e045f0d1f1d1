"""The benchmark script still runs: its functions on 500-row demo workbooks (no timing assertions)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROWS = 500


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmark_run", ROOT / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return _load_benchmark()


@pytest.fixture(scope="module")
def files(bench, tmp_path_factory):
    pytest.importorskip("cxlib.demo")
    directory = tmp_path_factory.mktemp("bench")
    paths, generated = bench.demo_files(ROWS, directory, seed=7)
    assert generated is not None
    return paths


def test_demo_files_are_cached_by_size_and_seed(bench, files):
    again, generated = bench.demo_files(ROWS, files["customers"].parent, seed=7)
    assert again == files
    assert generated is None  # the second call reuses the workbooks
    assert not list(files["customers"].parent.glob("*.partial"))


def test_pipeline_reads_every_row_and_times_every_stage(bench, files):
    result = bench.run_pipeline(files)
    assert result["rows_read"] == {"customers": ROWS, "survey": ROWS}
    assert list(result["stages"]) == list(bench.STAGES)
    for stage in bench.STAGES[:4]:  # reading (both files), mapping, validating and linking
        assert result["stages"][stage] >= 0, result["errors"]
    if importlib.util.find_spec("cxlib.personas") is not None:
        assert result["stages"]["personas"] is not None, result["errors"]
    assert result["stages"]["journey"] is not None, result["errors"]
    assert result["stages"]["charts"] is not None, result["errors"]
    expected = {"nps_distribution", "journey_curve", "driver_quadrant", "persona_map"}
    assert expected <= set(result["chart_rows"])
    assert 0 < max(result["chart_rows"].values()) <= 5000


def test_a_missing_file_is_a_stage_not_available(bench, files, tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    result = bench.run_pipeline({"customers": files["customers"], "survey": broken})
    # both files are read together (as the CLI reads them): the broken one fails the reading stage
    assert result["stages"][bench.READ_STAGE] is None
    assert result["stages"]["map + validate survey"] is None
    assert result["stages"]["map + validate customers"] is None
    assert "broken.xlsx" in result["errors"][bench.READ_STAGE]
    assert result["rows_read"] == {}


def test_baseline_reads_with_openpyxl_and_searches_k(bench, files):
    result = bench.run_baseline(files, cluster_rows=200)
    assert set(result["stages"]) == {"read customers", "read survey", "k search"}
    assert all(seconds is not None for seconds in result["stages"].values()), result["errors"]
    assert result["cluster_rows"] == 200


def test_report_has_the_required_keys_and_prints_a_table(bench):
    stages = dict.fromkeys(bench.STAGES, 0.5)
    pipeline = {"stages": stages, "peak_mb": 300.0, "chart_rows": {"a": 12}, "errors": {}}
    reads = {"read customers": 4.0, "read survey": 3.0}
    baseline = {"stages": {**reads, "k search": 2.0}, "cluster_rows": 20_000}
    run = bench.combine(100_000, pipeline, baseline)
    assert len(bench.STAGES) == 9
    assert run["total_s"] == pytest.approx(4.5)
    assert run["core_s"] == pytest.approx(4.0)
    # openpyxl reads (7.0) + the shared stages (7 x 0.5) + the k search (2.0)
    assert run["baseline_total_s"] == pytest.approx(12.5)
    assert run["speedup"] == pytest.approx(12.5 / 4.5)
    app = {"rerun_s": {"overview": 0.2}, "first_visit_s": {"overview": 0.4}, "cold_run_s": 3.0, "errors": {}}
    document = json.loads(json.dumps(bench.report([run], app, {"health_s": 2.0, "first_page_s": None})))
    for key in ("rows", "stages", "total_s", "baseline_total_s", "speedup", "peak_mb", "rerun_s", "runs"):
        assert key in document
    assert document["rows"] == 100_000
    assert document["rerun_s"] == {"overview": 0.2}
    assert document["cold_start_s"] == 2.0
    table = bench.format_table(document)
    assert "map + validate customers" in table
    assert "12.5" in table and "2.5" in table


def test_a_stage_that_is_not_available_leaves_totals_open(bench):
    stages = {**dict.fromkeys(bench.STAGES, 0.5), "personas": None}
    run = bench.combine(10_000, {"stages": stages, "errors": {"personas": "missing"}}, None)
    assert run["total_s"] is None
    assert run["speedup"] is None
    assert "n/a" in bench.format_table(bench.report([run], None, None))


def test_customer_value_stage_times_every_step_on_a_small_log(bench, tmp_path):
    path, generated = bench.value_file(5_000, 600, tmp_path, seed=3)
    assert generated is not None and bench.value_file(5_000, 600, tmp_path, seed=3)[1] is None
    result = bench.run_value(path)
    assert result["rows"] == 5_000 and result["errors"] == {}
    assert list(result["stages"]) == list(bench.VALUE_STAGES)
    assert result["core_s"] is not None and result["bgnbd"]["r"] > 0
    assert "aggregation + fits + clv" in bench.format_value(result)


def test_a_profiled_pipeline_names_the_costly_functions_of_each_stage(bench, files):
    result = bench.run_pipeline(files, profile=True)
    assert {bench.READ_STAGE, "personas", "charts"} <= set(result["profiles"]), result["errors"]
    # the reading happens in worker threads: their profiles are merged in, the stage's wait is left out
    read = [name for name, _, _ in result["profiles"][bench.READ_STAGE]]
    assert any("(read_file)" in name for name in read), read
    assert not any("acquire" in name for name in read), read
    name, cumulative, own = result["profiles"]["personas"][0]
    assert "(" in name and cumulative >= own >= 0


def test_the_reference_size_prints_the_whole_analysis_beside_its_target(bench):
    run = bench.combine(bench.REFERENCE_ROWS, {"stages": dict.fromkeys(bench.STAGES, 0.1)}, None)
    run["profiles"] = {"personas": [("model.py:10(fit)", 0.5, 0.1)]}
    text = "\n".join(bench._reference_lines([run]))
    assert "100,000 customers + 100,000 survey rows, charts included: 0.90 s (target <= 2.5 s)" in text
    assert "model.py:10(fit)" in text
