"""What the commands say besides their results: confirmations, notes, and the prefixes
that mark a line as an error, a note or a warning."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "prefix.error": {"en": "error: {text}", "zh": "错误：{text}"},
    "prefix.note": {"en": "note: {text}", "zh": "注意：{text}"},
    "prefix.warning": {"en": "warning: {text}", "zh": "警告：{text}"},
    "init.wrote": {
        "en": "wrote {path}: the {year} plan of {region}; record figures with `targets record`",
        "zh": "已写入 {path}：{region}{year}年计划；用 `targets record` 记录数据",
    },
    "import.recorded": {
        "en": "recorded {n:figure|figures} from {file} ({read_as}){skipped}",
        "zh": "已从 {file}（{read_as}）记录 {n} 个数据{skipped}",
    },
    "import.would_record": {
        "en": "would record {n:figure|figures} from {file} ({read_as}){skipped}",
        "zh": "将从 {file}（{read_as}）记录 {n} 个数据{skipped}（试运行，未写入）",
    },
    "import.unchanged": {"en": ", {n} unchanged", "zh": "，{n} 个与现有数据相同"},
    "import.stale": {"en": ", {n} stale (revised away)", "zh": "，{n} 个已被修订的旧数据"},
    "export.as_of_actuals": {
        "en": "note: --as-of applies to the report; the actuals export holds every entry",
        "zh": "注意：--as-of 只用于报告；导出数据台账时包含全部条目",
    },
    "export.wrote": {"en": "wrote {path}", "zh": "已写入 {path}"},
    "library.said": {"en": "{text}", "zh": "{text}"},  # a library's own words
    "version": {"en": "targets {version}", "zh": "targets {version}"},
}
