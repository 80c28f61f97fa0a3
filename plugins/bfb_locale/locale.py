"""Dates, numbers and URLs formatted for the language of the page being written.

Adds Jinja filters `format_date`, `format_number`, `format_partial_date` (for "2017",
"2017-01" or "2017-01-09": as precise as the source), `clean_url` and `same_origin` (what a
page loads, root-relative: lib/bfb_urls), and sets
`locale_date` on every dated content object. The formatting itself is
lib/bfb_formats/locale_format.py (Babel), shared with the places and figures.

Settings: `DATE_FORMATS` (Babel patterns per language), `DEFAULT_DATE_FORMAT`,
`MONTH_DATE_FORMATS` (for content whose day is not known: `Date_precision: month`),
all keyed by Babel locale; a language's locale comes from `SITE_LANGUAGES`.
"""

import datetime as dt
from functools import partial

from bfb_formats.locale_format import date_pattern, localised_date, localised_number
from bfb_formats.partial_dates import partial_date, register_site
from bfb_languages import babel_locale
from bfb_urls import clean_url, same_origin
from pelican import signals


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
    locale = babel_locale(content.settings, content.lang)
    if precision == "month":
        pattern = content.settings.get("MONTH_DATE_FORMATS", {}).get(locale, "MMMM y")
        content.iso_date = date.strftime("%Y-%m")
    elif precision == "year":
        pattern = "y"
        content.iso_date = date.strftime("%Y")
    else:
        pattern = date_pattern(content.settings, locale)
        content.iso_date = date.strftime("%Y-%m-%d")
    content.locale_date = localised_date(date, locale, pattern)


def add_filters(generator) -> None:
    register_site(generator.settings)  # for `PartialDate.label(DEFAULT_LANG)` in the templates
    lang = babel_locale(generator.settings, generator.settings["DEFAULT_LANG"])
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
