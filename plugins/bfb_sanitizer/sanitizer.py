"""Every text's HTML is cleaned to the allow-list of lib/bfb_sanitize as it is read.

The content check (bfb_content_check) has already stopped the build with file and line for
any element, attribute or address outside the allow-list that an editor wrote. This is the
second line: whatever Markdown and our plugins made of a text (body and `Summary:`) passes
nh3 before Pelican keeps it, so the templates may print it with `|safe` while they escape
everything else (autoescape, pelicanconf.py JINJA_ENVIRONMENT).

It listens to bfb_reader's `text_read` by the signal's name (no plugin imports another);
because every element our plugins add is on the allow-list, the order of the receivers
does not matter.
"""

from __future__ import annotations

from bfb_sanitize import sanitize
from blinker import signal

# bfb_reader's signal, by name: sent for every Markdown text read (place texts included).
TEXT_READ = "bfb_text_read"


def sanitize_text(sender, text) -> None:
    """text_read handler: the body and the summary, cleaned to the allow-list."""
    text.html = sanitize(text.html)
    if text.summary is not None:
        text.summary = sanitize(text.summary)


def register() -> None:
    signal(TEXT_READ).connect(sanitize_text)
