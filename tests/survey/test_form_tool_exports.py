"""Response sheets of form tools (Google Forms, Typeform, Jotform) as they download them.

Each test builds the export the way the tool writes it and checks the app's figure against pandas.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.survey.conftest import analyze_survey, ratings

N = 150


def _nps(values) -> float:
    values = pd.Series(values, dtype=float).dropna()
    return 100 * ((values >= 9).sum() - (values <= 6).sum()) / len(values)


def _google_grid(rng: np.random.Generator, question: str, rows: list[str]) -> dict[str, np.ndarray]:
    """A multiple-choice grid as Google Forms exports it: one column per grid row, "Question [Row]"."""
    return {f"{question} [{row}]": ratings(rng, N, 1, 5, centre=3.5) for row in rows}


@pytest.mark.parametrize(
    ("question", "rows", "phases"),
    [
        (
            "How satisfied were you with the following parts of your purchase?",
            ["Website", "Checkout", "Delivery"],
            ["information", "purchase", "loyalty"],
        ),
        (
            "Wie zufrieden waren Sie mit unserem Kundenservice in folgenden Bereichen?",
            ["Webseite", "Bezahlung", "Lieferung"],
            ["information", "purchase", "loyalty"],
        ),
        (
            "Rate your shopping experience: ",
            ["Website", "Checkout", "Returns"],
            ["information", "purchase", "loyalty"],
        ),
    ],
)
def test_a_grid_rows_phase_comes_from_the_row_not_the_question(rng, question, rows, phases):
    """Before: the phase was guessed from the whole header, so the question's words ("purchase",
    "Kundenservice", "experience") put every row of the grid into one phase: [Website] was in the
    purchase phase, [Webseite] in loyalty."""
    if question.endswith(": "):
        grid = {f"{question}{row}": ratings(rng, N, 1, 5, centre=3.5) for row in rows}
    else:
        grid = _google_grid(rng, question, rows)
    frame = pd.DataFrame({"How likely are you to recommend us?": ratings(rng, N, 0, 10, centre=7), **grid})
    _, document = analyze_survey(frame)
    found = {tp["touchpoint"]: tp["phase"] for tp in document["journey"]["touchpoints"]}
    assert found == dict(zip(grid, phases, strict=True))
    means = {tp["touchpoint"]: tp["native_mean"] for tp in document["journey"]["touchpoints"]}
    assert means == pytest.approx({column: round(values.mean(), 3) for column, values in grid.items()})


def _typeform(rng: np.random.Generator) -> pd.DataFrame:
    """Typeform's CSV: the response token under "#", the questions, Start/Submit Date (UTC), Network ID."""
    start = pd.date_range("2024-03-01 08:00", periods=N, freq="7h")
    submit = start + pd.to_timedelta(rng.integers(60, 900, N), unit="s")
    return pd.DataFrame(
        {
            "#": ["".join(rng.choice(list("abcdefghijklmnopqrstuvwxyz0123456789"), 32)) for _ in range(N)],
            "How likely are you to recommend Acme to a friend?": ratings(rng, N, 0, 10, centre=7.5),
            "How would you rate our delivery?": ratings(rng, N, 1, 5, centre=3.2),
            "Start Date (UTC)": start.strftime("%Y-%m-%d %H:%M:%S"),
            "Submit Date (UTC)": submit.strftime("%Y-%m-%d %H:%M:%S"),
            "Network ID": ["".join(rng.choice(list("0123456789abcdef"), 10)) for _ in range(N)],
        }
    )


def _jotform(rng: np.random.Generator, *, german: bool = False) -> pd.DataFrame:
    """Jotform's CSV: "Submission Date" first, the questions, "Submission ID" (a 19-digit number) last."""
    dates = pd.date_range("2024-03-01 08:00", periods=N, freq="7h")
    ids = [str(5844123456789000000 + 7 * i) for i in range(N)]
    return pd.DataFrame(
        {
            "Einsendedatum" if german else "Submission Date": dates.strftime("%Y-%m-%d %H:%M:%S"),
            "How likely are you to recommend us?": ratings(rng, N, 0, 10, centre=7.0),
            "Please rate the following: Delivery": ratings(rng, N, 1, 5, centre=3.4),
            "Einsendungs-ID" if german else "Submission ID": ids,
        }
    )


def test_typeform_and_jotform_name_their_response_ids_and_dates(rng):
    """Before: Typeform's "#" token and Jotform's "Submission ID" were left unmapped, so the rows were
    numbered 2, 3, 4 … as response IDs (said in a note) and Jotform's ID was read as a number."""
    typeform = _typeform(rng)
    loaded, document = analyze_survey(typeform)
    mapping = loaded.validated.report.mapping
    assert mapping["response_id"] == "#" and mapping["response_date"] == "Submit Date (UTC)"
    assert loaded.validated.data["response_id"].tolist() == typeform["#"].tolist()
    column = "How likely are you to recommend Acme to a friend?"
    assert document["kpis"]["nps"]["score"] == pytest.approx(_nps(typeform[column]))
    for german in (False, True):
        jotform = _jotform(rng, german=german)
        loaded, _ = analyze_survey(jotform)
        mapping = loaded.validated.report.mapping
        first, last = jotform.columns[0], jotform.columns[-1]
        assert mapping["response_id"] == last and mapping["response_date"] == first
        assert loaded.validated.data["response_id"].tolist() == jotform[last].tolist()


def test_a_german_google_forms_zeitstempel_is_the_response_date(rng):
    """Before: "Zeitstempel" (the German Google Forms timestamp, "05.03.2024 22:12:33") was no date
    role, so the survey had no response date and no NPS over time."""
    stamps = pd.date_range("2024-03-01 08:00", periods=N, freq="5h")
    frame = pd.DataFrame(
        {
            "Zeitstempel": stamps.strftime("%d.%m.%Y %H:%M:%S"),
            "E-Mail-Adresse": [f"kunde{i}@beispiel.de" for i in range(N)],
            "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?": ratings(rng, N, 0, 10, centre=7),
            **_google_grid(rng, "Wie zufrieden waren Sie mit folgenden Punkten?", ["Beratung", "Lieferung"]),
        }
    )
    loaded, _ = analyze_survey(frame)
    assert loaded.validated.report.mapping["response_date"] == "Zeitstempel"
    assert loaded.validated.data["response_date"].tolist() == list(stamps)  # day first, not 3 May


@pytest.mark.parametrize(
    "csat",
    [
        "Wie zufrieden sind Sie mit unserem Unternehmen?",
        "How satisfied are you with our company?",
        "Wie zufrieden sind Sie mit uns als Anbieter?",
        "How satisfied are you with our brand today?",
    ],
)
def test_satisfaction_with_the_company_is_the_overall_judgement(rng, csat):
    """Before: a CSAT question about the company as a whole ("… mit unserem Unternehmen?") was read as
    the satisfaction with a touchpoint called "Unternehmen", drawn on the journey beside the grid rows;
    now it is the survey's overall satisfaction (an outcome, never a touchpoint)."""
    grid = _google_grid(rng, "How satisfied were you with the following?", ["Website", "Delivery"])
    frame = pd.DataFrame(
        {
            "How likely are you to recommend us?": ratings(rng, N, 0, 10, centre=7),
            **grid,
            csat: ratings(rng, N, 1, 5, centre=4),
        }
    )
    loaded, document = analyze_survey(frame)
    assert loaded.validated.report.mapping["satisfaction"] == csat
    assert [tp["touchpoint"] for tp in document["journey"]["touchpoints"]] == list(grid)
    assert loaded.validated.data["satisfaction"].mean() == pytest.approx(frame[csat].mean())


@pytest.mark.parametrize(
    ("satisfaction", "other", "rows"),
    [
        (
            "How satisfied were you with the following?",
            "How important are the following to you?",
            ["Website", "Checkout", "Delivery"],
        ),
        (
            "Wie zufrieden waren Sie mit folgenden Punkten?",
            "Wie wichtig sind Ihnen folgende Punkte?",
            ["Webseite", "Kasse", "Lieferung"],
        ),
        ("Satisfaction", "Importance", ["Website", "Checkout", "Delivery"]),
        ("Zufriedenheit", "Wichtigkeit", ["Beratung", "Lieferung", "Rechnung"]),
        (
            "How satisfied were you with the following?",
            "How often do you use the following?",
            ["Website", "App", "Hotline"],
        ),
    ],
)
def test_an_importance_or_frequency_grid_is_no_satisfaction(rng, satisfaction, other, rows):
    """Before: an importance grid beside the satisfaction grid (importance–performance surveys) was read
    as three more touchpoints, so the journey had every row twice and its average, lowest touchpoint and
    drops mixed importance with satisfaction. Now the importance (or frequency) items are ordered points
    left out of the journey, with a note."""
    rated = _google_grid(rng, satisfaction, rows)
    weights = {f"{other} [{row}]": ratings(rng, N, 1, 5, centre=4.3) for row in rows}
    frame = pd.DataFrame(
        {"How likely are you to recommend us?": ratings(rng, N, 0, 10, centre=7), **rated, **weights}
    )
    loaded, document = analyze_survey(frame)
    means = {tp["touchpoint"]: tp["native_mean"] for tp in document["journey"]["touchpoints"]}
    assert means == pytest.approx({column: round(values.mean(), 3) for column, values in rated.items()})
    for column in weights:
        meaning = loaded.validated.columns[column]
        assert meaning.kind == "ordinal" and "touchpoints" in meaning.excluded_from
    assert any(next(iter(weights)) in note for note in loaded.validated.report.note_texts())


@pytest.mark.parametrize(
    ("zones", "fmt"),
    [
        (("EST", "EDT"), "%Y/%m/%d %I:%M:%S %p"),  # a US Google account: 2024/03/05 10:12:33 PM EST
        (("CET", "CEST"), "%Y/%m/%d %I:%M:%S %p"),
        (("MEZ", "MESZ"), "%d.%m.%Y %H:%M:%S"),
    ],
)
def test_a_timestamp_with_a_named_time_zone_is_the_response_date(rng, zones, fmt):
    """Before: Google Forms timestamps ending in a zone name ("… 10:12:33 PM EST", "… MESZ") were no
    dates, so the Timestamp column was silently left unmapped and the survey had no response date; only
    "GMT+1" and "UTC" were understood. Now the zone is dropped and the time kept as written."""
    stamps = pd.date_range("2024-03-01 08:00", periods=N, freq="5h")
    summer = stamps >= pd.Timestamp("2024-03-31 03:00")
    frame = pd.DataFrame(
        {
            "Timestamp": [f"{t.strftime(fmt)} {zones[int(s)]}" for t, s in zip(stamps, summer, strict=True)],
            "How likely are you to recommend us?": ratings(rng, N, 0, 10, centre=7),
            **_google_grid(rng, "How satisfied were you with the following?", ["Website", "Delivery"]),
        }
    )
    loaded, _ = analyze_survey(frame)
    assert loaded.validated.report.mapping["response_date"] == "Timestamp"
    assert loaded.validated.data["response_date"].tolist() == list(stamps)
    assert loaded.validated.report.rows_used == N


_FIRST = ["Maximilian", "Alexandra", "Christopher", "Katharina", "Sebastian", "Franziska", "Johannes"]
_LAST = ["Mustermann", "Schneider-Hoffmann", "Oberhauser", "Wiedemann", "Baumgartner", "Kowalczyk"]
_STREETS = ["Hauptstraße", "Bahnhofstraße", "Lindenallee", "Am Schlossgarten", "Friedrich-Ebert-Platz"]


@pytest.mark.parametrize(
    ("name_header", "address_header"),
    [("Full Name", "Street Address"), ("Vor- und Nachname", "Anschrift"), ("Your name", "Adresse")],
)
def test_a_forms_name_and_address_fields_are_no_comment(rng, name_header, address_header):
    """Before: a Jotform/Google Forms contact block ("Full Name" with long, unique names) was taken as
    the customers' comment when the form had no open question, so the voices analysed names. Personal
    fields (name, address, phone, e-mail) are never the comment; the real comment still is."""
    frame = pd.DataFrame(
        {
            "Submission Date": pd.date_range("2024-03-01", periods=N, freq="6h").strftime(
                "%Y-%m-%d %H:%M:%S"
            ),
            name_header: [f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {rng.choice(_LAST)}" for _ in range(N)],
            address_header: [
                f"{rng.choice(_STREETS)} {rng.integers(1, 200)}, {rng.integers(10000, 99999)} Ulm"
                for _ in range(N)
            ],
            "How likely are you to recommend us?": ratings(rng, N, 0, 10, centre=7),
            "Please rate the following: Delivery": ratings(rng, N, 1, 5, centre=3.4),
        }
    )
    loaded, document = analyze_survey(frame)
    assert "comment" not in loaded.validated.report.mapping
    assert document["voices"] is None or not document["voices"].get("comments", {}).get("count")
    said = [
        f"the parcel was {'late' if i % 2 else 'on time'} and the driver {i} was friendly" for i in range(N)
    ]
    loaded, _ = analyze_survey(frame.assign(**{"Anything else you want to tell us?": said}))
    assert loaded.validated.report.mapping["comment"] == "Anything else you want to tell us?"


@pytest.mark.parametrize(
    "header", ["Please rate the following: Delivery", "Bewertung Lieferung", "Delivery rating"]
)
def test_a_lone_rating_of_a_touchpoint_stays_a_touchpoint(rng, header):
    """Before: the only rating item of a form was taken as the overall satisfaction whenever its header
    had a rating word, even when it named a touchpoint ("Please rate the following: Delivery"), so the
    journey was empty. A lone "Rating" or "Star Rating" is still the overall judgement."""
    frame = pd.DataFrame(
        {
            "How likely are you to recommend us?": ratings(rng, N, 0, 10, centre=7),
            header: ratings(rng, N, 1, 5, centre=3.4),
        }
    )
    loaded, document = analyze_survey(frame)
    assert "satisfaction" not in loaded.validated.report.mapping
    shown = {tp["touchpoint"]: (tp["phase"], tp["native_mean"]) for tp in document["journey"]["touchpoints"]}
    assert shown == {header: ("loyalty", pytest.approx(round(frame[header].mean(), 3)))}
    loaded, _ = analyze_survey(frame.rename(columns={header: "Star Rating"}))
    assert loaded.validated.report.mapping["satisfaction"] == "Star Rating"


@pytest.mark.parametrize(
    "labels",
    [
        {0: "0 — Not at all likely", 10: "10 — Extremely likely"},
        {0: "Not at all likely 0", 10: "Extremely likely 10"},
        {0: "0 Not at all likely", 10: "10 Extremely likely"},
        {0: "Überhaupt nicht wahrscheinlich (0)", 10: "Äußerst wahrscheinlich (10)"},
    ],
)
def test_an_nps_answered_as_labelled_text_in_other_spellings(rng, labels):
    """Before: a 0–10 recommend question whose end points were written with an em dash ("10 — Extremely
    likely"), only a space ("10 Extremely likely") or the label first ("Extremely likely 10") was no
    rating at all: the survey had no NPS and no note. Now the number is read, as for "10 - …"."""
    scores = ratings(rng, N, 0, 10, centre=6.5)
    frame = pd.DataFrame(
        {
            "How likely are you to recommend us to a friend?": [labels.get(v, str(v)) for v in scores],
            **_google_grid(rng, "How satisfied were you with the following?", ["Website", "Delivery"]),
        }
    )
    loaded, document = analyze_survey(frame)
    assert document["kpis"]["nps"]["score"] == pytest.approx(_nps(scores))
    assert document["kpis"]["nps"]["n"] == N
    column = "How likely are you to recommend us to a friend?"
    loaded, document = analyze_survey(
        frame.assign(**{column: frame[column].replace({labels[10]: "Sehr gern"})})
    )
    assert loaded.validated.report.rows_used == N  # an unknown word is no scale point: never read as 10


def test_a_recommend_question_with_some_unreadable_answers_still_gives_the_nps(rng):
    """Before: when a tenth of the answers to "How likely are you to recommend us?" were words the app
    does not know ("Sehr gern", "Nie im Leben" typed as options of a multiple-choice question), the column
    was no rating: no NPS, and the note claimed the survey had no recommendation question. Now the
    numbers give the NPS and the unreadable answers are counted (rule not_a_number)."""
    scores = ratings(rng, N, 0, 10, centre=6.5)
    words = {10: "Sehr gern", 0: "Nie im Leben"}
    column = "How likely are you to recommend us?"
    frame = pd.DataFrame(
        {
            column: [words.get(v, str(v)) for v in scores],
            **_google_grid(rng, "How satisfied were you with the following?", ["Website", "Delivery"]),
        }
    )
    loaded, document = analyze_survey(frame)
    readable = scores[~np.isin(scores, list(words))]
    assert document["kpis"]["nps"]["score"] == pytest.approx(_nps(readable))
    assert document["kpis"]["nps"]["n"] == len(readable)
    unreadable = sum(rule.rows for rule in loaded.validated.report.rules if rule.rule == "not_a_number")
    assert unreadable == N - len(readable)
    said = [a for a in document["assumptions"] if a["code"] == "nps_unreadable_answers"]
    assert said and said[0]["params"]["count"] == N - len(readable)  # shown with the NPS
