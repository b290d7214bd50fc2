"""Periods: every way a user writes one, the canonical `YYYY-MM`, and labels in words.

A period is a month of a year. For year-to-date figures (growth, total) it means
January through that month; for rates it is that month's reading; for levels only
December (the year) exists.

Two readings of the same text: as a point in the year (`--as-of`: `2023-Q3` is the end
of the third quarter) and as a figure's period (`figure_period`: the bureau's `二季度`
is the second quarter alone, which no year-to-date figure is, so it is refused with the
year-to-date form named).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, NamedTuple

from targets.errors import PeriodError
from targets.messages import Message, msg

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# The many dashes people type between months (NFKC has already made digits half-width).
_DASHES = str.maketrans("—–～~至到", "------")

_NAMED_ZH = {
    "一季度": 3,
    "第一季度": 3,
    "1季度": 3,
    "上半年": 6,
    "前三季度": 9,
    "1-3季度": 9,
    "全年": 12,
}
# Pieces of the year that are not year to date, with the month they end in.
_PIECES_ZH = {
    "二季度": 6,
    "第二季度": 6,
    "2季度": 6,
    "三季度": 9,
    "第三季度": 9,
    "3季度": 9,
    "四季度": 12,
    "第四季度": 12,
    "4季度": 12,
    "下半年": 12,
}

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2}))?")
_QUARTER = re.compile(r"(\d{4})-?[Qq]([1-4])")
_HALF = re.compile(r"(\d{4})-?[Hh]([12])")
_ZH = re.compile(r"(?:(\d{4})年)?(.*)")
_ZH_MONTHS = re.compile(r"(?:(\d{1,2})月?-)?(\d{1,2})月份?")

FORMS = "2023-03, 2023-Q1, 2023-H1, 2023, 2023年1-3月, 2023年一季度, 2023年上半年"

# What a text names: a span from January (year to date, or the year), a lone month,
# a piece of the year that is not year to date (a later quarter or half), or the
# canonical `YYYY-MM` (a year-to-date figure or a month's reading, as the target reads).
Shape = Literal["span", "month", "piece", "canonical"]


class Period(NamedTuple):
    """A month of a year; ordered, hashable, printed as `YYYY-MM`."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def parse_period(text: str, year: int | None = None) -> Period:
    """Read any accepted form of a period as a point in the year: a later quarter or a
    lone month means its end. `year` is meant where the text names none (一季度, 3月).
    PeriodError naming the text when it cannot be read."""
    return read_period(text, year)[0]


def figure_period(
    text: str, year: int | None = None, *, cumulative: bool = True, reading: bool = False
) -> Period:
    """Read the period of a figure: refuse a piece of the year that is not year to date
    (二季度, 2023-H2), and for year-to-date figures (`cumulative`) a lone month, each with
    a hint naming the year-to-date form; for a monthly rate's `reading`, a span of months
    (the bureau's "CPI 1-3月" is the mean of three readings), naming the month."""
    period, shape = read_period(text, year)
    if reading and shape == "span":
        raise PeriodError(msg("period.rate_span", text=text.strip(), period=period))
    if shape == "piece" or (shape == "month" and cumulative and period.month != 1):
        raise PeriodError(_alone(text, period, shape, cumulative))
    return period


def _alone(text: str, period: Period, shape: Shape, cumulative: bool) -> Message:
    """Why a single quarter, half or month is no year-to-date figure, and what to write
    (for a rate: the month of the reading)."""
    plain = _normal(text)
    piece = msg(_piece(plain, shape))
    if not cumulative:
        return msg("period.alone_rate", text=text.strip(), piece=piece, period=period)
    if "年" in plain or "月" in plain or "季" in plain:
        ytd = label(period, "zh")
        written = f"{period.year}年{ytd}" if re.match(r"\d{4}年", plain) else ytd
    else:
        written = {6: f"{period.year}-H1", 9: f"{period.year}年前三季度"}.get(
            period.month, str(period.year)
        )
    return msg("period.alone", text=text.strip(), piece=piece, written=written)


def _piece(plain: str, shape: Shape) -> str:
    if shape == "month":
        return "piece.month"
    return "piece.half" if "半" in plain or "H" in plain.upper() else "piece.quarter"


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_DASHES).replace(" ", "").strip()


def read_period(text: str, year: int | None = None) -> tuple[Period, Shape]:
    """The period a text names and its shape (see `Shape`)."""
    found_year, month, shape = _match(_normal(text), text, year)
    if not 1 <= month <= 12:
        raise PeriodError("period.no_month", text=text, month=month)
    return Period(found_year, month), shape


def _match(text: str, raw: str, year: int | None) -> tuple[int, int, Shape]:
    if m := _ISO.fullmatch(text):
        return int(m[1]), int(m[2]) if m[2] else 12, "canonical" if m[2] else "span"
    if m := _QUARTER.fullmatch(text):
        return int(m[1]), 3 * int(m[2]), "span" if m[2] == "1" else "piece"
    if m := _HALF.fullmatch(text):
        return int(m[1]), 6 * int(m[2]), "span" if m[2] == "1" else "piece"
    m = _ZH.fullmatch(text)
    if m and (m[1] is not None or year is not None) and (m[1] is not None or m[2]):
        found = int(m[1]) if m[1] is not None else year
        assert found is not None
        rest = m[2]
        if rest in _NAMED_ZH or rest == "":
            return found, _NAMED_ZH.get(rest, 12), "span"
        if rest in _PIECES_ZH:
            return found, _PIECES_ZH[rest], "piece"
        if months := _ZH_MONTHS.fullmatch(rest):
            if months[1] is not None and int(months[1]) != 1:
                raise PeriodError("period.starts_in_january", text=raw, month=months[2])
            return found, int(months[2]), "month" if months[1] is None else "span"
    raise PeriodError("period.unreadable", text=raw, forms=FORMS)


# The forms a spreadsheet turns `2023-03` into: 2023/3/1, 2023/3, 2023-03-01,
# 2023年3月1日 (a date of that month), Mar-23 (Excel's mmm-yy).
_DATE = re.compile(r"(\d{4})[/.-](\d{1,2})(?:[/.-](\d{1,2}))?(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?")
_DATE_ZH = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MON_YY = re.compile(r"([A-Za-z]{3})[A-Za-z]*[-/ ](\d{2}|\d{4})")


def spreadsheet_month(text: str) -> Period | None:
    """The month of a date as a spreadsheet writes it (only forms that are no period
    of their own), or None. Only `import` reads these: a sheet's cell is a date there."""
    plain = unicodedata.normalize("NFKC", text).strip()
    if (m := _DATE.fullmatch(plain)) and (m[3] is not None or "/" in plain or "." in plain):
        return _month(int(m[1]), int(m[2]), text)
    if m := _DATE_ZH.fullmatch(plain.replace(" ", "")):
        return _month(int(m[1]), int(m[2]), text)
    if (m := _MON_YY.fullmatch(plain)) and m[1].title() in MONTHS_EN:
        year = int(m[2]) + (2000 if len(m[2]) == 2 else 0)
        return Period(year, MONTHS_EN.index(m[1].title()) + 1)
    return None


def _month(year: int, month: int, raw: str) -> Period:
    if not 1 <= month <= 12:
        raise PeriodError("period.no_month", text=raw, month=month)
    return Period(year, month)


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
