"""The news ("Aktuelles"): list with pagination, archive, dates, translations, start page.

Expectations are derived from the Markdown headers in content/aktuelles/, so adding a
news item needs no change here; the few literal texts are the owner's own words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from bfb_contents.front_matter import read_front_matter

from sitetools.build import ROOT

NEWS_FOLDER = ROOT / "content" / "aktuelles"
NBSP = "\u00a0"
NEWS_LIST = {"de": "/aktuelles/", "en": "/en/news/"}
SECOND_PAGE = {"de": "/aktuelles/seite/2/", "en": "/en/news/page/2/"}
ARCHIVE = {"de": "/aktuelles/archiv/", "en": "/en/news/archive/"}
ITEM_URL = {"de": "/aktuelles/{slug}/", "en": "/en/news/{slug}/"}
START_PAGE = {"de": "/", "en": "/en/"}
PER_PAGE = 10
OWNER_TEXT_NEW_BOARD = (
    "Der Gründungsvorsitzende Gerd Becker übergab die Vereinsführung an die neue "
    "1. Vorsitzende Brigitte Hens und ihren 1. Stellvertretenden Vorsitzenden Manfred Sartoris. "
    "Weitere Informationen folgen."
)


@dataclass(frozen=True)
class NewsSource:
    """The header of one news file, as an editor wrote it."""

    path: Path
    metadata: dict[str, str]

    @property
    def lang(self) -> str:
        return self.metadata["lang"]

    @property
    def slug(self) -> str:
        return self.metadata["slug"]

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.metadata["date"])

    @property
    def url(self) -> str:
        return ITEM_URL[self.lang].format(slug=self.slug)


def read_header(path: Path) -> dict[str, str]:
    """Return the header fields, keys lowercased like Pelican."""
    return read_front_matter(path).values()


def published_news(lang: str) -> list[NewsSource]:
    """Published news items of one language, newest first (the site's order)."""
    sources = [NewsSource(path, read_header(path)) for path in sorted(NEWS_FOLDER.glob("*.md"))]
    published = [
        s for s in sources if s.lang == lang and s.metadata.get("status", "published") == "published"
    ]
    return sorted(published, key=lambda s: s.date, reverse=True)


def plain_text(element) -> str:
    """Visible text with non-breaking spaces and line breaks read as ordinary spaces."""
    return re.sub(r"\s+", " ", element.get_text(" ").replace(NBSP, " ")).strip()


def listed_urls(page, selector: str) -> list[str]:
    return [link["href"] for link in page.select(selector)]


LANGS = ["de", "en"]


def test_there_are_enough_news_items_to_paginate():
    for lang in LANGS:
        assert len(published_news(lang)) > PER_PAGE, lang


@pytest.mark.parametrize("lang", LANGS)
def test_news_list_is_paginated_and_shows_every_item_once(dev_site, lang):
    first, second = dev_site.page(NEWS_LIST[lang]), dev_site.page(SECOND_PAGE[lang])
    first_urls = listed_urls(first, ".news-list__title a")
    second_urls = listed_urls(second, ".news-list__title a")
    assert len(first_urls) == PER_PAGE
    assert first_urls + second_urls == [item.url for item in published_news(lang)]
    assert first.select_one(".pagination a[rel=next]")["href"] == SECOND_PAGE[lang]
    assert second.select_one(".pagination a[rel=prev]")["href"] == NEWS_LIST[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_archive_lists_every_item_under_its_year(dev_site, lang):
    archive = dev_site.page(ARCHIVE[lang])
    found = []
    for section in archive.select("section"):
        year = section.find("h2").get_text(strip=True)
        for entry in section.select(".archive-list li"):
            assert entry.find("time")["datetime"][:4] == year, entry
            found.append(entry.find("a")["href"])
    assert found == [item.url for item in published_news(lang)]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/aktuelles/buergerbus-startet/", f"9.{NBSP}Januar{NBSP}2017"),
        ("/en/news/buergerbus-startet/", f"9{NBSP}January{NBSP}2017"),
    ],
)
def test_dates_are_written_the_way_each_language_writes_them(dev_site, path, expected):
    time = dev_site.page(path).select_one("article .meta time")
    assert time.get_text() == expected
    assert time["datetime"] == "2017-01-09"


def test_every_news_item_has_its_translation():
    slugs = {lang: {item.slug for item in published_news(lang)} for lang in LANGS}
    assert slugs["de"] == slugs["en"]


def test_translations_share_date_and_file_name():
    english = {item.slug: item for item in published_news("en")}
    for german in published_news("de"):
        translation = english[german.slug]
        assert translation.date == german.date, german.path.name
        assert translation.path.name == german.path.name.removesuffix(".md") + ".en.md"


@pytest.mark.parametrize("lang", LANGS)
def test_file_names_follow_date_and_slug(lang):
    for item in published_news(lang):
        stem = item.path.name.removesuffix(".md").removesuffix(".en")
        assert stem == f"{item.date.isoformat()}-{item.slug}", item.path.name
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item.slug), item.slug
        assert item.metadata.get("summary"), f"{item.path.name}: Summary fehlt"


@pytest.mark.parametrize("lang", LANGS)
def test_language_switcher_of_each_item_leads_to_its_counterpart(dev_site, lang):
    other = "en" if lang == "de" else "de"
    for item in published_news(lang):
        switcher = dev_site.page(item.url).select_one("nav.language-switcher a")
        counterpart = ITEM_URL[other].format(slug=item.slug)
        assert switcher["href"] == counterpart, item.url
        assert switcher["hreflang"] == other
        assert dev_site.exists(counterpart)


def test_new_board_shows_the_owners_text_dated_only_by_its_year(dev_site):
    article = dev_site.page("/aktuelles/neuer-vorstand/").select_one("article")
    text = plain_text(article)
    assert OWNER_TEXT_NEW_BOARD in text
    # The sources give the year of the election (press, late 2021), no month and no day: the
    # date says "2021" and the text names no day; no research note says so (issue 20).
    assert article.select_one(".meta time").get_text() == "2021"
    assert "genauen Tag" not in text and "Zum Datum" not in text
    assert f"1.{NBSP}Vorsitzende Brigitte Hens" in article.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_new_board_is_a_teaser_on_the_start_page(dev_site, lang):
    teasers = dev_site.page(START_PAGE[lang]).select(".teaser")
    links = [teaser.select_one(".teaser__more a")["href"] for teaser in teasers]
    assert ITEM_URL[lang].format(slug="neuer-vorstand") in links
    if lang == "de":
        teaser = teasers[links.index("/aktuelles/neuer-vorstand/")]
        assert plain_text(teaser.select_one(".teaser__text")) == OWNER_TEXT_NEW_BOARD


@pytest.mark.parametrize("lang", LANGS)
def test_start_page_lists_the_latest_news_first(dev_site, lang):
    start = dev_site.page(START_PAGE[lang])
    shown = listed_urls(start, ".latest-news .news-list__title a")
    newest = [item.url for item in published_news(lang)]
    assert shown, "no news on the start page"
    assert shown == newest[: len(shown)]


def test_the_old_five_years_address_is_declared_on_the_german_item():
    item = next(i for i in published_news("de") if i.slug == "fuenf-jahre-miteinander")
    assert item.metadata["redirect_from"] == "/index.php/aktuelles/151-fuenf-jahre-miteinander"


# --- Page N of the news list in the other language ----------------------------------------


def news_list_languages(site, path: str, base: str = "") -> tuple[str, dict[str, str]]:
    """The switcher's target and the hreflang alternates of a news list page, as site paths."""
    page = site.page(path)
    switcher = page.select_one("nav.language-switcher a")["href"].removeprefix(base)
    links = page.select("link[rel=alternate][hreflang]")
    return switcher, {link["hreflang"]: link["href"].removeprefix(base) for link in links}


def expected_pages(lang: str) -> int:
    return -(-len(published_news(lang)) // PER_PAGE)


@pytest.mark.parametrize("build", ["dev_site", "production_site"])
def test_every_news_list_page_links_the_same_page_in_the_other_language(request, build):
    from conftest import PRODUCTION_URL

    site = request.getfixturevalue(build)
    base = PRODUCTION_URL if build == "production_site" else ""
    pages = min(expected_pages("de"), expected_pages("en"))
    assert pages >= 2  # the real news fill more than one page in both languages
    for number in range(1, pages + 1):
        paths = {
            lang: NEWS_LIST[lang] if number == 1 else SECOND_PAGE[lang].replace("2", str(number))
            for lang in LANGS
        }
        for lang, other in (("de", "en"), ("en", "de")):
            switcher, found = news_list_languages(site, paths[lang], base)
            assert switcher == paths[other]
            assert found["de"] == paths["de"] and found["en"] == paths["en"], paths[lang]


GERMAN_ONLY_NEWS = """Title: Nur deutsche Probemeldung {number}
Date: 2015-01-{day:02d}
Slug: nur-deutsch-{number}
Lang: de
German_only: ja
Summary: Eine Meldung ohne Übersetzung, damit die deutsche Liste mehr Seiten hat.

Text.
"""


@pytest.fixture(scope="module")
def more_german_pages(tmp_path_factory) -> dict[str, object]:
    """Both builds of a copy of content/ with a German news list one page longer than the English one."""
    import json
    import shutil

    from conftest import build_site

    content = tmp_path_factory.mktemp("more-german") / "content"
    shutil.copytree(ROOT / "content", content)
    extra_items = PER_PAGE * expected_pages("de") - len(published_news("de")) + 1
    for number in range(1, extra_items + 1):
        (content / "aktuelles" / f"2015-01-{number:02d}-nur-deutsch-{number}.md").write_text(
            GERMAN_ONLY_NEWS.format(number=number, day=number), encoding="utf-8"
        )
    folder = tmp_path_factory.mktemp("more-german-builds")
    path = {"PATH": json.dumps(str(content))}
    return {
        "": build_site("pelicanconf.py", folder / "dev", path),
        "https://example.test": build_site(
            "publishconf.py", folder / "prod", {**path, "SITEURL": '"https://example.test"'}
        ),
    }


@pytest.mark.parametrize("base", ["", "https://example.test"])
def test_a_page_the_other_language_lacks_leads_to_its_last_page(more_german_pages, base):
    site = more_german_pages[base]
    english_pages = expected_pages("en")
    german_last = english_pages + 1
    assert site.exists(f"/aktuelles/seite/{german_last}/")
    assert not site.exists(f"/en/news/page/{german_last}/")
    english_last = NEWS_LIST["en"] if english_pages == 1 else f"/en/news/page/{english_pages}/"
    switcher, found = news_list_languages(site, f"/aktuelles/seite/{german_last}/", base)
    assert switcher == english_last
    # Alternates are reciprocal: a page is only an alternate of the page with the same number.
    assert "en" not in found
    back, english_found = news_list_languages(site, english_last, base)
    assert back == (NEWS_LIST["de"] if english_pages == 1 else f"/aktuelles/seite/{english_pages}/")
    assert english_found["en"] == english_last and english_found["de"] == back
