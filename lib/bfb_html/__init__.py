"""The one HTML reader: tags, attributes, text and source positions, from a real parser.

Every piece of code that reads HTML – on built pages the link crawl, the output checks and
the search index (sitetools) and the sitemap's "not indexed" test; in texts the photo rewrite
(bfb_images), the alt-text and allow-list checks (bfb_content_check, lib/bfb_sanitize) and
the plain-language words (lib/bfb_plain) – reads it here, through Python's
`html.parser.HTMLParser`, a tokenizer that follows the HTML standard's rules for quoting,
case and raw text. A regular expression such as `<img\\b[^>]*>` gets these wrong: it ends a
tag at a `>` inside a quoted value, finds tags inside comments and scripts, and misreads
unquoted values, entities and `data-alt=`.

* `read(html, stop_at=None)`: the tokens in order – `StartTag`, `EndTag`, `Text`, `Markup`
  (comments, declarations, processing instructions), each with its line.
* `start_tags(html, *names)`: the start tags (of the given names), with lowercased names,
  attributes (`StartTag.attributes`: the first of duplicates wins, as in a browser;
  `StartTag.written`: every attribute as written) and the tag's exact source and offset.
* `replace_start_tags(html, name, replace)`: the same HTML with only those tags replaced;
  every other byte stays as it was. `render_start_tag` writes a tag with escaped values.
* `ids(html)`, `asks_not_to_be_indexed(html)`, `srcset_addresses(value)`.

Limit: Python 3.11's parser treats only `<script>` and `<style>` as raw text; the content of
`<title>` and `<textarea>` is read as markup.
"""

from __future__ import annotations

import html as html_escaping
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from itertools import accumulate
from types import MappingProxyType

# Elements whose content the parser hands over as raw text (no tags inside).
RAW_TEXT = frozenset({"script", "style"})


@dataclass(frozen=True)
class StartTag:
    """One start tag as the parser read it."""

    name: str  # lowercased
    written: tuple[tuple[str, str | None], ...]  # every attribute in order: lowercased name, value
    line: int  # 1-based line of the `<`
    offset: int  # index of the `<` in the string read
    source: str  # the tag exactly as written, from `<` to `>`
    self_closing: bool = False

    @cached_property
    def attributes(self) -> Mapping[str, str | None]:
        """Name → value (entities resolved; None for an attribute without value); first one wins."""
        first: dict[str, str | None] = {}
        for name, value in self.written:
            first.setdefault(name, value)
        return MappingProxyType(first)

    @cached_property
    def duplicates(self) -> tuple[tuple[str, str | None], ...]:
        """The attributes written again under a name already used (a browser ignores them)."""
        seen: set[str] = set()
        again = []
        for name, value in self.written:
            if name in seen:
                again.append((name, value))
            seen.add(name)
        return tuple(again)

    def get(self, name: str) -> str:
        """The value of an attribute, "" if it is missing or has no value."""
        return self.attributes.get(name) or ""


@dataclass(frozen=True)
class EndTag:
    name: str
    line: int


@dataclass(frozen=True)
class Text:
    text: str  # entities resolved
    line: int
    raw_in: str | None = None  # "script"/"style" for their content, else None


@dataclass(frozen=True)
class Markup:
    """What is neither tag nor text: a comment, `<!DOCTYPE …>`, `<?…>` or `<![…]>`."""

    kind: str  # "comment", "decl", "pi" or "unknown_decl"
    data: str
    line: int


Token = StartTag | EndTag | Text | Markup


class _StopReading(Exception):
    """Raised inside the parser at the start tag `read(..., stop_at=)` names."""


class _Reader(HTMLParser):
    def __init__(self, source: str, stop_at: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self._stop_at = stop_at
        self.tokens: list[Token] = []
        # getpos() counts lines by "\n" only; the offset of each line's first character:
        self._line_starts = list(accumulate((len(line) + 1 for line in source.split("\n")), initial=0))
        self._source = source
        self._raw_in: str | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], self_closing: bool) -> None:
        if tag == self._stop_at:
            raise _StopReading
        source = self.get_starttag_text() or ""
        offset = self._offset()
        if not self._source.startswith(source, offset):
            raise AssertionError(f"start tag {source!r} not found at offset {offset}")
        line = self.getpos()[0]
        self.tokens.append(StartTag(tag, tuple(attrs), line, offset, source, self_closing))
        if tag in RAW_TEXT and not self_closing:
            self._raw_in = tag

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=True)
        self.tokens.append(EndTag(tag, self.getpos()[0]))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw_in:
            self._raw_in = None
        self.tokens.append(EndTag(tag, self.getpos()[0]))

    def handle_data(self, data: str) -> None:
        self.tokens.append(Text(data, self.getpos()[0], self._raw_in))

    def handle_comment(self, data: str) -> None:
        self.tokens.append(Markup("comment", data, self.getpos()[0]))

    def handle_decl(self, decl: str) -> None:
        self.tokens.append(Markup("decl", decl, self.getpos()[0]))

    def handle_pi(self, data: str) -> None:
        self.tokens.append(Markup("pi", data, self.getpos()[0]))

    def unknown_decl(self, data: str) -> None:
        self.tokens.append(Markup("unknown_decl", data, self.getpos()[0]))


def read(html: str, stop_at: str | None = None) -> list[Token]:
    """The tokens of `html` in document order (a self-closing tag gives a StartTag and an EndTag).

    With `stop_at` ("body"), only those before the first start tag of that name.
    """
    reader = _Reader(html, stop_at)
    try:
        reader.feed(html)
        reader.close()
    except _StopReading:
        pass
    return reader.tokens


def start_tags(html: str, *names: str, stop_at: str | None = None) -> list[StartTag]:
    """The start tags in `html`, only those named `names` (lowercase) if any are given.

    Tags inside comments, `<script>` and `<style>` are not tags and are not returned.
    `stop_at` as for `read`.
    """
    if names:
        lower = html.lower()
        if not any(f"<{name}" in lower for name in names):
            return []  # quick way out for the many texts without such a tag
    return [
        token
        for token in read(html, stop_at)
        if isinstance(token, StartTag) and (not names or token.name in names)
    ]


def render_start_tag(name: str, attributes: Mapping[str, str | None]) -> str:
    """`<name a="…">` with every value escaped (`&`, `<`, `>`, `"` and `'`); None is written as ""."""
    parts = [f'{key}="{html_escaping.escape(value or "", quote=True)}"' for key, value in attributes.items()]
    return f"<{name} " + " ".join(parts) + ">" if parts else f"<{name}>"


def replace_start_tags(html: str, name: str, replace: Callable[[StartTag], str]) -> str:
    """`html` with each `<name …>` start tag replaced by `replace(tag)`; every other byte kept."""
    pieces: list[str] = []
    done = 0
    for tag in start_tags(html, name):
        pieces += [html[done : tag.offset], replace(tag)]
        done = tag.offset + len(tag.source)
    return "".join(pieces) + html[done:] if pieces else html


def ids(html: str) -> set[str]:
    """The anchor targets of a page: every `id`, and the `name` of an `<a>`."""
    found = set()
    for tag in start_tags(html):
        for attribute in ("id", "name") if tag.name == "a" else ("id",):
            if tag.get(attribute):
                found.add(tag.get(attribute))
    return found


def asks_not_to_be_indexed(html: str) -> bool:
    """A `<meta name="robots">` whose content says `noindex`, or a `<meta http-equiv="refresh">`.

    Anywhere in the page; read quickly (the head only) when no `<meta` follows the first `<body`.
    """
    lower = html.lower()
    body = lower.find("<body")
    head_only = body >= 0 and lower.find("<meta", body) < 0
    for tag in start_tags(html, "meta", stop_at="body" if head_only else None):
        if tag.get("http-equiv").strip().lower() == "refresh":
            return True
        if tag.get("name").strip().lower() == "robots" and "noindex" in tag.get("content").lower():
            return True
    return False


def srcset_addresses(value: str) -> list[str]:
    """The addresses of a `srcset` value ("a.jpg 480w, b.jpg 800w" → ["a.jpg", "b.jpg"])."""
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
