"""Comments in a language the app does not read (French, Spanish, Italian, Dutch, Portuguese).

Before: every comment was German or English, so a Swiss survey's French answers were "German" and the
theme list held "Beau · et · chauffeur" and "très · client · ne", made of French function words. Now
such a comment is counted under its language, left out of the themes and of the text tone (its rating
still gives its tone), and a note says so in the UI's language.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from cxlib.voices import analyze_voices
from cxlib.voices.language import detect_languages
from cxlib.voices.section import build_voices, voices_section

GERMAN = [
    ("Die Lieferung war viel zu spät und der Fahrer unfreundlich", 2),
    ("Sehr gute Beratung im Laden, gerne wieder", 9),
    ("Der Preis ist zu hoch für die Qualität", 4),
    ("Schnelle Lieferung, alles bestens", 10),
    ("Die Hotline war nicht erreichbar, sehr ärgerlich", 1),
    ("Tolle Auswahl und freundliches Personal", 9),
]
FOREIGN = {
    "fr": [
        "La livraison était beaucoup trop lente et le chauffeur pas aimable",
        "Très bon conseil dans le magasin, je reviendrai",
        "Le prix est trop élevé pour la qualité",
        "Beau choix et personnel sympathique",
    ],
    "it": [
        "La consegna è stata molto lenta e il corriere non era gentile",
        "Il prezzo è troppo alto per questa qualità",
        "Personale gentile, tutto bene",
    ],
    "es": [
        "La entrega fue muy lenta y el conductor no era amable",
        "El precio es demasiado alto para la calidad",
        "Todo bien, muy buena atención",
    ],
    "nl": [
        "De levering was veel te laat en de chauffeur niet vriendelijk",
        "Heel goed advies in de winkel",
        "De prijs is te hoog voor de kwaliteit",
    ],
}


def _survey(language: str, n: int = 150) -> pd.DataFrame:
    rows = []
    german, foreign = itertools.cycle(GERMAN), itertools.cycle(FOREIGN[language])
    for i in range(n):
        if i % 3 == 0:
            rows.append((next(foreign), [2, 9, 4, 10][i % 4]))
        else:
            rows.append(next(german))
    return pd.DataFrame(rows, columns=["comment", "recommend"])


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_foreign_comments_are_counted_under_their_language_and_left_out_of_themes(language):
    survey = _survey(language)
    result = analyze_voices(survey)
    assert result.languages == {"de": 100, language: 50}
    foreign = result.comments[result.comments["language"] == language]
    assert (foreign["theme"] == -1).all()
    assert (foreign["sentiment_source"] == "rating").all()
    german_words = {word for text, _ in GERMAN for word in text.lower().replace(",", " ").split()}
    for theme in result.themes:
        assert set(theme.terms[:3]) <= german_words | {"lieferung", "kommen", "freundlich", "gut", "schnell"}


def test_the_note_counts_them_in_both_languages():
    voices = build_voices(_survey("fr"))
    english = voices_section(voices, lang="en")
    german = voices_section(voices, lang="de")
    assert english["comments"]["languages"] == {"de": 100, "fr": 50}
    assert any("50 comments" in note and "French 50" in note for note in english["notes"])
    assert any("50 Kommentare" in note and "Französisch 50" in note for note in german["notes"])


def test_tone_of_foreign_comments_comes_from_their_rating_only():
    survey = _survey("fr")
    result = analyze_voices(survey)
    foreign = result.comments[result.comments["language"] == "fr"]
    expected = (foreign["recommend"].astype(float) - 5) / 5  # 0–10 rescaled to −1…+1
    assert np.allclose(foreign["sentiment"].to_numpy(), expected.to_numpy())


@pytest.mark.parametrize(
    "text",
    [
        "The delivery was late and the driver was rude",
        "Die Lieferung kam zu spät, Fahrer unfreundlich",
        "Top",
        "Great value for money, will come again",
        "Das Croissant au beurre war super",
        "Bestellung per E-Mail bestätigt, alles gut",
    ],
)
def test_german_and_english_comments_stay_read(text):
    assert detect_languages([text, "Die Lieferung war gut"])[0] in ("de", "en")
