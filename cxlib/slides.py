"""Kept so ``from cxlib.slides import slide_deck`` goes on working: the deck lives in
:mod:`cxlib.report.slides`."""

from cxlib.report.slides import MAX_BULLETS, MAX_PERSONAS, data_period, slide_deck

__all__ = ["MAX_BULLETS", "MAX_PERSONAS", "data_period", "slide_deck"]
