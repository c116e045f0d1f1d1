"""Customers known by their e-mail address: surveys and orders keyed by e-mail link to them.

Before, on a Mailchimp audience export ("Email Address", "First Name", "MEMBER_RATING", "OPTIN_TIME",
"LEID", "EUID", "TAGS" …) beside a form survey whose customers give their e-mail address:
- with the LEID column, the customers were keyed by LEID and 170 of 170 survey rows were "unknown
  customers", though 150 addresses are in the audience;
- without LEID/EUID (a newsletter list, a Klaviyo profile export), the customers were numbered by their
  rows ("#2") and nothing linked;
- "ANNA.MEIER@EXAMPLE.DE " and "anna.meier@example.de" were two customers.
Now an e-mail column is the customer key when no ID column exists (evidence id_email), e-mail IDs are
compared trimmed and in lower case (rule email_casefolded), and a survey keyed by e-mail links to a
customer table keyed otherwise through its e-mail column (note link.note.ids_by_email).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import load_files

N = 300
ANSWERS = 150
STRANGERS = 20


def _audience(rng: np.random.Generator) -> pd.DataFrame:
    first = rng.choice(["Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hans"], N)
    last = rng.choice(["Mueller", "Schmidt", "Weber", "Meyer", "Wagner", "Becker"], N)
    emails = [
        f"{f.lower()}.{s.lower()}{i}@example.de" for i, (f, s) in enumerate(zip(first, last, strict=True))
    ]
    optin = pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 900 * 86_400, N), unit="s")
    return pd.DataFrame(
        {
            "Email Address": emails,
            "First Name": first,
            "Last Name": last,
            "MEMBER_RATING": rng.integers(1, 6, N),
            "OPTIN_TIME": optin.strftime("%Y-%m-%d %H:%M:%S"),
            "CONFIRM_TIME": (optin + pd.Timedelta(minutes=3)).strftime("%Y-%m-%d %H:%M:%S"),
            "LAST_CHANGED": (optin + pd.Timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S"),
            "LEID": 100_000_000 + rng.permutation(N) * 7_919,
            "EUID": [f"{x * 104_729 + 65_537:010x}" for x in rng.permutation(N)],
            "TAGS": rng.choice(['"Kunde"', '"Newsletter"', '"Kunde","VIP"', ""], N),
        }
    )


def _survey(rng: np.random.Generator, emails: list[str]) -> pd.DataFrame:
    picked = [emails[i] for i in rng.choice(len(emails), ANSWERS, replace=False)]
    written = [f" {e.upper()} " if k % 7 == 0 else e for k, e in enumerate(picked)]  # typed by hand
    written += [f"fremd{k}@other.com" for k in range(STRANGERS)]
    n = len(written)
    return pd.DataFrame(
        {
            "Zeitstempel": pd.date_range("2024-05-01", periods=n, freq="3h").strftime("%d.%m.%Y %H:%M:%S"),
            "E-Mail-Adresse": written,
            "Wie wahrscheinlich ist es, dass Sie uns einem Freund empfehlen?": rng.integers(0, 11, n),
            "Zufriedenheit mit der Lieferung": rng.integers(1, 6, n),
        }
    )


def _load(tmp_path, customers: pd.DataFrame, survey: pd.DataFrame) -> dict:
    paths = {"customers": tmp_path / "audience.csv", "survey": tmp_path / "umfrage.csv"}
    customers.to_csv(paths["customers"], index=False)
    survey.to_csv(paths["survey"], index=False)
    return load_files({table: str(path) for table, path in paths.items()})


def _linked(loaded: dict) -> tuple[int, int]:
    """(survey rows whose customer is in the customer table, rows counted as unknown customers)."""
    ids = loaded["survey"].validated.data["customer_id"]
    known = set(loaded["customers"].validated.data["customer_id"])
    unknown = {r.rule: r.rows for r in loaded["survey"].validated.report.rules}.get("unknown_customer", 0)
    return int(ids.isin(known).sum()), unknown


@pytest.mark.parametrize("keys", [["LEID", "EUID"], []], ids=["with LEID", "e-mail only"])
def test_a_survey_keyed_by_e_mail_links_to_an_audience(tmp_path, keys):
    rng = np.random.default_rng(21)
    audience = _audience(rng)
    if not keys:
        audience = audience.drop(columns=["LEID", "EUID"])
    survey = _survey(rng, audience["Email Address"].tolist())
    loaded = _load(tmp_path, audience, survey)
    expected = survey["E-Mail-Adresse"].str.strip().str.lower().isin(audience["Email Address"]).sum()
    assert expected == ANSWERS
    assert _linked(loaded) == (ANSWERS, STRANGERS)
    customers = loaded["customers"].validated.data
    assert len(customers) == N
    if not keys:  # the address is the key, with evidence, never the row number
        assert loaded["customers"].mapping.matches["customer_id"].column == "Email Address"
        evidence = [e.code for e in loaded["customers"].validated.columns["customer_id"].evidence]
        assert "id_email" in evidence
        assert not customers["customer_id"].str.startswith("#").any()
    else:
        notes = loaded["survey"].validated.report.note_texts("de")
        assert any(f"{ANSWERS} von {ANSWERS + STRANGERS} Zeilen" in note for note in notes)


def test_addresses_in_capitals_are_one_customer(tmp_path):
    rng = np.random.default_rng(8)
    audience = _audience(rng).drop(columns=["LEID", "EUID"])
    capitals = audience.index % 5 == 0
    audience.loc[capitals, "Email Address"] = audience.loc[capitals, "Email Address"].str.upper()
    survey = _survey(rng, _audience(np.random.default_rng(8))["Email Address"].tolist())
    loaded = _load(tmp_path, audience, survey)
    rules = {r.rule: r.rows for r in loaded["customers"].validated.report.rules}
    assert rules["email_casefolded"] == capitals.sum()
    assert _linked(loaded) == (ANSWERS, STRANGERS)


def test_an_address_listed_for_two_customers_links_to_neither(tmp_path):
    rng = np.random.default_rng(4)
    audience = _audience(rng)
    audience.loc[1, "Email Address"] = audience.loc[0, "Email Address"]  # one address, two LEIDs
    survey = _survey(rng, audience["Email Address"].tolist())
    survey.loc[0, "E-Mail-Adresse"] = audience.loc[0, "Email Address"]
    loaded = _load(tmp_path, audience, survey)
    ids = loaded["survey"].validated.data["customer_id"]
    assert ids.iloc[0] == audience.loc[0, "Email Address"]  # kept as written: an unknown customer


def test_orders_keyed_by_e_mail_link_to_customers_keyed_by_number(tmp_path):
    """Shopify: the customers export has "Customer ID" and "Email", the orders export only "Email".
    Before: 700 of 700 orders were of unknown customers; now only the 10 guest orders are."""
    rng = np.random.default_rng(5)
    n, m = 200, 700
    emails = [f"kunde{i}@shop-example.com" for i in range(n)]
    customers = pd.DataFrame(
        {"Customer ID": 6_000_000_000 + np.arange(n) * 17, "Email": emails,
         "Default Address City": rng.choice(["Berlin", "Hamburg", "München"], n)}
    )  # fmt: skip
    who = rng.integers(0, n, m)
    paid = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 300 * 86_400, m), unit="s")
    orders = pd.DataFrame(
        {
            "Name": [f"#{1001 + i}" for i in range(m)],
            "Email": [emails[w].upper() if i % 9 == 0 else emails[w] for i, w in enumerate(who)],
            "Financial Status": "paid",
            "Created at": paid.strftime("%Y-%m-%d %H:%M:%S +0100"),
            "Total": rng.gamma(2, 30, m).round(2),
        }
    )
    orders.loc[m - 10 :, "Email"] = [f"gast{i}@web.de" for i in range(10)]
    paths = {"customers": tmp_path / "customers_export.csv", "transactions": tmp_path / "orders_export.csv"}
    customers.to_csv(paths["customers"], index=False)
    orders.to_csv(paths["transactions"], index=False)
    loaded = load_files({table: str(path) for table, path in paths.items()})
    lines = loaded["transactions"].validated
    known = orders["Email"].str.lower().isin(customers["Email"])
    assert {r.rule: r.rows for r in lines.report.rules}["unknown_customer"] == (~known).sum() == 10
    by_customer = lines.data.groupby("customer_id")["amount"].sum()
    expected = orders[known].assign(Email=orders["Email"].str.lower()).groupby("Email")["Total"].sum()
    expected.index = expected.index.map(
        dict(zip(customers["Email"], customers["Customer ID"].astype(str), strict=True))
    )
    assert by_customer.reindex(expected.index).round(2).tolist() == expected.round(2).tolist()


def test_an_audience_uploaded_as_the_survey_has_no_satisfaction(tmp_path):
    """Mailchimp's MEMBER_RATING (1–5 engagement stars the tool gives each contact) is no answer of the
    customer. Before: the audience in the survey slot gave 'satisfaction 3.0 on 1–5' from those stars."""
    path = tmp_path / "audience.csv"
    _audience(np.random.default_rng(3)).to_csv(path, index=False)
    loaded = load_files({"survey": str(path)})
    assert not {"satisfaction", "recommend", "touchpoints"} & set(loaded["survey"].mapping.matches)
