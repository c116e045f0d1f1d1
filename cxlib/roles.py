"""The canonical column roles of the three tables, with the German and English headers that mean them.

The role keys are a public interface (the CLI's ``mapping`` uses them): never rename one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["id", "date", "flag", "number", "category", "text", "touchpoints"]
TableName = Literal["customers", "survey", "transactions"]
TABLES: tuple[TableName, ...] = ("customers", "survey", "transactions")


@dataclass(frozen=True)
class Role:
    """One field a table can have: its key, value kind, and header synonyms (lower-case, DE and EN)."""

    key: str
    kind: Kind
    synonyms: tuple[str, ...] = field(default=())
    required: bool = False


CUSTOMER_ROLES: tuple[Role, ...] = (
    Role(
        "customer_id",
        "id",
        (
            "customer id",
            "customerid",
            "customer_id",
            "customer number",
            "customer no",
            "client id",
            "cust id",
            "id",
            "kunden-id",
            "kundenid",
            "kunden id",
            "kundennummer",
            "kunden-nr",
            "kundennr",
            "kunde",
            "kd-nr",
            "user id",
            "member id",
            "account id",
        ),
        required=True,
    ),
    Role(
        "signup_date",
        "date",
        (
            "signup date",
            "sign-up date",
            "signup",
            "registration date",
            "join date",
            "joined",
            "customer since",
            "start date",
            "first purchase",
            "created",
            "anmeldedatum",
            "registrierungsdatum",
            "kunde seit",
            "eintrittsdatum",
            "vertragsbeginn",
            "startdatum",
            "erstkauf",
        ),
    ),
    Role(
        "churn_date",
        "date",
        (
            "churn date",
            "cancellation date",
            "cancel date",
            "end date",
            "exit date",
            "termination date",
            "kündigungsdatum",
            "kuendigungsdatum",
            "austrittsdatum",
            "vertragsende",
            "abwanderungsdatum",
            "enddatum",
        ),
    ),
    Role(
        "churned",
        "flag",
        (
            "churned",
            "churn",
            "exited",
            "attrition",
            "attrited",
            "lost",
            "cancelled",
            "is churned",
            "abgewandert",
            "gekündigt",
            "gekuendigt",
            "abwanderung",
            "kündigung",
            "verloren",
            "ausgetreten",
        ),
    ),
    Role("age", "number", ("age", "age years", "alter", "lebensalter", "alter jahre")),
    Role("gender", "category", ("gender", "sex", "genre", "geschlecht", "anrede", "salutation")),
    Role(
        "region",
        "category",
        (
            "region",
            "country",
            "state",
            "city",
            "location",
            "area",
            "geography",
            "land",
            "bundesland",
            "stadt",
            "ort",
            "wohnort",
            "gebiet",
            "plz-gebiet",
        ),
    ),
    Role(
        "segment",
        "category",
        (
            "segment",
            "customer segment",
            "customer type",
            "tier",
            "plan",
            "category",
            "kundensegment",
            "kundengruppe",
            "kundentyp",
            "tarif",
            "kategorie",
        ),
    ),
    Role(
        "income",
        "number",
        (
            "income",
            "annual income",
            "annual income k",
            "salary",
            "household income",
            "estimated salary",
            "einkommen",
            "jahreseinkommen",
            "haushaltseinkommen",
            "gehalt",
            "nettoeinkommen",
        ),
    ),
    Role(
        "orders",
        "number",
        (
            "orders",
            "order count",
            "number of orders",
            "purchases",
            "frequency",
            "transactions",
            "bestellungen",
            "anzahl bestellungen",
            "käufe",
            "kaeufe",
            "kaufhäufigkeit",
            "bestellanzahl",
        ),
    ),
    Role(
        "revenue",
        "number",
        (
            "revenue",
            "sales",
            "spend",
            "total spend",
            "monetary",
            "turnover",
            "amount spent",
            "annual spend",
            "balance",
            "umsatz",
            "jahresumsatz",
            "ausgaben",
            "umsatz gesamt",
        ),
    ),
    Role(
        "margin",
        "number",
        (
            "margin",
            "profit",
            "contribution margin",
            "gross margin",
            "marge",
            "deckungsbeitrag",
            "gewinn",
            "rohertrag",
        ),
    ),
    Role(
        "acquisition_cost",
        "number",
        (
            "acquisition cost",
            "cac",
            "customer acquisition cost",
            "acquisition costs",
            "akquisitionskosten",
            "akquisekosten",
            "gewinnungskosten",
            "kundengewinnungskosten",
        ),
    ),
    Role(
        "tenure",
        "number",
        (
            "tenure",
            "tenure months",
            "months as customer",
            "customer tenure",
            "years as customer",
            "kundendauer",
            "vertragsdauer",
            "monate kunde",
            "dauer der kundenbeziehung",
        ),
    ),
)

SURVEY_ROLES: tuple[Role, ...] = (
    Role(
        "response_id",
        "id",
        (
            "response id",
            "responseid",
            "response",
            "survey id",
            "answer id",
            "respondent id",
            "antwort-id",
            "antwortid",
            "fragebogen-nr",
            "fragebogennummer",
            "teilnehmer-id",
        ),
    ),
    Role("customer_id", "id", CUSTOMER_ROLES[0].synonyms),
    Role(
        "response_date",
        "date",
        (
            "response date",
            "survey date",
            "date",
            "submitted",
            "submitted at",
            "completed",
            "timestamp",
            "antwortdatum",
            "befragungsdatum",
            "datum",
            "umfragedatum",
        ),
    ),
    Role(
        "recommend",
        "number",
        (
            "recommend",
            "nps",
            "likelihood to recommend",
            "net promoter score",
            "how likely are you to recommend",
            "recommendation",
            "would recommend",
            "ltr",
            "weiterempfehlung",
            "weiterempfehlungsbereitschaft",
            "empfehlung",
            "empfehlen",
            "wie wahrscheinlich ist es dass sie uns weiterempfehlen",
        ),
    ),
    Role(
        "satisfaction",
        "number",
        (
            "satisfaction",
            "overall satisfaction",
            "csat",
            "satisfaction score",
            "overall experience",
            "experience",
            "overall",
            "zufriedenheit",
            "gesamtzufriedenheit",
            "gesamturteil",
            "gesamteindruck",
            "zufriedenheit gesamt",
        ),
    ),
    Role("touchpoints", "touchpoints", ()),
    Role(
        "touchpoint",
        "category",
        (
            "touchpoint",
            "touch point",
            "contact point",
            "journey step",
            "step",
            "berührungspunkt",
            "beruehrungspunkt",
            "kontaktpunkt",
            "touchpoint name",
        ),
    ),
    Role("score", "number", ("score", "rating", "touchpoint score", "bewertung", "note", "punktzahl")),
    Role(
        "comment",
        "text",
        (
            "comment",
            "comments",
            "feedback",
            "remarks",
            "verbatim",
            "open answer",
            "why",
            "reason",
            "kommentar",
            "kommentare",
            "anmerkung",
            "anmerkungen",
            "bemerkung",
            "freitext",
            "begründung",
        ),
    ),
)

TRANSACTION_ROLES: tuple[Role, ...] = (
    Role("customer_id", "id", CUSTOMER_ROLES[0].synonyms, required=True),
    Role(
        "date",
        "date",
        (
            "date",
            "invoice date",
            "invoicedate",
            "order date",
            "transaction date",
            "purchase date",
            "datum",
            "rechnungsdatum",
            "bestelldatum",
            "kaufdatum",
            "buchungsdatum",
        ),
    ),
    Role(
        "amount",
        "number",
        (
            "amount",
            "total",
            "value",
            "price",
            "order value",
            "revenue",
            "sales",
            "betrag",
            "summe",
            "umsatz",
            "bestellwert",
            "preis",
            "wert",
        ),
    ),
)

ROLES: dict[TableName, tuple[Role, ...]] = {
    "customers": CUSTOMER_ROLES,
    "survey": SURVEY_ROLES,
    "transactions": TRANSACTION_ROLES,
}


def role(table: TableName, key: str) -> Role:
    """The role ``key`` of ``table``.

    Examples
    --------
    >>> role("customers", "age").kind
    'number'
    """
    for candidate in ROLES[table]:
        if candidate.key == key:
            return candidate
    raise KeyError(f"{key!r} is not a role of the {table} table")
