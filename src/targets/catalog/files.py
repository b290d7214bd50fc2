"""Messages about files: the plan, the ledger, files written, and what `check` finds."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- any file
    "file.cannot_read": {
        "en": "{path}: cannot read ({why})",
        "zh": "{path}：无法读取（{why}）",
    },
    "file.cannot_write": {
        "en": "{path}: cannot write ({why})",
        "zh": "{path}：无法写入（{why}）",
    },
    "file.os_error": {"en": "{path}: {why}", "zh": "{path}：{why}"},
    "file.is_plan": {
        "en": "{path} is the plan; export to another file",
        "zh": "{path} 是计划文件；请导出到别的文件",
    },
    "file.is_ledger": {
        "en": "{path} is the ledger; export to another file",
        "zh": "{path} 是数据台账；请导出到别的文件",
    },
    "output.binary_to_terminal": {
        "en": "{format} is a binary format and is not written to a terminal;"
        " give --output FILE (or redirect to a file)",
        "zh": "{format} 是二进制格式，不输出到终端；请用 --output FILE 指定文件（或重定向到文件）",
    },
    "file.not_utf8": {
        "en": "{path}: not UTF-8 text (byte {byte})",
        "zh": "{path}：不是 UTF-8 文本（第 {byte} 字节）",
    },
    "file.not_toml": {
        "en": "{path}: not valid TOML: {why}",
        "zh": "{path}：不是有效的 TOML：{why}",
    },
    # --- the plan
    "plan.missing": {
        "en": "no plan at {path}: run `targets init` to write the bundled plan,"
        " or point --plan / TARGETS_PLAN at yours",
        "zh": "{path} 处没有计划文件：运行 `targets init` 写入自带的计划，"
        "或用 --plan / TARGETS_PLAN 指向你的计划",
    },
    "plan.cannot_read": {
        "en": "{path}: cannot read the plan ({why})",
        "zh": "{path}：无法读取计划（{why}）",
    },
    "plan.exists": {
        "en": "{path} exists already; `targets init --force` replaces it",
        "zh": "{path} 已存在；`targets init --force` 可替换它",
    },
    "plan.and_more": {
        "en": "{problem} (and {more} more: run `targets check`)",
        "zh": "{problem}（另有 {more} 处问题：运行 `targets check` 查看）",
    },
    # --- the ledger
    "ledger.cannot_read": {
        "en": "{path}: cannot read the ledger ({why})",
        "zh": "{path}：无法读取数据台账（{why}）",
    },
    "ledger.cannot_open": {
        "en": "{path}: cannot open the ledger for writing ({why})",
        "zh": "{path}：无法打开数据台账写入（{why}）",
    },
    "ledger.write_failed": {
        "en": "{path}: nothing was recorded: the write failed ({why})",
        "zh": "{path}：未记录任何数据：写入失败（{why}）",
    },
    "ledger.unknown_table": {
        "en": "{path}: unknown table [{table}] (the ledger holds [[actual]] entries only)",
        "zh": "{path}：未知的表 [{table}]（数据台账只含 [[actual]] 条目）",
    },
    "ledger.entries_as_tables": {
        "en": "{path}: write entries as [[actual]] tables",
        "zh": "{path}：条目应写成 [[actual]] 表",
    },
    "ledger.entry": {
        "en": "{path}, line {line} (entry {n}): {problem}",
        "zh": "{path} 第 {line} 行（第 {n} 条）：{problem}",
    },
    "ledger.entry_no_line": {
        "en": "{path} (entry {n}): {problem}",
        "zh": "{path}（第 {n} 条）：{problem}",
    },
    "ledger.ends_mid_line": {"en": "the file ends mid-line", "zh": "文件在一行中间结束"},
    "cut.torn": {
        "en": "{path}, line {line}: the last entry is incomplete, as a write cut short leaves it"
        " ({why})",
        "zh": "{path} 第 {line} 行：最后一条不完整，像是写入中断留下的（{why}）",
    },
    "cut.torn_left_out": {
        "en": "{torn}; it is left out until {repair} puts the ledger right",
        "zh": "{torn}；在 {repair} 修复数据台账之前，这一条不计入",
    },
    "cut.bad_batch": {
        "en": "batch must be the text that names an import, beside batch_size",
        "zh": "batch 应为标明一次导入的文本，与 batch_size 一起出现",
    },
    "cut.bad_batch_size": {
        "en": "batch_size must be the number of entries of the import, 2 or more",
        "zh": "batch_size 应为该次导入的条数，至少为 2",
    },
    "cut.import": {
        "en": "{path}, line {line}: {n} of the {size} entries of an import cut short are left"
        " out (batch {batch}); import that file again, and {repair} takes them out of the ledger",
        "zh": "{path} 第 {line} 行：一次中断的导入的 {size} 条中有 {n} 条不计入（batch {batch}）；"
        "请重新导入该文件，{repair} 会把它们从数据台账中删去",
    },
    "ledger.torn_refused": {
        "en": "{torn}; nothing was recorded: run {repair} first",
        "zh": "{torn}；未记录任何数据：请先运行 {repair}",
    },
    "file.too_deep": {"en": "nested too deep", "zh": "嵌套过深"},
    "ledger.bad_withdrawn": {
        "en": "withdrawn must be true or false, not {value!r}",
        "zh": "withdrawn 应为 true 或 false，而不是 {value!r}",
    },
    "ledger.withdrawal_value": {
        "en": "a withdrawal (withdrawn = true) has no value",
        "zh": "撤回记录（withdrawn = true）没有数值",
    },
    "ledger.unknown_field": {
        "en": "unknown field {name}",
        "zh": "未知的字段 {name}",
    },
    "ledger.missing_field": {
        "en": "{name} is missing",
        "zh": "缺少 {name}",
    },
    "ledger.bad_target": {
        "en": "target must be a target id, not {value!r}",
        "zh": "target 应为指标编号，而不是 {value!r}",
    },
    "ledger.bad_period": {
        "en": 'period must be text like "2023-03", not {value!r}',
        "zh": 'period 应为 "2023-03" 这样的文本，而不是 {value!r}',
    },
    "ledger.bad_value": {
        "en": "value must be a finite number, not {value!r}",
        "zh": "value 应为有限的数，而不是 {value!r}",
    },
    "ledger.bad_recorded_at": {
        "en": "recorded_at must be a date and time like 2023-04-20T10:00:00+08:00, not {value}",
        "zh": "recorded_at 应为 2023-04-20T10:00:00+08:00 这样的日期时间，而不是 {value}",
    },
    "ledger.not_text": {
        "en": "{name} must be text, not {value!r}",
        "zh": "{name} 应为文本，而不是 {value!r}",
    },
    "ledger.out_of_range": {
        "en": "recorded_at {value} is out of range",
        "zh": "recorded_at {value} 超出范围",
    },
    "ledger.removed": {
        "en": "{path}: the ledger was removed while this waited for it; nothing was recorded",
        "zh": "{path}：等待期间数据台账被删除了；未记录任何数据",
    },
    "ledger.replaced": {
        "en": "{path}: the ledger kept being replaced; nothing was recorded",
        "zh": "{path}：数据台账一再被替换；未记录任何数据",
    },
    "ledger.no_folder": {
        "en": "{path}: the folder {folder} does not exist (point --ledger or TARGETS_LEDGER"
        " at the ledger, or create the folder)",
        "zh": "{path}：文件夹 {folder} 不存在（请用 --ledger 或 TARGETS_LEDGER 指向数据台账，"
        "或先建好该文件夹）",
    },
    "ledger.not_regular": {
        "en": "{path}: the ledger is not a regular file",
        "zh": "{path}：数据台账不是普通文件",
    },
    "repair.done": {
        "en": "repaired {path}: {done}; the file as it was is kept as {copy}",
        "zh": "已修复 {path}：{done}；原文件保留为 {copy}",
    },
    "repair.line_end": {
        "en": "ended the file with the line break its last entry lacked",
        "zh": "在文件末尾补上了最后一条缺少的换行",
    },
    "repair.torn": {"en": "cut off its incomplete last entry", "zh": "删去了不完整的最后一条"},
    "repair.import": {
        "en": "took out {n:entry|entries} of an import cut short",
        "zh": "删去了一次中断的导入留下的 {n} 条",
    },
    "repair.imports": {
        "en": "took out {n:entry|entries} of {imports} imports cut short",
        "zh": "删去了 {imports} 次中断的导入留下的 {n} 条",
    },
    "repair.no_copy": {
        "en": "{path}: cannot keep a copy of the ledger ({why})",
        "zh": "{path}：无法保留数据台账的副本（{why}）",
    },
    "repair.too_many_copies": {
        "en": "{path}: cannot keep a copy of the ledger (too many copies already)",
        "zh": "{path}：无法保留数据台账的副本（副本已太多）",
    },
    "repair.failed": {
        "en": "{path}: cannot repair the ledger ({why}); it is as it was",
        "zh": "{path}：无法修复数据台账（{why}）；文件保持原样",
    },
    "ledger.partial_write": {
        "en": "the disk took only part of it",
        "zh": "磁盘只写入了一部分",
    },
    # --- check
    "check.no_figures": {
        "en": "{path}: no figures recorded yet",
        "zh": "{path}：尚未记录任何数据",
    },
    "check.repair_advice": {
        "en": "{path}: {repair} takes out what the cut write left, keeping a copy"
        " of the file; every other entry stays as it is",
        "zh": "{path}：{repair} 会删去中断的写入留下的内容，并保留文件副本；其余条目不变",
    },
    "check.other_years": {
        "en": "{path}: {n:entry|entries} of other years than {year};"
        " the report reads only the plan's year",
        "zh": "{path}：有 {n} 条不属于 {year} 年的条目；报告只读取计划年度的数据",
    },
    "check.not_a_period": {
        "en": "{path}, line {line}: {target} is {frequency}, so {period} is not one"
        " of its periods (the report leaves it out)",
        "zh": "{path} 第 {line} 行：{target} 为{frequency}指标，{period} 不是它的期间"
        "（报告不计入）",
    },
    "check.unclaimed": {
        "en": "{path}: {n:entry|entries} for {target!r}, which no target of {plan} claims",
        "zh": "{path}：有 {n} 条属于 {target!r}，但计划 {plan} 中没有这个指标",
    },
    "check.stranger": {
        "en": "{path}: {n:entry|entries} for region {region!r}, which {plan}"
        " does not name (region, peers, reference); reports leave them out",
        "zh": "{path}：有 {n} 条属于地区 {region!r}，但计划 {plan} 没有这个地区"
        "（region、peers、reference）；报告不计入",
    },
    "check.ok": {
        "en": "ok: {plan} ({targets} targets) and {ledger} ({entries} entries)",
        "zh": "正常：{plan}（{targets} 个指标）和 {ledger}（{entries} 条记录）",
    },
}
MESSAGES.update(
    {
        # --- the plan's schema
        "schema.at": {"en": "{place}: {problem}", "zh": "{place}：{problem}"},
        "schema.line": {"en": "{path}, line {line}", "zh": "{path} 第 {line} 行"},
        "schema.field_line": {
            "en": "{path}, line {line} ({what})",
            "zh": "{path} 第 {line} 行（{what}）",
        },
        "schema.field_no_line": {"en": "{path} ({what})", "zh": "{path}（{what}）"},
        "schema.the_plan": {"en": "[plan]", "zh": "[plan]"},
        "schema.target_n": {"en": "target {n}", "zh": "第 {n} 个指标"},
        "schema.target_id": {"en": "target {id!r}", "zh": "指标 {id!r}"},
        "schema.unknown_table": {
            "en": "unknown table [{table}] (expected [plan], [[target]])",
            "zh": "未知的表 [{table}]（应为 [plan]、[[target]]）",
        },
        "schema.no_plan_table": {
            "en": "{path}: there is no [plan] table with id, name, region and year",
            "zh": "{path}：没有含 id、name、region 和 year 的 [plan] 表",
        },
        "schema.year": {
            "en": "year {year} is not a plan's year",
            "zh": "year {year} 不是计划的年份",
        },
        "schema.plan_id": {
            "en": "id must be lowercase letters, digits and -",
            "zh": "id 只能由小写字母、数字和 - 组成",
        },
        "schema.targets_as_tables": {
            "en": "write targets as [[target]] tables",
            "zh": "指标应写成 [[target]] 表",
        },
        "schema.targets_as_tables_in": {
            "en": "{path}: write targets as [[target]] tables",
            "zh": "{path}：指标应写成 [[target]] 表",
        },
        "schema.not_number": {
            "en": "{name} must be a number, not {value!r}",
            "zh": "{name} 应为数字，而不是 {value!r}",
        },
        "schema.missing": {"en": "{name} is missing", "zh": "缺少 {name}"},
        "schema.not_whole": {
            "en": "{name} must be a whole number, not {value!r}",
            "zh": "{name} 应为整数，而不是 {value!r}",
        },
        "schema.not_bool": {
            "en": "{name} must be true or false, not {value!r}",
            "zh": "{name} 应为 true 或 false，而不是 {value!r}",
        },
        "schema.finite": {
            "en": "{name} must be a finite number, not {value!r}",
            "zh": "{name} 应为有限的数，而不是 {value!r}",
        },
        "schema.unknown_field": {
            "en": "unknown field {name}{hint}",
            "zh": "未知的字段 {name}{hint}",
        },
        "schema.did_you_mean": {"en": "; did you mean {close}?", "zh": "；是否要写 {close}？"},
        "schema.invalid": {
            "en": "{name}: {why}, not {value!r}",
            "zh": "{name}：{why}，而不是 {value!r}",
        },
        "schema.target_id_form": {
            "en": "id must start with a letter: lowercase letters, digits and _",
            "zh": "id 须以字母开头，只能由小写字母、数字和 _ 组成",
        },
        "schema.tolerance": {
            "en": "tolerance must be 0 or more, not {value}",
            "zh": "tolerance 应不小于 0，而不是 {value}",
        },
        "schema.value_or_relative": {
            "en": "a target has value or relative_to, not both",
            "zh": "指标只能有 value 或 relative_to 之一，不能两者都有",
        },
        "schema.shares_kind": {
            "en": "{name} is for {kind} targets only",
            "zh": "{name} 只用于{kind}指标",
        },
        "schema.shares_count": {
            "en": "{name} needs 12 cumulative shares, one per month, not {n}",
            "zh": "{name} 需要 12 个累计比例，每月一个，而不是 {n} 个",
        },
        "schema.shares_range": {
            "en": "{name} shares must lie within [0, 1]",
            "zh": "{name} 的比例应在 [0, 1] 之间",
        },
        "schema.shares_decrease": {
            "en": "{name} must not decrease from one month to the next",
            "zh": "{name} 不能逐月减小",
        },
        "schema.shares_end": {
            "en": "{name} must end at 1 (the whole year), not {last}",
            "zh": "{name} 应以 1（全年）结束，而不是 {last}",
        },
        "schema.peer_is_own": {
            "en": "peer {name!r} is the plan's own region",
            "zh": "peer {name!r} 是计划本身的地区",
        },
        "schema.peer_twice": {
            "en": "peer {name!r} is named twice",
            "zh": "peer {name!r} 出现了两次",
        },
        "schema.reference_is_own": {
            "en": "reference {name!r} is the plan's own region",
            "zh": "reference {name!r} 是计划本身的地区",
        },
        "schema.reference_is_peer": {
            "en": "reference {name!r} is one of its peers",
            "zh": "reference {name!r} 已在 peers 中",
        },
        "schema.names_en_unknown": {
            "en": "names_en names {name!r}, which is not one of the plan's regions ({known})",
            "zh": "names_en 中的 {name!r} 不是计划的地区（{known}）",
        },
        "schema.values_relative": {
            "en": "values is for targets with a value, not relative_to",
            "zh": "values 只用于有 value 的指标，不用于 relative_to 指标",
        },
        "schema.values_own": {
            "en": "values names {name!r}, the plan's own region: its value is `value`",
            "zh": "values 中的 {name!r} 是计划本身的地区：它的目标值写在 `value`",
        },
        "schema.values_unknown": {
            "en": "values names {name!r}, which is not one of the plan's regions ({known})",
            "zh": "values 中的 {name!r} 不是计划的地区（{known}）",
        },
        "schema.values_finite": {
            "en": "the value for {name!r} must be a finite number",
            "zh": "{name!r} 的目标值应为有限的数",
        },
        "schema.kind.total": {"en": "total", "zh": "总量"},
        "schema.kind.growth": {"en": "growth", "zh": "增速"},
        "schema.id_twice": {"en": "id {id!r} is used twice", "zh": "id {id!r} 用了两次"},
        "schema.refers_to_itself": {
            "en": "a target cannot refer to itself",
            "zh": "指标不能引用自身",
        },
        "schema.no_such_target": {
            "en": "no target {id!r} in the plan",
            "zh": "计划中没有指标 {id!r}",
        },
    }
)
