"""The phone in +49 form and as a tel: address."""

from bfb_questions.phone import display, international, phone_value, tel_href


def test_international_form_drops_the_trunk_zero():
    assert international("06592 9263198") == "+49 6592 9263198"
    assert international("+49 6592 9263198") == "+49 6592 9263198"


def test_tel_address_is_international_digits_only():
    assert tel_href("06592 9263198") == "tel:+4965929263198"
    assert tel_href("06592/92 63 19 8") == "tel:+4965929263198"


def test_pages_at_home_show_the_number_as_written_others_in_plus49_form():
    assert display("06592 9263198", international_form=False) == "06592 9263198"
    assert display("06592 9263198", international_form=True) == "+49 6592 9263198"


def test_the_phone_form_follows_the_locale_of_each_language_in_the_table():
    from bfb_languages import writes_like_main

    import pelicanconf

    forms = {key: writes_like_main(vars(pelicanconf), key) for key in pelicanconf.SITE_LANGUAGES}
    assert forms == {"de": True, "en": False, "einfach": True}  # Einfache Sprache is German


def test_value_from_a_dated_entry_or_a_plain_string():
    assert phone_value({"value": "06592 9263198", "as_of": "2020-03"}) == "06592 9263198"
    assert phone_value("06592 1") == "06592 1"
    assert phone_value(None) is None
