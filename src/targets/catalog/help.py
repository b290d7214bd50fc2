"""The help of every command and option (`targets … --help`).

Keys: `help.app`, `help.cmd.COMMAND`, `help.opt.PARAM` for an option or argument that
means the same in every command, `help.opt.COMMAND.PARAM` where one command's differs.
PARAM is the parameter's name in the code (`as_of` for --as-of).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "help.app": {
        "en": "Track a government's annual targets month by month: record the published"
        " figures, see which targets are on course and what the rest of the year must deliver.",
        "zh": "逐月跟踪政府年度目标：记录公布的数据，查看哪些指标进度符合预期，"
        "以及全年余下时间还需完成多少。",
    },
    "help.cmd.init": {
        "en": "Write the bundled plan (辽源市2023年主要预期目标) to ./targets.toml.",
        "zh": "把自带的计划（辽源市2023年主要预期目标）写入 ./targets.toml。",
    },
    "help.cmd.list": {
        "en": "The plan's targets: id, name, the target in words, kind and frequency.",
        "zh": "列出计划的指标：编号、名称、目标的文字表述、类型和频度。",
    },
    "help.cmd.record": {"en": "Record one published figure.", "zh": "记录一个公布的数据。"},
    "help.cmd.import": {
        "en": "Record many figures from a CSV file or a workbook: all of them, or none."
        " Rows equal to the figure in force are skipped and counted.",
        "zh": "从 CSV 文件或工作簿批量记录数据：要么全部记录，要么一个都不记录。"
        "与现行数据相同的行会跳过并计数。",
    },
    "help.cmd.report": {
        "en": "Where every target stands: the figure, the gap, the status,"
        " what the year still needs.",
        "zh": "各指标进展：实际数、差距、状态，以及全年还需完成多少。",
    },
    "help.cmd.history": {
        "en": "One target period by period, revisions included.",
        "zh": "一个指标的逐期数据，含修订记录。",
    },
    "help.cmd.export": {
        "en": "CSV for other tools: the report, or the actuals (which `targets import`"
        " reads back).",
        "zh": "导出 CSV 供其他工具使用：报告，或全部实际数据（`targets import` 可读回）。",
    },
    "help.cmd.compare": {
        "en": "One target across the plan's regions: figure, rank (位次), status,"
        " vs the reference.",
        "zh": "一个指标在计划各地区间的比较：实际数、位次、状态，以及与参照地区的差距。",
    },
    "help.cmd.withdraw": {
        "en": "Take a figure out of force: one recorded under the wrong target or period."
        " The ledger keeps it; from now the period has no figure until one is recorded.",
        "zh": "撤回一个数据（记错了指标或期间）：台账保留原记录；"
        "此后该期间没有数据，直到重新记录。",
    },
    "help.cmd.check": {
        "en": "Validate the plan and the ledger, and say what is wrong where.",
        "zh": "检查计划和数据台账，指出哪里有什么问题。",
    },
    "help.opt.region": {
        "en": "A region the plan names (a peer, the reference), by its name or English name"
        " [default: the plan's own; export --what actuals: every region's entries].",
        "zh": "计划中的地区（比较地区、参照地区），写名称或英文名"
        " [默认：计划本身的地区；export --what actuals：所有地区的条目]。",
    },
    "help.opt.known_on": {
        "en": "Only what was recorded by the end of this day (2023-05-20, China's time).",
        "zh": "只计截至这一天结束（2023-05-20，北京时间）已记录的数据。",
    },
    "help.opt.withdraw.period": {"en": "The period of the figure.", "zh": "该数据的期间。"},
    "help.opt.withdraw.note": {"en": "Why, e.g. 录入错误.", "zh": "原因，如 录入错误。"},
    "help.opt.repair": {
        "en": "Take out what a crash left, keeping a copy.",
        "zh": "删去崩溃留下的不完整记录，并保留一份副本。",
    },
    "help.opt.version": {"en": "Print the version.", "zh": "显示版本号。"},
    "help.opt.help": {"en": "Show this message and exit.", "zh": "显示本帮助并退出。"},
    "help.opt.install_completion": {
        "en": "Install completion for the current shell.",
        "zh": "为当前 shell 安装命令补全。",
    },
    "help.opt.show_completion": {
        "en": "Show completion for the current shell, to copy it or customize the installation.",
        "zh": "显示当前 shell 的命令补全脚本，以便复制或自行安装。",
    },
    "help.opt.plan": {"en": "The plan file.", "zh": "计划文件。"},
    "help.opt.ledger": {
        "en": "The ledger of figures [default: actuals.toml beside the plan].",
        "zh": "数据台账 [默认：计划文件旁的 actuals.toml]。",
    },
    "help.opt.lang": {
        "en": "Language of the output [default: the plan's, else en].",
        "zh": "输出语言 [默认：计划的 lang，否则 en]。",
    },
    "help.opt.as_of": {
        "en": "Judge each target on its newest figure at or before this period"
        " (2023-09, 2023-Q3, 2023年前三季度…) [default: the latest recorded].",
        "zh": "按此期间及以前的最新数据评价各指标（2023-09、2023-Q3、2023年前三季度…）"
        " [默认：最新记录的期间]。",
    },
    "help.opt.target": {
        "en": "A target id (or its name).",
        "zh": "指标编号（或指标名称）。",
    },
    "help.opt.period": {
        "en": "2023-03, 2023-Q1, 2023-H1, 2023, 2023年1-3月…",
        "zh": "期间，如 2023-03、2023-Q1、2023-H1、2023、2023年1-3月…",
    },
    "help.opt.value": {
        "en": "The published figure, e.g. 5.8 (growth in %).",
        "zh": "公布的数值，如 5.8（增速以 % 计）。",
    },
    "help.opt.source": {"en": "Where it was published.", "zh": "数据出处。"},
    "help.opt.note": {"en": "A remark, e.g. 初步核算.", "zh": "备注，如 初步核算。"},
    "help.opt.revise": {
        "en": "Record a correction for a period that has a figure.",
        "zh": "为已有数据的期间记录更正。",
    },
    "help.opt.force": {
        "en": "Replace an existing plan file.",
        "zh": "替换已有的计划文件。",
    },
    "help.opt.file": {
        "en": "A CSV file (UTF-8 or GBK) or an .xlsx workbook with target, period, value"
        " columns (or 指标, 期间, 数值).",
        "zh": "CSV 文件（UTF-8 或 GBK）或 .xlsx 工作簿，含 target、period、value 列"
        "（或 指标、期间、数值）。",
    },
    "help.opt.sheet": {
        "en": "The sheet of an .xlsx workbook [default: the first].",
        "zh": ".xlsx 工作簿中的工作表 [默认：第一个]。",
    },
    "help.opt.no_outlook": {
        "en": "Leave out the projection of where the year will land (an estimate).",
        "zh": "不显示全年预计（估算值）。",
    },
    "help.opt.import.revise": {
        "en": "Accept rows for periods that already have a figure.",
        "zh": "接受已有数据的期间的行，作为更正。",
    },
    "help.opt.dry_run": {
        "en": "Check every row; record nothing.",
        "zh": "检查每一行，但不记录。",
    },
    "help.opt.format": {"en": "Output format.", "zh": "输出格式。"},
    "help.opt.by": {
        "en": "Group the table by lead department.",
        "zh": "按牵头部门分组显示。",
    },
    "help.opt.what": {
        "en": "The report, or every recorded entry.",
        "zh": "导出报告，或全部已记录的条目。",
    },
    "help.opt.output_file": {"en": "Write to this file.", "zh": "写入此文件。"},
    "help.opt.excel": {
        "en": "Byte-order mark and CRLF, for Excel and WPS.",
        "zh": "加字节顺序标记（BOM）和 CRLF 换行，供 Excel 和 WPS 打开。",
    },
}
