"""The site's pages (content/seiten/): both languages, the owner's texts, the Impressum's gaps.

The owner's sentences come from the association's own texts (site-texts.md in the shared
facts); they must appear word for word on the full pages, and the teaser texts on the
start page with a "weiterlesen" link that leads to the full page.
"""

from __future__ import annotations

import re

import pytest
import yaml
from reader import visit

import pelicanconf
from sitetools.build import ROOT
from sitetools.legal import texts_of

NBSP = "\u00a0"
PAGE_SLUGS = [
    "engagierte-stadt",
    "auf-dem-weg",
    "sorgende-gemeinschaft",
    "gemeinsames-wirken",
    "ueber-uns",
    "kontakt",
    "impressum",
    "datenschutz",
    "barrierefreiheit",
    "buergerbus",
    "mithelfen",
]
START_PAGE = {"de": "/", "en": "/en/"}
MORE_LINK = {"de": "weiterlesen", "en": "read more"}
GAP_TEXT = {"de": "noch nicht eingetragen", "en": "not yet provided"}

# Teaser order on the start page, with one distinctive sentence of the owner's teaser text.
OWNER_TEASERS = [
    (
        "engagierte-stadt",
        "Bereits seit 2015 gehört er zu den 100 ausgewählten Städten in Deutschland, in denen sich "
        "gemeinnützige Organisationen, die Kommune und die Wirtschaft gemeinsam vor Ort für bessere "
        "Strukturen im bürgerschaftlichen Engagement einsetzen.",
    ),
    (
        "auf-dem-weg",
        "An die Stelle ehrenamtlichen Engagements tritt eine Gemeinschaft der gegenseitigen "
        "Selbstverpflichtung von Bürgerinnen und Bürgern.",
    ),
    (
        "sorgende-gemeinschaft",
        "Die Sorgende Gemeinschaft ist eine neue Form eines gemeinsamen Handelns von Bürgern, "
        "Unternehmen und Kommunalverwaltung.",
    ),
    (
        "gemeinsames-wirken",
        "Die Methode des Gemeinsamen Wirkens (collective impact) wurde 2011 erstmals in Stanford "
        "Social Innovation Review von John Kania und Mark Kramer beschrieben.",
    ),
]

# Further sentences of the owner's texts that belong on the full pages.
OWNER_SENTENCES = {
    "engagierte-stadt": [
        "Der Verein Bürger für Bürger nimmt am bundesweiten Netzwerkprogramm „Engagierte Stadt“ teil.",
        "Gefördert wird ausschließlich der Aufbau von Kooperationen und Netzwerken vor Ort.",
        "Das Konzept für die kommenden zwei Jahre sieht vor, alle Orte der Verbandsgemeinde Daun bis "
        "zum Jahr 2030 in Sorgende Gemeinschaften zu verwandeln.",
        "Mehr Informationen zum Netzwerkprogramm unter www.engagiertestadt.de",
        "Informationen zu den Teilnehmern unter https://www.engagiertestadt.de/#orte",
    ],
    "auf-dem-weg": [
        "Um diesen spannenden Weg vorzubereiten, haben sich die engagierten Projektpartner seit "
        "September 2015 regelmäßig in Workshops getroffen",
        "z.B. mit der Durchführung von Jugendforen, der Einrichtung generationenübergreifender "
        "Spielgruppen, dem Einsatz von Seniorenbeauftragten oder der Durchführung von "
        "Zukunftskonferenzen und Dorfwerkstätten.",
        "„Bürger für Bürger e.V.“ führt eigene Netzwerktreffen durch und nimmt Einladungen von "
        "Partnern in Anspruch.",
    ],
    "sorgende-gemeinschaft": [
        "Und auch dort, wo staatliche und private Institutionen sich zunehmend aus der Daseinsvorsorge "
        "zurückziehen, stärken Sorgende Gemeinschaften das Zusammenleben:",
    ],
    "gemeinsames-wirken": [
        "Diese vereinbaren gemeinsam und auf Augenhöhe ein über herkömmliche Kooperationen "
        "hinausgehendes, verbindliches Zusammenwirken.",
    ],
    "ueber-uns": [
        "Der Gründungsvorsitzende Gerd Becker übergab die Vereinsführung an die neue 1. Vorsitzende "
        "Brigitte Hens und ihren 1. Stellvertretenden Vorsitzenden Manfred Sartoris.",
    ],
}


def plain_text(element) -> str:
    """Visible text with non-breaking spaces and line breaks read as ordinary spaces."""
    return re.sub(r"\s+", " ", element.get_text(" ").replace(NBSP, " ")).strip()


def page_path(slug: str, lang: str) -> str:
    return f"/{slug}/" if lang == "de" else f"/en/{slug}/"


def article_of(dev_site, slug: str, lang: str = "de"):
    return dev_site.page(page_path(slug, lang)).select_one("main article.prose")


def teasers_on_start_page(dev_site, lang: str) -> dict[str, object]:
    """Return {target path: teaser element} of the start page in `lang`, in page order."""
    teasers = dev_site.page(START_PAGE[lang]).select(".teaser")
    return {teaser.select_one(".teaser__more a")["href"]: teaser for teaser in teasers}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("slug", PAGE_SLUGS)
def test_every_page_exists_in_both_languages(dev_site, slug, lang):
    page = dev_site.page(page_path(slug, lang))
    assert page.html["lang"] == lang
    assert plain_text(page.select_one("main h1"))
    assert len(plain_text(page.select_one("main article.prose"))) > 200


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("slug", PAGE_SLUGS)
def test_language_switcher_leads_to_the_same_page(dev_site, slug, lang):
    other = "en" if lang == "de" else "de"
    switcher = dev_site.page(page_path(slug, lang)).select_one(".language-switcher")
    label = pelicanconf.SITE_LANGUAGES[other]["label"]
    links = [link for link in switcher.select(f"a[hreflang={other}]") if link.get_text(strip=True) == label]
    assert [link["href"] for link in links] == [page_path(slug, other)]


@pytest.mark.parametrize(("slug", "sentence"), OWNER_TEASERS)
def test_full_page_carries_the_owners_teaser_text(dev_site, slug, sentence):
    assert sentence in plain_text(article_of(dev_site, slug))


@pytest.mark.parametrize(
    ("slug", "sentence"), [(slug, sentence) for slug, items in OWNER_SENTENCES.items() for sentence in items]
)
def test_full_page_carries_the_owners_sentences(dev_site, slug, sentence):
    assert sentence in plain_text(article_of(dev_site, slug))


@pytest.mark.parametrize(("slug", "sentence"), OWNER_TEASERS)
def test_start_page_shows_the_owners_teaser_with_a_working_link(dev_site, slug, sentence):
    teasers = teasers_on_start_page(dev_site, "de")
    teaser = teasers[page_path(slug, "de")]
    assert sentence in plain_text(teaser.select_one(".teaser__text"))
    assert plain_text(teaser.select_one(".teaser__more a")).startswith(MORE_LINK["de"])
    assert dev_site.exists(page_path(slug, "de"))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_teasers_appear_in_the_owners_order_and_lead_to_their_language(dev_site, lang):
    targets = list(teasers_on_start_page(dev_site, lang))
    expected = [page_path(slug, lang) for slug, _ in OWNER_TEASERS]
    assert [target for target in targets if target in expected] == expected
    for target in expected:
        assert dev_site.exists(target), target


def test_teaser_headings_are_the_owners_headings(dev_site):
    headings = [
        plain_text(t.select_one(".teaser__title")) for t in teasers_on_start_page(dev_site, "de").values()
    ]
    for owner_heading in [
        "Wir sind Teil der Engagierten Stadt",
        "Auf dem Weg zur Sorgenden Gemeinschaft",
        "Wir sind eine Sorgende Gemeinschaft",
        "Was ist Gemeinsames Wirken (collective impact)?",
    ]:
        assert owner_heading in headings


def test_start_page_says_who_the_association_is(dev_site):
    intro = plain_text(dev_site.page("/").select_one(".intro"))
    assert "gemeinnütziger Verein in der Verbandsgemeinde Daun" in intro
    assert "ehrenamtlich" in intro


NONE_FIELDS = [key for key in pelicanconf.IMPRESSUM_FIELDS if pelicanconf.ASSOCIATION[key] is None]
KNOWN_VALUES = [
    text for key in pelicanconf.IMPRESSUM_FIELDS for text in texts_of(pelicanconf.ASSOCIATION[key])
]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_impressum_marks_a_gap_for_every_unknown_field(dev_site, lang):
    data = article_of(dev_site, "impressum", lang).select_one("dl.association-data")
    gaps = data.select(".gap")
    assert len(gaps) == len(NONE_FIELDS)
    assert {plain_text(gap) for gap in gaps} == ({GAP_TEXT[lang]} if NONE_FIELDS else set())
    assert len(data.select("dt")) == len(pelicanconf.IMPRESSUM_FIELDS)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_impressum_shows_every_known_value_and_invents_nothing(dev_site, lang):
    article = article_of(dev_site, "impressum", lang)
    text = plain_text(article.select_one("dl.association-data"))
    for value in KNOWN_VALUES:
        assert value in text
    if "email" in NONE_FIELDS:
        assert not article.select('a[href^="mailto:"]')
    if "phone" in NONE_FIELDS:
        assert not article.select('a[href^="tel:"]')
    if "postcode_city" in NONE_FIELDS:
        assert not re.search(r"\b\d{5} [A-ZÄÖÜ][a-zäöüß]", plain_text(article))  # "54550 Daun"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_contact_page_reuses_the_association_data_with_its_gaps(dev_site, lang):
    article = article_of(dev_site, "kontakt", lang)
    shown = pelicanconf.CONTACT_FIELDS
    assert len(article.select("dl.association-data dt")) == len(shown)
    assert len(article.select("dl.association-data .gap")) == len(
        [key for key in shown if pelicanconf.ASSOCIATION[key] is None]
    )
    text = plain_text(article)
    for key in shown:
        value = pelicanconf.ASSOCIATION[key]
        if isinstance(value, dict):  # published before: shown with its date and source
            assert value["value"] in text and value["source"] in text
    assert pelicanconf.ASSOCIATION["name"] in plain_text(article)


def test_english_pages_mark_the_german_legal_data_as_german(dev_site):
    values = article_of(dev_site, "impressum", "en").select("dl.association-data dd")
    for value in values:
        if value.select(".gap"):
            continue
        if value.select(".association-data__as-of"):  # a dated value: English note, German source
            assert all(source.get("lang") == "de" for source in value.select(".association-data__as-of span"))
        else:
            assert value.get("lang") == "de"


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("slug", PAGE_SLUGS)
def test_links_from_the_pages_resolve(dev_site, slug, lang):
    for link in article_of(dev_site, slug, lang).select("a[href]"):
        href = link["href"]
        if not href.startswith("/"):
            assert href.startswith(("https://", "mailto:", "tel:")), href
            continue
        path, _, anchor = href.partition("#")
        assert dev_site.exists(path), href
        if anchor:
            assert dev_site.page(path).find(id=anchor) is not None, href


def test_privacy_statement_says_what_the_site_does_not_do(dev_site):
    text = plain_text(article_of(dev_site, "datenschutz"))
    assert "keine Cookies" in text
    assert "keine Anfragen an andere Anbieter" in text
    for file in dev_site.html_files():
        html = file.read_text(encoding="utf-8")
        assert "document.cookie" not in html, file


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_page_passes_axe(chromium, served_site, lang):
    """The page types' axe test opens one content page; these pages carry more (lists, the data block)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    for slug in PAGE_SLUGS:
        with visit(chromium, served_site.url(page_path(slug, lang)), 360) as reader:
            tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
            results = axe.run(reader.page, options={"runOnly": {"type": "tag", "values": tags}})
            assert results.violations_count == 0, f"{slug}: {results.generate_report()}"


def number_of_places_in_the_data() -> int:
    places = yaml.safe_load((ROOT / "content" / "data" / "orte.yaml").read_text(encoding="utf-8"))
    return len(places)


OWNER_GOAL_WITH_NUMBER = {
    "de": "Ziel ist es, bis 2030 in allen {n} Orten der Verbandsgemeinde Daun",
    "en": "The aim is, by 2030, to develop the way people live together in all {n} places",
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_number_of_places_comes_from_the_data(dev_site, lang):
    """The owner's "in allen 46 Orten": written as {anzahl:orte}, counted from the data file."""
    expected = OWNER_GOAL_WITH_NUMBER[lang].format(n=number_of_places_in_the_data())
    assert expected in plain_text(article_of(dev_site, "auf-dem-weg", lang))
    teaser = teasers_on_start_page(dev_site, lang)[page_path("auf-dem-weg", lang)]
    assert expected in plain_text(teaser)
    source = "auf-dem-weg.md" if lang == "de" else "auf-dem-weg.en.md"
    assert "{anzahl:orte}" in (ROOT / "content" / "seiten" / source).read_text(encoding="utf-8")
