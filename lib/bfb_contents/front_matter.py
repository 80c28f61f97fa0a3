"""Read a Markdown file's header the way Python-Markdown's `meta` extension does, with line numbers.

Pelican hands the header to Python-Markdown, which forgets where each field was. The checks
need the line of every field to tell editors exactly where to look, so they read the header
with this one reader, by the same rules: `Key: value` lines, continuation lines indented by
four spaces, and the header ends at the first blank line or at the first line that is neither.
Each text is parsed once per process (keyed by the text itself, so it never goes stale).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

# The same patterns as markdown/extensions/meta.py, so both readers agree on every file.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN_RE = re.compile(r"^-{3}(\s.*)?")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?")


@dataclass
class Field:
    """One header field as the editor wrote it."""

    key: str  # as written, e.g. "Datum"
    value: str
    line: int  # 1-based


@dataclass
class FrontMatter:
    """A file's header fields (by lowercased key) and where its body starts."""

    fields: dict[str, list[Field]] = field(default_factory=dict)
    body_start: int = 1  # 1-based line number of the first body line
    body: list[str] = field(default_factory=list)
    # The line that ended the header without a blank line before it (often a field
    # without a colon); Python-Markdown silently treats it and everything after as text.
    stray_line: int | None = None

    def value(self, key: str) -> str | None:
        found = self.fields.get(key)
        return found[0].value if found else None

    def line(self, key: str) -> int | None:
        found = self.fields.get(key)
        return found[0].line if found else None

    def values(self) -> dict[str, str]:
        """{lowercased key: value} of every field (the first, if a key is repeated), like Pelican."""
        return {key: found[0].value for key, found in self.fields.items()}


def markdown_lines(text: str) -> list[str]:
    """The lines of `text` exactly as Python-Markdown's `meta` extension sees them.

    Markdown splits at "\n" only (after turning "\r\n" and "\r" into it), drops STX/ETX,
    expands tabs to 4 spaces and empties lines holding only spaces (NormalizeWhitespace).
    `str.splitlines()` would also split at form feeds, "\x1c"… and U+2028: a header would then
    end earlier for the checks than for Pelican, and later fields would escape every check.
    """
    text = text.replace("\x02", "").replace("\x03", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    text = re.sub(r"(?<=\n) +\n", "\n", text)
    lines = text.split("\n")
    return lines[:-1] if text.endswith("\n") else lines  # no empty line after the last break


def parse_front_matter(text: str) -> FrontMatter:
    """Return the header fields of a Markdown document and the body after them (as Markdown reads it)."""
    lines = markdown_lines(text)
    result = FrontMatter()
    index = 0
    if lines and BEGIN_RE.match(lines[0]):
        index = 1
    current: Field | None = None
    while index < len(lines):
        line = lines[index]
        if line.strip() == "" or END_RE.match(line):
            index += 1
            break
        match = META_RE.match(line)
        if match:
            current = Field(match.group("key"), match.group("value").strip(), index + 1)
            result.fields.setdefault(current.key.lower(), []).append(current)
        else:
            more = META_MORE_RE.match(line)
            if more and current is not None:
                current.value = f"{current.value} {more.group('value').strip()}".strip()
            else:
                result.stray_line = index + 1
                break
        index += 1
    result.body_start = index + 1
    result.body = lines[index:]
    return result


@cache
def front_matter_of(text: str) -> FrontMatter:
    """parse_front_matter, once per text: several checks read the same files in one build."""
    return parse_front_matter(text)


def read_front_matter(path: str | Path) -> FrontMatter | None:
    """The header of a Markdown file; None if it cannot be read (for messages only)."""
    try:
        return front_matter_of(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None


def field_line(path: str | Path, key: str) -> int | None:
    """The line of header field `key` (any case) in a Markdown file, for an editor's message."""
    front = read_front_matter(path)
    return None if front is None else front.line(key.lower())
