"""A Markdown reader that parses a file's body only in the site that publishes it.

Why: i18n_subsites builds the English site as a second Pelican run. If a site reads a
file of another language, it needs only its header (URL, slug, language, status, date)
to link the translation; parsing its body would be wasted. Each site now reads only
its own language's files (IGNORE_FILES, pelicanconf.py), so this is the safety net for
a site that still reads every file (another IGNORE_FILES, pelican-pitfalls "Build cost").
Its everyday effect: one Markdown instance per reader, reset between files, instead
of a new one for every file.

What: with I18N_UNTRANSLATED_ARTICLES and _PAGES set to "remove", a file in another
language that has its own site is never rendered here. For such a file this reader
runs only Markdown's preprocessors up to the Meta extension on the header, and the same
metadata processing, so those values are what the full parse gives. Two things differ
and are never shown by this site: the body is empty and formatted fields (`Summary:`)
stay plain text instead of HTML.

Safe by construction: whenever the site could show another language's body (another
policy, no i18n_subsites, a header without `Lang:`), the file is parsed in full.
tests/test_speed_plugins.py checks that the whole site is byte-identical with and
without this plugin.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions.meta import MetaPreprocessor
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

LANG_LINE = re.compile(r"^lang:[ \t]*(\S+)[ \t]*$", re.IGNORECASE | re.MULTILINE)
META_PRIORITY = 27  # where markdown.extensions.meta registers its preprocessor


def header_of(text: str) -> str:
    """The metadata block: everything before the first blank line."""
    match = re.search(r"\n[ \t]*\n", text)
    return text[: match.start() + 1] if match else text


def header_language(header: str) -> str | None:
    match = LANG_LINE.search(header)
    return match.group(1).lower() if match else None


def languages_with_own_site() -> set[str]:
    """Languages that i18n_subsites builds a site for (empty without the plugin)."""
    try:
        from pelican.plugins.i18n_subsites import i18n_subsites
    except ImportError:
        return set()
    return set(i18n_subsites._SITE_DB)


class SiteLanguageMarkdownReader(MarkdownReader):
    """MarkdownReader that skips the bodies of files another language's site publishes."""

    def read(self, source_path: str) -> tuple[str, dict]:
        self._source_path = source_path
        self._md = self._reusable_markdown()
        with pelican_open(source_path) as text:
            header = header_of(text)
            if self._published_elsewhere(header):
                return "", self._plain_metadata(self._header_meta(header))
            content = self._md.convert(text)
        if not hasattr(self._md, "Meta"):
            return content, {}
        return content, self._parse_metadata(self._md.Meta)

    def _header_meta(self, header: str) -> dict:
        """The Meta extension's fields of a header, without converting anything.

        Runs Markdown's preprocessors up to and including Meta's, exactly as convert()
        would (whitespace normalisation first), and stops there.
        """
        lines = header.split("\n")
        for preprocessor in self._md.preprocessors:
            lines = preprocessor.run(lines)
            if isinstance(preprocessor, MetaPreprocessor):
                break
        return getattr(self._md, "Meta", {})

    def _plain_metadata(self, meta: dict) -> dict:
        """Metadata without converting formatted fields (Summary) to HTML: nobody shows them here."""
        formatted = set(self.settings["FORMATTED_FIELDS"])
        metadata = self._parse_metadata({k: v for k, v in meta.items() if k.lower() not in formatted})
        for name, value in meta.items():
            if name.lower() in formatted:
                metadata[name.lower()] = self.process_metadata(name.lower(), "\n".join(value))
        return metadata

    def _reusable_markdown(self) -> Markdown:
        markdown = getattr(self, "_reused_md", None)
        if markdown is None:
            markdown = self._reused_md = Markdown(**self.settings["MARKDOWN"])
        else:
            markdown.reset()
            # MarkdownReader._parse_metadata removes the Meta preprocessor (so that
            # metadata fields are not read as headers); the next document needs it.
            if "meta" not in markdown.preprocessors:
                markdown.preprocessors.register(MetaPreprocessor(markdown), "meta", META_PRIORITY)
        return markdown

    def _published_elsewhere(self, header: str) -> bool:
        language = header_language(header)
        site_language = self.settings["DEFAULT_LANG"]
        if language is None or language == site_language:
            return False
        removes_other_languages = all(
            self.settings.get(policy) == "remove"
            for policy in ("I18N_UNTRANSLATED_ARTICLES", "I18N_UNTRANSLATED_PAGES")
        )
        return removes_other_languages and language in languages_with_own_site()


def use_site_language_reader(readers) -> None:
    """readers_init handler: read Markdown files with SiteLanguageMarkdownReader."""
    for extension in SiteLanguageMarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = SiteLanguageMarkdownReader
