"""Every word the tool shows a person, in Chinese and English, and how numbers read."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext

from targets.domain.periods import Period, label
from targets.domain.plan import Plan, Target
from targets.evaluation.judge import dec

STATUS = {
    "zh": {
        "met": "已实现",
        "on_track": "符合预期",
        "behind": "滞后",
        "missed": "未实现",
        "no_data": "无数据",
        "no_target": "无目标值",
    },
    "en": {
        "met": "met",
        "on_track": "on track",
        "behind": "behind",
        "missed": "missed",
        "no_data": "no data",
        "no_target": "no target",
    },
}
# Read without colour too; all one terminal cell wide.
SYMBOL = {
    "met": "✔",
    "on_track": "✓",
    "behind": "✗",
    "missed": "✘",
    "no_data": "?",
    "no_target": "-",
}
STYLE = {
    "met": "bold green",
    "on_track": "green",
    "behind": "yellow",
    "missed": "bold red",
    "no_data": "dim",
    "no_target": "dim",
}

HEADERS = {
    "zh": ("指标", "目标", "期间", "实际", "差距", "状态", "尚需", "走势"),
    "en": ("Target", "Goal", "Period", "Actual", "Gap", "Status", "Rest of year", "Trend"),
}
OUTLOOK_HEADER = {"zh": "全年预计", "en": "Year (est.)"}
OUTLOOK = {
    "zh": {"likely": "有望完成", "at_risk": "存在压力", "unlikely": "完成难度大"},
    "en": {"likely": "likely", "at_risk": "at risk", "unlikely": "unlikely"},
}
ABOVE_BAND = {"zh": "高于目标区间", "en": "above the band"}
OUTLOOK_ABOVE_BAND = {"zh": "预计高于\u200b目标区间", "en": "above the band"}
ESTIMATE = {"zh": "预计\u200b{x}", "en": "est. {x}"}
OUT_OF_REACH = {"zh": "已无法完成", "en": "out of reach"}
# What the rest of the year must or may deliver (SPEC §3), by (rate?, comparator, side):
# "hard" asks more than the target itself, "easy" leaves room, "fall" leaves room for a
# fall. The easy side says what the rest of the year may do, never a bare comparator.
PACE = {
    "zh": {
        (False, "at_least", "hard"): "余下需增长\u200b{x}以上",
        (False, "at_least", "easy"): "余下增长\u200b{x}即可",
        (False, "at_least", "fall"): "余下可下降\u200b{x}\u200b仍达标",
        (False, "at_most", "hard"): "余下需\u200b控制在\u200b{x}以内",
        (False, "at_most", "fall"): "余下需\u200b下降{x}",
        (False, "at_most", "easy"): "余下增长\u200b不超过\u200b{x}即可",
        (False, "around", "hard"): "余下需增长\u200b约{x}",
        (False, "around", "fall"): "余下需下降\u200b约{x}",
        (True, "at_least", "hard"): "余下月均\u200b需达\u200b{x}以上",
        (True, "at_least", "easy"): "余下月均\u200b不低于\u200b{x}即可",
        (True, "at_most", "hard"): "余下月均\u200b需控制在\u200b{x}以内",
        (True, "at_most", "easy"): "余下月均\u200b不超过\u200b{x}即可",
        (True, "around", "hard"): "余下月均\u200b需约\u200b{x}",
    },
    "en": {
        (False, "at_least", "hard"): "needs ≥{x}",
        (False, "at_least", "easy"): "may slow to {x}",
        (False, "at_least", "fall"): "may fall {x} and still meet it",
        (False, "at_most", "hard"): "needs ≤{x}",
        (False, "at_most", "fall"): "must fall {x}",
        (False, "at_most", "easy"): "may grow up to {x}",
        (False, "around", "hard"): "needs about {x}",
        (False, "around", "fall"): "needs a fall of about {x}",
        (True, "at_least", "hard"): "needs an average ≥{x}",
        (True, "at_least", "easy"): "may average down to {x}",
        (True, "at_most", "hard"): "needs an average ≤{x}",
        (True, "at_most", "easy"): "may average up to {x}",
        (True, "around", "hard"): "needs an average of about {x}",
    },
}
# Where a Chinese phrase may break in a narrow column (\u200b in the phrases above and
# below): a line break there in a terminal too narrow for it, nothing elsewhere.
SOFT = "\u200b"
# Change since the previous period with a figure: (rises, falls, the same).
CHANGE = {
    "zh": ("比上期\u200b提高{x}", "比上期\u200b回落{x}", "与上期持平"),
    "en": ("+{x} on prev.", "-{x} on prev.", "same as prev."),
}
CHANGE_TOTAL = {
    "zh": ("比上期\u200b增加{x}", "比上期\u200b减少{x}", "与上期持平"),
    "en": ("+{x} on prev.", "-{x} on prev.", "same as prev."),
}
# Units as English output writes them: no Chinese in an English table.
UNITS_EN = {
    "件": "projects",
    "项": "items",
    "个": "",
    "家": "firms",
    "人": "people",
    "万人": "10k people",
    "元": "yuan",
    "万元": "10k yuan",
    "亿元": "100m yuan",
    "吨": "t",
    "万吨": "10k t",
}
NO_DEPARTMENT = {"zh": "未指定部门", "en": "No department named"}
NO_FIGURES = {"zh": "尚无数据", "en": "no figures yet"}
HISTORY_HEADERS = {
    "zh": ("期间", "数值", "差距", "状态", "图示", "记录时间", "来源 · 备注", "单期(估)"),
    "en": (
        "Period",
        "Value",
        "Gap",
        "Status",
        "Chart",
        "Recorded",
        "Source · note",
        "Alone (est.)",
    ),
}
ALONE_NOTE = {
    "zh": "单期(估)：由相邻两期累计增速按时间权重推算的当期增速，为估算值",
    "en": "Alone (est.): the period's own growth, estimated from two year-to-date figures"
    " weighted by time",
}
# history: the projection made at each period, and a rate's mean beside its reading
HISTORY_MORE = {"zh": ("全年预计", "均值"), "en": ("Year (est.)", "Mean")}
REVISED = {"zh": "已修订", "en": "revised"}
WITHDRAWN = {"zh": "已撤回", "en": "withdrawn"}
LIST_HEADERS = {
    "zh": ("编号", "指标（报告原文）", "目标", "类型", "频度"),
    "en": ("id", "Target (the report's words)", "Goal", "Kind", "Frequency"),
}
KIND = {
    "zh": {"growth": "增速", "rate": "比率", "total": "总量", "level": "年度值"},
    "en": {"growth": "growth", "rate": "rate", "total": "total", "level": "level"},
}
FREQUENCY = {
    "zh": {"monthly": "月度", "quarterly": "季度", "annual": "年度"},
    "en": {"monthly": "monthly", "quarterly": "quarterly", "annual": "annual"},
}

SPARKS = "▁▂▃▄▅▆▇█"
SIGN = {"at_least": "≥", "at_most": "≤", "around": "≈"}


_HUGE = Decimal("1e15")


def number(x: Decimal | float | None, places: int = 2, least: int = 0) -> str:
    """A figure for people: at most `places` decimals and at least `least`, no −0."""
    if x is None:
        return ""
    d = x if isinstance(x, Decimal) else dec(x)
    if not d.is_finite():
        return "—"
    if abs(d) >= _HUGE:  # no figure has so many digits: short, so the table keeps its columns
        return f"{d:.6g}".replace("E", "e")
    with localcontext() as ctx:  # room for every digit of a large figure
        ctx.prec = max(28, d.adjusted() + places + 2)
        q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP).normalize()
        if -q.as_tuple().exponent < least:  # type: ignore[operator]
            q = q.quantize(Decimal(1).scaleb(-least))
    text = f"{q:f}"
    return text[1:] if text.startswith("-") and not q else text


def figure(x: Decimal | float | None, unit: str, places: int = 2) -> str:
    """A published or computed figure: percentages keep one decimal, as bureaus print
    them (5.0%, not 5%)."""
    return number(x, places, 1 if unit == "%" else 0)


def decisive(gap: Decimal | None, places: int = 2) -> int:
    """Decimals enough that a gap which is not zero does not show as zero: 6.496 against
    ≥6.5 shows 6.496% and -0.004 beside 未实现, never 6.5% and 0."""
    if gap is None or not gap.is_finite() or gap == 0:
        return places
    while places < 12 and Decimal(number(gap, places)) == 0:
        places += 1
    return places


def with_unit(
    x: Decimal | float | None, unit: str, lang: str, as_written: bool = False, places: int = 2
) -> str:
    """A figure and its unit; a target's value `as_written` in the plan (6%, not 6.0%)."""
    if x is None:
        return ""
    text = number(x) if as_written else figure(x, unit, places)
    if lang == "en":
        unit = UNITS_EN.get(unit, unit)
    if not unit or unit == "%" or not unit.isascii():
        return f"{text}{unit}"
    return f"{text} {unit}"


def signed(x: Decimal | None, unit: str = "", lang: str = "", places: int = 2) -> str:
    """A difference with its sign; in the target's unit when it counts things (a gap of
    -3.5件), bare for percentages (points)."""
    if x is None:
        return ""
    text = figure(x, unit, places)
    text = text if text.startswith("-") or not Decimal(text) else f"+{text}"
    if lang and unit and unit != "%":
        sign = text[0] if text[0] in "+-" else ""
        return sign + with_unit(Decimal(text.lstrip("+-")), unit, lang, places=places)
    return text


def goal(target: Target, plan: Plan, lang: str, soft: bool = False) -> str:
    """The target in words: ≥6.5%, ≤6%左右 (±0.5), 与地区生产总值同步, 50件, 待定;
    `soft`: with the places a narrow column may break it (SOFT)."""
    if target.relative_to is not None:
        ref = next((t for t in plan.targets if t.id == target.relative_to), None)
        name = ref.display_name(lang) if ref else target.relative_to
        brk = SOFT if soft else ""
        return f"与{brk}{name}{brk}同步" if lang == "zh" else f"in step with {name}"
    if target.value is None:
        return "待定" if lang == "zh" else "to be set"
    amount = with_unit(target.value, target.unit, lang, as_written=True)
    band = target.tolerance > 0
    # the tolerance in figures in both languages; a space so that it wraps whole
    within = f" (±{number(target.tolerance)})" if band else ""
    if target.comparator == "around":
        if lang == "zh":
            return f"{amount}左右{within}"
        return f"≈{amount}{within}" if band else f"={amount}"
    sign = SIGN[target.comparator]
    if target.kind == "total" and target.comparator == "at_least" and not band:
        return amount
    if band:
        return f"{sign}{amount}左右{within}" if lang == "zh" else f"{sign}{amount}{within}"
    return f"{sign}{amount}"


def period_label(period: Period | None, target: Target | None, lang: str) -> str:
    if period is None:
        return ""
    return label(period, lang, cumulative=target is None or target.cumulative)


def sparkline(values: list[Decimal]) -> str:
    """The year's figures so far as one character each, lowest to highest."""
    if not values:
        return ""
    lo, hi = min(values), max(values)
    if hi == lo:
        return SPARKS[3] * len(values)
    top = len(SPARKS) - 1
    return "".join(SPARKS[int((v - lo) / (hi - lo) * top + Decimal("0.5"))] for v in values)


def summary(counts: Mapping[str, int], lang: str) -> str:
    """7 on track, 3 behind, 2 without data — only what occurs, in status order."""
    parts = []
    for status, n in counts.items():
        if not n:
            continue
        if lang == "zh":
            parts.append(f"{STATUS['zh'][status]} {n}")
        else:
            word = {"no_data": "without data", "no_target": "without a target"}.get(
                status, STATUS["en"][status]
            )
            parts.append(f"{n} {word}")
    return ("，" if lang == "zh" else ", ").join(parts)


def rank(rank: int | None, of: int | None, tied: bool, change: int | None, lang: str) -> str:
    """A rank in words: 第3位/9 ↑2, 并列第2位/9; 3rd/9 ↑2, =2nd/9."""
    if rank is None or of is None:
        return ""
    if lang == "zh":
        text = f"{'并列' if tied else ''}第{rank}位/{of}"
    else:
        suffix = (
            "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
        )
        text = f"{'=' if tied else ''}{rank}{suffix}/{of}"
    moved = rank_change(change)
    return f"{text} {moved}" if moved else text


def rank_change(change: int | None) -> str:
    """↑2: moved up two places (前移); ↓1: down one (后移); →: held its place."""
    if change is None:
        return ""
    return f"{'↑' if change > 0 else '↓' if change < 0 else '→'}{abs(change) or ''}"


RANK_HEADER = {"zh": "位次", "en": "Rank"}
KNOWN_ON = {"zh": "截至{}所知", "en": "as known on {}"}
VS_HEADER = {"zh": "比{}", "en": "vs {}"}
# Why a region has no rank: no figure for the period, no value to rank a total's progress
# on, fewer than two ranked, or the reference (compared with, never ranked).
UNRANKED = {
    "zh": {
        "no_figure": "无本期数据",
        "no_value": "无目标值",
        "alone": "不足两地",
        "reference": "参照",
    },
    "en": {
        "no_figure": "no figure",
        "no_value": "no value",
        "alone": "alone",
        "reference": "reference",
    },
}
