"""Command line: ``python -m cxlib analyze --customers FILE [--survey FILE] ... --format json``, and
``python -m cxlib report --customers FILE ... --out report.xlsx [--pdf summary.pdf] [--pptx deck.pptx]``
for scheduled reports.

Any problem ends with exit code 2 and one plain line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from cxlib.errors import CxError
from cxlib.i18n import LANGUAGES

EXIT_USER_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line with exit code 2 (its default code, kept)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: {message}\n")
        raise SystemExit(EXIT_USER_ERROR)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m cxlib", description="Customer Centricity Dashboard from the command line."
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    analyze = commands.add_parser("analyze", help="analyse customer/survey/transaction files and print JSON")
    _add_inputs(analyze)
    analyze.add_argument("--format", choices=["json"], default="json", help="output format (json)")
    analyze.add_argument(
        "--k", type=int, default=None, help="number of personas (default: chosen automatically)"
    )
    _add_value_options(analyze)
    analyze.add_argument(
        "--currency",
        metavar="CODE",
        type=_currency,
        default="EUR",
        help="ISO 4217 code of the money figures, written as the JSON's top-level currency (EUR)",
    )
    report = commands.add_parser("report", help="write the Excel report (and a one-page PDF summary)")
    _add_inputs(report)
    report.add_argument("--out", metavar="FILE", required=True, help="Excel report to write (.xlsx)")
    report.add_argument("--pdf", metavar="FILE", help="PDF report to write (2–4 pages)")
    report.add_argument("--pptx", metavar="FILE", help="PowerPoint deck to write (one slide per story point)")
    report.add_argument("--k", type=int, default=None, help="number of personas (default: automatic)")
    return parser


def _add_inputs(command: argparse.ArgumentParser) -> None:
    for table in ("customers", "survey", "transactions"):
        command.add_argument(
            f"--{table}",
            metavar="FILE",
            help=f"{table} file (.xlsx/.xlsm/.xls/.ods/.csv/.txt, also as .gz or in a .zip)",
        )
        command.add_argument(f"--{table}-sheet", metavar="SHEET", help=f"sheet of the {table} workbook")
    command.add_argument("--lang", choices=LANGUAGES, default="en", help="language of messages (en|de)")
    command.add_argument(
        "--mapping", metavar="FILE", help="mapping profile (JSON) saved on the Data page or written before"
    )
    command.add_argument(
        "--role",
        metavar="TABLE.ROLE=COLUMN",
        action="append",
        default=[],
        help="correct one role, e.g. customers.revenue=MonthlyCharges (repeatable; empty COLUMN unmaps)",
    )


def _choices(args: argparse.Namespace) -> dict:
    """Per table: the sheet, roles and column meanings of ``--mapping`` and the ``--role`` corrections."""
    from cxlib.mapping_profile import parse_role_options, read_profile, table_choice

    profile = read_profile(args.mapping) if args.mapping else None
    corrections = parse_role_options(args.role)
    return {
        table: table_choice(profile, corrections, table) for table in ("customers", "survey", "transactions")
    }


def _journey_owners(args: argparse.Namespace) -> tuple[tuple[str, str], ...]:
    """The touchpoint owners saved in ``--mapping`` (none without a profile)."""
    from cxlib.mapping_profile import journey_owners, read_profile

    return tuple(journey_owners(read_profile(args.mapping)).items()) if args.mapping else ()


def _add_value_options(command: argparse.ArgumentParser) -> None:
    """Customer value (transactions): the model check's split and the CLV horizon."""
    command.add_argument(
        "--calibration-end",
        metavar="YYYY-MM-DD",
        type=_iso_date,
        default=None,
        help="fit the purchase model up to this date and check it on the purchases after "
        "(default: chosen from the data, and reported)",
    )
    command.add_argument(
        "--horizon-months", metavar="N", type=_positive_int, default=12, help="CLV horizon in months (12)"
    )


def _iso_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _currency(text: str) -> str:
    from cxlib.i18n import check_currency

    try:
        return check_currency(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a three-letter currency code such as EUR: {text!r}") from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 600:
        raise argparse.ArgumentTypeError(f"must lie in 1..600: {value}")
    return value


def _run_analyze(args: argparse.Namespace) -> dict:
    from cxlib.analysis import AnalysisSettings, analyze_files
    from cxlib.kpis import KpiSettings
    from cxlib.value.section import ValueSettings

    files = {table: getattr(args, table) for table in ("customers", "survey", "transactions")}
    sheets = {table: getattr(args, f"{table}_sheet") for table in files}
    if not any(files.values()):
        raise CxError("error.no_input")
    value = ValueSettings(calibration_end=args.calibration_end, horizon_months=args.horizon_months)
    kpi = KpiSettings(currency=args.currency)
    settings = AnalysisSettings(n_personas=args.k, kpi=kpi, value=value, journey_owners=_journey_owners(args))
    return analyze_files(files, sheets=sheets, lang=args.lang, settings=settings, choices=_choices(args))


def _run_report(args: argparse.Namespace) -> None:
    from cxlib.report import report_from_files, write_reports

    files = {table: getattr(args, table) for table in ("customers", "survey", "transactions")}
    sheets = {table: getattr(args, f"{table}_sheet") for table in files}
    if not any(files.values()):
        raise CxError("error.no_input")
    for target in (args.out, args.pdf, args.pptx):  # fail before minutes of work, not after
        if target and not Path(target).resolve().parent.is_dir():
            raise CxError("error.cannot_write", file=target)
    data = report_from_files(files, sheets=sheets, lang=args.lang, n_personas=args.k, choices=_choices(args))
    try:
        write_reports(data, excel=args.out, pdf=args.pdf, pptx=args.pptx, lang=args.lang)
    except OSError as error:  # e.g. the folder does not exist or the file is open in Excel
        raise CxError("error.cannot_write", file=error.filename or args.out) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "report":
            _run_report(args)
            return 0
        document = _run_analyze(args)
    except CxError as error:
        sys.stderr.write(error.message(getattr(args, "lang", "en")) + "\n")
        return EXIT_USER_ERROR
    except Exception as error:
        sys.stderr.write(f"Unexpected problem ({type(error).__name__}): {error}\n")
        return EXIT_USER_ERROR
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
    return 0
