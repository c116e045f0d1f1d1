"""A small version of the load test (benchmarks/load.py) on its own server: four visitors open the demo
at once, two more upload 10,000-row files one after another, and memory comes back after they leave.

Margin: after the last visitor has left, the server may hold at most 100 MB more than after the first
uploading visitor left. Two uploads of 10,000 + 10,000 rows make about 20 MB of tables per visitor; a
server that kept each departed visitor's tables, caches and allocator arenas would grow by far more than
that per visitor (it grew by 140–390 MB per 100k-row visitor before the fix), while allocator noise and
Streamlit's own bookkeeping stay well under 100 MB.
"""

from __future__ import annotations

import sys

from tests.e2e.conftest import ROOT, _require_browser

MARGIN_MB = 100


def test_visitors_at_once_all_see_tiles_and_memory_comes_back(output_dir):
    _require_browser()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from load import format_report, run_load

    report = run_load(visitors=4, sequential=2, rows=10_000, settle=20, log=output_dir / "load-server.log")
    summary = report.summary()
    print(format_report(summary))
    assert summary["visitors_without_tiles"] == 0, summary["tiles_s"]
    assert summary["visitors_with_errors"] == 0
    assert summary["health_failures"] == 0
    one_visitor = summary["rss_after_each_mb"][0]
    assert summary["rss_settled_mb"] <= one_visitor + MARGIN_MB, summary
