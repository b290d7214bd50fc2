"""Messages about figures, periods and targets: what a person typed or a sheet holds."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- targets and periods
    "target.unknown": {
        "en": "unknown target {text!r}{hint}",
        "zh": "没有指标 {text!r}{hint}",
    },
    "target.unknown.did_you_mean": {
        "en": "; did you mean {close!r}?",
        "zh": "；是否要写 {close!r}？",
    },
    "target.unknown.list": {
        "en": "; `targets list` shows them",
        "zh": "；`targets list` 列出全部指标",
    },
    "period.no_month": {
        "en": "period {text!r}: there is no month {month}",
        "zh": "期间 {text!r}：没有 {month} 月",
    },
    "period.alone": {
        "en": "period {text!r} names {piece} alone; figures are year to date: write {written}",
        "zh": "期间 {text!r} 只是{piece}；数据按年初累计，请写 {written}",
    },
    "period.alone_rate": {
        "en": "period {text!r} names {piece} alone; a rate's figure is a month's reading:"
        " write {period}",
        "zh": "期间 {text!r} 只是{piece}；比率的数据是某月的读数，请写 {period}",
    },
    "piece.month": {"en": "one month", "zh": "一个月"},
    "piece.half": {"en": "one half", "zh": "半年"},
    "piece.quarter": {"en": "one quarter", "zh": "一个季度"},
    "period.starts_in_january": {
        "en": "period {text!r}: year-to-date periods start in January (1-{month}月)",
        "zh": "期间 {text!r}：累计期间从 1 月起算（1-{month}月）",
    },
    "period.unreadable": {
        "en": "cannot read period {text!r}: write it like {forms}",
        "zh": "无法识别期间 {text!r}：请写成 {forms} 等形式",
    },
    "period.outside_year": {
        "en": "period {text!r} is outside the plan's year {year}",
        "zh": "期间 {text!r} 不在计划年度 {year} 年内",
    },
    "period.not_taken": {
        "en": "period {text!r}: {target} is {frequency} and takes {takes}",
        "zh": "期间 {text!r}：{target} 为{frequency}指标，{takes}",
    },
    "frequency.annual": {"en": "annual", "zh": "年度"},
    "frequency.quarterly": {"en": "quarterly", "zh": "季度"},
    "frequency.monthly": {"en": "monthly", "zh": "月度"},
    "takes.year": {
        "en": "only the year (YYYY-12)",
        "zh": "只取全年数（YYYY-12）",
    },
    "takes.quarters": {
        "en": "only quarter ends (03, 06, 09, 12)",
        "zh": "只取季末数（03、06、09、12 月）",
    },
    # --- values
    "value.not_number": {
        "en": "value {text!r} is not a number{hint}",
        "zh": "数值 {text!r} 不是数字{hint}",
    },
    "value.percent_hint": {
        "en": " (write {plain}: the unit comes from the plan)",
        "zh": "（请写 {plain}：单位由计划规定）",
    },
    "value.not_finite": {
        "en": "value {text!r} is not a finite number",
        "zh": "数值 {text!r} 不是有限的数",
    },
    "option.known_on": {
        "en": "--known-on {text!r} is not a date like 2023-05-20",
        "zh": "--known-on {text!r} 不是 2023-05-20 这样的日期",
    },
    "region.unknown": {
        "en": "unknown region {text!r}; the plan's regions are {known}",
        "zh": "没有地区 {text!r}；计划中的地区有 {known}",
    },
    "option.not_utf8": {
        "en": "--{name} holds bytes that are not UTF-8 text",
        "zh": "--{name} 含有不是 UTF-8 文本的字节",
    },
    # --- recording
    "entry.plain": {"en": "{target} {period}", "zh": "{target} {period}"},
    "entry.of_region": {"en": "{target} {period} of {region}", "zh": "{region} {target} {period}"},
    "record.duplicate": {
        "en": "{what} already has {value} (recorded {recorded_at});"
        " add --revise to record a correction",
        "zh": "{what} 已有数据 {value}（记录于 {recorded_at}）；如需更正，请加 --revise",
    },
    "record.duplicate_in_file": {
        "en": "{what} is already given on {where};"
        " add --revise to take the later row as a correction",
        "zh": "{what} 已在{where}给出；如以后一行为更正，请加 --revise",
    },
    "record.done": {
        "en": "recorded {target} {period} ({label}) = {value:g}{where}",
        "zh": "已记录 {target} {period}（{label}）= {value:g}{where}",
    },
    "record.done_revision": {
        "en": "recorded {target} {period} ({label}) = {value:g}{where} (revision)",
        "zh": "已记录 {target} {period}（{label}）= {value:g}{where}（修订）",
    },
    "record.for_region": {"en": " for {region}", "zh": "（{region}）"},
    "record.unchanged": {
        "en": "{target} {period} ({label}){where} already has {value:g}"
        " (recorded {recorded_at}); nothing recorded",
        "zh": "{target} {period}（{label}）{where}已是 {value:g}（记录于 {recorded_at}）；"
        "未重复记录",
    },
    "note.outranked": {
        "en": "note: {where}{target} {period} = {value} will not be in force:"
        " {later} was recorded later ({recorded_at}), and the latest recording counts",
        "zh": "注意：{where}{target} {period} = {value} 不会生效："
        "{later} 记录在后（{recorded_at}），以最后记录的为准",
    },
    # --- CSV import
    "csv.where": {"en": "{name}, {place} {line}: ", "zh": "{name} 第 {line} {place}："},
    "csv.place": {"en": "{name}, {place} {line}", "zh": "{name} 第 {line} {place}"},
    "csv.problem": {
        "en": "{name}, {place} {line}: {problem}",
        "zh": "{name} 第 {line} {place}：{problem}",
    },
    "place.line": {"en": "line", "zh": "行"},
    "place.row": {"en": "row", "zh": "行"},
    "figure.withdrawn": {"en": "withdrawn", "zh": "已撤回"},
    "withdraw.none_in_force": {
        "en": "{target} {period} has no figure in force to withdraw",
        "zh": "{target} {period} 没有生效的数据可撤回",
    },
    "withdraw.none": {
        "en": "{target} {period} has no figure to withdraw",
        "zh": "{target} {period} 没有数据可撤回",
    },
    "withdraw.no_value": {
        "en": "a withdrawal has no value, not {value!r}",
        "zh": "撤回记录没有数值，而不是 {value!r}",
    },
    "withdraw.done": {
        "en": "withdrew {target} {period} ({label}) = {value}: it has no figure in force now",
        "zh": "已撤回 {target} {period}（{label}）= {value}：该期间现在没有生效的数据",
    },
    "csv.withdrawn": {
        "en": "withdrawn {text!r} is neither true nor false (nor empty)",
        "zh": "withdrawn {text!r} 既不是 true 也不是 false（也不是空）",
    },
    "csv.ledger_changed": {
        "en": "{name}: the ledger changed while importing; nothing was recorded",
        "zh": "{name}：导入期间数据台账有变动；未记录任何数据",
    },
    "csv.nothing_recorded": {
        "en": "{name}: nothing was recorded",
        "zh": "{name}：未记录任何数据",
    },
    "csv.not_text": {
        "en": "{name}, line {line}: neither UTF-8 nor GBK text; save it as 'CSV UTF-8 (逗号分隔)'",
        "zh": "{name} 第 {line} 行：既不是 UTF-8 也不是 GBK 文本；请另存为“CSV UTF-8 (逗号分隔)”",
    },
    "csv.xls": {
        "en": "{name}: an .xls workbook of Excel 97-2003; save it as .xlsx or CSV",
        "zh": "{name}：是 Excel 97-2003 的 .xls 工作簿；请另存为 .xlsx 或 CSV",
    },
    "csv.sheet_of_csv": {
        "en": "{name}: --sheet names a sheet of an .xlsx workbook, not of a CSV file",
        "zh": "{name}：--sheet 指 .xlsx 工作簿中的工作表，CSV 文件没有工作表",
    },
    "csv.not_xlsx": {
        "en": "{name}: not an .xlsx workbook ({why})",
        "zh": "{name}：不是 .xlsx 工作簿（{why}）",
    },
    "csv.no_sheet": {
        "en": "{name}: no sheet {sheet!r}; the workbook has {have}",
        "zh": "{name}：没有工作表 {sheet!r}；工作簿中有 {have}",
    },
    "csv.sheet": {"en": "sheet {title!r}", "zh": "工作表 {title!r}"},
    "csv.header": {
        "en": "{name}, {place} {line}: the file needs a header row with {required}"
        " (optional: {optional}), or in Chinese 指标, 期间, 数值 (来源, 备注, 记录时间, 地区)"
        "{unknown}",
        "zh": "{name} 第 {line} {place}：文件需要表头行，含 指标、期间、数值"
        "（可选：来源、备注、记录时间、地区），或英文 {required}（可选：{optional}）{unknown}",
    },
    "csv.header.unknown": {
        "en": "; unknown column {column!r}",
        "zh": "；未知的列 {column!r}",
    },
    "csv.column_twice": {
        "en": "{name}, {place} {line}: column {column!r} is given twice",
        "zh": "{name} 第 {line} {place}：列 {column!r} 出现了两次",
    },
    "csv.cells": {
        "en": "{n:cell|cells} where the header has {header}",
        "zh": "有 {n} 格，而表头有 {header} 格",
    },
    "csv.open_quote": {
        "en": "a quote is opened and never closed",
        "zh": "引号没有闭合",
    },
    "csv.recorded_at": {
        "en": "recorded_at {text!r} is not a date and time like 2023-04-20T10:00:00+08:00",
        "zh": "recorded_at {text!r} 不是 2023-04-20T10:00:00+08:00 这样的日期时间",
    },
    "csv.offset": {
        "en": "recorded_at {text!r}: a UTC offset is hours and minutes, like +08:00",
        "zh": "recorded_at {text!r}：时区偏移应为小时和分钟，如 +08:00",
    },
}
