"""The report as a markdown table, for briefings pasted into documents."""

from __future__ import annotations

from targets.evaluation.judge import Judgement, Report
from targets.present import words
from targets.present.formats import Options
from targets.present.plain import plain
from targets.present.rows import by_department, cells, title


def report_markdown(report: Report, options: Options) -> bytes:
    """The report as a markdown table, for briefings."""
    lang = options.lang

    def cell(text: str) -> str:
        return plain(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " · ")

    lines = [f"### {cell(title(report, lang))}", ""]
    headers = words.HEADERS[lang]
    lines.append("| " + " | ".join(headers) + " |")
    lines.append(
        "|" + "|".join(":--" if i not in (3, 4) else "--:" for i in range(len(headers))) + "|"
    )
    groups: list[tuple[str | None, list[Judgement]]] = [(None, list(report.rows))]
    if options.by == "department":
        groups = by_department(report.rows, lang)
    for name, rows in groups:
        if name is not None:
            lines.append(f"| **{cell(name)}** |" + " |" * (len(headers) - 1))
        for j in rows:
            row = cells(j, report.plan, lang)
            row.insert(5, f"{words.SYMBOL[j.status]} {words.STATUS[lang][j.status]}")
            lines.append("| " + " | ".join(cell(c) for c in row) + " |")
    lines += ["", words.summary(report.counts(), lang), ""]
    return "\n".join(lines).encode()
