"""Periods: every way a user writes one, the canonical `YYYY-MM`, and labels in words.

A period is a month of a year. For year-to-date figures (growth, total) it means
January through that month; for rates it is that month's reading; for levels only
December (the year) exists.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from targets.errors import PeriodError

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Full-width digits and the many dashes people type between months.
_NORMALISE = str.maketrans("０１２３４５６７８９－—–～~至到", "0123456789-------")

_NAMED_ZH = {
    "一季度": 3,
    "第一季度": 3,
    "1季度": 3,
    "上半年": 6,
    "前三季度": 9,
    "1-3季度": 9,
    "全年": 12,
    "": 12,
}
_SINGLE_QUARTER_ZH = ("二季度", "第二季度", "三季度", "第三季度", "四季度", "第四季度", "下半年")

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2}))?")
_QUARTER = re.compile(r"(\d{4})-?[Qq]([1-4])")
_HALF = re.compile(r"(\d{4})-?[Hh]([12])")
_ZH = re.compile(r"(\d{4})年(.*)")
_ZH_MONTHS = re.compile(r"(?:(\d{1,2})月?-)?(\d{1,2})月份?")

FORMS = "2023-03, 2023-Q1, 2023-H1, 2023, 2023年1-3月, 2023年一季度, 2023年上半年"


class Period(NamedTuple):
    """A month of a year; ordered, hashable, printed as `YYYY-MM`."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def parse_period(text: str) -> Period:
    """Read any accepted form of a period; raise PeriodError naming the text otherwise."""
    raw = text
    text = text.strip().translate(_NORMALISE).replace(" ", "")
    year, month = _match(text, raw)
    if not 1 <= month <= 12:
        raise PeriodError(f"period {raw!r}: there is no month {month}")
    return Period(year, month)


def _match(text: str, raw: str) -> tuple[int, int]:
    if m := _ISO.fullmatch(text):
        return int(m[1]), int(m[2]) if m[2] else 12
    if m := _QUARTER.fullmatch(text):
        return int(m[1]), 3 * int(m[2])
    if m := _HALF.fullmatch(text):
        return int(m[1]), 6 * int(m[2])
    if m := _ZH.fullmatch(text):
        year, rest = int(m[1]), m[2]
        if rest in _NAMED_ZH:
            return year, _NAMED_ZH[rest]
        if rest in _SINGLE_QUARTER_ZH:
            raise PeriodError(
                f"period {raw!r}: figures are year-to-date; write 上半年, 前三季度 or 全年"
                " for the cumulative period ending then"
            )
        if months := _ZH_MONTHS.fullmatch(rest):
            if months[1] is not None and int(months[1]) != 1:
                raise PeriodError(
                    f"period {raw!r}: year-to-date periods start in January (1-{months[2]}月)"
                )
            return year, int(months[2])
    raise PeriodError(f"cannot read period {raw!r}: write it like {FORMS}")


def names_one_month(text: str) -> bool:
    """Whether the text names a single month (2023-03, 2023年3月), not a span of the year."""
    text = text.strip().translate(_NORMALISE).replace(" ", "")
    if m := _ISO.fullmatch(text):
        return m[2] is not None
    if (m := _ZH.fullmatch(text)) and (months := _ZH_MONTHS.fullmatch(m[2])):
        return months[1] is None
    return False


def allowed_months(frequency: str, kind: str) -> tuple[int, ...]:
    """The months a target of this frequency and kind takes a figure for."""
    if kind == "level" or frequency == "annual":
        return (12,)
    if frequency == "quarterly":
        return (3, 6, 9, 12)
    return tuple(range(1, 13))


def label(period: Period, lang: str, *, cumulative: bool = True) -> str:
    """The period in words: 1-3月 / Jan–Mar for year-to-date figures, 3月 / Mar for a reading."""
    m = period.month
    if lang == "zh":
        if not cumulative or m == 1:
            return f"{m}月"
        return {6: "上半年", 9: "前三季度", 12: "全年"}.get(m, f"1-{m}月")
    if not cumulative or m == 1:
        return MONTHS_EN[m - 1]
    return {6: "H1", 9: "Q1–Q3", 12: "Year"}.get(m, f"Jan–{MONTHS_EN[m - 1]}")
