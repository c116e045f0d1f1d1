"""Journey page under AppTest: the curve, the pain point, the driver quadrant, persona lines, the editor."""

from tests.conftest import charts, open_page


def test_curve_and_planted_pain_point(app):
    page = open_page(app, "journey")
    assert len(charts(page)) == 2  # the curve and the driver quadrant
    assert any("Lieferung" in warning.value and "lowest" in warning.value for warning in page.warning)
    table = page.dataframe[0].value
    assert table.iloc[:, 0].tolist()[:3] == ["Werbung", "Social Media", "Website"]


def test_one_line_per_persona(app):
    page = open_page(app, "journey")
    page.toggle(key="journey_by_persona").set_value(True).run()
    assert not page.exception, page.exception
    spec = charts(page)[0].proto.spec
    assert "persona" in spec.lower() or "group" in spec.lower()


def test_phase_editor_shows_every_touchpoint_with_its_guessed_phase(app):
    page = open_page(app, "journey")
    assert "Edit touchpoints and phases" in [e.label for e in page.expander]
    assert not any("include" in frame.value.columns for frame in page.dataframe)  # closed: not built
    page = open_page(app, "journey", panels=("journey_editor_open",))
    editor = page.dataframe[1].value.set_index("touchpoint")
    assert len(editor) == 10 and editor["include"].all()
    assert editor.loc["Werbung", "phase"] == "activation"
    assert editor.loc["Bezahlung", "phase"] == "purchase"
    assert editor.loc["Lieferung", "phase"] == "loyalty"


def test_a_period_without_answers_explains_itself(app):
    from datetime import date

    page = open_page(app, "journey")
    first = page.date_input(key="filter_period").min
    page.date_input(key="filter_period").set_value((first, date(first.year, first.month, 28))).run()
    assert not page.exception, page.exception
    assert page.info and not charts(page)
    page.switch_page("pages/summary.py").run()
    assert not page.exception, page.exception
