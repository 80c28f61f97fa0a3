"""Checks on the built output that a link crawl does not cover: foreign resources, placeholders.

One pass over each page collects what the browser would load (src/href/srcset of
link, script, img, source, iframe, media; `url()` in styles), the text a reader
sees (including alt and title texts), and the HTML the Content-Security-Policy does
not stop: a `<meta http-equiv=refresh>` or a `<form>` that leads elsewhere, `javascript:`
addresses, and scripts loaded from the editors' photo folder.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bfb_html import EndTag, StartTag, Text, read, srcset_addresses
from bfb_urls import address_of

# tag → attributes whose value the browser loads by itself (links a reader follows are not here)
RESOURCE_ATTRIBUTES = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
CSS_REFERENCE = re.compile(r"""url\(\s*['"]?([^'")\s]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
# Visible text that must never go live. Upper-case markers as whole words, so "Todo"
# in a sentence or "XXL" are fine; "Lorem ipsum" in any case.
PLACEHOLDER = re.compile(r"\b(TODO|FIXME|TBD|XXX)\b|\blorem ipsum\b|\bplatzhalter\b", re.IGNORECASE)
CASE_SENSITIVE_MARKERS = {"TODO", "FIXME", "TBD", "XXX"}
INVISIBLE = {"script", "style", "template"}
TEXT_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


@dataclass
class PageScan:
    """What one page loads from where, and the text it shows."""

    resources: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    # (what, address) of each element CSP lets through although it can send readers elsewhere
    navigations: list[tuple[str, str]] = field(default_factory=list)


def scanned_attributes(attributes: Mapping[str, str | None]) -> dict[str, str]:
    """The attributes a scan looks at: those with a value, and every `on…` and `srcdoc` (even empty)."""
    values = {name: value for name, value in attributes.items() if value}
    values.update(
        {name: value or "" for name, value in attributes.items() if name.startswith("on") or name == "srcdoc"}
    )
    return values


def scan_start_tag(scan: PageScan, tag: StartTag) -> None:
    values = scanned_attributes(tag.attributes)  # the first of duplicates, as the browser reads it
    for attribute in RESOURCE_ATTRIBUTES.get(tag.name, ()):
        if attribute in values:
            scan.resources += _urls(attribute, values[attribute])
    if "style" in values:
        scan.resources += css_references(values["style"])
    scan.text += [values[name] for name in TEXT_ATTRIBUTES if name in values]
    scan.navigations += navigations(tag.name, values)
    # A duplicate the browser ignores is still reported if it could lead elsewhere.
    if tag.duplicates:
        found = navigations(tag.name, scanned_attributes(dict(tag.duplicates)))
        scan.navigations += [entry for entry in found if entry not in scan.navigations]


# Attributes whose address the browser opens or submits to (beyond RESOURCE_ATTRIBUTES).
NAVIGATION_ATTRIBUTES = (
    "href", "src", "action", "formaction", "data", "poster", "xlink:href", "background", "cite", "srcset",
)  # fmt: skip
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)
# Address schemes that run a program or carry a whole document instead of leading somewhere.
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")


def navigations(tag: str, values: dict[str, str]) -> list[tuple[str, str]]:
    """What in one start tag can take a reader elsewhere or run a script, as (what, address).

    Allow-list in spirit: a page may load scripts only by `src` (checked against the theme's
    folders); any inline script, event handler (`on…`), `srcdoc`, `<base>`, meta refresh
    or form is reported whatever it points to.
    """
    found = []
    if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
        target = REFRESH_URL.search(values.get("content", ""))
        found.append(("refresh", target.group(1).strip() if target else values.get("content", "")))
    if tag == "form":
        found.append(("form", values.get("action", "")))
    if tag == "base":
        found.append(("base", values.get("href", "")))
    for attribute in values:
        if attribute.startswith("on"):
            found.append(("handler", attribute))
        elif attribute == "srcdoc":
            found.append(("srcdoc", attribute))
    for attribute in NAVIGATION_ATTRIBUTES:
        value = "".join(character for character in values.get(attribute, "") if character.isprintable())
        addresses = (
            [part.split()[0] for part in value.split(",") if part.split()]
            if attribute == "srcset"
            else [value]
        )
        if any("".join(address.split()).lower().startswith(SCRIPT_SCHEMES) for address in addresses):
            found.append(("javascript", values[attribute]))
    if tag == "script":
        found.append(("script", values["src"]) if "src" in values else ("inline-script", ""))
    return found


def _urls(attribute: str, value: str) -> list[str]:
    return srcset_addresses(value) if attribute == "srcset" else [value.strip()]


def css_references(css: str) -> list[str]:
    return [first or second for first, second in CSS_REFERENCE.findall(css)]


def scan_page(html: str) -> PageScan:
    """One pass over a page with the one HTML reader (lib/bfb_html)."""
    scan = PageScan()
    hidden_depth = 0  # inside <script>, <style> or <template>: not text a reader sees
    for token in read(html):
        if isinstance(token, StartTag):
            hidden_depth += token.name in INVISIBLE
            scan_start_tag(scan, token)
        elif isinstance(token, EndTag) and token.name in INVISIBLE and hidden_depth:
            hidden_depth -= 1
        elif isinstance(token, Text) and token.raw_in == "style":
            scan.resources += css_references(token.text)
        elif isinstance(token, Text) and not hidden_depth and token.text.strip():
            scan.text.append(token.text)
    return scan


def is_foreign(url: str, own_hosts: set[str]) -> bool:
    """True for an address on another host; relative, data: and own-host addresses are ours."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob") or (not parts.scheme and not parts.netloc):
        return False
    return parts.netloc.lower() not in own_hosts


def placeholders(texts: list[str]) -> list[str]:
    """The placeholder markers found in the texts, with a little context each."""
    found = []
    for text in texts:
        for match in PLACEHOLDER.finditer(text):
            word = match.group(0)
            if match.group(1) and word not in CASE_SENSITIVE_MARKERS:
                continue  # "todo" or "xxx" in lower case is ordinary text
            start, end = max(match.start() - 30, 0), min(match.end() + 30, len(text))
            found.append(" ".join(text[start:end].split()))
    return found


def site_path(site: Path, file: Path) -> str:
    return address_of(file.relative_to(site).as_posix())


def page_files(site: Path) -> list[Path]:
    """The HTML pages of a build, without Pagefind's own files."""
    return sorted(file for file in site.rglob("*.html") if "pagefind" not in file.relative_to(site).parts)


def stylesheet_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.css"))
