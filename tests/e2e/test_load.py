"""A small version of the load test (benchmarks/load.py) on its own server: four visitors open the demo
at once, two more upload 10,000-row files one after another, and memory comes back after they leave.

Margin: after the last visitor has left, the server may hold at most 100 MB more than after the first
uploading visitor left. Two uploads of 10,000 + 10,000 rows make about 20 MB of tables per visitor; a
server that kept each departed visitor's tables, caches and allocator arenas would grow by far more than
that per visitor (it grew by 140–390 MB per 100k-row visitor before the fix), while allocator noise and
Streamlit's own bookkeeping stay well under 100 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.e2e.conftest import ROOT, _require_browser

MARGIN_MB = 100


def test_visitors_at_once_all_see_tiles_and_memory_comes_back():
    """Runs the load script in its own process (its own server and browser, away from this session's)."""
    _require_browser()
    command = [sys.executable, "benchmarks/load.py", "--visitors", "4", "--sequential", "2",
               "--rows", "10000", "--settle", "20", "--json"]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    summary = json.loads(result.stdout)
    print(json.dumps(summary, indent=1))
    assert summary["visitors_without_tiles"] == 0, summary["tiles_s"]
    assert summary["visitors_with_errors"] == 0
    assert summary["health_failures"] == 0
    one_visitor = summary["rss_after_each_mb"][0]
    assert summary["rss_settled_mb"] <= one_visitor + MARGIN_MB, summary
