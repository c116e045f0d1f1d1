"""Voices page under AppTest: themes, detail with quotes, detractor themes, search, follow-up list."""

import pytest

from tests.conftest import charts, open_page, texts


@pytest.mark.parametrize("lang", ["en", "de"])
def test_themes_quotes_differences_and_follow_up(app, lang):
    if lang == "de":
        app.radio(key="language_choice").set_value("de").run()
    page = open_page(app, "voices")
    shown = texts(page)
    assert ("Stimmen der Kunden" if lang == "de" else "Voices") in shown
    assert ("Kommentare" if lang == "de" else "Comments") in shown
    # theme chart, detractor-vs-promoter bars, tone over time
    assert len(charts(page)) == 3
    # verbatim examples of the chosen theme are plain text, and every one is a demo comment
    from cxlib.demo import planted_comment_theme

    examples = [element.value for element in page.text if planted_comment_theme(element.value)]
    assert 2 <= len(examples) <= 3
    follow_up = page.dataframe[-1].value
    assert len(follow_up) > 50
    assert ("Kommentar" if lang == "de" else "Comment") in follow_up.columns
    labels = [button.label for button in page.get("download_button")]
    assert (
        "Rückrufliste herunterladen (Excel)" if lang == "de" else "Download the follow-up list (Excel)"
    ) in labels


def test_search_is_plain_and_case_insensitive(app):
    page = open_page(app, "voices")
    page.text_input(key="voices_search").set_value("VERSANDKOSTEN").run()
    assert not page.exception, page.exception
    found = [element.value for element in page.text if "contain" in element.value]
    assert found and found[0].split()[0].replace(",", "").isdigit() and int(found[0].split()[0]) > 10
    # a regular-expression or markup query is taken literally
    page.text_input(key="voices_search").set_value("(.*<b>").run()
    assert not page.exception, page.exception
    assert any(element.value.startswith("0 comments contain") for element in page.text)


def test_choosing_another_theme_shows_its_quotes(app):
    page = open_page(app, "voices")
    before = [element.value for element in page.text]
    page.selectbox(key="voices_theme").set_value(1).run()
    assert not page.exception, page.exception
    assert [element.value for element in page.text] != before


def test_the_page_reruns_from_cache(app, monkeypatch):
    import cxlib.voices.section as section

    page = open_page(app, "voices")
    calls = []
    original = section.build_voices
    monkeypatch.setattr(section, "build_voices", lambda *a, **k: calls.append(1) or original(*a, **k))
    page.run()
    page.selectbox(key="voices_theme").set_value(2).run()
    assert not page.exception, page.exception
    assert calls == []


def test_persona_cards_gain_needs_and_worries(app):
    page = open_page(app, "personas")
    shown = texts(page)
    assert shown.count("**Needs**") >= 3 and shown.count("**Worries**") >= 3
