"""Which column is which: headers matched to roles by German/English synonyms, fuzzy spelling and values.

The matcher scores every (role, column) pair, then assigns greedily from the most certain match down,
so each column serves at most one role. Survey rating columns that fit no other role become the
journey's touchpoints, in file order. Every match carries a confidence in [0, 1] so the UI can show
which guesses deserve a look.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field

import pandas as pd

from cxlib.errors import CxError
from cxlib.parsing import parse_dates, parse_flags, parse_numbers
from cxlib.roles import ROLES, Role, TableName
from cxlib.scales import (
    COMMENT_WORDS,
    NPS_SCALES,
    RATING_WORDS,
    TITLE_WORDS,
    Questionnaire,
    company_reply_word,
    employee_item,
    has_term,
    mostly_beyond_scales,
    personal_field_word,
    read_questionnaire,
    words_of,
)
from cxlib.tables import ColumnMatch, ColumnMeaning, Evidence

MIN_CONFIDENCE = 0.6
# Words that turn a header into a different quantity: "HourSpendOnApp" is time, not spend.
_QUALIFIERS = frozenset(
    {
        "hour",
        "hours",
        "time",
        "day",
        "days",
        "count",
        "number",
        "num",
        "rate",
        "ratio",
        "per",
        "since",
        "last",
        "stunden",
        "tage",
        "anzahl",
        "quote",
        "seit",
        "pro",
    }
)
_SAMPLE_ROWS = 300
#: Words that make a header name a key: such a header is never a misspelling of another role's name.
_KEY_WORDS = frozenset({"id", "key", "nr", "schluessel"})
#: Ages a customer can have: an "age" column whose values mostly lie outside is no age.
_AGE_RANGE = (0, 120)


@dataclass
class ColumnMapping:
    """The roles of one table's columns.

    ``matches`` maps role key -> :class:`~cxlib.tables.ColumnMatch`; ``unmapped`` lists the columns
    that fit no role (they stay available as extra features). ``meanings`` holds what each source column
    of a survey was understood to be (see :mod:`cxlib.scales`), keyed by the original header.
    """

    table: TableName
    matches: dict[str, ColumnMatch] = field(default_factory=dict)
    unmapped: list[str] = field(default_factory=list)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    """Role key -> why a column was chosen by its values (e.g. for a file without a header row)."""
    meanings: dict[str, ColumnMeaning] = field(default_factory=dict)
    customer_evidence: list = field(default_factory=list)
    """(column, :class:`~cxlib.tables.Evidence`) pairs: why a customer role was given or taken away."""

    def as_dict(self) -> dict[str, str | list[str]]:
        """Role key -> source column (a list for ``touchpoints``), the CLI's ``mapping`` shape."""
        return {role: match.column for role, match in self.matches.items()}

    @property
    def is_long_format(self) -> bool:
        """True for a survey with one row per touchpoint rating (``touchpoint`` + ``score``)."""
        return "touchpoint" in self.matches and "score" in self.matches


def normalize_header(header: object) -> str:
    """Lower-case words of a header, camelCase split, units and punctuation dropped.

    Examples
    --------
    >>> normalize_header("Annual Income (k$)")
    'annual income k'
    >>> normalize_header("SatisfactionScore")
    'satisfaction score'
    >>> normalize_header("Kunden-ID")
    'kunden id'
    >>> normalize_header(" # ")  # a lone number sign (Typeform's response column) is kept
    '#'
    """
    if str(header).strip() == "#":
        return "#"
    text = re.sub(r"(?<=[a-zäöü])(?=[A-ZÄÖÜ])", " ", str(header))
    text = unicodedata.normalize("NFKC", text).lower().replace("ß", "ss")
    text = re.sub(r"[^\wäöü]+", " ", text).replace("_", " ")
    return re.sub(r"\s+", " ", text).strip()


#: Words of customer columns that describe the customer (group, place, status), never identify them.
DESCRIBING_WORDS = frozenset(
    {"group", "gruppe", "segment", "type", "typ", "art", "class", "klasse", "category", "kategorie", "state",
     "city", "zip", "postal", "plz", "ort", "stadt", "land", "country", "region", "bundesland", "prefix",
     "status", "level", "tier", "since", "size", "grösse", "groesse", "income", "einkommen", "age", "alter",
     "gender", "geschlecht", "sex"}
)  # fmt: skip


#: Words of a birth date: the day a person was born, never the date of an answer, an order or a signup.
BIRTH_WORDS = ("birth", "birthday", "dob", "born", "geburt", "geburtsdatum", "geburtstag", "geboren")


def _fold(text: str) -> str:
    return text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")


@functools.lru_cache(maxsize=128)
def _role_names(role: Role) -> tuple[frozenset[str], frozenset[str]]:
    """The role's normalized names, and the same without spaces (computed once per role)."""
    names = frozenset(_fold(normalize_header(s)) for s in (role.key, *role.synonyms))
    return names, frozenset(n.replace(" ", "") for n in names)


def names_role(header: object, role: Role) -> bool:
    """Whether a header is one of ``role``'s names as written (case, spacing and separators aside), not
    merely like one.

    Examples
    --------
    >>> from cxlib.roles import role
    >>> region = role("customers", "region")
    >>> names_role("Bundesland", region), names_role("Ortsteil", region)
    (True, False)
    """
    return _name_score(normalize_header(header), role)[0] >= 1.0


def _name_score(header: str, role: Role) -> tuple[float, str]:
    """How well a normalized header names a role, and how it was recognised."""
    folded = _fold(header)
    names, squashed = _role_names(role)
    if folded in names or folded.replace(" ", "") in squashed:
        return 1.0, "synonym"
    if role.kind == "date" and has_term(folded, BIRTH_WORDS):
        return 0.0, "fuzzy"  # "Date of Birth", "Geburtsdatum" date a person, never an answer or a signup
    best = 0.0, "fuzzy"
    words = f" {folded} "
    # Short single words need a closer match: "Beratung" is a touchpoint, not "Bewertung".
    needed = 0.9 if " " not in folded and len(folded) < 10 else 0.82
    key_words = set() if role.kind == "id" else set(folded.split()) & _KEY_WORDS
    for name in names:
        qualified = (set(folded.split()) - set(name.split())) & _QUALIFIERS
        if role.kind == "date":  # "Submit Date and Time" is still the date
            qualified -= {"time"}
        if len(name) >= 4 and f" {name} " in words and not qualified:
            best = max(best, (0.7 + 0.2 * min(len(name) / max(len(folded), 1), 1.0), "synonym"))
        if _opposite(folded, name):  # "Last Order Date" is no misspelt "first order date"
            continue
        contact = personal_field_word(folded) if role.kind == "id" else None
        if contact is not None and contact not in name:  # "Customer Name" is no misspelt "customer id"
            continue
        if key_words and not key_words & set(name.split()):  # "Customer Key" is no misspelt "customer age"
            continue
        if role.kind == "id" and (set(folded.split()) - set(name.split())) & DESCRIBING_WORDS:
            continue  # "Customer_City", "Kunden-Ort" describe the customer: no misspelt "customer id"
        matcher = difflib.SequenceMatcher(None, folded, name)
        # the quick ratios are upper bounds of ratio(): wide sheets skip most of the expensive matching
        if matcher.real_quick_ratio() < needed or matcher.quick_ratio() < needed:
            continue
        ratio = matcher.ratio()
        if ratio >= needed:
            best = max(best, (0.9 * ratio, "fuzzy"))
    return best


#: Words whose swap turns a header into its opposite, however similar the spelling.
_OPPOSITES = (
    ("first", "last"),
    ("erste", "letzte"),
    ("erster", "letzter"),
    ("start", "end"),
    ("beginn", "ende"),
)


def _opposite(header: str, name: str) -> bool:
    """True when one of the two names says first/start where the other says last/end."""
    ours, theirs = set(header.split()), set(name.split())
    return any((a in ours and b in theirs) or (b in ours and a in theirs) for a, b in _OPPOSITES)


def _values_fit(values: pd.Series, role: Role) -> float:
    """1.0 when the sample values suit the role's kind, down to 0.2 when they clearly do not."""
    sample = values.dropna().head(_SAMPLE_ROWS)
    if sample.empty:
        return 0.8
    if role.kind == "number":
        numbers, bad, _ = parse_numbers(sample)
        share = 1 - bad.mean()
        if role.key == "age":  # a five-digit key is no age, however its header is spelt
            share *= float(numbers.dropna().between(*_AGE_RANGE).mean()) if numbers.notna().any() else 1.0
    elif role.kind == "date":
        dates, bad = parse_dates(sample)
        share = 1 - bad.mean()
        numeric = pd.api.types.is_numeric_dtype(sample) and not pd.api.types.is_datetime64_any_dtype(sample)
        if numeric and dates.attrs.get("date_source") not in ("yyyymmdd", "unix_s", "unix_ms", "year_only"):
            share *= 0.5  # plain numbers are rarely dates, even if they could be Excel serials
    elif role.kind == "flag":
        _, bad = parse_flags(sample)
        share = 1 - bad.mean()
    elif role.kind in ("category", "text") and pd.api.types.is_numeric_dtype(sample):
        share = 0.6 if sample.nunique() <= 20 else 0.3
    else:
        share = 1.0
    return 0.2 + 0.8 * float(share)


def _is_rating_column(values: pd.Series) -> bool:
    """Small whole-number scale (e.g. 1–5, 0–10) with at least two distinct answers."""
    numbers, bad, _ = parse_numbers(values.dropna().head(2000))
    numbers = numbers.dropna()
    if numbers.empty or bad.mean() > 0.05:
        return False
    whole = bool((numbers == numbers.round()).all())
    return whole and numbers.min() >= 0 and numbers.max() <= 10 and 2 <= numbers.nunique() <= 11


def suggest_mapping(frame: pd.DataFrame, table: TableName) -> ColumnMapping:
    """Match the columns of ``frame`` to the roles of ``table``.

    Parameters
    ----------
    frame : DataFrame
        A sheet as read by :func:`cxlib.reading.read_file`.
    table : {"customers", "survey", "transactions"}

    Examples
    --------
    >>> sheet = pd.DataFrame({"Kundennummer": ["1", "2"], "Alter": [34, 51], "Genre": ["Male", "Female"],
    ...                       "Annual Income (k$)": [15, 16], "Lieblingsfarbe": ["rot", "blau"]})
    >>> mapping = suggest_mapping(sheet, "customers")
    >>> mapping.as_dict()
    {'customer_id': 'Kundennummer', 'age': 'Alter', 'gender': 'Genre', 'income': 'Annual Income (k$)'}
    >>> mapping.unmapped
    ['Lieblingsfarbe']
    """
    _check_table(table)
    questionnaire = read_questionnaire(frame) if table == "survey" else None
    candidates: list[tuple[float, int, str, str, str]] = []
    headers = {column: normalize_header(column) for column in frame.columns}
    for position, column in enumerate(frame.columns):
        for role in ROLES[table]:
            if role.kind == "touchpoints":
                continue
            if questionnaire is not None and not _survey_role_fits(role.key, questionnaire, str(column)):
                continue
            name_score, method = _name_score(headers[column], role)
            if name_score < 0.5:
                continue
            score = name_score * _values_fit(frame[column], role)
            if score >= MIN_CONFIDENCE:
                candidates.append((score, -position, role.key, column, method))
    if questionnaire is not None and not any(c[2] == "touchpoint" for c in candidates):
        candidates = [
            c for c in candidates if c[2] != "score"
        ]  # a score without touchpoint names: wide survey
    mapping = ColumnMapping(table)
    used: set[str] = set()
    # a column with values is matched before any empty one ("Custom Number", "Option 1 Wert" of a PayPal
    # export); an empty column takes only a required role no column with values fits (validation says
    # that it is empty)
    filled = {column for column in frame.columns if frame[column].notna().any()}
    required = {r.key for r in ROLES[table] if r.required}
    ranked = sorted(candidates, key=lambda c: (c[3] in filled, *c[:3]), reverse=True)
    for score, _, role_key, column, method in ranked:
        if role_key in mapping.matches or column in used:
            continue
        if column not in filled and role_key not in required:
            continue
        mapping.matches[role_key] = ColumnMatch(role_key, column, round(score, 2), method)
        used.add(column)
    if questionnaire is not None:
        _survey_roles_from_values(frame, mapping, used, questionnaire)
    elif table == "survey" and not mapping.is_long_format:
        _add_touchpoints(frame, mapping, used)
    if table == "transactions":
        _add_transaction_roles_by_values(frame, mapping, used)
    mapping.unmapped = [column for column in frame.columns if column not in used]
    if table == "transactions":  # a customer id that repeats, the purchase date, "#1001" order numbers
        from cxlib.transaction_columns import refine_transaction_mapping

        refine_transaction_mapping(frame, mapping)
    if table == "customers":  # roles must fit their values: near-unique ID, spend that is spend
        from cxlib.customer_columns import refine_customer_mapping

        mapping.customer_evidence = refine_customer_mapping(frame, mapping)
    return mapping


def _survey_role_fits(role_key: str, questionnaire: Questionnaire, column: str) -> bool:
    """Whether a survey column's values suit a role its header suggests (a 1–5 or 0/1 "recommend" item
    is no NPS question; a multiple-choice question is no comment)."""
    from cxlib.customer_columns import tool_score_header

    meaning, profile = questionnaire.meanings[column], questionnaire.profiles[column]
    if role_key in ("recommend", "satisfaction", "touchpoint", "score") and tool_score_header(column):
        return False  # Mailchimp's MEMBER_RATING: the tool's engagement stars, not the customer's answer
    if role_key in ("recommend", "satisfaction", "touchpoint", "score", "comment") and employee_item(meaning):
        return False  # an employee's answer in a staff file says nothing about customers
    if role_key == "recommend":
        if meaning.kind in ("nps_score", "nps_group"):
            return True
        if any(e.code == "nps_group_codes" for e in meaning.evidence):
            return False  # the group coded as numbers, not the 0–10 answer
        if mostly_beyond_scales(profile.counts):
            return False  # a report's NPS figures (−25, 31 …), not the answers to the question
        if profile.n < 10:  # too few answers to tell the scale
            return meaning.kind not in ("free_text", "bipolar", "ordinal")
        wrong_scale = meaning.scale is not None and meaning.scale not in NPS_SCALES
        return not wrong_scale and meaning.kind not in (
            "recommend_flag", "recommend_rating", "flag", "free_text", "bipolar", "category",
        )  # fmt: skip
    if role_key == "satisfaction":
        if meaning.kind == "nps_score":
            return False  # a plain "Score" on 0–10 read as the NPS question
        if any(e.code == "touchpoint_satisfaction" for e in meaning.evidence):
            return False  # "Zufriedenheit mit der Beratung" names a touchpoint, not the overall judgement
        return meaning.kind not in (
            "free_text", "flag", "recommend_flag", "nps_group", "bipolar", "category", "ordinal"
        )  # fmt: skip
    if company_reply_word(column):  # the company's reply (its text, date, id) is no part of the answer
        return False
    if role_key == "comment":
        if "comment" in meaning.excluded_from:
            return False
        enough = profile.n >= 20  # a few answers cannot show a multiple-choice question
        multiple_choice = enough and profile.distinct <= 12 and profile.mean_length < 20
        rating = enough and meaning.kind in ("rating", "nps_group")
        return not profile.numeric and not multiple_choice and not rating
    if role_key in ("touchpoint", "score"):
        return meaning.kind not in ("free_text", "nps_group")
    return True


def _survey_roles_from_values(
    frame: pd.DataFrame, mapping: ColumnMapping, used: set[str], questionnaire: Questionnaire
) -> None:
    """Roles the headers did not name, from what the values are; then the touchpoints (rating items only)."""
    by_header = {str(column): column for column in frame.columns}
    meanings = questionnaire.meanings

    from cxlib.customer_columns import tool_score_header

    def free(kinds: tuple[str, ...]) -> list[str]:  # a tool's score of the contact is no answer
        return [
            c for c in questionnaire.of_kind(*kinds) if by_header[c] not in used and not tool_score_header(c)
        ]

    def assign(role_key: str, column: str, confidence: float) -> None:
        mapping.matches[role_key] = ColumnMatch(role_key, by_header[column], confidence, "values")
        used.add(by_header[column])

    if "recommend" not in mapping.matches:
        for column in free(("nps_group",)) + free(("nps_score",)):
            if not employee_item(meanings[column]):
                assign("recommend", column, 0.8)
                break
    if "customer_id" not in mapping.matches:  # the e-mail links answers to customers when no ID does
        from cxlib.transaction_columns import is_email_column

        emails = [c for c in by_header if by_header[c] not in used and is_email_column(frame[by_header[c]])]
        if emails:
            assign("customer_id", emails[0], 0.7)
    if "comment" not in mapping.matches:
        texts = [c for c in free(("free_text",)) if "comment" not in meanings[c].excluded_from]
        if texts:
            assign("comment", max(texts, key=lambda c: _comment_preference(questionnaire, c)), 0.7)
    long_format = mapping.is_long_format
    ratings = (
        []
        if long_format
        else [c for c in free(("rating",)) if "touchpoints" not in meanings[c].excluded_from]
    )
    if "satisfaction" not in mapping.matches:
        outcomes = [c for c in free(("outcome",)) if not employee_item(meanings[c])]
        overall = [c for c in outcomes if has_term(words_of(c), _OVERALL_WORDS)]
        if overall or outcomes:
            assign("satisfaction", (overall or outcomes)[0], 0.7)
        elif len(ratings) == 1 and _names_no_touchpoint_but_a_rating(ratings[0]):
            assign("satisfaction", ratings[0], 0.6)  # a lone "Rating": the overall judgement
            ratings = []
    for role_key, match in mapping.matches.items():
        for column in match.column if isinstance(match.column, list) else [match.column]:
            mark_role(meanings[str(column)], role_key)
    mapping.meanings = meanings
    if ratings:
        confidence = round(0.6 + 0.35 * sum(meanings[c].kind == "rating" for c in ratings) / len(ratings), 2)
        mapping.matches["touchpoints"] = ColumnMatch(
            "touchpoints", [by_header[c] for c in ratings], confidence, "values"
        )
        used.update(by_header[c] for c in ratings)
        for column in ratings:
            meanings[column].role = "touchpoints"


def _names_no_touchpoint_but_a_rating(header: str) -> bool:
    """Whether a header says it is a rating without naming a touchpoint ("Rating", "Star Rating"; not
    "Please rate the following: Delivery", "Bewertung Lieferung").

    Examples
    --------
    >>> [_names_no_touchpoint_but_a_rating(h) for h in ("Star Rating", "Bewertung Lieferung", "Review Score")]
    [True, False, True]
    """
    from cxlib.phases import touchpoint_likeness

    words = words_of(header)
    if has_term(words, RATING_WORDS) is None:
        return False
    # "Reviewer_Score", "Review Rating": the review's own score, though "review" is a journey step
    return has_term(words, _REVIEW_WORDS) is not None or touchpoint_likeness(header) < 1.0


_REVIEW_WORDS = ("review", "reviewer", "reviews", "rezension", "rezensent", "reviewer score")


_OVERALL_WORDS = ("overall", "all", "gesamt", "insgesamt", "total", "gesamturteil", "gesamteindruck")


def _comment_preference(questionnaire: Questionnaire, column: str) -> float:
    """Long, unique answers to an open question, written by many (not "No Negative"); a review title or
    subject line counts less."""
    profile = questionnaire.profiles[column]
    words = words_of(column)
    weight = 2.0 if has_term(words, COMMENT_WORDS) else 1.0
    if has_term(words, TITLE_WORDS):
        weight *= 0.3
    return weight * profile.mean_length * profile.unique_share * profile.said_share


def mark_role(meaning: ColumnMeaning, role_key: str) -> None:
    """Record the role on a column's meaning; outcomes and the NPS source are never touchpoints."""
    meaning.role = role_key
    if role_key == "recommend" and meaning.kind not in ("nps_group",):
        meaning.kind = "nps_score"
    elif role_key == "satisfaction":
        meaning.kind = "outcome"
    elif role_key == "comment":
        meaning.kind = "free_text"
    elif role_key in ("response_id", "customer_id"):
        meaning.kind = "identifier"
    if role_key in ("recommend", "satisfaction"):
        meaning.excluded_from = tuple(dict.fromkeys((*meaning.excluded_from, "touchpoints")))


def _add_touchpoints(frame: pd.DataFrame, mapping: ColumnMapping, used: set[str]) -> None:
    from cxlib.phases import touchpoint_likeness

    columns, likeness = [], []
    for column in frame.columns:
        if column in used or not _is_rating_column(frame[column]):
            continue
        columns.append(column)
        likeness.append(touchpoint_likeness(str(column)))
    if columns:
        confidence = round(0.6 + 0.35 * sum(likeness) / len(likeness), 2)
        mapping.matches["touchpoints"] = ColumnMatch("touchpoints", columns, confidence, "values")
        used.update(columns)


#: Column names that say nothing: generated for a file without a header row, or for an empty header cell.
_GENERIC_HEADER = re.compile(r"^(column[ _]?\d+|unnamed: ?\d+|spalte ?\d+|\d+)$", re.IGNORECASE)
_VALUES_CONFIDENCE = 0.7


def _add_transaction_roles_by_values(frame: pd.DataFrame, mapping: ColumnMapping, used: set[str]) -> None:
    """Customer id, date and amount of a purchase log whose headers say nothing, chosen by their values.

    Only columns with generic names (``Column 3``, ``column_3``, ``Unnamed: 0``) are considered: a named
    column is never given a role its header does not support. The evidence is kept in the mapping:

    * date: 8-digit whole numbers (or text) that are all valid ``YYYYMMDD`` dates;
    * amount: the last numeric column with non-negative values and cents;
    * customer id: the first column of whole numbers or codes that repeat across rows (at least
      ``max(10, 1 %)`` distinct values, and fewer than 90 % of the rows: a purchase log has several lines
      per customer; a small count such as the number of items has too few distinct values).

    Examples
    --------
    >>> log = pd.DataFrame({"Column 1": ["7", "7", "9"] * 5,
    ...                     "Column 2": ["19970101", "19970118", "19970102"] * 5,
    ...                     "Column 3": ["2", "1", "1"] * 5, "Column 4": ["29.33", "14.96", "11.77"] * 5})
    >>> mapping = ColumnMapping("transactions")
    >>> _add_transaction_roles_by_values(log, mapping, set())
    >>> mapping.as_dict()
    {'date': 'Column 2', 'amount': 'Column 4'}
    """
    generic = [c for c in frame.columns if c not in used and _GENERIC_HEADER.match(str(c).strip())]
    if not generic:
        return
    sample = frame[generic].head(5000)
    numbers = {}
    for column in generic:
        values, bad, _ = parse_numbers(sample[column])
        if values.notna().any() and bad.mean() <= 0.05:
            numbers[column] = values.dropna()

    def assign(role_key: str, column: str, evidence: Evidence) -> None:
        mapping.matches[role_key] = ColumnMatch(role_key, column, _VALUES_CONFIDENCE, "values")
        mapping.evidence[role_key] = [evidence]
        used.add(column)
        generic.remove(column)

    if "date" not in mapping.matches:
        for column in generic:
            values = numbers.get(column)
            if values is None or values.empty or not ((values >= 1900_01_01) & (values <= 2199_12_31)).all():
                continue
            dates, bad = parse_dates(values)
            if dates.attrs.get("date_source") == "yyyymmdd" and not bad.any():
                assign("date", column, Evidence("yyyymmdd_integers", {"example": str(int(values.iloc[0]))}))
                break
    if "amount" not in mapping.matches:
        money = [
            c
            for c in generic
            if c in numbers and (numbers[c] >= 0).mean() >= 0.95 and (numbers[c] != numbers[c].round()).any()
        ]
        if money:
            example = numbers[money[-1]].iloc[0]
            assign("amount", money[-1], Evidence("money_decimals", {"example": f"{example:g}"}))
    if "customer_id" not in mapping.matches:
        rows = len(sample)
        for column in generic:
            values = numbers[column] if column in numbers else sample[column].dropna().astype(str)
            if column in numbers and not ((values == values.round()) & (values >= 0)).all():
                continue
            distinct = int(values.nunique())
            if max(10, 0.01 * rows) <= distinct < 0.9 * rows:
                assign("customer_id", column, Evidence("repeated_ids", {"distinct": distinct, "rows": rows}))
                break


def mapping_from_dict(
    frame: pd.DataFrame, table: TableName, roles: MappingABC[str, str | list[str] | None]
) -> ColumnMapping:
    """A mapping set by hand (UI or CLI): role key -> column name (list of names for ``touchpoints``).

    Roles mapped to ``None`` or ``""`` are left out. Unknown roles or columns raise :class:`CxError`.

    Examples
    --------
    >>> sheet = pd.DataFrame({"Nr": ["1"], "Jahre": [30]})
    >>> mapping_from_dict(sheet, "customers", {"customer_id": "Nr", "age": "Jahre"}).as_dict()
    {'customer_id': 'Nr', 'age': 'Jahre'}
    """
    _check_table(table)
    known = {role.key for role in ROLES[table]}
    mapping = ColumnMapping(table)
    used: set[str] = set()
    for role_key, column in roles.items():
        if column in (None, "", []):
            continue
        if role_key not in known:
            raise CxError("error.unknown_role", role=role_key, table=table)
        columns = column if isinstance(column, list) else [column]
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise CxError("error.unknown_column", column=missing[0], table=table)
        mapping.matches[role_key] = ColumnMatch(role_key, column, 1.0, "manual")
        used.update(columns)
    mapping.unmapped = [column for column in frame.columns if column not in used]
    return mapping


def _check_table(table: str) -> None:
    if table not in ROLES:
        raise ValueError(f"table must be one of {sorted(ROLES)}, got {table!r}")
