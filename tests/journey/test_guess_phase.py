"""Phase guessing from German and English touchpoint names (cxlib.phases)."""

import pytest

from cxlib.phases import PHASES, guess_phase, guess_phases, touchpoint_likeness


def test_phase_keys_are_the_fixed_json_interface():
    assert PHASES == ("activation", "information", "purchase", "loyalty")


@pytest.mark.parametrize(
    ("name", "phase"),
    [
        ("Werbung", "activation"),
        ("Anzeige", "activation"),
        ("Plakat", "activation"),
        ("Social Media", "activation"),
        ("Mundpropaganda", "activation"),
        ("Empfehlung von Freunden", "activation"),
        ("Presse", "activation"),
        ("Schaufenster", "activation"),
        ("TV ad", "activation"),
        ("Instagram", "activation"),
        ("Word of mouth", "activation"),
        ("Newsletter sign-up", "activation"),
        ("Website", "information"),
        ("Webseite", "information"),
        ("Suche", "information"),
        ("Preisvergleich", "information"),
        ("Bewertungen", "information"),
        ("Produktseite", "information"),
        ("Beratung", "information"),
        ("Katalog", "information"),
        ("Hotline", "information"),
        ("Price comparison", "information"),
        ("Reviews", "information"),
        ("Warenkorb", "purchase"),
        ("Kasse", "purchase"),
        ("Bezahlung", "purchase"),
        ("Zahlung", "purchase"),
        ("Buchung", "purchase"),
        ("Bestellung", "purchase"),
        ("Bestellbestätigung", "purchase"),
        ("Vertragsabschluss", "purchase"),
        ("Kauf", "purchase"),
        ("Checkout", "purchase"),
        ("Check-in", "purchase"),
        ("Lieferung", "loyalty"),
        ("Versand", "loyalty"),
        ("Verpackung", "loyalty"),
        ("Auspacken", "loyalty"),
        ("Nutzung", "loyalty"),
        ("Kundenservice", "loyalty"),
        ("Kundendienst", "loyalty"),
        ("Support", "loyalty"),
        ("Retoure", "loyalty"),
        ("Rücksendung", "loyalty"),
        ("RUECKSENDUNG", "loyalty"),
        ("Rechnung", "loyalty"),
        ("Reklamation", "loyalty"),
        ("Treueprogramm", "loyalty"),
        ("Customer service", "loyalty"),
        ("Newsletter", "loyalty"),
    ],
)
def test_guess_phase_on_german_and_english_names(name, phase):
    assert guess_phase(name) == phase


@pytest.mark.parametrize(
    ("name", "phase"),
    [
        ("o_booking", "purchase"),
        ("o_checkin", "purchase"),
        ("o_departure", "loyalty"),
        ("o_cabin", "loyalty"),
        ("o_meal", "loyalty"),
        ("o_crew", "loyalty"),
        ("o_experience", "loyalty"),
    ],
)
def test_guess_phase_on_the_airline_headers(name, phase):
    assert guess_phase(name) == phase


def test_compound_german_words_match_inside_but_short_tokens_only_as_whole_words():
    assert guess_phase("Onlinewerbung") == "activation"
    assert guess_phase("Flugbuchung") == "purchase"
    assert guess_phase("Headline") is None  # contains "ad"
    assert guess_phase("Happy hour") is None  # contains "app"
    assert guess_phase("Interessen") is None  # contains "essen"
    assert guess_phase("Ads") == "activation"


def test_unknown_names_give_none():
    assert guess_phase("Schritt 7") is None
    assert guess_phase("") is None


def test_guess_phases_inherits_the_previous_phase_and_defaults_to_information():
    assert guess_phases(["Schritt 1", "Plakat", "Schritt 3", "Warenkorb", "Schritt 5"]) == {
        "Schritt 1": "information",
        "Plakat": "activation",
        "Schritt 3": "activation",
        "Warenkorb": "purchase",
        "Schritt 5": "purchase",
    }
    assert guess_phases([]) == {}


def test_touchpoint_likeness_separates_touchpoints_from_outcomes_and_ids():
    assert touchpoint_likeness("Lieferung") == 1.0
    assert touchpoint_likeness("Zufriedenheit mit der Lieferung") == 1.0
    assert touchpoint_likeness("Bewertung Schritt 3") == 0.5
    for header in ("Weiterempfehlung", "Gesamtzufriedenheit", "Kundennummer", "Antwort-ID", "Datum"):
        assert touchpoint_likeness(header) == 0.1, header
    assert touchpoint_likeness("Alter") == 0.0
    assert touchpoint_likeness("Recommendation by friend") == 1.0


def test_programmer_errors_raise_value_error():
    with pytest.raises(ValueError, match="single string"):
        guess_phases("Lieferung")
    with pytest.raises(ValueError, match="must be strings"):
        guess_phases(["Lieferung", 3])
