import pytest

from bfb_text.yes_no import yes_no


@pytest.mark.parametrize(
    ("written", "meaning"),
    [
        ("ja", True),
        ("Ja ", True),
        ("yes", True),
        ("true", True),
        ("nein", False),
        ("NO", False),
        ("false", False),
        ("0", False),
        ("vielleicht", None),
        ("", None),
        (None, None),
    ],
)
def test_yes_no_reads_german_and_english(written, meaning):
    assert yes_no(written) is meaning
