"""Bounded memory: RSS after ten AppTest sessions each uploading a 100k-row customer CSV, and after they end.

Not a test (no ``test_`` prefix). Run: ``/work/venv/bin/python tests/security/measure_memory.py``.
"""

from __future__ import annotations

import gc
import resource
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def customers_csv(rows: int, seed: int) -> bytes:
    rng = np.random.default_rng(seed)
    signup = pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 900, rows), unit="D")
    churned = rng.random(rows) < 0.2
    churn = signup + pd.to_timedelta(rng.integers(30, 400, rows), unit="D")
    frame = pd.DataFrame(
        {
            "Kunden-ID": [f"S{seed}-{i:06d}" for i in range(rows)],
            "Anmeldedatum": signup.strftime("%Y-%m-%d"),
            "Kündigungsdatum": np.where(churned, churn.strftime("%Y-%m-%d"), ""),
            "Alter": rng.integers(18, 80, rows),
            "Region": rng.choice(["Nord", "Süd", "West", "Ost"], rows),
            "Umsatz": rng.gamma(2.0, 150.0, rows).round(2),
        }
    )
    return frame.to_csv(index=False, sep=";").encode()


def main(sessions: int = 10, rows: int = 100_000) -> None:
    from streamlit.testing.v1 import AppTest

    print(f"start: {rss_mb():.0f} MB")
    apps = []
    for n in range(sessions):
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        app.run()
        app.switch_page("pages/data.py").run()
        app.file_uploader(key="upload_customers").set_value(
            (f"kunden_{n}.csv", customers_csv(rows, n), "text/csv")
        )
        app.run()
        assert not app.exception and not app.error, (app.exception, [e.value for e in app.error])
        assert app.metric[1].value.replace(",", "") == str(rows)
        apps.append(app)
        print(f"after session {n + 1}: {rss_mb():.0f} MB")
    print(f"{sessions} sessions alive: {rss_mb():.0f} MB")
    apps.clear()
    gc.collect()
    print(f"after they end (dropped, gc.collect()): {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
