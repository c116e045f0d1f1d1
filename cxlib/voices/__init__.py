"""Voice of the customer: languages, themes, tone, outcomes and the follow-up list from comments.

Modules: :mod:`~cxlib.voices.language` (DE/EN per comment), :mod:`~cxlib.voices.normalize` (theme
words), :mod:`~cxlib.voices.themes` (TF-IDF + NMF), :mod:`~cxlib.voices.sentiment` (lexicon tone),
:mod:`~cxlib.voices.outcomes`, :mod:`~cxlib.voices.follow_up`, :mod:`~cxlib.voices.personas` and
:mod:`~cxlib.voices.section` (the CLI's ``voices`` section).
"""

from cxlib.voices.core import Theme, VoicesResult, analyze_voices

__all__ = ["Theme", "VoicesResult", "analyze_voices"]
