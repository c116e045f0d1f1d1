"""Each findings rule on a small hand-built document that triggers it, and one that does not."""

import pytest

from cxlib.findings import MAX_FINDINGS, Finding, findings_from_document


def _rules(document, **kwargs):
    return {finding.rule: finding for finding in findings_from_document(document, **kwargs)}


def _persona(name, share, nps, ci=None, churn=None, size=None, clv=None):
    return {"name": name, "share": share, "size": size if size is not None else share * 100,
            "nps": {"score": nps, "ci95": ci}, "churn_rate": churn, "clv": clv}  # fmt: skip


def _personas_document(*personas, overall_nps=10.0):
    return {"kpis": {"nps": {"score": overall_nps}}, "personas": {"personas": list(personas)}}


def _journey(means, *, drivers=(), pain_points=(), outcome=None):
    section = {
        "touchpoints": [{"touchpoint": name, "mean": mean} for name, mean in means.items()],
        "pain_points": list(pain_points),
        "drivers": [{"touchpoint": n, "importance": i, "performance": means[n]} for n, i in drivers],
    }
    if outcome:
        section["outcome"] = outcome
    return {"journey": section}


# --- persona with the lowest NPS ---


def test_persona_lowest_nps_with_churn_twice_the_average():
    document = _personas_document(
        _persona("Uwe Hoffmann", 0.22, -18.0, ci=[-27.0, -9.0], churn=0.30),
        _persona("Ulrike Meier", 0.78, 20.0, ci=[15.0, 25.0], churn=0.10),
    )
    finding = _rules(document)["persona_lowest_nps"]
    # average churn = 0.22 * 0.30 + 0.78 * 0.10 = 0.144; 0.30 / 0.144 = 2.08
    assert finding.text == (
        "Persona Uwe Hoffmann (22% of customers) has the lowest NPS (−18 ± 9) and churns at 2.1 times "
        "the average rate."
    )
    assert finding.value == -18.0
    assert finding.source == "personas[Uwe Hoffmann].nps"


def test_persona_lowest_nps_in_german_without_churn_clause():
    document = _personas_document(
        _persona("Uwe Hoffmann", 0.5, -5.5, ci=[-15.5, 4.5], churn=0.11),
        _persona("Ulrike Meier", 0.5, 30.0, ci=[20.0, 40.0], churn=0.10),
    )
    finding = _rules(document, lang="de")["persona_lowest_nps"]
    assert finding.text == "Persona Uwe Hoffmann (50 % der Kunden) hat den niedrigsten NPS (−6 ± 10)."


def test_persona_lowest_nps_silent_when_close_to_overall():
    document = _personas_document(
        _persona("A", 0.5, 5.0, ci=[0.0, 10.0]), _persona("B", 0.5, 15.0, ci=[10.0, 20.0]), overall_nps=10.0
    )
    assert "persona_lowest_nps" not in _rules(document)


def test_persona_lowest_nps_needs_two_personas():
    document = _personas_document(_persona("A", 1.0, -50.0, ci=[-60.0, -40.0]), overall_nps=10.0)
    assert "persona_lowest_nps" not in _rules(document)


# --- persona with the highest churn ---


def test_persona_highest_churn():
    document = _personas_document(
        _persona("A", 0.25, 10.0, churn=0.40),
        _persona("B", 0.75, 12.0, churn=0.10),
    )
    finding = _rules(document)["persona_highest_churn"]
    # average = 0.25 * 0.4 + 0.75 * 0.1 = 0.175; ratio 2.29
    assert finding.text == (
        "Persona A (25% of customers) churns at 2.3 times the average rate (40.0% against 17.5%)."
    )
    assert finding.value == 0.40
    assert finding.source == "personas[A].churn"


def test_persona_highest_churn_silent_below_one_and_a_half_times():
    document = _personas_document(_persona("A", 0.5, 10.0, churn=0.12), _persona("B", 0.5, 12.0, churn=0.10))
    assert "persona_highest_churn" not in _rules(document)


def test_persona_highest_churn_not_repeated_when_lowest_nps_finding_says_it():
    document = _personas_document(
        _persona("A", 0.25, -30.0, ci=[-40.0, -20.0], churn=0.40),
        _persona("B", 0.75, 20.0, ci=[10.0, 30.0], churn=0.10),
    )
    rules = _rules(document)
    assert "churns at 2.3 times" in rules["persona_lowest_nps"].text
    assert "persona_highest_churn" not in rules


# --- weakest touchpoint and top driver ---


def test_weakest_touchpoint_and_strongest_driver_in_one_sentence():
    document = _journey(
        {"Website": 74.0, "Delivery": 54.0, "Service": 70.0},
        drivers=[("Delivery", 0.52), ("Website", 0.30)],
        outcome="recommend",
    )
    rules = _rules(document)
    assert rules["weakest_touchpoint"].text == (
        "Delivery is the weakest touchpoint (54/100) and the strongest driver of recommendation."
    )
    assert rules["weakest_touchpoint"].source == "journey.touchpoints[Delivery].mean"
    assert "top_driver" not in rules  # already said


def test_weakest_touchpoint_silent_when_all_are_close():
    document = _journey({"Website": 70.0, "Delivery": 67.0, "Service": 69.0})
    assert "weakest_touchpoint" not in _rules(document)


def test_top_driver_on_another_touchpoint_in_german():
    document = _journey(
        {"Website": 74.0, "Lieferung": 54.0, "Kasse": 70.0},
        drivers=[("Kasse", 0.456), ("Lieferung", 0.25)],
        outcome="satisfaction",
    )
    rules = _rules(document, lang="de")
    assert rules["top_driver"].text == (
        "Kasse ist der stärkste Treiber der Gesamtzufriedenheit (Korrelation 0,46) und erreicht 70/100."
    )
    assert rules["top_driver"].value == pytest.approx(0.456)
    assert rules["weakest_touchpoint"].text == (
        "Lieferung ist der schwächste Touchpoint (54/100; Durchschnitt aller Touchpoints 66/100)."
    )


def test_top_driver_silent_when_correlation_is_weak():
    document = _journey({"Website": 70.0, "Kasse": 69.0}, drivers=[("Kasse", 0.15)])
    assert "top_driver" not in _rules(document)


# --- biggest drop ---


def test_biggest_drop_names_both_touchpoints():
    document = _journey(
        {"Website": 80.0, "Checkout": 76.0, "Delivery": 58.0, "Service": 70.0},
        pain_points=[
            {"touchpoint": "Delivery", "reason": "lowest"},
            {"touchpoint": "Delivery", "reason": "drop"},
        ],
    )
    finding = _rules(document)["biggest_drop"]
    assert finding.text == "Satisfaction falls by 18 points from Checkout to Delivery (76 → 58 of 100)."
    assert finding.value == pytest.approx(18.0)


def test_biggest_drop_silent_without_a_flagged_drop():
    document = _journey(
        {"Website": 80.0, "Checkout": 76.0, "Delivery": 58.0},
        pain_points=[{"touchpoint": "Delivery", "reason": "lowest"}],
    )
    assert "biggest_drop" not in _rules(document)


# --- NPS and churn changes ---


def _nps_comparison(difference, verdict, current=12.0, previous=5.0):
    return {"months": 3, "current": current, "previous": previous, "difference": difference,
            "significant": verdict == "significant", "verdict": verdict}  # fmt: skip


def test_nps_change_within_noise():
    comparisons = {"nps": _nps_comparison(7.0, "within_noise")}
    finding = _rules({}, comparisons=comparisons)["nps_change"]
    assert finding.text == "NPS rose 7.0 points against the previous 3 months (+5 → +12), within noise."
    assert finding.value == 7.0
    assert finding.source == "kpis.comparisons.nps"


def test_nps_change_read_from_the_document_in_german():
    document = {"kpis": {"comparisons": {"nps": _nps_comparison(-9.4, "significant", 3.0, 12.4)}}}
    finding = _rules(document, lang="de")["nps_change"]
    assert finding.text == (
        "Der NPS sank gegenüber den 3 Monaten davor um 9,4 Punkte (+12 → +3), "
        "signifikant auf dem 95-%-Niveau."
    )


def test_nps_change_silent_with_too_little_data():
    comparisons = {"nps": {"months": 3, "current": 10.0, "previous": None, "difference": None,
                           "significant": False, "verdict": "insufficient_data"}}  # fmt: skip
    assert "nps_change" not in _rules({}, comparisons=comparisons)


def test_churn_change_in_percentage_points():
    comparisons = {"churn_rate": {"months": 12, "current": 0.182, "previous": 0.15, "difference": 0.032,
                                  "significant": True, "verdict": "significant"}}  # fmt: skip
    finding = _rules({}, comparisons=comparisons)["churn_change"]
    assert finding.text == (
        "The churn rate rose 3.2 percentage points against the 12 months before (15.0% → 18.2%), "
        "significant at 95%."
    )
    assert finding.value == pytest.approx(3.2)


def test_churn_change_silent_without_comparison():
    assert "churn_change" not in _rules({}, comparisons={"churn_rate": None})


# --- CLV concentration ---


def test_clv_concentration_by_persona():
    document = _personas_document(
        _persona("Premium", 0.2, 30.0, clv={"total": 60_000.0}),
        _persona("Basic", 0.8, 5.0, clv={"total": 40_000.0}),
    )
    finding = _rules(document, lang="de")["clv_concentration"]
    assert finding.text == "Persona Premium trägt 60 % des gesamten Kundenertragswerts bei 20 % der Kunden."
    assert finding.value == pytest.approx(0.6)


def test_clv_concentration_from_mean_and_median():
    document = {"kpis": {"clv": {"mean": 1234.6, "median": 600.0, "total": 1e6}}}
    finding = _rules(document, lang="de")["clv_concentration"]
    assert finding.text == (
        "Der Kundenwert ist ungleich verteilt: Der durchschnittliche Kundenertragswert (1.235\xa0€) ist "
        "2,1-mal so hoch wie der Median (600\xa0€)."
    )


def test_clv_concentration_silent_when_value_is_even():
    document = _personas_document(
        _persona("A", 0.5, 30.0, clv={"total": 52_000.0}), _persona("B", 0.5, 5.0, clv={"total": 48_000.0})
    )
    document["kpis"]["clv"] = {"mean": 1000.0, "median": 900.0}
    assert "clv_concentration" not in _rules(document)


# --- data quality ---


def test_data_quality_names_the_worst_table():
    document = {"inputs": {
        "customers": {"rows_read": 4000, "rows_set_aside": 10},
        "survey": {"rows_read": 1200, "rows_set_aside": 96},
    }}  # fmt: skip
    finding = _rules(document, lang="de")["data_quality"]
    assert finding.text.startswith("96 von 1.200 Zeilen der Tabelle Umfrage (8,0 %) wurden aussortiert")
    assert finding.source == "inputs.survey.rows_set_aside"


def test_data_quality_silent_below_one_percent():
    document = {"inputs": {"customers": {"rows_read": 4000, "rows_set_aside": 39}}}
    assert "data_quality" not in _rules(document)


# --- the whole list ---


def test_order_and_limit():
    document = _personas_document(
        _persona("A", 0.25, -30.0, ci=[-40.0, -20.0], churn=0.40, clv={"total": 60.0}),
        _persona("B", 0.75, 20.0, ci=[10.0, 30.0], churn=0.10, clv={"total": 40.0}),
    )
    document.update(_journey(
        {"Website": 80.0, "Checkout": 76.0, "Delivery": 58.0, "Service": 70.0},
        drivers=[("Service", 0.5)], pain_points=[{"touchpoint": "Delivery", "reason": "drop"}],
    ))  # fmt: skip
    document["inputs"] = {"survey": {"rows_read": 100, "rows_set_aside": 5}}
    document["kpis"]["comparisons"] = {"nps": _nps_comparison(2.0, "within_noise")}
    findings = findings_from_document(document)
    assert [f.rule for f in findings] == [
        "persona_lowest_nps", "weakest_touchpoint", "top_driver", "biggest_drop", "clv_concentration",
        "nps_change", "data_quality",
    ]  # fmt: skip
    assert len(findings) <= MAX_FINDINGS
    assert all(isinstance(f, Finding) and f.text and f.source for f in findings)


def test_bad_arguments_raise():
    with pytest.raises(ValueError, match="lang"):
        findings_from_document({}, lang="fr")
    with pytest.raises(ValueError, match="document"):
        findings_from_document([])  # type: ignore[arg-type]


def test_persona_rules_on_the_personas_section_shape():
    """cxlib.personas.personas_section gives plain numbers: nps, churn_rate, clv_mean (per customer)."""
    document = {
        "kpis": {"nps": {"score": 12.0}},
        "personas": {"k": 2, "personas": [
            {"name": "Uwe Hoffmann", "size": 220, "share": 0.22, "nps": -18.0, "churn_rate": 0.3,
             "clv_mean": 100.0},
            {"name": "Ulrike Meier", "size": 780, "share": 0.78, "nps": 20.0, "churn_rate": 0.1,
             "clv_mean": 400.0},
        ]},
    }  # fmt: skip
    rules = _rules(document)
    assert rules["persona_lowest_nps"].text == (
        "Persona Uwe Hoffmann (22% of customers) has the lowest NPS (−18) and churns at 2.1 times the "
        "average rate."
    )
    # CLV totals 22,000 vs 312,000: Ulrike Meier holds 93% with 78% of customers (ratio 1.2 < 1.5)
    assert "clv_concentration" not in rules
