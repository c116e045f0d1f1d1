"""cxlib: the core of the Customer Centricity Dashboard (no Streamlit in here).

One concept per module:

- ``errors``      the one error type a user ever sees (:class:`CxError`)
- ``i18n``        the German/English string table and number/date formatting
- ``roles``       the canonical column roles of the customer, survey and transaction tables
- ``reading``     bytes/paths -> one DataFrame per sheet (format sniffing, CSV dialects, safety checks)
- ``mapping``     headers -> roles (DE/EN synonyms, fuzzy matching, confidence)
- ``validation``  raw sheet + mapping -> :class:`~cxlib.tables.ValidatedTable` (typed, rows accounted for)
- ``tables``      the data classes passed between modules
- ``demo``        the deterministic demo-data generator behind ``sample_data/``
- ``nps``, ``churn``, ``clv``  the KPI metrics
- ``personas``    k-means personas with names, cards and quotes
- ``journey``     the customer journey curve, pain points and key drivers
- ``charts``      Altair chart builders (functions returning ``alt.Chart``)
- ``analysis``    the whole pipeline as one JSON-ready document (used by the CLI and the app)
- ``cli``         ``python -m cxlib analyze|report``

Validated tables use the role keys of :mod:`cxlib.roles` as column names; columns that fit no role keep
their original header.
"""

__version__ = "0.1.0"
