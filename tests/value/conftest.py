"""Fixtures for the customer value tests: the CDNOW sample as a transaction table (read with pandas)."""

from __future__ import annotations

import pandas as pd
import pytest

CDNOW_CALIBRATION_END = "1997-09-30"
#: Published parameters (Fader, Hardie & Lee 2005; the lifetimes documentation), time unit weeks.
PUBLISHED_BGNBD = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
PUBLISHED_GAMMA_GAMMA = {"p": 6.25, "q": 3.74, "v": 15.45}


def read_cdnow(path) -> pd.DataFrame:
    """CDNOW_sample.txt (space-aligned, no header: index, customer id, YYYYMMDD, CDs, dollars)."""
    raw = pd.read_csv(path, sep=r"\s+", header=None, dtype={0: str, 1: str, 2: str})
    return pd.DataFrame(
        {
            "customer_id": raw[1],
            "date": pd.to_datetime(raw[2], format="%Y%m%d"),
            "amount": raw[4].astype(float),
        }
    )


@pytest.fixture
def cdnow_transactions(shared_data) -> pd.DataFrame:
    return read_cdnow(shared_data / "CDNOW_sample.txt")


@pytest.fixture
def cdnow_summary(shared_data) -> pd.DataFrame:
    return pd.read_csv(shared_data / "cdnow_customers_summary.csv")


def assert_within_one_percent(fitted: dict, published: dict) -> None:
    for name, value in published.items():
        assert fitted[name] == pytest.approx(value, rel=0.01), (name, fitted[name], value)
