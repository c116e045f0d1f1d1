"""Altair chart builders: plain results in, ``alt.Chart`` out, every text from the string table."""
