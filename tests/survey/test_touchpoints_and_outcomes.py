"""Defect class 4: touchpoints only from rating items; outcomes are outcomes; higher-is-worse items are not
drawn as falling satisfaction.

Before: a customer table used as the survey made churn flags, complaint flags, tenure, number of products
and credit score into touchpoints ("Churn is the weakest touchpoint (3/100)"); outcomes were touchpoints
and their own strongest driver; "how difficult was …" items were drawn as falling satisfaction.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxlib.findings import findings_from_document
from tests.survey.conftest import analyze_survey, ratings

N = 500


def _customer_table_as_survey(rng) -> pd.DataFrame:
    website = ratings(rng, N, 1, 5, centre=4.0)
    delivery = ratings(rng, N, 1, 5, centre=3.2)
    hotline = ratings(rng, N, 1, 5, centre=3.6)
    overall = np.clip(np.rint((website + delivery + hotline) / 3 + rng.normal(0, 0.4, N)), 1, 5).astype(int)
    return pd.DataFrame(
        {
            "CustomerId": [f"C{i:04d}" for i in range(N)],
            "Churn": rng.integers(0, 2, N),
            "Complain": rng.integers(0, 2, N),
            "Tenure": rng.integers(0, 11, N),
            "NumOfProducts": rng.integers(1, 5, N),
            "CreditScore": rng.integers(350, 851, N),
            "HourSpendOnApp": rng.integers(0, 6, N),
            "Website": website,
            "Delivery": delivery,
            "Hotline": hotline,
            "How difficult was it to return an item?": ratings(rng, N, 1, 5, centre=2.0),
            "Wartezeit Hotline": ratings(rng, N, 1, 5, centre=2.5),
            "Overall satisfaction": overall,
            "Would buy again": np.clip(overall + rng.integers(-1, 2, N), 1, 5),
            "SatisfactionScore": overall,
        }
    )


def test_only_rating_items_are_touchpoints(rng):
    loaded, document = analyze_survey(_customer_table_as_survey(rng))
    assert loaded.mapping.as_dict()["touchpoints"] == ["Website", "Delivery", "Hotline"]
    assert [tp["touchpoint"] for tp in document["journey"]["touchpoints"]] == [
        "Website",  # information
        "Hotline",  # information: the journey runs through the phases in order
        "Delivery",  # loyalty
    ]
    columns = loaded.validated.columns
    assert columns["Churn"].kind == columns["Complain"].kind == "flag"
    for coded in ("Tenure", "NumOfProducts", "HourSpendOnApp"):
        assert columns[coded].kind == "coded" and "touchpoints" in columns[coded].excluded_from, coded
    assert columns["CreditScore"].kind == "number"


def test_outcomes_are_never_touchpoints_nor_their_own_driver(rng):
    loaded, document = analyze_survey(_customer_table_as_survey(rng))
    outcome_columns = ("Overall satisfaction", "Would buy again", "SatisfactionScore")
    satisfaction = loaded.mapping.as_dict()["satisfaction"]
    assert satisfaction in outcome_columns
    for column in outcome_columns:
        name = "satisfaction" if column == satisfaction else column
        assert loaded.validated.columns[name].kind == "outcome", column
    drivers = [driver["touchpoint"] for driver in document["journey"]["drivers"]]
    assert drivers and set(drivers) <= {"Website", "Delivery", "Hotline"}
    texts = " ".join(finding.text for finding in findings_from_document(document))
    for word in ("Churn", "Complain", "Tenure", "CreditScore", "Overall satisfaction", "Would buy again"):
        assert word not in texts


def test_higher_is_worse_items_are_left_out_of_the_curve_with_a_note(rng):
    loaded, document = analyze_survey(_customer_table_as_survey(rng))
    for column in ("How difficult was it to return an item?", "Wartezeit Hotline"):
        meaning = loaded.validated.columns[column]
        assert meaning.direction == "higher_worse" and "touchpoints" in meaning.excluded_from, column
        assert "higher_is_worse_word" in [evidence.code for evidence in meaning.evidence]
    shown = {tp["touchpoint"] for tp in document["journey"]["touchpoints"]}
    assert not shown & {"How difficult was it to return an item?", "Wartezeit Hotline"}
    note = next(note for note in loaded.validated.report.note_texts() if "higher score means worse" in note)
    assert "Wartezeit Hotline" in note


def test_satisfaction_with_a_touchpoint_is_a_touchpoint(rng):
    frame = pd.DataFrame(
        {
            "Nr": range(N),
            "Zufriedenheit Lieferung": ratings(rng, N, 1, 5, centre=3),
            "Zufriedenheit Website": ratings(rng, N, 1, 5, centre=4),
            "Zufriedenheit mit der Wartezeit": ratings(rng, N, 1, 5, centre=3.5),
            "Gesamtzufriedenheit": ratings(rng, N, 1, 5, centre=3.8),
        }
    )
    loaded, _ = analyze_survey(frame)
    mapping = loaded.mapping.as_dict()
    assert mapping["satisfaction"] == "Gesamtzufriedenheit"
    assert mapping["touchpoints"] == [
        "Zufriedenheit Lieferung",
        "Zufriedenheit Website",
        "Zufriedenheit mit der Wartezeit",  # satisfaction with waiting: higher is better
    ]


def test_a_finding_never_calls_the_outcome_its_own_strongest_driver():
    document = {
        "kpis": {},
        "journey": {
            "outcome": "satisfaction",
            "touchpoints": [
                {"touchpoint": "Overall", "phase": "loyalty", "mean": 70.0},
                {"touchpoint": "Website", "phase": "information", "mean": 60.0},
            ],
            "pain_points": [],
            "drivers": [
                {"touchpoint": "Overall", "importance": 1.0, "performance": 70.0},
                {"touchpoint": "satisfaction", "importance": 0.8, "performance": 70.0},
                {"touchpoint": "Website", "importance": 0.5, "performance": 60.0},
            ],
        },
    }
    drivers = [f.text for f in findings_from_document(document) if "strongest driver" in f.text]
    assert drivers and all("Website" in text and "Overall" not in text for text in drivers)


def test_words_inside_other_words_do_not_mislead(rng):
    frame = pd.DataFrame(
        {
            "Nr": range(N),
            "Statement 1": ratings(rng, N, 1, 5, centre=3.5),  # "state" is no coded fact here
            "Statement 2": ratings(rng, N, 1, 5, centre=3.8),
            "Statement 3": ratings(rng, N, 1, 5, centre=3.1),
            "Lief die Lieferung problemlos?": ratings(rng, N, 1, 5, centre=4.1),  # higher is better
        }
    )
    loaded, _ = analyze_survey(frame)
    assert loaded.mapping.as_dict()["touchpoints"] == [
        "Statement 1",
        "Statement 2",
        "Statement 3",
        "Lief die Lieferung problemlos?",
    ]
    assert loaded.validated.columns["Lief die Lieferung problemlos?"].direction == "higher_better"


def test_fieldwork_columns_and_listed_codes_are_not_touchpoints(rng):
    """Before: a duration in minutes, a weight, the wave, the interviewer, the quarter, the weekday, ranks
    and a channel question with its codes in the header ("1=online, 2=Telefon") became touchpoints."""
    frame = pd.DataFrame(
        {
            "Nr": range(N),
            "Website": ratings(rng, N, 1, 5, centre=4.0),
            "Lieferung": ratings(rng, N, 1, 5, centre=3.0),
            "Kundenservice": ratings(rng, N, 1, 5, centre=3.5),
            "Dauer (Min.)": rng.integers(1, 11, N),
            "wgt": rng.integers(1, 5, N),
            "Welle": rng.integers(1, 5, N),
            "Interviewer": rng.integers(1, 10, N),
            "Quartal": rng.integers(1, 5, N),
            "Wochentag": rng.integers(1, 8, N),
            "Rang Preis": rng.integers(1, 6, N),
            "Kanal (1=online, 2=Telefon, 3=Filiale, 4=App)": rng.integers(1, 5, N),
        }
    )
    loaded, document = analyze_survey(frame)
    assert loaded.mapping.as_dict()["touchpoints"] == ["Website", "Lieferung", "Kundenservice"]
    assert [tp["touchpoint"] for tp in document["journey"]["touchpoints"]] == [
        "Website",
        "Lieferung",
        "Kundenservice",
    ]
    channel = loaded.validated.columns["Kanal (1=online, 2=Telefon, 3=Filiale, 4=App)"]
    assert channel.kind == "coded"
    assert channel.evidence[-1].code == "value_labels"


def test_without_an_overall_item_satisfaction_with_a_touchpoint_stays_a_touchpoint(rng):
    """Before: "Zufriedenheit mit der Beratung", the first of three such items, was taken as the overall
    satisfaction (the KPI and the journey's outcome) and left the journey."""
    items = {
        f"Zufriedenheit mit der {tp}": ratings(rng, N, 1, 5, centre=c)
        for tp, c in (("Beratung", 4.2), ("Lieferung", 3.0), ("Rechnung", 3.5))
    }
    loaded, document = analyze_survey(pd.DataFrame({"Nr": range(N), **items}))
    mapping = loaded.mapping.as_dict()
    assert "satisfaction" not in mapping
    assert mapping["touchpoints"] == list(items)
    means = {tp["touchpoint"]: tp["native_mean"] for tp in document["journey"]["touchpoints"]}
    assert means == {name: round(values.mean(), 3) for name, values in items.items()}


def test_satisfaction_with_a_named_thing_is_a_touchpoint_beside_the_overall_item(rng):
    """'Zufriedenheit Preis', 'Satisfaction opening hours': satisfaction with something, so a touchpoint.
    Before: each was an outcome and none reached the journey (a German battery of four gave no journey
    at all); the overall item ('Gesamtzufriedenheit', 'Overall satisfaction') stays the outcome."""
    for items, overall in (
        (
            ["Zufriedenheit Preis", "Zufriedenheit Sortiment", "Zufriedenheit Öffnungszeiten"],
            "Gesamtzufriedenheit",
        ),
        (["Satisfaction price", "Satisfaction opening hours", "Preiszufriedenheit"], "Overall satisfaction"),
    ):
        frame = pd.DataFrame(
            {item: ratings(rng, N, 1, 5, centre=3.0 + 0.3 * i) for i, item in enumerate(items)}
        )
        frame[overall] = ratings(rng, N, 1, 5, centre=3.5)

        loaded, document = analyze_survey(frame)

        assert loaded.validated.report.mapping["satisfaction"] == overall
        means = {point["touchpoint"]: point["native_mean"] for point in document["journey"]["touchpoints"]}
        assert means == {item: round(frame[item].mean(), 3) for item in items}


def test_satisfaction_headers_that_name_nothing_else_stay_the_overall_judgement(rng):
    for header in ("Kundenzufriedenheit (1-5)", "Customer Satisfaction Score", "Zufriedenheit insgesamt"):
        frame = pd.DataFrame(
            {"Lieferung": ratings(rng, N, 1, 5, centre=3.0), header: ratings(rng, N, 1, 5, centre=3.5)}
        )

        loaded, _ = analyze_survey(frame)

        assert loaded.validated.report.mapping["satisfaction"] == header
