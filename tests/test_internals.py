"""The undocumented internals of Pelican and livereload that our code still relies on.

Each has no documented replacement; docs/architecture.md ("Undocumented internals") lists
them with the version they were checked against. These tests fail, naming the internal,
as soon as an upgrade changes one – and any upgrade at all makes the version test fail,
so that someone re-checks the list before trusting the build. Our code may use no other
such internal: tests/test_public_interfaces.py finds new uses of the same patterns.
"""

from __future__ import annotations

import hashlib
import inspect
from importlib.metadata import version
from pathlib import Path

import livereload.server
import livereload.watcher
import pelican.contents
import pelican.generators
import pelican.readers

ROOT = Path(__file__).resolve().parent.parent
CHECKED_AGAINST = {"pelican": "4.12.0", "livereload": "2.7.1", "markdown": "3.11.3"}
# Pelican's MarkdownReader as bfb_reader copies its metadata handling (sha256 of its source).
MARKDOWN_READER_SHA256 = "91c56b1172c41793a34577a38df2886b07bad018b123515771ad2cde9ae2b023"


def source(thing) -> str:
    return inspect.getsource(thing)


def test_the_internals_were_checked_against_the_installed_versions():
    installed = {name: version(name) for name in CHECKED_AGAINST}
    assert installed == CHECKED_AGAINST, (
        "A package was upgraded: re-check docs/architecture.md, section 'Undocumented internals', "
        "with the new version, then update CHECKED_AGAINST here and the versions named there."
    )


def test_every_internal_is_listed_in_the_architecture_document():
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for name in (
        'context["static_links"]',
        "generator.staticfiles",
        "METADATA_PROCESSORS",
        "generated_content",
        "vars(generator)",
        'readers.readers["md"]',
        "generator.env",
        "Watcher.examine",
    ):
        assert name in doc, f"{name} is used but not listed in docs/architecture.md"


def test_static_files_are_copied_from_the_static_links_of_the_context():
    """bfb_language_links drops shared photos from a subsite's `context["static_links"]`."""
    assert 'context["static_links"]' in source(pelican.generators.StaticGenerator)


def test_static_files_are_written_from_the_generators_staticfiles_list():
    """bfb_images replaces `generator.staticfiles` (and the context's) to keep originals private."""
    assert 'self.context["staticfiles"]' in source(pelican.generators.StaticGenerator.generate_output)


def test_metadata_processors_is_the_module_table_readers_use():
    """bfb_teasers adds `METADATA_PROCESSORS["teaser"]`."""
    assert isinstance(pelican.readers.METADATA_PROCESSORS, dict)
    assert "METADATA_PROCESSORS" in source(pelican.readers.BaseReader.process_metadata)


def test_link_targets_are_looked_up_in_generated_content_by_their_url():
    """bfb_language_links puts OtherLanguageContent (with `.url`) into `generated_content`."""
    text = source(pelican.contents.Content)
    assert 'key = "generated_content"' in text and ".url" in text


def test_generators_hold_their_content_lists_as_attributes():
    """bfb_contents.contents_of scans `vars(generator)` for lists of content objects."""
    for name in ("self.articles", "self.drafts", "self.hidden_articles", "self.translations"):
        assert name in source(pelican.generators.ArticlesGenerator.generate_context)
    for name in ("self.pages", "self.hidden_pages", "self.draft_pages"):
        assert name in source(pelican.generators.PagesGenerator.generate_context)


def test_readers_keeps_its_reader_per_extension():
    """plugins/orte reads a place's text with `generator.readers.readers["md"].read(path)`."""
    assert "self.readers" in source(pelican.readers.Readers.__init__)


def test_templates_come_from_the_generators_env():
    """plugins/orte gives the places generator the pages' `generator.env`."""
    assert "self.env" in source(pelican.generators.Generator.get_template)


def test_livereload_asks_the_watcher_for_changes_through_examine_and_start():
    """sitetools/livereload.py subclasses `Watcher`, overriding `examine()` and `start()`."""
    watcher = livereload.watcher.Watcher
    assert list(inspect.signature(watcher.examine).parameters) == ["self"]
    assert list(inspect.signature(watcher.start).parameters) == ["self", "callback"]
    assert "self.watcher" in source(livereload.server.Server)


def test_pelicans_markdown_reader_is_the_one_bfb_reader_copies():
    """bfb_reader's metadata handling is Pelican's (4.12.0) MarkdownReader's, copied."""
    digest = hashlib.sha256(source(pelican.readers.MarkdownReader).encode()).hexdigest()
    assert digest == MARKDOWN_READER_SHA256, (
        "Pelican's MarkdownReader changed: compare it with plugins/bfb_reader/reader.py "
        "(read, metadata_of) and update MARKDOWN_READER_SHA256."
    )
