"""The content files of a site: every Markdown text of every language, its header parsed.

The one model of a content file that the checks, translation coverage and language links
share (a library, not a plugin): `read_files` finds the texts under ARTICLE_PATHS (news) and
PAGE_PATHS (pages) that IGNORE_FILES does not leave out, `files_of_this_build` reads them
once per build.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bfb_build import this_build
from bfb_editor_notes.notes import COMMENT_RE
from bfb_languages import Language, file_name_in, language_of_file, table

from bfb_contents import MARKDOWN_SUFFIXES
from bfb_contents.front_matter import FrontMatter, front_matter_of
from bfb_contents.kinds import TEXT_KINDS
from bfb_contents.source_files import stop_on_unsafe_sources


@dataclass(frozen=True)
class ContentFile:
    """One Markdown source with the facts the checks need."""

    path: Path
    relative: str  # relative to the content folder, with "/"
    kind: str  # the name of its kind (bfb_contents.kinds): "news" or "page"
    front: FrontMatter
    language: Language  # by the file name's suffix (SITE_LANGUAGES)
    main_language: Language

    @property
    def expected_lang(self) -> str:
        return self.language.key

    @cached_property
    def link_lines(self) -> list[tuple[int, str]]:
        """body_lines(self), computed once for the image and the link check."""
        return body_lines(self)

    @cached_property
    def link_text(self) -> str:
        """All link lines in one string: a file without any match needs no line-by-line scan."""
        return "\n".join(text for _, text in self.link_lines)

    @property
    def is_draft(self) -> bool:
        return self.front.value("status") == "draft"

    @property
    def original_name(self) -> str:
        """The main language's file name for a translation: `x.md` for `x.en.md` (itself otherwise)."""
        return file_name_in(self.main_language, (self.language, self.main_language), self.path)


def read_files(content_dir: str | Path, settings: dict) -> list[ContentFile]:
    """Every Markdown file of every language in the content folder, its header parsed.

    Its language comes from its name's suffix in `settings["SITE_LANGUAGES"]`.
    """
    content_dir = Path(content_dir).resolve()
    languages = list(table(settings).values())
    return [
        parse_file(content_dir, path, kind, languages) for path, kind in content_files(content_dir, settings)
    ]


class FilesOfThisBuild(dict):
    """{content folder: its files}, read once per build for every check (bfb_build)."""


def files_of_this_build(settings: dict) -> list[ContentFile]:
    """The content files of this build, read by whichever check asks first."""
    read = this_build(settings).part(FilesOfThisBuild)
    content_dir = str(Path(settings["PATH"]).resolve())
    if content_dir not in read:
        stop_on_unsafe_sources(settings)  # a Latin-1 text stops the build with its line, not a traceback
        read[content_dir] = read_files(content_dir, settings)
    return read[content_dir]


def content_files(content_dir: Path, settings: dict) -> list[tuple[Path, str]]:
    """Markdown files of every language under ARTICLE_PATHS (news) and PAGE_PATHS (pages)."""
    ignored = ignore_matcher(settings.get("CONTENT_IGNORE_FILES", settings.get("IGNORE_FILES", [])))
    found = []
    for kind in TEXT_KINDS:
        for folder in kind.folders(settings):
            for path in sorted((content_dir / folder).rglob("*"), key=lambda path: path.parts):
                if path.suffix not in MARKDOWN_SUFFIXES or not path.is_file():
                    continue
                if not ignored(relative_name(path, content_dir)):
                    found.append((path, kind.name))
    return found


def relative_name(path: Path, content_dir: Path) -> str:
    """`path` relative to the content folder, with "/" (plain string work: thousands of files)."""
    folder = str(content_dir).rstrip(os.sep) + os.sep
    name = str(path)
    if not name.startswith(folder):
        return os.path.relpath(path, content_dir).replace(os.sep, "/")
    return name[len(folder) :].replace(os.sep, "/")


def ignore_matcher(patterns: list[str]):
    """Return relative path -> True if Pelican would leave it out for IGNORE_FILES `patterns`.

    Pelican's own semantics (generators.get_files): a pattern is matched with fnmatch against
    the name of each folder on the way and against the file's name, never the whole path.
    The content check, translations and language links use this one matcher.
    """
    # fnmatch.fnmatch(name, pattern) is fnmatch.translate(pattern) matched against the name
    # (POSIX: no case folding); one alternation of them asks each name once, not per pattern.
    patterns = list(patterns)
    if not patterns:
        return lambda relative: False
    matches = re.compile("|".join(f"(?:{fnmatch.translate(pattern)})" for pattern in patterns)).match

    def ignored(relative: str) -> bool:
        return any(matches(part) for part in relative.split("/"))

    return ignored


def parse_file(content_dir: Path, path: Path, kind: str, languages: list[Language]) -> ContentFile:
    text = path.read_text(encoding="utf-8-sig")
    language = language_of_file(languages, path)
    return ContentFile(
        path, relative_name(path, content_dir), kind, front_matter_of(text), language, languages[0]
    )


def body_lines(file: ContentFile) -> list[tuple[int, str]]:
    """The lines that can hold links: the summary field and the body, with line numbers.

    Editor notes (`<!-- … -->`) are blanked out: they never reach the site.
    """
    lines = [(field.line, field.value) for field in file.front.fields.get("summary", [])]
    body = without_comments("\n".join(file.front.body)).split("\n")
    lines += [(file.front.body_start + offset, text) for offset, text in enumerate(body)]
    return lines


def without_comments(html: str) -> str:
    """Remove HTML comments, keeping their line breaks so line numbers stay right."""
    return COMMENT_RE.sub(lambda match: "\n" * match.group().count("\n"), html)
