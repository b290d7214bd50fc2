"""Messages of the desk where figures arrive: figures that look wrong for their target
(plausibility) and figures no target of the plan claims."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "plausible.warning": {
        "en": "warning: {where}{what} = {value:g} is {why}; check it",
        "zh": "警告：{where}{what} = {value:g}，{why}，请核对",
    },
    "plausible.range": {
        "en": "outside the plausible range [{low}, {high}] the plan gives",
        "zh": "超出计划给定的合理范围 [{low}, {high}]",
    },
    "plausible.far": {
        "en": "more than {reach} away from the target, {expected}",
        "zh": "与目标值 {expected} 相差超过 {reach}",
    },
    "plausible.floor": {
        "en": "below {floor}, the lowest figure {target} can take",
        "zh": "低于 {target} 可能的最低值 {floor}",
    },
    "plausible.fraction": {
        "en": "not a whole number of {unit}",
        "zh": "不是整数个（{unit}）",
    },
    "schema.plausible": {
        "en": "plausible must be [low, high] with low below high, not [{low}, {high}]",
        "zh": "plausible 应写成 [下限, 上限] 且下限小于上限，而不是 [{low}, {high}]",
    },
    "period.rate_span": {
        "en": "period {text!r} spans months, and a monthly rate takes each month's reading"
        " (the bureau's figure for a span is their mean): write the month, {period}",
        "zh": "期间 {text!r} 跨越多个月，而月度比率按各月读数记录（统计局的跨月数据是各月平均）："
        "请写月份，如 {period}",
    },
    "report.unclaimed": {
        "en": "note: {n:figure|figures} of {year} under ids no target of {plan} has, left out"
        " of the report: {ids}; `targets check` names them",
        "zh": "注意：{year}年有 {n} 个数据所属的指标不在计划 {plan} 中，报告未计入：{ids}；"
        "`targets check` 会列出",
    },
    "check.unclaimed_of_year": {
        "en": "{path}: {n:entry|entries} for {target!r}, which no target of {plan} claims"
        " ({of_year} of {year}: was the target renamed?)",
        "zh": "{path}：有 {n} 条属于 {target!r}，但计划 {plan} 中没有这个指标"
        "（其中 {of_year} 条属于 {year} 年：指标是否改过名？）",
    },
}
