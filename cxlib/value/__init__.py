"""Customer value from a transaction log (Kundenwert aus Kaufhistorie).

- :mod:`cxlib.value.purchases`: transactions → customer-days → per-customer summary (frequency, recency,
  T in weeks, repeat-purchase average spend);
- :mod:`cxlib.value.rfm`: RFM scores 1–5 and the named segments (string keys ``value.segment.*``);
- :mod:`cxlib.value.bgnbd` and :mod:`cxlib.value.gamma_gamma`: exact log-likelihoods, maximum
  likelihood on log-parameters, P(active), expected purchases and spend;
- :mod:`cxlib.value.valuation`: per-customer CLV over a horizon, totals with 95 % intervals from the
  observed information (delta method);
- :mod:`cxlib.value.holdout`: the calibration/holdout check and its two plots' data;
- :mod:`cxlib.value.customers`: the buyers as customers, missing customer columns filled;
- :mod:`cxlib.value.section`: the whole chain and the ``value`` section of the analysis document;
- :mod:`cxlib.value.simulate`: purchase logs with known parameters (demo, tests, benchmark).
"""
