"""The deterministic demo data behind ``sample_data/``: a German online shop with planted truths.

Every later feature is judged on this data, so it carries facts the app must find:

- **Four personas** of unequal size (35/25/22/18 %) that differ in age, income, orders and revenue
  clearly enough that k-means on standard-scaled ``[age, log(income), log1p(orders), log1p(revenue)]``
  recovers them (and a silhouette search picks k = 4).
- **One pain point**: "Lieferung" (delivery) is the lowest-rated touchpoint and the strongest driver
  of the recommend score.
- **Six comment themes** (delivery, app crashes at payment, shipping costs, price-performance, service,
  returns), one per comment, in varied German wording, weighted by persona and tone
  (:data:`COMMENT_THEMES`).
- **Two changes**: churn in the last 12 calendar months is clearly higher than in the 12 months before,
  and the NPS of the last quarter is clearly lower than in the quarter before (delivery got worse).

All dates hang off a fixed reference date (never today's date), and one seed fixes every draw, so the
same call gives identical tables and :func:`write_demo` writes byte-identical workbooks. Everything is
vectorised with numpy: a million customers take a few seconds.

``Bestellungen``, ``Umsatz`` and ``Marge`` cover the last 12 months of each customer relationship (up to
the reference date, or up to the cancellation for customers who left), so that customers who left
still show how they used to buy. The transaction table holds exactly these orders, and before them each
customer's earlier purchases since signup at the same personal rate (for the Value page's purchase model).

Run ``python -m cxlib.demo [--out sample_data] [--customers N] [--seed S]`` to (re)write the files.
"""

from __future__ import annotations

import argparse
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "COMMENT_THEMES",
    "PAIN_POINT",
    "PERSONA_NAMES",
    "REFERENCE_DATE",
    "TOUCHPOINTS",
    "DemoData",
    "generate_demo",
    "planted_comment_theme",
    "write_demo",
]

REFERENCE_DATE: date = date(2026, 9, 30)
TOUCHPOINTS: tuple[str, ...] = (
    "Werbung",
    "Social Media",
    "Website",
    "Preisvergleich",
    "Warenkorb",
    "Bezahlung",
    "Bestellbestätigung",
    "Lieferung",
    "Kundenservice",
    "Rechnung",
)
PAIN_POINT = "Lieferung"
PERSONA_NAMES: tuple[str, ...] = (
    "Digitale Schnäppchenjäger",
    "Gut verdienende Familien",
    "Treue Best Ager",
    "Preisbewusste Gelegenheitskäufer",
)
EXCEL_MAX_ROWS = 1_048_575  # data rows below one header row
MAX_TRANSACTIONS = 55_000
RESPONSES_PER_CUSTOMER = 1.2
FILES = {"customers": "customers.xlsx", "survey": "survey.xlsx", "transactions": "transactions.xlsx"}
SHEETS = {"customers": "Kunden", "survey": "Umfrage", "transactions": "Transaktionen"}
NOTES_SHEET = "Hinweise"
# Written into the workbook properties and every zip entry, so that the files are byte-stable.
FIXED_TIMESTAMP = datetime(2026, 9, 30, 12, 0, 0)

GENDERS = ("weiblich", "männlich", "divers")
REGIONS = ("Nord", "Süd", "Ost", "West")
CHANNELS = ("Online", "Filiale")


@dataclass(frozen=True)
class _Persona:
    """The parameters of one planted persona (money in EUR, hazards per year)."""

    share: float
    age_mean: float
    age_sd: float
    income_median: float
    orders_mean: float  # orders in the last 12 months of the relationship, at least one
    basket_median: float  # EUR per order
    margin_rate: float
    acquisition_median: float
    churn_hazard: float  # per year in the earlier of the two years; the later year multiplies it
    online_share: float
    newsletter_share: float
    gender: tuple[float, float, float]
    region: tuple[float, float, float, float]
    rating_offset: float  # added to every touchpoint rating (latent 1–5 scale)
    recommend_offset: float  # added to the latent recommend score (0–10 scale)
    touchpoint_offsets: tuple[tuple[str, float], ...] = ()


PERSONAS: tuple[_Persona, ...] = (
    # 0: young urban digital bargain hunters: many small orders, unhappy with delivery, often leave.
    _Persona(
        share=0.35, age_mean=25, age_sd=3.5, income_median=24_000, orders_mean=12.0, basket_median=26,
        margin_rate=0.26, acquisition_median=22, churn_hazard=0.14, online_share=0.92, newsletter_share=0.70,
        gender=(0.50, 0.48, 0.02), region=(0.20, 0.25, 0.20, 0.35),
        rating_offset=-0.10, recommend_offset=-0.5,
        touchpoint_offsets=(
            ("Social Media", 0.5),
            ("Website", 0.3),
            ("Lieferung", -0.35),
            ("Kundenservice", -0.2)),
    ),
    # 1: affluent family shoppers: medium orders of high value, satisfied promoters.
    _Persona(
        share=0.25, age_mean=40, age_sd=4.0, income_median=78_000, orders_mean=7.0, basket_median=140,
        margin_rate=0.38, acquisition_median=65, churn_hazard=0.07, online_share=0.65, newsletter_share=0.45,
        gender=(0.56, 0.42, 0.02), region=(0.25, 0.35, 0.10, 0.30),
        rating_offset=0.30, recommend_offset=1.2,
        touchpoint_offsets=(
            ("Warenkorb", 0.2),
            ("Bezahlung", 0.2)),
    ),
    # 2: loyal best agers: few big orders, very loyal, like the service, less so social media.
    _Persona(
        share=0.22, age_mean=63, age_sd=4.0, income_median=47_000, orders_mean=3.0, basket_median=320,
        margin_rate=0.35, acquisition_median=45, churn_hazard=0.035, online_share=0.40, newsletter_share=0.30,
        gender=(0.53, 0.45, 0.02), region=(0.30, 0.25, 0.25, 0.20),
        rating_offset=0.35, recommend_offset=1.0,
        touchpoint_offsets=(
            ("Social Media", -0.6),
            ("Website", -0.3),
            ("Kundenservice", 0.5),
            ("Rechnung", 0.3)),
    ),
    # 3: occasional price-sensitive buyers: very few cheap orders, detractors, the highest churn.
    _Persona(
        share=0.18, age_mean=47, age_sd=4.0, income_median=31_000, orders_mean=1.5, basket_median=60,
        margin_rate=0.28, acquisition_median=35, churn_hazard=0.26, online_share=0.55, newsletter_share=0.15,
        gender=(0.46, 0.52, 0.02), region=(0.20, 0.20, 0.35, 0.25),
        rating_offset=-0.45, recommend_offset=-1.7,
        touchpoint_offsets=(
            ("Preisvergleich", -0.3),
            ("Kundenservice", -0.3)),
    ),
)  # fmt: skip

# Mean latent rating (1–5) of each touchpoint before persona offsets; "Lieferung" is planted lowest.
TOUCHPOINT_BASE = {
    "Werbung": 3.55,
    "Social Media": 3.3,
    "Website": 4.0,
    "Preisvergleich": 3.6,
    "Warenkorb": 4.2,
    "Bezahlung": 4.3,
    "Bestellbestätigung": 4.25,
    "Lieferung": 2.85,
    "Kundenservice": 3.7,
    "Rechnung": 3.95,
}
# Share of responses that leave a touchpoint empty (not every customer used every touchpoint).
TOUCHPOINT_MISSING = {
    "Werbung": 0.14,
    "Social Media": 0.15,
    "Website": 0.05,
    "Preisvergleich": 0.12,
    "Warenkorb": 0.05,
    "Bezahlung": 0.06,
    "Bestellbestätigung": 0.08,
    "Lieferung": 0.07,
    "Kundenservice": 0.15,
    "Rechnung": 0.10,
}
CHURN_INCREASE = 1.5  # the later year's churn hazard relative to the earlier one
DELIVERY_DROP = 0.35  # how much worse delivery got in the last quarter (latent rating points)
COMMENT_SHARE = 0.40

# Planted comment themes: per theme, (negative, positive) sentences in varied wording. Each comment
# carries exactly one planted theme (plus, sometimes, a theme-neutral closing sentence), so that the
# theme analysis can be checked against the truth: every planted theme must be the top theme found in
# the comments that carry it.
COMMENT_THEMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "delivery": (
        (
            "Die Lieferung hat über eine Woche gedauert.",
            "Lieferzeit viel zu lang, ich warte schon wieder seit Tagen.",
            "Mein Paket kam erst nach zehn Tagen an.",
            "Die Zustellung hat sich zweimal verzögert.",
            "Bis die Bestellung geliefert wurde, verging fast eine Woche.",
            "Die Lieferzeiten sind zuletzt deutlich länger geworden.",
            "Wieder eine verspätete Lieferung, das nervt.",
            "Die Ware wurde viel später geliefert als angekündigt.",
            "Warum dauert die Lieferung bei euch so lange?",
        ),
        (
            "Die Lieferung kam schon am nächsten Tag.",
            "Superschnelle Lieferung, danke!",
            "Pünktlich geliefert, wie angekündigt.",
            "Die Lieferzeit war kürzer als erwartet.",
            "Lieferung in zwei Tagen, perfekt.",
        ),
    ),
    "app_payment": (
        (
            "Die App stürzt beim Bezahlen ständig ab.",
            "Beim Bezahlen ist die App zweimal abgestürzt.",
            "App-Absturz an der Kasse, ich musste alles neu eingeben.",
            "Die Zahlung in der App bricht immer wieder ab.",
            "Die App hängt sich beim Bezahlvorgang auf.",
            "Jedes Mal beim Bezahlen friert die App ein.",
            "Bezahlen per App klappt nicht, die App schließt sich einfach.",
        ),
        (
            "Bezahlen in der App geht jetzt schnell und ohne Absturz.",
            "Seit dem Update läuft das Bezahlen in der App stabil.",
        ),
    ),
    "shipping_costs": (
        (
            "Die Versandkosten sind viel zu hoch.",
            "Versandkosten von fast 7 Euro für eine Kleinigkeit sind frech.",
            "Die Versandgebühren fressen den Preisvorteil auf.",
            "Für kleine Bestellungen sind die Versandkosten zu teuer.",
            "Hohe Versandkosten schrecken mich ab.",
            "Ohne Gutschein zahle ich mehr Versandkosten als für den Artikel.",
        ),
        (
            "Versandkostenfrei ab 20 Euro, das ist fair.",
            "Keine Versandkosten ab dem zweiten Artikel, sehr gut.",
            "Die Versandkosten sind angemessen.",
        ),
    ),
    "price_performance": (
        (
            "Für den Preis ist die Qualität enttäuschend.",
            "Zu teuer für diese Qualität.",
            "Die Ware ist ihren Preis nicht wert.",
            "Qualität hat nachgelassen, die Preise aber nicht.",
        ),
        (
            "Preis-Leistung stimmt.",
            "Für den Preis wirklich gute Qualität.",
            "Gutes Preis-Leistungs-Verhältnis, gern wieder.",
            "Die Qualität ist top und der Preis fair.",
            "Faire Preise für ordentliche Qualität.",
            "Preis und Qualität passen hier einfach.",
        ),
    ),
    "service": (
        (
            "Der Kundenservice war nicht erreichbar.",
            "Die Hotline hängt ewig in der Warteschleife.",
            "Auf meine E-Mail an den Kundenservice kam keine Antwort.",
            "Der Kundendienst war unfreundlich und hat nicht geholfen.",
            "Beim Kundenservice fühlte ich mich abgewimmelt.",
        ),
        (
            "Der Kundenservice war sehr freundlich und hilfsbereit.",
            "Die Hotline hat mein Problem sofort gelöst.",
            "Toller Kundenservice, schnelle Antwort per E-Mail.",
            "Freundliche Beratung am Telefon, vielen Dank.",
            "Der Kundendienst hat sich super gekümmert.",
        ),
    ),
    "returns": (
        (
            "Die Rücksendung war kompliziert.",
            "Für meine Rücksendung fehlt die Erstattung bis heute.",
            "Das Etikett für die Rücksendung musste ich selbst ausdrucken.",
            "Meine Rücksendung ist angeblich nie angekommen.",
            "Zurückschicken ist bei euch viel zu umständlich.",
        ),
        (
            "Die Rücksendung war ganz einfach.",
            "Rücksendung problemlos, das Geld war schnell zurück.",
            "Retoure ohne Aufwand erledigt.",
            "Kostenlose Rücksendung, das schätze ich sehr.",
            "Zurückschicken war problemlos möglich.",
        ),
    ),
}
# Closing sentences without a theme, added to about a third of the comments (negative, positive).
COMMENT_CLOSINGS: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("Mal sehen, ob ich noch einmal bestelle.", "Bitte ändert das.", "So wird das nichts.", "Schade."),
    ("Weiter so!", "Ich bestelle gern wieder.", "Danke!", "Alles in allem zufrieden."),
)
# Per persona and tone, how likely each theme is (order of COMMENT_THEMES).
COMMENT_THEME_WEIGHTS: tuple[tuple[tuple[float, ...], tuple[float, ...]], ...] = (
    # delivery, app_payment, shipping_costs, price_performance, service, returns
    ((0.30, 0.30, 0.15, 0.05, 0.05, 0.15), (0.20, 0.15, 0.15, 0.30, 0.05, 0.15)),
    ((0.40, 0.10, 0.05, 0.10, 0.15, 0.20), (0.20, 0.05, 0.05, 0.35, 0.15, 0.20)),
    ((0.30, 0.05, 0.05, 0.15, 0.30, 0.15), (0.20, 0.00, 0.05, 0.25, 0.40, 0.10)),
    ((0.20, 0.05, 0.35, 0.25, 0.05, 0.10), (0.15, 0.00, 0.25, 0.45, 0.05, 0.10)),
)  # fmt: skip


def planted_comment_theme(comment: str) -> str | None:
    """The planted theme of a demo comment (its first sentence), or None for a comment not from the bank.

    >>> planted_comment_theme("Preis-Leistung stimmt. Weiter so!")
    'price_performance'
    """
    for theme, groups in COMMENT_THEMES.items():
        if any(comment.startswith(sentence) for group in groups for sentence in group):
            return theme
    return None


NOTES = (
    "Demodaten eines fiktiven Onlinehändlers (alle Personen und Werte sind erfunden).",
    "Stichtag der Daten: {reference}. Kündigungsdatum leer = Kunde ist noch aktiv.",
    "Bestellungen, Umsatz und Marge (EUR): letzte 12 Monate der Kundenbeziehung "
    "(bei gekündigten Kunden die 12 Monate vor der Kündigung).",
    "Einkommen: Jahreseinkommen in EUR (Schätzung). "
    "Akquisitionskosten: Kosten der Neukundengewinnung in EUR.",
)


@dataclass(frozen=True)
class DemoData:
    """The three demo tables (German headers) and the planted persona of every customer.

    ``persona_truth`` has the ``Kundennummer`` as index and the planted persona number 0…3 (see
    :data:`PERSONA_NAMES`) as value; it is not part of any table, so the app has to find the personas.
    """

    customers: pd.DataFrame
    survey: pd.DataFrame
    transactions: pd.DataFrame
    persona_truth: pd.Series


def _check_options(n_customers: int, n_responses: int | None, seed: int, reference_date: date) -> None:
    """ValueError for sizes no workbook can hold, a non-integer seed or a reference date that is no date."""
    for name, value in (("n_customers", n_customers), ("n_responses", n_responses)):
        if name == "n_responses" and value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            raise ValueError(f"{name} must be a whole number, got {value!r}")
        if not 1 <= value <= EXCEL_MAX_ROWS:
            raise ValueError(f"{name} must lie in 1..{EXCEL_MAX_ROWS} (one Excel sheet), got {value}")
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ValueError(f"seed must be a non-negative whole number, got {seed!r}")
    if not isinstance(reference_date, date) or isinstance(reference_date, datetime):
        raise ValueError(f"reference_date must be a datetime.date, got {reference_date!r}")


def _persona_sizes(n: int) -> np.ndarray:
    """Customers per persona: the planted shares, rounded so that they add up to ``n``."""
    shares = np.array([persona.share for persona in PERSONAS])
    sizes = np.floor(shares * n).astype(np.int64)
    remainder = n - sizes.sum()
    sizes[np.argsort(-(shares * n - sizes), kind="stable")[:remainder]] += 1
    return sizes


def _table(name: str) -> np.ndarray:
    """One persona parameter as an array indexed by persona number."""
    return np.array([getattr(persona, name) for persona in PERSONAS], dtype=float)


def _pick(rng: np.random.Generator, persona: np.ndarray, probabilities: np.ndarray) -> np.ndarray:
    """For each row, an index drawn from its persona's row of ``probabilities``."""
    cumulative = np.cumsum(probabilities, axis=1)[persona]
    return (rng.random(len(persona))[:, None] > cumulative[:, :-1]).sum(axis=1)


def _month_start(day: np.datetime64, months_back: int) -> np.datetime64:
    """First day of the calendar month ``months_back`` months before the month of ``day``."""
    return (day.astype("datetime64[M]") - months_back).astype("datetime64[D]")


def _churn_days(
    rng: np.random.Generator,
    signup: np.ndarray,
    hazard: np.ndarray,
    start: np.datetime64,
    change: np.datetime64,
    reference: np.datetime64,
) -> np.ndarray:
    """Churn day per customer from a piecewise-constant hazard (``hazard`` per year before ``change``,
    ``CHURN_INCREASE`` times as much from then on); NaT when the customer is still active.

    Churn is only possible from ``start`` (customers who left earlier are not in the export), always at
    least one day after signup.
    """
    exposed = np.maximum(signup, start)
    before = (change - exposed).astype(np.int64).clip(min=0)  # days at the earlier hazard
    rate_before, rate_after = hazard / 365.25, hazard * CHURN_INCREASE / 365.25
    budget = rng.exponential(size=len(signup))
    early = budget < rate_before * before
    offset = np.where(early, budget / rate_before, before + (budget - rate_before * before) / rate_after)
    day = exposed + np.floor(offset).astype(np.int64) + 1
    return np.where(day <= reference, day, np.datetime64("NaT")).astype("datetime64[D]")


def _customers(rng: np.random.Generator, n: int, reference: np.datetime64) -> tuple[pd.DataFrame, np.ndarray]:
    """The customer table (sorted by signup, numbered in that order) and each customer's persona."""
    persona = rng.permutation(np.repeat(np.arange(len(PERSONAS)), _persona_sizes(n)))
    # Signups over four years, a little more in recent years (a growing shop); the newest signed up
    # on the reference date itself, so that the data's "now" is the reference date.
    days_ago = np.floor(4 * 365 * rng.random(n) ** 1.2).astype(np.int64)
    days_ago[np.argmin(days_ago)] = 0
    signup = reference - days_ago
    order = np.argsort(signup, kind="stable")
    persona, signup = persona[order], signup[order]

    age = rng.normal(_table("age_mean")[persona], _table("age_sd")[persona]).round().clip(18, 90)
    income = (np.exp(rng.normal(np.log(_table("income_median")[persona]), 0.18)) / 100).round() * 100
    orders = 1 + rng.poisson(_table("orders_mean")[persona] - 1)
    basket = np.exp(rng.normal(np.log(_table("basket_median")[persona]), 0.22))
    revenue = (orders * basket * np.exp(rng.normal(0, 0.25 / np.sqrt(orders)))).round(2)
    margin = (revenue * _table("margin_rate")[persona] * np.exp(rng.normal(0, 0.08, n))).round(2)
    acquisition = np.exp(rng.normal(np.log(_table("acquisition_median")[persona]), 0.35)).round(2)

    churn_start = _month_start(reference, 23)
    churn = _churn_days(
        rng, signup, _table("churn_hazard")[persona], churn_start, _month_start(reference, 11), reference
    )
    genders = np.array([persona_.gender for persona_ in PERSONAS])
    regions = np.array([persona_.region for persona_ in PERSONAS])
    channels = np.column_stack([_table("online_share"), 1 - _table("online_share")])
    newsletter = rng.random(n) < _table("newsletter_share")[persona]
    width = max(6, len(str(n)))
    customers = pd.DataFrame(
        {
            "Kundennummer": _numbers("K-", n, width),
            "Anmeldedatum": signup.astype("datetime64[ns]"),
            "Kündigungsdatum": churn.astype("datetime64[ns]"),
            "Alter": age.astype(np.int64),
            "Geschlecht": pd.array(np.array(GENDERS)[_pick(rng, persona, genders)], dtype="str"),
            "Region": pd.array(np.array(REGIONS)[_pick(rng, persona, regions)], dtype="str"),
            "Einkommen": income.astype(np.int64),
            "Bestellungen": orders.astype(np.int64),
            "Umsatz": revenue,
            "Marge": margin,
            "Akquisitionskosten": acquisition,
            "Kanal": pd.array(np.array(CHANNELS)[_pick(rng, persona, channels)], dtype="str"),
            "Newsletter": pd.array(np.where(newsletter, "ja", "nein"), dtype="str"),
        }
    )
    return customers, persona


def _numbers(prefix: str, n: int, width: int) -> pd.Array:
    """``prefix`` + 1..n, zero-padded to ``width`` digits ("K-000001")."""
    return pd.array(np.char.add(prefix, np.char.zfill(np.arange(1, n + 1).astype(str), width)), dtype="str")


def _active_span(customers: pd.DataFrame, start: np.datetime64, reference: np.datetime64):
    """First active day on or after ``start`` and the number of active days up to ``reference``."""
    signup = customers["Anmeldedatum"].to_numpy().astype("datetime64[D]")
    churn = customers["Kündigungsdatum"].to_numpy().astype("datetime64[D]")
    first = np.maximum(signup, start)
    # Active on day d means signup <= d < churn date.
    end = np.where(np.isnat(churn), reference + 1, churn)
    return first, (end - first).astype(np.int64).clip(min=0)


def _latent_ratings(rng, persona, delivery_drop) -> tuple[np.ndarray, np.ndarray]:
    """Latent 1–5 ratings (responses × touchpoints) and the general mood behind them."""
    n = len(persona)
    mood = rng.standard_normal(n)
    base = np.array([TOUCHPOINT_BASE[name] for name in TOUCHPOINTS])
    offsets = np.zeros((len(PERSONAS), len(TOUCHPOINTS)))
    for number, persona_ in enumerate(PERSONAS):
        offsets[number] += persona_.rating_offset
        for name, value in persona_.touchpoint_offsets:
            offsets[number, TOUCHPOINTS.index(name)] += value
    latent = base + offsets[persona] + 0.5 * mood[:, None] + rng.normal(0, 0.75, (n, len(TOUCHPOINTS)))
    latent[:, TOUCHPOINTS.index(PAIN_POINT)] -= delivery_drop
    return latent, mood


def _comments(rng, persona: np.ndarray, recommend: np.ndarray) -> pd.Array:
    """German comments for about ``COMMENT_SHARE`` of the responses, one planted theme each.

    Detractors complain, promoters praise, passives say either; the theme is drawn from the persona's
    weights for that tone (:data:`COMMENT_THEME_WEIGHTS`), the sentence uniformly from the theme's bank.
    """
    n = len(persona)
    positive = np.where(recommend >= 9, 1, np.where(recommend <= 6, 0, rng.integers(0, 2, n)))
    weights = np.array(COMMENT_THEME_WEIGHTS)[persona, positive]
    theme = (rng.random(n)[:, None] > np.cumsum(weights, axis=1)[:, :-1]).sum(axis=1)
    names = list(COMMENT_THEMES)
    pick = rng.random(n)
    closing_pick = rng.random(n)
    with_closing = rng.random(n) < 0.3
    text = np.empty(n, dtype=object)
    for index in range(n):
        bank = COMMENT_THEMES[names[theme[index]]][positive[index]]
        text[index] = bank[int(pick[index] * len(bank))]
        if with_closing[index]:
            closings = COMMENT_CLOSINGS[positive[index]]
            text[index] += " " + closings[int(closing_pick[index] * len(closings))]
    text[rng.random(n) >= COMMENT_SHARE] = None
    return pd.array(text, dtype="str")


def _survey(
    rng, customers: pd.DataFrame, persona: np.ndarray, n: int, reference: np.datetime64
) -> pd.DataFrame:
    """``n`` responses over the last two years, each from a customer active on the response day."""
    first, days = _active_span(customers, _month_start(reference, 23), reference)
    chosen = rng.choice(len(customers), size=n, p=days / days.sum())
    day = first[chosen] + np.floor(rng.random(n) * days[chosen]).astype(np.int64)
    order = np.lexsort((chosen, day))
    chosen, day = chosen[order], day[order]
    who = persona[chosen]

    last_quarter = day >= _month_start(reference, 2)
    latent, mood = _latent_ratings(rng, who, np.where(last_quarter, DELIVERY_DROP, 0.0))
    ratings = np.clip(np.round(latent), 1, 5)
    missing = rng.random(ratings.shape) < np.array([TOUCHPOINT_MISSING[name] for name in TOUCHPOINTS])
    ratings[missing] = np.nan
    delivery = latent[:, TOUCHPOINTS.index(PAIN_POINT)] - TOUCHPOINT_BASE[PAIN_POINT]
    recommend_latent = 7.9 + _table("recommend_offset")[who] + 1.0 * mood + 1.3 * delivery
    recommend = np.clip(np.round(recommend_latent + rng.normal(0, 1.3, n)), 0, 10).astype(np.int64)
    satisfaction_latent = 3.6 + 0.25 * _table("recommend_offset")[who] + 0.5 * mood + 0.35 * delivery
    satisfaction = np.clip(np.round(satisfaction_latent + rng.normal(0, 0.6, n)), 1, 5).astype(np.int64)

    survey = pd.DataFrame(
        {
            "Antwort-ID": _numbers("A-", n, max(6, len(str(n)))),
            "Kundennummer": customers["Kundennummer"].to_numpy()[chosen],
            "Datum": day.astype("datetime64[ns]"),
            "Weiterempfehlung": recommend,
            "Gesamtzufriedenheit": satisfaction,
        }
    )
    survey["Kundennummer"] = survey["Kundennummer"].astype("str")
    for column, name in enumerate(TOUCHPOINTS):
        survey[name] = ratings[:, column]
    survey["Kommentar"] = _comments(rng, who, recommend)
    return survey


def _transactions(rng, customers: pd.DataFrame, reference: np.datetime64) -> pd.DataFrame:
    """Every purchase of the first customers whose purchases fit ``MAX_TRANSACTIONS`` rows.

    The orders of a customer's last 12 months of relationship (not before signup) are exactly the
    customer table's ``Bestellungen`` and add up to its ``Umsatz`` to the cent. Before that window the
    customer bought since signup at the same personal rate (a Poisson process with that customer's orders
    per year), with baskets around the same average: so a customer buys at a steady personal rate until
    cancelling and never after, which is what the BG/NBD purchase model on the Value page looks for.
    """
    orders = customers["Bestellungen"].to_numpy()
    signup = customers["Anmeldedatum"].to_numpy().astype("datetime64[D]")
    churn = customers["Kündigungsdatum"].to_numpy().astype("datetime64[D]")
    last = np.where(np.isnat(churn), reference, churn - 1)
    first = np.maximum(signup, last - 364)
    span = (last - first).astype(np.int64) + 1
    history_days = (first - signup).astype(np.int64)
    earlier = rng.poisson(orders / span * history_days)
    kept = int(np.searchsorted(np.cumsum(orders + earlier), MAX_TRANSACTIONS, side="right"))
    orders, earlier, signup, first, span = (
        orders[:kept],
        earlier[:kept],
        signup[:kept],
        first[:kept],
        span[:kept],
    )
    history_days = history_days[:kept]
    owner = np.repeat(np.arange(kept), orders)
    day = first[owner] + np.floor(rng.random(len(owner)) * span[owner]).astype(np.int64)

    # Split each revenue into its orders (Dirichlet weights), in cents, the rounding rest on one order.
    weight = rng.gamma(4.0, size=len(owner))
    weight /= np.bincount(owner, weight, minlength=kept)[owner]
    revenue = customers["Umsatz"].to_numpy()[:kept]
    revenue_cents = np.round(revenue * 100).astype(np.int64)
    cents = np.floor(weight * revenue_cents[owner]).astype(np.int64)
    rest = revenue_cents - np.bincount(owner, cents, minlength=kept).astype(np.int64)
    order = np.lexsort((day, owner))
    owner, day, cents = owner[order], day[order], cents[order]
    last_of_customer = np.cumsum(orders) - 1
    cents[last_of_customer] += rest

    # The purchases before the window: same rate, baskets around the customer's average order value.
    past_owner = np.repeat(np.arange(kept), earlier)
    past_day = signup[past_owner] + np.floor(rng.random(len(past_owner)) * history_days[past_owner]).astype(
        np.int64
    )
    basket = revenue / np.maximum(orders, 1)
    past_cents = np.round(basket[past_owner] * rng.gamma(4.0, 0.25, len(past_owner)) * 100).astype(np.int64)
    owner = np.concatenate([past_owner, owner])
    day = np.concatenate([past_day, day])
    cents = np.concatenate([past_cents, cents])
    order = np.lexsort((day, owner))
    return pd.DataFrame(
        {
            "Kundennummer": customers["Kundennummer"].to_numpy()[owner[order]],
            "Datum": day[order].astype("datetime64[ns]"),
            "Betrag": cents[order] / 100,
        }
    ).astype({"Kundennummer": "str"})


def generate_demo(
    *,
    n_customers: int = 4000,
    n_responses: int | None = None,
    seed: int = 42,
    reference_date: date = REFERENCE_DATE,
    with_transactions: bool = True,
) -> DemoData:
    """Generate the demo shop: customers, survey responses and transactions with planted truths.

    Parameters
    ----------
    n_customers : int, default 4000
        Number of customers (at most 1,048,575, one Excel sheet).
    n_responses : int, optional
        Number of survey responses; defaults to 1.2 per customer (capped at one Excel sheet).
    seed : int, default 42
        Seed of ``numpy.random.default_rng``: the same arguments always give the same tables.
    reference_date : date, default REFERENCE_DATE
        "Now" of the data: the latest date in it (the newest customer signs up on it).
    with_transactions : bool, default True
        Whether to build the transaction table (else it is empty, with its columns).

    Returns
    -------
    DemoData
        ``customers`` (sheet "Kunden"), ``survey`` ("Umfrage"), ``transactions`` ("Transaktionen") with
        German headers, and ``persona_truth`` (planted persona 0…3 per ``Kundennummer``).

    Examples
    --------
    >>> data = generate_demo(n_customers=400, seed=1)
    >>> data.customers.shape, data.survey.shape
    ((400, 13), (480, 16))
    >>> data.customers["Kundennummer"].iloc[0], data.persona_truth.value_counts().sort_index().tolist()
    ('K-000001', [140, 100, 88, 72])
    >>> data.customers["Anmeldedatum"].max().date(), list(data.survey.columns[5:8])
    (datetime.date(2026, 9, 30), ['Werbung', 'Social Media', 'Website'])
    >>> last_year = data.transactions.merge(data.customers, on="Kundennummer")
    >>> end = last_year["Kündigungsdatum"].fillna(pd.Timestamp(REFERENCE_DATE) + pd.Timedelta(days=1))
    >>> last_year = last_year[last_year["Datum"] > end - pd.Timedelta(days=366)]
    >>> spent = last_year.groupby("Kundennummer")["Betrag"].sum().round(2)
    >>> bool((spent == data.customers.set_index("Kundennummer")["Umsatz"].loc[spent.index]).all())
    True
    """
    _check_options(n_customers, n_responses, seed, reference_date)
    if n_responses is None:
        n_responses = min(EXCEL_MAX_ROWS, round(RESPONSES_PER_CUSTOMER * n_customers))
    rng = np.random.default_rng(seed)
    reference = np.datetime64(reference_date, "D")
    customers, persona = _customers(rng, int(n_customers), reference)
    survey = _survey(rng, customers, persona, int(n_responses), reference)
    if with_transactions:
        transactions = _transactions(rng, customers, reference)
    else:
        transactions = pd.DataFrame(
            {
                "Kundennummer": pd.array([], dtype="str"),
                "Datum": np.array([], dtype="datetime64[ns]"),
                "Betrag": np.array([], dtype=float),
            }
        )
    truth = pd.Series(persona, index=pd.Index(customers["Kundennummer"], name="Kundennummer"), name="persona")
    return DemoData(customers, survey, transactions, truth)


def _fixed_modified(core_xml: bytes) -> bytes:
    """The document properties with the fixed "modified" time (openpyxl stamps the saving time)."""
    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(
        rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>", core_xml
    )


def _stable_zip(content: bytes) -> bytes:
    """The same zip archive with a fixed timestamp on every entry (openpyxl stamps the current time)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = entry.external_attr
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                content = _fixed_modified(content)
            target.writestr(info, content)
    return target_buffer.getvalue()


def _workbook_bytes(sheets: dict[str, pd.DataFrame], *, header: bool = True) -> bytes:
    """An xlsx workbook of ``sheets`` with dates as DD.MM.YYYY and fixed document properties."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(
        buffer, engine="openpyxl", date_format="DD.MM.YYYY", datetime_format="DD.MM.YYYY"
    ) as xl:
        for name, frame in sheets.items():
            frame.to_excel(xl, sheet_name=name, index=False, header=header and name != NOTES_SHEET)
        properties = xl.book.properties
        properties.created = properties.modified = FIXED_TIMESTAMP
        properties.creator = properties.lastModifiedBy = "cxlib.demo"
    return _stable_zip(buffer.getvalue())


def write_demo(directory: str | Path, *, data: DemoData | None = None) -> list[Path]:
    """Write customers.xlsx, survey.xlsx and transactions.xlsx of ``data`` into ``directory``.

    Parameters
    ----------
    directory : str or Path
        Created when missing; existing demo files are overwritten.
    data : DemoData, optional
        Defaults to ``generate_demo()``.

    Returns
    -------
    list of Path
        The three files, customers first. Written twice, they are byte-identical.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     paths = write_demo(folder, data=generate_demo(n_customers=50))
    ...     [path.name for path in paths], pd.ExcelFile(paths[0]).sheet_names
    (['customers.xlsx', 'survey.xlsx', 'transactions.xlsx'], ['Kunden', 'Hinweise'])
    """
    if data is None:
        data = generate_demo()
    if not isinstance(data, DemoData):
        raise ValueError(f"data must be DemoData or None, got {type(data).__name__}")
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    reference = max(data.customers["Anmeldedatum"].max(), data.survey["Datum"].max())
    notes = pd.DataFrame({"Hinweis": [line.format(reference=f"{reference:%d.%m.%Y}") for line in NOTES]})
    workbooks = {
        "customers": {SHEETS["customers"]: data.customers, NOTES_SHEET: notes},
        "survey": {SHEETS["survey"]: data.survey},
        "transactions": {SHEETS["transactions"]: data.transactions},
    }
    paths = []
    for table, sheets in workbooks.items():
        path = folder / FILES[table]
        path.write_bytes(_workbook_bytes(sheets))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """``python -m cxlib.demo``: (re)write the demo workbooks."""
    parser = argparse.ArgumentParser(prog="python -m cxlib.demo", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="sample_data", help="target folder (default: sample_data)")
    parser.add_argument("--customers", type=int, default=4000, help="number of customers (default: 4000)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default: 42)")
    arguments = parser.parse_args(argv)
    paths = write_demo(
        arguments.out, data=generate_demo(n_customers=arguments.customers, seed=arguments.seed)
    )
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
