"""Review exports (one star rating per review, no 0–10 recommend question): the overall satisfaction is
a KPI (mean on its scale, n) and the tile where the NPS would be blank; a scale that changed over time
(Skytrax: 1–5 until mid-2015, 1–10 after) is never averaged silently. Files are built in code as the
review sites export them; every figure is checked against pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.kpis import kpi_section, kpi_tiles
from tests.survey.conftest import load_survey


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(7)


def _trustpilot(rng: np.random.Generator, n: int = 400) -> pd.DataFrame:
    """A Trustpilot-like export: stars 1–5, a date, title and text, a company reply."""
    stars = rng.choice([1, 2, 3, 4, 5], n, p=[0.15, 0.05, 0.1, 0.2, 0.5])
    stars = stars.astype(object)
    stars[:7] = None  # reviews without stars (imported, deleted ratings) are left out of the mean
    days = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 365, n), "D")
    return pd.DataFrame(
        {
            "Review Created (UTC)": days.strftime("%Y-%m-%d %H:%M:%S"),
            "Review Stars": stars,
            "Review Title": [f"Title {i}" for i in range(n)],
            "Review Content": [f"Order {i} came {'late and broken' if i % 3 else 'fast'}" for i in range(n)],
            "Reply Content": "",
        }
    )


def test_a_review_exports_mean_star_rating_is_the_satisfaction_kpi_and_tile(rng):
    """Before: the mean stars appeared only in the voices, the survey tile was a blank NPS."""
    frame = _trustpilot(rng)
    survey = load_survey(frame).validated.data
    stars = pd.to_numeric(frame["Review Stars"]).dropna()
    found = kpi_section(None, survey)["satisfaction"]
    assert found["value"] == pytest.approx(stars.mean())
    assert found["n"] == len(stars) == 393
    assert found["scale"] == [1, 5] and found["statistic"] == "mean"
    tiles = {tile.key: tile for tile in kpi_tiles(None, survey, lang="en")}
    assert "nps" not in tiles and [t.key for t in kpi_tiles(None, survey)][1] == "satisfaction"
    assert tiles["satisfaction"].label == "Satisfaction (1–5)"
    assert tiles["satisfaction"].value == f"{stars.mean():.2f}"
    assert "393 answers on the scale 1–5" in tiles["satisfaction"].help
    german = {tile.key: tile for tile in kpi_tiles(None, survey, lang="de")}["satisfaction"]
    assert german.label == "Zufriedenheit (1–5)" and german.value == f"{stars.mean():.2f}".replace(".", ",")


def test_a_survey_with_an_nps_keeps_its_nps_tile_and_reports_satisfaction(rng):
    n = 200
    frame = pd.DataFrame(
        {
            "Datum": pd.date_range("2026-01-01", periods=n, freq="D").strftime("%d.%m.%Y"),
            "Weiterempfehlung": rng.integers(0, 11, n),
            "Gesamtzufriedenheit": rng.integers(1, 6, n),
        }
    )
    survey = load_survey(frame).validated.data
    assert [t.key for t in kpi_tiles(None, survey)][:2] == ["customers", "nps"]
    found = kpi_section(None, survey)["satisfaction"]
    assert found["value"] == pytest.approx(frame["Gesamtzufriedenheit"].mean())
    assert found["n"] == n


def _lounge(rng: np.random.Generator, *, dated: bool = True) -> pd.DataFrame:
    """Skytrax-like lounge reviews: overall 1–5 for 2013 to May 2015, 1–10 from June 2015."""
    old_days = pd.date_range("2013-01-01", "2015-05-31", periods=300)
    new_days = pd.date_range("2015-06-01", "2015-08-31", periods=80)
    old = rng.choice([1, 2, 3, 4, 5], len(old_days))
    new = rng.integers(1, 11, len(new_days))
    new[:3] = [9, 10, 8]  # the first answers on the new scale go past 5
    frame = pd.DataFrame(
        {
            "date": [*old_days.strftime("%Y-%m-%d"), *new_days.strftime("%Y-%m-%d")],
            "content": [f"Lounge visit number {i} was fine but crowded" for i in range(380)],
            "overall_rating": np.concatenate([old, new]),
            "comfort_rating": rng.integers(1, 6, 380),
            "cleanliness_rating": rng.integers(1, 6, 380),
            "catering_rating": rng.integers(1, 6, 380),
        }
    )
    return frame if dated else frame.drop(columns="date")


def test_a_rating_scale_that_changed_over_time_is_rescaled_with_a_note(rng):
    """Before: 1–5 and 1–10 answers were one mean on 1–10 nobody was told about, in the KPI and in every
    figure built on the overall rating (voices per theme, key drivers)."""
    frame = _lounge(rng)
    frame.loc[[5, 50, 100, 150], "date"] = None  # reviews without a date: their scale is unknown
    loaded = load_survey(frame)
    survey = loaded.validated.data
    section = kpi_section(None, survey)
    found = section["satisfaction"]
    days = pd.to_datetime(frame["date"])
    start = days[frame["overall_rating"] > 5].min()
    before = frame.loc[days < start, "overall_rating"]
    after = frame.loc[days >= start, "overall_rating"]
    expected = pd.concat([1 + (before - 1) * 9 / 4, after]).mean()
    assert found["scale"] == [1, 10]
    assert found["value"] == pytest.approx(expected) and found["n"] == len(before) + len(after) == 376
    assert survey["satisfaction"].mean() == pytest.approx(expected)  # the table itself is on one scale
    change = found["scale_change"]
    assert change["date"] == start.date().isoformat() and list(change["old_scale"]) == [1, 5]
    assert (change["n_old"], change["n_new"], change["n_undated"]) == (len(before), len(after), 4)
    assert change["mean_old"] == pytest.approx(before.mean())
    assert any("changed scale" in note and "1–5" in note for note in section["notes"])
    assert any("4 overall ratings without a date" in note for note in section["notes"])
    keys = [getattr(note, "key", "") for note in loaded.validated.report.notes]
    assert "survey.note.scale_changed" in keys and "survey.note.scale_undated" in keys
    german = kpi_section(None, survey, lang="de")["notes"]
    assert any("die Skala gewechselt" in note for note in german)


def test_undated_ratings_that_may_mix_two_scales_say_so(rng):
    frame = _lounge(rng, dated=False)
    later = np.tile([6, 7, 8, 9, 10], 6)  # 30 answers past 5 among 380: the 1–10 reviews, undated
    frame["overall_rating"] = np.concatenate([frame["overall_rating"].clip(1, 5)[:350], later])
    section = kpi_section(None, load_survey(frame).validated.data)
    assert section["satisfaction"]["value"] == pytest.approx(frame["overall_rating"].mean())
    assert section["satisfaction"].get("mixed_scales") is True
    assert any("may mix a 1–5 and a 1–10 scale" in note for note in section["notes"])
