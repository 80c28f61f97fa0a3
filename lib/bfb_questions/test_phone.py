"""The phone in +49 form and as a tel: address."""

from bfb_questions.phone import display, international, phone_value, tel_href


def test_international_form_drops_the_trunk_zero():
    assert international("06592 9263198") == "+49 6592 9263198"
    assert international("+49 6592 9263198") == "+49 6592 9263198"


def test_tel_address_is_international_digits_only():
    assert tel_href("06592 9263198") == "tel:+4965929263198"
    assert tel_href("06592/92 63 19 8") == "tel:+4965929263198"


def test_german_pages_show_the_number_as_written_english_in_plus49_form():
    assert display("06592 9263198", "de") == "06592 9263198"
    assert display("06592 9263198", "en") == "+49 6592 9263198"


def test_value_from_a_dated_entry_or_a_plain_string():
    assert phone_value({"value": "06592 9263198", "as_of": "2020-03"}) == "06592 9263198"
    assert phone_value("06592 1") == "06592 1"
    assert phone_value(None) is None
