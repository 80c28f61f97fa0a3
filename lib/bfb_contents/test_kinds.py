"""The kinds list describes the real site: each kind's template, addresses and folders exist."""

from pathlib import Path

import pytest

import pelicanconf
from bfb_contents.kinds import KINDS, TEXT_KINDS, fields_of, lists_of

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = {name: getattr(pelicanconf, name) for name in dir(pelicanconf) if name.isupper()}


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_each_kind_has_its_template_and_addresses(kind):
    assert (ROOT / "theme" / "templates" / f"{kind.template}.html").is_file()
    assert kind.url_pattern(SETTINGS).endswith("{slug}/")
    assert kind.save_as_pattern(SETTINGS).endswith("{slug}/index.html")
    assert kind.german_the.endswith(kind.german_name) and kind.german_of_this.startswith("dies")


def test_text_kinds_have_their_folders_and_required_fields():
    for kind in TEXT_KINDS:
        assert [(ROOT / "content" / folder).is_dir() for folder in kind.folders(SETTINGS)] == [True]
        assert {"title", "slug", "lang"} <= set(kind.required) and set(kind.required) <= fields_of(kind)
    assert len(set(lists_of())) == len(lists_of())  # no list belongs to two kinds
