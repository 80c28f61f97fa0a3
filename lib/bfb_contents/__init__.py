"""Content helpers shared by plugins (a library, not a plugin).

- `contents_of(generators)`: every article and page the generators hold.
- `text_of(content)` / `replace_text(content, change)`: the body of an article or page
  as read, before links are resolved, and how to change it.
- `front_matter`: the one reader of a Markdown file's header fields and their lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pelican.contents import Content


def contents_of(generators: Iterable) -> list[Content]:
    """Every article and page the generators hold (published, hidden, drafts, translations)."""
    found: dict[int, Content] = {}
    for generator in generators:
        for value in vars(generator).values():
            if isinstance(value, list):
                found.update((id(item), item) for item in value if isinstance(item, Content))
    return list(found.values())


# Pelican has no public way to change an article's body after reading it: plugins that
# must (a figure known only once every generator has read its data, a photo whose copies
# are planned per build) write the body it keeps as read. These two functions are the
# only place in the project that touches that attribute, and the summary's twin of it;
# test_contents.py fails with a clear message if a Pelican release changes either.
def text_of(content: Content) -> str:
    """The HTML body of `content` as read (`{filename}` links not yet resolved); "" if none."""
    text = getattr(content, "_content", None)
    return text if isinstance(text, str) else ""


def replace_text(content: Content, change: Callable[[str], str], summary: bool = False) -> None:
    """Replace the body of `content` (and with `summary`, its Summary field) by `change(old)`.

    Call it before any page is written: Pelican remembers a body or summary once asked for it.
    """
    if text_of(content):
        content._content = change(content._content)
    if summary and "summary" in content.metadata:
        # Pelican copies `_summary` back into the metadata before writing.
        content.metadata["summary"] = content._summary = change(content.metadata["summary"])


__all__ = ["contents_of", "replace_text", "text_of"]
