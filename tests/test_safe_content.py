"""Safe by construction (issue 24): what editors write never becomes a script, a redirect or a lie.

Each class of hostile input has at least two cases. A refused build names file, line and the
problem's code and leaves the previous output byte for byte alone (`refused`); what is
allowed (markup-like text in a title, a summary or a data file) comes out as text, which the
tests check by parsing every page of a production build.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from bfb_content_check.content_check import DATE_YEAR_OUT_OF_RANGE, HEADER_CONTROL_CHARACTER
from bfb_sanitize import ALLOWED_TAGS, MARKUP_NOT_ALLOWED, markup_outside_allow_list, sanitize

from sitetools.checks import CheckInput, html_that_csp_lets_through
from tests import test_bad_input
from tests.conftest import build_site
from tests.test_bad_input import NEWS_FILE, refused, write_news

# The fixtures of tests/test_bad_input.py: a good output that a refused build must leave alone.
good_output = test_bad_input.good_output
previous_output = test_bad_input.previous_output
BODY_LINE = 9  # the body's first line in tests.test_bad_input.NEWS with one header line

MARKUP_CASES = {
    "inline-script": ("Text <script>alert(1)</script>", "<script>"),
    "event-handler": ('Ein Bild <img src="x.jpg" alt="x" onerror="alert(1)">', "onerror="),
    "srcdoc": ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', "<iframe>"),
    "base": ('<base href="https://anderswo.example/">', "<base>"),
    "meta-refresh-without-url": ('<meta http-equiv="refresh" content="0">', "<meta>"),
    "markdown-javascript-link": ("[Klick](javascript:alert(1))", "javascript:"),
    "svg-javascript-link": ('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', "<svg>"),
    "data-address": ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
}


@pytest.mark.parametrize("case", sorted(MARKUP_CASES))
def test_markup_outside_the_allow_list_stops_the_build(case, content_copy, previous_output, capsys):
    text, what = MARKUP_CASES[case]
    write_news(content_copy, header="Modified: 2023-05-05", body=text)
    errors = refused(content_copy, previous_output, capsys)
    assert f"{NEWS_FILE}:{BODY_LINE}:" in errors
    assert f"{MARKUP_NOT_ALLOWED}: {what}" in errors


HEADER_CASES = {
    # U+001C ends a line for str.splitlines() but not for Markdown: the Save_as after it
    # used to escape every check.
    "separator-before-save-as": ("Modified: 2023-05-05\x1c\nSave_as: theme/css/site.css", 7),
    "bell-in-the-title": ("Modified: 2023-05-05\nTitle_en: x\x07", 8),
}


@pytest.mark.parametrize("case", sorted(HEADER_CASES))
def test_control_characters_in_the_header_stop_the_build(case, content_copy, previous_output, capsys):
    header, line = HEADER_CASES[case]
    write_news(content_copy, header=header)
    errors = refused(content_copy, previous_output, capsys)
    assert f"{NEWS_FILE}:{line}: In dieser Kopfzeile steht ein unsichtbares Steuerzeichen" in errors
    assert HEADER_CONTROL_CHARACTER in errors


def test_a_control_character_in_the_title_itself_stops_the_build(content_copy, previous_output, capsys):
    path = write_news(content_copy)
    path.write_text(
        path.read_text(encoding="utf-8").replace("Meldung für den Test", "Meldung\x0bfür"), "utf-8"
    )
    errors = refused(content_copy, previous_output, capsys)
    assert f"{NEWS_FILE}:1: In dieser Kopfzeile steht ein unsichtbares Steuerzeichen (U+000B)" in errors


@pytest.mark.parametrize("date", ["0001-01-01", "0222-06-22", "2999-01-01"])
def test_years_outside_the_plausible_range_stop_the_build(date, content_copy, previous_output, capsys):
    path = write_news(content_copy)
    path.write_text(path.read_text(encoding="utf-8").replace("2023-05-04", date), encoding="utf-8")
    errors = refused(content_copy, previous_output, capsys)
    assert f"{NEWS_FILE}:2: Das Jahr" in errors
    assert DATE_YEAR_OUT_OF_RANGE in errors


# --- what is allowed comes out as text: a hostile production build, parsed page by page ----------

HOSTILE_TITLE = 'Meldung <img src="x" onerror="alert(1)"> und </title><script>alert(2)</script>'
HOSTILE_SUMMARY = (
    "Zitat &quot; http-equiv=&quot;refresh&quot; content=&quot;0;url=https://anderswo.example/&quot; Ende"
)
HOSTILE_STOP = '<img src=x onerror="alert(3)">Desserath'
THEME_SCRIPTS = ("/theme/js/", "/pagefind/")


class PageAudit(HTMLParser):
    """Everything on a page that could run or redirect: the allow-list of whole pages."""

    def __init__(self, site_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.site_url = site_url
        self.found: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            source = (values.get("src") or "").removeprefix(self.site_url)
            variant = source.split("/", 2)[2] if source.count("/") > 2 else ""  # /einfach/pagefind/…
            if not source.startswith(THEME_SCRIPTS) and not variant.startswith("pagefind/"):
                self.found.append(f"script {source or '(inline)'}")
        if tag in ("base", "form", "iframe", "object", "embed"):
            self.found.append(tag)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.found.append("meta refresh")
        for name, value in attrs:
            if name.startswith("on") or name == "srcdoc":
                self.found.append(f"{tag} {name}")
            if "".join((value or "").split()).lower().startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"{tag} {name}={value}")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def audit(page: Path, site_url: str) -> PageAudit:
    scanner = PageAudit(site_url)
    scanner.feed(page.read_text(encoding="utf-8"))
    scanner.close()
    return scanner


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    import shutil

    from tests.conftest import CONTENT

    content = tmp_path_factory.mktemp("hostile") / "content"
    shutil.copytree(CONTENT, content)
    path = write_news(content)
    text = path.read_text(encoding="utf-8")
    text = text.replace("Title: Meldung für den Test", f"Title: {HOSTILE_TITLE}")
    text = text.replace(
        "Summary: Eine Meldung, die nur dieser Test schreibt und baut.", f"Summary: {HOSTILE_SUMMARY}"
    )
    path.write_text(text, encoding="utf-8")
    timetable = content / "data/buergerbus.yaml"
    timetable.write_text(
        timetable.read_text(encoding="utf-8").replace("- name: Desserath", f"- name: '{HOSTILE_STOP}'"),
        "utf-8",
    )
    extra = {"PATH": json.dumps(str(content)), "SITEURL": '"https://example.test"'}
    return build_site("publishconf.py", tmp_path_factory.mktemp("hostile-site") / "output", extra).root


def test_hostile_text_fields_are_text_on_every_page_of_a_production_build(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        if "pagefind" in page.relative_to(hostile_site).parts:
            continue
        assert audit(page, "https://example.test").found == [], page
    news = audit(hostile_site / "aktuelles/testmeldung/index.html", "https://example.test")
    assert HOSTILE_TITLE in "".join(news.text)  # the title as the editor wrote it, shown as text
    bus = audit(hostile_site / "buergerbus/index.html", "https://example.test")
    assert HOSTILE_STOP in "".join(bus.text)
    assert html_that_csp_lets_through(CheckInput({"SITEURL": "https://example.test"}, hostile_site)) == []


def test_the_summary_cannot_add_attributes_to_the_description(hostile_site):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(
        (hostile_site / "aktuelles/testmeldung/index.html").read_text("utf-8"), "html.parser"
    )
    description = page.find("meta", attrs={"name": "description"})
    assert set(description.attrs) == {"name", "content"}
    assert 'http-equiv="refresh"' in description["content"]  # the editor's text, harmless
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None


# --- the sanitizer itself (the second line behind the content check) -------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<p>a<script>alert(1)</script></p>",
        '<p><img src="x.jpg" alt="" onerror="alert(1)"></p>',
        '<p><a href="javascript:alert(1)">x</a><a href=" JaVaScRiPt:alert(1)">y</a></p>',
        '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg><base href="//x">',
        '<meta http-equiv="refresh" content="0"><form action="/x"><input></form><style>*{}</style>',
    ],
)
def test_the_sanitizer_leaves_only_the_allow_list(html, tmp_path):
    page = tmp_path / "index.html"
    page.write_text(sanitize(html), encoding="utf-8")
    assert audit(page, "").found == []
    tags = set()

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.add(tag)

    Tags().feed(page.read_text(encoding="utf-8"))
    assert tags <= ALLOWED_TAGS


def test_the_sanitizer_keeps_what_the_sites_texts_use():
    html = (
        '<p><span lang="en">Caring</span> <a href="https://x.example/" hreflang="de">x</a> '
        '<a href="{static}/bilder/a.jpg">b</a> <a href="mailto:a@b.example">m</a></p>'
        '<div class="table-wrap" role="region" tabindex="0" aria-label="Tabelle"><table><thead><tr>'
        '<th style="text-align:right">1</th></tr></thead><tbody><tr><td data-label="Ort">Gillenfeld</td></tr>'
        "</tbody></table></div>"
        '<img src="/bilder/a.jpg" alt="A" width="10" height="5" srcset="/bilder/a-480w.jpg 480w" '
        'sizes="100vw" loading="lazy" decoding="async">'
    )
    assert sanitize(html) == html


def test_the_finder_names_lines_of_a_multi_line_element():
    found = markup_outside_allow_list(
        ["Text", "<a", '  onclick="x" href="/">x</a>', "<span lang=en>ok</span>"], 10
    )
    assert [(finding.line, finding.what) for finding in found] == [(11, "onclick=")]


# --- only what is meant is published ----------------------------------------------------------------


def secret_csv_beside_the_news(content: Path) -> str:
    (content / "aktuelles/konto.csv").write_text("IBAN;DE00 0000\n", encoding="utf-8")
    return "{static}konto.csv"


def dotfile_photo(content: Path) -> str:
    from tests.test_bad_input import photo_with_gps

    (content / "bilder/.privat").mkdir(parents=True)
    photo_with_gps(content / "bilder/.privat/foto.jpg")
    return "{static}/bilder/.privat/foto.jpg"


STATIC_CASES = {
    "data-file": (lambda content: "{static}/data/orte.yaml", "data/orte.yaml"),
    "markdown-source": (lambda content: "{static}/seiten/kontakt.md", "seiten/kontakt.md"),
    "csv-beside-the-text": (secret_csv_beside_the_news, "aktuelles/konto.csv"),
    "dotfile-folder": (dotfile_photo, "bilder/.privat/foto.jpg"),
}


@pytest.mark.parametrize("case", sorted(STATIC_CASES))
def test_static_links_publish_only_photos(case, content_copy, previous_output, capsys):
    from bfb_content_check.content_check import STATIC_TARGET_NOT_ALLOWED

    make_target, relative = STATIC_CASES[case]
    write_news(content_copy, header="Modified: 2023-05-05", body=f"[Datei]({make_target(content_copy)})")
    errors = refused(content_copy, previous_output, capsys)
    assert f"{NEWS_FILE}:{BODY_LINE}:" in errors
    assert f"{STATIC_TARGET_NOT_ALLOWED}: {relative}" in errors


def test_a_photo_only_a_draft_shows_stays_out_of_production(content_copy, tmp_path):
    from tests.test_bad_input import photo_with_gps

    (content_copy / "bilder").mkdir(exist_ok=True)
    photo_with_gps(content_copy / "bilder/geheim.jpg")
    photo_with_gps(content_copy / "bilder/offen.jpg")
    write_news(content_copy, header="Status: draft", body="![Geheim]({static}/bilder/geheim.jpg)")
    write_news(
        content_copy, body="![Offen]({static}/bilder/offen.jpg)", name="aktuelles/2023-05-05-zweite.md"
    )
    second = content_copy / "aktuelles/2023-05-05-zweite.md"
    second.write_text(second.read_text("utf-8").replace("Slug: testmeldung", "Slug: zweite"), "utf-8")
    extra = {"PATH": json.dumps(str(content_copy))}
    production = build_site("publishconf.py", tmp_path / "production", extra)
    development = build_site("pelicanconf.py", tmp_path / "development", extra)
    assert not list(production.root.glob("bilder/geheim*"))
    assert (production.root / "bilder/offen.jpg").is_file()
    assert (development.root / "bilder/geheim.jpg").is_file()


def test_hidden_pages_stay_out_of_the_search_index(content_copy, tmp_path):
    (content_copy / "seiten/versteckt.md").write_text(
        "Title: Versteckt\nSlug: versteckt\nLang: de\nGerman_only: ja\nStatus: hidden\n\nNur mit Link.\n",
        encoding="utf-8",
    )
    site = build_site("publishconf.py", tmp_path / "site", {"PATH": json.dumps(str(content_copy))})
    assert site.page("/versteckt/").find("main").get("data-pagefind-body") is None
    assert site.page("/ueber-uns/").find("main").get("data-pagefind-body") is not None
    assert site.page("/").find("main").get("data-pagefind-body") is not None  # the start page


def two_photos_differing_in_case(content: Path) -> None:
    from tests.test_bad_input import photo_with_gps

    (content / "bilder").mkdir(exist_ok=True)
    photo_with_gps(content / "bilder/Foto.jpg")
    photo_with_gps(content / "bilder/foto.jpg")


def two_pages_differing_in_case(content: Path) -> None:
    write_news(content, header="Save_as: Ueber-uns/index.html")


@pytest.mark.parametrize("make", [two_photos_differing_in_case, two_pages_differing_in_case])
def test_output_paths_differing_only_in_case_stop_the_build(make, content_copy, previous_output, capsys):
    from sitetools.build import OUTPUT_CASE_COLLISION

    make(content_copy)
    errors = refused(content_copy, previous_output, capsys)
    assert OUTPUT_CASE_COLLISION in errors  # the wording: tests/test_messages.py


def pdf_with_metadata(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.add_metadata({"/Author": "Max Mustermann", "/Creator": "C:\\Users\\max\\Satzung.docx"})
    path.parent.mkdir(parents=True, exist_ok=True)
    writer.write(path)


def test_documents_from_their_folder_are_published_without_metadata(content_copy, tmp_path):
    pdf_with_metadata(content_copy / "dokumente/satzung.pdf")
    write_news(content_copy, body="Die [Satzung (PDF)]({static}/dokumente/satzung.pdf).")
    site = build_site("publishconf.py", tmp_path / "site", {"PATH": json.dumps(str(content_copy))})
    published = (site.root / "dokumente/satzung.pdf").read_bytes()
    assert published.startswith(b"%PDF") and b"Mustermann" not in published and b"Users" not in published
    assert (
        site.page("/aktuelles/testmeldung/")
        .find("a", string="Satzung (PDF)")["href"]
        .endswith("/dokumente/satzung.pdf")
    )


def test_documents_elsewhere_or_broken_stop_the_build(content_copy, previous_output, capsys):
    from bfb_content_check.content_check import STATIC_TARGET_NOT_ALLOWED

    pdf_with_metadata(content_copy / "aktuelles/protokoll.pdf")
    write_news(content_copy, header="Modified: 2023-05-05", body="[Protokoll]({static}protokoll.pdf)")
    errors = refused(content_copy, previous_output, capsys)
    assert f"{STATIC_TARGET_NOT_ALLOWED}: aktuelles/protokoll.pdf" in errors
    (content_copy / "dokumente").mkdir()
    (content_copy / "dokumente/kaputt.pdf").write_bytes(b"kein PDF")
    write_news(content_copy, header="Modified: 2023-05-05", body="[Kaputt]({static}/dokumente/kaputt.pdf)")
    errors = refused(content_copy, previous_output, capsys)
    assert "document-unreadable" in errors and "„kaputt.pdf“ lässt sich nicht als PDF lesen" in errors


class TagsAndAttributes(HTMLParser):
    """Every (element, attribute) pair of a page; (element, "") for the element itself."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pairs: set[tuple[str, str]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.pairs.add((tag, ""))
        self.pairs.update((tag, name) for name, _ in attrs)


def pairs_of(site: Path) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for page in site.rglob("*.html"):
        if "pagefind" in page.relative_to(site).parts:
            continue
        scanner = TagsAndAttributes()
        scanner.feed(page.read_text(encoding="utf-8"))
        found |= scanner.pairs
    return found


def test_the_hostile_build_has_no_element_or_attribute_the_allow_list_and_the_theme_lack(
    hostile_site, production_site
):
    from bfb_sanitize import ALLOWED_ATTRIBUTES, GLOBAL_ATTRIBUTES

    content = {(tag, "") for tag in ALLOWED_TAGS}
    content |= {
        (tag, name) for tag in ALLOWED_TAGS for name in GLOBAL_ATTRIBUTES | ALLOWED_ATTRIBUTES.get(tag, set())
    }
    allowed = pairs_of(production_site.root) | content
    assert pairs_of(hostile_site) - allowed == set()
