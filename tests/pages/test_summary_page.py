"""Summary page under AppTest: the default landing page with tiles, findings, personas and the journey."""

from tests.conftest import charts, texts


def test_summary_is_the_landing_page(app):
    shown = texts(app)
    assert "Customer centricity at a glance" in shown
    assert len(app.metric) == 5
    assert "demo data" in shown


def test_findings_come_from_the_data(app):
    shown = texts(app)
    assert "What the data says" in shown
    assert "Lieferung" in shown  # the planted pain point is named in a finding
    findings = [line for line in app.markdown if line.value.startswith("- ")]
    assert 5 <= len(findings[0].value.splitlines()) <= 8


def test_persona_cards_and_journey_curve(app):
    assert len(charts(app)) == 1
    assert len(app.get("download_button")) >= 2


def test_language_switch_turns_everything_german(app):
    app.radio(key="language_choice").set_value("de").run()
    assert not app.exception, app.exception
    shown = texts(app)
    assert "Kundenzentrierung auf einen Blick" in shown
    assert "Was die Daten sagen" in shown
    assert app.metric[0].label == "Kunden" and app.metric[0].value == "4.000"
    app.switch_page("pages/journey.py").run()
    assert "Customer Journey" in texts(app)
