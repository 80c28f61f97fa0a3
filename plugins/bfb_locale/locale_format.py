"""Dates, numbers and URLs formatted for the language of the page being written.

This machine (and many hosts) have no German system locale, so dates are formatted
with Babel, never with `strftime`. Adds Jinja filters `format_date`, `format_number`
`format_partial_date` (for "2017", "2017-01" or "2017-01-09": as precise as the source)
and `clean_url`, and sets `locale_date` on every dated content object.

Settings: `DATE_FORMATS` (Babel patterns per language), `DEFAULT_DATE_FORMAT`,
`MONTH_DATE_FORMATS` (for content whose day is not known: `Date_precision: month`).
"""

import datetime as dt
import posixpath
from functools import cache, partial
from urllib.parse import urlsplit, urlunsplit

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal
from pelican import signals

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


def clean_url(url: str) -> str:
    """Return `url` with `..` segments resolved: `/en/../orte/` becomes `/orte/`.

    i18n_subsites links translations relatively; hreflang, canonical links and
    the sitemap need the plain form.
    """
    parts = urlsplit(url)
    path = parts.path
    if not path:
        return url
    trailing_slash = path.endswith("/")
    path = posixpath.normpath(path)
    if path == ".":
        path = ""
    if trailing_slash and not path.endswith("/"):
        path += "/"
    return urlunsplit(parts._replace(path=path))


def same_origin(url: str) -> str:
    """Return `url` cleaned (`clean_url`) and without scheme and host: `/theme/css/site.css`.

    For what a page loads (stylesheet, icon, scripts, photos): a root-relative address loads
    from whichever host serves the page, so `invoke preview` served locally is styled and asks
    no other host. Links that must name the live site (hreflang, sitemap, feeds) stay absolute.
    """
    parts = urlsplit(clean_url(url))
    return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))


def date_pattern(settings: dict, lang: str) -> str:
    return settings.get("DATE_FORMATS", {}).get(lang, settings["DEFAULT_DATE_FORMAT"])


def set_locale_date(content) -> None:
    """Give dated content `locale_date` (Babel, its own language) and `iso_date` for `<time>`.

    With `Date_precision: month` only month and year are shown, with `year` only the
    year: the rest of the date in the file is then a stand-in, and the site must not
    present it as a fact.
    """
    date = getattr(content, "date", None)
    if not isinstance(date, dt.date):
        return
    precision = content.metadata.get("date_precision")
    if precision == "month":
        pattern = content.settings.get("MONTH_DATE_FORMATS", {}).get(content.lang, "MMMM y")
        content.iso_date = date.strftime("%Y-%m")
    elif precision == "year":
        pattern = "y"
        content.iso_date = date.strftime("%Y")
    else:
        pattern = date_pattern(content.settings, content.lang)
        content.iso_date = date.strftime("%Y-%m-%d")
    content.locale_date = localised_date(date, content.lang, pattern)


def partial_date(value: str | dt.date, lang: str, settings: dict) -> str:
    """Return "2017" / "Januar 2017" / "9. Januar 2017" for "2017" / "2017-01" / "2017-01-09".

    For facts whose sources give only a month or a year: no day is ever made up.
    """
    if isinstance(value, dt.date):
        return localised_date(value, lang, date_pattern(settings, lang))
    parts = [int(part) for part in str(value).split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        month_pattern = settings.get("MONTH_DATE_FORMATS", {}).get(lang, "MMMM y")
        return localised_date(dt.date(parts[0], parts[1], 1), lang, month_pattern)
    return localised_date(dt.date(*parts), lang, date_pattern(settings, lang))


def add_filters(generator) -> None:
    lang = generator.settings["DEFAULT_LANG"]
    generator.env.filters.update(
        format_date=partial(_format_date_filter, lang=lang, settings=generator.settings),
        format_number=partial(localised_number, lang=lang),
        format_partial_date=partial(partial_date, lang=lang, settings=generator.settings),
        clean_url=clean_url,
        same_origin=same_origin,
    )


def _format_date_filter(value: dt.date, pattern: str | None = None, *, lang: str, settings: dict) -> str:
    return localised_date(value, lang, pattern or date_pattern(settings, lang))


def register() -> None:
    signals.content_object_init.connect(set_locale_date)
    signals.generator_init.connect(add_filters)
