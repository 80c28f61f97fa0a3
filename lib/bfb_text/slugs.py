"""German slugs: "Über uns" becomes "ueber-uns", not Pelican's default "uber-uns".

Used by the plugin bfb_slugs for content without an explicit `Slug:`, by `invoke new`,
the content check and the places and Bürgerbus data.
"""

import re

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
