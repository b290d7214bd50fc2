"""The report as a markdown table, for briefings pasted into documents."""

from __future__ import annotations

from targets.evaluation.compare import Comparison
from targets.evaluation.judge import Judgement, Report
from targets.present import words
from targets.present.formats import Options
from targets.present.plain import plain
from targets.present.rows import (
    by_department,
    cells,
    change,
    has_standing,
    outlook,
    standing,
    standing_header,
    status_word,
    title,
)


def _cell(text: str) -> str:
    return plain(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " · ")


def report_markdown(report: Report, options: Options) -> bytes:
    """The report as a markdown table, for briefings."""
    lang = options.lang

    lines = [f"### {_cell(title(report, lang))}", ""]
    ranked = has_standing(report)
    headers = list(words.HEADERS[lang])
    shown = options.outlook and any(j.projected_low is not None for j in report.rows)
    if shown:  # before the trend, as in the terminal
        headers.insert(7, words.OUTLOOK_HEADER[lang])
    if ranked:  # the rank stands beside the status
        headers.insert(6, standing_header(report.plan, lang))
    lines.append("| " + " | ".join(_cell(h) for h in headers) + " |")
    lines.append(
        "|" + "|".join(":--" if i not in (3, 4) else "--:" for i in range(len(headers))) + "|"
    )
    groups: list[tuple[str | None, list[Judgement]]] = [(None, list(report.rows))]
    if options.by == "department":
        groups = by_department(report.rows, lang)
    for name, rows in groups:
        if name is not None:
            lines.append(f"| **{_cell(name)}** |" + " |" * (len(headers) - 1))
        for j in rows:
            row = cells(j, report.plan, lang)
            row.insert(5, f"{words.SYMBOL[j.status]} {status_word(j, lang)}")
            row[7] = "\n".join(x for x in (row[7], change(j, lang)) if x)
            if shown:
                row.insert(7, outlook(j, lang))
            if ranked:
                row.insert(6, standing(j, lang))
            lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    lines += ["", words.summary(report.counts(), lang), ""]
    return "\n".join(lines).encode()


def compare_markdown(comparison: Comparison, options: Options) -> bytes:
    """One target across the regions, as a markdown table: the plan's own region in bold,
    the unranked with why, the reference last."""
    from targets.present.compare_rows import (
        compare_cells,
        compare_headers,
        compare_title,
        sentence,
    )

    lang = options.lang

    headers = compare_headers(comparison, lang)
    lines = [f"### {_cell(compare_title(comparison, lang))}", ""]
    lines.append("| " + " | ".join(_cell(h) for h in headers) + " |")
    lines.append("|" + "|".join("--:" if i in (2, 4) else ":--" for i in range(len(headers))) + "|")
    for placed, row in compare_cells(comparison, lang):
        texts = [_cell(c) for c in row]
        if placed.region == comparison.plan.region and texts[1]:
            texts[1] = f"**{texts[1]}**"
        lines.append("| " + " | ".join(texts) + " |")
    lines += ["", _cell(sentence(comparison, lang))]
    return ("\n".join(lines) + "\n").encode()
