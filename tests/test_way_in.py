"""The way in (issue 20): the menu leads to help, and the phone is on every page; no research notes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bfb_questions.phone import tel_href

import pelicanconf

PHRASES_FILE = Path(__file__).parent / "data" / "research_note_phrases.txt"
PHONE_HREF = tel_href(pelicanconf.ASSOCIATION["phone"]["value"])
PREFIX = {"de": "", "en": "/en"}
# What villagers look for first: getting help, the Bürgerbus, helping/joining, their village, contact.
DOORS = ["hilfe-bekommen/", "buergerbus/", "mithelfen/", "orte/", "kontakt/"]
# The association's own texts stay, grouped lower in the menu.
LOWER = [
    "sorgende-gemeinschaft/",
    "engagierte-stadt/",
    "gemeinsames-wirken/",
    "ueber-uns/",
    "mitglied-werden/",
]


def research_note_phrases() -> list[str]:
    lines = PHRASES_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def public_pages(site) -> list[Path]:
    return [file for file in site.html_files() if not file.name.startswith("google")]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_menu_leads_first_to_help_bus_helping_villages_and_contact(dev_site, lang):
    nav = dev_site.page(f"{PREFIX[lang]}/").select_one("nav.site-nav")
    links = [a["href"].split(PREFIX[lang] + "/", 1)[-1] for a in nav.select("a[href]")]
    assert links[: len(DOORS)] == DOORS
    assert all(path in links[len(DOORS) :] for path in LOWER)
    # The rest sits in a <details>: a compact menu that opens without JavaScript.
    group = nav.select_one("details")
    assert group.select_one("summary") is not None
    assert {a["href"].split(PREFIX[lang] + "/", 1)[-1] for a in group.select("a[href]")} >= set(LOWER)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_start_page_says_who_we_are_in_one_sentence_and_offers_the_doors(dev_site, lang):
    page = dev_site.page(f"{PREFIX[lang]}/")
    intro = page.select_one(".intro")
    sentences = [p.get_text(" ", strip=True) for p in intro.select("p")]
    assert len(sentences) == 1 and sentences[0].count(". ") == 0
    doors = [a["href"] for a in page.select("nav.doors a[href]")]
    assert [href.split(PREFIX[lang] + "/", 1)[-1] for href in doors[: len(DOORS)]] == DOORS
    assert doors[-1] == PHONE_HREF


def test_every_public_page_has_the_phone_as_tel_link_in_its_header(production_site):
    for file in public_pages(production_site):
        header = production_site.page("/" + file.relative_to(production_site.root).as_posix()).select_one(
            "header"
        )
        if header is None:  # the redirect stubs of old addresses have no page of their own
            continue
        link = header.select_one(f'a[href="{PHONE_HREF}"]')
        assert link is not None, file
        english = file.relative_to(production_site.root).parts[0] == "en"
        assert link.get_text(" ", strip=True).endswith("+49 6592 9263198" if english else "06592 9263198"), (
            file
        )


def test_no_public_page_contains_a_research_note(production_site):
    phrases = research_note_phrases()
    assert len(phrases) >= 5
    found = []
    for file in public_pages(production_site):
        relative = file.relative_to(production_site.root).as_posix()
        text = " ".join(production_site.page("/" + relative).stripped_strings).lower()
        # As the list's header says: whole words, any case ("other step" is not "other steps").
        found += [(relative, p) for p in phrases if re.search(rf"(?<!\w){re.escape(p.lower())}(?!\w)", text)]
    assert found == []
