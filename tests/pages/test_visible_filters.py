"""Filters everywhere, visibly: a region + persona filter shows as a line at the top with one click to
clear, every figure on Summary and Personas follows it, and the filters live in the URL so that a shared
link or a reload opens the same view."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from cxlib.i18n import t
from tests.conftest import ROOT, open_page


def _filter(app, *, region: str, persona: str | None = None):
    page = open_page(app, "summary")
    page.multiselect(key="filter_regions").set_value([region])
    page.run()
    if persona is not None:
        page.multiselect(key="filter_personas").set_value([persona])
        page.run()
    assert not page.exception, page.exception
    return page


def _card_sizes(page) -> list[int]:
    filtered = re.compile(r"^([\d,]+) customers in the filtered view")
    return [int(m.group(1).replace(",", "")) for c in page.caption if (m := filtered.match(str(c.value)))]


def test_a_region_and_persona_filter_is_shown_followed_and_cleared(app):
    page = open_page(app, "summary")
    everyone = int(page.metric[0].value.replace(",", ""))
    persona = page.multiselect(key="filter_personas").options[0]
    page = _filter(app, region="Nord", persona=persona)
    shown = [str(info.value) for info in page.info]
    assert any(s.startswith("Filtered:") and "Nord" in s and persona in s for s in shown), shown
    customers = int(page.metric[0].value.replace(",", ""))
    assert 0 < customers < everyone
    sizes = _card_sizes(page)  # every persona card counts only the filtered customers
    assert sizes and sum(sizes) == customers
    assert page.query_params["region"] in ("Nord", ["Nord"]) and page.query_params["persona"] in (
        persona,
        [persona],
    )
    personas = open_page(app, "personas")
    assert sum(_card_sizes(personas)) == customers
    # the comparison table counts the filtered customers too (its last column: all of them)
    measure = t("persona.comparison.measure", "en")
    comparison = next(frame.value for frame in personas.dataframe if measure in frame.value.columns)
    assert int(comparison.iloc[0, -1].replace(",", "")) == customers
    personas.button[[b.label for b in personas.button].index(t("ui.filters.clear", "en"))].click().run()
    assert not _card_sizes(personas)
    assert int(open_page(app, "summary").metric[0].value.replace(",", "")) == everyone


def test_a_link_with_filters_opens_the_same_view(app):
    filtered = int(_filter(app, region="Nord").metric[0].value.replace(",", ""))
    visitor = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    visitor.query_params["region"] = "Nord"
    visitor.run()
    assert not visitor.exception
    assert int(visitor.metric[0].value.replace(",", "")) == filtered
    assert any("Nord" in str(info.value) for info in visitor.info)
