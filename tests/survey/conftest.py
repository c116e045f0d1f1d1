"""Surveys built in code, run through the same intake and analysis as an upload or the CLI."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import analyze_tables
from cxlib.intake import LoadedTable, load_table


def load_survey(frame: pd.DataFrame, *, name: str = "umfrage.csv") -> LoadedTable:
    """The frame written as a CSV file and loaded as the survey table."""
    return load_table(frame.to_csv(index=False).encode("utf-8"), table="survey", filename=name)


def analyze_survey(frame: pd.DataFrame) -> tuple[LoadedTable, dict]:
    """The loaded survey and its analysis document (KPIs, journey, notes)."""
    loaded = load_survey(frame)
    return loaded, analyze_tables({"survey": loaded.validated})


def ratings(rng: np.random.Generator, n: int, low: int, high: int, *, centre: float) -> np.ndarray:
    """Whole-number answers on low–high around ``centre`` (every point used)."""
    values = np.clip(np.rint(rng.normal(centre, 1.0, n)), low, high).astype(int)
    values[: high - low + 1] = np.arange(low, high + 1)
    return values


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(12)
