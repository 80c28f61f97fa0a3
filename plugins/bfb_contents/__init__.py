"""Every article and page Pelican's generators hold: a helper shared by plugins, not a plugin."""

from __future__ import annotations

from collections.abc import Iterable

from pelican.contents import Content


def contents_of(generators: Iterable) -> list[Content]:
    """Every article and page the generators hold (published, hidden, drafts, translations)."""
    found: dict[int, Content] = {}
    for generator in generators:
        for value in vars(generator).values():
            if isinstance(value, list):
                found.update((id(item), item) for item in value if isinstance(item, Content))
    return list(found.values())


__all__ = ["contents_of"]
