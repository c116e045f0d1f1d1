"""German and English: the one string table, and numbers and dates formatted the way each reader expects.

Every text a user sees (UI labels, chart titles, findings, error messages) lives in :data:`STRINGS`,
under the same key in both languages. Templates use ``str.format`` fields, e.g. ``{file}``.
Keys are grouped by area (``error.*``, ``rule.*``, ``ui.*``, ``kpi.*``, ``persona.*``, ``journey.*``,
``finding.*``, ``export.*``); keep each area's keys together in both dictionaries.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

LANGUAGES = ("en", "de")
#: Each language by its own name, as the language switch offers it.
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        # --- errors (reading files) ---
        "error.empty_file": 'The file "{file}" is empty.',
        "error.header_only": 'The file "{file}" has column headers but no data rows.',
        "error.no_data": 'No table with data was found in "{file}".',
        "error.too_large": 'The file "{file}" is {size_mb:.1f} MB; the limit is {limit_mb} MB. '
        "Please upload a smaller export (for example one year or one region).",
        "error.unknown_format": 'The file "{file}" is not a spreadsheet or text table that can be read '
        "(supported: .xlsx, .xlsm, .xls, .ods, .csv, .tsv, .txt).",
        "error.corrupt_workbook": 'The workbook "{file}" is damaged and cannot be opened. '
        "Please save it again from Excel and retry.",
        "error.password_protected": 'The workbook "{file}" is password-protected. '
        "Please remove the password in Excel (File > Info > Protect Workbook) and upload it again.",
        "error.zip_bomb": 'The file "{file}" unpacks to an implausibly large size and was not opened '
        "for safety reasons.",
        "error.unsafe_xml": 'The file "{file}" contains unsafe XML constructs and was not opened '
        "for safety reasons.",
        "error.undecodable_text": 'The text file "{file}" uses a character encoding that could not be '
        "recognised. Please save it as UTF-8 or Windows (ANSI) CSV.",
        "error.sheet_not_found": 'The sheet "{sheet}" does not exist in "{file}". Available: {sheets}.',
        "error.too_many_columns": 'The table in "{file}" has {columns} columns; at most {limit} are supported.',
        "error.too_much_memory": 'The table in "{file}" would take about {size_mb} MB of memory; this '
        "server keeps at most {limit_mb} MB per file. Please upload a smaller export (fewer rows or columns).",
        "error.file_not_found": 'The file "{file}" was not found.',
        # --- errors (mapping and validation) ---
        "error.required_role_missing": "No column for the required field “{role}” was found in the "
        "{table} table. Please assign it in the column mapping.",
        "error.required_role_empty": "The column “{column}” (field “{role}”) in the {table} table "
        "contains no values.",
        "error.no_usable_rows": "None of the {rows} rows of the {table} table could be used: {reason}",
        "error.summary_table": 'The file "{file}" looks like a summary, not a {table} table with {expected}: '
        "each of its {rows} rows is a group (“{label}”: {examples}) and its columns are {what} ({columns}). "
        "Counted as {expected}, these rows would give wrong figures, so the file was not used. Please upload "
        "the list the summary was made from.",
        "error.survey_in_wrong_slot": 'The file "{file}" looks like a survey export, not a {table} table: it '
        "has the survey's own response ID or date (“{column}”) and {ratings} rating questions ({columns}). Read "
        "as {table}, its answers would give wrong figures, so it was not used here. Please upload it as the "
        "survey.",
        "error.log_in_customer_slot": 'The file "{file}" looks like a purchase log ({columns}: several rows '
        "per customer, each with a date and an amount), not a customer table with one row per customer. Please "
        "upload it as the purchases; the customers are then taken from the purchases.",
        "error.records_in_survey_slot": 'The file "{file}" has no rating question and looks like a {looks} '
        "table ({columns}), not a survey. Please upload it as the {looks}, and the survey's answers as the "
        "survey.",
        "summary.kind.periods": "periods (months, quarters or years)",
        "summary.kind.measures": "figures about each group (counts, shares, averages)",
        "summary.kind.frequencies": "how often each answer was given",
        "summary.kind.answers": "the answer options, each with its count or share",
        "summary.expected.customers": "one row per customer",
        "summary.expected.survey": "one row per response",
        "summary.expected.transactions": "one row per purchase",
        "error.unknown_role": "“{role}” is not a field of the {table} table.",
        "error.no_input": "Please give at least one file (customers, survey or transactions).",
        "error.unknown_column": "The column “{column}” does not exist in the {table} table.",
        # --- validation rules (set-aside and repaired rows) ---
        "rule.missing_required": "{rows} rows have no value in the required field “{role}”.",
        "rule.duplicate_id": "{rows} rows repeat a customer ID that already appeared with different data; "
        "the first occurrence is used.",
        "rule.exact_duplicate": "{rows} rows are exact copies of an earlier row.",
        "rule.records_combined": "{rows} rows are further contracts, orders or subscriptions of a customer "
        "listed on an earlier row (each row has its own “{record}”): the {total} rows were combined into "
        "{customers} customers by “{column}”: {money}, the earliest start as signup date, churned only when "
        "every record ended (at the latest end), other values from the customer's first row.",
        "records.summed": "money and orders ({columns}) added up over each customer's running records (over all "
        "when every one ended)",
        "records.none": "no money column to add up",
        "rule.recommend_out_of_range": "{rows} recommend scores lie outside 0–10 or are not whole numbers "
        "(e.g. {examples}); these answers are not counted in the NPS.",
        "rule.unparseable_date": "{rows} values in “{role}” are not readable dates (e.g. {examples}); "
        "they were left empty.",
        "rule.future_date": "{rows} dates in “{role}” lie after the data's reference date {reference}; "
        "they were left empty.",
        "rule.churn_before_signup": "{rows} customers have a churn date before their signup date; "
        "the churn date was left empty.",
        "rule.churn_dates_after_now": "{rows} end dates in “{role}” lie after {reference}, the latest signup "
        "date and so the day the data were taken (the latest end date is {latest}): these contracts end later, "
        "so the customers are not counted as churned; churn is measured up to {reference}.",
        "rule.churned_without_date": "{rows} customers are marked as churned in “{column}” but have no date in "
        "“{dates}”: the churn rate counts churn by its date, so they count as customers throughout and the rate "
        "may be too low.",
        "rule.email_casefolded": "{rows} e-mail addresses in “{role}” are written with capitals or spaces "
        "(e.g. {examples}); they are compared trimmed and in lower case, as mail systems treat them.",
        "rule.unknown_customer": "{rows} survey rows refer to customer IDs that are not in the customer "
        "table; they are kept for survey figures but cannot be linked to personas.",
        "rule.not_a_number": "{rows} values in “{role}” are not numbers (e.g. {examples}); they were left "
        "empty.",
        "rule.invalid_flag": "{rows} values in “{role}” are neither yes nor no (e.g. {examples}); they were "
        "left empty.",
        "rule.blank_row": "{rows} rows are completely empty.",
        "rule.two_digit_year_past": "{rows} dates in “{role}” are written with a two-digit year that would lie "
        "in the future (e.g. 18.02.45 as 2045); they were read as 19xx.",
        "rule.total_row": "{rows} rows are totals, subtotals or averages of the report (e.g. {examples}), not "
        "records; they were set aside so that nothing is counted twice.",
        "rule.repeated_header": "{rows} rows repeat the column headers (a report printed in pages, e.g. "
        "{examples}); they were set aside.",
        "rule.note_row": "{rows} rows hold only a note such as {examples} (a page footer or export line), no "
        "data; they were set aside.",
        "rule.negative_value": "{rows} values in “{role}” are negative; they were left empty.",
        "rule.marked_missing": "{rows} values in “{role}” are marked as not available (e.g. “n/a”, “–”) "
        "and were left empty.",
        "rule.empty_response": "{rows} survey rows contain no answer at all.",
        "rule.placeholder_comment": "{rows} comments in “{role}” say nothing (e.g. {examples}); they are not counted as comments.",
        "rule.salutation_no_gender": "{rows} salutations in “{role}” address no one person ({examples}: a company, a family, a couple) and name no gender: these customers have no gender, they are not a gender of their own.",
        "rule.incomplete_interview": "{rows} survey rows are interviews that were not finished (“{column}” = {examples}) and were set aside: their answers stop where the respondent left. The figures use the {complete} other rows.",
        "rule.missing_touchpoint": "{rows} rating rows name no touchpoint.",
        # --- table and role names ---
        "table.customers": "customers",
        "table.survey": "survey",
        "table.transactions": "transactions",
        "role.customer_id": "Customer ID",
        "role.signup_date": "Signup date",
        "role.churn_date": "Churn date",
        "role.churned": "Churned (yes/no)",
        "role.age": "Age",
        "role.gender": "Gender",
        "role.region": "Region",
        "role.segment": "Segment",
        "role.income": "Income",
        "role.orders": "Orders",
        "role.revenue": "Revenue",
        "role.margin": "Margin",
        "role.acquisition_cost": "Acquisition cost",
        "role.tenure": "Tenure",
        "role.response_id": "Response ID",
        "role.response_date": "Response date",
        "role.recommend": "Recommendation (0–10)",
        "role.satisfaction": "Overall satisfaction",
        "role.touchpoints": "Touchpoint ratings",
        "role.touchpoint": "Touchpoint",
        "role.score": "Touchpoint score",
        "role.comment": "Comment",
        "role.date": "Date",
        "role.amount": "Amount",
        # --- ui: navigation, sidebar, data page ---
        "nav.summary": "Summary",
        "nav.overview": "Overview",
        "nav.personas": "Personas",
        "nav.journey": "Customer journey",
        "nav.data": "Data",
        "ui.language": "Language",
        "ui.data_in_use": "Data in use",
        "ui.demo_note": "You are looking at demo data (a generated online shop with 4,000 customers). "
        "Upload your own files on the Data page.",
        "ui.back_to_demo": "Back to demo data",
        "ui.rows": "{rows} rows",
        "ui.data_intro": "Upload your customer and survey exports (Excel or CSV, German or English). "
        "Columns are recognised automatically; check and correct the mapping below.",
        "ui.tab.customers": "Customers",
        "ui.chart.download": "Download",
        "ui.overview.tab.churn": "Churn",
        "ui.overview.tab.nps_trend": "NPS over time",
        "ui.overview.tab.value": "Customer value (CLV)",
        "ui.tab.survey": "Survey",
        "ui.tab.transactions": "Transactions (optional)",
        "ui.upload.customers": "Customer file",
        "ui.upload.survey": "Survey file",
        "ui.upload.transactions": "Transaction file",
        "ui.reading": "Reading and checking the file …",
        "ui.upload_rejected": "This file was not loaded: {message} The data loaded before is still in use.",
        "ui.no_table": "No {table} table loaded yet.",
        "ui.derived_table": "No survey was uploaded: these answers are columns of the {table} table (see "
        "the notes below). A survey you upload here is used instead.",
        "ui.file": "File",
        "ui.sheet": "Sheet",
        "ui.mapping.title": "How the columns were understood",
        "ui.mapping.edit": "Correct the column mapping",
        "ui.mapping.apply": "Apply mapping",
        "ui.report.title": "Validation report",
        "ui.rows_read": "Rows read",
        "ui.rows_used": "Rows used",
        "ui.rows_set_aside": "Rows set aside",
        "ui.no_problems": "All rows are usable; no values had to be changed.",
        "ui.download_set_aside": "Download the set-aside rows (CSV)",
        "ui.preview": "Preview of the checked table (first 100 rows)",
        "ui.col.field": "Field",
        "ui.col.column": "Column in your file",
        "ui.col.confidence": "Confidence",
        "ui.col.method": "Recognised by",
        "ui.col.finding": "What was found",
        "ui.col.rows": "Rows",
        "ui.col.action": "What happened",
        "ui.method.exact": "exact name",
        "ui.method.synonym": "known name",
        "ui.method.fuzzy": "similar name",
        "ui.method.values": "values",
        "ui.method.manual": "set by hand",
        "ui.action.set_aside": "rows set aside",
        "ui.action.repaired": "values left empty, rows kept",
        "ui.settings.title": "CLV and NPS settings",
        "ui.settings.discount_rate": "Discount rate (%)",
        "ui.settings.margin_rate": "Margin rate (% of revenue)",
        "ui.settings.margin_rate_help": "Used when the data has revenue but no margin column (0 = not set).",
        "ui.settings.horizon": "Horizon (years)",
        "ui.settings.horizon_help": "Also compute the CLV over this many years only (0 = unlimited).",
        "ui.settings.acquisition_cost": "Acquisition cost per customer",
        "ui.settings.acquisition_cost_help": "Used when the data has no acquisition cost column (0 = not set).",
        "ui.settings.nps_period": "NPS period (months), compared with the period before",
        "ui.presentation": "Presentation mode",
        "ui.presentation_help": "Large type for a projector, no controls; step through Summary, Personas and Journey.",
        "ui.present.back": "Back",
        "ui.present.next": "Next",
        "ui.present.exit": "End presentation",
        "ui.present.step": "Step {step} of {steps}",
        "ui.summary.title": "Customer centricity at a glance",
        "ui.summary.findings": "What the data says",
        "ui.summary.download_excel": "Excel report",
        "ui.summary.download_pdf": "PDF summary",
        "ui.summary.excel_file": "customer-centricity-report.xlsx",
        "ui.summary.pdf_file": "customer-centricity-summary.pdf",
        "ui.summary.download_pptx": "Slides (PowerPoint)",
        "ui.summary.pptx_file": "customer-centricity-slides.pptx",
        "ui.personas.intro": "{k} personas found in the data; stability across resamples {stability} "
        "(1 = identical every time).",
        "ui.personas.controls": "Number of personas and features",
        "ui.personas.k": "Number of personas",
        "ui.personas.k_auto": "automatic",
        "ui.personas.features": "Features used for the segmentation",
        "ui.personas.apply": "Recompute personas",
        "ui.personas.size": "{size} customers · {share} %",
        "ui.personas.size_filtered": "{size} customers in the filtered view · {share} %",
        "ui.personas.map": "Customer map",
        "ui.personas.sizes": "Persona sizes",
        "ui.personas.comparison": "Personas compared with the whole customer base",
        "ui.personas.download": "Download customers with their persona (CSV)",
        "ui.filters": "Filters",
        "ui.filters.active": "Filtered: {filters}",
        "ui.filters.clear": "Clear filters",
        "ui.filter.period": "Period",
        "ui.filter.regions": "Regions",
        "ui.filter.segments": "Segments",
        "ui.filter.personas": "Personas",
        "journey.page.intro": "The customer journey map: satisfaction at each touchpoint in journey order, "
        "grouped by phase. Low points are where customers are unhappy.",
        "journey.page.outcome": "Key drivers related to",
        "journey.page.by_persona": "One line per persona",
        "journey.page.no_survey": "No survey is loaded: the journey needs survey answers with one rating per "
        "touchpoint. Upload a survey on the Data page.",
        "journey.page.no_touchpoints": "The survey in use has no touchpoint ratings. Assign the rating columns "
        "to “Touchpoint ratings” on the Data page.",
        "journey.page.drivers": "What matters most",
        "journey.page.drivers_help": "Touchpoints top left are weak and strongly tied to loyalty: fix these first.",
        "journey.page.table": "The numbers behind the chart",
        "journey.page.editor": "Edit touchpoints and phases",
        "journey.page.editor_help": "Rename touchpoints, change their phase or order, leave some out, or give "
        "the code your survey uses for “not applicable” (e.g. 0).",
        "journey.editor.touchpoint": "Column",
        "journey.editor.name": "Name shown",
        "journey.editor.phase": "Phase",
        "journey.editor.order": "Order",
        "journey.editor.include": "Include",
        "journey.editor.na_code": "“Not applicable” code",
        "journey.editor.apply": "Apply changes",
        # --- analysis notes ---
        "note.personas_need_customers": "Personas need a customer table.",
        "note.journey_needs_touchpoints": "The journey needs a survey with touchpoint ratings.",
        # --- journey (phases, curve, pain points, drivers) ---
        "phase.activation": "Activation",
        "phase.information": "Information",
        "phase.purchase": "Purchase",
        "phase.loyalty": "Loyalty",
        "error.journey_no_ratings": "None of the touchpoint columns contains a rating, so no journey curve "
        "can be drawn. Please check the touchpoint columns in the column mapping.",
        "journey.note.na_excluded": "{count} answers for “{touchpoint}” are coded as not applicable "
        "({codes}) and are not counted.",
        "journey.note.out_of_scale": "{count} answers for “{touchpoint}” lie outside its scale {scale} and "
        "are not counted.",
        "journey.note.scale_aligned": "“{touchpoint}” has no answers at the top of the scale; it is read on "
        "the survey's common scale {scale}.",
        "journey.note.mixed_scales": "The touchpoints use different scales ({scales}); all are put on one "
        "0–100 axis (lowest scale point = 0, highest = 100).",
        "journey.note.no_answers": "“{touchpoint}” has no answers; it stays on the map without a value.",
        "journey.note.phase_empty": "The {phase} phase has no touchpoint: customers are not asked about it.",
        "journey.note.phase_thin": "The {phase} phase has only one touchpoint.",
        "journey.note.no_outcome": "Without a recommendation or overall satisfaction column the key drivers "
        "cannot be computed.",
        "journey.note.outcome_fallback": "The key drivers are related to “{used}”, because “{wanted}” is "
        "missing.",
        "journey.note.too_few_pairs": "Too few answers ({n}) to relate “{touchpoint}” to the outcome.",
        "journey.reason.lowest": "lowest satisfaction of all touchpoints ({value} of 100)",
        "journey.reason.below_average": "clearly below the average of all touchpoints "
        "({value} vs. {average})",
        "journey.reason.drop": "satisfaction drops by {value} points after “{previous}”",
        "journey.annot.lowest": "Lowest point",
        "journey.annot.below_average": "Below average",
        "journey.annot.drop": "Drop −{value}",
        "journey.quadrant.fix_first": "Fix first",
        "journey.quadrant.keep_up": "Keep up",
        "journey.quadrant.maintain": "Maintain",
        "journey.quadrant.lower_priority": "Lower priority",
        "journey.chart.curve_title": "Customer journey: satisfaction per touchpoint",
        "journey.chart.curve_subtitle": "0 = lowest, 100 = highest point of each scale; bars: 95% interval; "
        "red: pain points",
        "journey.chart.groups_title": "Customer journey by {group}",
        "journey.chart.groups_subtitle": "Satisfaction per touchpoint (0–100), one line per group; "
        "{shown} of {total} groups shown",
        "journey.chart.drivers_title": "What matters most: importance × performance",
        "journey.chart.drivers_subtitle": "Importance = correlation with {outcome}; lines at the medians",
        "journey.axis.touchpoint": "Touchpoint",
        "journey.axis.satisfaction": "Satisfaction (0–100)",
        "journey.axis.phase": "Phase",
        "journey.axis.group": "Group",
        "journey.axis.importance": "Importance (correlation with {outcome})",
        "journey.axis.performance": "Performance (satisfaction 0–100)",
        "journey.axis.ci": "95% interval",
        "journey.axis.pain": "Pain point",
        "journey.col.touchpoint": "Touchpoint",
        "journey.col.phase": "Phase",
        "journey.col.mean": "Satisfaction (0–100)",
        "journey.col.native_mean": "Mean (own scale)",
        "journey.col.scale": "Scale",
        "journey.col.ci": "95% interval",
        "journey.col.n": "Answers",
        "journey.col.na_excluded": "Not applicable",
        "journey.col.bottom_box": "Low ratings",
        "journey.col.pain": "Pain point",
        # --- kpi (NPS, churn, retention, CLV: notes, tiles, charts) ---
        "kpi.note.no_survey": "No survey data: the NPS cannot be computed.",
        "kpi.note.no_recommend": "The survey has no recommendation question (0–10): the NPS cannot be "
        "computed.",
        "kpi.note.no_recommend_answers": "There are no recommendation answers in this selection: the NPS "
        "cannot be computed.",
        "kpi.note.no_customers": "No customer data: churn rate, retention and CLV cannot be computed.",
        "kpi.note.no_churn_data": "The customer table has neither churn dates nor a churned yes/no column: "
        "churn rate, retention and CLV cannot be computed.",
        "kpi.note.no_customers_in_window": "No customers were on the books during the churn period: churn "
        "rate, retention and CLV cannot be computed.",
        "kpi.note.churn_share": "There are no churn dates, so the churn rate is the share of customers "
        "marked as churned (not a rate per 12 months).",
        "kpi.note.churn_capped": "More customers left during the period than were on the books on average "
        "(very high turnover); the churn rate is shown as 100%.",
        "kpi.note.churn_short_history": "The data begin inside the churn period: the churn rate counts only "
        "the {months} months from {start} (the first signup), not 12; it is no yearly rate.",
        "kpi.note.churn_without_signup": "{n} of {total} customers have no signup date: they are counted as "
        "customers from the start of the churn period; those who joined during it make the average too high "
        "and the churn rate too low.",
        "kpi.note.customers_end_earlier": "The customer table's latest date is {customers}, more than {months} "
        "months before the other data ({now}): the churn rate is counted up to {customers}, the customer table's "
        "own last date (counted up to {now} it would be 0, knowing of nobody after {customers}).",
        "kpi.note.customers_end_before_now": "The customer table's latest date is {customers}, the other data run "
        "to {now}: the churn rate is counted up to {now}; if the customer table was exported on {customers}, "
        "customers lost after that day are missing from it.",
        "kpi.note.clv_no_margin": "The CLV needs a margin: the data has no margin column. Set a margin rate "
        "(share of revenue) to estimate it from revenue.",
        "kpi.note.clv_no_money": "The CLV needs money per customer: the data has neither a margin nor a "
        "revenue column. Map one on the Data page (or load a purchase log for the Customer value page).",
        "kpi.note.clv_no_values": "No customer has both a margin and a retention value: the CLV cannot be "
        "computed.",
        "kpi.note.clv_no_acquisition_cost": "The data has no acquisition cost and none was set: the CLV "
        "assumes an acquisition cost of 0.",
        "kpi.note.no_recent_answers": "There are no recommendation answers in {period}.",
        "kpi.label.satisfaction": "Satisfaction ({low}–{high})",
        "kpi.label.satisfaction_share": "Share satisfied",
        "kpi.help.satisfaction": "Mean overall rating of {n} answers on the scale {low}–{high} (higher is "
        "better).",
        "kpi.help.satisfaction_share": "Share of the {n} answers to the overall question that say satisfied.",
        "kpi.note.satisfaction_scale_change": "The overall ratings changed scale on {date}: the {n_old} "
        "answers before were on {old_low}–{old_high} (mean {mean_old}), the {n_new} from then on "
        "{low}–{high} (mean {mean_new}). For the overall mean the earlier answers are put on {low}–{high} "
        "in a straight line ({old_low} → {low}, {old_high} → {high}).",
        "kpi.note.satisfaction_undated": "{n} overall ratings without a date are left out of the mean: "
        "their scale is unknown.",
        "survey.note.scale_changed": "“{column}” changed its scale on {date}: the {n_old} answers before "
        "were on {old_low}–{old_high} (mean {mean_old}), the {n_new} from then on {low}–{high} (mean "
        "{mean_new}). Every figure reads the earlier answers on {low}–{high}, put there in a straight line "
        "({old_low} → {low}, {old_high} → {high}).",
        "survey.note.scale_undated": "{n} answers to “{column}” without a date are left out: their scale is "
        "unknown.",
        "kpi.note.satisfaction_mixed_scales": "The overall ratings go up to {high}, but nine in ten of the "
        "{n} answers lie within 1–5: the column may mix a 1–5 and a {low}–{high} scale (e.g. a review site "
        "that changed its scale). The mean is taken on {low}–{high} as read; check the scale on the Data "
        "page.",
        "kpi.verdict.significant": "significant at 95%",
        "kpi.verdict.within_noise": "within noise",
        "kpi.verdict.insufficient_data": "too little data to compare",
        "kpi.delta.points": "{delta} points ({verdict})",
        "kpi.delta.percent_points": "{delta} pp ({verdict})",
        "kpi.period.window": "{start} – {end}",
        "kpi.period.all": "All answers",
        "kpi.label.customers": "Customers",
        "kpi.label.respondents": "Respondents",
        "kpi.label.nps": "NPS (last {months} months)",
        "kpi.label.nps_all": "NPS",
        "kpi.label.churn": "Churn rate (last {months} months)",
        "kpi.label.churn_share": "Share of churned customers",
        "kpi.label.retention": "Retention rate",
        "kpi.label.clv": "Average CLV",
        "kpi.help.customers": "Number of customers in the current selection.",
        "kpi.help.respondents": "No customer table is loaded: survey answers in the current selection "
        "(one per response). Churn, retention and CLV need a customer table.",
        "kpi.help.nps": "NPS = % promoters (9–10) − % detractors (0–6), from −100 to +100.",
        "kpi.help.nps_facts": "{period}: {n} answers ({promoters} promoters, {passives} passives, "
        "{detractors} detractors); 95% interval {low} to {high}.",
        "kpi.help.nps_comparison": "Previous period {period}: NPS {previous} from {n} answers. Change "
        "{delta} points, {verdict} (p {p}).",
        "kpi.help.churn": "Churn rate = customers who left / average number of customers at the month ends. "
        "{period}: {churned} customers left, on average {average} customers.",
        "kpi.help.churn_share": "Share of customers marked as churned: {churned} of {total} (the data has "
        "no churn dates, so this is not a rate per 12 months).",
        "kpi.help.churn_comparison": "Previous period {period}: {previous}. Change {delta} percentage "
        "points, {verdict} (p {p}).",
        "kpi.help.retention": "Retention rate = 1 − churn rate.",
        "kpi.help.retention_comparison": "Previous period {period}: {previous}. Change {delta} percentage "
        "points, {verdict} (p {p}).",
        "kpi.help.clv": "CLV per customer = m·r/(1+d−r) − AC (Gupta & Lehmann): m = yearly margin "
        "({margin_source}), r = retention {retention}, d = discount rate {discount}, AC = acquisition cost "
        "({cost_source}). Average over {n} customers; median {median}, total {total}.",
        "kpi.help.clv_horizon": "Over {years} years only: average {value}.",
        "kpi.help.clv_retention_share": "The data has no churn dates: r = 1 − the share of customers "
        "marked as churned, whatever period that share covers, is used as if it were one year's retention.",
        "kpi.help.clv_retention_months": "r = 1 − the churn rate of only {months} months (the data begin "
        "later), used as if it were one year's retention.",
        "kpi.source.margin": "margin column",
        "kpi.source.revenue_x_margin_rate": "revenue × margin rate {rate}",
        "kpi.source.acquisition_cost": "acquisition cost column",
        "kpi.source.setting": "set to {value} per customer",
        "kpi.source.zero": "none in the data, assumed 0",
        "kpi.group.detractor": "Detractors (0–6)",
        "kpi.group.passive": "Passives (7–8)",
        "kpi.group.promoter": "Promoters (9–10)",
        "kpi.chart.no_data": "No data for this chart in the current selection",
        "kpi.chart.nps_distribution.title": "How likely are customers to recommend us?",
        "kpi.chart.nps_distribution.subtitle": "{n} answers",
        "kpi.chart.nps_trend.title": "NPS by month",
        "kpi.chart.nps_trend.subtitle": "Line: NPS; band: 95% interval",
        "kpi.chart.churn_trend.title": "Churn by month",
        "kpi.chart.churn_trend.subtitle": "Customers who left in the month / customers at the start of the "
        "month",
        "kpi.chart.clv_distribution.title": "Customer lifetime value",
        "kpi.chart.clv_distribution.subtitle": "{n} customers, grouped into {bins} value ranges",
        "kpi.axis.score": "Recommendation (0–10)",
        "kpi.axis.answers": "Answers",
        "kpi.axis.group": "Group",
        "kpi.axis.month": "Month",
        "kpi.axis.nps": "NPS",
        "kpi.axis.interval": "95% interval",
        "kpi.axis.monthly_churn": "Monthly churn rate",
        "kpi.axis.churned": "Customers who left",
        "kpi.axis.customers_start": "Customers at month start",
        "kpi.axis.clv": "CLV per customer",
        "kpi.axis.customers": "Customers",
        # --- reading notes (what cxlib.reading repaired in a sheet) ---
        "reading.note.duplicate_header": 'Duplicate header "{original}" was renamed to "{renamed}".',
        "reading.note.group_row": "Row {group_row} ({groups}) groups the columns below it; row {header_row} "
        "is used as the header.",
        "reading.note.empty_columns": "{columns} completely empty column(s) were left out.",
        "reading.note.sheet_skipped": "The sheet “{skipped}” is no table of single records (a summary, or "
        "another kind of table); the sheet “{sheet}” was read instead. Choose a sheet to read another one.",
        "reading.note.sheet_per_customer": "The sheet “{skipped}” repeats its customer numbers (a row per "
        "purchase or contract); the customers were read from the sheet “{sheet}”, which has one row per customer. "
        "Choose a sheet to read another one.",
        "reading.note.sheets_joined": "The sheets {sheets} have the same columns: they are one purchase log split by period and were read together ({rows} rows). Choose one sheet to look at it alone.",
        "reading.note.header_rows": "Row(s) {rows} below the header (question texts, option labels or export "
        "codes, as survey tools export them) belong to the column names of row {header_row}; they are not "
        "answers.",
        # --- reading helper (issue 12): formats, header-less files, transactions lines ---
        "reading.note.no_header": "The first row holds data, not column names (its values have the same "
        "types as the rows below); the columns were named Column 1, Column 2, …",
        "reading.note.unpacked": 'The table "{member}" was unpacked from "{archive}".',
        "ui.action.read_note": "how the file was read",
        "reading.note.whitespace": "The columns are aligned with spaces; they were split at runs of spaces.",
        "error.too_large_unpacked": 'The file "{file}" unpacks to {size_mb:.1f} MB; at most {limit_mb} MB '
        "can be analysed. Please upload a smaller export (for example one year or one region).",
        "error.zip_several_tables": 'The archive "{file}" holds several tables ({members}); please upload '
        "one of them on its own.",
        "date.order.day_first": "day before month (D/M/Y)",
        "date.order.month_first": "month before day (M/D/Y)",
        "rule.date_order_assumed": "{rows} dates in “{role}” (e.g. “{example}”) could be read day-first or "
        "month-first; {order} was assumed.",
        "rule.amount_from_quantity_price": "{rows} line amounts were computed as quantity × unit price "
        "(“{quantity}” × “{price}”; the file has no line total).",
        "rule.amount_from_unit_price": "The file has no line total and no quantity: the unit price “{price}” "
        "was used as the amount of each of {rows} lines (if a line holds several items, revenue is too low).",
        "rule.cancelled_status": "{rows} lines are cancelled or returned (status {examples}) and were set aside.",
        "rule.cancelled_invoice": "{rows} lines have an invoice number starting with “C” (a cancellation, "
        "e.g. {examples}) and were set aside.",
        "rule.negative_quantity": "{rows} lines have a negative quantity (a return) and were set aside.",
        "rule.negative_amount": "{rows} lines have a negative amount (a refund or return) and were set aside.",
        "rule.not_a_customer": "{rows} rows are leads or prospects in “{column}” ({examples}), not customers, and were set aside.",
        "rule.other_contact": "{rows} rows are neither customers nor leads in “{column}” ({examples}: partners, suppliers or other contacts) and were set aside.",
        "rule.order_total_repeated": "{rows} lines repeat their order's total in “{column}”: the total is counted once per order.",
        "rule.guest_customer": "{rows} lines belong to no real customer (a guest or anonymous id) and were set aside.",
        "rule.unpaid_status": "{rows} lines are payments that failed or are not paid (yet) (status {examples}) and were set aside.",
        "rule.cancelled_mark": "{rows} lines are marked as cancelled or refunded in “{column}” and were set aside.",
        "rule.nothing_paid": "{rows} invoices have nothing paid in “{column}” (open or not yet paid) and were set aside: only paid money is a purchase.",
        "rule.reversed_sale": "{rows} sale lines are taken back by a cancellation line of the same receipt or order (the same amount, negative) and were set aside with it.",
        "rule.not_a_product": "{rows} lines sell no product by their text in “{column}” (e.g. {examples}: postage, discounts, fees, bank charges or manual adjustments) and were set aside: revenue is what customers bought.",
        "rule.not_a_sale": "{rows} lines are no sale by their type in “{column}” (e.g. {examples}: withdrawals, transfers, currency conversions, fees or refunds) and were set aside.",
        "rule.not_a_purchase_event": "{rows} lines are events other than a purchase in “{column}” (e.g. {examples}: views, carts or other clicks of an event log) and were set aside: only purchases are purchases.",
        "rule.fraud_mark": "{rows} lines are marked as fraud in “{column}” (not bought by the customer) and were set aside.",
        "rule.unpaid_mark": "{rows} lines are marked as not authorised or not paid in “{column}” (declined or never charged) and were set aside.",
        "rule.amount_currency_header": "{rows} amounts in “{column}” are in {currency}, as its header says: revenue, spend and CLV from them are in {currency} (not converted; choose {currency} as the currency to label them so).",
        "rule.returned_order": "{rows} lines belong to orders that the sheet “{sheet}” lists as returned (by “{column}”) and were set aside.",
        "rule.refunded_in_full": "{rows} lines were refunded in full and were set aside.",
        "rule.refund_subtracted": "{rows} amounts are taken net of the refunded part in “{column}”.",
        "rule.amount_in_cents": "{rows} amounts in “{column}” are in cents and were divided by 100.",
        "rule.mixed_currencies": "{rows} amounts are not in {main} but in another currency of “{column}” ({others}); "
        "without exchange rates they were added as written, so revenue, RFM money and CLV mix currencies.",
        "rule.money_unit_header": "{rows} values in “{column}” are in {unit}, as its header says; they were "
        "multiplied by {factor}.",
        "money_unit.1000": "thousands",
        "money_unit.1000000": "millions",
        "role.order_id": "Order / invoice number",
        "role.quantity": "Quantity",
        "role.unit_price": "Unit price",
        "role.status": "Order status",
        "evidence.date_order": "Dates read {order_text}: {reason} (e.g. “{example}”).",
        "evidence.date_order_reason.first_part_over_12": "a first part above 12 can only be a day",
        "evidence.date_order_reason.second_part_over_12": "a second part above 12 can only be a day",
        "evidence.date_order_reason.assumed": "no value decides it, so this was assumed",
        "evidence.date_order_reason.other_column": "no value of this column decides it; another date "
        "column of the file does",
        "evidence.yyyymmdd_integers": "8-digit numbers that are valid dates (YYYYMMDD), e.g. {example}",
        "evidence.repeated_ids": "whole numbers repeated across rows ({distinct} distinct in {rows} rows)",
        "evidence.money_decimals": "the last numeric column, non-negative amounts with cents (e.g. {example})",
        "evidence.order_total_repeated": "“{header}” is the order's total, written on each of its lines: counted once per order",
        "evidence.from_transactions": "taken from the transaction table",
        "evidence.customer_header_repeats": "“{header}” names the customer and repeats across lines",
        "evidence.customer_name_as_id": "“{header}” holds the customer's name and the log has no customer number: each name is taken as one customer (two customers of the same name count as one)",
        "evidence.card_as_customer": "“{header}” holds payment card numbers and the log has no customer number: each card is taken as one customer (a customer with two cards counts twice)",
        "evidence.amount_is_a_count": "“{header}” holds small whole numbers, below the price on nearly every line: the number of items, not money",
        "evidence.amount_currency_header": "“{header}” names its currency: {currency}",
        "evidence.price_is_line_total": "“{header}” grows with the quantity at one price per item of each “{product}”: it is the line's total, not a unit price",
        "evidence.email_as_customer_id": "“{header}” holds e-mail addresses that repeat across lines: the customer",
        "evidence.customer_column_empty": "“{replaced}” looks like a customer column but is empty: “{header}” is the customer",
        "evidence.unique_per_line": "a different value on {share:.0%} of the lines: it identifies lines or orders, not customers",
        "evidence.date_header_values": "“{header}” names a date and its values are dates",
        "evidence.document_type_credit": "“{header}” is the document type; its credit notes and cancellations ({examples}) are no purchase",
        "evidence.invoice_state_not_paid": "“{header}” is the invoice's state; voided, failed and unpaid invoices ({examples}) are no purchase",
        "evidence.amount_paid_not_total": "“{header}” is the paid part of the invoice: only paid money is revenue, not the total in “{replaced}” (credits applied and amounts still due are not)",
        "evidence.amount_is_a_component": "“{header}” is a part of the price (freight, tax, discount, fee, cost or profit), not what the customer bought for: not used as the amount",
        "evidence.amount_mixed_currencies": "“{header}” holds several currencies (mostly {main}): amounts added without exchange rates",
        "evidence.amount_net_of_vat": "“{header}” is the net amount (without VAT, or after discounts and returns as the export defines net); revenue, RFM and CLV are net",
        "evidence.amount_gross_with_vat": "“{header}” is the gross amount (with VAT); revenue, RFM and CLV include VAT",
        "evidence.amount_gross_before_fees": "“{header}” is what the customer paid; “{net}” is that minus the payment fee in “{fee}” (the seller's cost), not a net of VAT: revenue, RFM and CLV use “{header}”",
        "evidence.customer_id_per_order": "“{replaced}” has a new value with every order (no value comes back in a second order): it names the order; “{header}” names the person and is the customer",
        "evidence.purchase_date_not_later_step": "“{header}” is the date of the purchase; “{replaced}” names a later step of the order (approval, shipping, delivery) and is not used",
        "evidence.hash_order_numbers": "order numbers written like “{example}”",
        "evidence.amount_cents_header": "“{header}” names cents: divided by 100",
        "evidence.money_unit_header": "“{header}” states thousands or millions: multiplied by {factor}",
        "evidence.amount_minor_units_api": "whole amounts with a currency per line and payment-system ids (“{ids}”): cents, divided by 100",
        "evidence.amount_net_of_refunds": "net of the refunded part in “{header}”",
        "evidence.date_yyyymmdd": "whole numbers read as dates YYYYMMDD",
        "evidence.date_excel_serial": "numbers read as Excel date serials (days since 1899-12-30)",
        "evidence.date_unix_s": "numbers read as Unix time in seconds (UTC)",
        "evidence.date_unix_ms": "numbers read as Unix time in milliseconds (UTC)",
        "evidence.date_year_only": "whole years read as 1 January of that year",
        "evidence.amount_source": "amount of each line: {source}",
        # --- findings and exports (report) ---
        "finding.persona_lowest_nps": "Persona {name} ({share} of customers) has the lowest NPS ({nps}).",
        "finding.persona_lowest_nps_churn": "Persona {name} ({share} of customers) has the lowest NPS "
        "({nps}) and churns at {ratio} times the average rate.",
        "finding.persona_highest_churn": "Persona {name} ({share} of customers) churns at {ratio} times the "
        "average rate ({rate} against {average}).",
        "finding.weakest_touchpoint": "{touchpoint} is the weakest touchpoint ({mean}/100; average of all "
        "touchpoints {average}/100).",
        "finding.weakest_touchpoint_driver": "{touchpoint} is the weakest touchpoint ({mean}/100) and the "
        "strongest driver of {outcome}.",
        "finding.top_driver": "{touchpoint} is the strongest driver of {outcome} (correlation {importance}) "
        "and scores {mean}/100.",
        "finding.outcome.recommend": "recommendation",
        "finding.outcome.satisfaction": "overall satisfaction",
        "finding.outcome.other": "the overall verdict",
        "finding.biggest_drop": "Satisfaction falls by {drop} points from {previous} to {touchpoint} "
        "({before} → {after} of 100).",
        "finding.nps_rose": "NPS rose {delta} points against the previous {months} months ({previous} → "
        "{current}), {verdict}.",
        "finding.nps_fell": "NPS fell {delta} points against the previous {months} months ({previous} → "
        "{current}), {verdict}.",
        "finding.nps_unchanged": "NPS is unchanged against the previous {months} months ({current}).",
        "finding.churn_rose": "The churn rate rose {delta} percentage points against the {months} months "
        "before ({previous} → {current}), {verdict}.",
        "finding.churn_fell": "The churn rate fell {delta} percentage points against the {months} months "
        "before ({previous} → {current}), {verdict}.",
        "finding.churn_unchanged": "The churn rate is unchanged against the {months} months before "
        "({current}).",
        "finding.clv_persona_share": "Persona {name} holds {value_share} of the total customer lifetime "
        "value with {share} of customers.",
        "finding.clv_skew": "Customer value is concentrated: the average CLV ({mean}) is {ratio} times the "
        "median ({median}).",
        "finding.data_quality": "{rows} of {total} rows of the {table} table ({share}) were set aside and "
        "are not counted; the validation report on the Data page says why.",
        "export.title": "Customer centricity report",
        "slides.kpis": "Key figures",
        "slides.findings": "What stands out",
        "slides.personas": "Our personas",
        "slides.journey": "Customer journey: satisfaction per touchpoint (0–100)",
        "slides.pain_points": "Pain points and what matters most",
        "slides.made_on": "Made on {day}",
        "slides.period": "Data period: {period}",
        "slides.sources": "Source files: {files}",
        "slides.filters": "Filters: {filters}",
        "slides.no_filter": "none (all data)",
        "slides.nps_period": "NPS, last {months} months ({window}): {score}",
        "slides.change": "(change against the {months} months before: {delta} points)",
        "slides.persona_line": "{name} ({share}, NPS {nps}): {description}",
        "slides.pain_line": "{touchpoint}: {reason} ({mean} of 100)",
        "slides.reason.lowest": "lowest satisfaction of all touchpoints",
        "slides.reason.below_average": "clearly below the average of all touchpoints",
        "slides.reason.drop": "satisfaction drops sharply here",
        "slides.driver_line": "{touchpoint} goes most with the overall verdict (r = {r})",
        "export.sheet.summary": "Summary",
        "export.sheet.kpis": "KPIs",
        "export.sheet.personas": "Personas",
        "export.sheet.assignment": "Persona assignment",
        "export.sheet.journey": "Journey",
        "export.sheet.set_aside": "Set-aside rows",
        "export.col.finding": "Finding",
        "export.col.value": "Value",
        "export.col.source": "Source",
        "export.col.kpi": "Key figure",
        "export.col.table": "Table",
        "export.col.reason": "Reason",
        "export.col.persona": "Persona",
        "export.col.customers": "Customers",
        "export.col.share": "Share of customers",
        "export.col.nps": "NPS",
        "export.col.churn": "Churn",
        "export.col.clv": "Average CLV",
        "export.col.importance": "Importance (correlation)",
        "export.col.description": "Description",
        "export.kpi.customers": "Customers",
        "export.kpi.nps_period": "NPS (last {months} months, {start} – {end})",
        "export.kpi.nps_period_answers": "NPS answers (last {months} months)",
        "export.kpi.nps_previous": "NPS (the {months} months before, {start} – {end})",
        "export.kpi.nps": "NPS (all answers)",
        "export.kpi.satisfaction_answers": "Overall ratings (answers)",
        "export.kpi.nps_ci_low": "NPS 95% interval, lower bound",
        "export.kpi.nps_ci_high": "NPS 95% interval, upper bound",
        "export.kpi.nps_answers": "NPS answers",
        "export.kpi.churn": "Churn rate",
        "export.kpi.retention": "Retention rate",
        "export.kpi.clv_mean": "Average CLV",
        "export.kpi.clv_median": "Median CLV",
        "export.kpi.clv_total": "Total CLV",
        "export.kpi.nps_change": "NPS change vs. previous {months} months (points)",
        "export.kpi.churn_change": "Churn change vs. previous {months} months (percentage points)",
        "export.chart.journey": "Satisfaction per touchpoint (0–100)",
        "export.chart.personas": "Customers per persona",
        "export.pdf.kpis": "Key figures",
        "export.pdf.personas": "Personas",
        "export.pdf.touchpoints": "Weakest touchpoints",
        "export.pdf.findings": "Findings",
        "export.pdf.persona_line": "{name}: {share} of customers, NPS {nps}",
        "export.pdf.touchpoint_line": "{touchpoint} ({phase}): {mean}/100",
        "export.nothing_set_aside": "No rows were set aside.",
        "error.cannot_write": 'The file "{file}" could not be written. Is the folder there, and is the file not open in another program?',
        # --- personas ---
        "persona.error.no_features": "None of the chosen columns can describe customers (they are empty or "
        "the same for everyone). Please choose other columns for the personas.",
        "persona.error.too_few_customers": "Personas need at least {needed} customers with data; the customer "
        "table has {rows}.",
        "persona.note.imputed_median": "“{feature}”: {count} missing values were filled with the median.",
        "persona.note.imputed_mode": "“{feature}”: {count} missing values were filled with the most common "
        "value.",
        "persona.note.constant": "“{feature}” has the same value for every customer and was left out.",
        "persona.note.empty": "“{feature}” has no values and was left out.",
        "persona.note.k_capped": "The data has only {distinct} distinct customer profiles, so at most {k} "
        "personas were tried.",
        "persona.whole_base": "All customers",
        "persona.quote_missing": "No customer of this persona left a comment.",
        "persona.description.average": "close to the average customer",
        "persona.trait.age.lower": "younger",
        "persona.trait.age.higher": "older",
        "persona.trait.income.lower": "low income",
        "persona.trait.income.higher": "high income",
        "persona.trait.orders.lower": "few orders",
        "persona.trait.orders.higher": "many orders",
        "persona.trait.revenue.lower": "low spend",
        "persona.trait.revenue.higher": "high spend",
        "persona.trait.margin.lower": "low margin",
        "persona.trait.margin.higher": "high margin",
        "persona.trait.acquisition_cost.lower": "cheap to acquire",
        "persona.trait.acquisition_cost.higher": "costly to acquire",
        "persona.trait.tenure.lower": "new customers",
        "persona.trait.tenure.higher": "long-standing customers",
        "persona.trait.satisfaction.lower": "low satisfaction",
        "persona.trait.satisfaction.higher": "high satisfaction",
        "persona.trait.recommend.lower": "unlikely to recommend",
        "persona.trait.recommend.higher": "likely to recommend",
        "persona.trait.touchpoint.lower": "low satisfaction with {name}",
        "persona.trait.touchpoint.higher": "high satisfaction with {name}",
        "persona.trait.count.lower": "few {name}",
        "persona.trait.count.higher": "many {name}",
        "persona.trait.numeric.lower": "low {name}",
        "persona.trait.numeric.higher": "high {name}",
        "persona.trait.category": "{name}: mostly {value}",
        "persona.trait.gender.female": "mostly women",
        "persona.trait.gender.male": "mostly men",
        "persona.trait.gender.diverse": "often diverse",
        "persona.gender.female": "female",
        "persona.gender.male": "male",
        "persona.gender.diverse": "diverse",
        "persona.section.demographics": "Demographics",
        "persona.section.socio_economics": "Socio-economics",
        "persona.section.buying_behaviour": "Buying behaviour",
        "persona.section.satisfaction": "Satisfaction and value",
        "persona.metric.size": "Customers",
        "persona.metric.share": "Share of customers",
        "persona.metric.nps": "NPS",
        "persona.metric.churn_rate": "Churn rate",
        "persona.metric.clv_mean": "Average CLV",
        "persona.metric.satisfaction_mean": "Satisfaction (mean)",
        "persona.metric.recommend_mean": "Recommendation (mean, 0–10)",
        "persona.metric.tenure_months": "Tenure (months)",
        "persona.value.years": "{value} years",
        "persona.value.share_of": "{value} ({share})",
        "persona.column.persona": "Persona",
        "persona.chart.silhouette.title": "How clearly do k personas separate the customers?",
        "persona.chart.silhouette.subtitle": "How clearly each number of personas separates the customers "
        "(higher is clearer); the chosen number is highlighted",
        "persona.chart.silhouette.x": "Number of personas (k)",
        "persona.chart.silhouette.y": "Clarity of separation",
        "persona.chart.silhouette.chosen": "chosen",
        "persona.chart.silhouette.other": "not chosen",
        "persona.chart.map.title": "Customers who are alike sit together",
        "persona.chart.map.subtitle_sample": "Each dot is a customer; the closer two dots, the more alike "
        "the customers; a random sample of {shown} of {total} customers",
        "persona.chart.map.subtitle_all": "Each dot is a customer; the closer two dots, the more alike the "
        "customers; all {total} customers",
        "persona.chart.map.x": "Component 1",
        "persona.chart.map.y": "Component 2",
        "persona.chart.size.title": "Size of each persona",
        "persona.chart.size.x": "Customers",
        "persona.chart.size.share": "Share",
        "persona.chart.comparison.title": "Personas compared with all customers",
        "persona.chart.comparison.subtitle": "Colour: above (blue) or below (orange) all customers, relative "
        "to the largest difference in the row (for churn and acquisition cost, where higher is worse, "
        "above is orange); numbers are the persona's values",
        "persona.chart.comparison.metric": "Metric",
        "persona.chart.comparison.value": "Value",
        "persona.chart.comparison.difference": "Difference to all customers (relative)",
        # --- value (customer value from transactions: RFM, BG/NBD, Gamma-Gamma) ---
        "nav.value": "Customer value",
        "value.page.title": "Customer value",
        "value.page.caption": "What each customer is worth, read from the purchase log: RFM segments, the probability "
        "of still being active and the expected customer lifetime value (BG/NBD purchase model with the "
        "Gamma-Gamma spend model).",
        "value.page.no_transactions": "No transaction table: upload a purchase log (customer, date, amount) on the "
        "Data page to see customer value.",
        "value.page.no_purchases": "The transaction table holds no usable purchase.",
        "value.page.settings": "Model settings",
        "value.page.calibration_end": "Model check: fit up to",
        "value.page.calibration_help": "The model is fitted on the purchases up to this date and predicts the "
        "purchases after it; the check plots compare prediction and reality. Empty = chosen from the data.",
        "value.page.horizon": "CLV horizon (months)",
        "value.page.threshold": "Inactive below P(active)",
        "value.page.rfm_title": "RFM segments",
        "value.page.clv_title": "Distribution of the expected CLV",
        "value.page.check_title": "Model check",
        "value.page.check_caption": "Fitted up to {calibration_end}, predicted for the {weeks} weeks after: "
        "{predicted} repeat purchases predicted, {actual} made.",
        "value.page.params": "BG/NBD: r = {r}, α = {alpha}, a = {a}, b = {b}; Gamma-Gamma: p = {p}, q = {q}, "
        "v = {v} (time unit: weeks; {n} repeat buyers in the calibration period).",
        "value.page.top_title": "Most valuable customers",
        "value.page.risk_title": "Valuable customers at risk",
        "value.page.risk_caption": "Customers with P(active) below {threshold}, by revenue so far.",
        "value.page.download": "Download (CSV)",
        "value.page.no_model": "No model figures: see the notes below.",
        "value.tile.buyers": "Customers who bought",
        "value.tile.buyers_help": "{n} customers with at least one purchase (a purchase = one customer-day) "
        "between {start} and {end}; {repeat} of them bought more than once.",
        "value.tile.active": "Active customers",
        "value.tile.active_help": "Customers whose probability of still being active (BG/NBD) is at least "
        "{threshold}. Inactive: {inactive} ({share}).",
        "value.tile.active_churn": "The customer table's churn rate: {churn}.",
        "value.tile.revenue_12m": "Expected revenue, next 12 months",
        "value.tile.revenue_help": "Sum of each customer's expected purchases in the next 12 months times the "
        "expected spend. 95% interval {low} – {high} (observed information, delta method: uncertainty of "
        "the parameters only).",
        "value.tile.clv": "Average CLV (model)",
        "value.tile.clv_simple": "Average CLV (simple formula)",
        "value.tile.clv_help": "Expected discounted {basis} per customer over {months} months (BG/NBD + "
        "Gamma-Gamma), discount rate {discount} a year. Total {total}, 95% interval {low} – {high}.",
        "value.tile.clv_simple_help": "CLV = m·r/(1+d−r) with m = each customer's revenue in the last 12 months, "
        "r = {retention} of last year's buyers bought again, d = {discount}. The purchase model could not "
        "be used (see the notes).",
        "value.basis.revenue": "revenue",
        "value.basis.margin": "margin",
        "value.col.customer": "Customer",
        "value.col.segment": "Segment",
        "value.col.customers": "Customers",
        "value.col.revenue": "Revenue",
        "value.col.purchases": "Purchases",
        "value.col.last_purchase": "Last purchase",
        "value.col.days_since_last": "Days since last purchase",
        "value.col.p_alive": "P(active)",
        "value.col.clv": "Expected CLV",
        "value.col.clv_mean": "Average CLV",
        "value.col.expected_purchases": "Expected purchases (12 months)",
        "value.col.r": "Recency score",
        "value.col.f": "Frequency score",
        "value.col.m": "Monetary score",
        "value.col.frequency_group": "Repeat purchases up to the split",
        "value.col.predicted": "Predicted",
        "value.col.actual": "Actual",
        "value.col.week": "Week",
        "value.col.series": "Series",
        "value.chart.rfm_title": "Recency × frequency (size: customers, colour: average value)",
        "value.chart.clv_title": "Customers by expected CLV",
        "value.chart.by_frequency_title": "Mean purchases after the split, by purchases before",
        "value.chart.cumulative_title": "Cumulative repeat purchases",
        "value.chart.split": "Split",
        "value.segment.champions": "Champions",
        "value.segment.loyal": "Loyal",
        "value.segment.potential_loyalist": "Potential loyalists",
        "value.segment.new": "New customers",
        "value.segment.promising": "Promising",
        "value.segment.need_attention": "Need attention",
        "value.segment.about_to_sleep": "About to sleep",
        "value.segment.at_risk": "At risk",
        "value.segment.cant_lose": "Can't lose them",
        "value.segment.hibernating": "Hibernating",
        "value.segment.lost": "Lost",
        "value.note.set_aside.no_date": "{rows} transaction rows have no readable date and were set aside.",
        "value.note.set_aside.no_customer": "{rows} transaction rows have no customer and were set aside.",
        "value.note.set_aside.returns_only": "{rows} transaction rows are returns on days without a purchase "
        "(negative amounts only) and do not count as purchases.",
        "value.note.too_short": "The purchase log covers less than 16 weeks: too short to fit and check a "
        "purchase model.",
        "value.note.calibration_outside": "The model check's split {date} lies outside the purchase log; no "
        "model was fitted.",
        "value.note.too_few_repeat_buyers": "Only {n} customers bought again before the split (at least "
        "{minimum} are needed): no purchase model.",
        "value.note.no_repeat_buyers": "None of the {n} customers bought twice. If the customer column "
        "is issued anew with every order (as some shop exports do), it names the orders, not the people: "
        "assign the column that identifies the person as the customer ID.",
        "value.note.no_amounts": "The transaction table has no amounts: no spend model and no CLV from the "
        "purchase log.",
        "value.note.fit_failed": "The purchase model could not be fitted reliably on this data: no model "
        "figures.",
        "value.note.simple_clv": "The CLV shown uses the simple formula m·r/(1+d−r): each customer's revenue "
        "of the last 12 months m, the share r of the year before's buyers who bought again ({retention:.0%}) "
        "and the discount rate d.",
        "value.note.simple_needs_two_years": "The simple CLV needs two years of purchases (to see how many "
        "buyers come back): not computed.",
        "value.note.spend_correlated": "Spend per purchase and the number of purchases are correlated "
        "(r = {r}); the Gamma-Gamma model assumes they are not, so the CLV may be biased.",
        "value.note.holdout_off": "The model check is off by {percent}% (predicted vs actual purchases after "
        "the split): read the CLV with care.",
        "value.note.boundary_bgnbd": "The purchase model sits at a limit case (e.g. hardly anybody stops "
        "buying, or all customers buy at the same rate): the predictions hold, but no interval can be given.",
        "value.note.boundary_gamma_gamma": "The spend model sits at a limit case of its parameters (the spend "
        "data do not match its assumptions closely): the expected spend per customer holds, but no interval "
        "can be given.",
        "value.note.calibration_chosen": "Model check split chosen from the data: {date}.",
        "value.note.filled_from_transactions": "Filled from the transaction table: {columns}.",
        "value.note.customers_from_transactions": "No customer table: the customers are the {n} buyers in the "
        "transaction table.",
        "note.value_needs_transactions": "No transaction table: customer value (RFM, CLV from purchases) "
        "cannot be computed.",
        "note.value_no_purchases": "The transaction table holds no usable purchase: no customer value.",
        "note.value_no_date": "The transaction table has no purchase date (order numbers or days between "
        "orders give no calendar dates): no RFM, purchase model or CLV. Assign the date column on the Data page.",
        "persona.value": "Expected CLV {clv} · P(active) {p_alive}",
        "kpi.clv_source.customer_table": "Shows the CLV from the customer table (simple formula).",
        "kpi.clv_source.value_page": "The CLV from the purchase model (transaction table) is on the Customer value "
        "page.",
        # --- customers: column understanding, money period, mapping profiles ---
        "rule.no_id_row_numbers": "The customer table has no ID column: its {rows} rows are numbered by their row in the file. Survey answers and transactions cannot be linked to these customers.",
        "rule.implausible_value": "{rows} values in “{role}” cannot be real (e.g. {examples}); they were left empty.",
        "rule.revenue_without_tenure": "{rows} customers have a lifetime total in “{column}” but no tenure or start date to turn it into revenue per year: their revenue is left empty (not counted as 0).",
        "rule.mailing_list_rows": "The table looks like a mailing list (opt-in column “{column}”, no purchases, no churn): its {rows} rows are subscribers. They are counted as customers here; nothing in the file says who bought.",
        "rule.no_purchase": "{rows} customers have no order (“{column}” is 0): accounts or newsletter sign-ups that never bought. They are counted as customers (customer count, average spend, personas); remove them from the export if only buyers are customers for you.",
        "rule.trial_customers": "{rows} rows are trials in “{column}” ({examples}): they are counted as customers (customer count, churn rate, CLV); remove them from the export if trials are not customers for you.",
        "ui.method.row_number": "row numbers",
        "ui.columns.title": "How each column was understood",
        "ui.col.kind": "Kind",
        "ui.col.role": "Role",
        "ui.col.period": "Money period",
        "ui.col.scale": "Scale",
        "ui.col.direction": "Direction",
        "direction.higher_better": "higher is better",
        "direction.higher_worse": "higher is worse",
        "direction.ordinal": "ordered answers (how often, how important): no touchpoint",
        "direction.bipolar": "middle is best",
        "ui.col.evidence": "Why",
        "ui.col.excluded": "Left out of",
        "ui.col.source_column": "Column",
        "ui.period.choose": "Revenue covers",
        "ui.period.apply": "Apply money period",
        "ui.scale.title": "Correct a rating item's scale or direction",
        "ui.scale.column": "Survey column",
        "ui.scale.choose": "Scale",
        "ui.scale.direction": "Direction",
        "ui.scale.apply": "Apply scale and direction",
        "evidence.user_scale": "scale {low}–{high} confirmed by hand",
        "evidence.user_direction": "direction confirmed by hand",
        "evidence.decimal_scale": "scores with one decimal place, read as a rating on {low}–{high}",
        "evidence.decimal_not_nps": "“{word}” is answered in decimals: a score, not the 0–10 recommend "
        "question (no NPS)",
        "evidence.average_score": "“{word}” in the header: an average of many ratings, not one customer's "
        "answer",
        "evidence.user_ordinal": "marked by hand as ordered answers (how often, how important): not a "
        "touchpoint",
        "evidence.user_rating": "marked by hand as a rating of the experience",
        "ui.profile.title": "Mapping profile",
        "ui.profile.help": "Save the confirmed mapping (roles and money period) as a small JSON file and load it again with next month's export; the command line takes it as --mapping FILE.",
        "ui.profile.download": "Download mapping profile",
        "ui.profile.upload": "Load a mapping profile",
        "ui.profile.loaded": "Mapping profile applied.",
        "error.bad_profile": "The mapping profile “{file}” cannot be used: {reason}",
        "error.bad_role_option": "“{option}” is not a role correction of the form TABLE.ROLE=COLUMN.",
        "period.month": "per month",
        "period.year": "per year",
        "period.lifetime": "lifetime total",
        "excluded.personas": "personas",
        "excluded.revenue": "revenue",
        "excluded.touchpoints": "touchpoints",
        "excluded.comment": "customer comments",
        "kind.identifier": "identifier",
        "kind.money": "money",
        "kind.feature": "trait",
        "kind.unmapped": "other",
        "kind.rating": "rating",
        "kind.age": "age",
        "kind.coordinate": "coordinate",
        "kind.postal_code": "postal code",
        "kind.phone_number": "phone number",
        "kind.model_score": "model score",
        "kind.precomputed_value": "pre-computed value",
        "kind.churn_outcome": "churn outcome",
        "kind.numeric_code": "code",
        "kind.revenue_duplicate": "revenue again",
        "kind.revenue_other_period": "revenue of another period",
        "kind.tool_score": "a tool's score",
        "kind.internal_owner": "owner in the company",
        "kind.time_offset": "time-zone offset",
        "kind.campaign": "campaign contact",
        "kind.outcome_label": "outcome",
        "kind.market_indicator": "economic indicator",
        "kind.part_of_total": "part of a total",
        "kind.survey_weight": "survey weight",
        "kind.birth_year": "birth year",
        "kind.birth_date": "date of birth",
        "kind.near_constant": "(almost) constant",
        "kind.row_number": "row number",
        "kind.free_text": "free text",
        "kind.personal_data": "personal data",
        "kind.date": "date",
        "kind.date_text": "date",
        "kind.flag": "yes/no",
        "kind.number": "number",
        "kind.category": "category",
        "kind.ordinal": "ordered answers",
        "evidence.method_exact": "header “{header}” is the field's name",
        "evidence.method_synonym": "header “{header}” is a known name for the field",
        "evidence.method_fuzzy": "header “{header}” is spelt like the field's name",
        "evidence.method_values": "the values of “{header}” fit the field",
        "evidence.method_manual": "set by hand",
        "evidence.method_row_number": "no ID column: row numbers used",
        "evidence.id_not_unique": "only {share:.0%} of the values are distinct: not an identifier",
        "evidence.customer_rows_per_record": "“{header}” names the customer and repeats ({customers} customers "
        "on {rows} rows) beside “{record}”, different on every row: one row per contract, order or "
        "subscription; “{header}” is the customer, and each customer's rows are combined into one",
        "evidence.id_near_unique": "{share:.0%} of the values are distinct and the header names a number",
        "evidence.id_email": "no ID column: the e-mail address is the customer key ({share:.0%} distinct, compared trimmed and in lower case), so surveys and orders keyed by e-mail link to it",
        "evidence.id_names_customer": "“{header}” names the customer and is unique: used as the customer ID rather than “{other}”, which numbers the rows",
        "evidence.usage_not_orders": "“{header}” counts how often the service is used, not purchases: kept as a trait, not as orders",
        "evidence.not_spend_header": "the header names a balance, limit, salary, loan or ratio: not spend",
        "evidence.not_numeric": "not numbers",
        "evidence.region_coarser": "“{header}” ({values} values) is the region rather than “{other}”, which "
        "has one value or too many to compare",
        "evidence.orders_not_counts": "{share:.0%} of the values have decimals (amounts, not counts): not "
        "the number of orders",
        "evidence.constant": "the same value in every row",
        "evidence.negative_money": "many negative amounts: not spend",
        "evidence.spend_header": "the header names spend or charges and the amounts are non-negative",
        "evidence.company_revenue": "“{header}” stands beside the company's size: the customer company's own turnover, not spend with us",
        "evidence.company_revenue_crm": "“{header}” in a CRM export (customers beside leads): the customer company's own turnover, not spend with us",
        "evidence.revenue_latest_year": "“{header}” is the latest of the yearly columns ({years})",
        "evidence.revenue_last_full_year": "“{header}” is the latest full year of the yearly columns ({years}); “{running}” sums to less than three quarters of it, a year still running",
        "evidence.churn_date_header": "“{header}” names the day a customer left, and its values are dates (empty: still a customer)",
        "evidence.signup_date_header": "“{header}” names the day the customer relationship began, and its values are dates",
        "evidence.churned_from_churn_date": "churned where “{header}” holds a date",
        "evidence.churn_status_words": "the status words in “{header}” read as churned: {churned}; as customers: {active}",
        "evidence.churn_dates_after_now": "{rows} end dates after {reference} (the latest signup date, taken as the day the data were taken; latest end {latest}) are contracts that end later, not churn",
        "evidence.churned_without_date": "{rows} customers marked as churned in “{column}” have no date in “{dates}”: not counted as churn, the rate may be too low",
        "evidence.churn_date_from_status_date": "“{dates}” dates the status “{column}”: for the {rows} customers the status marks as churned it is their churn date (for the others it dates something else and is not used)",
        "evidence.period_header_month": "“{header}” is an amount per month",
        "evidence.period_header_year": "“{header}” is an amount per year",
        "evidence.period_header_lifetime": "“{header}” is a total over the whole relationship",
        "evidence.period_sibling_12_months": "“{header}” is a total, and the file's other columns count the last 12 months: taken as a year",
        "evidence.period_default_year": "the header names no period: taken as per year",
        "evidence.period_header_span": "“{header}” is an amount over {months:.3g} months",
        "evidence.margin_span_to_year": "margin over {months:.3g} months × 12 / {months:.3g} = margin per year (the CLV's yearly margin)",
        "evidence.revenue_span_to_year": "amount over {months:.3g} months × 12 / {months:.3g} = revenue per year (a customer who joined during those months spent in less time: their yearly revenue is too low)",
        "evidence.period_year_to_date": "“{header}” covers the year so far: used as a year's revenue (too low before December)",
        "evidence.revenue_full_period": "“{header}” covers a whole period and is preferred to “{partial}” (the year so far)",
        "evidence.revenue_year_over_lifetime": "“{header}” is one year's revenue and is preferred to the lifetime total “{partial}” (which stays a trait)",
        "evidence.period_chosen": "money period set by hand",
        "evidence.period_payment_frequency": "“{header}” names no period, and “{frequency}” says how often each customer pays: an amount per payment",
        "evidence.revenue_per_payment_x_frequency": "amount per payment × payments per year from “{frequency}” (monthly × 12, quarterly × 4, half-yearly × 2, yearly × 1) = revenue per year; {unknown} amounts with an unknown frequency left empty",
        "evidence.revenue_month_x12": "monthly amount × 12 = revenue per year",
        "evidence.revenue_year": "used as revenue per year",
        "evidence.revenue_lifetime_per_tenure": "lifetime total ÷ tenure in years = revenue per year",
        "evidence.revenue_lifetime_as_year": "lifetime total, but no tenure to divide by: used as if per year",
        "evidence.margin_month_x12": "monthly margin × 12 = margin per year (the CLV's yearly margin)",
        "evidence.margin_year": "used as margin per year (the CLV's yearly margin)",
        "evidence.margin_lifetime_per_tenure": "lifetime margin ÷ tenure in years = margin per year (the CLV's yearly margin)",
        "evidence.margin_lifetime_as_year": "lifetime margin, but no tenure to divide by: used as if per year (the CLV is too high)",
        "evidence.margin_from_rate": "“{header}” is a share in per cent, not money: margin per year = “{revenue}” per year × this share",
        "evidence.margin_rate_no_revenue": "“{header}” is a share in per cent, not money, and there is no revenue to apply it to: not used as the margin",
        "evidence.margin_rate_percent_cells": "the values of “{header}” are written with “%”: a share, not money",
        "evidence.margin_rate_fractions": "every value of “{header}” lies between 0 and 1 beside a revenue: read as a share (0.25 = 25 %), not money",
        "evidence.margin_rate_whole_percent": "“{header}” holds only a few whole numbers up to 100 while the revenue varies: read as per cent (25 = 25 %), not money; if it is money, say so on the Data page",
        "evidence.tenure_from_signup": "tenure counted from “{header}” to the churn date, or to the latest date in the table",
        "evidence.coordinate": "a map coordinate: no trait of a person",
        "evidence.postal_code": "a postal code: a number that is no quantity",
        "evidence.phone_number": "a phone number",
        "evidence.model_score": "a model's score (leaks the outcome)",
        "evidence.precomputed_value": "a value computed elsewhere (such as a CLV): neither a trait nor spend",
        "evidence.churn_outcome": "its values tell who churned: the outcome, not a trait",
        "evidence.numeric_code": "a code written as a number: its average means nothing",
        "evidence.revenue_duplicate": "the revenue in another unit (a fixed multiple of it): spend would count twice",
        "evidence.last_purchase_amount": "“{header}” is the amount of one purchase (the latest deal or order), not revenue over a period",
        "evidence.revenue_other_period": "spend of another period than the revenue (year to date, a year before, per month): spend would count twice",
        "evidence.tool_score": "a score a CRM, sales or mailing tool gives the contact (lead score, engagement stars, Hot/Warm/Cold): neither a trait of the customer nor their satisfaction",
        "evidence.internal_owner": "who looks after the customer in the company (account owner, sales rep): not a trait of the customer",
        "evidence.time_offset": "hours from UTC of a time zone: no trait and no quantity",
        "evidence.part_of_total": "it and another column add up to a third one in nearly every row (one-off + instalment purchases = purchases): beside that total the same amount would count twice; the total is used",
        "evidence.campaign": "about a marketing campaign (the calls of this or an earlier campaign, their day, length and channel, the offers accepted): how the company reached the customer, not a trait",
        "evidence.outcome_label": "the yes/no answer the table was collected for (a campaign's response, a target “y”): personas built on it sort customers by the answer; it is no churn either",
        "evidence.market_indicator": "an indicator of the economy (interest rate, price or confidence index, employment): the same for everyone contacted at that time, no trait of the customer",
        "evidence.survey_weight": "a survey weight, not a trait",
        "evidence.birth_year": "a birth year: the age is used instead",
        "evidence.birth_date": "a date of birth: the age is used instead",
        "evidence.near_constant": "(almost) the same value in every row",
        "evidence.row_number": "consecutive row numbers",
        "evidence.identifier": "a different value in every row: an identifier",
        "evidence.date_text": "dates: a day in the customer's history, not a trait",
        "evidence.free_text": "long or unique text",
        "evidence.personal_data": "a name, e-mail or address: personal data, no trait",
        "evidence.age_from_birth_year": "age = this year − birth year (“{header}”)",
        "evidence.age_from_birth_date": "age from the date of birth (“{header}”)",
        "evidence.age_from_birth_year_at": "age = {year} − birth year (“{header}”): {year} is the year of the "
        "customer table's latest signup or churn date ({reference}), the data's “now” as for churn, not today",
        "evidence.age_from_birth_date_at": "age on {reference}, the customer table's latest signup or churn "
        "date (the data's “now” as for churn, not today), from the date of birth (“{header}”)",
        "evidence.renamed_reserved": "renamed from “{original}” (that header is a name the analysis uses itself)",
        "assumption.title": "Assumptions",
        "persona.note.excluded": "Left out of the personas: {columns}.",
        # --- personas for managers (issue 16): plain words, side by side, card file, drill-down ---
        "persona.note.excluded_item": "{column} ({kind})",
        "persona.words": "{en} / {de}",  # never shown: Words.text picks one language
        "persona.comparison.measure": "Measure",
        "persona.members.customer_id": "Customer ID",
        "persona.members.comment": "Latest comment",
        "persona.members.comment_date": "Date of the comment",
        "persona.card_file.size": "{size} customers · {share} of all customers",
        "persona.card_file.made": "Customer Centricity Dashboard · made on {date}",
        "persona.card_file.quote": "In their words",
        "ui.personas.found": "{k} personas found in the data.",
        "ui.personas.solid": "The personas are **solid**: they come out the same when the customers are "
        "drawn again.",
        "ui.personas.shaky": "The personas are **shaky**: with slightly different customers they come out "
        "differently.",
        "ui.personas.stability_help": "Stability {stability}: how well refits on resampled customers agree "
        "with these personas (adjusted Rand index; 1 = identical every time, 0 = no better than chance). "
        "From {threshold} on we call them solid.",
        "ui.personas.stability_unknown": "How stable the personas are was not measured.",
        "ui.personas.shaky_warning": "Treat these personas with care: their stability is {stability}, "
        "below {threshold}. A persona may split or merge when a few customers change. Try fewer personas "
        "or other features.",
        "ui.personas.separation_help": "The chart shows how clearly each number of personas separates the "
        "customers (silhouette score, from −1 to 1; above 0.25 there is some structure, above 0.5 a clear "
        "one). The chosen number: {k}, score {score}.",
        "ui.personas.map_caption": "Customers who are alike sit together: the position of a dot sums up "
        "all traits used; the axes have no unit of their own.",
        "ui.personas.side_by_side": "Two personas side by side",
        "ui.personas.pick_two": "Choose two personas",
        "ui.personas.pick_two_hint": "Choose two personas to see them side by side.",
        "ui.personas.card_download": "Card of {name} (PDF)",
        "ui.personas.drill": "The customers behind a persona",
        "ui.personas.drill_pick": "Persona",
        "ui.personas.drill_caption": "{count} customers of {name} in the current view, with their latest "
        "comment.",
        "ui.personas.drill_empty": "No customer of {name} in the current view.",
        "ui.personas.drill_download": "Download these customers (CSV)",
        "ui.personas.comparison_table": "The figures behind the comparison",
        "ui.personas.yes": "yes",
        "ui.personas.no": "no",
    },
    "de": {
        # --- errors (reading files) ---
        "error.empty_file": "Die Datei „{file}“ ist leer.",
        "error.header_only": "Die Datei „{file}“ hat Spaltenüberschriften, aber keine Datenzeilen.",
        "error.no_data": "In „{file}“ wurde keine Tabelle mit Daten gefunden.",
        "error.too_large": "Die Datei „{file}“ ist {size_mb:.1f} MB groß; erlaubt sind {limit_mb} MB. "
        "Bitte laden Sie einen kleineren Export hoch (zum Beispiel ein Jahr oder eine Region).",
        "error.unknown_format": "Die Datei „{file}“ ist keine lesbare Tabelle "
        "(unterstützt: .xlsx, .xlsm, .xls, .ods, .csv, .tsv, .txt).",
        "error.corrupt_workbook": "Die Arbeitsmappe „{file}“ ist beschädigt und lässt sich nicht öffnen. "
        "Bitte speichern Sie sie in Excel neu und versuchen Sie es noch einmal.",
        "error.password_protected": "Die Arbeitsmappe „{file}“ ist kennwortgeschützt. Bitte entfernen Sie "
        "das Kennwort in Excel (Datei > Informationen > Arbeitsmappe schützen) und laden Sie sie erneut hoch.",
        "error.zip_bomb": "Die Datei „{file}“ würde beim Entpacken unplausibel groß und wurde aus "
        "Sicherheitsgründen nicht geöffnet.",
        "error.unsafe_xml": "Die Datei „{file}“ enthält unsichere XML-Konstrukte und wurde aus "
        "Sicherheitsgründen nicht geöffnet.",
        "error.undecodable_text": "Die Zeichenkodierung der Textdatei „{file}“ wurde nicht erkannt. "
        "Bitte speichern Sie sie als CSV (UTF-8 oder Windows/ANSI).",
        "error.sheet_not_found": "Das Tabellenblatt „{sheet}“ gibt es in „{file}“ nicht. Vorhanden: {sheets}.",
        "error.too_many_columns": "Die Tabelle in „{file}“ hat {columns} Spalten; unterstützt werden "
        "höchstens {limit}.",
        "error.too_much_memory": "Die Tabelle in „{file}“ bräuchte etwa {size_mb} MB Arbeitsspeicher; "
        "dieser Server hält höchstens {limit_mb} MB pro Datei. Bitte einen kleineren Export hochladen "
        "(weniger Zeilen oder Spalten).",
        "error.file_not_found": "Die Datei „{file}“ wurde nicht gefunden.",
        # --- errors (mapping and validation) ---
        "error.required_role_missing": "Für das Pflichtfeld „{role}“ wurde in der Tabelle {table} keine "
        "Spalte gefunden. Bitte ordnen Sie es in der Spaltenzuordnung zu.",
        "error.required_role_empty": "Die Spalte „{column}“ (Feld „{role}“) in der Tabelle {table} "
        "enthält keine Werte.",
        "error.no_usable_rows": "Keine der {rows} Zeilen der Tabelle {table} war verwendbar: {reason}",
        "error.summary_table": "Die Datei „{file}“ sieht wie eine Zusammenfassung aus, nicht wie eine "
        "Tabelle {table} mit {expected}: Jede ihrer {rows} Zeilen ist eine Gruppe („{label}“: {examples}), "
        "und ihre Spalten sind {what} ({columns}). Als {expected} gezählt ergäben diese Zeilen falsche Zahlen; "
        "die Datei wurde deshalb nicht verwendet. Bitte laden Sie die Liste hoch, aus der die "
        "Zusammenfassung erstellt wurde.",
        "error.survey_in_wrong_slot": "Die Datei „{file}“ sieht wie ein Umfrage-Export aus, nicht wie eine "
        "Tabelle {table}: Sie hat die eigene Antwortnummer oder das Antwortdatum der Umfrage („{column}“) und "
        "{ratings} Bewertungsfragen ({columns}). Als {table} gelesen ergäben ihre Antworten falsche Zahlen; "
        "sie wurde deshalb hier nicht verwendet. Bitte laden Sie sie als Umfrage hoch.",
        "error.log_in_customer_slot": "Die Datei „{file}“ sieht wie ein Kaufprotokoll aus ({columns}: mehrere "
        "Zeilen je Kunde, jede mit Datum und Betrag), nicht wie eine Kundentabelle mit einer Zeile je Kunde. Bitte "
        "laden Sie sie als Käufe hoch; die Kunden werden dann aus den Käufen übernommen.",
        "error.records_in_survey_slot": "Die Datei „{file}“ hat keine Bewertungsfrage und sieht wie eine "
        "Tabelle {looks} aus ({columns}), nicht wie eine Umfrage. Bitte laden Sie sie als {looks} hoch und "
        "die Antworten der Umfrage als Umfrage.",
        "summary.kind.periods": "Zeiträume (Monate, Quartale oder Jahre)",
        "summary.kind.measures": "Kennzahlen je Gruppe (Anzahlen, Anteile, Mittelwerte)",
        "summary.kind.frequencies": "die Häufigkeit jeder Antwort",
        "summary.kind.answers": "die Antwortoptionen, jede mit ihrer Anzahl oder ihrem Anteil",
        "summary.expected.customers": "einer Zeile je Kunde",
        "summary.expected.survey": "einer Zeile je Antwortbogen",
        "summary.expected.transactions": "einer Zeile je Kauf",
        "error.unknown_role": "„{role}“ ist kein Feld der Tabelle {table}.",
        "error.no_input": "Bitte geben Sie mindestens eine Datei an (Kunden, Umfrage oder Transaktionen).",
        "error.unknown_column": "Die Spalte „{column}“ gibt es in der Tabelle {table} nicht.",
        # --- validation rules (set-aside and repaired rows) ---
        "rule.missing_required": "{rows} Zeilen haben keinen Wert im Pflichtfeld „{role}“.",
        "rule.duplicate_id": "{rows} Zeilen wiederholen eine Kunden-ID, die schon mit anderen Daten "
        "vorkam; verwendet wird das erste Vorkommen.",
        "rule.exact_duplicate": "{rows} Zeilen sind exakte Kopien einer früheren Zeile.",
        "rule.records_combined": "{rows} Zeilen sind weitere Verträge, Bestellungen oder Abos eines Kunden aus "
        "einer früheren Zeile (jede Zeile hat ihre eigene „{record}“): die {total} Zeilen wurden nach "
        "„{column}“ zu {customers} Kunden zusammengefasst: {money}, der früheste Beginn als Anmeldedatum, "
        "abgewandert nur, wenn jeder Vertrag beendet ist (zum letzten Ende), übrige Werte aus der ersten "
        "Zeile des Kunden.",
        "records.summed": "Geld und Bestellungen ({columns}) über die laufenden Verträge jedes Kunden addiert "
        "(über alle, wenn alle beendet sind)",
        "records.none": "keine Geldspalte zu addieren",
        "rule.recommend_out_of_range": "{rows} Weiterempfehlungswerte liegen außerhalb von 0–10 oder sind "
        "keine ganzen Zahlen (z. B. {examples}); diese Antworten zählen nicht zum NPS.",
        "rule.unparseable_date": "{rows} Werte in „{role}“ sind keine lesbaren Datumsangaben "
        "(z. B. {examples}); sie wurden leer gelassen.",
        "rule.future_date": "{rows} Datumsangaben in „{role}“ liegen nach dem Stichtag der Daten "
        "{reference}; sie wurden leer gelassen.",
        "rule.churn_before_signup": "{rows} Kunden haben ein Kündigungsdatum vor dem Anmeldedatum; "
        "das Kündigungsdatum wurde leer gelassen.",
        "rule.churn_dates_after_now": "{rows} Enddaten in „{role}“ liegen nach dem {reference}, dem letzten "
        "Anmeldedatum und damit dem Stand der Daten (das späteste Enddatum ist der {latest}): Diese Verträge "
        "enden erst später, die Kunden zählen nicht als abgewandert; die Abwanderung wird bis zum {reference} "
        "gemessen.",
        "rule.churned_without_date": "{rows} Kunden sind in „{column}“ als abgewandert markiert, haben aber kein "
        "Datum in „{dates}“: Die Abwanderungsquote zählt Abwanderung nach ihrem Datum, diese Kunden zählen "
        "durchgehend als Kunden, die Quote ist daher womöglich zu niedrig.",
        "rule.email_casefolded": "{rows} E-Mail-Adressen in „{role}“ sind mit Großbuchstaben oder "
        "Leerzeichen geschrieben (z. B. {examples}); sie werden ohne Leerzeichen und in Kleinbuchstaben "
        "verglichen, wie Mailsysteme sie behandeln.",
        "rule.unknown_customer": "{rows} Umfragezeilen verweisen auf Kunden-IDs, die in der Kundentabelle "
        "fehlen; sie zählen für die Umfragewerte, lassen sich aber keiner Persona zuordnen.",
        "rule.not_a_number": "{rows} Werte in „{role}“ sind keine Zahlen (z. B. {examples}); sie wurden "
        "leer gelassen.",
        "rule.invalid_flag": "{rows} Werte in „{role}“ sind weder ja noch nein (z. B. {examples}); sie "
        "wurden leer gelassen.",
        "rule.blank_row": "{rows} Zeilen sind vollständig leer.",
        "rule.two_digit_year_past": "{rows} Daten in „{role}“ haben eine zweistellige Jahreszahl, die in der "
        "Zukunft läge (z. B. 18.02.45 als 2045); sie wurden als 19xx gelesen.",
        "rule.total_row": "{rows} Zeilen sind Summen, Zwischensummen oder Mittelwerte des Berichts (z. B. "
        "{examples}), keine Datensätze; sie wurden beiseitegelegt, damit nichts doppelt zählt.",
        "rule.repeated_header": "{rows} Zeilen wiederholen die Spaltenüberschriften (ein seitenweise "
        "gedruckter Bericht, z. B. {examples}); sie wurden beiseitegelegt.",
        "rule.note_row": "{rows} Zeilen enthalten nur einen Hinweis wie {examples} (Seitenfuß oder "
        "Exportzeile), keine Daten; sie wurden beiseitegelegt.",
        "rule.negative_value": "{rows} Werte in „{role}“ sind negativ; sie wurden leer gelassen.",
        "rule.marked_missing": "{rows} Werte in „{role}“ sind als nicht vorhanden markiert (z. B. „k. A.“, "
        "„–“) und wurden leer gelassen.",
        "rule.empty_response": "{rows} Umfragezeilen enthalten keine einzige Antwort.",
        "rule.placeholder_comment": "{rows} Kommentare in „{role}“ sagen nichts (z. B. {examples}); sie zählen nicht als Kommentare.",
        "rule.salutation_no_gender": "{rows} Anreden in „{role}“ sprechen keine einzelne Person an ({examples}: eine Firma, eine Familie, ein Paar) und nennen kein Geschlecht: diese Kunden haben kein Geschlecht, sie sind kein eigenes Geschlecht.",
        "rule.incomplete_interview": "{rows} Umfragezeilen sind nicht beendete Interviews („{column}“ = {examples}) und wurden beiseitegelegt: ihre Antworten brechen dort ab, wo die Befragten aufgehört haben. Die Kennzahlen beruhen auf den {complete} übrigen Zeilen.",
        "rule.missing_touchpoint": "{rows} Bewertungszeilen nennen keinen Touchpoint.",
        # --- table and role names ---
        "table.customers": "Kunden",
        "table.survey": "Umfrage",
        "table.transactions": "Transaktionen",
        "role.customer_id": "Kunden-ID",
        "role.signup_date": "Anmeldedatum",
        "role.churn_date": "Kündigungsdatum",
        "role.churned": "Abgewandert (ja/nein)",
        "role.age": "Alter",
        "role.gender": "Geschlecht",
        "role.region": "Region",
        "role.segment": "Segment",
        "role.income": "Einkommen",
        "role.orders": "Bestellungen",
        "role.revenue": "Umsatz",
        "role.margin": "Marge",
        "role.acquisition_cost": "Akquisitionskosten",
        "role.tenure": "Kundendauer",
        "role.response_id": "Antwort-ID",
        "role.response_date": "Antwortdatum",
        "role.recommend": "Weiterempfehlung (0–10)",
        "role.satisfaction": "Gesamtzufriedenheit",
        "role.touchpoints": "Bewertungen der Touchpoints",
        "role.touchpoint": "Touchpoint",
        "role.score": "Touchpoint-Bewertung",
        "role.comment": "Kommentar",
        "role.date": "Datum",
        "role.amount": "Betrag",
        # --- ui: navigation, sidebar, data page ---
        "nav.summary": "Zusammenfassung",
        "nav.overview": "Überblick",
        "nav.personas": "Personas",
        "nav.journey": "Customer Journey",
        "nav.data": "Daten",
        "ui.language": "Sprache",
        "ui.data_in_use": "Verwendete Daten",
        "ui.demo_note": "Sie sehen Demodaten (ein generierter Onlineshop mit 4.000 Kunden). "
        "Eigene Dateien laden Sie auf der Seite Daten hoch.",
        "ui.back_to_demo": "Zurück zu den Demodaten",
        "ui.rows": "{rows} Zeilen",
        "ui.data_intro": "Laden Sie Ihre Kunden- und Umfrageexporte hoch (Excel oder CSV, deutsch oder englisch). "
        "Spalten werden automatisch erkannt; prüfen und korrigieren Sie die Zuordnung unten.",
        "ui.tab.customers": "Kunden",
        "ui.chart.download": "Herunterladen",
        "ui.overview.tab.churn": "Abwanderung",
        "ui.overview.tab.nps_trend": "NPS im Zeitverlauf",
        "ui.overview.tab.value": "Kundenwert (CLV)",
        "ui.tab.survey": "Umfrage",
        "ui.tab.transactions": "Transaktionen (optional)",
        "ui.upload.customers": "Kundendatei",
        "ui.upload.survey": "Umfragedatei",
        "ui.upload.transactions": "Transaktionsdatei",
        "ui.reading": "Datei wird gelesen und geprüft …",
        "ui.upload_rejected": "Diese Datei wurde nicht geladen: {message} Die zuvor geladenen Daten bleiben in Gebrauch.",
        "ui.no_table": "Noch keine Tabelle {table} geladen.",
        "ui.derived_table": "Keine Umfrage hochgeladen: Diese Antworten sind Spalten der Tabelle {table} "
        "(siehe Hinweise unten). Eine Umfrage, die Sie hier hochladen, wird stattdessen verwendet.",
        "ui.file": "Datei",
        "ui.sheet": "Tabellenblatt",
        "ui.mapping.title": "So wurden die Spalten verstanden",
        "ui.mapping.edit": "Spaltenzuordnung korrigieren",
        "ui.mapping.apply": "Zuordnung übernehmen",
        "ui.report.title": "Prüfbericht",
        "ui.rows_read": "Gelesene Zeilen",
        "ui.rows_used": "Verwendete Zeilen",
        "ui.rows_set_aside": "Zurückgestellte Zeilen",
        "ui.no_problems": "Alle Zeilen sind verwendbar; kein Wert musste geändert werden.",
        "ui.download_set_aside": "Zurückgestellte Zeilen herunterladen (CSV)",
        "ui.preview": "Vorschau der geprüften Tabelle (erste 100 Zeilen)",
        "ui.col.field": "Feld",
        "ui.col.column": "Spalte in Ihrer Datei",
        "ui.col.confidence": "Sicherheit",
        "ui.col.method": "Erkannt an",
        "ui.col.finding": "Befund",
        "ui.col.rows": "Zeilen",
        "ui.col.action": "Was geschah",
        "ui.method.exact": "exakter Name",
        "ui.method.synonym": "bekannter Name",
        "ui.method.fuzzy": "ähnlicher Name",
        "ui.method.values": "Werte",
        "ui.method.manual": "von Hand gesetzt",
        "ui.action.set_aside": "Zeilen zurückgestellt",
        "ui.action.repaired": "Werte leer gelassen, Zeilen behalten",
        "ui.settings.title": "Einstellungen für Kundenertragswert und NPS",
        "ui.settings.discount_rate": "Diskontierungssatz (%)",
        "ui.settings.margin_rate": "Margenquote (% vom Umsatz)",
        "ui.settings.margin_rate_help": "Wird genutzt, wenn die Daten Umsatz, aber keine Marge enthalten (0 = nicht gesetzt).",
        "ui.settings.horizon": "Zeithorizont (Jahre)",
        "ui.settings.horizon_help": "Den Kundenertragswert zusätzlich nur über so viele Jahre berechnen (0 = unbegrenzt).",
        "ui.settings.acquisition_cost": "Akquisitionskosten je Kunde",
        "ui.settings.acquisition_cost_help": "Wird genutzt, wenn die Daten keine Akquisitionskosten enthalten (0 = nicht gesetzt).",
        "ui.settings.nps_period": "NPS-Zeitraum (Monate), verglichen mit dem Zeitraum davor",
        "ui.presentation": "Präsentationsmodus",
        "ui.presentation_help": "Große Schrift für den Beamer, keine Bedienelemente; Schritt für Schritt durch "
        "Zusammenfassung, Personas und Customer Journey.",
        "ui.present.back": "Zurück",
        "ui.present.next": "Weiter",
        "ui.present.exit": "Präsentation beenden",
        "ui.present.step": "Schritt {step} von {steps}",
        "ui.summary.title": "Kundenzentrierung auf einen Blick",
        "ui.summary.findings": "Was die Daten sagen",
        "ui.summary.download_excel": "Excel-Bericht",
        "ui.summary.download_pdf": "PDF-Zusammenfassung",
        "ui.summary.excel_file": "bericht-kundenzentrierung.xlsx",
        "ui.summary.pdf_file": "zusammenfassung-kundenzentrierung.pdf",
        "ui.summary.download_pptx": "Folien (PowerPoint)",
        "ui.summary.pptx_file": "folien-kundenzentrierung.pptx",
        "ui.personas.intro": "{k} Personas in den Daten gefunden; Stabilität über Stichproben {stability} "
        "(1 = jedes Mal identisch).",
        "ui.personas.controls": "Anzahl der Personas und Merkmale",
        "ui.personas.k": "Anzahl der Personas",
        "ui.personas.k_auto": "automatisch",
        "ui.personas.features": "Merkmale für die Segmentierung",
        "ui.personas.apply": "Personas neu berechnen",
        "ui.personas.size": "{size} Kunden · {share} %",
        "ui.personas.size_filtered": "{size} Kunden in der gefilterten Ansicht · {share} %",
        "ui.personas.map": "Kundenkarte",
        "ui.personas.sizes": "Größe der Personas",
        "ui.personas.comparison": "Personas im Vergleich mit allen Kunden",
        "ui.personas.download": "Kunden mit ihrer Persona herunterladen (CSV)",
        "ui.filters": "Filter",
        "ui.filters.active": "Gefiltert: {filters}",
        "ui.filters.clear": "Filter aufheben",
        "ui.filter.period": "Zeitraum",
        "ui.filter.regions": "Regionen",
        "ui.filter.segments": "Segmente",
        "ui.filter.personas": "Personas",
        "journey.page.intro": "Die Customer Journey Map: Zufriedenheit an jedem Touchpoint in der Reihenfolge "
        "der Kundenreise, nach Phasen gruppiert. Tiefpunkte zeigen, wo Kunden unzufrieden sind.",
        "journey.page.outcome": "Einflussfaktoren bezogen auf",
        "journey.page.by_persona": "Eine Linie je Persona",
        "journey.page.no_survey": "Es ist keine Umfrage geladen: Die Kundenreise braucht Umfrageantworten mit "
        "einer Bewertung je Touchpoint. Laden Sie eine Umfrage auf der Seite Daten hoch.",
        "journey.page.no_touchpoints": "Die verwendete Umfrage enthält keine Touchpoint-Bewertungen. Ordnen Sie "
        "die Bewertungsspalten auf der Seite Daten dem Feld „Bewertungen der Touchpoints“ zu.",
        "journey.page.drivers": "Was am meisten zählt",
        "journey.page.drivers_help": "Touchpoints oben links sind schwach und hängen stark mit der Loyalität "
        "zusammen: diese zuerst verbessern.",
        "journey.page.table": "Die Zahlen hinter dem Diagramm",
        "journey.page.editor": "Touchpoints und Phasen bearbeiten",
        "journey.page.editor_help": "Touchpoints umbenennen, Phase oder Reihenfolge ändern, einzelne weglassen "
        "oder den Code angeben, den Ihre Umfrage für „trifft nicht zu“ nutzt (z. B. 0).",
        "journey.editor.touchpoint": "Spalte",
        "journey.editor.name": "Angezeigter Name",
        "journey.editor.phase": "Phase",
        "journey.editor.order": "Reihenfolge",
        "journey.editor.include": "Einbeziehen",
        "journey.editor.na_code": "Code für „trifft nicht zu“",
        "journey.editor.apply": "Änderungen übernehmen",
        # --- analysis notes ---
        "note.personas_need_customers": "Für Personas wird eine Kundentabelle benötigt.",
        "note.journey_needs_touchpoints": "Für die Customer Journey wird eine Umfrage mit Touchpoint-Bewertungen benötigt.",
        # --- journey (phases, curve, pain points, drivers) ---
        "phase.activation": "Aktivierung",
        "phase.information": "Information",
        "phase.purchase": "Kauf",
        "phase.loyalty": "Kundenbindung",
        "error.journey_no_ratings": "Keine der Touchpoint-Spalten enthält eine Bewertung, daher lässt sich "
        "keine Journey-Kurve zeichnen. Bitte prüfen Sie die Touchpoint-Spalten in der Spaltenzuordnung.",
        "journey.note.na_excluded": "{count} Antworten zu „{touchpoint}“ sind als „trifft nicht zu“ codiert "
        "({codes}) und werden nicht gezählt.",
        "journey.note.out_of_scale": "{count} Antworten zu „{touchpoint}“ liegen außerhalb der Skala {scale} "
        "und werden nicht gezählt.",
        "journey.note.scale_aligned": "„{touchpoint}“ hat keine Antworten am oberen Skalenende; es wird auf "
        "der gemeinsamen Skala {scale} der Umfrage gelesen.",
        "journey.note.mixed_scales": "Die Touchpoints nutzen verschiedene Skalen ({scales}); alle werden auf "
        "eine gemeinsame Achse von 0 bis 100 gebracht (niedrigster Skalenpunkt = 0, höchster = 100).",
        "journey.note.no_answers": "„{touchpoint}“ hat keine Antworten; der Touchpoint bleibt ohne Wert auf "
        "der Karte.",
        "journey.note.phase_empty": "Die Phase {phase} hat keinen Touchpoint: dazu werden Kunden nicht "
        "befragt.",
        "journey.note.phase_thin": "Die Phase {phase} hat nur einen Touchpoint.",
        "journey.note.no_outcome": "Ohne Spalte für Weiterempfehlung oder Gesamtzufriedenheit lassen sich "
        "die Treiber nicht berechnen.",
        "journey.note.outcome_fallback": "Die Treiber beziehen sich auf „{used}“, weil „{wanted}“ fehlt.",
        "journey.note.too_few_pairs": "Zu wenige Antworten ({n}), um „{touchpoint}“ mit dem Ergebnis in "
        "Beziehung zu setzen.",
        "journey.reason.lowest": "niedrigste Zufriedenheit aller Touchpoints ({value} von 100)",
        "journey.reason.below_average": "deutlich unter dem Durchschnitt aller Touchpoints "
        "({value} gegenüber {average})",
        "journey.reason.drop": "Zufriedenheit fällt nach „{previous}“ um {value} Punkte",
        "journey.annot.lowest": "Tiefpunkt",
        "journey.annot.below_average": "Unter dem Schnitt",
        "journey.annot.drop": "Einbruch −{value}",
        "journey.quadrant.fix_first": "Zuerst verbessern",
        "journey.quadrant.keep_up": "Stärken halten",
        "journey.quadrant.maintain": "Beibehalten",
        "journey.quadrant.lower_priority": "Geringere Priorität",
        "journey.chart.curve_title": "Customer Journey: Zufriedenheit je Touchpoint",
        "journey.chart.curve_subtitle": "0 = niedrigster, 100 = höchster Punkt jeder Skala; Balken: "
        "95-%-Intervall; rot: Schwachstellen",
        "journey.chart.groups_title": "Customer Journey nach {group}",
        "journey.chart.groups_subtitle": "Zufriedenheit je Touchpoint (0–100), eine Linie je Gruppe; "
        "{shown} von {total} Gruppen gezeigt",
        "journey.chart.drivers_title": "Was am meisten zählt: Wichtigkeit × Leistung",
        "journey.chart.drivers_subtitle": "Wichtigkeit = Korrelation mit {outcome}; Linien bei den Medianen",
        "journey.axis.touchpoint": "Touchpoint",
        "journey.axis.satisfaction": "Zufriedenheit (0–100)",
        "journey.axis.phase": "Phase",
        "journey.axis.group": "Gruppe",
        "journey.axis.importance": "Wichtigkeit (Korrelation mit {outcome})",
        "journey.axis.performance": "Leistung (Zufriedenheit 0–100)",
        "journey.axis.ci": "95-%-Intervall",
        "journey.axis.pain": "Schwachstelle",
        "journey.col.touchpoint": "Touchpoint",
        "journey.col.phase": "Phase",
        "journey.col.mean": "Zufriedenheit (0–100)",
        "journey.col.native_mean": "Mittelwert (eigene Skala)",
        "journey.col.scale": "Skala",
        "journey.col.ci": "95-%-Intervall",
        "journey.col.n": "Antworten",
        "journey.col.na_excluded": "Trifft nicht zu",
        "journey.col.bottom_box": "Niedrige Bewertungen",
        "journey.col.pain": "Schwachstelle",
        # --- kpi (NPS, churn, retention, CLV: notes, tiles, charts) ---
        "kpi.note.no_survey": "Keine Umfragedaten: Der NPS lässt sich nicht berechnen.",
        "kpi.note.no_recommend": "Die Umfrage enthält keine Weiterempfehlungsfrage (0–10): Der NPS lässt "
        "sich nicht berechnen.",
        "kpi.note.no_recommend_answers": "In dieser Auswahl gibt es keine Weiterempfehlungsantworten: Der "
        "NPS lässt sich nicht berechnen.",
        "kpi.note.no_customers": "Keine Kundendaten: Abwanderungsquote, Kundenbindungsrate und "
        "Kundenertragswert lassen sich nicht berechnen.",
        "kpi.note.no_churn_data": "Die Kundentabelle hat weder Kündigungsdaten noch eine Ja/Nein-Spalte "
        "„abgewandert“: Abwanderungsquote, Kundenbindungsrate und Kundenertragswert lassen sich nicht "
        "berechnen.",
        "kpi.note.no_customers_in_window": "Im Betrachtungszeitraum gab es keine Kunden: Abwanderungsquote, "
        "Kundenbindungsrate und Kundenertragswert lassen sich nicht berechnen.",
        "kpi.note.churn_share": "Es gibt keine Kündigungsdaten, daher ist die Abwanderungsquote der Anteil "
        "der als abgewandert markierten Kunden (keine Quote pro 12 Monate).",
        "kpi.note.churn_capped": "Im Zeitraum sind mehr Kunden abgewandert, als im Durchschnitt Kunden "
        "waren (sehr hohe Fluktuation); die Abwanderungsquote wird als 100 % angezeigt.",
        "kpi.note.churn_short_history": "Die Daten beginnen im Betrachtungszeitraum: Die Abwanderungsquote "
        "zählt nur die {months} Monate ab {start} (erste Anmeldung), nicht 12; sie ist keine Jahresquote.",
        "kpi.note.churn_without_signup": "{n} von {total} Kunden haben kein Anmeldedatum: Sie zählen ab Beginn "
        "des Betrachtungszeitraums als Kunden; wer erst währenddessen dazukam, macht den Durchschnitt zu hoch "
        "und die Abwanderungsquote zu niedrig.",
        "kpi.note.customers_end_earlier": "Das letzte Datum der Kundentabelle ist der {customers}, mehr als "
        "{months} Monate vor den übrigen Daten ({now}): Die Abwanderungsquote wird bis zum {customers} gezählt, "
        "dem letzten Datum der Kundentabelle selbst (bis zum {now} gezählt wäre sie 0, da die Tabelle niemanden "
        "danach kennt).",
        "kpi.note.customers_end_before_now": "Das letzte Datum der Kundentabelle ist der {customers}, die übrigen "
        "Daten reichen bis zum {now}: Die Abwanderungsquote wird bis zum {now} gezählt; wurde die Kundentabelle "
        "am {customers} exportiert, fehlen ihr die danach abgewanderten Kunden.",
        "kpi.note.clv_no_margin": "Der Kundenertragswert braucht eine Marge: Die Daten haben keine "
        "Margenspalte. Legen Sie eine Margenquote (Anteil am Umsatz) fest, um sie aus dem Umsatz zu "
        "schätzen.",
        "kpi.note.clv_no_money": "Der Kundenertragswert braucht Geldbeträge pro Kunde: Die Daten haben weder "
        "eine Margen- noch eine Umsatzspalte. Ordnen Sie eine auf der Seite Daten zu (oder laden Sie ein "
        "Kaufprotokoll für die Seite Kundenwert).",
        "kpi.note.clv_no_values": "Kein Kunde hat sowohl eine Marge als auch eine Kundenbindungsrate: Der "
        "Kundenertragswert lässt sich nicht berechnen.",
        "kpi.note.clv_no_acquisition_cost": "Die Daten enthalten keine Akquisitionskosten und es wurden "
        "keine festgelegt: Der Kundenertragswert rechnet mit Akquisitionskosten von 0.",
        "kpi.note.no_recent_answers": "Für {period} gibt es keine Weiterempfehlungsantworten.",
        "kpi.label.satisfaction": "Zufriedenheit ({low}–{high})",
        "kpi.label.satisfaction_share": "Anteil zufrieden",
        "kpi.help.satisfaction": "Mittlere Gesamtbewertung aus {n} Antworten auf der Skala {low}–{high} "
        "(höher ist besser).",
        "kpi.help.satisfaction_share": "Anteil der {n} Antworten auf die Gesamtfrage, die zufrieden sagen.",
        "kpi.note.satisfaction_scale_change": "Die Gesamtbewertungen haben am {date} die Skala gewechselt: "
        "Die {n_old} Antworten davor lagen auf {old_low}–{old_high} (Mittelwert {mean_old}), die {n_new} "
        "ab dann auf {low}–{high} (Mittelwert {mean_new}). Für den Gesamtmittelwert werden die früheren "
        "Antworten linear auf {low}–{high} umgerechnet ({old_low} → {low}, {old_high} → {high}).",
        "kpi.note.satisfaction_undated": "{n} Gesamtbewertungen ohne Datum fließen nicht in den Mittelwert "
        "ein: Ihre Skala ist unbekannt.",
        "survey.note.scale_changed": "„{column}“ hat am {date} die Skala gewechselt: Die {n_old} Antworten "
        "davor lagen auf {old_low}–{old_high} (Mittelwert {mean_old}), die {n_new} ab dann auf {low}–{high} "
        "(Mittelwert {mean_new}). Alle Kennzahlen lesen die früheren Antworten auf {low}–{high}, linear "
        "umgerechnet ({old_low} → {low}, {old_high} → {high}).",
        "survey.note.scale_undated": "{n} Antworten auf „{column}“ ohne Datum bleiben außen vor: Ihre Skala ist "
        "unbekannt.",
        "kpi.note.satisfaction_mixed_scales": "Die Gesamtbewertungen reichen bis {high}, aber neun von zehn "
        "der {n} Antworten liegen zwischen 1 und 5: Die Spalte mischt vielleicht eine Skala 1–5 und eine "
        "Skala {low}–{high} (etwa ein Bewertungsportal, das seine Skala gewechselt hat). Der Mittelwert ist "
        "auf {low}–{high} wie gelesen berechnet; prüfen Sie die Skala auf der Seite Daten.",
        "kpi.verdict.significant": "signifikant auf dem 95-%-Niveau",
        "kpi.verdict.within_noise": "im Rahmen der Zufallsschwankung",
        "kpi.verdict.insufficient_data": "zu wenige Daten für einen Vergleich",
        "kpi.delta.points": "{delta} Punkte ({verdict})",
        "kpi.delta.percent_points": "{delta} Prozentpunkte ({verdict})",
        "kpi.period.window": "{start} – {end}",
        "kpi.period.all": "Alle Antworten",
        "kpi.label.customers": "Kunden",
        "kpi.label.respondents": "Befragte",
        "kpi.label.nps": "NPS (letzte {months} Monate)",
        "kpi.label.nps_all": "NPS",
        "kpi.label.churn": "Abwanderungsquote (letzte {months} Monate)",
        "kpi.label.churn_share": "Anteil abgewanderter Kunden",
        "kpi.label.retention": "Kundenbindungsrate",
        "kpi.label.clv": "Ø Kundenertragswert",
        "kpi.help.customers": "Anzahl der Kunden in der aktuellen Auswahl.",
        "kpi.help.respondents": "Es ist keine Kundentabelle geladen: Antworten der Umfrage in der "
        "aktuellen Auswahl (eine je Antwort). Abwanderung, Kundenbindung und Kundenertragswert brauchen "
        "eine Kundentabelle.",
        "kpi.help.nps": "NPS = % Promotoren (9–10) − % Kritiker (0–6), von −100 bis +100.",
        "kpi.help.nps_facts": "{period}: {n} Antworten ({promoters} Promotoren, {passives} Passive, "
        "{detractors} Kritiker); 95-%-Intervall {low} bis {high}.",
        "kpi.help.nps_comparison": "Vorperiode {period}: NPS {previous} aus {n} Antworten. Veränderung "
        "{delta} Punkte, {verdict} (p {p}).",
        "kpi.help.churn": "Abwanderungsquote = abgewanderte Kunden / durchschnittliche Kundenzahl an den "
        "Monatsenden. {period}: {churned} Kunden abgewandert, im Durchschnitt {average} Kunden.",
        "kpi.help.churn_share": "Anteil der als abgewandert markierten Kunden: {churned} von {total} (die "
        "Daten haben keine Kündigungsdaten, daher keine Quote pro 12 Monate).",
        "kpi.help.churn_comparison": "Vorperiode {period}: {previous}. Veränderung {delta} Prozentpunkte, "
        "{verdict} (p {p}).",
        "kpi.help.retention": "Kundenbindungsrate = 1 − Abwanderungsquote.",
        "kpi.help.retention_comparison": "Vorperiode {period}: {previous}. Veränderung {delta} "
        "Prozentpunkte, {verdict} (p {p}).",
        "kpi.help.clv": "Kundenertragswert je Kunde = m·r/(1+d−r) − AC (Gupta & Lehmann): m = jährliche "
        "Marge ({margin_source}), r = Kundenbindungsrate {retention}, d = Diskontierungssatz {discount}, AC "
        "= Akquisitionskosten ({cost_source}). Durchschnitt über {n} Kunden; Median {median}, Summe {total}.",
        "kpi.help.clv_horizon": "Nur über {years} Jahre: Durchschnitt {value}.",
        "kpi.help.clv_retention_share": "Die Daten haben keine Kündigungsdaten: r = 1 − Anteil der als "
        "abgewandert markierten Kunden, über welchen Zeitraum auch immer, wird wie die Kundenbindung eines "
        "Jahres verwendet.",
        "kpi.help.clv_retention_months": "r = 1 − die Abwanderungsquote von nur {months} Monaten (die Daten "
        "beginnen später), wie die Kundenbindung eines Jahres verwendet.",
        "kpi.source.margin": "Spalte Marge",
        "kpi.source.revenue_x_margin_rate": "Umsatz × Margenquote {rate}",
        "kpi.source.acquisition_cost": "Spalte Akquisitionskosten",
        "kpi.source.setting": "festgelegt auf {value} je Kunde",
        "kpi.source.zero": "nicht in den Daten, mit 0 angenommen",
        "kpi.group.detractor": "Kritiker (0–6)",
        "kpi.group.passive": "Passive (7–8)",
        "kpi.group.promoter": "Promotoren (9–10)",
        "kpi.chart.no_data": "Für diese Grafik gibt es in der aktuellen Auswahl keine Daten",
        "kpi.chart.nps_distribution.title": "Wie wahrscheinlich empfehlen uns Kunden weiter?",
        "kpi.chart.nps_distribution.subtitle": "{n} Antworten",
        "kpi.chart.nps_trend.title": "NPS nach Monat",
        "kpi.chart.nps_trend.subtitle": "Linie: NPS; Band: 95-%-Intervall",
        "kpi.chart.churn_trend.title": "Abwanderung nach Monat",
        "kpi.chart.churn_trend.subtitle": "Im Monat abgewanderte Kunden / Kunden zu Monatsbeginn",
        "kpi.chart.clv_distribution.title": "Kundenertragswert",
        "kpi.chart.clv_distribution.subtitle": "{n} Kunden, in {bins} Wertklassen gruppiert",
        "kpi.axis.score": "Weiterempfehlung (0–10)",
        "kpi.axis.answers": "Antworten",
        "kpi.axis.group": "Gruppe",
        "kpi.axis.month": "Monat",
        "kpi.axis.nps": "NPS",
        "kpi.axis.interval": "95-%-Intervall",
        "kpi.axis.monthly_churn": "Monatliche Abwanderungsquote",
        "kpi.axis.churned": "Abgewanderte Kunden",
        "kpi.axis.customers_start": "Kunden zu Monatsbeginn",
        "kpi.axis.clv": "Kundenertragswert je Kunde",
        "kpi.axis.customers": "Kunden",
        # --- reading notes (what cxlib.reading repaired in a sheet) ---
        "reading.note.duplicate_header": "Die doppelte Überschrift „{original}“ wurde in „{renamed}“ "
        "umbenannt.",
        "reading.note.group_row": "Zeile {group_row} ({groups}) fasst die Spalten darunter zusammen; "
        "Zeile {header_row} dient als Überschrift.",
        "reading.note.empty_columns": "{columns} vollständig leere Spalte(n) wurden weggelassen.",
        "reading.note.sheet_skipped": "Das Blatt „{skipped}“ ist keine Tabelle einzelner Datensätze (eine "
        "Zusammenfassung oder eine andere Art Tabelle); stattdessen wurde das Blatt „{sheet}“ gelesen. Wählen "
        "Sie ein Blatt, um ein anderes zu lesen.",
        "reading.note.sheet_per_customer": "Das Blatt „{skipped}“ wiederholt seine Kundennummern (eine Zeile je "
        "Kauf oder Vertrag); die Kunden wurden aus dem Blatt „{sheet}“ gelesen, das eine Zeile je Kunde hat. "
        "Wählen Sie ein Blatt, um ein anderes zu lesen.",
        "reading.note.sheets_joined": "Die Tabellenblätter {sheets} haben dieselben Spalten: Sie sind ein nach Zeitraum geteiltes Kaufprotokoll und wurden zusammen gelesen ({rows} Zeilen). Wählen Sie ein Blatt, um es allein anzusehen.",
        "reading.note.header_rows": "Zeile(n) {rows} unter der Überschrift (Fragetexte, Antwortoptionen oder "
        "Exportcodes, wie Umfragewerkzeuge sie ausgeben) gehören zu den Spaltennamen aus Zeile {header_row}; "
        "sie sind keine Antworten.",
        # --- reading helper (issue 12): formats, header-less files, transactions lines ---
        "reading.note.no_header": "Die erste Zeile enthält Daten, keine Spaltennamen (ihre Werte haben die "
        "Typen der Zeilen darunter); die Spalten heißen Column 1, Column 2, …",
        "reading.note.unpacked": "Die Tabelle „{member}“ wurde aus „{archive}“ entpackt.",
        "ui.action.read_note": "so wurde die Datei gelesen",
        "reading.note.whitespace": "Die Spalten sind mit Leerzeichen ausgerichtet; sie wurden an "
        "Leerzeichenfolgen getrennt.",
        "error.too_large_unpacked": "Die Datei „{file}“ ist entpackt {size_mb:.1f} MB groß; höchstens "
        "{limit_mb} MB lassen sich auswerten. Bitte laden Sie einen kleineren Export hoch (z. B. ein Jahr "
        "oder eine Region).",
        "error.zip_several_tables": "Das Archiv „{file}“ enthält mehrere Tabellen ({members}); bitte laden "
        "Sie eine davon einzeln hoch.",
        "date.order.day_first": "Tag vor Monat (T/M/J)",
        "date.order.month_first": "Monat vor Tag (M/T/J)",
        "rule.date_order_assumed": "{rows} Datumswerte in „{role}“ (z. B. „{example}“) lassen sich mit Tag "
        "oder Monat zuerst lesen; angenommen wurde {order}.",
        "rule.amount_from_quantity_price": "{rows} Zeilenbeträge wurden als Menge × Stückpreis berechnet "
        "(„{quantity}“ × „{price}“; die Datei hat keinen Zeilenbetrag).",
        "rule.amount_from_unit_price": "Die Datei hat weder Zeilenbetrag noch Menge: der Stückpreis „{price}“ "
        "wurde als Betrag jeder der {rows} Zeilen verwendet (enthält eine Zeile mehrere Stück, ist der "
        "Umsatz zu niedrig).",
        "rule.cancelled_status": "{rows} Zeilen sind storniert oder retourniert (Status {examples}) und "
        "wurden zurückgestellt.",
        "rule.cancelled_invoice": "{rows} Zeilen haben eine Rechnungsnummer mit „C“ am Anfang (eine "
        "Stornierung, z. B. {examples}) und wurden zurückgestellt.",
        "rule.negative_quantity": "{rows} Zeilen haben eine negative Menge (eine Rücksendung) und wurden "
        "zurückgestellt.",
        "rule.negative_amount": "{rows} Zeilen haben einen negativen Betrag (eine Erstattung oder "
        "Rücksendung) und wurden zurückgestellt.",
        "rule.not_a_customer": "{rows} Zeilen sind Leads oder Interessenten in „{column}“ ({examples}), keine Kunden, und wurden beiseitegelegt.",
        "rule.other_contact": "{rows} Zeilen sind in „{column}“ weder Kunden noch Interessenten ({examples}: Partner, Lieferanten oder sonstige Kontakte) und wurden beiseitegelegt.",
        "rule.order_total_repeated": "{rows} Zeilen wiederholen die Summe ihrer Bestellung in „{column}“: die Summe zählt einmal je Bestellung.",
        "rule.guest_customer": "{rows} Zeilen gehören zu keinem echten Kunden (eine Gast- oder anonyme Kennung) und wurden beiseitegelegt.",
        "rule.unpaid_status": "{rows} Zeilen sind fehlgeschlagene oder (noch) nicht bezahlte Zahlungen (Status {examples}) und wurden beiseitegelegt.",
        "rule.cancelled_mark": "{rows} Zeilen sind in „{column}“ als storniert oder erstattet markiert und wurden beiseitegelegt.",
        "rule.nothing_paid": "{rows} Rechnungen haben in „{column}“ nichts bezahlt (offen oder noch nicht bezahlt) und wurden beiseitegelegt: nur bezahltes Geld ist ein Kauf.",
        "rule.reversed_sale": "{rows} Verkaufszeilen werden von einer Stornozeile desselben Bons oder Auftrags (gleicher Betrag, negativ) zurückgenommen und wurden mit ihr beiseitegelegt.",
        "rule.not_a_product": "{rows} Zeilen verkaufen laut ihrem Text in „{column}“ kein Produkt (z. B. {examples}: Porto, Rabatte, Gebühren, Bankspesen oder manuelle Korrekturen) und wurden beiseitegelegt: Umsatz ist, was Kunden gekauft haben.",
        "rule.not_a_sale": "{rows} Zeilen sind laut ihrer Art in „{column}“ kein Verkauf (z. B. {examples}: Abbuchungen, Überweisungen, Währungsumrechnungen, Gebühren oder Erstattungen) und wurden beiseitegelegt.",
        "rule.not_a_purchase_event": "{rows} Zeilen sind in „{column}“ andere Ereignisse als ein Kauf (z. B. {examples}: Ansichten, Warenkörbe oder andere Klicks eines Ereignisprotokolls) und wurden beiseitegelegt: nur Käufe sind Käufe.",
        "rule.fraud_mark": "{rows} Zeilen sind in „{column}“ als Betrug markiert (kein Kauf des Kunden) und wurden beiseitegelegt.",
        "rule.unpaid_mark": "{rows} Zeilen sind in „{column}“ als nicht autorisiert oder nicht bezahlt markiert (abgelehnt oder nie belastet) und wurden beiseitegelegt.",
        "rule.amount_currency_header": "{rows} Beträge in „{column}“ sind laut Überschrift in {currency}: Umsatz, Ausgaben und Kundenertragswert daraus sind in {currency} (nicht umgerechnet; wählen Sie {currency} als Währung, um sie so zu beschriften).",
        "rule.returned_order": "{rows} Zeilen gehören zu Bestellungen, die das Blatt „{sheet}“ als zurückgegeben aufführt (nach „{column}“), und wurden beiseitegelegt.",
        "rule.refunded_in_full": "{rows} Zeilen wurden voll erstattet und wurden beiseitegelegt.",
        "rule.refund_subtracted": "{rows} Beträge sind abzüglich des erstatteten Teils in „{column}“ gerechnet.",
        "rule.amount_in_cents": "{rows} Beträge in „{column}“ sind in Cent angegeben und wurden durch 100 geteilt.",
        "rule.mixed_currencies": "{rows} Beträge sind nicht in {main}, sondern in einer anderen Währung aus „{column}“ "
        "({others}); ohne Wechselkurse wurden sie wie angegeben addiert, Umsatz, RFM-Wert und Kundenwert mischen also Währungen.",
        "rule.money_unit_header": "{rows} Werte in „{column}“ sind laut Überschrift in {unit} angegeben; sie "
        "wurden mit {factor} multipliziert.",
        "money_unit.1000": "Tausend",
        "money_unit.1000000": "Millionen",
        "role.order_id": "Bestell-/Rechnungsnummer",
        "role.quantity": "Menge",
        "role.unit_price": "Stückpreis",
        "role.status": "Bestellstatus",
        "evidence.date_order": "Datum gelesen als {order_text}: {reason} (z. B. „{example}“).",
        "evidence.date_order_reason.first_part_over_12": "ein erster Teil über 12 kann nur ein Tag sein",
        "evidence.date_order_reason.second_part_over_12": "ein zweiter Teil über 12 kann nur ein Tag sein",
        "evidence.date_order_reason.assumed": "kein Wert entscheidet es, daher angenommen",
        "evidence.date_order_reason.other_column": "kein Wert dieser Spalte entscheidet es, aber eine andere "
        "Datumsspalte der Datei",
        "evidence.yyyymmdd_integers": "8-stellige Zahlen, die gültige Daten sind (JJJJMMTT), z. B. {example}",
        "evidence.repeated_ids": "ganze Zahlen, die sich über Zeilen wiederholen ({distinct} verschiedene in "
        "{rows} Zeilen)",
        "evidence.money_decimals": "die letzte Zahlenspalte, nicht negative Beträge mit Cent (z. B. {example})",
        "evidence.order_total_repeated": "„{header}“ ist die Bestellsumme, auf jeder ihrer Zeilen wiederholt: einmal je Bestellung gezählt",
        "evidence.from_transactions": "aus der Transaktionstabelle übernommen",
        "evidence.customer_header_repeats": "„{header}“ nennt den Kunden und wiederholt sich über Zeilen",
        "evidence.customer_name_as_id": "„{header}“ enthält den Namen des Kunden und das Protokoll hat keine Kundennummer: jeder Name gilt als ein Kunde (zwei Kunden gleichen Namens zählen als einer)",
        "evidence.card_as_customer": "„{header}“ enthält Kartennummern und das Protokoll hat keine Kundennummer: jede Karte gilt als ein Kunde (ein Kunde mit zwei Karten zählt doppelt)",
        "evidence.amount_is_a_count": "„{header}“ enthält kleine ganze Zahlen, fast in jeder Zeile unter dem Preis: die Stückzahl, kein Geld",
        "evidence.amount_currency_header": "„{header}“ nennt seine Währung: {currency}",
        "evidence.price_is_line_total": "„{header}“ wächst mit der Menge bei einem Stückpreis je „{product}“: es ist der Zeilenbetrag, kein Stückpreis",
        "evidence.email_as_customer_id": "„{header}“ enthält E-Mail-Adressen, die sich über Zeilen wiederholen: der Kunde",
        "evidence.customer_column_empty": "„{replaced}“ sieht nach einer Kundenspalte aus, ist aber leer: „{header}“ ist der Kunde",
        "evidence.unique_per_line": "ein anderer Wert in {share:.0%} der Zeilen: kennzeichnet Zeilen oder Bestellungen, nicht Kunden",
        "evidence.date_header_values": "„{header}“ nennt ein Datum, und seine Werte sind Daten",
        "evidence.document_type_credit": "„{header}“ ist die Belegart; ihre Gutschriften und Stornos ({examples}) sind kein Kauf",
        "evidence.invoice_state_not_paid": "„{header}“ ist der Zustand der Rechnung; stornierte, fehlgeschlagene und unbezahlte Rechnungen ({examples}) sind kein Kauf",
        "evidence.amount_paid_not_total": "„{header}“ ist der bezahlte Teil der Rechnung: nur bezahltes Geld ist Umsatz, nicht die Summe in „{replaced}“ (angerechnete Guthaben und noch offene Beträge nicht)",
        "evidence.amount_is_a_component": "„{header}“ ist ein Teil des Preises (Fracht, Steuer, Rabatt, Gebühr, Kosten oder Gewinn), nicht der Kaufbetrag: nicht als Betrag verwendet",
        "evidence.amount_mixed_currencies": "„{header}“ enthält mehrere Währungen (meist {main}): Beträge ohne Wechselkurse addiert",
        "evidence.amount_net_of_vat": "„{header}“ ist der Nettobetrag (ohne MwSt. oder nach Rabatten und Retouren, wie der Export netto festlegt); Umsatz, RFM und Kundenwert sind netto",
        "evidence.amount_gross_with_vat": "„{header}“ ist der Bruttobetrag (mit MwSt.); Umsatz, RFM und Kundenwert enthalten die MwSt.",
        "evidence.amount_gross_before_fees": "„{header}“ ist, was der Kunde bezahlt hat; „{net}“ ist das abzüglich der Zahlungsgebühr in „{fee}“ (Kosten des Verkäufers), kein Nettobetrag ohne MwSt.: Umsatz, RFM und CLV verwenden „{header}“",
        "evidence.customer_id_per_order": "„{replaced}“ hat bei jeder Bestellung einen neuen Wert (kein Wert kommt in einer zweiten Bestellung wieder): er kennzeichnet die Bestellung; „{header}“ kennzeichnet die Person und ist der Kunde",
        "evidence.purchase_date_not_later_step": "„{header}“ ist das Kaufdatum; „{replaced}“ nennt einen späteren Schritt der Bestellung (Freigabe, Versand, Lieferung) und wird nicht verwendet",
        "evidence.hash_order_numbers": "Bestellnummern wie „{example}“",
        "evidence.amount_cents_header": "„{header}“ nennt Cent: durch 100 geteilt",
        "evidence.money_unit_header": "„{header}“ nennt Tausend oder Millionen: mit {factor} multipliziert",
        "evidence.amount_minor_units_api": "ganze Beträge mit Währung je Zeile und Kennungen eines Zahlungssystems („{ids}“): Cent, durch 100 geteilt",
        "evidence.amount_net_of_refunds": "abzüglich des erstatteten Teils in „{header}“",
        "evidence.date_yyyymmdd": "ganze Zahlen als Datum JJJJMMTT gelesen",
        "evidence.date_excel_serial": "Zahlen als Excel-Datumswerte gelesen (Tage seit 30.12.1899)",
        "evidence.date_unix_s": "Zahlen als Unix-Zeit in Sekunden gelesen (UTC)",
        "evidence.date_unix_ms": "Zahlen als Unix-Zeit in Millisekunden gelesen (UTC)",
        "evidence.date_year_only": "ganze Jahreszahlen als 1. Januar des Jahres gelesen",
        "evidence.amount_source": "Betrag je Zeile: {source}",
        # --- findings and exports (report) ---
        "finding.persona_lowest_nps": "Persona {name} ({share} der Kunden) hat den niedrigsten NPS ({nps}).",
        "finding.persona_lowest_nps_churn": "Persona {name} ({share} der Kunden) hat den niedrigsten NPS "
        "({nps}) und wandert {ratio}-mal so häufig ab wie der Durchschnitt.",
        "finding.persona_highest_churn": "Persona {name} ({share} der Kunden) wandert {ratio}-mal so häufig "
        "ab wie der Durchschnitt ({rate} gegenüber {average}).",
        "finding.weakest_touchpoint": "{touchpoint} ist der schwächste Touchpoint ({mean}/100; Durchschnitt "
        "aller Touchpoints {average}/100).",
        "finding.weakest_touchpoint_driver": "{touchpoint} ist der schwächste Touchpoint ({mean}/100) und "
        "der stärkste Treiber {outcome}.",
        "finding.top_driver": "{touchpoint} ist der stärkste Treiber {outcome} (Korrelation {importance}) "
        "und erreicht {mean}/100.",
        "finding.outcome.recommend": "der Weiterempfehlung",
        "finding.outcome.satisfaction": "der Gesamtzufriedenheit",
        "finding.outcome.other": "des Gesamturteils",
        "finding.biggest_drop": "Die Zufriedenheit fällt von {previous} zu {touchpoint} um {drop} Punkte "
        "({before} → {after} von 100).",
        "finding.nps_rose": "Der NPS stieg gegenüber den {months} Monaten davor um {delta} Punkte "
        "({previous} → {current}), {verdict}.",
        "finding.nps_fell": "Der NPS sank gegenüber den {months} Monaten davor um {delta} Punkte "
        "({previous} → {current}), {verdict}.",
        "finding.nps_unchanged": "Der NPS ist gegenüber den {months} Monaten davor unverändert ({current}).",
        "finding.churn_rose": "Die Abwanderungsquote stieg gegenüber den {months} Monaten davor um {delta} "
        "Prozentpunkte ({previous} → {current}), {verdict}.",
        "finding.churn_fell": "Die Abwanderungsquote sank gegenüber den {months} Monaten davor um {delta} "
        "Prozentpunkte ({previous} → {current}), {verdict}.",
        "finding.churn_unchanged": "Die Abwanderungsquote ist gegenüber den {months} Monaten davor "
        "unverändert ({current}).",
        "finding.clv_persona_share": "Persona {name} trägt {value_share} des gesamten Kundenertragswerts "
        "bei {share} der Kunden.",
        "finding.clv_skew": "Der Kundenwert ist ungleich verteilt: Der durchschnittliche Kundenertragswert "
        "({mean}) ist {ratio}-mal so hoch wie der Median ({median}).",
        "finding.data_quality": "{rows} von {total} Zeilen der Tabelle {table} ({share}) wurden aussortiert "
        "und nicht gezählt; der Prüfbericht auf der Seite Daten nennt die Gründe.",
        "export.title": "Bericht Kundenzentrierung",
        "slides.kpis": "Kennzahlen",
        "slides.findings": "Was auffällt",
        "slides.personas": "Unsere Personas",
        "slides.journey": "Kundenreise: Zufriedenheit je Touchpoint (0–100)",
        "slides.pain_points": "Schwachstellen und was am meisten zählt",
        "slides.made_on": "Erstellt am {day}",
        "slides.period": "Datenzeitraum: {period}",
        "slides.sources": "Quelldateien: {files}",
        "slides.filters": "Filter: {filters}",
        "slides.no_filter": "keine (alle Daten)",
        "slides.nps_period": "NPS, letzte {months} Monate ({window}): {score}",
        "slides.change": "(Veränderung ggü. den {months} Monaten davor: {delta} Punkte)",
        "slides.persona_line": "{name} ({share}, NPS {nps}): {description}",
        "slides.pain_line": "{touchpoint}: {reason} ({mean} von 100)",
        "slides.reason.lowest": "niedrigste Zufriedenheit aller Touchpoints",
        "slides.reason.below_average": "deutlich unter dem Durchschnitt aller Touchpoints",
        "slides.reason.drop": "hier fällt die Zufriedenheit stark",
        "slides.driver_line": "{touchpoint} hängt am stärksten mit dem Gesamturteil zusammen (r = {r})",
        "export.sheet.summary": "Zusammenfassung",
        "export.sheet.kpis": "Kennzahlen",
        "export.sheet.personas": "Personas",
        "export.sheet.assignment": "Persona-Zuordnung",
        "export.sheet.journey": "Kundenreise",
        "export.sheet.set_aside": "Aussortierte Zeilen",
        "export.col.finding": "Erkenntnis",
        "export.col.value": "Wert",
        "export.col.source": "Quelle",
        "export.col.kpi": "Kennzahl",
        "export.col.table": "Tabelle",
        "export.col.reason": "Grund",
        "export.col.persona": "Persona",
        "export.col.customers": "Kunden",
        "export.col.share": "Anteil der Kunden",
        "export.col.nps": "NPS",
        "export.col.churn": "Abwanderung",
        "export.col.clv": "Durchschnittlicher Kundenertragswert",
        "export.col.importance": "Bedeutung (Korrelation)",
        "export.col.description": "Beschreibung",
        "export.kpi.customers": "Kunden",
        "export.kpi.nps_period": "NPS (letzte {months} Monate, {start} – {end})",
        "export.kpi.nps_period_answers": "NPS-Antworten (letzte {months} Monate)",
        "export.kpi.nps_previous": "NPS ({months} Monate davor, {start} – {end})",
        "export.kpi.nps": "NPS (alle Antworten)",
        "export.kpi.satisfaction_answers": "Gesamtbewertungen (Antworten)",
        "export.kpi.nps_ci_low": "NPS 95-%-Intervall, Untergrenze",
        "export.kpi.nps_ci_high": "NPS 95-%-Intervall, Obergrenze",
        "export.kpi.nps_answers": "NPS-Antworten",
        "export.kpi.churn": "Abwanderungsquote",
        "export.kpi.retention": "Kundenbindungsrate",
        "export.kpi.clv_mean": "Durchschnittlicher Kundenertragswert",
        "export.kpi.clv_median": "Median Kundenertragswert",
        "export.kpi.clv_total": "Gesamter Kundenertragswert",
        "export.kpi.nps_change": "NPS-Veränderung ggü. den {months} Monaten davor (Punkte)",
        "export.kpi.churn_change": "Veränderung der Abwanderung ggü. den {months} Monaten davor "
        "(Prozentpunkte)",
        "export.chart.journey": "Zufriedenheit je Touchpoint (0–100)",
        "export.chart.personas": "Kunden je Persona",
        "export.pdf.kpis": "Kennzahlen",
        "export.pdf.personas": "Personas",
        "export.pdf.touchpoints": "Schwächste Touchpoints",
        "export.pdf.findings": "Erkenntnisse",
        "export.pdf.persona_line": "{name}: {share} der Kunden, NPS {nps}",
        "export.pdf.touchpoint_line": "{touchpoint} ({phase}): {mean}/100",
        "export.nothing_set_aside": "Es wurden keine Zeilen aussortiert.",
        "error.cannot_write": "Die Datei „{file}“ konnte nicht geschrieben werden. Gibt es den Ordner, und "
        "ist die Datei nicht in einem anderen Programm geöffnet?",
        # --- personas ---
        "persona.error.no_features": "Keine der gewählten Spalten kann Kunden beschreiben (sie sind leer "
        "oder für alle gleich). Bitte wählen Sie andere Spalten für die Personas.",
        "persona.error.too_few_customers": "Für Personas werden mindestens {needed} Kunden mit Daten "
        "benötigt; die Kundentabelle hat {rows}.",
        "persona.note.imputed_median": "„{feature}“: {count} fehlende Werte wurden mit dem Median ergänzt.",
        "persona.note.imputed_mode": "„{feature}“: {count} fehlende Werte wurden mit dem häufigsten Wert "
        "ergänzt.",
        "persona.note.constant": "„{feature}“ hat bei allen Kunden denselben Wert und wurde weggelassen.",
        "persona.note.empty": "„{feature}“ enthält keine Werte und wurde weggelassen.",
        "persona.note.k_capped": "Die Daten enthalten nur {distinct} verschiedene Kundenprofile; daher "
        "wurden höchstens {k} Personas geprüft.",
        "persona.whole_base": "Alle Kunden",
        "persona.quote_missing": "Kein Kunde dieser Persona hat einen Kommentar hinterlassen.",
        "persona.description.average": "nah am durchschnittlichen Kunden",
        "persona.trait.age.lower": "jünger",
        "persona.trait.age.higher": "älter",
        "persona.trait.income.lower": "geringes Einkommen",
        "persona.trait.income.higher": "hohes Einkommen",
        "persona.trait.orders.lower": "wenige Bestellungen",
        "persona.trait.orders.higher": "viele Bestellungen",
        "persona.trait.revenue.lower": "geringe Ausgaben",
        "persona.trait.revenue.higher": "hohe Ausgaben",
        "persona.trait.margin.lower": "geringe Marge",
        "persona.trait.margin.higher": "hohe Marge",
        "persona.trait.acquisition_cost.lower": "günstig gewonnen",
        "persona.trait.acquisition_cost.higher": "teuer gewonnen",
        "persona.trait.tenure.lower": "Neukunden",
        "persona.trait.tenure.higher": "langjährige Kunden",
        "persona.trait.satisfaction.lower": "geringe Zufriedenheit",
        "persona.trait.satisfaction.higher": "hohe Zufriedenheit",
        "persona.trait.recommend.lower": "empfehlen selten weiter",
        "persona.trait.recommend.higher": "empfehlen gern weiter",
        "persona.trait.touchpoint.lower": "geringe Zufriedenheit mit {name}",
        "persona.trait.touchpoint.higher": "hohe Zufriedenheit mit {name}",
        "persona.trait.count.lower": "wenige {name}",
        "persona.trait.count.higher": "viele {name}",
        "persona.trait.numeric.lower": "{name}: niedrig",
        "persona.trait.numeric.higher": "{name}: hoch",
        "persona.trait.category": "{name}: überwiegend {value}",
        "persona.trait.gender.female": "überwiegend Frauen",
        "persona.trait.gender.male": "überwiegend Männer",
        "persona.trait.gender.diverse": "häufig divers",
        "persona.gender.female": "weiblich",
        "persona.gender.male": "männlich",
        "persona.gender.diverse": "divers",
        "persona.section.demographics": "Demografie",
        "persona.section.socio_economics": "Sozioökonomie",
        "persona.section.buying_behaviour": "Kaufverhalten",
        "persona.section.satisfaction": "Zufriedenheit und Wert",
        "persona.metric.size": "Kunden",
        "persona.metric.share": "Anteil an allen Kunden",
        "persona.metric.nps": "NPS",
        "persona.metric.churn_rate": "Abwanderungsquote",
        "persona.metric.clv_mean": "Durchschnittlicher Kundenertragswert",
        "persona.metric.satisfaction_mean": "Zufriedenheit (Mittel)",
        "persona.metric.recommend_mean": "Weiterempfehlung (Mittel, 0–10)",
        "persona.metric.tenure_months": "Kundendauer (Monate)",
        "persona.value.years": "{value} Jahre",
        "persona.value.share_of": "{value} ({share})",
        "persona.column.persona": "Persona",
        "persona.chart.silhouette.title": "Wie klar trennen k Personas die Kunden?",
        "persona.chart.silhouette.subtitle": "Wie klar jede Anzahl Personas die Kunden trennt (höher ist "
        "klarer); die gewählte Anzahl ist hervorgehoben",
        "persona.chart.silhouette.x": "Anzahl Personas (k)",
        "persona.chart.silhouette.y": "Klarheit der Trennung",
        "persona.chart.silhouette.chosen": "gewählt",
        "persona.chart.silhouette.other": "nicht gewählt",
        "persona.chart.map.title": "Kunden, die sich ähneln, stehen beieinander",
        "persona.chart.map.subtitle_sample": "Jeder Punkt ist ein Kunde; je näher zwei Punkte, desto ähnlicher "
        "die Kunden; eine Zufallsstichprobe von {shown} der {total} Kunden",
        "persona.chart.map.subtitle_all": "Jeder Punkt ist ein Kunde; je näher zwei Punkte, desto ähnlicher "
        "die Kunden; alle {total} Kunden",
        "persona.chart.map.x": "Komponente 1",
        "persona.chart.map.y": "Komponente 2",
        "persona.chart.size.title": "Größe der Personas",
        "persona.chart.size.x": "Kunden",
        "persona.chart.size.share": "Anteil",
        "persona.chart.comparison.title": "Personas im Vergleich mit allen Kunden",
        "persona.chart.comparison.subtitle": "Farbe: über (blau) oder unter (orange) allen Kunden, relativ "
        "zum größten Unterschied der Zeile (bei Abwanderung und Akquisitionskosten, wo höher schlechter "
        "ist, ist darüber orange); die Zahlen sind die Werte der Persona",
        "persona.chart.comparison.metric": "Kennzahl",
        "persona.chart.comparison.value": "Wert",
        "persona.chart.comparison.difference": "Unterschied zu allen Kunden (relativ)",
        # --- value (Kundenwert aus Transaktionen: RFM, BG/NBD, Gamma-Gamma) ---
        "nav.value": "Kundenwert",
        "value.page.title": "Kundenwert",
        "value.page.caption": "Was jeder Kunde wert ist, gelesen aus der Kaufhistorie: RFM-Segmente, die "
        "Wahrscheinlichkeit, noch aktiv zu sein, und der erwartete Kundenertragswert (BG/NBD-Kaufmodell mit "
        "dem Gamma-Gamma-Ausgabenmodell).",
        "value.page.no_transactions": "Keine Transaktionstabelle: Laden Sie auf der Seite Daten eine Kaufhistorie "
        "(Kunde, Datum, Betrag) hoch, um den Kundenwert zu sehen.",
        "value.page.no_purchases": "Die Transaktionstabelle enthält keinen verwertbaren Kauf.",
        "value.page.settings": "Modelleinstellungen",
        "value.page.calibration_end": "Modellprüfung: angepasst bis",
        "value.page.calibration_help": "Das Modell wird auf die Käufe bis zu diesem Datum angepasst und sagt die "
        "Käufe danach voraus; die Prüfgrafiken vergleichen Vorhersage und Wirklichkeit. Leer = aus den Daten "
        "gewählt.",
        "value.page.horizon": "CLV-Horizont (Monate)",
        "value.page.threshold": "Inaktiv unter P(aktiv)",
        "value.page.rfm_title": "RFM-Segmente",
        "value.page.clv_title": "Verteilung des erwarteten Kundenertragswerts",
        "value.page.check_title": "Modellprüfung",
        "value.page.check_caption": "Angepasst bis {calibration_end}, vorhergesagt für die {weeks} Wochen danach: "
        "{predicted} Wiederholungskäufe vorhergesagt, {actual} getätigt.",
        "value.page.params": "BG/NBD: r = {r}, α = {alpha}, a = {a}, b = {b}; Gamma-Gamma: p = {p}, q = {q}, "
        "v = {v} (Zeiteinheit: Wochen; {n} Wiederholungskäufer im Anpassungszeitraum).",
        "value.page.top_title": "Wertvollste Kunden",
        "value.page.risk_title": "Wertvolle Kunden, die abzuwandern drohen",
        "value.page.risk_caption": "Kunden mit P(aktiv) unter {threshold}, nach bisherigem Umsatz.",
        "value.page.download": "Herunterladen (CSV)",
        "value.page.no_model": "Keine Modellzahlen: siehe die Hinweise unten.",
        "value.tile.buyers": "Kunden mit Kauf",
        "value.tile.buyers_help": "{n} Kunden mit mindestens einem Kauf (ein Kauf = ein Kundentag) zwischen "
        "{start} und {end}; {repeat} davon haben mehr als einmal gekauft.",
        "value.tile.active": "Aktive Kunden",
        "value.tile.active_help": "Kunden, deren Wahrscheinlichkeit, noch aktiv zu sein (BG/NBD), mindestens "
        "{threshold} beträgt. Inaktiv: {inactive} ({share}).",
        "value.tile.active_churn": "Abwanderungsquote laut Kundentabelle: {churn}.",
        "value.tile.revenue_12m": "Erwarteter Umsatz, nächste 12 Monate",
        "value.tile.revenue_help": "Summe der erwarteten Käufe jedes Kunden in den nächsten 12 Monaten mal die "
        "erwartete Ausgabe. 95-%-Intervall {low} – {high} (beobachtete Information, Delta-Methode: nur die "
        "Unsicherheit der Parameter).",
        "value.tile.clv": "Ø Kundenertragswert (Modell)",
        "value.tile.clv_simple": "Ø Kundenertragswert (einfache Formel)",
        "value.tile.clv_help": "Erwarteter abgezinster {basis} je Kunde über {months} Monate (BG/NBD + "
        "Gamma-Gamma), Diskontsatz {discount} pro Jahr. Summe {total}, 95-%-Intervall {low} – {high}.",
        "value.tile.clv_simple_help": "CLV = m·r/(1+d−r) mit m = Umsatz des Kunden in den letzten 12 Monaten, "
        "r = {retention} der Käufer des Vorjahres kauften wieder, d = {discount}. Das Kaufmodell war nicht "
        "verwendbar (siehe Hinweise).",
        "value.basis.revenue": "Umsatz",
        "value.basis.margin": "Deckungsbeitrag",
        "value.col.customer": "Kunde",
        "value.col.segment": "Segment",
        "value.col.customers": "Kunden",
        "value.col.revenue": "Umsatz",
        "value.col.purchases": "Käufe",
        "value.col.last_purchase": "Letzter Kauf",
        "value.col.days_since_last": "Tage seit letztem Kauf",
        "value.col.p_alive": "P(aktiv)",
        "value.col.clv": "Erwarteter Kundenertragswert",
        "value.col.clv_mean": "Ø Kundenertragswert",
        "value.col.expected_purchases": "Erwartete Käufe (12 Monate)",
        "value.col.r": "Aktualität (R)",
        "value.col.f": "Häufigkeit (F)",
        "value.col.m": "Umsatz (M)",
        "value.col.frequency_group": "Wiederholungskäufe bis zum Stichtag",
        "value.col.predicted": "Vorhergesagt",
        "value.col.actual": "Tatsächlich",
        "value.col.week": "Woche",
        "value.col.series": "Reihe",
        "value.chart.rfm_title": "Aktualität × Häufigkeit (Größe: Kunden, Farbe: Ø Wert)",
        "value.chart.clv_title": "Kunden nach erwartetem Kundenertragswert",
        "value.chart.by_frequency_title": "Ø Käufe nach dem Stichtag, nach Käufen davor",
        "value.chart.cumulative_title": "Kumulierte Wiederholungskäufe",
        "value.chart.split": "Stichtag",
        "value.segment.champions": "Champions",
        "value.segment.loyal": "Treue Kunden",
        "value.segment.potential_loyalist": "Potenzielle Stammkunden",
        "value.segment.new": "Neue Kunden",
        "value.segment.promising": "Vielversprechend",
        "value.segment.need_attention": "Brauchen Aufmerksamkeit",
        "value.segment.about_to_sleep": "Drohen einzuschlafen",
        "value.segment.at_risk": "Gefährdet",
        "value.segment.cant_lose": "Nicht verlieren",
        "value.segment.hibernating": "Schlafend",
        "value.segment.lost": "Verloren",
        "value.note.set_aside.no_date": "{rows} Transaktionszeilen haben kein lesbares Datum und wurden "
        "zurückgestellt.",
        "value.note.set_aside.no_customer": "{rows} Transaktionszeilen haben keinen Kunden und wurden "
        "zurückgestellt.",
        "value.note.set_aside.returns_only": "{rows} Transaktionszeilen sind Rücksendungen an Tagen ohne Kauf "
        "(nur negative Beträge) und zählen nicht als Kauf.",
        "value.note.too_short": "Die Kaufhistorie umfasst weniger als 16 Wochen: zu kurz, um ein Kaufmodell "
        "anzupassen und zu prüfen.",
        "value.note.calibration_outside": "Der Stichtag der Modellprüfung {date} liegt außerhalb der "
        "Kaufhistorie; es wurde kein Modell angepasst.",
        "value.note.too_few_repeat_buyers": "Nur {n} Kunden haben vor dem Stichtag wieder gekauft (nötig sind "
        "mindestens {minimum}): kein Kaufmodell.",
        "value.note.no_repeat_buyers": "Keiner der {n} Kunden hat zweimal gekauft. Wenn die Kundenspalte "
        "bei jeder Bestellung neu vergeben wird (wie in manchen Shop-Exporten), kennzeichnet sie Bestellungen, "
        "nicht Personen: Ordnen Sie die Spalte, die die Person kennzeichnet, als Kunden-ID zu.",
        "value.note.no_amounts": "Die Transaktionstabelle hat keine Beträge: kein Ausgabenmodell und kein "
        "Kundenertragswert aus der Kaufhistorie.",
        "value.note.fit_failed": "Das Kaufmodell ließ sich auf diesen Daten nicht verlässlich anpassen: keine "
        "Modellzahlen.",
        "value.note.simple_clv": "Der gezeigte Kundenertragswert nutzt die einfache Formel m·r/(1+d−r): den "
        "Umsatz jedes Kunden der letzten 12 Monate m, den Anteil r der Käufer des Vorjahres, die wieder gekauft "
        "haben ({retention:.0%}), und den Diskontsatz d.",
        "value.note.simple_needs_two_years": "Der einfache Kundenertragswert braucht zwei Jahre Käufe (um zu "
        "sehen, wie viele Käufer wiederkommen): nicht berechnet.",
        "value.note.spend_correlated": "Ausgabe je Kauf und Zahl der Käufe hängen zusammen (r = {r}); das "
        "Gamma-Gamma-Modell setzt voraus, dass sie es nicht tun, der Kundenertragswert kann daher verzerrt "
        "sein.",
        "value.note.holdout_off": "Die Modellprüfung weicht um {percent} % ab (vorhergesagte gegenüber "
        "tatsächlichen Käufen nach dem Stichtag): den Kundenertragswert mit Vorsicht lesen.",
        "value.note.boundary_bgnbd": "Das Kaufmodell liegt an einem Grenzfall (z. B. hört kaum jemand auf zu "
        "kaufen oder alle Kunden kaufen gleich oft): Die Vorhersagen gelten, ein Intervall lässt sich nicht angeben.",
        "value.note.boundary_gamma_gamma": "Das Ausgabenmodell liegt an einem Grenzfall seiner Parameter (die "
        "Ausgaben passen nicht genau zu seinen Annahmen): Die erwartete Ausgabe je Kunde gilt, ein Intervall "
        "lässt sich nicht angeben.",
        "value.note.calibration_chosen": "Stichtag der Modellprüfung aus den Daten gewählt: {date}.",
        "value.note.filled_from_transactions": "Aus der Transaktionstabelle ergänzt: {columns}.",
        "value.note.customers_from_transactions": "Keine Kundentabelle: Die Kunden sind die {n} Käufer in der "
        "Transaktionstabelle.",
        "note.value_needs_transactions": "Keine Transaktionstabelle: Der Kundenwert (RFM, CLV aus Käufen) kann "
        "nicht berechnet werden.",
        "note.value_no_purchases": "Die Transaktionstabelle enthält keinen verwertbaren Kauf: kein Kundenwert.",
        "note.value_no_date": "Die Transaktionstabelle hat kein Kaufdatum (Bestellnummern oder Tage zwischen "
        "Bestellungen ergeben keine Kalenderdaten): kein RFM, kein Kaufmodell, kein Kundenwert. Ordnen Sie die "
        "Datumsspalte auf der Seite Daten zu.",
        "persona.value": "Erwarteter Kundenertragswert {clv} · P(aktiv) {p_alive}",
        "kpi.clv_source.customer_table": "Zeigt den Kundenertragswert aus der Kundentabelle (einfache Formel).",
        "kpi.clv_source.value_page": "Der Kundenertragswert aus dem Kaufmodell (Transaktionstabelle) steht auf "
        "der Seite Kundenwert.",
        # --- customers: column understanding, money period, mapping profiles ---
        "rule.no_id_row_numbers": "Die Kundentabelle hat keine ID-Spalte: Ihre {rows} Zeilen werden nach ihrer Zeilennummer in der Datei nummeriert. Umfrageantworten und Transaktionen lassen sich diesen Kunden nicht zuordnen.",
        "rule.implausible_value": "{rows} Werte in „{role}“ können nicht stimmen (z. B. {examples}); sie wurden leer gelassen.",
        "rule.revenue_without_tenure": "{rows} Kunden haben eine Gesamtsumme in „{column}“, aber keine Kundendauer und kein Startdatum, um daraus einen Umsatz pro Jahr zu machen: ihr Umsatz bleibt leer (nicht als 0 gezählt).",
        "rule.mailing_list_rows": "Die Tabelle sieht nach einem Newsletter-Verteiler aus (Opt-in-Spalte „{column}“, keine Käufe, keine Abwanderung): ihre {rows} Zeilen sind Abonnenten. Sie zählen hier als Kunden; die Datei sagt nicht, wer gekauft hat.",
        "rule.no_purchase": "{rows} Kunden haben keine Bestellung („{column}“ ist 0): Konten oder Newsletter-Anmeldungen ohne Kauf. Sie zählen als Kunden (Kundenzahl, durchschnittlicher Umsatz, Personas); entfernen Sie sie aus dem Export, wenn für Sie nur Käufer Kunden sind.",
        "rule.trial_customers": "{rows} Zeilen sind Testphasen in „{column}“ ({examples}): sie zählen als Kunden (Kundenzahl, Abwanderungsquote, CLV); entfernen Sie sie aus dem Export, wenn Testkunden für Sie keine Kunden sind.",
        "ui.method.row_number": "Zeilennummern",
        "ui.columns.title": "Wie jede Spalte verstanden wurde",
        "ui.col.kind": "Art",
        "ui.col.role": "Rolle",
        "ui.col.period": "Zeitraum des Betrags",
        "ui.col.scale": "Skala",
        "ui.col.direction": "Richtung",
        "direction.higher_better": "höher ist besser",
        "direction.higher_worse": "höher ist schlechter",
        "direction.ordinal": "geordnete Antworten (wie oft, wie wichtig): kein Kontaktpunkt",
        "direction.bipolar": "die Mitte ist am besten",
        "ui.col.evidence": "Warum",
        "ui.col.excluded": "Nicht verwendet für",
        "ui.col.source_column": "Spalte",
        "ui.period.choose": "Der Umsatz gilt",
        "ui.period.apply": "Zeitraum übernehmen",
        "ui.scale.title": "Skala oder Richtung einer Bewertungsfrage korrigieren",
        "ui.scale.column": "Spalte der Umfrage",
        "ui.scale.choose": "Skala",
        "ui.scale.direction": "Richtung",
        "ui.scale.apply": "Skala und Richtung übernehmen",
        "evidence.user_scale": "Skala {low}–{high} von Hand bestätigt",
        "evidence.user_direction": "Richtung von Hand bestätigt",
        "evidence.decimal_scale": "Werte mit einer Nachkommastelle, gelesen als Bewertung auf {low}–{high}",
        "evidence.decimal_not_nps": "„{word}“ ist mit Dezimalzahlen beantwortet: eine Bewertung, nicht die "
        "Weiterempfehlungsfrage 0–10 (kein NPS)",
        "evidence.average_score": "„{word}“ in der Überschrift: ein Durchschnitt vieler Bewertungen, nicht die "
        "Antwort einer Kundin oder eines Kunden",
        "evidence.user_ordinal": "von Hand als geordnete Antworten markiert (wie oft, wie wichtig): kein "
        "Kontaktpunkt",
        "evidence.user_rating": "von Hand als Bewertung des Erlebnisses markiert",
        "ui.profile.title": "Zuordnungsprofil",
        "ui.profile.help": "Die bestätigte Zuordnung (Rollen und Zeitraum des Umsatzes) als kleine JSON-Datei speichern und mit dem Export des nächsten Monats wieder laden; die Kommandozeile nimmt sie als --mapping DATEI.",
        "ui.profile.download": "Zuordnungsprofil herunterladen",
        "ui.profile.upload": "Zuordnungsprofil laden",
        "ui.profile.loaded": "Zuordnungsprofil übernommen.",
        "error.bad_profile": "Das Zuordnungsprofil „{file}“ ist nicht verwendbar: {reason}",
        "error.bad_role_option": "„{option}“ ist keine Rollenkorrektur der Form TABELLE.ROLLE=SPALTE.",
        "period.month": "pro Monat",
        "period.year": "pro Jahr",
        "period.lifetime": "Summe über die ganze Kundenbeziehung",
        "excluded.personas": "Personas",
        "excluded.revenue": "Umsatz",
        "excluded.touchpoints": "Touchpoints",
        "excluded.comment": "Kundenkommentare",
        "kind.identifier": "Kennung",
        "kind.money": "Geldbetrag",
        "kind.feature": "Merkmal",
        "kind.unmapped": "sonstige",
        "kind.rating": "Bewertung",
        "kind.age": "Alter",
        "kind.coordinate": "Koordinate",
        "kind.postal_code": "Postleitzahl",
        "kind.phone_number": "Telefonnummer",
        "kind.model_score": "Modellwert",
        "kind.precomputed_value": "vorberechneter Wert",
        "kind.churn_outcome": "Abwanderung (Ergebnis)",
        "kind.numeric_code": "Schlüssel",
        "kind.revenue_duplicate": "Umsatz (doppelt)",
        "kind.revenue_other_period": "Umsatz eines anderen Zeitraums",
        "kind.tool_score": "Bewertung eines Tools",
        "kind.internal_owner": "Zuständige(r) im Unternehmen",
        "kind.time_offset": "Zeitzonen-Abstand",
        "kind.campaign": "Kampagnenkontakt",
        "kind.outcome_label": "Ergebnis",
        "kind.market_indicator": "Konjunkturindikator",
        "kind.part_of_total": "Teil einer Summe",
        "kind.survey_weight": "Gewichtung",
        "kind.birth_year": "Geburtsjahr",
        "kind.birth_date": "Geburtsdatum",
        "kind.near_constant": "(fast) konstant",
        "kind.row_number": "Zeilennummer",
        "kind.free_text": "Freitext",
        "kind.personal_data": "persönliche Daten",
        "kind.date": "Datum",
        "kind.date_text": "Datum",
        "kind.flag": "ja/nein",
        "kind.number": "Zahl",
        "kind.category": "Kategorie",
        "kind.ordinal": "geordnete Antworten",
        "evidence.method_exact": "Überschrift „{header}“ ist der Name des Feldes",
        "evidence.method_synonym": "Überschrift „{header}“ ist ein bekannter Name des Feldes",
        "evidence.method_fuzzy": "Überschrift „{header}“ ist ähnlich geschrieben wie das Feld",
        "evidence.method_values": "die Werte von „{header}“ passen zum Feld",
        "evidence.method_manual": "von Hand gesetzt",
        "evidence.method_row_number": "keine ID-Spalte: Zeilennummern verwendet",
        "evidence.id_not_unique": "nur {share:.0%} der Werte sind verschieden: keine Kennung",
        "evidence.customer_rows_per_record": "„{header}“ nennt den Kunden und wiederholt sich ({customers} Kunden "
        "in {rows} Zeilen) neben „{record}“, das in jeder Zeile anders ist: eine Zeile je Vertrag, Bestellung "
        "oder Abo; „{header}“ ist der Kunde, die Zeilen jedes Kunden werden zu einer zusammengefasst",
        "evidence.id_near_unique": "{share:.0%} der Werte sind verschieden und die Überschrift nennt eine Nummer",
        "evidence.id_email": "keine ID-Spalte: Die E-Mail-Adresse ist der Kundenschlüssel ({share:.0%} verschieden, ohne Leerzeichen und in Kleinbuchstaben verglichen), sodass Umfragen und Bestellungen mit E-Mail-Adresse verknüpft werden",
        "evidence.id_names_customer": "„{header}“ nennt den Kunden und ist eindeutig: als Kunden-ID verwendet statt „{other}“, das die Zeilen nummeriert",
        "evidence.usage_not_orders": "„{header}“ zählt, wie oft der Dienst genutzt wird, keine Käufe: als Merkmal behalten, nicht als Bestellungen",
        "evidence.not_spend_header": "die Überschrift nennt einen Saldo, ein Limit, ein Gehalt, einen Kredit oder eine Quote: kein Umsatz",
        "evidence.not_numeric": "keine Zahlen",
        "evidence.region_coarser": "„{header}“ ({values} Werte) ist die Region statt „{other}“, das nur einen "
        "oder zu viele Werte zum Vergleichen hat",
        "evidence.orders_not_counts": "{share:.0%} der Werte haben Nachkommastellen (Beträge, keine "
        "Anzahlen): nicht die Zahl der Bestellungen",
        "evidence.constant": "in jeder Zeile derselbe Wert",
        "evidence.negative_money": "viele negative Beträge: kein Umsatz",
        "evidence.spend_header": "die Überschrift nennt Umsatz oder Gebühren und die Beträge sind nicht negativ",
        "evidence.company_revenue": "„{header}“ steht neben der Unternehmensgröße: der eigene Umsatz des Kundenunternehmens, nicht der Umsatz mit uns",
        "evidence.company_revenue_crm": "„{header}“ in einem CRM-Export (Kunden neben Leads): der eigene Umsatz des Kundenunternehmens, nicht der Umsatz mit uns",
        "evidence.revenue_latest_year": "„{header}“ ist die jüngste der Jahresspalten ({years})",
        "evidence.revenue_last_full_year": "„{header}“ ist das jüngste volle Jahr der Jahresspalten ({years}); „{running}“ ergibt zusammen weniger als drei Viertel davon, ein noch laufendes Jahr",
        "evidence.churn_date_header": "„{header}“ nennt den Tag des Abgangs, und seine Werte sind Daten (leer: noch Kunde)",
        "evidence.signup_date_header": "„{header}“ nennt den Tag, an dem die Kundenbeziehung begann, und seine Werte sind Datumsangaben",
        "evidence.churned_from_churn_date": "abgewandert, wo „{header}“ ein Datum enthält",
        "evidence.churn_status_words": "die Statuswörter in „{header}“ gelesen als abgewandert: {churned}; als Kunden: {active}",
        "evidence.churn_dates_after_now": "{rows} Enddaten nach dem {reference} (letztes Anmeldedatum, als Stand der Daten genommen; spätestes Ende {latest}) sind Verträge, die erst später enden, keine Abwanderung",
        "evidence.churned_without_date": "{rows} in „{column}“ als abgewandert markierte Kunden haben kein Datum in „{dates}“: nicht als Abwanderung gezählt, die Quote ist womöglich zu niedrig",
        "evidence.churn_date_from_status_date": "„{dates}“ datiert den Status „{column}“: Für die {rows} laut Status abgewanderten Kunden ist es ihr Kündigungsdatum (bei den übrigen datiert es etwas anderes und wird nicht verwendet)",
        "evidence.period_header_month": "„{header}“ ist ein Betrag pro Monat",
        "evidence.period_header_year": "„{header}“ ist ein Betrag pro Jahr",
        "evidence.period_header_lifetime": "„{header}“ ist eine Summe über die ganze Kundenbeziehung",
        "evidence.period_sibling_12_months": "„{header}“ ist eine Summe, und die anderen Spalten der Datei zählen die letzten 12 Monate: als Jahreswert genommen",
        "evidence.period_default_year": "die Überschrift nennt keinen Zeitraum: als Jahreswert genommen",
        "evidence.period_header_span": "„{header}“ ist ein Betrag über {months:.3g} Monate",
        "evidence.margin_span_to_year": "Deckungsbeitrag über {months:.3g} Monate × 12 / {months:.3g} = Deckungsbeitrag pro Jahr (die jährliche Marge des CLV)",
        "evidence.revenue_span_to_year": "Betrag über {months:.3g} Monate × 12 / {months:.3g} = Umsatz pro Jahr (wer in diesen Monaten erst Kunde wurde, kaufte in kürzerer Zeit: sein Jahresumsatz ist zu niedrig)",
        "evidence.period_year_to_date": "„{header}“ umfasst das laufende Jahr bis heute: als Jahresumsatz verwendet (vor Dezember zu niedrig)",
        "evidence.revenue_full_period": "„{header}“ umfasst einen ganzen Zeitraum und wird „{partial}“ (laufendes Jahr) vorgezogen",
        "evidence.revenue_year_over_lifetime": "„{header}“ ist der Umsatz eines Jahres und wird der Gesamtsumme „{partial}“ vorgezogen (die ein Merkmal bleibt)",
        "evidence.period_chosen": "Zeitraum von Hand gesetzt",
        "evidence.period_payment_frequency": "„{header}“ nennt keinen Zeitraum, und „{frequency}“ sagt, wie oft jeder Kunde zahlt: ein Betrag je Zahlung",
        "evidence.revenue_per_payment_x_frequency": "Betrag je Zahlung × Zahlungen pro Jahr aus „{frequency}“ (monatlich × 12, vierteljährlich × 4, halbjährlich × 2, jährlich × 1) = Umsatz pro Jahr; {unknown} Beträge mit unbekannter Zahlungsweise leer gelassen",
        "evidence.revenue_month_x12": "Monatsbetrag × 12 = Umsatz pro Jahr",
        "evidence.revenue_year": "als Umsatz pro Jahr verwendet",
        "evidence.revenue_lifetime_per_tenure": "Gesamtsumme ÷ Kundendauer in Jahren = Umsatz pro Jahr",
        "evidence.revenue_lifetime_as_year": "Gesamtsumme, aber keine Kundendauer zum Teilen: wie ein Jahreswert verwendet",
        "evidence.margin_month_x12": "Monatlicher Deckungsbeitrag × 12 = Deckungsbeitrag pro Jahr (der Jahres-Deckungsbeitrag des CLV)",
        "evidence.margin_year": "als Deckungsbeitrag pro Jahr verwendet (der Jahres-Deckungsbeitrag des CLV)",
        "evidence.margin_lifetime_per_tenure": "Deckungsbeitrag über die ganze Kundenbeziehung ÷ Kundendauer in Jahren = Deckungsbeitrag pro Jahr (der Jahres-Deckungsbeitrag des CLV)",
        "evidence.margin_lifetime_as_year": "Deckungsbeitrag über die ganze Kundenbeziehung, aber keine Kundendauer zum Teilen: als Jahreswert verwendet (der CLV ist zu hoch)",
        "evidence.margin_from_rate": "„{header}“ ist ein Anteil in Prozent, kein Geldbetrag: Deckungsbeitrag pro Jahr = „{revenue}“ pro Jahr × dieser Anteil",
        "evidence.margin_rate_no_revenue": "„{header}“ ist ein Anteil in Prozent, kein Geldbetrag, und es gibt keinen Umsatz, auf den er sich anwenden ließe: nicht als Deckungsbeitrag verwendet",
        "evidence.margin_rate_percent_cells": "die Werte von „{header}“ sind mit „%“ geschrieben: ein Anteil, kein Geldbetrag",
        "evidence.margin_rate_fractions": "alle Werte von „{header}“ liegen neben einem Umsatz zwischen 0 und 1: als Anteil gelesen (0,25 = 25 %), kein Geldbetrag",
        "evidence.margin_rate_whole_percent": "„{header}“ enthält nur wenige ganze Zahlen bis 100, während der Umsatz streut: als Prozent gelesen (25 = 25 %), kein Geldbetrag; ist es ein Betrag, bitte auf der Datenseite angeben",
        "evidence.tenure_from_signup": "Kundendauer gezählt ab „{header}“ bis zum Abgangsdatum oder bis zum jüngsten Datum der Tabelle",
        "evidence.coordinate": "eine Kartenkoordinate: kein Merkmal einer Person",
        "evidence.postal_code": "eine Postleitzahl: eine Nummer, keine Menge",
        "evidence.phone_number": "eine Telefonnummer",
        "evidence.model_score": "der Wert eines Modells (verrät das Ergebnis)",
        "evidence.precomputed_value": "ein anderswo berechneter Wert (etwa ein CLV): weder Merkmal noch Umsatz",
        "evidence.churn_outcome": "seine Werte zeigen, wer abgewandert ist: das Ergebnis, kein Merkmal",
        "evidence.numeric_code": "ein als Zahl geschriebener Schlüssel: sein Mittelwert sagt nichts",
        "evidence.revenue_duplicate": "der Umsatz in anderer Einheit (ein festes Vielfaches davon): der Umsatz zählte doppelt",
        "evidence.last_purchase_amount": "„{header}“ ist der Betrag eines einzelnen Kaufs (des letzten Deals oder Auftrags), kein Umsatz eines Zeitraums",
        "evidence.revenue_other_period": "Umsatz eines anderen Zeitraums als der Umsatz (laufendes Jahr, Vorjahr, pro Monat): der Umsatz zählte doppelt",
        "evidence.tool_score": "eine Bewertung, die ein CRM-, Vertriebs- oder Newsletter-Tool dem Kontakt gibt (Lead-Score, Engagement-Sterne, Hot/Warm/Cold): weder ein Merkmal des Kunden noch seine Zufriedenheit",
        "evidence.internal_owner": "wer den Kunden im Unternehmen betreut (Account Owner, Vertreter): kein Merkmal des Kunden",
        "evidence.time_offset": "Stunden Abstand einer Zeitzone zu UTC: weder Merkmal noch Menge",
        "evidence.part_of_total": "ergibt mit einer anderen Spalte in fast jeder Zeile eine dritte (Einmalkäufe + Ratenkäufe = Käufe): neben dieser Summe zählte derselbe Betrag doppelt; verwendet wird die Summe",
        "evidence.campaign": "betrifft eine Marketingkampagne (Anrufe dieser oder einer früheren Kampagne, ihr Tag, ihre Dauer und ihr Kanal, angenommene Angebote): wie das Unternehmen den Kunden erreicht hat, kein Merkmal",
        "evidence.outcome_label": "die Ja/Nein-Antwort, für die die Tabelle erhoben wurde (Reaktion auf eine Kampagne, Zielgröße „y“): Personas darauf sortierten die Kunden nach der Antwort; auch keine Abwanderung",
        "evidence.market_indicator": "ein Konjunkturindikator (Zinssatz, Preis- oder Vertrauensindex, Beschäftigung): für alle zur selben Zeit Kontaktierten gleich, kein Merkmal des Kunden",
        "evidence.survey_weight": "eine Gewichtung der Umfrage, kein Merkmal",
        "evidence.birth_year": "ein Geburtsjahr: stattdessen wird das Alter verwendet",
        "evidence.birth_date": "ein Geburtsdatum: stattdessen wird das Alter verwendet",
        "evidence.near_constant": "(fast) in jeder Zeile derselbe Wert",
        "evidence.row_number": "fortlaufende Zeilennummern",
        "evidence.identifier": "in jeder Zeile ein anderer Wert: eine Kennung",
        "evidence.date_text": "Daten: ein Tag in der Geschichte des Kunden, kein Merkmal",
        "evidence.free_text": "langer oder einmaliger Text",
        "evidence.personal_data": "ein Name, eine E-Mail oder eine Adresse: persönliche Daten, kein Merkmal",
        "evidence.age_from_birth_year": "Alter = dieses Jahr − Geburtsjahr („{header}“)",
        "evidence.age_from_birth_date": "Alter aus dem Geburtsdatum („{header}“)",
        "evidence.age_from_birth_year_at": "Alter = {year} − Geburtsjahr („{header}“): {year} ist das Jahr des "
        "jüngsten Anmelde- oder Kündigungsdatums der Kundentabelle ({reference}), des Stichtags der Daten wie "
        "bei der Abwanderung, nicht heute",
        "evidence.age_from_birth_date_at": "Alter am {reference}, dem jüngsten Anmelde- oder Kündigungsdatum der "
        "Kundentabelle (Stichtag der Daten wie bei der Abwanderung, nicht heute), aus dem Geburtsdatum („{header}“)",
        "evidence.renamed_reserved": "umbenannt aus „{original}“ (diesen Namen verwendet die Analyse selbst)",
        "assumption.title": "Annahmen",
        "persona.note.excluded": "Nicht für die Personas verwendet: {columns}.",
        # --- Personas für Führungskräfte (Issue 16): klare Worte, nebeneinander, Steckbrief, Drill-down ---
        "persona.note.excluded_item": "{column} ({kind})",
        "persona.words": "{en} / {de}",  # never shown: Words.text picks one language
        "persona.comparison.measure": "Kennzahl",
        "persona.members.customer_id": "Kundennummer",
        "persona.members.comment": "Letzter Kommentar",
        "persona.members.comment_date": "Datum des Kommentars",
        "persona.card_file.size": "{size} Kunden · {share} aller Kunden",
        "persona.card_file.made": "Customer Centricity Dashboard · erstellt am {date}",
        "persona.card_file.quote": "In ihren Worten",
        "ui.personas.found": "{k} Personas in den Daten gefunden.",
        "ui.personas.solid": "Die Personas sind **belastbar**: Sie ergeben sich genauso, wenn die Kunden neu "
        "gezogen werden.",
        "ui.personas.shaky": "Die Personas sind **wackelig**: Mit etwas anderen Kunden ergeben sie sich "
        "anders.",
        "ui.personas.stability_help": "Stabilität {stability}: wie gut Neuberechnungen auf neu gezogenen "
        "Kunden mit diesen Personas übereinstimmen (bereinigter Rand-Index; 1 = jedes Mal identisch, 0 = "
        "nicht besser als Zufall). Ab {threshold} nennen wir sie belastbar.",
        "ui.personas.stability_unknown": "Wie stabil die Personas sind, wurde nicht gemessen.",
        "ui.personas.shaky_warning": "Diese Personas mit Vorsicht verwenden: Ihre Stabilität ist "
        "{stability}, unter {threshold}. Eine Persona kann sich teilen oder mit einer anderen verschmelzen, "
        "wenn sich wenige Kunden ändern. Weniger Personas oder andere Merkmale versuchen.",
        "ui.personas.separation_help": "Die Grafik zeigt, wie klar jede Anzahl Personas die Kunden trennt "
        "(Silhouettenwert, von −1 bis 1; über 0,25 gibt es eine gewisse Struktur, über 0,5 eine klare). "
        "Gewählte Anzahl: {k}, Wert {score}.",
        "ui.personas.map_caption": "Kunden, die sich ähneln, stehen beieinander: Die Lage eines Punktes "
        "fasst alle verwendeten Merkmale zusammen; die Achsen haben keine eigene Einheit.",
        "ui.personas.side_by_side": "Zwei Personas nebeneinander",
        "ui.personas.pick_two": "Zwei Personas wählen",
        "ui.personas.pick_two_hint": "Zwei Personas wählen, um sie nebeneinander zu sehen.",
        "ui.personas.card_download": "Steckbrief von {name} (PDF)",
        "ui.personas.drill": "Die Kunden hinter einer Persona",
        "ui.personas.drill_pick": "Persona",
        "ui.personas.drill_caption": "{count} Kunden von {name} in der aktuellen Ansicht, mit ihrem letzten "
        "Kommentar.",
        "ui.personas.drill_empty": "Kein Kunde von {name} in der aktuellen Ansicht.",
        "ui.personas.drill_download": "Diese Kunden herunterladen (CSV)",
        "ui.personas.comparison_table": "Die Zahlen hinter dem Vergleich",
        "ui.personas.yes": "ja",
        "ui.personas.no": "nein",
    },
}

# --- survey understanding: scales, non-answer codes, the NPS source, evidence (cxlib.scales) ---
_SURVEY_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "rule.nonanswer_codes": "{rows} answers in {items} questions are non-answer codes ({codes}: blank, "
        "not applicable, never used) and are not counted as ratings.",
        "survey.note.row_numbers_as_ids": "The survey has no response or customer ID: its row numbers are "
        "used as response IDs. NPS and journey work; answers cannot be linked to customers.",
        "survey.note.response_numbers": "“{column}” counts 1, 2, 3 … down the rows: it numbers the responses "
        "and is read as the response ID, not as a customer number (answers are not linked to customers by "
        "it). If it does hold customer numbers, map it as the customer ID on the Data page.",
        "evidence.response_numbers": "counts up by one from {first} down the rows under a plain “ID” header: "
        "the form's response numbers",
        "survey.note.recommend_flag": "“{column}” is a yes/no answer (0/1), not a 0–10 recommendation "
        "score: it is shown as the share who would recommend, not as NPS.",
        "survey.note.recommend_rating": "“{column}” is on a {low}–{high} scale, not 0–10: its mean is shown "
        "on its own scale; no NPS is computed from it.",
        "survey.note.higher_worse": "Left out of the journey because a higher score means worse "
        "(e.g. difficulty, waiting, problems): {columns}.",
        "survey.note.bipolar": "Left out of the journey because the answers run from “too little” to "
        "“too much” rather than from bad to good: {columns}.",
        "kpi.note.recommend_flag": "No NPS: the recommendation question “{column}” is a yes/no answer, not "
        "a 0–10 score. {share} would recommend (n = {n}).",
        "kpi.note.recommend_rating": "No NPS: the recommendation question “{column}” is on a {low}–{high} "
        "scale, not 0–10. Its mean is {mean} on {low}–{high} (n = {n}).",
        "evidence.shared_scale": "one scale shared by {items} questions of the questionnaire",
        "evidence.integer_range": "whole-number answers on a {low}–{high} scale",
        "evidence.header_scale": "the header states the scale {low}–{high}; answers on it are never read as codes",
        "evidence.zero_below_scale": "0 below the scale is read as “not rated / blank” ({count} answers in "
        "these questions)",
        "evidence.top_code": "{value} above the scale is read as “never used / not applicable” "
        "({count} answers)",
        "evidence.code_above_scale": "{codes} above the scale is read as “blank”",
        "evidence.far_codes": "{codes} read as “don't know / refused”",
        "evidence.values_beyond_scales": "{share:.0%} of the values lie below 0 or above 10: figures, not answers on a rating scale",
        "evidence.nonanswer_words": "non-answer words excluded: {words}",
        "evidence.likert_words": "answers on a {scale} read as points {low}–{high} ({words})",
        "evidence.likert_no_midpoint": "no middle answer (“neither … nor”) was given: read as a scale without "
        "one ({points} points)",
        "evidence.likert_assumed": "the answers also fit another {points}-point scale ({other}); the more "
        "common one was assumed",
        "evidence.ordinal_words": "a {scale} says how often, how important or how likely, not how satisfied: "
        "ordered points, not in the journey",
        "likert.scale.satisfaction": "satisfaction scale",
        "likert.scale.agreement": "agreement scale",
        "likert.scale.quality": "quality scale",
        "likert.scale.likelihood": "likelihood scale",
        "likert.scale.importance": "importance scale",
        "likert.scale.frequency": "frequency scale",
        "survey.note.other_comments": "The voices read the comments in “{comment}”; other columns with "
        "customers' text are not read: {columns} (choose the comment column on the Data page).",
        "survey.note.employee_survey": "This looks like an employee survey or HR table, not a customer "
        "survey (columns {columns}): its ratings are employees' answers about their work, so they give no "
        "touchpoints, customer satisfaction or NPS. Upload the customer survey, or map the columns on the "
        "Data page if they really are customers' answers.",
        "survey.note.ordinal": "Read as ordered points but left out of the journey, because they ask how "
        "often, how important or how likely, not how satisfied: {columns}.",
        "link.note.ids_by_email": "{matched} of {total} rows name their customer by e-mail address: they were "
        "linked to the customers with that address in “{column}” of the customer table (compared trimmed and "
        "in lower case); {unmatched} rows have an address that is not in the customer table.",
        "link.note.ids_of_records": "{matched} of {total} customer IDs here are record numbers of the customer "
        "table (one per contract or order), not its customers: each was linked to the customer its record "
        "belongs to (“{column}”).",
        "survey.note.unlabelled_0_10": "Answered on 0–10, but the header is only a question code: "
        "{columns}. If one is the recommendation question (“How likely are you to recommend us …”), "
        "map it as “Recommendation (0–10)” on the Data page (command line: --role survey.recommend=COLUMN) "
        "to get the NPS; the app does not guess it.",
        "link.note.ids_respelled": "{matched} of {total} customer IDs here are written differently from "
        "the customer table (e.g. {example}) and were matched {how}.",
        "link.how.canonical": "ignoring case, spaces and separators",
        "link.how.digits": "by their digits (letters and leading zeros ignored)",
        "survey.note.unweighted": "The survey carries weights ({columns}); the figures count every answer "
        "once (unweighted), so a published weighted NPS may differ.",
        "survey.note.answers_of_set_aside_rows": "{rows} answers stand in rows the customer table set "
        "aside (leads, other contacts, repeated IDs, totals rows): they are no customers' answers and are not "
        "counted.",
        "survey.note.answers_in_customer_table": "No survey was loaded: the answers are the customer "
        "table's own columns {columns} ({file}), one per customer: {answered} rows with an answer, "
        "{unanswered} rows without any (not counted as answers). Upload a survey to use it instead.",
        "evidence.nps_group_words": "NPS groups as words (promoters {promoter}, passives {passive}, "
        "detractors {detractor})",
        "evidence.binary_values": "only the answers 0 and 1",
        "evidence.header_word": "header word “{word}”",
        "evidence.bipolar_words": "answers from “too little” to “too much”: not a satisfaction scale",
        "evidence.too_few_points": "uses only {points} answer values: coded answers, not a rating",
        "evidence.no_rating_scale": "small whole numbers that fit no rating scale",
        "evidence.few_answers": "too few answers to tell the scale: read from the answers given",
        "evidence.answers_beyond_short_scales": "answers up to {high}: more than a short 1–5 or 1–7 scale, read as 0–10",
        "evidence.long_unique_text": "free text (on average {mean_length} characters, {unique_share} unique)",
        "evidence.not_a_rating_word": "header word “{word}”: a coded fact, not a rating",
        "evidence.outcome_word": "header word “{word}”: an outcome, not a touchpoint",
        "evidence.count_values": "whole numbers with 0 most frequent ({share}) and ever fewer of the higher ones: counts such as votes, not a rating scale",
        "evidence.satisfied_flag": "0 and 1 under a satisfaction header: 1 read as satisfied, the share "
        "satisfied",
        "evidence.satisfied_words": "two answers, “{yes}” read as 1 and “{no}” as 0: the share satisfied",
        "evidence.company_reply": "header word “{word}”: the company's reply to a review, not a customer comment",
        "evidence.higher_is_worse_word": "header word “{word}”: a higher score means worse",
        "evidence.personal_field": "header word “{word}”: a contact field of the form (personal data), not "
        "a comment",
        "evidence.ordinal_header": "header word “{word}”: it asks how important or how often, not how "
        "satisfied: ordered points, not in the journey",
        "evidence.employee_survey": "a staff file (columns {columns}): an employee's answer, not a customer's",
        "evidence.not_in_battery": "a single coded question outside the rating batteries",
        "evidence.row_numbers_as_ids": "no ID column: row numbers used as response IDs",
        "evidence.recommend_not_nps": "recommendation on {low}–{high}, not 0–10: no NPS",
        "evidence.code_after_gap": "{codes} stands apart from the answers up to {high} and is read as "
        "“don't know / no answer”",
        "evidence.value_labels": "the header lists answer codes ({labels}): coded answers, not a rating",
        "evidence.labelled_numbers": "answers written as numbers with labels ({example}) read as the numbers",
        "evidence.end_labels": "a numbered scale labelled only at its ends: the end words read as its "
        "first and last points ({labels})",
        "evidence.nps_group_codes": "header names the NPS group: coded answers, not the 0–10 question",
        "evidence.nps_group_sibling": "“{column}” is its NPS group: the 0–10 recommendation question",
        "evidence.label_names_recommendation": "the workbook's codebook sheet gives this 0–10 item the "
        "question “{label}”: read as the NPS question (promoters 9–10, detractors 0–6)",
        "evidence.nps_from_plain_score": "the only 0–10 answers, under the plain header “{column}” and no "
        "recommendation question: read as the NPS question (promoters 9–10, detractors 0–6)",
        "evidence.response_date_of_purchase": "the answers are dated by “{header}”, the date of the purchase "
        "or order, not of the answer: trends over time show when customers bought, which may be long before "
        "they answered",
        "evidence.nps_from_1_to_10": "recommendation answers from 1 to 10 (no 0): read as the 0–10 NPS "
        "question (promoters 9–10, detractors 1–6)",
        "evidence.nps_unreadable_answers": "{count} recommendation answers are no number from 0 to 10 and "
        "are left out of the NPS; if they stand for scale points (e.g. the top or bottom answer written "
        "as words), the NPS is biased",
        "evidence.touchpoint_satisfaction": "header word “{word}” with a touchpoint: satisfaction with that "
        "touchpoint, not overall satisfaction",
        "evidence.reversed_scale": "{best} is the best answer and {worst} the worst (“{word}”): turned around "
        "so that a higher score means better",
        "survey.note.reversed_scale": "Answers where 1 is the best (school grades, “1 = very good”) were turned "
        "around so that a higher score means better, as in the other questions: {columns}.",
    },
    "de": {
        "rule.nonanswer_codes": "{rows} Antworten in {items} Fragen sind Codes für „keine Antwort“ ({codes}: "
        "leer, nicht zutreffend, nicht genutzt) und zählen nicht als Bewertung.",
        "survey.note.row_numbers_as_ids": "Die Umfrage hat keine Antwort- oder Kunden-ID: Ihre Zeilennummern "
        "dienen als Antwort-ID. NPS und Customer Journey funktionieren; die Antworten lassen sich keinen "
        "Kunden zuordnen.",
        "survey.note.response_numbers": "„{column}“ zählt die Zeilen hinunter 1, 2, 3 …: Die Spalte nummeriert "
        "die Antworten und gilt als Antwort-ID, nicht als Kundennummer (die Antworten werden darüber keinen "
        "Kunden zugeordnet). Enthält sie doch Kundennummern, ordnen Sie sie auf der Seite Daten als Kunden-ID zu.",
        "evidence.response_numbers": "zählt unter einer schlichten Überschrift „ID“ ab {first} zeilenweise um "
        "eins hoch: die Antwortnummern des Formulars",
        "survey.note.recommend_flag": "„{column}“ ist eine Ja/Nein-Antwort (0/1), kein Weiterempfehlungswert "
        "von 0–10: Gezeigt wird der Anteil, der weiterempfehlen würde, kein NPS.",
        "survey.note.recommend_rating": "„{column}“ liegt auf einer Skala von {low}–{high}, nicht 0–10: "
        "Gezeigt wird der Mittelwert auf dieser Skala; ein NPS wird daraus nicht berechnet.",
        "survey.note.higher_worse": "Nicht in der Customer Journey, weil ein höherer Wert schlechter ist "
        "(z. B. Aufwand, Wartezeit, Probleme): {columns}.",
        "survey.note.bipolar": "Nicht in der Customer Journey, weil die Antworten von „zu wenig“ bis „zu viel“ "
        "reichen statt von schlecht bis gut: {columns}.",
        "kpi.note.recommend_flag": "Kein NPS: Die Weiterempfehlungsfrage „{column}“ ist eine Ja/Nein-Antwort, "
        "kein Wert von 0–10. {share} würden weiterempfehlen (n = {n}).",
        "kpi.note.recommend_rating": "Kein NPS: Die Weiterempfehlungsfrage „{column}“ liegt auf einer Skala "
        "von {low}–{high}, nicht 0–10. Ihr Mittelwert ist {mean} auf {low}–{high} (n = {n}).",
        "evidence.shared_scale": "eine gemeinsame Skala für {items} Fragen des Fragebogens",
        "evidence.integer_range": "ganzzahlige Antworten auf einer Skala von {low}–{high}",
        "evidence.header_scale": "die Überschrift nennt die Skala {low}–{high}; Antworten darauf gelten nie als Codes",
        "evidence.zero_below_scale": "0 unterhalb der Skala gilt als „nicht bewertet / leer“ ({count} Antworten "
        "in diesen Fragen)",
        "evidence.top_code": "{value} oberhalb der Skala gilt als „nicht genutzt / nicht zutreffend“ "
        "({count} Antworten)",
        "evidence.code_above_scale": "{codes} oberhalb der Skala gilt als „leer“",
        "evidence.far_codes": "{codes} gilt als „weiß nicht / keine Angabe“",
        "evidence.values_beyond_scales": "{share:.0%} der Werte liegen unter 0 oder über 10: Kennzahlen, keine Antworten auf einer Bewertungsskala",
        "evidence.nonanswer_words": "Wörter für „keine Antwort“ ausgeschlossen: {words}",
        "evidence.likert_words": "Antworten einer {scale} als Punkte {low}–{high} gelesen ({words})",
        "evidence.likert_no_midpoint": "keine mittlere Antwort („weder … noch“) gegeben: als Skala ohne Mitte "
        "gelesen ({points} Punkte)",
        "evidence.likert_assumed": "die Antworten passen auch zu einer anderen Skala mit {points} Punkten "
        "({other}); die gebräuchlichere wurde angenommen",
        "evidence.ordinal_words": "eine {scale} sagt, wie oft, wie wichtig oder wie wahrscheinlich, nicht wie "
        "zufrieden: geordnete Punkte, nicht in der Customer Journey",
        "likert.scale.satisfaction": "Zufriedenheitsskala",
        "likert.scale.agreement": "Zustimmungsskala",
        "likert.scale.quality": "Qualitätsskala",
        "likert.scale.likelihood": "Wahrscheinlichkeitsskala",
        "likert.scale.importance": "Wichtigkeitsskala",
        "likert.scale.frequency": "Häufigkeitsskala",
        "survey.note.other_comments": "Die Kundenstimmen lesen die Kommentare in „{comment}“; weitere Spalten "
        "mit Kundentext werden nicht gelesen: {columns} (Kommentarspalte auf der Seite Daten wählen).",
        "survey.note.employee_survey": "Das sieht nach einer Mitarbeiterbefragung oder Personaltabelle aus, "
        "nicht nach einer Kundenbefragung (Spalten {columns}): ihre Bewertungen sind Antworten von "
        "Mitarbeitenden über ihre Arbeit und ergeben keine Kontaktpunkte, keine Kundenzufriedenheit und "
        "keinen NPS. Laden Sie die Kundenbefragung hoch oder ordnen Sie die Spalten auf der Seite Daten zu, "
        "wenn es doch Antworten von Kunden sind.",
        "survey.note.ordinal": "Als geordnete Punkte gelesen, aber nicht in der Customer Journey, weil sie "
        "fragen, wie oft, wie wichtig oder wie wahrscheinlich, nicht wie zufrieden: {columns}.",
        "link.note.ids_by_email": "{matched} von {total} Zeilen nennen ihren Kunden per E-Mail-Adresse: Sie "
        "wurden den Kunden mit dieser Adresse in „{column}“ der Kundentabelle zugeordnet (ohne Leerzeichen "
        "und in Kleinbuchstaben verglichen); {unmatched} Zeilen haben eine Adresse, die in der Kundentabelle "
        "fehlt.",
        "link.note.ids_of_records": "{matched} von {total} Kunden-IDs sind hier Satznummern der Kundentabelle "
        "(eine je Vertrag oder Bestellung), nicht ihre Kunden: jede wurde dem Kunden zugeordnet, zu dem ihr "
        "Satz gehört („{column}“).",
        "survey.note.unlabelled_0_10": "Auf 0–10 beantwortet, aber die Überschrift ist nur ein Fragecode: "
        "{columns}. Ist eine davon die Weiterempfehlungsfrage („Wie wahrscheinlich ist es, dass Sie uns "
        "weiterempfehlen …“), ordnen Sie sie auf der Seite Daten der Rolle „Weiterempfehlung (0–10)“ zu "
        "(Kommandozeile: --role survey.recommend=SPALTE), dann wird der NPS berechnet; die App rät ihn nicht.",
        "link.note.ids_respelled": "{matched} von {total} Kunden-IDs sind hier anders geschrieben als in "
        "der Kundentabelle (z. B. {example}) und wurden zugeordnet, {how}.",
        "link.how.canonical": "ohne Groß-/Kleinschreibung, Leerzeichen und Trennzeichen zu beachten",
        "link.how.digits": "nach ihren Ziffern (Buchstaben und führende Nullen nicht beachtet)",
        "survey.note.unweighted": "Die Umfrage enthält Gewichte ({columns}); die Kennzahlen zählen jede "
        "Antwort einmal (ungewichtet), ein veröffentlichter gewichteter NPS kann daher abweichen.",
        "survey.note.answers_of_set_aside_rows": "{rows} Antworten stehen in Zeilen, die die Kundentabelle "
        "beiseitegelegt hat (Leads, sonstige Kontakte, doppelte IDs, Summenzeilen): es sind keine Antworten "
        "von Kunden, sie zählen nicht.",
        "survey.note.answers_in_customer_table": "Keine Umfrage geladen: Die Antworten sind die Spalten "
        "{columns} der Kundentabelle ({file}), eine pro Kunde: {answered} Zeilen mit Antwort, {unanswered} "
        "Zeilen ohne (zählen nicht als Antworten). Laden Sie eine Umfrage hoch, um diese zu verwenden.",
        "evidence.nps_group_words": "NPS-Gruppen als Wörter (Promotoren {promoter}, Passive {passive}, "
        "Detraktoren {detractor})",
        "evidence.binary_values": "nur die Antworten 0 und 1",
        "evidence.header_word": "Wort „{word}“ in der Überschrift",
        "evidence.bipolar_words": "Antworten von „zu wenig“ bis „zu viel“: keine Zufriedenheitsskala",
        "evidence.too_few_points": "nur {points} verschiedene Antworten: codierte Angaben, keine Bewertung",
        "evidence.no_rating_scale": "kleine ganze Zahlen, die zu keiner Bewertungsskala passen",
        "evidence.few_answers": "zu wenige Antworten, um die Skala zu erkennen: aus den Antworten gelesen",
        "evidence.answers_beyond_short_scales": "Antworten bis {high}: mehr als eine kurze 1–5- oder 1–7-Skala, als 0–10 gelesen",
        "evidence.long_unique_text": "Freitext (im Mittel {mean_length} Zeichen, {unique_share} verschieden)",
        "evidence.not_a_rating_word": "Wort „{word}“ in der Überschrift: ein codiertes Merkmal, keine Bewertung",
        "evidence.outcome_word": "Wort „{word}“ in der Überschrift: ein Ergebnis, kein Touchpoint",
        "evidence.count_values": "ganze Zahlen, 0 am häufigsten ({share}) und höhere immer seltener: Anzahlen wie Stimmen, keine Bewertungsskala",
        "evidence.satisfied_flag": "0 und 1 unter einer Zufriedenheits-Überschrift: 1 als zufrieden gelesen, "
        "der Anteil Zufriedener",
        "evidence.satisfied_words": "zwei Antworten, „{yes}“ als 1 und „{no}“ als 0 gelesen: der Anteil Zufriedener",
        "evidence.company_reply": "Wort „{word}“ in der Überschrift: die Antwort des Unternehmens auf eine Bewertung, kein Kundenkommentar",
        "evidence.higher_is_worse_word": "Wort „{word}“ in der Überschrift: ein höherer Wert ist schlechter",
        "evidence.personal_field": "Wort „{word}“ in der Überschrift: ein Kontaktfeld des Formulars "
        "(personenbezogene Daten), kein Kommentar",
        "evidence.ordinal_header": "Wort „{word}“ in der Überschrift: gefragt ist, wie wichtig oder wie oft, "
        "nicht wie zufrieden: geordnete Punkte, nicht in der Customer Journey",
        "evidence.employee_survey": "eine Personaldatei (Spalten {columns}): Antwort von Mitarbeitenden, nicht "
        "von Kunden",
        "evidence.not_in_battery": "eine einzelne codierte Frage außerhalb der Bewertungsblöcke",
        "evidence.row_numbers_as_ids": "keine ID-Spalte: Zeilennummern als Antwort-ID",
        "evidence.recommend_not_nps": "Weiterempfehlung auf {low}–{high}, nicht 0–10: kein NPS",
        "evidence.code_after_gap": "{codes} liegt abseits der Antworten bis {high} und gilt als "
        "„weiß nicht / keine Angabe“",
        "evidence.value_labels": "die Überschrift nennt Antwortcodes ({labels}): codierte Angaben, keine "
        "Bewertung",
        "evidence.labelled_numbers": "Antworten als Zahl mit Beschriftung ({example}) als Zahl gelesen",
        "evidence.end_labels": "nummerierte Skala, nur an den Enden beschriftet: die Endwörter als erster und "
        "letzter Punkt gelesen ({labels})",
        "evidence.nps_group_codes": "Überschrift nennt die NPS-Gruppe: codierte Antworten, nicht die Frage von 0–10",
        "evidence.nps_group_sibling": "„{column}“ ist ihre NPS-Gruppe: die Weiterempfehlungsfrage von 0–10",
        "evidence.label_names_recommendation": "das Codebuch-Blatt der Arbeitsmappe nennt für diese Frage "
        "von 0–10 den Text „{label}“: als NPS-Frage gelesen (Promotoren 9–10, Kritiker 0–6)",
        "evidence.nps_from_plain_score": "die einzigen Antworten von 0–10, unter der schlichten Überschrift "
        "„{column}“ und ohne Weiterempfehlungsfrage: als NPS-Frage gelesen (Promotoren 9–10, Kritiker 0–6)",
        "evidence.response_date_of_purchase": "die Antworten sind nach „{header}“ datiert, dem Datum des Kaufs "
        "oder der Bestellung, nicht der Antwort: Verläufe zeigen, wann Kunden gekauft haben, was lange vor "
        "ihrer Antwort sein kann",
        "evidence.nps_from_1_to_10": "Weiterempfehlung von 1 bis 10 (keine 0): als NPS-Frage von 0–10 "
        "gelesen (Promotoren 9–10, Kritiker 1–6)",
        "evidence.nps_unreadable_answers": "{count} Antworten zur Weiterempfehlung sind keine Zahl von 0 bis "
        "10 und zählen nicht zum NPS; stehen sie für Skalenpunkte (z. B. das obere oder untere Ende in "
        "Worten), ist der NPS verzerrt",
        "evidence.touchpoint_satisfaction": "Wort „{word}“ mit einem Touchpoint: Zufriedenheit mit diesem "
        "Touchpoint, nicht die Gesamtzufriedenheit",
        "evidence.reversed_scale": "{best} ist die beste und {worst} die schlechteste Antwort („{word}“): "
        "umgedreht, damit ein höherer Wert besser ist",
        "survey.note.reversed_scale": "Antworten, bei denen 1 das Beste ist (Schulnoten, „1 = sehr gut“), "
        "wurden umgedreht, damit wie bei den anderen Fragen ein höherer Wert besser ist: {columns}.",
    },
}
for _lang, _texts in _SURVEY_STRINGS.items():
    STRINGS[_lang].update(_texts)


def t(key: str, lang: str = "en", /, **params: Any) -> str:
    """Look up ``key`` in ``lang`` and fill in ``params``.

    Falls back to English, then to the key itself, so a missing entry never crashes a page
    (the completeness test in ``tests/test_i18n.py`` keeps both languages in step).

    Examples
    --------
    >>> t("error.empty_file", "de", file="a.csv")
    'Die Datei „a.csv“ ist leer.'
    >>> t("no.such.key", "en")
    'no.such.key'
    """
    table = STRINGS.get(lang, STRINGS["en"])
    template = table.get(key, STRINGS["en"].get(key, key))
    return template.format(**params) if params else template


def format_number(
    value: float | int | None, lang: str = "en", *, decimals: int = 0, signed: bool = False
) -> str:
    """Format a number with the reader's separators (German: ``1.234,5``; English: ``1,234.5``).

    Examples
    --------
    >>> format_number(1234.5, "de", decimals=1)
    '1.234,5'
    >>> format_number(1234.5, "en", decimals=1)
    '1,234.5'
    >>> format_number(7, "en", signed=True)
    '+7'
    >>> format_number(None, "de")
    '–'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:{'+' if signed else ''},.{decimals}f}"
    if lang == "de":
        text = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    return text.replace("-", "−")


def format_percent(share: float | None, lang: str = "en", *, decimals: int = 1) -> str:
    """Format a share (0.123) as a percentage ("12.3%" / "12,3 %").

    Examples
    --------
    >>> format_percent(0.1234, "de")
    '12,3 %'
    >>> format_percent(0.1234, "en")
    '12.3%'
    """
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    number = format_number(share * 100, lang, decimals=decimals)
    return f"{number} %" if lang == "de" else f"{number}%"


def format_date(value: date | datetime | None, lang: str = "en") -> str:
    """Format a date as ``22.11.2026`` (German) or ``2026-11-22`` (English, ISO).

    Examples
    --------
    >>> format_date(date(2026, 11, 22), "de")
    '22.11.2026'
    >>> format_date(date(2026, 11, 22), "en")
    '2026-11-22'
    """
    if value is None:
        return "–"
    try:
        if value != value:  # NaT
            return "–"
    except TypeError:
        pass
    return value.strftime("%d.%m.%Y") if lang == "de" else value.strftime("%Y-%m-%d")


# --- Voices of the customer (cxlib.voices, pages/voices.py): kept as one block per language ---
STRINGS["en"].update(
    {
        "nav.voices": "Voices",
        "voices.page.intro": "What customers write, grouped into themes and read for tone; who to call back.",
        "voices.page.no_comment_column": "The survey in use has no comment column. Assign a free-text column "
        "to “Comment” on the Data page.",
        "voices.page.no_comments": "No comments in the data (after the filters).",
        "voices.page.too_few": "Too few comments or words to find themes; the comments are listed below.",
        "voices.metric.comments": "Comments",
        "voices.metric.languages": "Languages",
        "voices.metric.sentiment": "Mean tone",
        "voices.metric.sentiment_help": "From −1 (negative) to +1 (positive): the mean polarity of the words in "
        "each comment from a German and an English polarity lexicon, with negation (“nicht gut”, “not bad”). "
        "Comments without a polar word take their rating, rescaled, instead ({from_rating} of {count}).",
        "voices.metric.agreement": "Tone vs rating (Spearman)",
        "voices.metric.agreement_help": "Rank correlation between the tone read from the words and the "
        "customer's own rating, on the {n} comments scored from their words. Above 0.4 the tone is a useful "
        "signal; near 0 it says little.",
        "voices.themes.title": "Themes",
        "voices.themes.help": "Themes found by NMF on the comments' words (TF-IDF); the number of themes ({k}) "
        "was chosen by topic coherence (NPMI). A theme's label is its strongest words.",
        "voices.chart.themes.title": "Themes: how often, and how happy",
        "voices.chart.themes.subtitle": "Share of comments × mean score of their authors; colour = tone",
        "voices.chart.share": "Share of comments",
        "voices.chart.mean_recommend": "Mean recommend (0–10)",
        "voices.chart.mean_satisfaction": "Mean satisfaction",
        "voices.chart.sentiment": "Tone (−1 to +1)",
        "voices.chart.theme": "Theme",
        "voices.chart.comments": "Comments",
        "voices.chart.difference.title": "What detractors mention more than promoters",
        "voices.chart.difference.subtitle": "Share among detractors minus share among promoters "
        "(percentage points); dark = significant (Fisher's exact test, Holm-adjusted, p < 0.05)",
        "voices.chart.difference.x": "Difference in share (detractors − promoters)",
        "voices.chart.significant": "significant",
        "voices.chart.not_significant": "not significant",
        "voices.chart.time.title": "Tone over time",
        "voices.chart.time.subtitle": "Mean tone of the comments per month",
        "voices.chart.month": "Month",
        "voices.detail.title": "Theme in detail",
        "voices.detail.choose": "Theme",
        "voices.detail.terms": "Strongest words",
        "voices.detail.examples": "What customers wrote (verbatim)",
        "voices.detail.stats": "{n} comments ({share}), mean tone {sentiment}",
        "voices.detractors.title": "Detractors vs promoters",
        "voices.detractors.none": "Needs recommend scores (0–10) and at least five detractors and five promoters "
        "who commented.",
        "voices.touchpoints.title": "Themes at the weakest touchpoints",
        "voices.personas.title": "Themes per persona",
        "voices.time.none": "Needs answer dates.",
        "voices.search.title": "Search the comments",
        "voices.search.label": "Word or phrase (not case-sensitive)",
        "voices.search.found": "{count} comments contain “{query}”.",
        "voices.search.shown": "Showing the first {shown}.",
        "voices.follow_up.title": "Follow-up list",
        "voices.follow_up.help": "Detractors, and passives whose comment reads negative, most valuable first "
        "(CLV when known). Call them back, ideally within 48 hours.",
        "voices.follow_up.none": "Needs recommend scores (0–10).",
        "voices.follow_up.empty": "Nobody to call back.",
        "voices.follow_up.download": "Download the follow-up list (Excel)",
        "voices.sheet.follow_up": "Follow-up",
        "voices.group.detractor": "Detractor",
        "voices.group.passive": "Passive",
        "voices.group.promoter": "Promoter",
        "voices.col.customer_id": "Customer",
        "voices.col.response_date": "Date",
        "voices.col.recommend": "Recommend (0–10)",
        "voices.col.group": "Group",
        "voices.col.comment": "Comment",
        "voices.col.theme": "Theme",
        "voices.col.sentiment": "Tone",
        "voices.col.persona": "Persona",
        "voices.col.clv": "CLV",
        "voices.col.label": "Theme",
        "voices.col.detractor_share": "Share among detractors",
        "voices.col.promoter_share": "Share among promoters",
        "voices.col.difference": "Difference",
        "voices.col.p_value": "p (Holm)",
        "voices.col.significant": "Significant",
        "voices.col.touchpoint": "Touchpoint",
        "voices.col.mean": "Mean (all commenters)",
        "voices.col.theme_mean": "Mean (theme's commenters)",
        "voices.col.n": "Ratings",
        "voices.col.comments": "Comments",
        "voices.col.top_theme": "Most frequent theme",
        "voices.col.top_share": "Its share",
        "voices.col.marking_theme": "Most characteristic theme",
        "voices.col.lift": "Lift",
        "voices.note.no_comments": "The survey has a comment column but no comments.",
        "voices.note.unread_languages": "{count} comments are written in a language the app does not read "
        "({languages}): they are counted, but left out of the themes, and their tone comes from their rating "
        "where they have one.",
        "voices.language.fr": "French",
        "voices.language.es": "Spanish",
        "voices.language.it": "Italian",
        "voices.language.nl": "Dutch",
        "voices.language.pt": "Portuguese",
        "voices.note.too_few_for_themes": "Too few comments or words to find themes.",
        "voices.note.no_nps_groups": "Detractor themes and the follow-up list need recommend scores (0–10) "
        "with at least five detractors and five promoters who commented.",
        "voices.note.no_comment_column": "The survey has no comment column, so there are no voices.",
        "persona.card.needs": "Needs",
        "persona.card.worries": "Worries",
    }
)
STRINGS["de"].update(
    {
        "nav.voices": "Stimmen der Kunden",
        "voices.page.intro": "Was Kunden schreiben, in Themen gruppiert und nach Tonlage gelesen; wen man "
        "zurückrufen sollte.",
        "voices.page.no_comment_column": "Die Umfrage enthält keine Kommentarspalte. Ordnen Sie auf der Seite "
        "„Daten“ eine Freitextspalte dem Feld „Kommentar“ zu.",
        "voices.page.no_comments": "Keine Kommentare in den Daten (nach den Filtern).",
        "voices.page.too_few": "Zu wenige Kommentare oder Wörter für Themen; die Kommentare stehen unten.",
        "voices.metric.comments": "Kommentare",
        "voices.metric.languages": "Sprachen",
        "voices.metric.sentiment": "Mittlere Tonlage",
        "voices.metric.sentiment_help": "Von −1 (negativ) bis +1 (positiv): die mittlere Polarität der Wörter "
        "jedes Kommentars aus einem deutschen und einem englischen Polaritätslexikon, mit Verneinung („nicht "
        "gut“, „not bad“). Kommentare ohne wertendes Wort erhalten stattdessen ihre umgerechnete Bewertung "
        "({from_rating} von {count}).",
        "voices.metric.agreement": "Tonlage vs. Bewertung (Spearman)",
        "voices.metric.agreement_help": "Rangkorrelation zwischen der aus den Wörtern gelesenen Tonlage und der "
        "eigenen Bewertung des Kunden, über die {n} aus ihren Wörtern bewerteten Kommentare. Über 0,4 ist die "
        "Tonlage ein brauchbares Signal; nahe 0 sagt sie wenig.",
        "voices.themes.title": "Themen",
        "voices.themes.help": "Themen per NMF aus den Wörtern der Kommentare (TF-IDF); die Zahl der Themen ({k}) "
        "wurde nach Themenkohärenz (NPMI) gewählt. Die Bezeichnung eines Themas sind seine stärksten Wörter.",
        "voices.chart.themes.title": "Themen: wie häufig und wie zufrieden",
        "voices.chart.themes.subtitle": "Anteil der Kommentare × mittlere Bewertung ihrer Verfasser; "
        "Farbe = Tonlage",
        "voices.chart.share": "Anteil der Kommentare",
        "voices.chart.mean_recommend": "Weiterempfehlung (Mittel, 0–10)",
        "voices.chart.mean_satisfaction": "Zufriedenheit (Mittel)",
        "voices.chart.sentiment": "Tonlage (−1 bis +1)",
        "voices.chart.theme": "Thema",
        "voices.chart.comments": "Kommentare",
        "voices.chart.difference.title": "Was Detraktoren häufiger nennen als Promotoren",
        "voices.chart.difference.subtitle": "Anteil bei Detraktoren minus Anteil bei Promotoren "
        "(Prozentpunkte); dunkel = signifikant (exakter Fisher-Test, Holm-korrigiert, p < 0,05)",
        "voices.chart.difference.x": "Unterschied im Anteil (Detraktoren − Promotoren)",
        "voices.chart.significant": "signifikant",
        "voices.chart.not_significant": "nicht signifikant",
        "voices.chart.time.title": "Tonlage im Zeitverlauf",
        "voices.chart.time.subtitle": "Mittlere Tonlage der Kommentare je Monat",
        "voices.chart.month": "Monat",
        "voices.detail.title": "Thema im Detail",
        "voices.detail.choose": "Thema",
        "voices.detail.terms": "Stärkste Wörter",
        "voices.detail.examples": "Was Kunden geschrieben haben (wörtlich)",
        "voices.detail.stats": "{n} Kommentare ({share}), mittlere Tonlage {sentiment}",
        "voices.detractors.title": "Detraktoren vs. Promotoren",
        "voices.detractors.none": "Braucht Weiterempfehlungswerte (0–10) und mindestens fünf Detraktoren und fünf "
        "Promotoren mit Kommentar.",
        "voices.touchpoints.title": "Themen an den schwächsten Berührungspunkten",
        "voices.personas.title": "Themen je Persona",
        "voices.time.none": "Braucht Antwortdaten.",
        "voices.search.title": "In Kommentaren suchen",
        "voices.search.label": "Wort oder Ausdruck (Groß-/Kleinschreibung egal)",
        "voices.search.found": "{count} Kommentare enthalten „{query}“.",
        "voices.search.shown": "Angezeigt werden die ersten {shown}.",
        "voices.follow_up.title": "Rückrufliste",
        "voices.follow_up.help": "Detraktoren und Passive mit negativem Kommentar, die wertvollsten zuerst "
        "(Kundenwert, wo bekannt). Am besten innerhalb von 48 Stunden zurückrufen.",
        "voices.follow_up.none": "Braucht Weiterempfehlungswerte (0–10).",
        "voices.follow_up.empty": "Niemand zurückzurufen.",
        "voices.follow_up.download": "Rückrufliste herunterladen (Excel)",
        "voices.sheet.follow_up": "Rückrufliste",
        "voices.group.detractor": "Detraktor",
        "voices.group.passive": "Passiv",
        "voices.group.promoter": "Promotor",
        "voices.col.customer_id": "Kunde",
        "voices.col.response_date": "Datum",
        "voices.col.recommend": "Weiterempfehlung (0–10)",
        "voices.col.group": "Gruppe",
        "voices.col.comment": "Kommentar",
        "voices.col.theme": "Thema",
        "voices.col.sentiment": "Tonlage",
        "voices.col.persona": "Persona",
        "voices.col.clv": "Kundenwert (CLV)",
        "voices.col.label": "Thema",
        "voices.col.detractor_share": "Anteil bei Detraktoren",
        "voices.col.promoter_share": "Anteil bei Promotoren",
        "voices.col.difference": "Unterschied",
        "voices.col.p_value": "p (Holm)",
        "voices.col.significant": "Signifikant",
        "voices.col.touchpoint": "Berührungspunkt",
        "voices.col.mean": "Mittel (alle mit Kommentar)",
        "voices.col.theme_mean": "Mittel (mit diesem Thema)",
        "voices.col.n": "Bewertungen",
        "voices.col.comments": "Kommentare",
        "voices.col.top_theme": "Häufigstes Thema",
        "voices.col.top_share": "Sein Anteil",
        "voices.col.marking_theme": "Kennzeichnendes Thema",
        "voices.col.lift": "Lift",
        "voices.note.no_comments": "Die Umfrage hat eine Kommentarspalte, aber keine Kommentare.",
        "voices.note.unread_languages": "{count} Kommentare sind in einer Sprache geschrieben, die die App "
        "nicht liest ({languages}): Sie werden gezählt, aber keinem Thema zugeordnet; ihre Stimmung kommt aus "
        "ihrer Bewertung, wo es eine gibt.",
        "voices.language.fr": "Französisch",
        "voices.language.es": "Spanisch",
        "voices.language.it": "Italienisch",
        "voices.language.nl": "Niederländisch",
        "voices.language.pt": "Portugiesisch",
        "voices.note.too_few_for_themes": "Zu wenige Kommentare oder Wörter für Themen.",
        "voices.note.no_nps_groups": "Detraktoren-Themen und die Rückrufliste brauchen Weiterempfehlungswerte "
        "(0–10) mit mindestens fünf Detraktoren und fünf Promotoren mit Kommentar.",
        "voices.note.no_comment_column": "Die Umfrage hat keine Kommentarspalte, daher keine Kundenstimmen.",
        "persona.card.needs": "Bedürfnisse",
        "persona.card.worries": "Sorgen",
    }
)

# --- Streamlit's own widget words, given in the UI language (placeholders of choice widgets) ---
STRINGS["en"].update({"ui.choose_options": "Choose", "ui.choose_option": "Choose one"})
STRINGS["de"].update({"ui.choose_options": "Bitte auswählen", "ui.choose_option": "Bitte eines auswählen"})

# --- Reports (cxlib.report: Excel, PDF, slides): kept as one block per language ---
STRINGS["en"].update(
    {
        "report.area.journey": "Customer journey",
        "report.area.personas": "Persona",
        "report.area.nps": "NPS",
        "report.area.churn": "Churn",
        "report.area.value": "Customer value",
        "report.area.voices": "Voices of the customer",
        "report.area.data": "Data",
        "report.area.other": "Analysis",
        "report.tiles": "At a glance",
        "report.persona_chart": "NPS per persona (share of customers)",
        "report.persona.figures": "Churn {churn} · average CLV {clv}",
        "report.value.title": "Customer value",
        "report.value.purchases": "{purchases} purchases by {customers} customers ({period})",
        "report.value.revenue": "Revenue: {amount}",
        "report.value.clv": "Expected CLV over {months} months: {mean} per customer, {total} in total",
        "report.value.inactive": "Probably inactive: {share} of the buyers",
        "report.value.segments": "Largest RFM segments by revenue: {segments}",
        "report.voices.title": "Voices of the customer",
        "report.voices.comments": "{count} comments",
        "report.voices.themes": "Most frequent themes: {themes}",
        "report.voices.detractors": "Detractors mention “{theme}” more often ({detractors} vs {promoters} of "
        "promoters)",
        "report.voices.follow_up": "{count} customers on the follow-up list",
        "report.sheet.value": "Customer value",
        "report.sheet.voices": "Voices",
        "report.col.clv_in": "Average CLV ({currency})",
        "report.col.amount_in": "Amount ({currency})",
        "report.col.segment": "RFM segment",
        "report.col.revenue_in": "Revenue ({currency})",
        "report.col.theme": "Theme",
        "report.col.comments": "Comments",
        "report.col.share": "Share of comments",
        "report.col.sentiment": "Tone (−1 to +1)",
        "report.col.recommend": "Mean recommend (0–10)",
        "report.value.customers": "Buyers",
        "report.value.repeat": "Repeat buyers",
        "report.value.purchase_count": "Purchases",
        "report.value.first": "First purchase",
        "report.value.last": "Last purchase",
        "report.value.revenue_total": "Revenue",
        "report.value.clv_mean": "Expected CLV per customer ({months} months)",
        "report.value.clv_total": "Expected CLV in total ({months} months)",
        "report.value.inactive_share": "Share probably inactive",
        "report.voices.comment_count": "Comments",
        "report.voices.follow_up_count": "Customers to call back",
        "report.voices.mean_tone": "Mean tone (−1 to +1)",
    }
)

# --- Journey, KPIs, findings and periods (journey owners, date presets, drill-down): one block per language
STRINGS["en"].update(
    {
        "kpi.p.below": "< {p}",
        "kpi.p.equal": "= {p}",
        "kpi.label.nps_period": "NPS ({period})",
        "period.label": "Period",
        "period.preset.all": "All data",
        "period.preset.last_quarter": "Last quarter",
        "period.preset.last_12_months": "Last 12 months",
        "period.preset.year_to_date": "Year to date",
        "period.preset.custom": "Custom",
        "period.comparison": "Compare with",
        "period.comparison.previous": "Previous period",
        "period.comparison.last_year": "Same period last year",
        "period.against.previous": "the period before ({period})",
        "period.against.last_year": "the same period last year ({period})",
        "period.caption": "Tiles and findings: {period}, compared with {against}.",
        "finding.nps_rose_against": "NPS rose {delta} points against {against} ({previous} → {current}), "
        "{verdict}.",
        "finding.nps_fell_against": "NPS fell {delta} points against {against} ({previous} → {current}), "
        "{verdict}.",
        "finding.nps_unchanged_against": "NPS is unchanged against {against} ({current}).",
        "finding.churn_rose_against": "The churn rate rose {delta} percentage points against {against} "
        "({previous} → {current}), {verdict}.",
        "finding.churn_fell_against": "The churn rate fell {delta} percentage points against {against} "
        "({previous} → {current}), {verdict}.",
        "finding.churn_unchanged_against": "The churn rate is unchanged against {against} ({current}).",
        "finding.thin_phase": "The {phase} phase is thin: only {count} touchpoint is measured there.",
        "finding.empty_phase": "The {phase} phase has no touchpoint: customers are not asked about it.",
        "journey.touchpoint_owner": "{touchpoint} — {owner}",
        "finding.plus_minus": "{value} ± {margin}",
        "journey.scale": "{low}–{high}",
        "journey.no_owner": "no owner set",
        "journey.editor.owner": "Owner (department)",
        "journey.col.owner": "Owner",
        "journey.drill.title": "Who rated a touchpoint lowest",
        "journey.drill.help": "The respondents in the current selection who rated the chosen touchpoint "
        "lowest, with their comments.",
        "journey.drill.choose": "Touchpoint",
        "journey.drill.none": "No ratings for this touchpoint in the current selection.",
        "journey.drill.shown": "{n} of {total} ratings, lowest first.",
        "journey.drill.download": "Download as CSV",
        "journey.drill.file": "lowest_ratings.csv",
        "journey.drill.col.respondent": "Respondent",
        "journey.drill.col.customer": "Customer",
        "journey.drill.col.date": "Date",
        "journey.drill.col.rating": "Rating (own scale)",
        "journey.drill.col.score": "Satisfaction (0–100)",
        "journey.drill.col.comment": "Comment",
    }
)
# --- language-neutral loading and validation (issue 15; cxlib.validation, pages/data.py) ---
STRINGS["en"].update(
    {
        "role.days_since_last": "days since last purchase",  # lower case: read inside a trait ("high …")
    }
)
STRINGS["de"].update(
    {
        "report.area.journey": "Kundenreise",
        "report.area.personas": "Persona",
        "report.area.nps": "NPS",
        "report.area.churn": "Abwanderung",
        "report.area.value": "Kundenwert",
        "report.area.voices": "Kundenstimmen",
        "report.area.data": "Daten",
        "report.area.other": "Analyse",
        "report.tiles": "Auf einen Blick",
        "report.persona_chart": "NPS je Persona (Anteil der Kunden)",
        "report.persona.figures": "Abwanderung {churn} · Ø Kundenertragswert {clv}",
        "report.value.title": "Kundenwert",
        "report.value.purchases": "{purchases} Käufe von {customers} Kunden ({period})",
        "report.value.revenue": "Umsatz: {amount}",
        "report.value.clv": "Erwarteter Kundenertragswert über {months} Monate: {mean} je Kunde, {total} "
        "insgesamt",
        "report.value.inactive": "Vermutlich inaktiv: {share} der Käufer",
        "report.value.segments": "Größte RFM-Segmente nach Umsatz: {segments}",
        "report.voices.title": "Kundenstimmen",
        "report.voices.comments": "{count} Kommentare",
        "report.voices.themes": "Häufigste Themen: {themes}",
        "report.voices.detractors": "Detraktoren nennen „{theme}“ öfter ({detractors} ggü. {promoters} der "
        "Promotoren)",
        "report.voices.follow_up": "{count} Kunden auf der Rückrufliste",
        "report.sheet.value": "Kundenwert",
        "report.sheet.voices": "Kundenstimmen",
        "report.col.clv_in": "Ø Kundenertragswert ({currency})",
        "report.col.amount_in": "Betrag ({currency})",
        "report.col.segment": "RFM-Segment",
        "report.col.revenue_in": "Umsatz ({currency})",
        "report.col.theme": "Thema",
        "report.col.comments": "Kommentare",
        "report.col.share": "Anteil der Kommentare",
        "report.col.sentiment": "Tonlage (−1 bis +1)",
        "report.col.recommend": "Ø Weiterempfehlung (0–10)",
        "report.value.customers": "Käufer",
        "report.value.repeat": "Wiederkäufer",
        "report.value.purchase_count": "Käufe",
        "report.value.first": "Erster Kauf",
        "report.value.last": "Letzter Kauf",
        "report.value.revenue_total": "Umsatz",
        "report.value.clv_mean": "Erwarteter Kundenertragswert je Kunde ({months} Monate)",
        "report.value.clv_total": "Erwarteter Kundenertragswert insgesamt ({months} Monate)",
        "report.value.inactive_share": "Anteil vermutlich inaktiv",
        "report.voices.comment_count": "Kommentare",
        "report.voices.follow_up_count": "Rückzurufende Kunden",
        "report.voices.mean_tone": "Mittlere Tonlage (−1 bis +1)",
        "kpi.p.below": "< {p}",
        "kpi.p.equal": "= {p}",
        "kpi.label.nps_period": "NPS ({period})",
        "period.label": "Zeitraum",
        "period.preset.all": "Alle Daten",
        "period.preset.last_quarter": "Letztes Quartal",
        "period.preset.last_12_months": "Letzte 12 Monate",
        "period.preset.year_to_date": "Seit Jahresbeginn",
        "period.preset.custom": "Eigener Zeitraum",
        "period.comparison": "Vergleichen mit",
        "period.comparison.previous": "Vorperiode",
        "period.comparison.last_year": "Vorjahreszeitraum",
        "period.against.previous": "dem Zeitraum davor ({period})",
        "period.against.last_year": "dem Vorjahreszeitraum ({period})",
        "period.caption": "Kennzahlen und Erkenntnisse: {period}, verglichen mit {against}.",
        "finding.nps_rose_against": "Der NPS stieg gegenüber {against} um {delta} Punkte "
        "({previous} → {current}), {verdict}.",
        "finding.nps_fell_against": "Der NPS sank gegenüber {against} um {delta} Punkte "
        "({previous} → {current}), {verdict}.",
        "finding.nps_unchanged_against": "Der NPS ist gegenüber {against} unverändert ({current}).",
        "finding.churn_rose_against": "Die Abwanderungsquote stieg gegenüber {against} um {delta} "
        "Prozentpunkte ({previous} → {current}), {verdict}.",
        "finding.churn_fell_against": "Die Abwanderungsquote sank gegenüber {against} um {delta} "
        "Prozentpunkte ({previous} → {current}), {verdict}.",
        "finding.churn_unchanged_against": "Die Abwanderungsquote ist gegenüber {against} unverändert "
        "({current}).",
        "finding.thin_phase": "Die Phase {phase} ist dünn besetzt: dort wird nur {count} Touchpoint gemessen.",
        "finding.empty_phase": "Die Phase {phase} hat keinen Touchpoint: dazu werden Kunden nicht befragt.",
        "journey.touchpoint_owner": "{touchpoint} — {owner}",
        "finding.plus_minus": "{value} ± {margin}",
        "journey.scale": "{low}–{high}",
        "journey.no_owner": "kein Verantwortlicher festgelegt",
        "journey.editor.owner": "Verantwortlich (Abteilung)",
        "journey.col.owner": "Verantwortlich",
        "journey.drill.title": "Wer einen Touchpoint am schlechtesten bewertet hat",
        "journey.drill.help": "Die Befragten der aktuellen Auswahl, die den gewählten Touchpoint am "
        "schlechtesten bewertet haben, mit ihren Kommentaren.",
        "journey.drill.choose": "Touchpoint",
        "journey.drill.none": "Keine Bewertungen für diesen Touchpoint in der aktuellen Auswahl.",
        "journey.drill.shown": "{n} von {total} Bewertungen, die schlechtesten zuerst.",
        "journey.drill.download": "Als CSV herunterladen",
        "journey.drill.file": "schlechteste_bewertungen.csv",
        "journey.drill.col.respondent": "Befragte(r)",
        "journey.drill.col.customer": "Kunde",
        "journey.drill.col.date": "Datum",
        "journey.drill.col.rating": "Bewertung (eigene Skala)",
        "journey.drill.col.score": "Zufriedenheit (0–100)",
        "journey.drill.col.comment": "Kommentar",
        "role.days_since_last": "Tage seit letztem Kauf",
    }
)

# --- Charts (cxlib.charts): kept as one block per language ---
STRINGS["en"].update(
    {
        "charts.drivers.performance_note": "performance {value}",
        "charts.drivers.what_to_do": "What to do",
        "charts.drivers.subtitle_bars": "Bar: importance = correlation with {outcome}, strongest first",
        "charts.drivers.subtitle_numbers": "Number: performance (satisfaction 0–100); colour: what to do",
        "charts.nps.overall": "all months shown: {value}",
        "charts.currency": "Currency",
        "charts.currency_help": "Shown on every money figure (tiles, charts, tables, reports); the data "
        "are not converted.",
        "charts.money_axis": "{title} ({symbol})",
    }
)
STRINGS["de"].update(
    {
        "charts.drivers.performance_note": "Leistung {value}",
        "charts.drivers.what_to_do": "Was tun",
        "charts.drivers.subtitle_bars": "Balken: Wichtigkeit = Korrelation mit {outcome}, stärkste zuerst",
        "charts.drivers.subtitle_numbers": "Zahl: Leistung (Zufriedenheit 0–100); Farbe: was zu tun ist",
        "charts.nps.overall": "alle gezeigten Monate: {value}",
        "charts.currency": "Währung",
        "charts.currency_help": "Steht an jedem Geldbetrag (Kacheln, Grafiken, Tabellen, Berichte); die "
        "Daten werden nicht umgerechnet.",
        "charts.money_axis": "{title} ({symbol})",
    }
)


# --- Money in the UI locale (currency from the settings; cxlib.charts and the pages use it) ---
#: Currency symbols by ISO 4217 code; other codes are written as the code ("1.234 SEK" / "SEK 1,234").
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF"}
#: The currencies offered in the settings (the first is the default).
CURRENCIES = ("EUR", "USD", "GBP", "CHF")


def check_currency(code: str) -> str:
    """The ISO 4217 code in capitals; ValueError when ``code`` is not three letters.

    Examples
    --------
    >>> check_currency("eur")
    'EUR'
    """
    if not isinstance(code, str) or len(code.strip()) != 3 or not code.strip().isalpha():
        raise ValueError(f"currency must be a three-letter ISO 4217 code such as 'EUR', got {code!r}")
    return code.strip().upper()


def format_money(
    value: float | int | None, lang: str = "en", *, currency: str = "EUR", decimals: int = 0
) -> str:
    """A money amount in the reader's style: German ``1.234 €``, English ``€1,234``.

    Examples
    --------
    >>> format_money(1234.4, "de"), format_money(1234.4, "en")
    ('1.234\u00a0€', '€1,234')
    >>> format_money(-12.5, "en", currency="USD", decimals=2), format_money(99, "en", currency="SEK")
    ('−$12.50', 'SEK\u00a099')
    >>> format_money(None, "de")
    '–'
    """
    code = check_currency(currency)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    symbol = CURRENCY_SYMBOLS.get(code, code)
    number = format_number(abs(value), lang, decimals=decimals)
    sign = "−" if value < 0 and number.strip("0,.") else ""
    if lang == "de":
        return f"{sign}{number}\u00a0{symbol}"
    separator = "\u00a0" if len(symbol) > 1 else ""
    return f"{sign}{symbol}{separator}{number}"


# --- The people behind a tile (drill-down from the Overview's NPS and churn tiles) ---
STRINGS["en"].update(
    {
        "drill.tiles.title": "Who is behind the figures",
        "drill.tiles.none": "The data in use has no NPS answers and no lost customers to list.",
        "drill.tiles.choose": "Show",
        "drill.tiles.kind.nps": "NPS answers of the tile's period",
        "drill.tiles.kind.churn_rate": "Customers lost in the churn period",
        "drill.tiles.help.nps": "{n} answers the NPS tile counted, detractors first (lowest score, newest "
        "answer), with their comments.",
        "drill.tiles.help.churn_rate": "{n} customers the churn rate counted as lost, the most recent first.",
        "drill.tiles.file.nps": "nps_answers.csv",
        "drill.tiles.file.churn_rate": "lost_customers.csv",
        "drill.col.group": "Group",
        "drill.group.detractor": "Detractor",
        "drill.group.passive": "Passive",
        "drill.group.promoter": "Promoter",
    }
)
STRINGS["de"].update(
    {
        "drill.tiles.title": "Wer hinter den Zahlen steht",
        "drill.tiles.none": "Die Daten enthalten keine NPS-Antworten und keine abgewanderten Kunden.",
        "drill.tiles.choose": "Zeigen",
        "drill.tiles.kind.nps": "NPS-Antworten des Kachel-Zeitraums",
        "drill.tiles.kind.churn_rate": "Im Abwanderungszeitraum verlorene Kunden",
        "drill.tiles.help.nps": "{n} Antworten, die die NPS-Kachel zählt, Kritiker zuerst (niedrigste Note, "
        "neueste Antwort), mit ihren Kommentaren.",
        "drill.tiles.help.churn_rate": "{n} Kunden, die die Abwanderungsquote als verloren zählt, die "
        "jüngsten zuerst.",
        "drill.tiles.file.nps": "nps_antworten.csv",
        "drill.tiles.file.churn_rate": "verlorene_kunden.csv",
        "drill.col.group": "Gruppe",
        "drill.group.detractor": "Kritiker",
        "drill.group.passive": "Passiv",
        "drill.group.promoter": "Promotor",
    }
)

# --- Personas page: the comparison follows the filters ---
STRINGS["en"]["ui.personas.comparison_filtered"] = "Only the customers and answers in the filtered view."
STRINGS["de"]["ui.personas.comparison_filtered"] = "Nur die Kunden und Antworten der gefilterten Ansicht."
