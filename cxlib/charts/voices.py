"""Charts of the voices of the customer: themes, detractor-vs-promoter differences, tone over time.

Each builder takes a small aggregate (one row per theme or month). Theme labels come from the
customers' own words; Vega draws them as text, never as markup. Tone runs from −1 (vermillion) over
0 (grey) to +1 (bluish green), the Okabe–Ito tones used for detractors and promoters elsewhere.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxlib.charts.formats import localized
from cxlib.i18n import format_number, format_percent, t
from cxlib.voices.core import Theme

__all__ = ["difference_chart", "sentiment_time_chart", "theme_chart", "theme_table"]

TONE_SCALE = alt.Scale(domain=[-1, 0, 1], range=["#D55E00", "#BBBBBB", "#009E73"])
SIGNIFICANT_COLOURS = ("#0072B2", "#A6CEE3")


def _check_lang(lang: str) -> None:
    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')


def _title(key: str, subtitle_key: str, lang: str) -> alt.TitleParams:
    return alt.TitleParams(text=t(key, lang), subtitle=t(subtitle_key, lang), anchor="start")


def theme_table(themes: list[Theme], *, lang: str = "en") -> pd.DataFrame:
    """One row per theme: label, share, mean score (recommend, else satisfaction), tone, count.

    ``score_key`` names which mean was used ("recommend" or "satisfaction"); text columns are
    preformatted for tooltips in the reader's language.
    """
    _check_lang(lang)
    use_recommend = any(theme.mean_recommend is not None for theme in themes)
    rows = []
    for theme in themes:
        score = theme.mean_recommend if use_recommend else theme.mean_satisfaction
        rows.append(
            {
                "label": theme.label,
                "share": theme.share,
                "score": score,
                "sentiment": theme.sentiment,
                "n": theme.n,
                "share_text": format_percent(theme.share, lang),
                "score_text": format_number(score, lang, decimals=1) if score is not None else "–",
                "sentiment_text": format_number(theme.sentiment, lang, decimals=2, signed=True)
                if theme.sentiment is not None
                else "–",
            }
        )
    frame = pd.DataFrame(rows)
    frame.attrs["score_key"] = "recommend" if use_recommend else "satisfaction"
    return frame


def theme_chart(themes: list[Theme], *, lang: str = "en") -> alt.LayerChart:
    """Share of comments (x) × mean score of their authors (y), coloured by tone, labelled by theme.

    >>> from cxlib.voices.core import Theme
    >>> chart = theme_chart([Theme(0, "Lieferung · spät", ["lieferung"], 4, 0.4, 5.0, None, -0.5, [])])
    >>> chart.to_dict()["layer"][0]["mark"]["type"]
    'circle'
    """
    table = theme_table(themes, lang=lang)
    score_title = t(f"voices.chart.mean_{table.attrs['score_key']}", lang)
    base = alt.Chart(table).encode(
        x=alt.X("share:Q", title=t("voices.chart.share", lang), axis=alt.Axis(format="%")),
        y=alt.Y("score:Q", title=score_title, scale=alt.Scale(zero=False)),
    )
    points = base.mark_circle(opacity=0.85, stroke="#333333", strokeWidth=0.5).encode(
        color=alt.Color("sentiment:Q", scale=TONE_SCALE, title=t("voices.chart.sentiment", lang)),
        size=alt.Size("n:Q", title=t("voices.chart.comments", lang), scale=alt.Scale(range=[80, 1200])),
        tooltip=[
            alt.Tooltip("label:N", title=t("voices.chart.theme", lang)),
            alt.Tooltip("share_text:N", title=t("voices.chart.share", lang)),
            alt.Tooltip("score_text:N", title=score_title),
            alt.Tooltip("sentiment_text:N", title=t("voices.chart.sentiment", lang)),
        ],
    )
    labels = base.mark_text(align="left", dx=12, fontSize=12, color="#222222").encode(
        text=alt.Text("label:N")
    )
    chart = alt.layer(  # at once: chained calls would rebuild (deep-copy) every layer each time
        points,
        labels,
        title=_title("voices.chart.themes.title", "voices.chart.themes.subtitle", lang),
        width=640,
        height=380,
    )
    return localized(chart, lang)


def difference_chart(rows: list[dict], *, lang: str = "en") -> alt.Chart:
    """Bars of detractor share − promoter share per theme, dark when significant.

    >>> rows = [{"label": "A", "difference": 0.2, "significant": True, "p_value": 0.001}]
    >>> difference_chart(rows).to_dict()["mark"]["type"]
    'bar'
    """
    _check_lang(lang)
    frame = pd.DataFrame(rows)
    frame["status"] = [
        t("voices.chart.significant" if flag else "voices.chart.not_significant", lang)
        for flag in frame["significant"]
    ]
    frame["difference_text"] = [
        format_number(100 * value, lang, decimals=1, signed=True) + " pp" for value in frame["difference"]
    ]
    domain = [t("voices.chart.significant", lang), t("voices.chart.not_significant", lang)]
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("difference:Q", title=t("voices.chart.difference.x", lang), axis=alt.Axis(format="+%")),
            y=alt.Y("label:N", sort="-x", title=None),
            color=alt.Color(
                "status:N", scale=alt.Scale(domain=domain, range=list(SIGNIFICANT_COLOURS)), title=None
            ),
            tooltip=[
                alt.Tooltip("label:N", title=t("voices.chart.theme", lang)),
                alt.Tooltip("difference_text:N", title=t("voices.col.difference", lang)),
                alt.Tooltip("p_value:Q", title=t("voices.col.p_value", lang), format=".3g"),
            ],
        )
        .properties(
            title=_title("voices.chart.difference.title", "voices.chart.difference.subtitle", lang),
            width=640,
            height=max(120, 28 * len(frame)),
        )
    )
    return localized(chart, lang)


def monthly_sentiment(comments: pd.DataFrame) -> pd.DataFrame:
    """Mean tone and number of comments per calendar month (empty without answer dates)."""
    if "response_date" not in comments:
        return pd.DataFrame(columns=["month", "sentiment", "n"])
    dates = pd.to_datetime(comments["response_date"], errors="coerce")
    usable = comments.assign(month=dates.dt.to_period("M").dt.to_timestamp())
    usable = usable[dates.notna() & usable["sentiment"].notna()]
    grouped = usable.groupby("month")["sentiment"].agg(["mean", "size"]).reset_index()
    return grouped.rename(columns={"mean": "sentiment", "size": "n"})


def sentiment_time_chart(monthly: pd.DataFrame, *, lang: str = "en") -> alt.Chart:
    """Mean tone per month (from :func:`monthly_sentiment`), with the number of comments in tooltips."""
    _check_lang(lang)
    frame = monthly.assign(
        sentiment_text=[format_number(v, lang, decimals=2, signed=True) for v in monthly["sentiment"]]
    )
    chart = (
        alt.Chart(frame)
        .mark_line(point=True, color="#0B4F8A")
        .encode(
            x=alt.X(
                "month:T",
                title=t("voices.chart.month", lang),
                axis=alt.Axis(format="%m.%Y" if lang == "de" else "%b %Y", labelAngle=0),
            ),
            y=alt.Y("sentiment:Q", title=t("voices.chart.sentiment", lang), scale=alt.Scale(domain=[-1, 1])),
            tooltip=[
                alt.Tooltip("month:T", title=t("voices.chart.month", lang), format="%m.%Y"),
                alt.Tooltip("sentiment_text:N", title=t("voices.chart.sentiment", lang)),
                alt.Tooltip("n:Q", title=t("voices.chart.comments", lang)),
            ],
        )
        .properties(
            title=_title("voices.chart.time.title", "voices.chart.time.subtitle", lang), width=640, height=260
        )
    )
    return localized(chart, lang)
