"""Journey page under AppTest: the curve, the pain point, the driver quadrant, persona lines and the editor."""

from tests.conftest import charts, texts


def _journey(app):
    app.switch_page("pages/journey.py").run()
    assert not app.exception, app.exception
    return app


def test_curve_and_planted_pain_point(app):
    page = _journey(app)
    assert len(charts(page)) == 2  # the curve and the driver quadrant
    assert any("Lieferung" in warning.value and "lowest" in warning.value for warning in page.warning)
    table = page.dataframe[0].value
    assert table.iloc[:, 0].tolist()[:3] == ["Werbung", "Social Media", "Website"]


def test_one_line_per_persona(app):
    page = _journey(app)
    page.toggle(key="journey_by_persona").set_value(True).run()
    assert not page.exception, page.exception
    spec = charts(page)[0].proto.spec
    assert "persona" in spec.lower() or "group" in spec.lower()


def test_phase_editor_leaves_a_touchpoint_out(app):
    page = _journey(app)
    editor = page.get("arrow_data_frame")
    assert editor is not None
    shown = texts(page)
    assert "Edit touchpoints and phases" in shown or page.expander
