"""Persona psychographics from comments: *Needs* and *Worries*, each a theme with one verbatim quote.

For the members of a persona who commented: *Needs* is the theme of most of their positive comments
(tone from the words above 0), *Worries* the theme of most of their negative ones (below 0). The quote
is the member comment of that tone and theme that weighs most on the theme (a short one when there is
one, up to 200 characters), exactly as written. A line is left out when fewer than ``MIN_COMMENTS``
comments of that tone carry a theme.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cxlib.voices.core import VoicesResult

MIN_COMMENTS = 2
_SHORT = 200


@dataclass(frozen=True)
class PsychographicLine:
    """One card line: "needs" or "worries", the theme label, its comment count and a verbatim quote."""

    kind: str
    theme: str
    n: int
    quote: str


def _line(kind: str, members: pd.DataFrame, labels: dict[int, str]) -> PsychographicLine | None:
    themed = members[members["theme"] >= 0]
    counts = themed["theme"].value_counts()
    if counts.empty or counts.iloc[0] < MIN_COMMENTS:
        return None
    top = int(counts.index[0])  # value_counts breaks ties by first appearance: deterministic
    candidates = themed[themed["theme"] == top].assign(long=lambda f: f["text"].str.len() > _SHORT)
    best = candidates.sort_values(["long", "theme_weight", "row"], ascending=[True, False, True]).iloc[0]
    return PsychographicLine(kind, labels[top], int(counts.iloc[0]), str(best["text"]))


def needs_and_worries(
    result: VoicesResult, persona_of: pd.Series | None
) -> dict[str, list[PsychographicLine]]:
    """Per persona name its *Needs* and *Worries* lines (either may be missing).

    Examples
    --------
    >>> from cxlib.voices import analyze_voices
    >>> survey = pd.DataFrame({
    ...     "customer_id": [str(i) for i in range(40)],
    ...     "comment": ["Lieferung super schnell, toll"] * 10 + ["Lieferung schlecht und langsam"] * 10
    ...     + ["App stürzt ab, schlecht"] * 10 + ["App gut und schnell"] * 10,
    ... })
    >>> result = analyze_voices(survey, k_range=(2, 2))
    >>> lines = needs_and_worries(result, pd.Series("P", index=survey["customer_id"]))
    >>> [(line.kind, line.quote) for line in lines["P"]]
    [('needs', 'Lieferung super schnell, toll'), ('worries', 'Lieferung schlecht und langsam')]
    """
    comments = result.comments
    if persona_of is None or "customer_id" not in comments or not result.themes:
        return {}
    names = persona_of.set_axis(persona_of.index.astype("str"))
    names = names[~names.index.duplicated()]
    persona = comments["customer_id"].astype("str").map(names)
    from_text = comments["sentiment_source"] == "text"
    labels = {theme.index: theme.label for theme in result.themes}
    out: dict[str, list[PsychographicLine]] = {}
    for name, members in comments[from_text].groupby(persona[from_text], sort=True):
        lines = [
            _line("needs", members[members["sentiment"] > 0], labels),
            _line("worries", members[members["sentiment"] < 0], labels),
        ]
        out[str(name)] = [line for line in lines if line is not None]
    return out
