"""The reader parses a body only where it is published, and metadata stays the same."""

from pathlib import Path

import pytest
from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

from bfb_single_parse import reader as single_parse
from bfb_single_parse.reader import SiteLanguageMarkdownReader, header_language, header_of

ENGLISH_ITEM = """Title: The "community bus" is here
Date: 2016-07-01
Slug: der-buergerbus-ist-da
Lang: en
Summary: In July 2016 the association got its *community bus*.

## How the bus was paid for

The bus cost 29,000 euros.
"""


def settings(site_language: str, policy: str = "remove") -> dict:
    values = dict(DEFAULT_CONFIG)
    values.update(
        DEFAULT_LANG=site_language,
        I18N_UNTRANSLATED_ARTICLES=policy,
        I18N_UNTRANSLATED_PAGES=policy,
        MARKDOWN={
            "extension_configs": {
                "markdown.extensions.extra": {},
                "markdown.extensions.toc": {},
                "markdown.extensions.smarty": {},
            },
            "output_format": "html5",
        },
    )
    return values


@pytest.fixture
def english_item(tmp_path) -> Path:
    path = tmp_path / "2016-07-01-der-buergerbus-ist-da.en.md"
    path.write_text(ENGLISH_ITEM, encoding="utf-8")
    return path


@pytest.fixture
def bilingual_sites(monkeypatch):
    monkeypatch.setattr(single_parse, "languages_with_own_site", lambda: {"de", "en"})


def test_header_is_everything_before_the_first_blank_line():
    assert header_of("Title: A\nLang: en\n\nBody\n\nMore") == "Title: A\nLang: en\n"
    assert header_language("Title: A\nLANG:  EN \n") == "en"
    assert header_language("Title: A\n") is None


def test_own_language_is_parsed_exactly_like_pelican_does(english_item, bilingual_sites):
    ours = SiteLanguageMarkdownReader(settings("en")).read(str(english_item))
    pelicans = MarkdownReader(settings("en")).read(str(english_item))
    assert ours == pelicans
    assert "<h2" in ours[0]


def test_other_language_site_reads_only_the_header(english_item, bilingual_sites):
    content, metadata = SiteLanguageMarkdownReader(settings("de")).read(str(english_item))
    _, full = MarkdownReader(settings("de")).read(str(english_item))
    assert content == ""
    assert metadata["summary"] == "In July 2016 the association got its *community bus*."
    assert {k: v for k, v in metadata.items() if k != "summary"} == {
        k: v for k, v in full.items() if k != "summary"
    }


def test_one_markdown_instance_serves_many_files(english_item, tmp_path, bilingual_sites):
    reader = SiteLanguageMarkdownReader(settings("en"))
    first = reader.read(str(english_item))
    second = reader.read(str(english_item))
    assert first == second  # reset between files: no leftover ids, footnotes or metadata
    assert 'id="how-the-bus-was-paid-for"' in second[0]  # not "…-for_1" from the first file


@pytest.mark.parametrize(
    ("site", "policy", "sites"),
    [
        ("de", "hide", {"de", "en"}),  # hidden translations are rendered: parse them
        ("de", "remove", {"de"}),  # no English site: the German site shows it
    ],
)
def test_bodies_are_parsed_whenever_this_site_could_show_them(english_item, monkeypatch, site, policy, sites):
    monkeypatch.setattr(single_parse, "languages_with_own_site", lambda: sites)
    content, _ = SiteLanguageMarkdownReader(settings(site, policy)).read(str(english_item))
    assert "<h2" in content


def test_other_language_header_is_never_converted(english_item, bilingual_sites, monkeypatch):
    """Only the preprocessors up to Meta's run: no block parsing, no inline patterns."""
    from markdown import Markdown

    def no_conversion(self, source):
        raise AssertionError("the other language's file must not be converted")

    monkeypatch.setattr(Markdown, "convert", no_conversion)
    content, metadata = SiteLanguageMarkdownReader(settings("de")).read(str(english_item))
    assert content == ""
    assert metadata["slug"] == "der-buergerbus-ist-da"
    assert metadata["title"] == 'The "community bus" is here'
