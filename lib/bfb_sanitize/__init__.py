"""What HTML may reach a reader from a text: one allow-list, one sanitizer, one finder with lines.

Editors write Markdown and, now and then, a little HTML (`<span lang="en">`, a link with
`hreflang`). Everything a text may contain is listed here, by element and attribute, and
the addresses it may use by scheme; nothing else reaches a page.

* `sanitize(html)` cleans the HTML Markdown made of a text with nh3 (the Rust sanitizer
  ammonia) to this allow-list. It runs on every text as it is read (plugins/bfb_sanitizer),
  so even what slipped past every check never reaches a page.
* `markup_outside_allow_list(lines)` finds, with the line of the source, each element,
  attribute and address an editor wrote that the allow-list does not hold (its HTML read by
  the one HTML reader, lib/bfb_html). The content check (bfb_content_check) stops the build
  with it, so nothing is removed silently from a published text: the editor learns file,
  line and what to write instead.

The list holds what the site's own texts use and what our Markdown extensions and plugins
produce (tables in a focusable region, photos with srcset, footnotes, heading anchors).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import nh3
from bfb_html import Markup, StartTag, read, srcset_addresses

# The stable code of the problem "markup outside the allow-list" (bfb_errors.Problem).
MARKUP_NOT_ALLOWED = "markup-not-allowed"

ALLOWED_TAGS = frozenset(
    {
        # text
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
        "em", "strong", "i", "b", "small", "sub", "sup", "abbr", "cite", "q", "s", "del", "ins",
        "mark", "span", "div", "a",
        # lists and tables
        "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
        # photos
        "img", "figure", "figcaption",
    }
)  # fmt: skip
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "lang", "title", "dir"})
ALLOWED_ATTRIBUTES = {
    "*": GLOBAL_ATTRIBUTES,
    "a": frozenset({"href", "hreflang", "role"}),  # role: Markdown's footnote links
    "abbr": frozenset(),
    "div": frozenset({"role", "tabindex", "aria-label"}),  # lib/bfb_tables' scrollable region
    "img": frozenset({"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"}),
    "ol": frozenset({"start"}),
    # data-label: lib/bfb_tables gives each body cell its column heading (tables on phones)
    "th": frozenset({"scope", "colspan", "rowspan", "align", "style", "data-label"}),
    "td": frozenset({"colspan", "rowspan", "align", "style", "data-label"}),
    "blockquote": frozenset({"cite"}),
    "sup": frozenset(),
}
# Attributes holding an address, and the schemes they may use. Addresses without a scheme
# (relative ones, `#anchor`, Pelican's `{static}` and `{filename}`) are always fine.
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "cite"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Markdown's tables align columns with `style="text-align: …"`; no other style survives.
ALLOWED_STYLE = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")
SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")


def sanitize(html: str) -> str:
    """`html` with everything outside the allow-list removed (script and style with their content)."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
        filter_style_properties={"text-align"},
    )


def allowed_attribute(tag: str, name: str) -> bool:
    return name in GLOBAL_ATTRIBUTES or name in ALLOWED_ATTRIBUTES.get(tag, ())


def address_scheme(value: str) -> str | None:
    """The scheme of an address ("javascript" …), None for relative ones; control characters ignored."""
    cleaned = "".join(character for character in value if character.isprintable() and not character.isspace())
    match = SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def allowed_address(value: str) -> bool:
    if value.lstrip().startswith(("{static}", "{filename}", "{attach}", "{index}", "{tag}", "{category}")):
        return True
    scheme = address_scheme(value)
    return scheme is None or scheme in URL_SCHEMES


@dataclass(frozen=True)
class Finding:
    """One piece of markup outside the allow-list, where the editor wrote it."""

    line: int  # 1-based, counted in the lines handed to the finder
    what: str  # e.g. "<script>", "onclick=", "javascript:"


def _tag_findings(tag: StartTag) -> list[str]:
    """What in one start tag lies outside the allow-list (every attribute as written, duplicates too)."""
    if tag.name not in ALLOWED_TAGS:
        return [f"<{tag.name}>"]
    found = []
    for name, value in tag.written:
        if not allowed_attribute(tag.name, name):
            found.append(f"{name}=")
        elif name == "style" and not ALLOWED_STYLE.match(value or ""):
            found.append("style=")
        elif name in URL_ATTRIBUTES and value:
            addresses = srcset_addresses(value) if name == "srcset" else [value]
            found += [f"{address_scheme(address)}:" for address in addresses if not allowed_address(address)]
    return found


def _markup_shown(token: Markup) -> str:
    """How a declaration, processing instruction or `<![…]>` is named in a finding."""
    if token.kind == "decl":
        words = token.data.split()
        return f"<!{words[0] if words else ''}>"
    return "<?" if token.kind == "pi" else "<!["


def _html_findings(text: str) -> list[Finding]:
    found = []
    for token in read(text):
        if isinstance(token, StartTag):
            found += [Finding(token.line, what) for what in _tag_findings(token)]
        elif isinstance(token, Markup) and token.kind != "comment":  # comments are editor notes
            found.append(Finding(token.line, _markup_shown(token)))
    return found


# A Markdown link or image `[text](address)` / `![alt](address)`, a reference `[id]: address`,
# and an automatic link `<scheme:…>`.
MARKDOWN_ADDRESS = re.compile(r"\]\(\s*<?(?P<inline>[^\s)>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(?P<reference>[^\s>]+)")
AUTOLINK = re.compile(r"<(?P<auto>[a-zA-Z][a-zA-Z0-9+.\-]*:[^\s<>]*)>")


def markup_outside_allow_list(lines: list[str], first_line: int = 1) -> list[Finding]:
    """Every element, attribute and address in `lines` (Markdown with HTML) outside the allow-list.

    `first_line` is the file's line number of `lines[0]`, so findings carry the file's lines.
    HTML comments are editor notes and never reach a page (lib/bfb_editor_notes).
    """
    found = [
        Finding(finding.line + first_line - 1, finding.what) for finding in _html_findings("\n".join(lines))
    ]
    for number, line in enumerate(lines, first_line):
        for match in MARKDOWN_ADDRESS.finditer(line):
            address = match.group("inline") or match.group("reference")
            if not allowed_address(address):
                found.append(Finding(number, f"{address_scheme(address)}:"))
        for match in AUTOLINK.finditer(line):
            address = match.group("auto")
            if not allowed_address(address) and not _is_html_tag(address):
                found.append(Finding(number, f"{address_scheme(address)}:"))
    return sorted(set(found), key=lambda finding: (finding.line, finding.what))


def _is_html_tag(text: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9-]*:?\s", text))
