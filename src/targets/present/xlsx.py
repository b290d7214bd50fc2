"""The briefing as a native workbook (SPEC §8), and the ledger's entries as one.

Numbers are numbers: a figure in % is written as recorded (6.5, shown 6.5 with one
decimal), progress and schedule as fractions shown in percent; statuses are words in
their colour. Every text is written as a string cell, so no plan or ledger text can
become a formula (=, +, -, @). XlsxWriter is imported only when a workbook is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from targets.domain.entries import Entry
from targets.domain.periods import MONTHS_EN
from targets.evaluation.compare import Comparison
from targets.evaluation.judge import Judgement, Report, figures_by_month
from targets.present import words
from targets.present.formats import Options
from targets.present.xlsx_book import SHEETS, Splice, add_sheet, entries_sheet, workbook_bytes

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook

MONTH_HEADERS = {
    "zh": ("编号", "指标", "单位", *(f"{m}月" for m in range(1, 13))),
    "en": ("id", "Target", "Unit", *MONTHS_EN),
}
OUTLOOK = {
    "zh": {"likely": "有望完成", "at_risk": "存在压力", "unlikely": "完成难度大"},
    "en": {"likely": "likely", "at_risk": "at risk", "unlikely": "unlikely"},
}
OUT_OF_REACH = {"zh": "已无法完成", "en": "out of reach"}
# --- the report ------------------------------------------------------------------------


def _field(j: Judgement, name: str) -> Any:
    """A figure of the row, its own or of its standing among the peers (rank…)."""
    if hasattr(j, name):
        return getattr(j, name)
    return getattr(j.standing, name, None) if j.standing is not None else None


OPTIONAL = (
    ("change", {"zh": "比上期", "en": "Change"}, "figure"),
    ("rank", {"zh": "位次", "en": "Rank"}, "integer"),
    ("rank_of", {"zh": "参与排位", "en": "Ranked"}, "integer"),
    ("rank_change", {"zh": "位次变化", "en": "Rank change"}, "integer"),
    ("reference_actual", {"zh": "参照地区", "en": "Reference"}, "figure"),
    ("vs_reference", {"zh": "高于参照", "en": "vs reference"}, "figure"),
    ("projected_low", {"zh": "预计下限(估)", "en": "Est. low"}, "figure"),
    ("projected_high", {"zh": "预计上限(估)", "en": "Est. high"}, "figure"),
)
REPORT_HEADERS = {
    "zh": (
        "编号", "指标", "牵头部门", "目标", "目标值", "单位", "期间", "实际", "当月读数",
        "差距", "完成进度", "序时进度", "尚需", "状态",
    ),
    "en": (
        "id", "Target", "Department", "Goal", "Target value", "Unit", "Period", "Actual",
        "Month's reading", "Gap", "Progress", "Schedule", "Required", "Status",
    ),
}  # fmt: skip


def _report_sheet(
    book: Workbook, formats: dict[str, Format], report: Report, options: Options
) -> None:
    lang, by = options.lang, options.by
    extra = [o for o in OPTIONAL if any(_field(j, o[0]) is not None for j in report.rows)]
    outlook = options.outlook and any(j.outlook for j in report.rows)
    if not options.outlook:  # the office publishes no estimates
        extra = [o for o in extra if not o[0].startswith("projected")]
    headers = [*REPORT_HEADERS[lang], *(o[1][lang] for o in extra)]
    if outlook:
        headers.append("预计(估)" if lang == "zh" else "Outlook (est.)")
    sheet = add_sheet(book, formats, SHEETS[lang]["report"], headers)
    groups: dict[str, list[Judgement]] = {"": list(report.rows)}
    if by == "department":
        groups = {}
        for j in report.rows:
            groups.setdefault(j.target.department or words.NO_DEPARTMENT[lang], []).append(j)
    for group, rows in groups.items():
        if group:
            sheet.put([group], ["group"])
        for j in rows:
            t = j.target
            fig = "percent" if t.unit == "%" else "other"
            calc = "percent" if t.unit == "%" else "computed"
            required: Any = j.required
            if j.reachable is False:
                required = OUT_OF_REACH[lang]
            values: list[Any] = [
                t.id,
                t.display_name(lang),
                t.department or "",
                words.goal(t, report.plan, lang),
                j.effective,
                t.unit,
                words.period_label(j.period, t, lang),
                j.actual,
                j.latest,
                j.gap,
                j.progress,
                j.schedule,
                required,
                words.STATUS[lang][j.status],
            ]
            styles = ["text", "text", "text", "text", fig, "text", "text", fig, fig, calc]
            styles += ["share", "share", calc, j.status]
            for name, _, kind in extra:
                values.append(_field(j, name))
                styles.append(calc if kind == "figure" else "integer")
            if outlook:
                values.append(OUTLOOK[lang].get(j.outlook or "", ""))
                styles.append("text")
            sheet.put(values, styles)
    sheet.ws.autofilter(0, 0, max(sheet.row - 1, 1), len(headers) - 1)
    sheet.ws.set_landscape()
    sheet.ws.set_paper(9)  # A4
    sheet.ws.fit_to_pages(1, 0)
    sheet.ws.repeat_rows(0)
    heading = report.plan.display_name(lang).replace("&", "&&")
    sheet.ws.set_header(f"&C{heading}")
    sheet.finish()


def _months_sheet(
    book: Workbook, formats: dict[str, Format], report: Report, entries: Iterable[Entry], lang: str
) -> None:
    sheet = add_sheet(book, formats, SHEETS[lang]["months"], MONTH_HEADERS[lang])
    figures = figures_by_month(report.plan, entries)
    for t in report.plan.targets:
        fig = "percent" if t.unit == "%" else "other"
        months: list[Decimal | None] = [figures[t.id].get(m) for m in range(1, 13)]
        sheet.put([t.id, t.display_name(lang), t.unit, *months], ["text"] * 3 + [fig] * 12)
    sheet.finish()


def report_xlsx(report: Report, options: Options) -> bytes:
    """The report sheet, then every entry of the plan's year, then targets × months."""
    lang = options.lang

    def write(book: Workbook, formats: dict[str, Format]) -> list[Splice]:
        book.set_properties({"title": report.plan.display_name(lang)})
        _report_sheet(book, formats, report, options)
        rows = entries_sheet(book, formats, report.entries, lang, report.plan.region)
        _months_sheet(book, formats, report, report.entries, lang)
        return [rows]

    return workbook_bytes(write, lang)


def actuals_xlsx(entries: Sequence[Entry], options: Options) -> bytes:
    """The actuals export as a workbook: the entries sheet alone, every region and year."""

    def write(book: Workbook, formats: dict[str, Format]) -> list[Splice]:
        return [entries_sheet(book, formats, entries, options.lang)]

    return workbook_bytes(write, options.lang)


COMPARE_HEADERS = {
    "zh": ("位次", "并列", "地区", "参照", "期间", "实际", "目标值", "差距", "状态", "位次变化"),
    "en": ("Rank", "Tied", "Region", "Reference", "Period", "Actual", "Target value", "Gap",
           "Status", "Rank change"),
}  # fmt: skip
COMPARE_SHEET = {"zh": "比较", "en": "Compare"}


def compare_xlsx(comparison: Comparison, options: Options) -> bytes:
    """One target across the regions: ranked regions first, then the unranked, then the
    reference, with numbers as numbers and statuses in colour."""
    lang, plan, target = options.lang, comparison.plan, comparison.target
    yes = {"zh": "是", "en": "yes"}[lang]
    vs = []
    if plan.reference is not None:
        vs = [words.VS_HEADER[lang].format(plan.region_label(plan.reference, lang))]
    fig = "percent" if target.unit == "%" else "other"
    calc = "percent" if target.unit == "%" else "computed"

    def write(book: Workbook, formats: dict[str, Format]) -> list[Splice]:
        book.set_properties({"title": target.display_name(lang)})
        sheet = add_sheet(book, formats, COMPARE_SHEET[lang], [*COMPARE_HEADERS[lang], *vs])
        for p in comparison.lines:
            s, j = p.standing, p.judgement
            values: list[Any] = [
                s.rank,
                yes if s.tied else "",
                plan.region_label(p.region, lang),
                yes if p.reference else "",
                words.period_label(j.period, target, lang) if j is not None else "",
                j.actual if j is not None else None,
                j.effective if j is not None else None,
                j.gap if j is not None else None,
                words.STATUS[lang][p.status],
                s.rank_change,
                *([s.vs_reference] if vs else []),
            ]
            styles = ["integer", "text", "text", "text", "text", fig, fig, calc, p.status]
            sheet.put(values, [*styles, "integer", calc])
        sheet.finish()
        return []

    return workbook_bytes(write, lang)
