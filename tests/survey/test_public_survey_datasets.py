"""Well-known public survey and feedback datasets, written as published (Kaggle's e-commerce customer
service CSAT, a restaurant's Likert statements with an NPS item, IBM's HR attrition set uploaded by
mistake). Each file is built in code with its real headers and codes; figures are checked against pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.kpis import kpi_tiles
from tests.survey.conftest import analyze_survey, load_survey

LIKERT = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]


def _csat_export(rng: np.random.Generator, n: int = 600) -> pd.DataFrame:
    """Kaggle's 'eCommerce Customer Service Satisfaction' (Flipkart-like): agent, supervisor and manager
    names, a mostly empty 'Customer_City' and 'Customer Remarks', 'CSAT Score' 1–5."""
    csat = rng.choice([1, 2, 3, 4, 5], n, p=[0.13, 0.02, 0.03, 0.13, 0.69])
    subjects = ["my order", "the refund", "the replacement", "customer care", "the app"]
    verbs = ["was very quick", "took too long", "solved my problem", "was not helpful", "never called back"]
    short = ["Good", "Very bad"]
    remarks = [
        (f"{rng.choice(subjects)} {rng.choice(verbs)}" if rng.random() < 0.6 else rng.choice(short))
        if rng.random() < 0.35
        else None
        for _ in range(n)
    ]
    reported = pd.Timestamp("2023-08-01") + pd.to_timedelta(rng.integers(0, 40000, n), "min")
    return pd.DataFrame(
        {
            "Unique id": [f"{rng.integers(16**8):08x}-{rng.integers(16**4):04x}" for _ in range(n)],
            "channel_name": rng.choice(["Outcall", "Inbound", "Email"], n),
            "category": rng.choice(["Returns", "Order Related", "Refund Related"], n),
            "Customer Remarks": remarks,
            "Issue_reported at": reported.strftime("%d/%m/%Y %H:%M"),
            "Survey_response_Date": reported.strftime("%d-%b-%y"),
            "Customer_City": np.where(rng.random(n) < 0.2, rng.choice(["NAGPUR", "DELHI"], n), None),
            "Item_price": np.where(rng.random(n) < 0.2, rng.integers(99, 80000, n), np.nan),
            "connected_handling_time": np.where(rng.random(n) < 0.05, rng.integers(0, 1000, n), np.nan),
            "Agent_name": rng.choice(["Richard Buchanan", "Vicki Collins", "Duane Norman"], n),
            "Supervisor": rng.choice(["Mason Gupta", "Dylan Kim"], n),
            "Manager": rng.choice(["Jennifer Nguyen", "Michael Lee"], n),
            "Tenure Bucket": rng.choice(["On Job Training", ">90", "0-30"], n),
            "Agent Shift": rng.choice(["Morning", "Evening"], n),
            "CSAT Score": csat,
        }
    )


def test_a_customers_city_is_never_the_customer_id(rng):
    """Before: 'Customer_City' was a fuzzy match for 'customer id' (0.75), so the answers were 'linked to
    customers' by their city (Kunden-Ort alike). Now the CSAT export has no customer ID (row numbers are
    said), the remarks are the comment and the CSAT mean is pandas'."""
    frame = _csat_export(rng)
    loaded, doc = analyze_survey(frame)
    roles = loaded.mapping.as_dict()
    assert roles.get("customer_id") is None
    assert roles["comment"] == "Customer Remarks"
    assert roles["satisfaction"] == "CSAT Score"
    satisfaction = doc["kpis"]["satisfaction"]
    assert satisfaction["value"] == frame["CSAT Score"].mean() and satisfaction["n"] == len(frame)
    assert doc["journey"] is None or not doc["journey"]["touchpoints"]  # prices and times are no ratings
    assert doc["kpis"]["nps"] is None  # never from a 1–5 CSAT


def test_a_statement_of_a_likert_battery_without_a_touchpoint_word_stays_a_touchpoint(rng):
    """Five agree/disagree statements ('The …'), a 1–5 overall item and a 0–10 recommend item. Before:
    'The restaurant was clean' (no touchpoint word in it) was left out of the journey as 'a single coded
    question outside the rating batteries', though it is one of the battery's five statements."""
    n = 400
    base = rng.normal(0, 1, n)
    statements = [
        "The reservation process was easy",
        "The food was served hot",
        "The staff were friendly",
        "The restaurant was clean",
        "The bill was correct",
    ]
    frame = pd.DataFrame({"Timestamp": "3/1/2024 12:00:00", "Age": rng.integers(18, 80, n)})
    for statement in statements:
        points = np.clip(np.rint(2 + base + rng.normal(0, 0.8, n)), 0, 4).astype(int)
        frame[statement] = [LIKERT[p] for p in points]
    frame["Overall, how satisfied were you with your visit?"] = np.clip(np.rint(3 + base), 1, 5).astype(int)
    recommend = np.clip(np.rint(7 + 2 * base), 0, 10).astype(int)
    frame["How likely are you to recommend us to a friend or colleague?"] = recommend
    frame["Wait time (minutes)"] = rng.integers(0, 60, n)
    _, doc = analyze_survey(frame)
    means = {t["touchpoint"]: t["native_mean"] for t in doc["journey"]["touchpoints"]}
    points = {word: i + 1 for i, word in enumerate(LIKERT)}
    expected = {s: round(frame[s].map(points).mean(), 3) for s in statements}
    assert means == expected
    nps = 100 * ((recommend >= 9).mean() - (recommend <= 6).mean())
    assert abs(doc["kpis"]["nps"]["score"] - nps) < 1e-9


def _ibm_hr(rng: np.random.Generator, n: int = 500) -> pd.DataFrame:
    """IBM's 'HR Employee Attrition' set (WA_Fn-UseC_-HR-Employee-Attrition.csv), a selection of columns."""
    return pd.DataFrame(
        {
            "Age": rng.integers(18, 61, n),
            "Attrition": rng.choice(["Yes", "No"], n, p=[0.16, 0.84]),
            "Department": rng.choice(["Sales", "Research & Development", "Human Resources"], n),
            "EmployeeCount": 1,
            "EmployeeNumber": np.arange(1, n + 1) * 2 - 1,
            "EnvironmentSatisfaction": rng.integers(1, 5, n),
            "JobInvolvement": rng.integers(1, 5, n),
            "JobLevel": rng.integers(1, 6, n),
            "JobSatisfaction": rng.integers(1, 5, n),
            "MonthlyIncome": rng.integers(1009, 19999, n),
            "OverTime": rng.choice(["Yes", "No"], n),
            "RelationshipSatisfaction": rng.integers(1, 5, n),
            "WorkLifeBalance": rng.integers(1, 5, n),
            "YearsSinceLastPromotion": rng.integers(0, 16, n),
        }
    )


def _hr_analytics(rng: np.random.Generator, n: int = 500) -> pd.DataFrame:
    """Kaggle's 'HR Analytics' set (HR_comma_sep.csv): satisfaction_level 0–1, no ID."""
    return pd.DataFrame(
        {
            "satisfaction_level": np.round(rng.uniform(0.09, 1.0, n), 2),
            "last_evaluation": np.round(rng.uniform(0.36, 1.0, n), 2),
            "number_project": rng.integers(2, 8, n),
            "average_montly_hours": rng.integers(96, 311, n),
            "time_spend_company": rng.integers(2, 11, n),
            "Work_accident": rng.choice([0, 1], n, p=[0.86, 0.14]),
            "left": rng.choice([0, 1], n, p=[0.76, 0.24]),
            "promotion_last_5years": rng.choice([0, 1], n, p=[0.98, 0.02]),
            "Department": rng.choice(["sales", "technical", "support", "IT"], n),
            "salary": rng.choice(["low", "medium", "high"], n),
        }
    )


def test_an_employee_file_uploaded_as_the_survey_gives_no_customer_figures(rng):
    """Before: IBM's HR file gave a customer journey of five 'touchpoints' (EnvironmentSatisfaction,
    JobInvolvement, JobLevel, JobSatisfaction, RelationshipSatisfaction; a job grade among them) with a
    pain point; now no touchpoints, no satisfaction, no NPS, and a note says the file is a staff file."""
    for frame in (_ibm_hr(rng), _hr_analytics(rng)):
        loaded, doc = analyze_survey(frame)
        roles = loaded.mapping.as_dict()
        assert not roles.get("touchpoints") and roles.get("satisfaction") is None
        assert doc["kpis"]["satisfaction"] is None and doc["kpis"]["nps"] is None
        notes = [getattr(m, "key", "") for m in loaded.validated.report.notes]
        assert "survey.note.employee_survey" in notes
    # a customer's occupation and income beside a customer ID make no staff file: ratings stay touchpoints
    n = 300
    frame = pd.DataFrame(
        {
            "CustomerId": np.arange(15600000, 15600000 + n),
            "Job": rng.choice(["admin.", "technician", "services"], n),
            "EstimatedSalary": np.round(rng.uniform(1000, 200000, n), 2),
            "Promotion emails": rng.integers(1, 6, n),
            "Branch staff": rng.integers(1, 6, n),
            "Online banking": rng.integers(1, 6, n),
        }
    )
    loaded, _ = analyze_survey(frame)
    assert loaded.mapping.as_dict()["touchpoints"] == ["Promotion emails", "Branch staff", "Online banking"]
    assert "survey.note.employee_survey" not in [getattr(m, "key", "") for m in loaded.validated.report.notes]
    # nor do a B2B respondent's job title and the customer company's number of employees
    b2b = frame.drop(columns=["CustomerId", "Job", "EstimatedSalary"]).assign(
        Company=[f"Firma {i}" for i in range(n)],
        **{"Job title": rng.choice(["CEO", "Buyer"], n), "Number of employees": rng.integers(5, 5000, n)},
    )
    loaded, _ = analyze_survey(b2b)
    assert loaded.mapping.as_dict()["touchpoints"] == ["Promotion emails", "Branch staff", "Online banking"]


def test_a_how_likely_question_on_1_to_5_is_no_touchpoint(rng):
    """Kaggle's Starbucks customer survey: 1–5 items 'How would you rate …' beside 'How important are sales
    and promotions …' and 'How likely you will choose Starbucks for doing business meetings …'. Before: the
    likelihood was a sixth touchpoint (an intention, not a satisfaction); now, like the importance item, it
    is ordered points left out of the journey and named in the note."""
    n = 122
    base = rng.normal(0, 1, n)
    items = {
        "13. How would you rate the price range at Starbucks?": -0.3,
        "14. How important are sales and promotions in your purchase decision?": 0.8,
        "15. How would you rate the ambiance at Starbucks? (lighting, music, etc...)": 0.4,
        "16. You rate the WiFi quality at Starbucks as..": 0.0,
        "17. How would you rate the service at Starbucks? (Promptness, friendliness, etc..)": 0.3,
        "18. How likely you will choose Starbucks for doing business meetings or hangout with friends?": 0.0,
        "Wie wahrscheinlich ist es, dass Sie wieder bei uns kaufen?": 0.2,
    }
    frame = pd.DataFrame({"Timestamp": "2019/10/01 12:38:43 PM GMT+8", "Gender": rng.choice(["M", "F"], n)})
    for header, shift in items.items():
        frame[header] = np.clip(np.rint(3 + shift + base + rng.normal(0, 0.8, n)), 1, 5).astype(int)
    loaded, doc = analyze_survey(frame)
    rated = [h for h in items if "rate" in h]
    means = {t["touchpoint"]: t["native_mean"] for t in doc["journey"]["touchpoints"]}
    assert means == {h: round(frame[h].mean(), 3) for h in rated}
    for header in items:
        if header not in rated:
            assert loaded.validated.columns[header].kind == "ordinal"
    assert doc["kpis"]["nps"] is None  # a 1–5 likelihood to come again is no NPS


def test_a_birth_date_is_never_the_response_date(rng):
    """A guest survey with 'Date of Birth' (1950–2004) and no answer date. Before: the birth dates were the
    response dates ('date' inside the header), so the NPS was compared month by month in 2003–2004 on
    three answers each; now the survey has no response date and no comparison, and the NPS is pandas'."""
    n = 300
    born = pd.Timestamp("1950-01-01") + pd.to_timedelta(rng.integers(0, 20000, n), "D")
    recommend = rng.integers(0, 11, n)
    for header in ("Date of Birth", "Geburtsdatum"):
        frame = pd.DataFrame(
            {
                "Respondent": range(1, n + 1),
                header: born.strftime("%Y-%m-%d"),
                "How likely are you to recommend us to a friend?": recommend,
                "Staff": rng.integers(1, 6, n),
                "Cleanliness": rng.integers(1, 6, n),
            }
        )
        loaded, doc = analyze_survey(frame)
        assert loaded.mapping.as_dict().get("response_date") is None
        assert doc["kpis"]["comparisons"]["nps"] is None
        nps = 100 * ((recommend >= 9).mean() - (recommend <= 6).mean())
        assert doc["kpis"]["nps"]["score"] == pytest.approx(nps) and doc["kpis"]["nps"]["n"] == n


def test_a_reviewers_user_id_links_the_reviews_beside_a_row_counter(rng):
    """Kaggle's Amazon Fine Food Reviews: 'Id' counts the rows, 'UserId' names the reviewer (several
    reviews each). Before: 'Id' won the customer ID (first column), was then read as the response
    counter, and 'UserId' was left a category: no review linked to anyone; 'HelpfulnessDenominator' (votes
    cast, here 3–5) was a touchpoint beside 'Score', so the score was no satisfaction. Now 'UserId' is the
    customer ID: 180 reviewers as pandas counts them, 'Id' the response ID, the vote counts no rating and
    the mean score pandas'."""
    n = 600
    users = [f"A{rng.integers(10**9, 10**10)}" for _ in range(180)]
    score = rng.choice([1, 2, 3, 4, 5], n, p=[0.09, 0.05, 0.08, 0.14, 0.64])
    frame = pd.DataFrame(
        {
            "Id": np.arange(1, n + 1),
            "ProductId": [f"B00{rng.integers(10**6):06d}" for _ in range(n)],
            "UserId": rng.choice(users, n),
            "ProfileName": rng.choice(["delmartian", "dll pa", "Natalia Corres", "Karl"], n),
            "HelpfulnessNumerator": rng.integers(0, 3, n),
            "HelpfulnessDenominator": rng.integers(3, 6, n),
            "Score": score,
            "Time": rng.integers(1_200_000_000, 1_350_000_000, n),
            "Summary": rng.choice(["Good Quality Dog Food", "Not as Advertised"], n),
            "Text": [f"I have bought several of these and found them {'good' if s >= 4 else 'bad'} ({i})"
                     for i, s in enumerate(score)],
        }
    )  # fmt: skip
    loaded, doc = analyze_survey(frame)
    roles = loaded.validated.report.mapping
    assert (roles.get("customer_id"), roles.get("response_id")) == ("UserId", "Id")
    assert loaded.validated.data["customer_id"].nunique() == frame["UserId"].nunique()
    assert doc["kpis"]["satisfaction"]["value"] == pytest.approx(score.mean())
    assert doc["journey"] is None or not doc["journey"]["touchpoints"]


def test_answers_dated_by_the_purchase_say_so(rng):
    """Kaggle's customer support tickets: the only date is 'Date of Purchase' (2020–2021, the tickets are
    from 2023); 'Customer Satisfaction Rating' 1–5 is blank for open tickets. Before: the purchase dates
    were the response dates without a word; now the JSON assumptions say the answers are dated by the
    purchase ('Datum der Bestellung' alike), the CSAT is pandas' mean of the closed tickets, no NPS."""
    n = 500
    status = rng.choice(["Pending Customer Response", "Open", "Closed"], n)
    rating = np.where(status == "Closed", rng.integers(1, 6, n), np.nan)
    purchased = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 730, n), "D")
    for header in ("Date of Purchase", "Datum der Bestellung"):
        frame = pd.DataFrame(
            {
                "Ticket ID": np.arange(1, n + 1),
                "Customer Name": [f"Name {i}" for i in range(n)],
                "Customer Email": [f"user{i}@example.org" for i in range(n)],
                "Customer Age": rng.integers(18, 71, n),
                header: purchased.strftime("%Y-%m-%d"),
                "Ticket Type": rng.choice(["Technical issue", "Billing inquiry", "Refund request"], n),
                "Ticket Status": status,
                "Ticket Priority": rng.choice(["Critical", "Low", "High"], n),
                "Ticket Channel": rng.choice(["Chat", "Email", "Phone"], n),
                "Customer Satisfaction Rating": rating,
            }
        )
        _, doc = analyze_survey(frame)
        codes = [(a["code"], a["params"].get("header")) for a in doc["assumptions"]]
        assert ("response_date_of_purchase", header) in codes
        satisfaction = doc["kpis"]["satisfaction"]
        assert satisfaction["value"] == pytest.approx(np.nanmean(rating))
        assert satisfaction["n"] == int((status == "Closed").sum())
        assert doc["kpis"]["nps"] is None


def test_the_nps_over_a_period_says_its_answers_are_dated_by_the_order(rng):
    """A post-purchase NPS survey whose only date is 'Order Date': the NPS tile compares periods by that
    date, so its help says the answers are dated by the order (EN/DE). Before: not a word."""
    n = 400
    ordered = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 365, n), "D")
    frame = pd.DataFrame(
        {
            "Order ID": [f"#{1000 + i}" for i in range(n)],
            "Order Date": ordered.strftime("%Y-%m-%d"),
            "How likely are you to recommend us to a friend?": rng.integers(0, 11, n),
        }
    )
    loaded = load_survey(frame)
    for lang, words in (("en", "the date of the purchase or order"), ("de", "Datum des Kaufs")):
        tile = next(t for t in kpi_tiles(None, loaded.validated.data, lang=lang) if t.key == "nps")
        assert "Order Date" in tile.help and words in tile.help


AIRLINE_ITEMS = [
    "Inflight wifi service", "Departure/Arrival time convenient", "Ease of Online booking", "Gate location",
    "Food and drink", "Online boarding", "Seat comfort", "Inflight entertainment", "On-board service",
    "Leg room service", "Baggage handling", "Checkin service", "Inflight service", "Cleanliness",
]  # fmt: skip


def test_the_airline_surveys_touchpoints_run_through_the_phases_in_order(rng):
    """Kaggle's Airline Passenger Satisfaction (train.csv: unnamed index, 'id', 14 items 0–5 with 0 = not
    applicable, delays in minutes, 'satisfaction' in words). The file asks about the in-flight wifi before
    the online booking and the check-in after the baggage. Before: the journey kept that order, so the
    map jumped loyalty → purchase → loyalty → purchase; now the touchpoints run through the phases in
    order (each phase in the file's order), their means without the 0s are pandas', delays, ages and
    distances are no touchpoints, and the drivers are measured against the share satisfied."""
    n = 1200
    base = rng.normal(0, 1, n)
    frame = pd.DataFrame(
        {
            "id": rng.choice(np.arange(1, 130_000), n, replace=False),
            "Gender": rng.choice(["Male", "Female"], n),
            "Customer Type": rng.choice(["Loyal Customer", "disloyal Customer"], n, p=[0.8, 0.2]),
            "Age": rng.integers(7, 86, n),
            "Type of Travel": rng.choice(["Personal Travel", "Business travel"], n),
            "Class": rng.choice(["Eco Plus", "Business", "Eco"], n),
            "Flight Distance": rng.integers(31, 4984, n),
        }
    )
    for item in AIRLINE_ITEMS:
        points = np.clip(np.rint(3 + base + rng.normal(0, 1, n)), 1, 5).astype(int)
        points[rng.random(n) < 0.04] = 0
        frame[item] = points
    frame["Departure Delay in Minutes"] = rng.choice([0, 0, 0, 2, 5, 12, 25, 60, 180], n)
    arrival = (frame["Departure Delay in Minutes"] + rng.integers(-5, 10, n)).clip(lower=0).astype(float)
    frame["Arrival Delay in Minutes"] = arrival.where(rng.random(n) > 0.01)
    satisfied = base + rng.normal(0, 0.5, n) > 0.3
    frame["satisfaction"] = np.where(satisfied, "satisfied", "neutral or dissatisfied")
    frame = frame.reset_index(names="")  # the unnamed index column pandas wrote
    _, doc = analyze_survey(frame)
    touchpoints = doc["journey"]["touchpoints"]
    order = [t["touchpoint"] for t in touchpoints]
    phases = [t["phase"] for t in touchpoints]
    assert sorted(order) == sorted(AIRLINE_ITEMS)
    assert phases == sorted(phases, key=["activation", "information", "purchase", "loyalty"].index)
    assert order.index("Ease of Online booking") < order.index("Inflight wifi service")
    assert order.index("Checkin service") < order.index("Baggage handling")
    assert {t["touchpoint"]: t["native_mean"] for t in touchpoints} == {
        item: round(frame.loc[frame[item] > 0, item].mean(), 3) for item in AIRLINE_ITEMS
    }
    assert doc["kpis"]["satisfaction"]["value"] == pytest.approx(satisfied.mean())
    assert doc["kpis"]["nps"] is None and doc["journey"]["outcome"] == "satisfaction"


def test_agreeing_with_a_bad_statement_is_the_worse_answer(rng):
    """A restaurant survey of agree/disagree statements, some of them saying something bad ('The staff
    were rude', 'The prices were too high', 'Das Personal war unfreundlich'). Before: they were touchpoints
    read higher = better, so the rudest staff scored best (about 4 of 5 for 'rude' where most
    agreed); now they are read higher = worse and left out of the journey with the note, like a waiting
    time, and the good statements keep their pandas means."""
    n = 300
    points = {word: i + 1 for i, word in enumerate(LIKERT)}
    good = ["The food was tasty", "The table was ready on time", "The bill was correct"]
    bad = ["The staff were rude", "The prices were too high", "Das Personal war unfreundlich"]
    frame = pd.DataFrame({"Respondent": range(1, n + 1)})
    for header in good:
        frame[header] = [LIKERT[i] for i in rng.choice(5, n, p=[0.05, 0.1, 0.15, 0.4, 0.3])]
    for header in bad:
        frame[header] = [LIKERT[i] for i in rng.choice(5, n, p=[0.05, 0.05, 0.1, 0.4, 0.4])]
    loaded, doc = analyze_survey(frame)
    means = {t["touchpoint"]: t["native_mean"] for t in doc["journey"]["touchpoints"]}
    assert means == {header: round(frame[header].map(points).mean(), 3) for header in good}
    for header in bad:
        meaning = loaded.validated.columns[header]
        assert meaning.direction == "higher_worse" and "touchpoints" in meaning.excluded_from
    keys = [getattr(m, "key", "") for m in loaded.validated.report.notes]
    assert "survey.note.higher_worse" in keys


def test_a_satisfaction_flag_is_the_outcome_and_a_group_size_no_touchpoint(rng):
    """Kaggle's 'Restaurant Customer Satisfaction' set: ServiceRating/FoodRating/AmbianceRating 1–5,
    GroupSize 1–10 (people at the table), WaitTime in minutes, HighSatisfaction 0/1. Before: GroupSize was
    a touchpoint on 1–10 ('5.6'), HighSatisfaction an unused flag, so no satisfaction and no drivers; now
    the share highly satisfied is the satisfaction (pandas' mean) and the drivers' importances are pandas'
    correlations with it. A 'LowSatisfaction' 0/1 flag is never read as the share satisfied."""
    n = 1500
    base = rng.normal(0, 1, n)
    frame = pd.DataFrame(
        {
            "CustomerID": np.arange(654, 654 + n),
            "Age": rng.integers(18, 70, n),
            "Income": rng.integers(20_012, 149_875, n),
            "VisitFrequency": rng.choice(["Weekly", "Rarely", "Monthly", "Daily"], n),
            "AverageSpend": np.round(rng.uniform(10, 200, n), 6),
            "GroupSize": rng.integers(1, 11, n),
            "OnlineReservation": rng.integers(0, 2, n),
            "LoyaltyProgramMember": rng.integers(0, 2, n),
            "WaitTime": np.round(rng.uniform(0, 60, n), 6),
        }
    )
    ratings = ["ServiceRating", "FoodRating", "AmbianceRating"]
    for header in ratings:
        frame[header] = np.clip(np.rint(3 + base + rng.normal(0, 1.2, n)), 1, 5).astype(int)
    frame["HighSatisfaction"] = (base + rng.normal(0, 0.5, n) > 0.8).astype(int)
    _, doc = analyze_survey(frame)
    assert [t["touchpoint"] for t in doc["journey"]["touchpoints"]] == ratings
    satisfaction = doc["kpis"]["satisfaction"]
    assert (satisfaction["statistic"], satisfaction["scale"]) == ("share", [0, 1])
    assert satisfaction["value"] == pytest.approx(frame["HighSatisfaction"].mean())
    drivers = {d["touchpoint"]: d["importance"] for d in doc["journey"]["drivers"]}
    for header in ratings:
        assert drivers[header] == pytest.approx(frame[header].corr(frame["HighSatisfaction"]), abs=1e-4)
    low = frame.rename(columns={"HighSatisfaction": "LowSatisfaction"})
    loaded, doc = analyze_survey(low)
    assert loaded.validated.columns["LowSatisfaction"].kind == "flag" and doc["kpis"]["satisfaction"] is None
