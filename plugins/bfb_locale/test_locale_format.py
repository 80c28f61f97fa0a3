import datetime as dt

import pytest
from bfb_formats.locale_format import localised_date, localised_number
from bfb_urls import clean_url

from bfb_locale.locale import set_locale_date


def test_german_date_has_month_name_and_no_breaking_space():
    assert localised_date(dt.date(2022, 6, 22), "de", "d. MMMM y") == "22.\u00a0Juni\u00a02022"


def test_english_date():
    assert localised_date(dt.date(2017, 1, 9), "en", "d MMMM y") == "9\u00a0January\u00a02017"


def test_numbers_grouped_per_language():
    assert localised_number(8059, "de") == "8.059"
    assert localised_number(8059, "en") == "8,059"


@pytest.mark.parametrize(
    ("url", "clean"),
    [
        ("/en/../orte/", "/orte/"),
        ("https://example.org/en/../aktuelles/x/", "https://example.org/aktuelles/x/"),
        ("/en/", "/en/"),
        ("/", "/"),
        ("", ""),
        ("/en/../", "/"),
    ],
)
def test_clean_url_resolves_parent_segments(url, clean):
    assert clean_url(url) == clean


class _Content:
    def __init__(self, date, lang, metadata):
        self.date, self.lang, self.metadata = date, lang, metadata
        self.settings = {
            "DEFAULT_DATE_FORMAT": "d. MMMM y",
            "DATE_FORMATS": {"de": "d. MMMM y", "en": "d MMMM y"},
            "MONTH_DATE_FORMATS": {"de": "MMMM y", "en": "MMMM y"},
        }


def test_month_precision_hides_the_stand_in_day():
    from bfb_locale.locale import set_locale_date

    content = _Content(dt.date(2022, 6, 1), "de", {"date_precision": "month"})
    set_locale_date(content)
    assert content.locale_date == "Juni\u00a02022"
    assert content.iso_date == "2022-06"


def test_day_precision_is_the_default():
    from bfb_locale.locale import set_locale_date

    content = _Content(dt.date(2017, 1, 9), "en", {})
    set_locale_date(content)
    assert content.locale_date == "9\u00a0January\u00a02017"
    assert content.iso_date == "2017-01-09"


def test_partial_dates_are_as_precise_as_their_source():
    from bfb_formats.partial_dates import partial_date

    settings = {"DEFAULT_DATE_FORMAT": "d. MMMM y", "MONTH_DATE_FORMATS": {"de": "MMMM y", "en": "MMMM y"}}
    assert partial_date("2017", "de", settings) == "2017"
    assert partial_date("2017-01", "de", settings) == "Januar\u00a02017"
    assert partial_date("2017-01", "en", settings) == "January\u00a02017"
    assert partial_date("2017-01-09", "de", settings) == "9.\u00a0Januar\u00a02017"


def test_year_precision_shows_only_the_year():
    content = _Content(dt.date(2021, 1, 1), "de", {"date_precision": "year"})
    set_locale_date(content)
    assert content.locale_date == "2021" and content.iso_date == "2021"
