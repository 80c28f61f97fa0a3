"""Einfache Sprache: the plain-German pages under /einfach/, their links, and the rules the build checks.

The pages are a variant of SITE_LANGUAGES (pelicanconf.py); the rules live in lib/bfb_plain
and run as part of the content check (plugins/bfb_content_check/plain_language.py).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bfb_content_check import check_content
from bfb_languages import languages_of
from bfb_plain import MAX_WORDS, MIN_READING_EASE, reading_ease, sentences
from bs4 import BeautifulSoup
from conftest import PRODUCTION_URL, BuiltSite

from pelicanconf import CONTENT_EXTRA_METADATA, SITE_LANGUAGES
from sitetools.build import CONTENT, ROOT, pelican_command, run_pelican

PLAIN = next(found for found in languages_of(SITE_LANGUAGES).values() if found.simplifies)
SETTINGS = {
    "ARTICLE_PATHS": ["aktuelles"],
    "PAGE_PATHS": ["seiten"],
    "SITE_LANGUAGES": SITE_LANGUAGES,
    "CONTENT_EXTRA_METADATA": CONTENT_EXTRA_METADATA,
}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def plain_files() -> list[Path]:
    return sorted(CONTENT.rglob(f"*{PLAIN.suffix}.md"))


def plain_pages(site: BuiltSite) -> list[Path]:
    return sorted((site.root / PLAIN.key).rglob("index.html"))


def switcher(page: BeautifulSoup) -> dict[str, str]:
    return {a.get_text(strip=True): a["href"] for a in page.select("nav.language-switcher a")}


def full_page_link(page: BeautifulSoup) -> str:
    return next(
        a["href"]
        for a in page.select(".plain-label a")
        if a.get_text(strip=True) == "Zur ausführlichen Seite"
    )


def path_of(site: BuiltSite, file: Path) -> str:
    return "/" + file.relative_to(site.root).as_posix().removesuffix("index.html")


# --- the built pages ----------------------------------------------------------------------


def test_at_least_seven_plain_pages_in_german_under_their_prefix(dev_site):
    pages = plain_pages(dev_site)
    assert len(pages) >= 7
    for file in pages:
        page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        assert page.html["lang"] == "de", file
        assert page.select_one(".plain-label__name").get_text(strip=True) == "Einfache Sprache", file
        assert not page.select("link[rel=alternate][hreflang]"), file  # no clash with the German pages


def test_every_german_and_english_page_links_the_plain_pages_in_its_header(dev_site):
    for file in dev_site.html_files():
        path = path_of(dev_site, file)
        if path.startswith(f"/{PLAIN.prefix}"):
            continue
        page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        link = switcher(page).get(PLAIN.label)
        assert link and link.startswith(f"/{PLAIN.prefix}"), file
        assert page.select_one("header nav.language-switcher"), file


def test_plain_pages_and_their_full_counterparts_link_each_other(dev_site):
    paired = 0
    for file in plain_pages(dev_site):
        path = path_of(dev_site, file)
        full = full_page_link(BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser"))
        assert dev_site.exists(full), f"{path} → {full}"
        back = switcher(dev_site.page(full))[PLAIN.label]
        if full != "/":
            assert back == path, f"{path} → {full} → {back}"
            paired += 1
    assert paired >= 6


def test_plain_pages_are_in_the_sitemap_without_alternates(production_site):
    tree = ElementTree.parse(production_site.root / "sitemap.xml")
    entries = {url.findtext(f"{SITEMAP}loc"): url for url in tree.getroot().iter(f"{SITEMAP}url")}
    for file in plain_pages(production_site):
        loc = PRODUCTION_URL + path_of(production_site, file)
        assert loc in entries, loc
        assert entries[loc].findall("{http://www.w3.org/1999/xhtml}link") == [], loc


def built_text_lines(file: Path) -> list[tuple[int, str]]:
    """The article of a built page as Markdown-like lines (sources left out as in the check)."""
    article = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select_one("article")
    for label in article.select(".plain-label, .todo-box"):
        label.decompose()
    lines = []
    for element in article.find_all(["h1", "h2", "h3", "p", "li"]):
        if element.name == "p" and element.find_parent("li"):
            continue
        text = " ".join(element.get_text(" ").split())
        lines += [(0, f"## {text}" if element.name.startswith("h") else text), (0, "")]
    return lines


def test_each_built_plain_page_reads_easily_and_has_short_sentences(dev_site):
    for file in plain_pages(dev_site):
        lines = built_text_lines(file)
        assert reading_ease(lines) >= MIN_READING_EASE, file
        longest = max(len(sentence.words) for sentence in sentences(lines))
        assert longest <= MAX_WORDS, file


def test_the_build_prints_each_plain_pages_reading_ease(tmp_path):
    command = pelican_command(ROOT / "pelicanconf.py", tmp_path / "out", {"CACHE_CONTENT": "false"})
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    report = result.stderr.split("Lesbarkeit je Seite", 1)[1]
    for file in plain_files():
        line = next(line for line in report.splitlines() if line.strip().startswith(f"seiten/{file.name}:"))
        assert float(line.rsplit(":", 1)[1]) >= MIN_READING_EASE, line


# --- the rules ------------------------------------------------------------------------------

PAGE_HEAD = "Title: Probe\nSlug: probe\nLang: einfach\nSummary: Eine Probeseite für den Test der Regeln.\n\n"
GOOD = "Wir helfen Ihnen im Alltag.\nRufen Sie uns an.\n"


def problems_for(tmp_path: Path, body: str, head: str = PAGE_HEAD) -> list:
    folder = tmp_path / "seiten"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "probe.einfach.md").write_text(head + body, encoding="utf-8")
    return check_content(tmp_path, SETTINGS)


def test_a_good_plain_page_passes(tmp_path):
    assert problems_for(tmp_path, GOOD) == []


BODY_LINE = PAGE_HEAD.count("\n") + 2  # the failing sentence stands on the body's second line


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        (
            "plain-sentence",
            "Wir fahren mit dem Bus jeden Montag und jeden Freitag von Gillenfeld aus nach Daun und zurück.",
        ),
        ("plain-long-word", "Die Übungsleiterpauschale galt um 2021."),
        ("plain-abbreviation", "Wir helfen z. B. im Garten."),
        ("plain-abbreviation", "Die VG hilft mit."),
        ("plain-semicolon", "Wir helfen gern; rufen Sie an."),
        ("plain-number-word", "Wir haben zwanzig Helfer."),
        ("plain-passive", "Der Bus wurde 2016 gekauft."),
        ("plain-conjunctions", "Rufen Sie an, wenn Sie wissen, ob Sie Hilfe brauchen."),
    ],
)
def test_each_rule_reports_a_failing_sentence_with_file_line_and_fix(tmp_path, code, sentence):
    problems = problems_for(tmp_path, f"Wir sind ein Verein.\n{sentence}\n")
    found = [problem for problem in problems if problem.code == code]
    assert len(found) == 1, problems
    rendered = found[0].render()
    assert f"probe.einfach.md:{BODY_LINE}: " in rendered
    assert "So beheben: " in rendered


def test_every_rule_is_reported_at_once(tmp_path):
    body = "Der Bus wurde 2016 gekauft.\nWir haben zwanzig Helfer; z. B. im Garten.\n"
    codes = {problem.code for problem in problems_for(tmp_path, body)}
    assert {"plain-passive", "plain-number-word", "plain-semicolon", "plain-abbreviation"} <= codes


def test_allowed_long_words_pass(tmp_path):
    body = (
        "Wir sind Bürger für Bürger e.V. in Daun.\n"  # the association's name (with e.V.)
        "Eine Übungsleiterpauschale ist ein Betrag ohne Steuern.\n"  # explained where it first appears
        "Die Übungsleiterpauschale galt um 2021.\n"  # explained above
        "Das Eifel-Vulkanmuseum ist in Daun.\n"  # split with a hyphen
        "Wir sind ein Nachbarschafts·hilfe·verein.\n"  # split with a middle dot
        + GOOD
        * 3  # short sentences, so that the page still reads easily
    )
    assert problems_for(tmp_path, body) == []


def test_the_sources_section_is_not_checked(tmp_path):
    body = GOOD + "\n## Woher wir das wissen\n\n- Trierischer Volksfreund; Seite 3, ca. zwanzig Zeilen\n"
    assert problems_for(tmp_path, body) == []


def test_a_page_that_reads_hard_is_refused(tmp_path):
    body = "Verantwortungsbewusste Organisationen koordinieren gemeinschaftliche Unterstützungsangebote.\n"
    codes = {problem.code for problem in problems_for(tmp_path, body)}
    assert "plain-reading-ease" in codes


def test_leichte_sprache_without_a_check_is_refused(tmp_path):
    head = PAGE_HEAD.replace("Title: Probe", "Title: Wer wir sind – Leichte Sprache")
    found = [problem for problem in problems_for(tmp_path, GOOD, head) if problem.code == "plain-label"]
    assert len(found) == 1 and found[0].line == 1


def test_leichte_sprache_with_who_and_when_is_allowed(tmp_path):
    head = PAGE_HEAD.replace("Title: Probe", "Title: Wer wir sind – Leichte Sprache")
    head = head.replace("\n\n", "\nGeprueft_von: Prüfgruppe der Lebenshilfe\nGeprueft_am: 2027-03-15\n\n")
    assert problems_for(tmp_path, GOOD, head) == []


def test_a_draft_shows_the_rules_in_its_todo_box(tmp_path):
    """Drafts: the problems go into the to-do box of the preview (not a stopped build)."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    head = PAGE_HEAD.replace("Slug: probe", "Slug: probe\nStatus: draft")
    (content / "seiten" / "probe.einfach.md").write_text(
        head + "Der Bus wurde 2016 gekauft.\n", encoding="utf-8"
    )
    run_pelican(
        ROOT / "pelicanconf.py",
        tmp_path / "out",
        {"PATH": f'"{content}"', "CACHE_CONTENT": "false"},
        quiet=True,
    )
    draft = BeautifulSoup(
        (tmp_path / "out" / "einfach" / "entwuerfe" / "seiten" / "probe" / "index.html").read_text(
            encoding="utf-8"
        ),
        "html.parser",
    )
    todo = draft.select_one(".todo-box").get_text(" ")
    assert "Passiv" in todo
