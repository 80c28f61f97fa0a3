"""One partial-date model: a date as precise as its source, read and formatted once (a library).

"2017-03-07", "2017-03", "2017" or "um 2017" (a year the source lets one infer): the places
data, the Bürgerbus data and the association's data in the settings write dates this way,
and every page shows them only as precisely as they are written – no day is ever made up.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from babel.dates import get_date_format
from bfb_languages import N_, babel_locale, catalogue_of

from bfb_formats.locale_format import NBSP, date_pattern, localised_date

YEAR_PATTERN = re.compile(r"(?P<approximate>um )?(?P<year>\d{4})")
MONTH_PATTERN = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})")
# A year inferred from the sources: a German msgid, translated in the templates' catalogue.
AROUND = N_("um %(year)s")


@dataclass(frozen=True)
class SiteFormats:
    """How a language site writes partial dates: its Babel locale, patterns and "um" words."""

    locale: str
    day_pattern: str
    month_pattern: str
    around: str


# {language key: its formats}, for `PartialDate.label(DEFAULT_LANG)` in a template, which has no
# settings at hand: bfb_locale registers each site's formats when its generators start
# (`register_site`); the same table gives the same entries in every build.
SITES: dict[str, SiteFormats] = {}


def site_formats(settings: dict) -> SiteFormats:
    """The partial-date formats of the site these settings belong to."""
    locale = babel_locale(settings, settings["DEFAULT_LANG"])
    return SiteFormats(
        locale=locale,
        day_pattern=date_pattern(settings, locale),
        month_pattern=settings.get("MONTH_DATE_FORMATS", {}).get(locale, "MMMM y"),
        around=catalogue_of(settings).gettext(AROUND) if "SITE_LANGUAGES" in settings else AROUND,
    )


def register_site(settings: dict) -> None:
    SITES[settings["DEFAULT_LANG"]] = site_formats(settings)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as its source: a year, a month, a day – or a year that was inferred.

    `approximate` marks a year the source does not state but lets one infer ("um 2017").
    """

    year: int
    month: int = 0  # 0: not known
    day: int = 0  # 0: not known
    approximate: bool = False

    def label(
        self, lang: str, day_pattern: str | None = None, month_pattern: str = "MMMM y", around: str = AROUND
    ) -> str:
        """ "7. März 2017", "März 2017", "2017" or "um 2017".

        `lang`: a language key of a site being built (SITES: its own formats), or a Babel locale
        written with `day_pattern` (default: the locale's long date format), `month_pattern`
        and `around` (the words for an inferred year, with "%(year)s").
        """
        if lang in SITES and day_pattern is None:
            formats = SITES[lang]
            lang, day_pattern, month_pattern, around = (
                formats.locale,
                formats.day_pattern,
                formats.month_pattern,
                formats.around,
            )
        locale = lang
        if self.approximate:
            return (around % {"year": self.year}).replace(" ", NBSP)
        if not self.month:
            return str(self.year)
        pattern = (
            (day_pattern or get_date_format("long", locale=locale).pattern) if self.day else month_pattern
        )
        return localised_date(dt.date(self.year, self.month, self.day or 1), locale, pattern)

    @property
    def iso(self) -> str:
        """The value for `<time datetime>`: as precise as the date is known."""
        parts = [f"{self.year:04d}"] + [f"{part:02d}" for part in (self.month, self.day) if part]
        return "-".join(parts)


def parse_partial_date(value: object) -> PartialDate | None:
    """Return the PartialDate an editor wrote, or None if it is not one of the allowed forms."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if match := YEAR_PATTERN.fullmatch(text):
        return PartialDate(int(match["year"]), approximate=bool(match["approximate"]))
    if (match := MONTH_PATTERN.fullmatch(text)) and 1 <= int(match["month"]) <= 12:
        return PartialDate(int(match["year"]), int(match["month"]))
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return PartialDate(day.year, day.month, day.day)


def partial_date(value: str | int | dt.date | PartialDate, lang: str, settings: dict) -> str:
    """A date written as precisely as known, formatted with the site's patterns (DATE_FORMATS,
    MONTH_DATE_FORMATS) and catalogue: the `format_partial_date` filter of the templates.

    `lang`: the Babel locale of the site being written (`settings`); `value` as written or
    already read (a place's dates).
    """
    if isinstance(value, dt.date):
        return localised_date(value, lang, date_pattern(settings, lang))
    parsed = value if isinstance(value, PartialDate) else parse_partial_date(value)
    if parsed is None:
        return str(value)
    month_pattern = settings.get("MONTH_DATE_FORMATS", {}).get(lang, "MMMM y")
    around = catalogue_of(settings).gettext(AROUND) if "SITE_LANGUAGES" in settings else AROUND
    return parsed.label(lang, date_pattern(settings, lang), month_pattern, around)
