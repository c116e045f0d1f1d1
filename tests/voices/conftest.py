"""The demo survey's comments analysed once for the voices tests (read-only: shared between them)."""

import pytest

from cxlib.demo import generate_demo
from cxlib.voices import analyze_voices

DEMO_ROLES = {
    "Kommentar": "comment",
    "Weiterempfehlung": "recommend",
    "Gesamtzufriedenheit": "satisfaction",
    "Kundennummer": "customer_id",
    "Datum": "response_date",
}


@pytest.fixture(scope="package")
def demo_voices():
    survey = generate_demo().survey.rename(columns=DEMO_ROLES)
    return analyze_voices(survey)
