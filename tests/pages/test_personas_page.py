"""Personas page under AppTest: cards with names and quotes, charts, k override, download."""

from tests.conftest import charts, open_page, texts


def test_planted_personas_with_names_and_quotes(app):
    page = open_page(app, "personas")
    shown = texts(page)
    assert "4 personas found in the data" in shown
    quotes = [m.value for m in page.markdown if m.value.startswith("> ")]
    assert len(quotes) == 4
    assert len(charts(page)) == 4  # silhouette, map, sizes, comparison heatmap


def test_choosing_k_recomputes(app):
    page = open_page(app, "personas")
    page.select_slider(key="persona_k_choice").set_value(3)
    next(button for button in page.button if button.label == "Recompute personas").click().run()
    assert not page.exception, page.exception
    assert "3 personas found in the data" in texts(page)


def test_persona_filter_on_other_pages(app):
    page = open_page(app, "personas")
    names = [
        s.value
        for s in page.subheader
        if s.value not in ("Customer map", "Persona sizes", "Personas compared with the whole customer base")
    ]
    page.switch_page("pages/overview.py").run()
    page.multiselect(key="filter_personas").set_value([names[0].replace("\\", "")]).run()
    assert not page.exception, page.exception
    assert int(page.metric[0].value.replace(",", "")) < 4000
