import datetime as dt

import pytest

from bfb_locale.locale_format import clean_url, localised_date, localised_number


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
