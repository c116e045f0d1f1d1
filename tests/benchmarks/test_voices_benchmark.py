"""The benchmark's voices stage runs on a few hundred comments and prints its line (no timing assertion)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_voices_stage_reports_comments_themes_and_agreement():
    spec = importlib.util.spec_from_file_location("benchmark_run_voices", ROOT / "benchmarks" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    results = bench.voices_benchmark(300)
    german = results["demo (German)"]
    assert german["comments"] == 300 and german["themes"] >= 3 and german["seconds"] >= 0
    assert "300 comments (demo (German)) analysed in" in bench.format_voices(results)
