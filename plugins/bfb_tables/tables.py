"""Wrap every `<table>` of a news item or page in a scrollable, focusable, labelled region.

A table wider than a 360 px phone would make the whole page scroll sideways. Inside
`<div class="table-wrap">` (overflow-x: auto in site.css) only the table scrolls. The
wrapper is a `role="region"` with `tabindex="0"` and an `aria-label` (the table's caption,
else "Tabelle"/"Table"), so keyboard users can scroll it and screen readers name it
(WCAG 2.1.1; axe's rule "scrollable-region-focusable").

Runs on `content_object_init`. Settings: none.
"""

from __future__ import annotations

import html
import re

from pelican import signals

TABLE_RE = re.compile(r"<table\b.*?</table>", re.IGNORECASE | re.DOTALL)
CAPTION_RE = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.IGNORECASE | re.DOTALL)
TAG_RE = re.compile(r"<[^>]+>")
DEFAULT_LABELS = {"de": "Tabelle", "en": "Table"}


def label_of(table: str, lang: str) -> str:
    caption = CAPTION_RE.search(table)
    text = " ".join(html.unescape(TAG_RE.sub("", caption.group(1))).split()) if caption else ""
    return text or DEFAULT_LABELS.get(lang, DEFAULT_LABELS["de"])


def wrap_tables(text: str, lang: str) -> str:
    def wrapped(match: re.Match) -> str:
        label = html.escape(label_of(match.group(), lang), quote=True)
        return (
            f'<div class="table-wrap" role="region" tabindex="0" aria-label="{label}">{match.group()}</div>'
        )

    return TABLE_RE.sub(wrapped, text)


def wrap_content_tables(content) -> None:
    text = getattr(content, "_content", None)
    if isinstance(text, str) and "<table" in text.lower():
        content._content = wrap_tables(text, getattr(content, "lang", "de"))


def register() -> None:
    signals.content_object_init.connect(wrap_content_tables)
