"""The one IGNORE_FILES matcher: Pelican's semantics, each folder name and the file name."""

import fnmatch

import pytest

from bfb_contents.content_files import ignore_matcher

PATTERNS = [".*", "data", "orte", "*.en.md", "*.einfach.md", "entwurf-?.md", "[!a-z]*.md"]
NAMES = [
    "aktuelles/2024-01-01-fest.md",
    "aktuelles/2024-01-01-fest.en.md",
    "seiten/start.einfach.md",
    ".hidden/start.md",
    "seiten/.versteckt.md",
    "data/orte.yaml",
    "seiten/orte/x.md",
    "seiten/orteplan.md",
    "seiten/entwurf-1.md",
    "seiten/entwurf-12.md",
    "seiten/1-start.md",
    "seiten/zeile\nzwei.md",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_name_is_left_out_exactly_when_fnmatch_matches_a_part(name):
    expected = any(fnmatch.fnmatch(part, pattern) for part in name.split("/") for pattern in PATTERNS)
    assert ignore_matcher(PATTERNS)(name) is expected


def test_no_patterns_leave_nothing_out():
    assert ignore_matcher([])("seiten/start.md") is False


def test_examples():
    ignored = ignore_matcher(PATTERNS)
    assert ignored("aktuelles/2024-01-01-fest.en.md")
    assert ignored("seiten/orte/x.md")  # a folder's name
    assert not ignored("seiten/orteplan.md")  # the whole name, not its start
    assert not ignored("seiten/entwurf-12.md")
