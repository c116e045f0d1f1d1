"""What the columns of a customer table mean, read the way an analyst would, with the evidence kept.

Headers alone mislead: ``Credit_Limit`` is money but not spend, ``MonthlyCharges`` is spend per month,
``Total_Trans_Amt`` in a file whose other columns count "12 months" is a year's spend, ``zip`` is a
number but no trait, ``DOB`` is an age in disguise. This module

* checks that the roles fit their values (:func:`refine_customer_mapping`): the identifier is
  near-unique, ``revenue`` is non-negative spend (never a balance, limit, salary, loan or constant);
* marks the money period of ``revenue`` (:func:`money_period`);
* says which columns must never describe a persona (:func:`persona_exclusion`): identifiers, row
  numbers, postal codes, coordinates, phone numbers, free text, near-constant columns, leaked model
  scores, raw birth years and dates of birth, survey weights, a marketing campaign's calls and answers
  and the economy at the time of a call;
* derives the age from a birth year or date of birth (:func:`derived_age`) and flags values that
  cannot be real (:func:`implausible`).

Everything returns language-neutral codes; words come from the string table (``evidence.<code>``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

import numpy as np
import pandas as pd

from cxlib.mapping import ColumnMapping, names_role, normalize_header
from cxlib.parsing import marked_missing, parse_dates, parse_numbers
from cxlib.reading import SUM_WORDS
from cxlib.roles import role
from cxlib.tables import ColumnMatch, ColumnMeaning, Evidence

NEAR_UNIQUE = 0.95
NOT_AN_ID = 0.5
NEAR_CONSTANT = 0.98
FREE_TEXT_LENGTH = 30
MAX_AGE = 110
MODEL_SCORE_HEADER_LENGTH = 60
ROW_NUMBER_COLUMN = "__row_number__"
#: Rows whose values decide whether a column describes personas (header checks see every column).
VALUE_SAMPLE = 20_000
#: Fewer filled values than this are too few to call a column constant or not unique.
MIN_ROWS_TO_JUDGE = 10
#: Counts are whole numbers: more values with decimals than this share, and a column is an amount.
MAX_FRACTIONAL_COUNTS = 0.05

_ID_WORDS = frozenset({"id", "nr", "no", "num", "number", "nummer", "key", "code", "clientnum", "custid"})
_NOT_SPEND_WORDS = frozenset(
    {
        "balance",
        "bal",
        # open items of accounts receivable ("Offene Posten", "Offener Betrag", "Outstanding Amount")
        "offen",
        "offene",
        "offener",
        "offenen",
        "outstanding",
        "ausstehend",
        "ausstehender",
        "overdue",
        "ueberfaellig",
        "überfällig",
        "forderung",
        "forderungen",
        "limit",
        "credit",
        "salary",
        "income",
        "loan",
        "debt",
        "mortgage",
        "saldo",
        "kontostand",
        "gehalt",
        "einkommen",
        "darlehen",
        "kredit",
        "kreditlimit",
        "open",
        "utilization",
        "ratio",
        "chng",
        "change",
        "score",
        "cashback",
        "hike",
        "growth",
        "pct",
        "percent",
        "discount",
        "rabatt",
        "hour",
        "hours",
        "time",
        "days",
        "day",
        "since",
        "count",
        "ct",
        "number",
        "rate",
        "stunden",
        "anzahl",
        # "Policy_Sales_Channel", "Sales Rep", "Umsatz Region": a spend word that qualifies a code or a
        # who/where, not an amount
        "channel",
        "kanal",
        "code",
        "rep",
        "agent",
        "territory",
        "team",
        "stage",
    }
)
#: "Recent Deal Amount", "Betrag des letzten Deals", "Last Order Amount": one purchase, not revenue.
_LATEST = frozenset({"last", "latest", "recent", "letzte", "letzten", "letzter", "letztes", "zuletzt",
                     "juengste"})  # fmt: skip
_ONE_PURCHASE = frozenset({"deal", "deals", "order", "bestellung", "auftrag", "kauf", "einkauf", "purchase",
                           "invoice", "rechnung", "transaction", "transaktion", "payment",
                           "zahlung"})  # fmt: skip
_SPEND_PATTERNS = (
    "revenue",
    "sales",
    "spend",
    "spent",
    "charges",
    "charge",
    "trans amt",
    "transaction amount",
    "purchase amount",
    "monetary",
    "turnover",
    "umsatz",
    "ausgaben",
    "amount",
    "betrag",
    "mrr",
    "arr",
    "beitrag",
    "fee",
    "fees",
    "gebuehr",
    "gebühr",
    "subscription",
    "abopreis",
    "praemie",
    "prämie",
    "premium",
)
_MONTH_PATTERNS = ("monthly", "month", "monatlich", "monat", "monats", "p m", "per month", "mtl", "mrr")
_YEAR_PATTERNS = (
    "12 mon",
    "12 month",
    "last 12",
    "annual",
    "yearly",
    "per year",
    "p a",
    "jaehrlich",
    "jährlich",
    "jahres",
    "pro jahr",
    "arr",
    "vorjahr",
    "last year",
    "prior year",
    "previous year",
)
_LIFETIME_PATTERNS = ("total", "gesamt", "lifetime", "cumulative", "kumuliert", "ltv", "all time")
#: The year so far ("Umsatz lfd. Jahr", "Revenue YTD"): less than a year's revenue until December.
_YEAR_TO_DATE_PATTERNS = (
    "ytd",
    "year to date",
    "lfd jahr",
    "laufendes jahr",
    "lfd gj",
    "bisher",
    "kumuliert lfd",
)
_POSTAL = frozenset({"zip", "zipcode", "postal", "postcode", "plz", "postleitzahl"})
_COORDINATE = frozenset({"lat", "latitude", "lon", "long", "longitude", "lng", "breitengrad", "laengengrad"})
_PHONE = frozenset({"phone", "telephone", "telefon", "tel", "mobile", "handy", "fax", "mobil"})
_PERSONAL_HEADERS = frozenset(
    {"name", "fullname", "customername", "clientname", "kundenname", "firstname", "lastname", "surname",
     # the company's name in a B2B customer master (DATEV/SAP "Name 1", "Firma"), as personal as a person's
     "firma", "firmenname", "firmierung", "companyname", "unternehmensname", "accountname", "name1", "name2"}
)  # fmt: skip
_PERSONAL = frozenset(
    {
        "firstname",
        "lastname",
        "surname",
        "vorname",
        "nachname",
        "email",
        "mail",
        "address",
        "adresse",
        "street",
        "strasse",
        "iban",
    }
)
_WEIGHT = frozenset({"weight", "gewicht", "wgt", "gewichtung", "weighting"})
_MODEL_WORDS = frozenset({"classifier", "prediction", "predicted", "probability", "propensity", "proba"})
#: Model outputs written as one German compound or next to a churn word ("Kündigungswahrscheinlichkeit",
#: "Abwanderungsrisiko", "churn_score"): a score that already knows the answer, never a trait.
_MODEL_STEMS = ("wahrscheinlichkeit", "prognose", "vorhersage", "probability", "propensity", "prediction")
_RISK_WORDS = ("score", "risk", "risiko")
#: A customer value computed elsewhere (IBM Telco's "CLTV", a CRM's "Kundenwert"): the answer of another
#: model, never a trait and never spend.
_PRECOMPUTED_VALUE = frozenset({"cltv", "clv", "ltv", "kundenwert", "kundenertragswert", "customervalue"})
_PRECOMPUTED_PATTERNS = ("lifetime value", "customer value", "customer lifetime")
#: Scores a customer-success or sales tool computes to predict churn or buying ("health_score" of a SaaS
#: export, "Lead Score"): the answer of another model, never a trait.
_TOOL_SCORES = ("healthscore", "leadscore", "riskscore", "risikoscore", "engagementscore")
#: What a CRM or mailing tool rates a contact by (HubSpot's "HubSpot Score" 0–100, Mailchimp's
#: "MEMBER_RATING" 1–5 engagement stars, a "Lead Grade"): the tool's judgement of the contact, never a
#: trait of the customer and never their satisfaction.
_SCORE_WORDS = frozenset({"score", "rating", "grade", "stars", "bewertung", "punkte"})
_TOOL_WORDS = frozenset({"lead", "hubspot", "member", "engagement", "predictive", "mailchimp", "fit"})
_TOOL_SCORE_HEADERS = ("hubspotscore", "likelihoodtoclose")
#: A sales rep's temperature of an account (Salesforce "Rating": Hot, Warm, Cold).
_TEMPERATURE_WORDS = frozenset({"hot", "warm", "cold", "heiss", "heiß", "kalt", "lauwarm"})
#: Who looks after the customer inside the company (Salesforce "Account Owner", an ERP's "Vertreter").
_OWNER_HEADERS = frozenset({"owner", "accountowner", "contactowner", "recordowner", "hubspotowner",
                            "companyowner", "leadowner", "dealowner", "ownername", "accountmanager",
                            "keyaccountmanager", "salesrep", "salesperson", "assignedto"})  # fmt: skip
_OWNER_WORDS = frozenset({"vertreter", "betreuer", "kundenbetreuer", "sachbearbeiter", "bearbeiter",
                          "aussendienst", "aussendienstmitarbeiter", "innendienst", "verkaeufer", "verkäufer",
                          "zustaendig", "zuständig", "handelsvertreter", "gebietsleiter"})  # fmt: skip
#: A time-zone offset (Mailchimp's "GMTOFF", "DSTOFF"): hours from UTC, no trait and no quantity.
_OFFSET_HEADERS = frozenset({"gmtoff", "dstoff", "gmtoffset", "utcoffset", "dstoffset", "tzoffset",
                             "timezoneoffset", "zeitzonenversatz"})  # fmt: skip
#: Headers of a note typed about the customer ("Note" in a Shopify export, "Bemerkung" in an ERP).
_NOTE_WORDS = frozenset({"note", "notes", "notiz", "notizen", "bemerkung", "bemerkungen", "anmerkung",
                         "anmerkungen", "kommentar", "comment", "comments", "memo", "hinweis"})  # fmt: skip
#: Header words of a code written as a number ("Policy_Sales_Channel" 26/124/152, "Tarif-Kennzeichen"):
#: its mean says nothing.
_CODE_WORDS = frozenset({"code", "channel", "kanal", "kennzeichen", "kz", "schluessel", "schlüssel"})
#: A marketing campaign by its header ("campaign", "AcceptedCmp3", "Kampagne 2"), or the previous campaign
#: of a bank-marketing table ("pdays": days since its call, 999 = none; "poutcome": its result): the
#: company's contact with the customer, never a trait.
_CAMPAIGN_WORD = re.compile(r"(?:campaigns?|kampagnen?|cmp|pdays|poutcome)\d*")
#: In a table with campaign columns, these headers describe the campaign's call to the customer (its
#: channel, day, month and length) or the earlier campaigns ("previous": calls before this one).
_CALL_HEADERS = frozenset({"contact", "contact type", "kontakt", "kontaktart", "kontaktweg", "duration",
                           "call duration", "dauer", "anrufdauer", "gespraechsdauer", "gesprächsdauer",
                           "day", "tag", "month", "monat", "day of week", "weekday", "wochentag",
                           "previous"})  # fmt: skip
#: The answer a table was collected or published for ("y" of the UCI bank set, "Response" of a campaign,
#: "target"): a yes/no outcome; personas built on it sort customers by the answer.
_OUTCOME_HEADERS = frozenset({"y", "target", "response", "responded", "outcome", "zielvariable", "reaktion",
                              "rücklauf", "ruecklauf", "zielgröße", "zielgroesse"})  # fmt: skip
#: Indicators of the economy at the time of a contact ("euribor3m", "cons.price.idx", "emp.var.rate",
#: "nr.employed" of the UCI bank set; "Verbraucherpreisindex", "Leitzins"): the same for everyone contacted
#: that month, never a trait of the customer.
_MARKET_INDICATORS = ("euribor", "libor", "cpi", "price idx", "price index", "conf idx", "confidence idx",
                      "confidence index", "consumer confidence", "emp var rate", "employment variation",
                      "nr employed", "inflation", "inflationsrate", "verbraucherpreisindex", "konsumklima",
                      "leitzins", "arbeitslosenquote", "unemployment rate", "gdp")  # fmt: skip
#: The suffix a header gets when it collides with a name the analysis uses ("y" -> "y (original)").
_RENAMED = re.compile(r"\s\(original(?: \d+)?\)$")
#: A number that is this constant a multiple of revenue (MRR beside ARR) is revenue again.
SAME_RATIO = 1e-6
#: A phone number has at least this many digits ("PhoneService" Yes/No is a service, not a number).
_PHONE_DIGITS = 6
_ADDRESS_PARTS = frozenset({"hausnummer", "housenumber", "streetnumber", "hnr", "hausnr", "adresszusatz"})
#: Company-size columns of a CRM: with them, "Annual Revenue" is the customer company's own turnover.
_HEADCOUNT = ("employees", "number of employees", "mitarbeiter", "mitarbeiterzahl", "anzahl mitarbeiter",
              "beschaeftigte", "beschäftigte", "headcount", "company size", "firmengroesse", "firmengröße",
              "unternehmensgroesse", "unternehmensgröße")  # fmt: skip
_COMPANY = frozenset({"company", "firma", "firmen", "unternehmen", "organization", "organisation", "account"})
_ROUND_MONEY = 1000
#: The company-revenue field of a CRM (HubSpot and Salesforce "Annual Revenue", German "Jahresumsatz").
_COMPANY_REVENUE_FIELDS = ("annual revenue", "jahresumsatz", "jaehrlicher umsatz", "jährlicher umsatz")
#: A latest yearly total below this share of the year before is a year still running, not a full year.
RUNNING_YEAR_SHARE = 0.75
#: A calendar or fiscal year in a header: "Umsatz 2024", "Revenue FY23", "Umsatz GJ 2023".
_YEAR_IN_HEADER = re.compile(r"(?<![0-9])(?:fy|gj|wj)?\s?'?((?:19|20)\d{2}|\d{2})(?![0-9])", re.IGNORECASE)
#: Header words of the day a customer left: "Gekündigt am", "Kündigung zum", "Cancelled at", "Churn date".
_CHURN_STEMS = ("kuendig", "kündig", "gekuendigt", "gekündigt", "cancel", "churn", "austritt",
                "ausgetreten", "abgewandert", "abwander", "terminat", "exit", "abgang", "verloren", "lost",
                "closed")  # fmt: skip
_CHURN_DAY_WORDS = ("am", "zum", "seit", "at", "on", "date", "datum", "day", "tag", "per", "bis", "since")
_UNTIL = ("kunde bis", "customer until", "member until", "end date", "ended at", "enddatum", "vertragsende")
#: Flag words that only say "yes" (not what happened): a status needs words that say churned or active.
_PLAIN_YES_NO = frozenset({"1", "1.0", "0", "0.0", "yes", "y", "no", "n", "true", "false", "wahr", "falsch",
                           "ja", "j", "nein", "x"})  # fmt: skip
_STATUS_HEADERS = ("status", "state", "zustand", "kundenstatus", "type", "typ", "stage", "lifecycle",
                   "vertragsstatus", "account status", "customer status")  # fmt: skip
_DORMANT = frozenset({"inactive", "inaktiv"})
MAX_STATUS_WORDS = 20
STATUS_SHARE = 0.8
_BIRTH_YEAR = (
    "birth year",
    "year of birth",
    "year birth",
    "birth yr",
    "yob",
    "geburtsjahr",
    "jahrgang",
    "birthyear",
)
_BIRTH_DATE = ("dob", "date of birth", "birth date", "birthdate", "birthday", "geburtsdatum", "geburtstag")


def _words(header: object) -> set[str]:
    return set(normalize_header(header).split())


def _has(header: object, patterns: Iterable[str]) -> bool:
    text = f" {normalize_header(header)} "
    squashed = text.replace(" ", "")
    return any(f" {p} " in text or (len(p) > 5 and p.replace(" ", "") in squashed) for p in patterns)


def _numbers(values: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.astype(float)
    numbers, bad, _ = parse_numbers(values)
    return numbers.where(~bad)


def distinct_share(values: pd.Series) -> float:
    """Distinct filled values / filled values (1.0 = every value unique).

    Examples
    --------
    >>> distinct_share(pd.Series(["a", "b", "b", None]))
    0.6666666666666666
    """
    known = values.dropna()
    return float(known.nunique() / len(known)) if len(known) else 0.0


def id_header(header: object) -> bool:
    """A header naming an identifier: "ID", "Kundennummer", "Vertrags-Nr.", "CLIENTNUM"."""
    words = _words(header)
    squashed = normalize_header(header).replace(" ", "")
    return bool(words & _ID_WORDS) or squashed.endswith(("id", "num", "nr", "nummer"))


# ----- roles that must fit their values -----------------------------------------------------------


def spend_problem(
    header: object, values: pd.Series, siblings: Iterable[object] = (), *, crm: bool = False
) -> str | None:
    """Why a column cannot be ``revenue`` (an evidence code), or None when it can.

    ``siblings`` are the file's other headers: with a company-size column beside it, "Annual Revenue"
    is the customer company's own turnover (a CRM field), not what the customer spends with us. ``crm``
    says the file is a CRM export (a lifecycle or account-type column, :func:`is_crm_export`): there an
    "Annual Revenue" is the company's turnover even without a company-size column.

    Examples
    --------
    >>> spend_problem("Credit_Limit", pd.Series([1000.0, 2000.0]))
    'not_spend_header'
    >>> spend_problem("Umsatz", pd.Series([5.0] * 20))
    'constant'
    >>> spend_problem("Umsatz", pd.Series([-50.0, 10.0, 20.0]))
    'negative_money'
    >>> spend_problem("MonthlyCharges", pd.Series([29.85, 56.95])) is None
    True
    >>> spend_problem("Annual Revenue", pd.Series([1e6, 5e6]), ["Number of Employees"])
    'company_revenue'
    >>> spend_problem("Annual Revenue", pd.Series([1e6, 5e6]), crm=True)
    'company_revenue_crm'
    >>> spend_problem("Betrag des letzten Deals", pd.Series([1e3, 5e3]))
    'last_purchase_amount'
    """
    if _words(header) & _NOT_SPEND_WORDS:
        return "not_spend_header"
    if _words(header) & _LATEST and _words(header) & _ONE_PURCHASE:
        return "last_purchase_amount"
    numbers = _numbers(values).dropna()
    if company_revenue(header, numbers, siblings):
        return "company_revenue"
    if crm and _has(header, _COMPANY_REVENUE_FIELDS):
        return "company_revenue_crm"
    if numbers.empty:
        return "not_numeric"
    if len(numbers) >= MIN_ROWS_TO_JUDGE and numbers.nunique() < 2:
        return "constant"
    if (numbers < 0).mean() > 0.05:
        return "negative_money"
    return None


#: A span a header states: a number with a unit ("2 years", "24 Monate", "6M", "90 days") in months.
_SPAN = re.compile(
    r"(?<![\d.])(\d{1,3}) ?(years?|yrs?|jahren?|jahre|y|j|months?|monaten?|monate|mon|mo|m|mths?|"
    r"weeks?|wochen?|wk|wks|w|days?|tagen?|tage|d)(?![a-zäöü])"
)
_SPAN_UNITS = {"y": 12.0, "j": 12.0, "m": 1.0, "w": 12 / 52, "d": 12 / 365, "t": 12 / 365}
#: Spans named by a word: a quarter, half a year, a week.
_QUARTER_WORDS = ("quarterly", "quarter", "vierteljaehrlich", "vierteljährlich", "quartalsweise", "quartal")
_HALF_YEAR_WORDS = ("half year", "half yearly", "semiannual", "halbjahr", "halbjaehrlich", "halbjährlich")
_WEEK_WORDS = ("weekly", "per week", "woechentlich", "wöchentlich", "pro woche")
_SPAN_WORDS = {
    **dict.fromkeys(_QUARTER_WORDS, 3.0),
    **dict.fromkeys(_HALF_YEAR_WORDS, 6.0),
    **dict.fromkeys(_WEEK_WORDS, 12 / 52),
}


def header_span_months(header: object) -> float | None:
    """The months a money header says its amount covers ("Spend last 2 years" 24, "Umsatz letzte 24
    Monate" 24, "Revenue_6M" 6, "Quarterly Revenue" 3, "Spend_90d" ≈ 2.96), or None when it names no span
    ("Umsatz 2024" names a year, not a span).

    Examples
    --------
    >>> [header_span_months(h) for h in ("Spend last 2 years", "Umsatz letzte 24 Monate", "Revenue_6M")]
    [24.0, 24.0, 6.0]
    >>> header_span_months("Umsatz pro Quartal"), header_span_months("Umsatz 2024")
    (3.0, None)
    >>> header_span_months("Umsatz 3D-Drucker") is None
    True
    """
    text = normalize_header(header)
    found = _SPAN.search(text)
    letter = found is not None and len(found.group(2)) == 1
    if letter and re.search(rf"(?<![\d.]){found.group(1)} ?{found.group(2)}-", str(header).lower()):
        found = None  # "3D-Drucker", "2D-Code": a word, not a span
    if found:
        return int(found.group(1)) * _SPAN_UNITS[found.group(2)[0]]
    padded = f" {text} "
    for words, months in _SPAN_WORDS.items():
        if f" {words} " in padded:
            return months
    return None


def money_period(header: object, siblings: Iterable[object] = ()) -> tuple[str, str]:
    """The period a money column covers ("month", "year", "lifetime") and the evidence code.

    A "total" amount in a file whose other columns count the last 12 months covers those 12 months.

    Examples
    --------
    >>> money_period("MonthlyCharges")
    ('month', 'period_header_month')
    >>> money_period("TotalCharges")
    ('lifetime', 'period_header_lifetime')
    >>> money_period("Total_Trans_Amt", ["Months_Inactive_12_mon", "Contacts_Count_12_mon"])
    ('year', 'period_sibling_12_months')
    >>> money_period("Umsatz")
    ('year', 'period_default_year')
    >>> money_period("Umsatz lfd. Jahr")
    ('year', 'period_year_to_date')
    >>> money_period("Spend last 2 years")  # × 12 / 24 to a year: header_span_months
    ('year', 'period_header_span')
    """
    if _has(header, _YEAR_TO_DATE_PATTERNS):
        return "year", "period_year_to_date"
    span = header_span_months(header)
    if span is not None and span not in (1, 12):
        return "year", "period_header_span"
    if span == 1:  # "Umsatz 1M", "Spend (1 month)"
        return "month", "period_header_month"
    if span == 12:  # "Spend_1y", "Umsatz 12M"
        return "year", "period_header_year"
    if _has(header, _MONTH_PATTERNS) and not _has(header, _YEAR_PATTERNS):
        return "month", "period_header_month"
    if _has(header, _YEAR_PATTERNS):
        return "year", "period_header_year"
    if _has(header, _LIFETIME_PATTERNS):
        if any(_has(other, _YEAR_PATTERNS[:3]) for other in siblings if other != header):
            return "year", "period_sibling_12_months"
        return "lifetime", "period_header_lifetime"
    return "year", "period_default_year"


#: Headers of how often a customer pays ("Zahlungsweise", "billing_period"): beside an amount whose header
#: names no period, the amount is per payment and the period differs from row to row.
_FREQUENCY_HEADERS = ("zahlungsweise", "zahlweise", "zahlungsintervall", "zahlungsrhythmus", "zahlungsturnus",
                      "zahlungsperiode", "abrechnungsintervall", "abrechnungszeitraum", "billing period",
                      "billing cycle", "billing frequency", "billing interval", "payment frequency",
                      "payment interval", "payment period", "payment cycle", "interval", "billing",
                      "abrechnung", "turnus")  # fmt: skip
_MONTHLY = ("monthly", "month", "monatlich", "monat", "mtl", "per month", "pro monat", "mo")
_QUARTERLY = ("quarterly", "quarter", "vierteljaehrlich", "vierteljährlich", "quartalsweise", "quartal")
_HALF_YEARLY = ("semiannual", "semi annual", "half yearly", "halbjaehrlich", "halbjährlich", "halbjahr")
_YEARLY = ("annual", "annually", "yearly", "year", "per year", "jaehrlich", "jährlich", "jahr", "p a")
_WEEKLY = ("weekly", "woechentlich", "wöchentlich")
_PAYMENTS_PER_YEAR = {
    **dict.fromkeys(_MONTHLY, 12),
    **dict.fromkeys(_QUARTERLY, 4),
    **dict.fromkeys(_HALF_YEARLY, 2),
    **dict.fromkeys(_YEARLY, 1),
    **dict.fromkeys(_WEEKLY, 52),
}


#: Payments a year as German insurers code the "Zahlweise" (1 yearly, 2 half-yearly, 4 quarterly, 12 monthly).
_PAYMENT_COUNTS = frozenset({"1", "2", "4", "12"})


def payments_per_year(frame: pd.DataFrame, columns: Iterable[object]) -> tuple[object, pd.Series] | None:
    """A payment-frequency column among ``columns`` and its payments per year per row (NaN where the word
    is unknown), or None when there is none or most of its words are unknown. German insurers write the
    frequency as the number of payments a year (Zahlweise 1, 2, 4, 12): such a number is taken as it is.

    Examples
    --------
    >>> sheet = pd.DataFrame({"Zahlungsweise": ["monatlich", "jährlich", "vierteljährlich", None],
    ...                       "Zahlweise": [12, 1, 4, 2]})
    >>> column, per_year = payments_per_year(sheet, sheet.columns)
    >>> column, per_year.tolist()
    ('Zahlungsweise', [12.0, 1.0, 4.0, nan])
    >>> payments_per_year(sheet, ["Zahlweise"])[1].tolist()
    [12.0, 1.0, 4.0, 2.0]
    """
    for column in columns:
        if not _has(column, _FREQUENCY_HEADERS) or _words(column) & {"count", "anzahl"}:
            continue  # Stripe's "Interval Count" (every 1, 3 … intervals) is no payments-per-year figure
        text = frame[column].astype("string").str.strip()
        text = text.mask(marked_missing(text) | (text == ""))  # "k.A.", "n/a": no answer, not a word
        words = {value: _PAYMENTS_PER_YEAR.get(normalize_header(value)) for value in text.dropna().unique()}
        words |= {value: float(value) for value in words if value.removesuffix(".0") in _PAYMENT_COUNTS}
        known = text.map(words)
        filled = text.notna()
        if filled.any() and known[filled].notna().mean() >= STATUS_SHARE:
            return column, known.astype(float)
    return None


def company_revenue(header: object, numbers: pd.Series, siblings: Iterable[object] = ()) -> bool:
    """True when a revenue column is the customer company's turnover (a firmographic), not spend with us:
    the header names the company's revenue, or a company-size column stands beside an "annual revenue"
    or beside revenue in round thousands.

    Examples
    --------
    >>> company_revenue("Company Revenue", pd.Series([2.5e6]))
    True
    >>> company_revenue("Umsatz", pd.Series([5e6, 1e7]), ["Mitarbeiter"])
    True
    >>> company_revenue("Umsatz", pd.Series([1234.5, 88.1]), ["Mitarbeiter"])
    False
    """
    words = _words(header)
    money = _has(header, ("revenue", "umsatz", "turnover", "sales"))
    if not money:
        return False
    if words & _COMPANY:
        return True
    if not any(_has(other, _HEADCOUNT) for other in siblings if other != header):
        return False
    known = numbers.dropna()
    round_thousands = len(known) > 0 and bool((known % _ROUND_MONEY == 0).mean() >= 0.9)
    return "annual" in words or round_thousands


def header_year(header: object) -> int | None:
    """The calendar or fiscal year a header names ("Umsatz 2024" -> 2024, "Revenue FY23" -> 2023).

    Examples
    --------
    >>> header_year("Umsatz 2023"), header_year("Revenue FY24"), header_year("Umsatz p.a.")
    (2023, 2024, None)
    """
    text = str(header)
    four = re.search(r"(?<![0-9])((?:19|20)\d{2})(?![0-9])", text)
    if four:
        return int(four.group(1))
    fiscal = re.search(r"(?:fy|gj|wj)\s?'?(\d{2})(?![0-9])", text, re.IGNORECASE)
    return 2000 + int(fiscal.group(1)) if fiscal else None


def _without_year(header: object) -> str:
    return normalize_header(_YEAR_IN_HEADER.sub(" ", str(header)))


def latest_year_column(header: object, columns: Iterable[object]) -> tuple[object, list[int]] | None:
    """Of several columns that differ only by the year they name ("Umsatz 2023", "Umsatz 2024"), the
    latest, and the years found; None when ``header`` names no year or has no such siblings.

    Examples
    --------
    >>> latest_year_column("Umsatz 2023", ["Kundennummer", "Umsatz 2023", "Umsatz 2024"])
    ('Umsatz 2024', [2023, 2024])
    """
    years = year_columns(header, columns)
    if len(years) < 2:
        return None
    return years[max(years)], sorted(years)


def year_columns(header: object, columns: Iterable[object]) -> dict[int, object]:
    """The columns that differ from ``header`` only by the year they name, by year (empty when
    ``header`` names no year).

    Examples
    --------
    >>> year_columns("Umsatz 2023", ["Kundennummer", "Umsatz 2023", "Umsatz 2024"])
    {2023: 'Umsatz 2023', 2024: 'Umsatz 2024'}
    """
    if header_year(header) is None:
        return {}
    stem = _without_year(header)
    return {header_year(c): c for c in columns if header_year(c) is not None and _without_year(c) == stem}


def running_year(totals: dict[int, float]) -> int | None:
    """The latest year when its total is below :data:`RUNNING_YEAR_SHARE` of the year before: a year
    still running when the file was exported ("Umsatz 2025" in June 2025), not a full year; else None.

    Examples
    --------
    >>> running_year({2023: 900.0, 2024: 1000.0, 2025: 480.0}), running_year({2024: 1000.0, 2025: 950.0})
    (2025, None)
    """
    years = sorted(totals)
    if len(years) < 2:
        return None
    latest, before = totals[years[-1]], totals[years[-2]]
    return years[-1] if before > 0 and latest < RUNNING_YEAR_SHARE * before else None


def _spend_rank(header: object) -> int:
    period, code = money_period(header)
    if code == "period_year_to_date":
        return 3  # a full year, a month or a lifetime say more than a year begun
    return {"year": 0, "month": 1, "lifetime": 2}[period]


def refine_customer_mapping(frame: pd.DataFrame, mapping: ColumnMapping) -> list[tuple[str, Evidence]]:
    """Check the identifier and revenue roles against their values; find them where headers missed them.

    Changes ``mapping`` in place and returns (column, evidence) pairs for the Data page.

    Examples
    --------
    >>> from cxlib.mapping import suggest_mapping
    >>> sheet = pd.DataFrame({"CLIENTNUM": [768805383, 818770008, 713982108],
    ...                       "Credit_Limit": [12691.0, 8256.0, 3418.0],
    ...                       "Total_Trans_Amt": [1144.0, 1291.0, 1887.0]})
    >>> mapping = suggest_mapping(sheet, "customers")
    >>> mapping.as_dict()
    {'customer_id': 'CLIENTNUM', 'revenue': 'Total_Trans_Amt'}
    """
    notes: list[tuple[str, Evidence]] = []
    used = {
        c for m in mapping.matches.values() for c in (m.column if isinstance(m.column, list) else [m.column])
    }
    from cxlib.customer_records import customer_behind_records

    records = customer_behind_records(frame, mapping, used)  # a contract list: Kundennummer repeats
    notes += records
    match = mapping.matches.get("customer_id")
    if (
        match is not None
        and not records
        and frame[match.column].notna().sum() >= MIN_ROWS_TO_JUDGE
        and distinct_share(frame[match.column]) < NOT_AN_ID
    ):
        notes.append(
            (
                match.column,
                Evidence("id_not_unique", {"share": round(distinct_share(frame[match.column]), 3)}),
            )
        )
        del mapping.matches["customer_id"]
        used.discard(match.column)
    notes += _named_customer_id(frame, mapping, used)
    notes += _usage_is_no_orders(mapping, used)
    if "customer_id" not in mapping.matches:
        for column in _id_candidates(frame, used):
            values = frame[column]
            if distinct_share(values) >= NEAR_UNIQUE and values.notna().mean() >= NEAR_UNIQUE:
                mapping.matches["customer_id"] = ColumnMatch("customer_id", column, 0.8, "values")
                notes.append(
                    (column, Evidence("id_near_unique", {"share": round(distinct_share(values), 3)}))
                )
                used.add(column)
                break
    if "customer_id" not in mapping.matches:
        notes += _email_as_customer_id(frame, mapping, used)
    notes += _orders_that_are_counts(frame, mapping, used)
    notes += _coarse_region(frame, mapping, used)
    match = mapping.matches.get("revenue")
    siblings = list(frame.columns)
    crm = is_crm_export(frame)
    if match is not None:
        problem = spend_problem(match.column, frame[match.column], siblings, crm=crm)
        if problem:
            notes.append((match.column, Evidence(problem, {"role": "revenue", "header": str(match.column)})))
            del mapping.matches["revenue"]
            used.discard(match.column)
    if "revenue" not in mapping.matches:
        candidates = [
            column
            for column in frame.columns
            if column not in used
            and _has(column, _SPEND_PATTERNS)
            and spend_problem(column, frame[column], siblings, crm=crm) is None
        ]
        if candidates:
            column = min(candidates, key=lambda c: (_spend_rank(c), list(frame.columns).index(c)))
            mapping.matches["revenue"] = ColumnMatch("revenue", column, 0.75, "values")
            notes.append((column, Evidence("spend_header", {})))
            used.add(column)
    if "revenue" in mapping.matches:
        preferred = _full_year_revenue(frame, mapping, used)
        latest = _latest_year_revenue(frame, mapping, used)
        final = mapping.matches["revenue"].column  # the latest year of the one preferred: its evidence too
        notes += [(final, Evidence(e.code, {**e.params, "header": str(final)})) for _, e in preferred]
        notes += latest
    if "signup_date" not in mapping.matches:
        notes += _signup_date_by_values(frame, mapping, used)
    if "churn_date" not in mapping.matches:
        notes += _churn_date_by_values(frame, mapping, used)
    if "churn_date" not in mapping.matches and "churned" not in mapping.matches:
        notes += _churn_status_by_values(frame, mapping, used)
    mapping.unmapped = [column for column in frame.columns if column not in used]
    return notes


def _orders_that_are_counts(
    frame: pd.DataFrame, mapping: ColumnMapping, used: set
) -> list[tuple[str, Evidence]]:
    """Unmap an ``orders`` column whose values are amounts: "PURCHASES" in a card issuer's export is the
    money spent (1,234.56), not how many orders; counted as orders it would put customers in personas by
    spend read as frequency and feed the CLV's order count."""
    match = mapping.matches.get("orders")
    if match is None:
        return []
    numbers = _numbers(frame[match.column]).dropna()
    if len(numbers) < MIN_ROWS_TO_JUDGE:
        return []
    fractional = float((numbers != numbers.round()).mean())
    if fractional <= MAX_FRACTIONAL_COUNTS:
        return []
    del mapping.matches["orders"]
    used.discard(match.column)
    return [(match.column, Evidence("orders_not_counts", {"share": round(fractional, 3)}))]


#: Headers that name an identifier without saying whose: beside "Customer ID" they number something else
#: (Stripe's subscription "id", a CRM's record "ID").
_BARE_ID = frozenset({"id", "nr", "no", "number", "nummer", "key", "record id", "row id", "objekt id"})
_WHOSE_ID = frozenset({"customer", "kunde", "kunden", "client", "cust", "member", "mitglied", "kundennummer",
                       "kundennr", "customerid", "clientid", "kundenid"})  # fmt: skip


#: A region the dashboard can filter and describe personas by has a handful of values, not one (a
#: constant "Country") and not hundreds (a "City" or "Ort").
REGION_VALUES = (2, 50)


def _coarse_region(frame: pd.DataFrame, mapping: ColumnMapping, used: set) -> list[tuple[str, Evidence]]:
    """The region among the columns whose header names one ("Ort", "Bundesland", "City", "State",
    "Country"): when the one chosen (the first) has one value or more than 50, another with 2–50 values
    is the region ("Bundesland" with 16 states, not "Ort" with 500 towns)."""
    match = mapping.matches.get("region")
    if match is None or not isinstance(match.column, str):
        return []
    low, high = REGION_VALUES

    def values(column: object) -> int:
        return int(frame[column].head(VALUE_SAMPLE).nunique())

    if low <= values(match.column) <= high:
        return []
    region = role("customers", "region")
    for column in frame.columns:
        if column in used or not names_role(column, region):
            continue
        if low <= (count := values(column)) <= high:
            used.discard(match.column)
            used.add(column)
            mapping.matches["region"] = ColumnMatch("region", column, match.confidence, "values")
            params = {"header": str(column), "other": str(match.column), "values": count}
            return [(column, Evidence("region_coarser", params))]
    return []


def _counts_rows(values: pd.Series) -> bool:
    """Whether numbers count the rows 1, 2, 3 … (or from 0), in any order: a row counter, not a key."""
    numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
    return numeric and _is_row_number(values.astype(float))


#: Words of another record's number: a purchase, an order, an invoice, a product or a ticket is no
#: customer ("transaction_id" beside a repeating "customer_id" numbers the purchases, not the buyers).
_OTHER_RECORD_WORDS = frozenset({"transaction", "transactions", "txn", "order", "orders", "invoice",
                                 "receipt", "product", "item", "sku", "ticket", "booking", "payment",
                                 "shipment", "transaktion", "bestellung", "rechnung", "beleg", "artikel",
                                 "produkt", "buchung", "zahlung", "lieferung", "vorgang",
                                 "quittung"})  # fmt: skip
#: The same as the first part of a German compound ("Rechnungsnummer", "Bestell-Nr", "Auftragsnummer";
#: not "Auftraggeber", the client who orders).
_OTHER_RECORD_PREFIXES = ("transaktion", "bestell", "auftrags", "rechnung", "beleg", "artikel",
                          "produkt", "buchungs", "zahlungs", "lieferschein", "vorgangs", "ticket",
                          "quittung")  # fmt: skip


def names_other_record(header: object) -> bool:
    """A header naming the number of a purchase, order, invoice, product or ticket, never a customer's.

    Examples
    --------
    >>> [names_other_record(h) for h in ("transaction_id", "Order ID", "Rechnungsnummer", "Auftraggeber")]
    [True, True, True, False]
    """
    squashed = normalize_header(header).replace(" ", "")
    return bool(_words(header) & _OTHER_RECORD_WORDS) or squashed.startswith(_OTHER_RECORD_PREFIXES)


def names_customer_id(header: object) -> bool:
    """A header naming the customer's own number ("customer_id", "Kundennummer", "CLIENTNUM", "Member ID").

    Examples
    --------
    >>> [names_customer_id(h) for h in ("customer_id", "Kundennummer", "transaction_id", "Kunde")]
    [True, True, False, False]
    """
    words = _words(header) | {normalize_header(header).replace(" ", "")}
    return bool((id_header(header) or words & {"kundennummer", "kundennr"}) and words & _WHOSE_ID)


def customer_key_column(frame: pd.DataFrame) -> object | None:
    """The first column whose header names the customer's own number (None when none does)."""
    return next((column for column in frame.columns if names_customer_id(column)), None)


def _id_candidates(frame: pd.DataFrame, used: set) -> list[object]:
    """Free columns whose header names an identifier, those naming the customer first and row counters
    last ("Customer Key" before "Sl_No" 1, 2, 3 …), else in table order; never another record's number."""
    columns = [
        column
        for column in frame.columns
        if column not in used and id_header(column) and not names_other_record(column)
    ]

    def rank(column: object) -> tuple[bool, bool]:
        names_customer = bool(_words(column) & _WHOSE_ID)
        return not names_customer, _counts_rows(frame[column])

    return sorted(columns, key=rank)  # stable: table order within a rank


def _named_customer_id(frame: pd.DataFrame, mapping: ColumnMapping, used: set) -> list[tuple[str, Evidence]]:
    """The customer's own number rather than a bare "id" of the rows (a subscription, a record) or a row
    counter, when a near-unique column names the customer ("id" beside "Customer ID" in a Stripe
    subscriptions export; "Sl_No" 1, 2, 3 … beside "Customer Key" in Kaggle's credit-card customers)."""
    match = mapping.matches.get("customer_id")
    if match is None or isinstance(match.column, list):
        return []
    if normalize_header(match.column) not in _BARE_ID and not _counts_rows(frame[match.column]):
        return []
    for column in frame.columns:
        if column in used or not names_customer_id(column) or frame[column].notna().mean() < NEAR_UNIQUE:
            continue
        if distinct_share(frame[column]) >= NEAR_UNIQUE:
            used.discard(match.column)
            used.add(column)
            mapping.matches["customer_id"] = ColumnMatch("customer_id", column, match.confidence, "values")
            params = {"header": str(column), "other": str(match.column)}
            return [(column, Evidence("id_names_customer", params))]
    return []


#: What a subscriber does, not buys: "Usage Frequency", "Login Frequency", "Support Calls", "Nutzung".
_USAGE_WORDS = frozenset({"usage", "use", "uses", "used", "nutzung", "login", "logins", "session", "sessions",
                          "visit", "visits", "besuche", "call", "calls", "anrufe", "contact", "contacts",
                          "kontakte", "streaming", "watch", "views"})  # fmt: skip


def _email_as_customer_id(
    frame: pd.DataFrame, mapping: ColumnMapping, used: set
) -> list[tuple[str, Evidence]]:
    """A customer list without an ID column but with one e-mail address per customer (a Mailchimp
    audience, a Klaviyo profile export, a newsletter list) is keyed by the address: surveys and orders
    that name their customer by e-mail then link to it. The addresses are compared trimmed and in lower
    case (:func:`cxlib.parsing.casefold_emails`); the evidence gives the share of distinct addresses.

    >>> from cxlib.mapping import suggest_mapping
    >>> audience = pd.DataFrame({"Email Address": [f"a{i}@x.de" for i in range(12)], "First Name": "Anna"})
    >>> suggest_mapping(audience, "customers").as_dict()
    {'customer_id': 'Email Address'}
    """
    from cxlib.parsing import casefold_emails
    from cxlib.transaction_columns import is_email_column

    for column in frame.columns:
        values = frame[column]
        if column in used or values.notna().mean() < NEAR_UNIQUE or not is_email_column(values):
            continue
        share = distinct_share(casefold_emails(values))
        if share >= NEAR_UNIQUE:
            mapping.matches["customer_id"] = ColumnMatch("customer_id", column, 0.8, "values")
            used.add(column)
            return [(column, Evidence("id_email", {"share": round(share, 3)}))]
    return []


def _usage_is_no_orders(mapping: ColumnMapping, used: set) -> list[tuple[str, Evidence]]:
    """A usage count of a subscription ("Usage Frequency") matched to ``orders`` by "frequency": it counts
    uses, not purchases, and stays a trait under its own name."""
    match = mapping.matches.get("orders")
    if match is None or isinstance(match.column, list) or not _words(match.column) & _USAGE_WORDS:
        return []
    del mapping.matches["orders"]
    used.discard(match.column)
    return [(match.column, Evidence("usage_not_orders", {"header": str(match.column)}))]


def _full_year_revenue(frame: pd.DataFrame, mapping: ColumnMapping, used: set) -> list[tuple[str, Evidence]]:
    """Revenue of a whole period rather than of the year so far ("Umsatz Vorjahr" over "Umsatz lfd. Jahr"),
    and a calendar year's revenue rather than a lifetime total ("Umsatz 2024" over "Umsatz gesamt": the total
    divided by the years since a "Kunde seit" is an average over the years, not the revenue of one)."""
    match = mapping.matches["revenue"]
    code = money_period(match.column)[1]
    if code not in ("period_year_to_date", "period_header_lifetime"):
        return []
    others = [
        column
        for column in frame.columns
        if column not in used
        and _has(column, _SPEND_PATTERNS)
        and _spend_rank(column) < 3
        and (code == "period_year_to_date" or _names_a_year(column))
        and spend_problem(column, frame[column], list(frame.columns)) is None
    ]
    if not others:
        return []
    column = min(others, key=lambda c: (_spend_rank(c), list(frame.columns).index(c)))
    used.discard(match.column)
    used.add(column)
    mapping.matches["revenue"] = ColumnMatch("revenue", column, match.confidence, "values")
    evidence = "revenue_full_period" if code == "period_year_to_date" else "revenue_year_over_lifetime"
    return [(column, Evidence(evidence, {"header": str(column), "partial": str(match.column)}))]


#: The year before, by name: a calendar year of the customer's spend. ("Annual Revenue" and "Jahresumsatz"
#: are not: in a CRM they are the customer company's own turnover.)
_PREVIOUS_YEAR = ("vorjahr", "last year", "prior year", "previous year", "letztes jahr", "vorjahresumsatz")


def _names_a_year(header: object) -> bool:
    """A header of one calendar year's money: a year ("Umsatz 2024", "Revenue FY24") or the year before
    ("Umsatz Vorjahr").

    Examples
    --------
    >>> [_names_a_year(h) for h in ("Umsatz 2024", "Umsatz Vorjahr", "Annual Revenue", "Jahresumsatz")]
    [True, True, False, False]
    """
    return header_year(header) is not None or _has(header, _PREVIOUS_YEAR)


def _latest_year_revenue(
    frame: pd.DataFrame, mapping: ColumnMapping, used: set
) -> list[tuple[str, Evidence]]:
    """Revenue from the latest full year of several yearly columns ("Umsatz 2023", "Umsatz 2024"), said
    so; a latest year that is still running (:func:`running_year`) gives way to the year before."""
    match = mapping.matches["revenue"]
    by_year = year_columns(match.column, frame.columns)
    if len(by_year) < 2:
        return []
    years = sorted(by_year)
    running = running_year({year: float(_numbers(frame[by_year[year]]).sum()) for year in years[-2:]})
    column = by_year[years[-2] if running is not None else years[-1]]
    if spend_problem(column, frame[column], list(frame.columns)) is not None:
        return []
    if column != match.column:
        used.discard(match.column)
        used.add(column)
        mapping.matches["revenue"] = ColumnMatch("revenue", column, match.confidence, "values")
    params = {"header": str(column), "years": [str(year) for year in years]}
    if running is not None:
        params["running"] = str(by_year[running])
        return [(column, Evidence("revenue_last_full_year", params))]
    return [(column, Evidence("revenue_latest_year", params))]


def _churn_header(header: object) -> bool:
    text = normalize_header(header)
    words = set(text.split())
    stem = any(word.startswith(_CHURN_STEMS) for word in words) or any(p in text for p in _CHURN_STEMS[:4])
    return (stem and (len(words) == 1 or bool(words & set(_CHURN_DAY_WORDS)) or "datum" in text)) or any(
        p in text for p in _UNTIL
    )


#: Header words of the day a relationship began, beside a date word: "Dt_Customer", "Enrollment Date",
#: "Aktivierungsdatum", "Subscription Start", "Vertragsdatum".
_START_STEMS = ("customer", "kunde", "client", "member", "enrol", "activat", "aktivier", "onboard",
                "subscri", "abo", "vertrag", "contract", "abschluss", "join", "beitritt", "policy",
                "police")  # fmt: skip
_DATE_WORDS = frozenset({"dt", "date", "datum", "since", "seit", "start", "begin", "beginn", "started"})
#: Words of other days in a customer's life ("Last Customer Contact Date", "Vertragsende", "Geburtsdatum").
_OTHER_DAY_STEMS = ("last", "letzt", "next", "naechst", "nächst", "end", "renew", "verlaeng", "verläng",
                    "birth", "geburt", "contact", "kontakt", "update", "modif", "aender", "änder", "expir",
                    "ablauf", "due", "faellig", "fällig", "trial", "test")  # fmt: skip


#: The day a contact became a customer, as CRMs name it ("Became a Customer Date"; HubSpot's German
#: "Datum, an dem der Kontakt zum Kunden wurde"): the customer relationship began, whatever "Kontakt" says.
_BECAME_CUSTOMER = ("became a customer", "became customer", "zum kunden wurde", "kunde geworden",
                    "zum kunden geworden", "wurde kunde")  # fmt: skip


def _signup_header(header: object) -> bool:
    """A header that names the day the customer relationship began, by its words (see _START_STEMS)."""
    text = normalize_header(header)
    words = text.split()
    squashed = text.replace(" ", "")
    dated = bool(set(words) & _DATE_WORDS) or squashed.endswith(("datum", "date"))
    started = any(word.startswith(_START_STEMS) for word in words) or squashed.startswith(_START_STEMS)
    other = any(stem in squashed for stem in _OTHER_DAY_STEMS) or _churn_header(header)
    return (dated and started and not other) or (dated and _has(header, _BECAME_CUSTOMER))


def _signup_date_by_values(
    frame: pd.DataFrame, mapping: ColumnMapping, used: set
) -> list[tuple[str, Evidence]]:
    """The day a customer joined, from a header that says so in other words than the role's names
    ("Dt_Customer", "Enrollment Date", "Aktivierungsdatum") and values that are dates."""
    return _date_by_values(frame, mapping, used, role="signup_date", header_says=_signup_header)


def _churn_date_by_values(
    frame: pd.DataFrame, mapping: ColumnMapping, used: set
) -> list[tuple[str, Evidence]]:
    """The day a customer left, from a header that says so ("Gekündigt am", "Cancelled at", "Kunde bis")
    and values that are dates (blank for customers who stay)."""
    return _date_by_values(frame, mapping, used, role="churn_date", header_says=_churn_header)


def _date_by_values(
    frame: pd.DataFrame, mapping: ColumnMapping, used: set, *, role: str, header_says
) -> list[tuple[str, Evidence]]:
    """The first unused column whose header ``header_says`` is ``role`` and whose filled values (at least
    95 % of them) are dates, not plain numbers; mapped to ``role`` with evidence ``<role>_header``."""
    for column in frame.columns:
        if column in used or not header_says(column):
            continue
        sample = frame[column].head(VALUE_SAMPLE)
        filled = sample[sample.notna() & (sample.astype("string").str.strip() != "").fillna(False)]
        plain_numbers = pd.api.types.is_numeric_dtype(filled) and not pd.api.types.is_datetime64_any_dtype(
            filled
        )
        if filled.empty or (plain_numbers and not _excel_serials(filled)):
            continue
        dates, bad = parse_dates(filled)
        if dates.notna().any() and bad.mean() <= 0.05:
            mapping.matches[role] = ColumnMatch(role, column, 0.75, "values")
            used.add(column)
            return [(column, Evidence(f"{role}_header", {"header": str(column)}))]
    return []


#: Excel serial numbers of 1970-01-01 .. 2099-12-31: a workbook's dates stored as plain numbers.
_MODERN_SERIALS = (25_569, 73_050)


def _excel_serials(numbers: pd.Series) -> bool:
    """Whole numbers that are all Excel serials of 1970–2099 (43,466 = 2019-01-01), the way a workbook
    keeps dates whose cells lost their date format; years (2019), day counts and amounts are not.

    Examples
    --------
    >>> _excel_serials(pd.Series([43466, 44927.0])), _excel_serials(pd.Series([2019, 2020]))
    (True, False)
    """
    values = pd.to_numeric(numbers, errors="coerce").dropna()
    return bool(len(values)) and bool(((values == values.round()) & values.between(*_MODERN_SERIALS)).all())


def _status_head(word: str) -> str:
    """A status word without its date or reason, as ERPs write a cancellation: "Gekündigt zum 31.12." ->
    "Gekündigt", "Kündigung per 30.06.2026" -> "Kündigung", "cancelled (moved away)" -> "cancelled"."""
    kept = []
    for token in re.sub(r"[(\[].*$", "", word).split():
        if any(ch.isdigit() for ch in token) or token.lower().strip(".:,") in _CHURN_DAY_WORDS:
            break
        kept.append(token)
    return " ".join(kept) or word


def status_churn_words(values: pd.Series) -> dict[str, bool] | None:
    """How the words of a status column read as churned (True) or not (False), or None when the column
    is no churn status: it needs a word that says churned and one that says active, and most cells known.

    A dormant word ("inaktiv") counts as churned unless the column also has a cancellation word: then
    the system tells dormant customers from those who left, and dormant ones are still customers.

    Examples
    --------
    >>> status_churn_words(pd.Series(["aktiv", "gekündigt", "aktiv", "inaktiv"]))
    {'aktiv': False, 'gekündigt': True, 'inaktiv': False}
    >>> status_churn_words(pd.Series(["Active", "Inactive"]))
    {'Active': False, 'Inactive': True}
    >>> status_churn_words(pd.Series(["0", "1", "1"])) is None
    True

    In a CRM's account type, customer values are active, former customers churned; leads and partners,
    set aside as no customers, are no churn words:

    >>> status_churn_words(pd.Series(["Prospect", "Customer - Direct", "Former Customer", "Other"]))
    {'Customer - Direct': False, 'Former Customer': True}
    """
    from cxlib.parsing import parse_flags

    text = values.dropna().astype(str).str.strip()
    text = text[text != ""]
    words = text.unique()
    if text.empty or len(words) > MAX_STATUS_WORDS:
        return None
    heads = [_status_head(word) for word in words]
    flags, _ = parse_flags(pd.Series(heads))
    lowered = [head.lower() for head in heads]
    read = {word: bool(flag) for word, flag in zip(words, flags, strict=True) if pd.notna(flag)}
    stages = lifecycle_groups(values) or {}  # "Customer - Direct": active
    read |= {word: False for word, group in stages.items() if group == "customer" and word not in read}
    meaningful = {w for w, low in zip(words, lowered, strict=True) if w in read and low not in _PLAIN_YES_NO}
    churned = {w for w in meaningful if read[w]}
    active = {w for w in meaningful if not read[w]}
    known = [*read, *(word for word, group in stages.items() if group != "customer")]
    if not churned or not active or text.isin(known).mean() < STATUS_SHARE:
        return None
    dormant = {w for w, low in zip(words, lowered, strict=True) if low in _DORMANT}
    if any(w not in dormant for w in churned):
        read.update({w: False for w in churned if w in dormant})
    return {word: read[word] for word in words if word in read}


def _churn_status_by_values(
    frame: pd.DataFrame, mapping: ColumnMapping, used: set
) -> list[tuple[str, Evidence]]:
    """A churned flag from a status column's words ("aktiv" / "gekündigt", "Active" / "Cancelled")."""
    columns = [c for c in frame.columns if c not in used]
    columns.sort(key=lambda c: not _has(c, _STATUS_HEADERS))
    for column in columns:
        values = frame[column].head(VALUE_SAMPLE)
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
            continue
        words = status_churn_words(values)
        if words is None:
            continue
        mapping.matches["churned"] = ColumnMatch("churned", column, 0.75, "values")
        used.add(column)
        churned = [word for word, flag in words.items() if flag]
        active = [word for word, flag in words.items() if not flag]
        params = {"header": str(column), "churned": churned, "active": active}
        return [(column, Evidence("churn_status_words", params))]
    return []


#: Words of a CRM's lifecycle stage or account type for people who have not bought (yet).
_PROSPECT_WORDS = frozenset(
    {"lead", "leads", "prospect", "prospects", "subscriber", "marketingqualifiedlead", "salesqualifiedlead",
     "mql", "sql", "opportunity", "interessent", "interessenten", "suspect", "potential", "potenzieller",
     "potentieller", "subscribers", "abonnent", "abonnenten", "verkaufschance", "verkaufschancen"}
)  # fmt: skip
_CUSTOMER_WORDS = frozenset(
    {"customer", "customers", "kunde", "kunden", "bestandskunde", "evangelist", "client"}
)
MAX_STAGE_VALUES = 30
#: A column whose values tell churned from staying customers for this share of rows restates the outcome.
OUTCOME_AGREEMENT = 0.99
#: Fewer rows than this with a known churn flag are too few to call a column the churn outcome.
MIN_OUTCOME_ROWS = 50


def _value_words(value: str) -> set[str]:
    return set(re.sub(r"[^a-zäöüß]+", " ", value.lower()).split())


#: Contacts of a CRM's lifecycle or account-type column that are neither customers nor prospects: HubSpot's
#: "other", Salesforce's "Channel Partner / Reseller", "Installation Partner", "Competitor".
_OTHER_CONTACT_WORDS = frozenset(
    {"other", "others", "partner", "partners", "reseller", "vendor", "supplier", "competitor", "employee",
     "press", "investor", "analyst", "sonstige", "sonstiges", "andere", "lieferant", "wettbewerber",
     "mitarbeiter", "presse", "wiederverkaeufer", "wiederverkäufer"}
)  # fmt: skip


def lifecycle_groups(values: pd.Series) -> dict[str, str] | None:
    """Each value of a CRM lifecycle or account-type column as "customer", "prospect" or "other" (a partner,
    supplier, HubSpot's "other"), or None when the column is no such column: it needs a customer value
    beside a prospect value. Values of none of these words are left out.

    Examples
    --------
    >>> lifecycle_groups(pd.Series(["Prospect", "Customer - Direct", "Former Customer", "Other", "Active"]))
    {'Prospect': 'prospect', 'Customer - Direct': 'customer', 'Former Customer': 'customer', 'Other': 'other'}
    >>> lifecycle_groups(pd.Series(["Retail customer", "Other"])) is None  # no lead: a segment, not a stage
    True
    """
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return None
    distinct = values.astype("string").str.strip().dropna().unique()
    if not len(distinct) or len(distinct) > MAX_STAGE_VALUES:
        return None
    groups = {}
    for value in distinct:
        words = _value_words(str(value))
        if words & _CUSTOMER_WORDS:
            groups[value] = "customer"
        elif words & _PROSPECT_WORDS:
            groups[value] = "prospect"
        elif words & _OTHER_CONTACT_WORDS or any(word.endswith("partner") for word in words):
            groups[value] = "other"
    found = set(groups.values())
    return groups if {"customer", "prospect"} <= found else None


def is_crm_export(frame: pd.DataFrame) -> bool:
    """Whether a sheet is a CRM's contact or account export: a column has lifecycle stages or account
    types, customers beside leads or prospects (:func:`lifecycle_groups`).

    Examples
    --------
    >>> is_crm_export(pd.DataFrame({"Type": ["Prospect", "Customer - Direct"], "n": [1, 2]}))
    True
    >>> is_crm_export(pd.DataFrame({"Plan": ["Basic", "Pro"]}))
    False
    """
    return any(lifecycle_groups(frame[column].head(VALUE_SAMPLE)) is not None for column in frame.columns)


def prospect_rows(
    frame: pd.DataFrame, columns: Iterable[object], group: str = "prospect"
) -> tuple[object, pd.Series] | None:
    """Rows that are leads or prospects, not customers, by a lifecycle or type column that has both
    ("Lead", "Subscriber", "Prospect" beside "Customer", "Customer - Direct"): (column, mask), or None.
    With ``group="other"``, the rows of that column that are other contacts (partners, "other").

    Examples
    --------
    >>> crm = pd.DataFrame({"Lifecycle Stage": ["lead", "customer", "subscriber", "evangelist", "other"]})
    >>> column, mask = prospect_rows(crm, crm.columns)
    >>> column, mask.tolist()
    ('Lifecycle Stage', [True, False, True, False, False])
    >>> prospect_rows(crm, crm.columns, group="other")[1].tolist()
    [False, False, False, False, True]
    >>> prospect_rows(pd.DataFrame({"Plan": ["Basic", "Pro"]}), ["Plan"]) is None
    True
    """
    for column in columns:
        groups = lifecycle_groups(frame[column])
        if groups is not None:
            text = frame[column].astype("string").str.strip()
            return column, (text.map(groups) == group).fillna(False).astype(bool)
    return None


def total_rows(ids: pd.Series) -> pd.Series:
    """Rows whose customer ID is a totals label ("Total", "Summe:", "Gesamtergebnis"): a sum row a
    spreadsheet added below the customers, never a customer (its revenue is everyone's revenue).

    Examples
    --------
    >>> total_rows(pd.Series(["7590-VHVEG", "Total", "Summe:", None, "K-17"])).tolist()
    [False, True, True, False, False]
    """
    return _sum_word(ids)


def _sum_word(values: pd.Series) -> pd.Series:
    text = values.astype("string").str.strip().str.lower().str.rstrip(":. ")
    return text.isin(SUM_WORDS).fillna(False).astype(bool)


def total_labels(data: pd.DataFrame) -> pd.Series:
    """The sum word of each total row of a typed customer table, else NA: the ID itself ("Total"), or,
    in a row without an ID, a text cell of another column ("Summe" under "Name", the numbers summed).
    Such a row is the report's total, not a customer with a missing ID.

    Examples
    --------
    >>> data = pd.DataFrame({"customer_id": ["1", "Total", None, None],
    ...                      "Name": ["Summe Meier", None, "Summe", "Ina"], "revenue": [5.0, 9, 14, 3]})
    >>> total_labels(data).tolist()
    [<NA>, 'Total', 'Summe', <NA>]
    """
    ids = data["customer_id"]
    labels = ids.astype("string").where(total_rows(ids))
    no_id = ids.isna()
    for column in data.columns:
        values = data[column]
        if column == "customer_id" or not no_id.any() or pd.api.types.is_numeric_dtype(values):
            continue
        if pd.api.types.is_datetime64_any_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        found = no_id & labels.isna() & _sum_word(values)
        labels = labels.mask(found, values.astype("string").str.strip())
    return labels


#: Status words of a trial that has not paid yet ("Trialing" in Stripe, "Testphase", "Probeabo").
_TRIAL_WORDS = frozenset({"trial", "trialing", "trialling", "testphase", "probeabo", "probezeit",
                          "probemonat", "testabo", "testzugang", "free trial", "in trial"})  # fmt: skip


def trial_rows(frame: pd.DataFrame, columns: Iterable[object]) -> tuple[object, pd.Series] | None:
    """Rows a status column marks as a trial ("Trial", "Trialing", "Testphase"): (column, mask) of the
    first status-like column with such words, or None. They count as customers; the caller says so.

    Examples
    --------
    >>> sheet = pd.DataFrame({"status": ["active", "trialing", "canceled", "Trial"]})
    >>> column, mask = trial_rows(sheet, sheet.columns)
    >>> column, mask.tolist()
    ('status', [False, True, False, True])
    """
    for column in columns:
        values = frame[column]
        if not _has(column, _STATUS_HEADERS) or pd.api.types.is_numeric_dtype(values):
            continue
        text = values.astype("string").str.strip().str.lower()
        distinct = text.dropna().unique()
        if not 0 < len(distinct) <= MAX_STAGE_VALUES:
            continue
        trials = [value for value in distinct if normalize_header(value) in _TRIAL_WORDS]
        if trials:
            return column, text.isin(trials).fillna(False).astype(bool)
    return None


#: Headers of a mailing list's consent (Mailchimp "OPTIN_TIME", "CONFIRM_TIME"; "Double-Opt-in am").
_OPT_IN = ("optin", "opt in", "double opt", "doi datum", "confirm time")
#: Roles that show a customer bought or left: without any of them, a mailing list's rows are subscribers.
_CUSTOMER_ROLES = ("revenue", "orders", "margin", "churned", "churn_date", "signup_date")


def mailing_list_column(frame: pd.DataFrame, mapped: Iterable[str]) -> object | None:
    """The opt-in column of a mailing-list audience (a Mailchimp export: "OPTIN_TIME" with the time each
    subscriber opted in), when no mapped role shows that the rows bought or left (``mapped``: the role
    keys); else None. Its rows are subscribers. A yes/no consent flag in a customer list is no audience.

    Examples
    --------
    >>> audience = pd.DataFrame({"Email Address": ["a@x.de"], "OPTIN_TIME": ["2024-03-01 10:12:00"]})
    >>> mailing_list_column(audience, ["customer_id"])
    'OPTIN_TIME'
    >>> mailing_list_column(audience, ["customer_id", "revenue"]) is None
    True
    >>> mailing_list_column(pd.DataFrame({"Newsletter Opt-in": ["ja", "nein"]}), []) is None
    True
    """
    if set(mapped) & set(_CUSTOMER_ROLES):
        return None
    for column in frame.columns:
        if not _has(column, _OPT_IN):
            continue
        filled = frame[column].head(VALUE_SAMPLE).dropna()
        if len(filled) and parse_dates(filled)[0].notna().mean() >= STATUS_SHARE:
            return column
    return None


def readable_header(header: object, *, lang: str = "en") -> str:
    """A header as words for a sentence: units in brackets dropped, camelCase and underscores split
    (lower-cased in English; German nouns keep their capitals).

    Examples
    --------
    >>> readable_header("Spending Score (1-100)")
    'spending score'
    >>> readable_header("NumberOfDeviceRegistered")
    'number of device registered'
    >>> readable_header("Wohnfläche_m2", lang="de")
    'Wohnfläche m2'
    """
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", str(header))
    text = re.sub(r"(?<=[a-zäöü])(?=[A-ZÄÖÜ])", " ", text).replace("_", " ")
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return str(header)
    return text.lower() if lang == "en" else text


# ----- persona features by meaning ----------------------------------------------------------------


def _is_row_number(numbers: pd.Series) -> bool:
    known = numbers.dropna()
    if len(known) < 10 or not (known == known.round()).all():
        return False
    ordered = np.sort(known.to_numpy())
    return bool(ordered[0] in (0, 1) and (np.diff(ordered) == 1).all())


def persona_exclusion(header: object, values: pd.Series) -> str | None:
    """Why a column must not describe a persona (an evidence code), or None.

    Examples
    --------
    >>> persona_exclusion("Latitude", pd.Series([52.5, 48.1, 53.6]))
    'coordinate'
    >>> persona_exclusion("zip", pd.Series([10115, 80331, 20095]))
    'postal_code'
    >>> persona_exclusion("last_name", pd.Series(["Meier", "Schulz", "Meier"]))
    'personal_data'
    >>> persona_exclusion("Spending Score (1-100)", pd.Series([39, 81, 6, 77])) is None
    True
    """
    words = _words(header)
    if words & _COORDINATE:
        return "coordinate"
    if words & _POSTAL or "postal code" in normalize_header(header):
        return "postal_code"
    if words & _PHONE and _phone_like(values):
        return "phone_number"
    squashed = normalize_header(header).replace(" ", "")
    counts = words & {"number", "num", "count", "anzahl", "no"}
    if (words & _PERSONAL and not counts) or squashed in _PERSONAL_HEADERS or squashed in _ADDRESS_PARTS:
        return "personal_data"
    if (
        words & _MODEL_WORDS
        or len(str(header)) > MODEL_SCORE_HEADER_LENGTH
        or _leaked_score(squashed)
        or any(score in squashed for score in _TOOL_SCORES)
    ):
        return "model_score"
    if words & _PRECOMPUTED_VALUE or squashed in _PRECOMPUTED_VALUE or _has(header, _PRECOMPUTED_PATTERNS):
        return "precomputed_value"
    if words & _WEIGHT:
        return "survey_weight"
    internal = _internal_column(words, squashed)
    if internal:
        return internal
    campaign = _campaign_column(header, values)
    if campaign:
        return campaign
    if _has(header, _BIRTH_YEAR):
        return "birth_year"
    if _has(header, _BIRTH_DATE):
        return "birth_date"
    known = values.head(VALUE_SAMPLE).dropna()  # the first rows decide: fast on 100k-row tables
    if known.empty:
        return None
    if known.value_counts(normalize=True).iloc[0] >= NEAR_CONSTANT:
        return "near_constant"
    numeric = pd.api.types.is_numeric_dtype(known) and not pd.api.types.is_bool_dtype(known)
    if numeric:
        if _is_row_number(known.astype(float)):
            return "row_number"
        if len(known) > 20 and known.is_unique and id_header(header):
            return "identifier"
        if words & _CODE_WORDS and not counts:
            return "numeric_code"
        return None
    if pd.api.types.is_datetime64_any_dtype(known):
        return None
    text = known.astype(str)
    if _temperature(text):
        return "tool_score"
    if words & _NOTE_WORDS:  # Shopify's "Note", an ERP's "Bemerkung": typed text, however short
        return "free_text"
    if _dates_as_text(text):  # "Create Date", "Last Modified Date": a day, not a trait
        return "date_text"
    if len(known) > 20 and distinct_share(text) >= NEAR_UNIQUE:
        return "identifier" if id_header(header) or text.str.len().mean() < FREE_TEXT_LENGTH else "free_text"
    if text.str.len().mean() > FREE_TEXT_LENGTH:
        return "free_text"
    return None


def tool_score_header(header: object) -> bool:
    """Whether a header names a CRM's or mailing tool's score of the contact, never a customer's answer:
    Mailchimp's "MEMBER_RATING", "HubSpot Score", "Lead Rating" (not "Member satisfaction").

    >>> [tool_score_header(h) for h in ("MEMBER_RATING", "HubSpot Score", "Rating", "Member satisfaction")]
    [True, True, False, False]
    """
    return _internal_column(_words(header), normalize_header(header).replace(" ", "")) == "tool_score"


def _internal_column(words: set[str], squashed: str) -> str | None:
    """A column about the company's handling of the customer, by its header: a CRM or mailing tool's score
    of the contact ("tool_score"), the owner or sales rep ("internal_owner"), a time-zone offset
    ("time_offset"); None for others."""
    answer = words & {"satisfaction", "zufriedenheit", "csat", "nps", "recommend", "weiterempfehlung"}
    if (words & _SCORE_WORDS and words & _TOOL_WORDS and not answer) or squashed in _TOOL_SCORE_HEADERS:
        return "tool_score"
    if squashed in _OWNER_HEADERS or words & _OWNER_WORDS or _owner_words(words, squashed):
        return "internal_owner"
    if squashed in _OFFSET_HEADERS:
        return "time_offset"
    return None


def source_header(header: object) -> str:
    """A header as the source wrote it, without the suffix of a rename (:mod:`cxlib.column_names`).

    >>> source_header("y (original)"), source_header("month (original 2)"), source_header("Umsatz")
    ('y', 'month', 'Umsatz')
    """
    return _RENAMED.sub("", str(header))


def _campaign_column(header: object, values: pd.Series) -> str | None:
    """A column about a marketing campaign or the economy, by its header: the campaign's contacts or
    answers ("campaign"), a yes/no answer the table was made for ("outcome_label": "y", "Response"), an
    economic indicator ("market_indicator"); None for others."""
    text = normalize_header(source_header(header))
    if any(_CAMPAIGN_WORD.fullmatch(word) for word in text.split()):
        return "campaign"
    if text in _OUTCOME_HEADERS and values.head(VALUE_SAMPLE).dropna().nunique() <= 2:
        return "outcome_label"
    if _has(text, _MARKET_INDICATORS):
        return "market_indicator"
    return None


def campaign_table(columns: Iterable[object]) -> bool:
    """Whether a customer table records a marketing campaign: a header names one ("campaign",
    "AcceptedCmp1", "Kampagne"). Its contact's day, month, channel and duration are then the call's.

    >>> campaign_table(["age", "job", "campaign", "pdays"]), campaign_table(["Alter", "day"])
    (True, False)
    """
    return any(
        _CAMPAIGN_WORD.fullmatch(word) for column in columns for word in normalize_header(column).split()
    )


def _owner_words(words: set[str], squashed: str) -> bool:
    """An owner of the record in a CRM's own words ("Kontakt-Owner", "Accountinhaber", "Datensatzinhaber"),
    not a customer who owns something ("Home Owner", "Business Owner", "Hausbesitzer")."""
    owned = ("home", "house", "haus", "business", "car", "auto", "pet", "wohnung", "eigenheim", "firmen")
    if words & set(owned) or squashed.startswith(owned):
        return False
    return bool(words & {"owner", "inhaber"}) or squashed.endswith(
        ("owner", "accountinhaber", "kontoinhaber", "datensatzinhaber")
    )


def _dates_as_text(text: pd.Series) -> bool:
    """Whether text values are dates with a year ("2024-08-02 11:34", "01/15/2025", "23.03.2014")."""
    if not text.str.contains(r"\d{4}", regex=True).mean() >= NEAR_UNIQUE:
        return False
    return bool(parse_dates(text)[0].notna().mean() >= NEAR_UNIQUE)


def _temperature(text: pd.Series) -> bool:
    """Whether most values are a sales rep's temperature of an account ("Hot", "Warm", "Cold")."""
    lowered = text.str.strip().str.lower()
    return bool(lowered.isin(_TEMPERATURE_WORDS).mean() >= STATUS_SHARE and lowered.nunique() >= 2)


def _phone_like(values: pd.Series) -> bool:
    """Whether a column under a phone header holds numbers to dial (most filled values have six digits or
    more), rather than a service's Yes/No ("PhoneService", "Phone Service": "No phone service")."""
    known = values.head(VALUE_SAMPLE).dropna()
    if known.empty:
        return True  # the header alone decides an empty column
    digits = known.astype(str).str.count(r"[0-9]")
    return bool((digits >= _PHONE_DIGITS).mean() >= 0.5)


def _leaked_score(squashed: str) -> bool:
    """A churn model's output by its header ("Kündigungswahrscheinlichkeit", "churn_score", "Churn Risk")."""
    if any(stem in squashed for stem in _MODEL_STEMS):
        return True
    churn = any(stem in squashed for stem in (*_CHURN_STEMS[:6], "abwanderung", "attrition"))
    return churn and any(word in squashed for word in _RISK_WORDS)


def is_weight_column(header: object, values: pd.Series) -> bool:
    """A survey weight: a weight word in the header and positive numbers around 1 that vary.

    Examples
    --------
    >>> is_weight_column("WEIGHT", pd.Series([0.67, 1.06, 1.49, 0.21]))
    True
    >>> is_weight_column("Gewicht (kg)", pd.Series([72.0, 80.5, 64.0]))
    False
    """
    if not _words(header) & _WEIGHT:
        return False
    numbers = _numbers(values).dropna()
    if numbers.empty or (numbers <= 0).any() or numbers.nunique() < 2:
        return False
    return 0.2 <= float(numbers.mean()) <= 5.0


def churn_outcome(values: pd.Series, churned: pd.Series) -> bool:
    """Whether a column restates who churned: each of its values (a missing cell is a value too) belongs
    to churned or to staying customers only, as with a second churn column ("Churn Value" 1/0 beside
    "Churn Label"), a churn reason filled only for those who left, or a status "aktiv"/"gekündigt" beside
    the cancellation date. Such a column is the outcome, not a trait: personas built on it sort
    customers by the answer.

    Examples
    --------
    >>> churned = pd.Series([True, False] * 30)
    >>> churn_outcome(pd.Series(["Moved", None] * 30), churned)
    True
    >>> churn_outcome(pd.Series(["Two year", "Month-to-month", "Month-to-month"] * 20), churned)
    False
    """
    flag = churned.head(VALUE_SAMPLE)
    known = flag.notna().to_numpy()
    flag = flag[known].astype(bool)
    if len(flag) < MIN_OUTCOME_ROWS or flag.all() or not flag.any():
        return False
    codes, labels = pd.factorize(values.head(VALUE_SAMPLE)[known], use_na_sentinel=False)
    if not 2 <= len(labels) <= MAX_STAGE_VALUES:
        return False
    share = flag.groupby(codes).agg(["mean", "size"])
    agreeing = (np.maximum(share["mean"], 1 - share["mean"]) * share["size"]).sum()
    return bool(agreeing / len(flag) >= OUTCOME_AGREEMENT)


def same_as_revenue(values: pd.Series, revenue: pd.Series) -> bool:
    """Whether a numeric column is the revenue in another unit: a constant multiple of it in every row
    where both are positive ("mrr" beside "arr", "Monthly Fee" beside "Annual Fee"). Used twice it would
    weigh spend double in the personas.

    Examples
    --------
    >>> arr = pd.Series([120.0, 240.0, 0.0, 600.0] * 5)
    >>> same_as_revenue(arr / 12, arr), same_as_revenue(pd.Series([3.0, 1.0, 2.0, 9.0] * 5), arr)
    (True, False)
    """
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return False
    both = pd.DataFrame({"x": values.head(VALUE_SAMPLE), "r": revenue.head(VALUE_SAMPLE)}).astype(float)
    both = both[(both["x"] > 0) & (both["r"] > 0)]
    if len(both) < MIN_ROWS_TO_JUDGE or both["r"].nunique() < 2:
        return False
    ratio = both["x"] / both["r"]
    return bool((ratio.max() - ratio.min()) <= SAME_RATIO * ratio.abs().max())


def revenue_of_another_period(header: object, values: pd.Series, siblings: Iterable[object] = ()) -> bool:
    """Whether a column beside the revenue is spend of another period: its header names spend and a
    period or year ("Umsatz lfd. Jahr" beside "Umsatz Vorjahr", "Umsatz 2023" beside "Umsatz 2024"). As a
    trait it would weigh spend twice in the personas. A company's own turnover is no spend; a lifetime
    total ("TotalCharges") stays a trait, as it also says how long the customer stayed.

    Examples
    --------
    >>> revenue_of_another_period("Umsatz lfd. Jahr", pd.Series([1200.5, 880.0]))
    True
    >>> revenue_of_another_period("Recent Deal Amount", pd.Series([1200.5, 880.0]))
    False
    >>> revenue_of_another_period("TotalCharges", pd.Series([1200.5, 880.0]))
    False
    >>> revenue_of_another_period("Annual Revenue", pd.Series([1e6, 5e6]), ["Number of Employees"])
    False
    """
    if not _has(header, _SPEND_PATTERNS) or _words(header) & _NOT_SPEND_WORDS:
        return False
    period, code = money_period(header)
    if period == "lifetime" or (code == "period_default_year" and header_year(header) is None):
        return False  # a lifetime total also says how long the customer stayed ("TotalCharges")
    return not company_revenue(header, _numbers(values).dropna(), siblings)


#: Parts and totals are screened on this many rows and confirmed on TOTAL_SAMPLE, among at most
#: MAX_TOTAL_COLUMNS numeric columns (n³ sums).
SCREEN_SAMPLE = 200
TOTAL_SAMPLE = 5_000
MAX_TOTAL_COLUMNS = 30
#: Share of rows in which two parts must add up to the total (a few rounded or corrected rows differ).
TOTAL_AGREEMENT = 0.98


def parts_of_totals(frame: pd.DataFrame) -> dict[str, str]:
    """Column -> the total it is a part of: two numeric columns that add up to a third in nearly every
    row where one of them is not zero, both non-zero in some ("ONEOFF_PURCHASES" +
    "INSTALLMENTS_PURCHASES" = "PURCHASES" in Kaggle's CC GENERAL; "Online" + "Filiale" = "Umsatz
    gesamt"). As traits beside the total, the same spend would weigh three times in the personas; the
    total stays.

    Examples
    --------
    >>> sheet = pd.DataFrame({"Total": [30.0, 5, 12, 0] * 5, "Online": [10.0, 5, 2, 0] * 5,
    ...                       "Store": [20.0, 0, 10, 0] * 5, "Visits": [3, 1, 2, 0] * 5})
    >>> parts_of_totals(sheet)
    {'Online': 'Total', 'Store': 'Total'}
    """
    numeric = [
        column
        for column in frame.columns
        if pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column])
    ]
    if not 3 <= len(numeric) <= MAX_TOTAL_COLUMNS:
        return {}
    values = frame[numeric].head(TOTAL_SAMPLE).to_numpy(dtype=float).T  # one row per column
    screened = _sums(values[:, :SCREEN_SAMPLE], min_overlap=1)
    found: dict[str, str] = {}
    for total, part, other in screened:
        if (0, 1, 2) in _sums(values[[total, part, other]], min_overlap=MIN_ROWS_TO_JUDGE, total=0):
            for column in (numeric[part], numeric[other]):
                found.setdefault(str(column), str(numeric[total]))
    return {column: total for column, total in found.items() if total not in found}


def _sums(values: np.ndarray, *, min_overlap: int, total: int | None = None) -> list[tuple[int, int, int]]:
    """(total, part, other part) of the rows of ``values`` (one per column) where part + other = total
    in :data:`TOTAL_AGREEMENT` of the cells where one of them is not zero, with both parts non-zero in
    ``min_overlap`` cells or more; for every total, or the given ``total`` only."""
    known = ~np.isnan(values)
    nonzero = known & (values != 0)
    tolerance = 0.011 + 1e-9 * np.abs(np.nan_to_num(values))
    found = []
    for whole in range(len(values)) if total is None else (total,):
        rest = values[whole] - values  # total - part, for every part at once
        agree = np.abs(rest[:, None, :] - values[None, :, :]) <= tolerance[whole]
        # judged where a part or the total is not zero: sparse 0/1 flags add up in rows of 0s
        either = nonzero[whole] | nonzero[:, None, :] | nonzero[None, :, :]
        judged = known[whole] & known[:, None, :] & known[None, :, :] & either
        filled = judged.sum(axis=2)
        share = np.where(filled > 0, (agree & judged).sum(axis=2) / np.maximum(filled, 1), 0.0)
        overlap = (nonzero[:, None, :] & nonzero[None, :, :]).sum(axis=2)
        pairs = (share >= TOTAL_AGREEMENT) & (overlap >= min_overlap)
        pairs[whole, :] = pairs[:, whole] = False
        np.fill_diagonal(pairs, False)
        found += [(whole, int(a), int(b)) for a, b in zip(*np.nonzero(pairs), strict=True) if a < b]
    return found


def persona_exclusions(frame: pd.DataFrame, columns: Iterable[str]) -> dict[str, str]:
    """Column -> evidence code for the given columns of ``frame`` that must not describe personas
    (:func:`persona_exclusion`, and :func:`churn_outcome` against the table's ``churned`` flag)."""
    found = {}
    columns = list(columns)
    calls = campaign_table(frame.columns)
    parts = parts_of_totals(frame) if columns else {}
    for column in columns:
        code = persona_exclusion(column, frame[column])
        if code is None and calls and normalize_header(source_header(column)) in _CALL_HEADERS:
            code = "campaign"  # the call's day, month, channel, length, or the calls before it
        if code is None and str(column) in parts:
            code = "part_of_total"
        if code is None and column != "churned" and "churned" in frame.columns:
            code = "churn_outcome" if churn_outcome(frame[column], frame["churned"]) else None
        if code is None and column != "revenue" and "revenue" in frame.columns:
            code = "revenue_duplicate" if same_as_revenue(frame[column], frame["revenue"]) else None
            if code is None and revenue_of_another_period(column, frame[column], frame.columns):
                code = "revenue_other_period"
        if code:
            found[column] = code
    return found


# ----- age from a birth year or date of birth, and values that cannot be real ---------------------


def derived_age(frame: pd.DataFrame, *, today: date) -> tuple[pd.Series, str, str] | None:
    """Age in whole years from a birth-year or date-of-birth column: (ages, source column, code).

    Examples
    --------
    >>> sheet = pd.DataFrame({"Geburtsjahr": [1980, 1995, None]})
    >>> ages, column, code = derived_age(sheet, today=date(2025, 6, 30))
    >>> ages.tolist(), column, code
    ([45.0, 30.0, nan], 'Geburtsjahr', 'age_from_birth_year')
    """
    reference = pd.Timestamp(today)
    for column in frame.columns:
        if _has(column, _BIRTH_YEAR):
            years = _numbers(frame[column])
            return (reference.year - years).astype(float), column, "age_from_birth_year"
        if _has(column, _BIRTH_DATE):
            values = frame[column]
            dates = values if pd.api.types.is_datetime64_any_dtype(values) else parse_dates(values)[0]
            days = (reference - dates).dt.days.astype(float)
            return np.floor(days / 365.2425), column, "age_from_birth_date"
    return None


def implausible(key: str, values: pd.Series) -> pd.Series:
    """Mask of values that cannot be real for a customer role: ages outside 0–110 (a birth year
    before 1915 gives such an age), and money codes such as 666,666 or 99,999 (one digit repeated,
    five digits or more).

    Examples
    --------
    >>> implausible("age", pd.Series([34.0, 150.0, -2.0, None])).tolist()
    [False, True, True, False]
    >>> implausible("income", pd.Series([52000.0, 666666.0, 99999.0])).tolist()
    [False, True, True]
    """
    numbers = values.astype(float)
    if key == "age":
        return ((numbers < 0) | (numbers > MAX_AGE)).fillna(False).astype(bool)
    if key in ("income", "revenue"):
        whole = numbers.where((numbers == numbers.round()) & (numbers >= 11_111)).to_numpy()
        with np.errstate(invalid="ignore"):
            digits = np.floor(np.log10(whole)) + 1
            repunit = (10.0**digits - 1) / 9  # 11111, 111111, …
            codes = (np.mod(whole, repunit) == 0) & (whole / repunit <= 9)
        return pd.Series(np.nan_to_num(codes, nan=0).astype(bool), index=values.index)
    return pd.Series(False, index=values.index)


# ----- the column meanings of a validated customer table ------------------------------------------

_ROLE_KINDS = {"customer_id": "identifier", "age": "age", "churned": "flag"} | dict.fromkeys(
    ("revenue", "income", "margin", "acquisition_cost"), "money"
)
_VALUE_KINDS = {
    "id": "identifier",
    "date": "date",
    "flag": "flag",
    "number": "number",
    "category": "category",
    "text": "free_text",
    "touchpoints": "rating",
}


def customer_meanings(
    source: pd.DataFrame, mapping: ColumnMapping, data: pd.DataFrame, notes: list[tuple[str, Evidence]]
) -> dict[str, ColumnMeaning]:
    """A :class:`ColumnMeaning` per column of a validated customer table's ``data``."""
    meanings: dict[str, ColumnMeaning] = {}
    by_source = {}
    for column, evidence in notes:
        by_source.setdefault(column, []).append(evidence)
    for role_key, match in mapping.matches.items():
        if role_key not in data.columns or isinstance(match.column, list):
            continue
        kind = _ROLE_KINDS.get(role_key) or _VALUE_KINDS[role(mapping.table, role_key).kind]
        evidence = [Evidence(f"method_{match.method}", {"header": str(match.column)})]
        evidence += by_source.get(match.column, [])
        period = None
        if role_key == "revenue":
            period, code = money_period(match.column, source.columns)
            params = {"header": str(match.column)}
            frequency = payments_per_year(source, mapping.unmapped) if code == "period_default_year" else None
            if frequency is not None:  # "Beitrag" beside "Zahlungsweise": an amount per payment
                code, params = "period_payment_frequency", {**params, "frequency": str(frequency[0])}
            if code == "period_header_span":  # "Spend last 2 years": the months it covers
                params = {**params, "months": header_span_months(match.column) or 12.0}
            evidence.append(Evidence(code, params))
        meanings[role_key] = ColumnMeaning(role_key, kind, role=role_key, period=period, evidence=evidence)
    if "churned" in data.columns and "churned" not in meanings and "churn_date" in meanings:
        derived = Evidence("churned_from_churn_date", {"header": str(mapping.matches["churn_date"].column)})
        meanings["churned"] = ColumnMeaning("churned", "flag", role="churned", evidence=[derived])
    outside = [column for column in data.columns if column not in meanings]
    excluded = persona_exclusions(data, outside)
    for column in outside:
        code = excluded.get(column)
        kind = code or "feature"
        evidence = [Evidence(code, {})] if code else []
        evidence += by_source.get(column, [])
        meanings[column] = ColumnMeaning(
            column, kind, excluded_from=("personas",) if code else (), evidence=evidence
        )
    return meanings
