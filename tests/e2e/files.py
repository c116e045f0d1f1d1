"""Files a person would upload in the browser tests: a German customer workbook and a German survey CSV.

The numbers are chosen so that each file is recognisable on screen (a customer count of 37, or 21..28 for
the concurrent visitors) and the results can be worked out by hand.
"""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook

CUSTOMER_HEADERS = ("Nr", "Kunde", "Anmeldedatum", "Alter", "Wohnort", "Umsatz")


def customers_xlsx(count: int, *, copies: int = 0, duplicate_names: int = 0) -> bytes:
    """A customer workbook ("Kunden" sheet) with ``count`` rows of customers numbered K0001, K0002, ...

    The customer number is in a column headed "Nr" (not a known header), while "Kunde" (a known German
    header for the customer id) holds company names. With ``copies`` the last rows repeat the first ones
    cell for cell (a double export), so they are set aside as duplicates; with ``duplicate_names`` only
    their company names repeat, so a mapping that takes "Kunde" as the id combines those rows (one
    company, several customer numbers).
    """
    book = Workbook()
    sheet = book.active
    sheet.title = "Kunden"
    sheet.append(CUSTOMER_HEADERS)
    start = dt.date(2023, 1, 2)
    for row in range(count):
        i = row - (count - copies) if row >= count - copies else row
        name = row - (count - duplicate_names) if row >= count - duplicate_names else i
        sheet.append(
            (
                f"K{i + 1:04d}",
                f"Firma {name + 1:03d}",
                start + dt.timedelta(days=9 * i),
                25 + (i * 7) % 40,
                ("Berlin", "Hamburg", "München")[i % 3],
                round(150.0 + 12.5 * i, 2),
            )
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def survey_csv(recommend: list[int], *, today: dt.date | None = None) -> bytes:
    """A German survey export: ``;`` separated, day-first dates, one answer per recommendation score.

    Answers are dated within the last weeks (so they fall in the NPS period) and belong to customers
    K0001, K0002, ...; three touchpoints (Bestellung, Lieferung, Kundenservice) are rated 1..5.
    """
    today = today or dt.date.today()
    lines = ["Antwort-ID;Kunden-ID;Datum;Weiterempfehlung;Bestellung;Lieferung;Kundenservice"]
    for i, score in enumerate(recommend):
        day = today - dt.timedelta(days=1 + i % 20)
        ratings = (4 + i % 2, 2 + i % 2, 3 + i % 3 % 2)
        lines.append(f"A{i + 1:04d};K{i + 1:04d};{day:%d.%m.%Y};{score};" + ";".join(str(r) for r in ratings))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def nps_of(recommend: list[int]) -> int:
    """The NPS the app should show for these answers: % promoters minus % detractors, rounded."""
    promoters = sum(score >= 9 for score in recommend)
    detractors = sum(score <= 6 for score in recommend)
    return round(100 * (promoters - detractors) / len(recommend))
