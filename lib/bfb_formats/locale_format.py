"""Dates and numbers formatted for a language (a library, not a plugin; bfb_locale uses it).

This machine (and many hosts) have no German system locale, so dates are formatted
with Babel, never with `strftime`. Partial dates ("2017", "2017-01", "2017-01-09", "um
2017"): partial_dates.py.

Settings read: `DATE_FORMATS` (Babel patterns per language), `DEFAULT_DATE_FORMAT`,
`MONTH_DATE_FORMATS` (for content whose day is not known: `Date_precision: month`).
"""

import datetime as dt
from functools import cache

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal

NBSP = "\u00a0"


# Both language sites create an object for every file and date it; Babel is slow
# enough that formatting each (date, language, pattern) once is worth remembering.
@cache
def localised_date(value: dt.date, lang: str, pattern: str) -> str:
    """Return `value` formatted for `lang`, with non-breaking spaces inside the date."""
    return babel_format_date(value, format=pattern, locale=lang).replace(" ", NBSP)


@cache  # the place pages show the same few figures many times over
def localised_number(value: float, lang: str) -> str:
    """Return `value` with the language's digit grouping (8.059 in German, 8,059 in English)."""
    return format_decimal(value, locale=lang)


def date_pattern(settings: dict, lang: str) -> str:
    return settings.get("DATE_FORMATS", {}).get(lang, settings["DEFAULT_DATE_FORMAT"])
