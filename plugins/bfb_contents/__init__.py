"""Helpers shared by plugins (not a plugin): every article and page the generators hold; which site runs."""

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


def is_main_site(settings: dict) -> bool:
    """True for the German main site, False for a language subsite of i18n_subsites."""
    return settings["DEFAULT_LANG"] not in settings.get("I18N_SUBSITES", {})


__all__ = ["contents_of", "is_main_site"]
