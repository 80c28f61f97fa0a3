"""Content helpers shared by plugins (a library, not a plugin).

- `contents_of(generators)`: every article and page the generators hold.
- `MARKDOWN_SUFFIXES`: the file endings Pelican reads as Markdown.
- `front_matter`: the one reader of a Markdown file's header fields and their lines.
- `content_files`: the content-file model (every Markdown text, its header parsed).
- `text_read`: the signal through which a text's body is changed as it is read (figures, photos).
"""

from __future__ import annotations

from collections.abc import Iterable

from pelican.contents import Content
from pelican.readers import MarkdownReader

# ".md", ".markdown" …: exactly what Pelican's Markdown reader takes (case as written).
MARKDOWN_SUFFIXES = frozenset(f".{suffix}" for suffix in MarkdownReader.file_extensions)


def contents_of(generators: Iterable) -> list[Content]:
    """Every article and page the generators hold (published, hidden, drafts, translations)."""
    found: dict[int, Content] = {}
    for generator in generators:
        for value in vars(generator).values():
            if isinstance(value, list):
                found.update((id(item), item) for item in value if isinstance(item, Content))
    return list(found.values())


__all__ = ["MARKDOWN_SUFFIXES", "contents_of"]
