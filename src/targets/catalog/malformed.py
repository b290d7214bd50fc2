"""Messages about files that are not what they should be: a plan written over the
ledger, a FIFO for a plan, a number no figure is, two targets with one name."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "file.huge_number": {"en": "a number of thousands of digits", "zh": "数字长达数千位"},
    "plan.not_regular": {
        "en": "{path}: the plan is not a regular file",
        "zh": "{path}：计划文件不是普通文件",
    },
    "ledger.huge_value": {
        "en": "value is a number of {digits} digits: no figure is",
        "zh": "value 是一个 {digits} 位的数：不可能是统计数据",
    },
    "init.is_ledger": {
        "en": "{path} is the ledger: a plan written there would replace every figure recorded;"
        " give --plan another file",
        "zh": "{path} 是数据台账：把计划写到那里会覆盖所有已记录的数据；请用 --plan 指定别的文件",
    },
    "schema.name_twice": {
        "en": "{name!r} is also the name of {other}: a record by name could not tell them apart",
        "zh": "{name!r} 也是 {other} 的名称：按名称记录时无法区分",
    },
}
