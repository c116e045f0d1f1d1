"""Overview: from the NPS and churn tiles to the people they counted, in EN and DE."""

from __future__ import annotations

import re

from cxlib.i18n import t
from tests.conftest import open_page


def _count(caption: str) -> int:
    return int(re.match(r"([\d.,]+)", caption).group(1).replace(",", "").replace(".", ""))


def _drill_caption(page, kind: str, lang: str) -> str:
    start = t(f"drill.tiles.help.{kind}", lang, n="").strip()[:20]
    return next(str(c.value) for c in page.caption if start in str(c.value))


def test_nps_answers_behind_the_tile_match_its_count(app):
    assert not open_page(app, "overview").dataframe  # closed: the list is not built
    page = open_page(app, "overview", panels=("drill_tile_open",))
    tile = next(m for m in page.metric if m.label.startswith("NPS"))
    answers = re.search(r": ([\d,]+) answers", tile.help).group(1)
    assert _count(_drill_caption(page, "nps", "en")) == int(answers.replace(",", ""))
    table = page.dataframe[0].value
    assert table.iloc[0][t("drill.col.group", "en")] == t("drill.group.detractor", "en")
    assert t("journey.drill.col.comment", "en") in table.columns


def test_lost_customers_in_german(app):
    app.session_state["lang"] = "de"
    page = open_page(app, "overview", panels=("drill_tile_open",))
    page.radio(key="drill_tile").set_value("churn_rate").run()
    assert not page.exception
    table = page.dataframe[0].value
    assert t("role.churn_date", "de") in table.columns
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4}", table.iloc[0][t("role.churn_date", "de")])
    assert _count(_drill_caption(page, "churn_rate", "de")) == len(table)
