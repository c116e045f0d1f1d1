"""The four journey phases, and a guess of a touchpoint's phase from its German or English name.

The phases always come in the same order (activation → information → purchase → loyalty, loyalty being
the start of the next journey); the touchpoints inside a phase vary from company to company. The keys in
:data:`PHASES` are a public interface (the CLI's JSON uses them): never rename one.

Matching works on a normalised name: lower case, umlauts spelled out (``ä`` → ``ae``, ``ß`` → ``ss``),
punctuation and underscores turned into spaces, so "Check-in", "o_checkin" and "CHECK IN" all match.
A vocabulary term matches as a whole word or phrase (a plural "s" allowed); terms of five letters or
more also match inside a word, because German glues nouns together ("Onlinewerbung", "Flugbuchung").
The longest matching term wins, so "Newsletter signup" is activation while "Newsletter" alone is loyalty.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

PHASES: tuple[str, ...] = ("activation", "information", "purchase", "loyalty")

#: The phase of a touchpoint whose name gives no clue and that has no known touchpoint before it.
DEFAULT_PHASE = "information"

# Terms are written already normalised (lower case, umlauts spelled out, no punctuation).
# fmt: off
_VOCABULARY: dict[str, tuple[str, ...]] = {
    "activation": (
        "ad", "ads", "advert", "advertisement", "advertising", "campaign", "banner", "tv", "television",
        "tv spot", "radio", "poster", "billboard", "flyer", "leaflet", "brochure", "mailing", "direct mail",
        "social media", "social network", "facebook", "instagram", "tiktok", "youtube", "linkedin", "twitter",
        "pinterest", "influencer", "word of mouth", "recommendation by friend", "recommendation by a friend",
        "friend recommendation", "friends recommendation", "referral", "press", "newspaper", "magazine",
        "article", "shop window", "window display", "newsletter signup", "newsletter sign up",
        "newsletter subscription", "awareness", "sponsoring", "event", "trade fair", "outdoor", "werbung",
        "anzeige", "anzeigen", "inserat", "plakat", "litfasssaeule", "prospekt", "werbebrief", "postwurf",
        "fernsehwerbung", "fernsehen", "radiowerbung", "kinowerbung", "soziale medien", "soziale netzwerke",
        "mundpropaganda", "empfehlung von freunden", "empfehlung durch freunde", "freundesempfehlung",
        "tipp von freunden", "presse", "zeitung", "zeitschrift", "schaufenster", "newsletter anmeldung",
        "messe", "aktivierung",
    ),
    "information": (
        "website", "web site", "webpage", "homepage", "home page", "landing page", "app", "mobile app",
        "online shop", "webshop", "search", "search engine", "google", "price comparison", "comparison",
        "reviews", "review", "ratings portal", "product page", "product detail", "hotline", "call center",
        "information", "info", "consultation", "advice", "catalogue", "catalog", "showroom", "store visit",
        "shop visit", "branch", "faq", "chat", "chatbot", "demo", "test drive", "brochure request", "quote",
        "offer", "webseite", "internetseite", "startseite", "suche", "suchmaschine", "produktsuche",
        "onlinesuche", "preisvergleich", "vergleichsportal", "bewertungen", "kundenbewertungen",
        "produktseite", "beratung", "beratungsgespraech", "katalog", "ausstellung", "filiale", "filialbesuch",
        "ladenbesuch", "probefahrt", "angebot", "informationsbeschaffung", "informationen",
    ),
    "purchase": (
        "cart", "shopping cart", "basket", "checkout", "check out", "payment", "pay", "booking", "book",
        "order", "ordering", "reservation", "confirmation", "order confirmation", "confirmation email",
        "confirmation e mail", "check in", "checkin", "ticket", "ticketing", "ticket desk", "contract",
        "signing", "sign up", "signup", "registration", "purchase", "buying", "pick up", "pickup",
        "click and collect", "till", "cash desk", "warenkorb", "kasse", "bezahlung", "zahlung",
        "bezahlvorgang", "buchung", "bestellung", "bestellvorgang", "bestellbestaetigung",
        "buchungsbestaetigung", "bestaetigung", "reservierung", "vertragsabschluss", "vertrag", "kauf",
        "kaufabschluss", "einkauf", "anmeldung", "registrierung", "abholung", "einchecken", "ticketkauf",
    ),
    "loyalty": (
        "delivery", "shipping", "shipment", "unboxing", "packaging", "installation", "setup", "use", "usage",
        "product", "product quality", "quality", "service", "support", "customer service", "customer support",
        "after sales", "returns", "return", "refund", "invoice", "billing", "bill", "complaint", "complaints",
        "loyalty", "loyalty programme", "loyalty program", "newsletter", "departure", "boarding", "cabin",
        "seat", "meal", "food", "catering", "crew", "staff", "flight", "arrival", "baggage", "luggage",
        "experience", "stay", "room", "repair", "maintenance", "warranty", "renewal", "follow up",
        "aftercare", "tracking", "shipping confirmation", "dunning", "payment reminder", "cancellation",
        "lieferung", "versand", "zustellung", "verpackung", "auspacken", "aufbau", "nutzung", "gebrauch",
        "produkt", "produktqualitaet", "qualitaet", "kundenservice", "kundendienst", "retoure",
        "ruecksendung", "rueckgabe", "erstattung", "rechnung", "abrechnung", "reklamation", "beschwerde",
        "treueprogramm", "bonusprogramm", "kundenkarte", "kundenbindung", "abflug", "kabine", "essen",
        "verpflegung", "besatzung", "personal", "flug", "ankunft", "gepaeck", "aufenthalt", "zimmer",
        "reparatur", "wartung", "garantie", "verlaengerung", "rueckflug", "hinflug", "versandbestaetigung",
        "sendungsverfolgung", "lieferstatus", "mahnung", "zahlungserinnerung", "kuendigung", "erlebnis",
    ),
}
# Header words that mark an outcome, an id or a date rather than a touchpoint rating.
_NOT_A_TOUCHPOINT: tuple[str, ...] = (
    "overall", "total", "nps", "recommend", "recommendation", "likelihood", "weiterempfehlung", "gesamt",
    "insgesamt", "gesamtzufriedenheit", "gesamturteil", "gesamteindruck", "id", "nr", "nummer", "number",
    "date", "datum", "comment", "kommentar",
)
# Header words that say "this column is a rating of something" without naming the touchpoint.
_RATING_WORDS: tuple[str, ...] = (
    "zufriedenheit mit", "satisfaction with", "rating", "bewertung", "touchpoint", "touch point",
    "kontaktpunkt", "beruehrungspunkt", "csat",
)
# fmt: on

_MIN_INNER_MATCH = 5  # shorter terms ("ad", "app", "use", "kauf") must be whole words
# Five-letter terms that hide inside unrelated words ("Interessen", "prevent", "Messen").
_WHOLE_WORD_ONLY = frozenset({"essen", "event", "offer", "quote", "messe", "staff", "flyer"})


def _normalise(name: str) -> str:
    """Lower case, umlauts spelled out, accents dropped, anything but letters and digits one space."""
    text = name.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.split(r"[^a-z0-9]+", text)).strip()


def _term_matches(term: str, words: list[str], padded: str) -> bool:
    """Whether ``term`` occurs as a phrase, a whole word (plural "s" allowed) or, if long, inside a word."""
    if " " in term:
        return f" {term} " in padded
    return any(
        word in (term, term + "s")
        or (len(term) >= _MIN_INNER_MATCH and term not in _WHOLE_WORD_ONLY and term in word)
        for word in words
    )


def _best_match(text: str) -> tuple[str, str] | None:
    """The (phase, term) of the longest vocabulary term found in the normalised ``text``, or None."""
    words, padded = text.split(), f" {text} "
    best: tuple[str, str] | None = None
    for phase in PHASES:
        for term in _VOCABULARY[phase]:
            if (best is None or len(term) > len(best[1])) and _term_matches(term, words, padded):
                best = (phase, term)
    return best


def _check_names(names: Sequence[str]) -> None:
    if isinstance(names, str):
        raise ValueError("expected a sequence of names, not a single string")
    bad = [name for name in names if not isinstance(name, str)]
    if bad:
        raise ValueError(f"touchpoint names must be strings, got {bad[:3]!r}")


def guess_phase(touchpoint: str) -> str | None:
    """The journey phase a touchpoint name suggests, or None when the name gives no clue.

    Parameters
    ----------
    touchpoint : str
        A touchpoint or column name in German or English ("Lieferung", "o_checkin", "Price comparison").

    Returns
    -------
    str or None
        One of :data:`PHASES`, or None.

    Examples
    --------
    >>> guess_phase("Mundpropaganda")
    'activation'
    >>> guess_phase("Preisvergleich")
    'information'
    >>> guess_phase("o_checkin")
    'purchase'
    >>> guess_phase("Rücksendung")
    'loyalty'
    >>> guess_phase("Newsletter signup"), guess_phase("Newsletter")
    ('activation', 'loyalty')
    >>> guess_phase("How satisfied were you with your purchase? [Website]")  # the grid row, not the question
    'information'
    >>> guess_phase("Headline") is None  # "ad" only counts as a whole word
    True
    """
    _check_names([touchpoint])
    item = grid_row(touchpoint)
    match = (_best_match(_normalise(item)) if item else None) or _best_match(_normalise(touchpoint))
    return match[0] if match else None


#: The row of a grid question after its question text: Google Forms' "Question [Row]", the tools'
#: "Question - Row" (Qualtrics, SurveyMonkey) and "Question: Row" (Jotform's matrix, hand-made sheets).
_GRID_ROW = re.compile(
    r"^(?P<question>.*\S)\s*(?:\[(?P<bracket>[^\[\]]+)\]|\s[-–]\s+(?P<dash>.+?)|:\s+(?P<colon>.+?))\s*$"
)


def grid_row(header: str) -> str | None:
    """The row name of a grid question's column (what the row rates), or None for a plain header.

    Examples
    --------
    >>> grid_row("How satisfied were you with the following? [Delivery]")
    'Delivery'
    >>> grid_row("Q5 - Lieferung"), grid_row("Please rate: Check-in"), grid_row("Check-in")
    ('Lieferung', 'Check-in', None)
    """
    found = _GRID_ROW.match(str(header).strip())
    if found is None or not any(ch.isalpha() for ch in found.group("question")):
        return None
    row = found.group("bracket") or found.group("dash") or found.group("colon")
    return row.strip() if row and any(ch.isalpha() for ch in row) else None


def touchpoint_likeness(header: str) -> float:
    """How much a column header sounds like a journey touchpoint rating, from 0 to 1.

    1.0 for a vocabulary hit ("Lieferung", "Zufriedenheit Website"); 0.5 for a header that says it is a
    rating without naming a known touchpoint ("Bewertung Schritt 3"); 0.1 for a header that also names an
    outcome, an id or a date ("Gesamtzufriedenheit", "Overall service", "Bestellnummer"); 0.0 otherwise.
    Column mapping should assign the outcome roles (recommend, satisfaction) before it asks this.

    Parameters
    ----------
    header : str
        A column header as it stands in the file.

    Returns
    -------
    float
        0.0, 0.1, 0.5 or 1.0.

    Examples
    --------
    >>> touchpoint_likeness("Lieferung")
    1.0
    >>> touchpoint_likeness("Bewertung Schritt 3")
    0.5
    >>> touchpoint_likeness("Overall service"), touchpoint_likeness("Kundennummer")
    (0.1, 0.1)
    >>> touchpoint_likeness("Recommendation by friend")  # an outcome word inside a touchpoint name
    1.0
    >>> touchpoint_likeness("Alter")
    0.0
    """
    _check_names([header])
    text = _normalise(header)
    match = _best_match(text)
    if match is not None:
        # Outcome words inside the matched term do not count ("recommendation by friend" is a touchpoint).
        text = re.sub(rf"[a-z0-9]*{match[1]}[a-z0-9]*", " ", text)
    words, padded = text.split(), f" {text} "
    if any(_term_matches(marker, words, padded) for marker in _NOT_A_TOUCHPOINT):
        return 0.1
    if match is not None:
        return 1.0
    if any(_term_matches(word, words, padded) for word in _RATING_WORDS):
        return 0.5
    return 0.0


def guess_phases(touchpoints: Sequence[str]) -> dict[str, str]:
    """A phase for every touchpoint, in journey order.

    A touchpoint whose name gives no clue inherits the phase of the touchpoint before it (the list is in
    time order); one with no known touchpoint before it gets :data:`DEFAULT_PHASE` ("information").

    Parameters
    ----------
    touchpoints : sequence of str
        Touchpoint names in journey order.

    Returns
    -------
    dict
        Touchpoint name -> one of :data:`PHASES`, in the given order.

    Examples
    --------
    >>> guess_phases(["Plakat", "Schritt 2", "Website", "Warenkorb", "Lieferung"])
    {'Plakat': 'activation', 'Schritt 2': 'activation', 'Website': 'information',
     'Warenkorb': 'purchase', 'Lieferung': 'loyalty'}
    >>> guess_phases(["Step 1", "Booking"])
    {'Step 1': 'information', 'Booking': 'purchase'}
    """
    _check_names(touchpoints)
    phases: dict[str, str] = {}
    previous = DEFAULT_PHASE
    for touchpoint in touchpoints:
        previous = guess_phase(touchpoint) or previous
        phases[touchpoint] = previous
    return phases
