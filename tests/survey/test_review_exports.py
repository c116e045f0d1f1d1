"""Review and feedback exports loaded as the survey table: app store consoles (Google Play, App Store),
review sites (Trustpilot, Yelp, Amazon), hotel portals and NPS tools. Each file is built in code with the
columns and value shapes those systems write; every figure is checked against pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.survey.conftest import analyze_survey

GOOD = ["Fast delivery and friendly staff", "Great app, easy to use", "Excellent support, solved my problem"]
BAD = ["Delivery was late and damaged", "App crashes every time I open it", "Support never answered"]


def _texts(rng: np.random.Generator, stars: np.ndarray) -> list[str]:
    """One customer comment per rating, unique (a number at the end), positive for 4–5 stars."""
    return [f"{(GOOD if s >= 4 else BAD)[rng.integers(3)]} ({i})" for i, s in enumerate(stars)]


def _replies(rng: np.random.Generator, n: int, share: float) -> list[str]:
    """The company's answers to some reviews, longer than the reviews and each personalised."""
    return [
        f"Hi reviewer {i}, thank you for your feedback! We are sorry about your experience, "
        f"please write to support@example.com quoting ticket {rng.integers(10**6)}."
        if rng.random() < share
        else ""
        for i in range(n)
    ]


def _google_play(rng: np.random.Generator, n: int = 300) -> pd.DataFrame:
    stars = rng.choice([1, 2, 3, 4, 5], n, p=[0.2, 0.08, 0.1, 0.17, 0.45])
    submitted = pd.Timestamp("2024-03-01", tz="UTC") + pd.to_timedelta(rng.integers(0, 90 * 86400, n), "s")
    return pd.DataFrame(
        {
            "Package Name": "com.example.shop",
            "App Version Code": rng.choice([2041, 2043, 2050], n),
            "Reviewer Language": rng.choice(["en", "de"], n),
            "Review Submit Date and Time": submitted.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Star Rating": stars,
            "Review Title": "",
            "Review Text": _texts(rng, stars),
            "Developer Reply Text": _replies(rng, n, 0.6),
        }
    )


@pytest.mark.parametrize(
    ("reply_header", "comment_header"),
    [
        ("Developer Reply Text", "Review Text"),
        ("Reply", "Content"),
        ("Antwort des Händlers", "Bewertung"),
        ("Developer Response", "Review"),  # App Store Connect; was also taken as the response ID
    ],
)
def test_the_company_reply_is_never_the_customer_comment(rng, reply_header, comment_header):
    """Before: the replies (longer, unique) won the comment role: Google Play's voices were 180 of the
    developer's answers instead of 300 reviews; Trustpilot's likewise. Now the review text is the comment."""
    frame = _google_play(rng).rename(
        columns={"Developer Reply Text": reply_header, "Review Text": comment_header}
    )
    loaded, document = analyze_survey(frame)
    assert loaded.mapping.as_dict()["comment"] == comment_header
    assert reply_header not in str(loaded.mapping.as_dict())  # no role at all
    reply = loaded.validated.columns[reply_header]
    assert "comment" in reply.excluded_from
    assert any(e.code == "company_reply" for e in reply.evidence)
    assert document["voices"]["comments"]["count"] == int((frame[comment_header] != "").sum()) == 300


def _vote_counts(rng: np.random.Generator, n: int, mean: float) -> np.ndarray:
    """How many readers found a review useful: counts of a rare event, most reviews 0 or 1."""
    return rng.poisson(mean, n)


@pytest.mark.parametrize(
    ("votes", "stars_header", "mean"),
    [
        (("useful", "funny", "cool"), "stars", 1.2),
        (("Hilfreich",), "Sterne", 0.7),
        (("helpful_votes",), "Stars", 2.5),
    ],
)
def test_vote_counts_are_no_touchpoints(rng, votes, stars_header, mean):
    """Yelp's useful/funny/cool and a shop's 'Hilfreich' votes. Before: 'useful' (0–6) and 'cool' were
    touchpoints on 1–5 with their 0s emptied as "not applicable" (useful 1.73 of 5 on 495 answers, the
    journey's weakest touchpoint and a 'pain point'); now they are counts, the stars the only rating."""
    n = 700
    stars = rng.choice([1, 2, 3, 4, 5], n, p=[0.14, 0.08, 0.11, 0.22, 0.45])
    frame = pd.DataFrame({"review_id": [f"r{i:05d}x" for i in range(n)], stars_header: stars})
    for header in votes:
        frame[header] = _vote_counts(rng, n, mean)
    frame["text"] = _texts(rng, stars)
    loaded, document = analyze_survey(frame)
    touchpoints = [row["touchpoint"] for row in (document["journey"] or {}).get("touchpoints", [])]
    assert not set(votes) & set(touchpoints)
    for header in votes:
        meaning = loaded.validated.columns[header]
        assert meaning.kind == "coded" and "touchpoints" not in loaded.mapping.as_dict().get(header, ())
        if mean < 2:  # most reviews get no vote or one: the values alone show counts
            assert any(e.code == "count_values" for e in meaning.evidence) and meaning.missing_count == 0
            assert loaded.validated.data[header].sum() == frame[header].sum()  # no 0 emptied as a code
        else:  # more votes per review: the header word says so
            assert any(e.code == "not_a_rating_word" for e in meaning.evidence)


def test_a_rating_with_a_few_not_applicable_zeros_keeps_its_scale(rng):
    """The Kaggle airline shape: 0 = not applicable on a 0–5 item is still a non-answer code."""
    n = 1000
    wifi = np.clip(np.rint(rng.normal(3.2, 1.1, n)), 1, 5).astype(int)
    wifi[rng.random(n) < 0.04] = 0
    frame = pd.DataFrame(
        {"id": np.arange(5, 5 + n) * 7, "Inflight wifi service": wifi, "Seat comfort": wifi[::-1]}
    )
    _, document = analyze_survey(frame)
    row = next(r for r in document["journey"]["touchpoints"] if r["touchpoint"] == "Inflight wifi service")
    assert row["native_mean"] == pytest.approx(pd.Series(wifi).replace(0, np.nan).mean(), abs=1e-3)
    assert row["n"] == int((wifi > 0).sum())


@pytest.mark.parametrize(
    ("placeholders", "header"),
    [
        (["No Negative", " Nothing ", "n/a", "-", "No Positive"], "Negative_Review"),
        (["No comment", "none", "...", "N/A"], "Comment"),
        (["keine Anmerkungen", "nichts", "-", "k.A."], "Kommentar"),
    ],
)
def test_placeholders_are_no_comments(rng, placeholders, header):
    """Booking.com's "No Negative", an NPS tool's "No comment", "-" and "n/a". Before: each was a comment
    (a Delighted-like export: 271 comments, of which 26 said nothing; a German shop: 400 with 23 "-");
    now they are emptied and counted as placeholder_comment, and the voices count only real comments."""
    n = 400
    score = rng.integers(0, 11, n)
    texts = _texts(rng, np.where(score >= 9, 5, 1))
    said_nothing = rng.random(n) < 0.25
    cells = [
        placeholders[i % len(placeholders)] if empty else text
        for i, (empty, text) in enumerate(zip(said_nothing, texts, strict=True))
    ]
    frame = pd.DataFrame(
        {
            "Response ID": np.arange(1000, 1000 + n) * 3,
            "How likely are you to recommend us?": score,
            header: cells,
        }
    )
    loaded, document = analyze_survey(frame)
    assert loaded.mapping.as_dict()["comment"] == header
    rule = next(r for r in loaded.validated.report.rules if r.rule == "placeholder_comment")
    assert rule.rows == int(said_nothing.sum()) and not rule.set_aside
    voices = document["voices"]["comments"]
    assert voices["count"] == n - int(said_nothing.sum())
    assert voices["rows_without_comment"] == int(said_nothing.sum())
    assert document["kpis"]["nps"]["n"] == n  # the rows stay in the NPS


def test_review_and_nps_tool_dates_are_the_response_date(rng):
    """Google Play's 'Review Submit Date and Time' (ISO with Z), next to the developer's reply date; a
    Delighted-like 'Created at' with its UTC offset; Amazon's 'unixReviewTime'. Before: none of them was
    the response date (the survey had no dates; 'Date and Time' read 'time' as another quantity)."""
    n = 200
    submitted = pd.Timestamp("2024-03-01") + pd.to_timedelta(rng.integers(0, 90 * 86400, n), "s")
    replied = submitted + pd.Timedelta(hours=30)
    stars = rng.integers(1, 6, n)
    play = pd.DataFrame(
        {
            "Developer Reply Date and Time": replied.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Review Submit Date and Time": submitted.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Star Rating": stars,
            "Review Text": _texts(rng, stars),
        }
    )
    delighted = pd.DataFrame(
        {
            "Score": rng.integers(0, 11, n),
            "Comment": _texts(rng, stars),
            "Created at": submitted.strftime("%Y-%m-%d %H:%M:%S +0200"),
        }
    )
    unix = (submitted - pd.Timestamp("1970-01-01")) // pd.Timedelta("1s")
    amazon = pd.DataFrame(
        {"overall": stars.astype(float), "reviewText": _texts(rng, stars), "unixReviewTime": unix}
    )
    tweets = pd.DataFrame(  # a social-media export: "tweet_created" with a UTC offset
        {
            "airline_sentiment": rng.choice(["negative", "neutral", "positive"], n),
            "text": _texts(rng, stars),
            "tweet_created": submitted.strftime("%Y-%m-%d %H:%M:%S -0800"),
        }
    )
    for frame, header in (
        (play, "Review Submit Date and Time"),
        (delighted, "Created at"),
        (amazon, "unixReviewTime"),
        (tweets, "tweet_created"),
    ):
        loaded, _ = analyze_survey(frame)
        assert loaded.mapping.as_dict()["response_date"] == header
        dates = pd.Series(loaded.validated.data["response_date"].to_numpy())
        assert dates.tolist() == list(submitted)  # the local time written, the zone dropped


def _airline(rng: np.random.Generator, n: int = 1500) -> pd.DataFrame:
    """The Kaggle 'Airline Passenger Satisfaction' shape: 0–5 service ratings (0 = not applicable on
    some), delays in minutes with blanks, and the outcome written as two words."""
    latent = rng.normal(0, 1, n)
    frame = pd.DataFrame(
        {
            "id": rng.permutation(np.arange(1, 130000))[:n],
            "Customer Type": rng.choice(["Loyal Customer", "disloyal Customer"], n),
            "Flight Distance": rng.integers(31, 4983, n),
        }
    )
    services = {"Inflight wifi service": 0.03, "Ease of Online booking": 0.045, "Seat comfort": 0.0,
                "Food and drink": 0.001, "Cleanliness": 0.0}  # fmt: skip
    for name, zeros in services.items():
        weight = 1.2 if name == "Seat comfort" else 0.6
        values = np.clip(np.rint(3.2 + weight * latent + rng.normal(0, 0.9, n)), 1, 5).astype(int)
        values[rng.random(n) < zeros] = 0
        frame[name] = values
    delay = np.where(rng.random(n) < 0.55, 0, rng.exponential(30, n).astype(int)).astype(float)
    delay[rng.random(n) < 0.01] = np.nan
    frame["Arrival Delay in Minutes"] = delay
    frame["satisfaction"] = np.where(latent > 0.3, "satisfied", "neutral or dissatisfied")
    return frame


def test_satisfied_words_are_the_outcome_of_the_key_drivers(rng):
    """Before: 'satisfied' / 'neutral or dissatisfied' was an unused category ('satisfaction (original)'):
    the journey had no outcome and no key drivers. Now it is the satisfaction outcome (1 = satisfied,
    0 = neutral or dissatisfied) and each driver's importance equals pandas' correlation with it, the
    0 = not applicable answers left out; delays and distances are no touchpoints."""
    frame = _airline(rng)
    loaded, document = analyze_survey(frame)
    assert loaded.mapping.as_dict()["satisfaction"] == "satisfaction"
    meaning = loaded.validated.columns["satisfaction"]
    assert (meaning.kind, meaning.scale) == ("outcome", (0, 1))
    satisfied = (frame["satisfaction"] == "satisfied").astype(float)
    assert loaded.validated.data["satisfaction"].astype(float).tolist() == satisfied.tolist()
    journey = document["journey"]
    assert journey["outcome"] == "satisfaction"
    touchpoints = [row["touchpoint"] for row in journey["touchpoints"]]
    assert touchpoints == [  # in phase order: the booking (purchase) before the flight (loyalty)
        "Ease of Online booking",
        "Inflight wifi service",
        "Seat comfort",
        "Food and drink",
        "Cleanliness",
    ]
    drivers = {row["touchpoint"]: row["importance"] for row in journey["drivers"]}
    for name in touchpoints:
        expected = frame[name].replace(0, np.nan).corr(satisfied)
        assert drivers[name] == pytest.approx(expected, abs=1e-4)
    assert journey["drivers"][0]["touchpoint"] == "Seat comfort"


@pytest.mark.parametrize("header", ["Stars", "stars", "Sterne", "Star Rating", "overall"])
def test_the_star_rating_of_a_review_is_the_overall_judgement_and_no_nps(rng, header):
    """Trustpilot's 'Stars', Yelp's 'stars', a German shop's 'Sterne'. Before: the lone star column was
    the journey's only touchpoint (a 'curve' of one point, 'Activation phase has no touchpoint'); now it
    is the satisfaction outcome, there is no journey, and no NPS is made of 1–5 stars."""
    n = 300
    stars = rng.choice([1, 2, 3, 4, 5], n, p=[0.15, 0.05, 0.08, 0.2, 0.52])
    frame = pd.DataFrame(
        {"Reference": [f"{i:08x}a" for i in range(n)], header: stars, "Content": _texts(rng, stars)}
    )
    loaded, document = analyze_survey(frame)
    assert loaded.mapping.as_dict()["satisfaction"] == header
    assert "touchpoints" not in loaded.mapping.as_dict()
    assert document["journey"] is None and document["kpis"]["nps"] is None
    assert loaded.validated.columns["satisfaction"].scale == (1, 5)
    assert loaded.validated.data["satisfaction"].mean() == pytest.approx(stars.mean())
    assert document["voices"]["comments"]["count"] == n


def _delighted(rng: np.random.Generator, n: int = 400) -> pd.DataFrame:
    """An NPS tool's export: 'Score' 0–10, 'Comment', 'Created at' with its UTC offset, properties."""
    score = rng.choice(np.arange(11), n, p=[0.03, 0.02, 0.02, 0.03, 0.04, 0.06, 0.08, 0.12, 0.18, 0.2, 0.22])
    created = pd.Timestamp("2024-05-01") + pd.to_timedelta(rng.integers(0, 60 * 86400, n), "s")
    return pd.DataFrame(
        {
            "Response ID": rng.permutation(np.arange(10_000_000, 10_000_000 + 5 * n))[:n],
            "Email": [f"user{i}@example.com" for i in range(n)],
            "Score": score,
            "Comment": _texts(rng, np.where(score >= 9, 5, 1)),
            "Created at": created.strftime("%Y-%m-%d %H:%M:%S +0200"),
            "Segment": rng.choice(["Enterprise", "SMB", "Consumer"], n),
        }
    )


def test_a_plain_score_on_0_to_10_is_the_nps_with_a_stated_assumption(rng):
    """Delighted-like export. Before: 'Score' was the satisfaction outcome and the survey had no NPS
    ('no recommendation question'); now NPS 17.0 (pandas: promoters 175 − detractors 107 of 400 here),
    with the assumption in the JSON and the tile's help in EN and DE."""
    from cxlib.kpis import kpi_tiles

    frame = _delighted(rng)
    loaded, document = analyze_survey(frame)
    assert loaded.mapping.as_dict()["recommend"] == "Score"
    nps = document["kpis"]["nps"]
    score = frame["Score"]
    assert nps["n"] == len(frame)
    assert (nps["promoters"], nps["detractors"]) == (int((score >= 9).sum()), int((score <= 6).sum()))
    assert nps["score"] == pytest.approx(100 * ((score >= 9).mean() - (score <= 6).mean()))
    assert any(a["code"] == "nps_from_plain_score" for a in document["assumptions"])
    for lang, word in (("en", "plain header"), ("de", "schlichten Überschrift")):
        tile = next(t for t in kpi_tiles(None, loaded.validated.data, lang=lang) if t.key == "nps")
        assert word in tile.help


@pytest.mark.parametrize("case", ["with_recommend_question", "on_1_to_5"])
def test_a_plain_score_is_no_nps_next_to_a_recommend_question_or_off_0_to_10(rng, case):
    frame = _delighted(rng)
    if case == "on_1_to_5":
        frame["Score"] = rng.integers(1, 6, len(frame))
    else:
        frame["How likely are you to recommend us?"] = rng.integers(0, 11, len(frame))
    loaded, document = analyze_survey(frame)
    assert loaded.mapping.as_dict().get("recommend") != "Score"
    assert not any(a["code"] == "nps_from_plain_score" for a in document["assumptions"])
    if case == "on_1_to_5":
        assert document["kpis"]["nps"] is None


@pytest.mark.parametrize("words", [("Yes", "No"), ("Ja", "Nein")])
def test_a_yes_no_recommend_question_gives_the_share_and_no_nps(rng, words):
    """A form's "Would you recommend us to a friend?" answered Yes/No. Before: no NPS (right) but no
    figure either: the words were not read, kpis.recommend was null; now the share who would recommend
    equals pandas' (e.g. 70.3 % of 300), still without an NPS."""
    n = 300
    said_yes = rng.random(n) < 0.7
    frame = pd.DataFrame(
        {
            "Timestamp": (pd.Timestamp("2024-04-01") + pd.to_timedelta(np.arange(n) * 3600, "s")).strftime(
                "%m/%d/%Y %H:%M:%S"
            ),
            "Would you recommend us to a friend?": np.where(said_yes, *words),
            "How satisfied are you overall? (1-5)": rng.integers(1, 6, n),
        }
    )
    _, document = analyze_survey(frame)
    assert document["kpis"]["nps"] is None
    item = document["kpis"]["recommend"]
    assert (item["statistic"], item["n"]) == ("share", n)
    assert item["value"] == pytest.approx(said_yes.mean())


@pytest.mark.parametrize("with_source", [True, False])
def test_a_numeric_nps_group_column_is_never_the_nps_answer(rng, with_source):
    """Qualtrics' numeric export: 'Q1' (0–10) and 'Q1_NPS_GROUP' (1 = detractor, 2 = passive,
    3 = promoter). Before: the group codes were the recommend column (NPS −100.0, every answer a
    'detractor', where pandas gives −44.0 on this seed's 250 answers) and Q1 was a touchpoint; now Q1 is
    the NPS source and the group column is coded. Without Q1 there is no NPS rather than a wrong one."""
    n = 250
    score = rng.integers(0, 11, n)
    frame = pd.DataFrame(
        {
            "ResponseId": [f"R_{i:012x}" for i in rng.permutation(10**6)[:n]],
            "Q1": score,
            "Q1_NPS_GROUP": np.where(score >= 9, 3, np.where(score >= 7, 2, 1)),
            "Q2": [f"comment number {i} about the delivery speed" for i in range(n)],
        }
    )
    if not with_source:
        frame = frame.drop(columns="Q1")
    loaded, document = analyze_survey(frame)
    assert loaded.mapping.as_dict().get("recommend") != "Q1_NPS_GROUP"
    assert "touchpoints" not in loaded.mapping.as_dict()
    nps = document["kpis"]["nps"]
    if with_source:
        assert loaded.mapping.as_dict()["recommend"] == "Q1"
        assert nps["score"] == pytest.approx(100 * ((score >= 9).mean() - (score <= 6).mean()))
    else:
        assert nps is None


def test_an_unhappy_0_to_10_score_is_no_count(rng):
    """0 the most frequent answer and ever fewer above, as vote counts have, but every point of 0–10
    used: the NPS question of unhappy customers (NPS −86.0 here, as pandas), not counts."""
    n = 300
    weights = np.array([30, 20, 14, 10, 7, 5, 4, 3, 3, 2, 2], float)
    score = rng.choice(np.arange(11), n, p=weights / weights.sum())
    score[:11] = np.arange(11)
    frame = pd.DataFrame({"Score": score, "Comment": [f"text number {i} about things" for i in range(n)]})
    loaded, document = analyze_survey(frame)
    assert loaded.mapping.as_dict()["recommend"] == "Score"
    assert document["kpis"]["nps"]["score"] == pytest.approx(
        100 * ((score >= 9).mean() - (score <= 6).mean())
    )


def test_two_satisfaction_words_under_a_touchpoint_header_are_no_outcome(rng):
    """'Delivery' answered Satisfied/Dissatisfied stays a two-point answer (coded), while the overall
    'satisfaction' in words is the outcome."""
    n = 200
    frame = pd.DataFrame(
        {
            "Delivery": rng.choice(["Satisfied", "Dissatisfied"], n),
            "Overall satisfaction": rng.choice(["satisfied", "neutral or dissatisfied"], n),
            "Checkout": rng.integers(1, 6, n),
            "Website": rng.integers(1, 6, n),
        }
    )
    loaded, _ = analyze_survey(frame)
    assert loaded.mapping.as_dict()["satisfaction"] == "Overall satisfaction"
    assert loaded.validated.columns["Delivery"].kind == "coded"
    expected = (frame["Overall satisfaction"] == "satisfied").mean()
    assert loaded.validated.data["satisfaction"].astype(float).mean() == pytest.approx(expected)


def test_booking_style_positive_and_negative_reviews(rng):
    """Booking.com's hotel reviews: Positive_Review / Negative_Review filled with "No Positive" /
    "No Negative" / "Nothing" when the guest wrote nothing, Reviewer_Score on 2.5–10, Review_Date m/d/yyyy.
    Before: the placeholders were comments and made Negative_Review look repetitive (not free text); now
    the column most guests wrote in is the comment, its placeholders are counted, the other text column
    is named in a note, and no NPS is made of the 2.5–10 score."""
    n = 600
    negative = [
        "No Negative"
        if rng.random() < 0.45
        else ("Nothing" if rng.random() < 0.3 else f" Room {i} was noisy ")
        for i in range(n)
    ]
    positive = [
        "No Positive" if rng.random() < 0.07 else f" Great location, friendly staff {i} " for i in range(n)
    ]
    dates = pd.Timestamp("2016-01-01") + pd.to_timedelta(rng.integers(0, 700, n), "D")
    frame = pd.DataFrame(
        {
            "Hotel_Name": rng.choice(["Hotel Arena", "Hotel Louvre"], n),
            "Review_Date": [f"{d.month}/{d.day}/{d.year}" for d in dates],
            "Negative_Review": negative,
            "Review_Total_Negative_Word_Counts": [len(x.split()) for x in negative],
            "Positive_Review": positive,
            "Reviewer_Score": np.clip(np.round(rng.normal(8.4, 1.5, n), 1), 2.5, 10),
        }
    )
    loaded, document = analyze_survey(frame)
    mapping = loaded.mapping.as_dict()
    assert mapping["comment"] == "Positive_Review"
    written = sum(x != "No Positive" for x in positive)
    rule = next(r for r in loaded.validated.report.rules if r.rule == "placeholder_comment")
    assert rule.rows == n - written
    assert document["voices"]["comments"]["count"] == written
    assert any("Negative_Review" in note for note in loaded.validated.report.note_texts("en"))
    assert any("Negative_Review" in note for note in loaded.validated.report.note_texts("de"))
    assert document["kpis"]["nps"] is None and "touchpoints" not in mapping
    assert pd.Series(loaded.validated.data["response_date"]).min() == dates.min()
