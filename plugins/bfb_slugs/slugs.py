"""German slugs: "Über uns" becomes "ueber-uns", not Pelican's default "uber-uns".

Used for content without an explicit `Slug:`, by `invoke new` and by the Orte plugin.
"""

import re

from pelican import signals
from unidecode import unidecode

GERMAN_TRANSLITERATION = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "Ä": "Ae",
    "Ö": "Oe",
    "Ü": "Ue",
    "ß": "ss",
    "ẞ": "SS",
}


def german_slugify(text: str) -> str:
    """Return a lowercase ASCII slug with German transliteration (ä→ae, ß→ss)."""
    for umlaut, replacement in GERMAN_TRANSLITERATION.items():
        text = text.replace(umlaut, replacement)
    text = unidecode(text).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return text.strip("-")


def apply_german_slug(content) -> None:
    """Replace Pelican's slug with the German one where the editor gave none."""
    if "slug" in content.metadata or not getattr(content, "title", None):
        return
    content.slug = german_slugify(content.title)


def register() -> None:
    signals.content_object_init.connect(apply_german_slug)
