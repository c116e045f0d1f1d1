"""Language detection, normalising (lemmas, stop words, German word families) and lexicon tone."""

import pytest

from cxlib.voices.language import detect_languages
from cxlib.voices.normalize import normalize, words
from cxlib.voices.sentiment import DATA, lexicon, text_score


def test_each_comment_gets_its_own_language_in_a_mixed_file():
    texts = [
        "Die Lieferung war viel zu spät und der Kundenservice hat nicht geholfen.",
        "The dress runs small, I had to return it.",
        "Schöne Qualität, gerne wieder.",
        "Great fabric but the colour is off.",
        "👍",
    ]
    assert detect_languages(texts) == ["de", "en", "de", "en", "de"]


def test_lieferzeit_geliefert_and_lieferung_meet_under_lieferung():
    texts = ["Die Lieferzeit war zu lang", "Wurde pünktlich geliefert", "Die Lieferung kam heute"]
    tokens = normalize(texts, ["de"] * 3).tokens
    assert all("lieferung" in row for row in tokens)


def test_umlauts_and_sharp_s_are_kept_and_stop_words_dropped():
    result = normalize(["Die Größe und die Qualität sind schön, aber der Preis ist höher"], ["de"])
    assert "größe" in result.tokens[0] and "qualität" in result.tokens[0]
    assert not {"die", "und", "aber", "der", "ist"} & set(result.tokens[0])
    assert result.display["größe"] == "Größe"
    assert words("Straße, MAẞE") == ["straße", "maße"]


def test_english_lemmas_and_stop_words():
    tokens = normalize(["The sizes were too small and the fabrics felt cheap"], ["en"]).tokens[0]
    assert "size" in tokens and "fabric" in tokens
    assert not {"the", "were", "and"} & set(tokens)


@pytest.mark.parametrize(
    ("text", "lang", "sign"),
    [
        ("Das ist gut", "de", 1),
        ("Das ist nicht gut", "de", -1),
        ("Ich empfehle den Shop nicht", "de", -1),
        ("Der Preis ist gut und nicht zu teuer", "de", 1),
        ("Kein schlechter Service", "de", 1),
        ("Die Versandkosten sind zu hoch", "de", -1),
        ("This is good", "en", 1),
        ("This is not good", "en", -1),
        ("not bad at all", "en", 1),
        ("I don't love it", "en", -1),
        ("Love it, but the zipper is bad", "en", 0),  # two clauses, one each way: the mean is 0 or so
    ],
)
def test_negation_and_excess_flip_the_tone(text, lang, sign):
    score = text_score(text, lang)
    if sign == 0:
        assert -0.3 < score < 0.3
    else:
        assert score * sign > 0


def test_lexicons_ship_with_their_licences_and_provenance():
    assert len(lexicon("de")) > 5000 and len(lexicon("en")) > 5000
    assert all(-1 <= value <= 1 for value in lexicon("de").values())
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert "textblob-de" in readme and "vaderSentiment" in readme and "SentiWS" in readme
    for name in ("LICENSE-Apache-2.0.txt", "LICENSE-textblob-de-MIT.txt", "LICENSE-vaderSentiment-MIT.txt"):
        assert (DATA / name).stat().st_size > 500
    assert "Apache License" in (DATA / "NOTICE-de-sentiment-header.txt").read_text(encoding="utf-8")


def test_a_language_other_than_de_or_en_is_a_programming_error():
    with pytest.raises(ValueError, match="lang must be 'de' or 'en'"):
        text_score("bonjour", "fr")


def test_the_stream_dictionary_gives_the_lemmas_of_the_full_one():
    """normalize.LOW_MEMORY: simplemma's stream backend answers as its in-memory dict does, on the demo
    comments' words as nouns and as written, and on words it does not know."""
    import simplemma

    from cxlib.demo import generate_demo
    from cxlib.voices.normalize import LOW_MEMORY

    assert LOW_MEMORY
    comments = generate_demo().survey["Kommentar"].dropna().astype(str)
    seen = [*sorted({word for text in comments for word in words(text)}), "lieferzeitenxyz", "qwertz"]
    assert len(seen) > 100
    for word in seen:
        for written in (word, word.capitalize()):
            for lang in ("de", "en"):
                full = simplemma.lemmatize(written, lang=lang)
                assert simplemma.lemmatize(written, lang=lang, low_memory=True) == full, written
                assert simplemma.is_known(written, lang=lang, low_memory=True) == simplemma.is_known(
                    written, lang=lang
                ), written
