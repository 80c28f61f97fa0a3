"""The one table of ASSOCIATION's fields: every row is used, and names a field of the settings."""

import pelicanconf
from bfb_questions.association import ASSOCIATION_FIELDS


def test_each_field_is_in_the_table_once_and_the_settings_have_it():
    keys = [field.key for field in ASSOCIATION_FIELDS]
    assert len(keys) == len(set(keys))
    assert set(keys) <= set(pelicanconf.ASSOCIATION)


def test_each_row_is_required_by_law_or_asked_of_the_board_and_a_required_one_shows_its_form():
    for field in ASSOCIATION_FIELDS:
        assert field.required or field.question, field.key
        assert bool(field.required) == bool(field.example), field.key
