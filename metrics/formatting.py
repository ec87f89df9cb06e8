"""Numbers, percentages, changes and dates written the Dutch way, for every text the app shows.

Decimal comma, thousands dot, month names in Dutch, done by hand: the locale module depends on
what the machine has installed and is process-global. Pure; never used for numbers in downloads.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

MISSING = "–"  # shown where a number is missing or suppressed; the page explains why
# fmt: off
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
MONTHS_EN = (  # the English pages' dates ('7 December 2026'); numbers keep the Dutch notation
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# fmt: on

# Units that read better without a suffix: the indicator's name already says what it measures.
_BARE_UNITS = {"", "aantal", "score", "afwijking (score)", "cijfer (1-10)", "schaalscore (0-10)"}


def _is_missing(value: object) -> bool:
    """None, NaN and infinity: nothing a person can read as a number (a division by zero upstream
    must show as a dash, never as a crash in the rounding below)."""
    if value is None:
        return True
    try:
        return not math.isfinite(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def _digits(value: float, decimals: int) -> str:
    """|value| rounded half up (as CBS does) with a thousands dot and a decimal comma."""
    # str() gives the shortest repr, so 28.05 rounds to 28.1 and not to 28.0 as binary would.
    rounded = Decimal(str(abs(float(value)))).quantize(
        Decimal(1).scaleb(-max(decimals, 0)), rounding=ROUND_HALF_UP
    )
    text = f"{rounded:,.{max(decimals, 0)}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _signed(value: float, decimals: int, plus: bool) -> str:
    digits = _digits(value, decimals)
    if set(digits) <= set("0.,"):  # rounds to zero: never "-0,0" or "+0,0"
        return digits
    if value < 0:
        return "-" + digits
    return ("+" if plus else "") + digits


def unit_suffix(unit: str | None) -> str:
    """What follows the number: '%' directly, other units after a space, some none at all.

    '% van de woningen' becomes '%' (the indicator's name says of what); 'per 1.000 inwoners'
    stays; 'x 1.000 euro' becomes ' duizend euro'; scores, grades and counts get no suffix.
    """
    if unit is None:
        return ""
    unit = unit.strip()
    if unit.startswith("%"):
        return "%"
    if unit.lower() in _BARE_UNITS:
        return ""
    if unit.lower() in {"x 1.000 euro", "x 1000 euro"}:
        return " duizend euro"
    return " " + unit


def format_number(value: float | int | None, decimals: int = 1, unit: str | None = None) -> str:
    """A number in Dutch notation, e.g. 1234.5 -> '1.234,5'; with unit '%' -> '36,5%'.

    Rounds half up to `decimals` (the catalogue's `decimals`); missing (None/NaN) gives MISSING.
    """
    if _is_missing(value):
        return MISSING
    return _signed(float(value), int(decimals), plus=False) + unit_suffix(unit)  # type: ignore[arg-type]


def format_percentage(value: float | None, decimals: int = 1) -> str:
    """A percentage given in percent (0-100, not a fraction): 36.5 -> '36,5%'."""
    return format_number(value, decimals, "%")


def format_change(value: float | None, decimals: int = 1, unit: str | None = None) -> str:
    """A difference with its sign: '+8,5 procentpunt', '-0,3', '0,0'.

    For percentage units the difference is in procentpunt (36% -> 40% is +4 procentpunt, not
    +4%); other units keep their suffix as in format_number. Missing gives MISSING.
    """
    if _is_missing(value):
        return MISSING
    suffix = (
        " procentpunt" if unit is not None and unit.strip().startswith("%") else unit_suffix(unit)
    )
    return _signed(float(value), int(decimals), plus=True) + suffix  # type: ignore[arg-type]


def format_p_value(p: float | None) -> str:
    """'p < 0,001', 'p = 0,03' (two significant decimals), or MISSING."""
    if _is_missing(p):
        return MISSING
    if p < 0.001:  # type: ignore[operator]
        return "p < 0,001"
    decimals = 3 if p < 0.01 else 2  # type: ignore[operator]
    return "p = " + _digits(float(p), decimals)  # type: ignore[arg-type]


def format_date(date: dt.date, taal: str = "nl") -> str:
    """A date as '23 november 2026' (no leading zero, month in lower case); datetimes too. With
    taal 'en' the month in English: '23 November 2026'."""
    months = MONTHS_EN if taal == "en" else MONTHS
    return f"{date.day} {months[date.month - 1]} {date.year}"
