"""counterparts() for every kind of page, with the context i18n_subsites gives a template."""

import posixpath
import sys
from datetime import datetime
from types import SimpleNamespace

import pytest
from bfb_build import BUILD_KEY, Build
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from bfb_language_links import language_links
from bfb_language_links.language_links import counterparts, derive_language_settings

TABLE = [
    {"de": "aktuelles/archiv/", "en": "news/archive/"},
    {"de": "aktuelles/", "en": "news/"},
]
SITES = {"de": "https://example.test", "en": "https://example.test/en"}


def context(lang: str, **values) -> dict:
    return {
        "DEFAULT_LANG": lang,
        "SITEURL": SITES[lang],
        "lang_siteurls": SITES,
        "COUNTERPART_PATHS": TABLE,
        **values,
    }


def content(lang: str, url: str, translations=()) -> SimpleNamespace:
    return SimpleNamespace(lang=lang, url=url, translations=list(translations))


def urls(found: dict) -> dict:
    return {lang: (counterpart.url, counterpart.exact) for lang, counterpart in found.items()}


def test_translated_article_in_the_subsite_links_through_the_relative_url():
    # i18n_subsites gives translations a URL relative to the current site.
    article = content("en", "news/bus/", [content("de", "../aktuelles/bus/")])
    assert urls(counterparts(context("en", article=article))) == {
        "de": ("https://example.test/aktuelles/bus/", True),
        "en": ("https://example.test/en/news/bus/", True),
    }


def test_untranslated_page_leads_to_the_other_start_page_but_is_no_alternate():
    page = content("de", "impressum/")
    assert urls(counterparts(context("de", page=page))) == {
        "de": ("https://example.test/impressum/", True),
        "en": ("https://example.test/en/", False),
    }


def test_place_exists_in_every_language_under_the_same_path():
    place = content("en", "orte/gillenfeld/")
    assert urls(counterparts(context("en", place=place)))["de"] == (
        "https://example.test/orte/gillenfeld/",
        True,
    )


def test_generated_lists_map_through_the_table():
    assert urls(counterparts(context("de", output_file="aktuelles/archiv/index.html"))) == {
        "de": ("https://example.test/aktuelles/archiv/", True),
        "en": ("https://example.test/en/news/archive/", True),
    }
    assert urls(counterparts(context("en", output_file="news/index.html")))["de"] == (
        "https://example.test/aktuelles/",
        True,
    )


def test_later_news_page_without_the_other_news_list_leads_to_its_first_page():
    found = counterparts(
        context("de", output_file="aktuelles/seite/2/index.html", articles_page=SimpleNamespace(number=2))
    )
    assert urls(found) == {
        "de": ("https://example.test/aktuelles/seite/2/", True),
        "en": ("https://example.test/en/news/", False),
    }


def test_page_outside_the_table_keeps_its_path():
    found = counterparts(context("en", output_file="404.html"))
    assert urls(found) == {
        "de": ("https://example.test/404.html", True),
        "en": ("https://example.test/en/404.html", True),
    }


def test_development_links_are_root_relative():
    sites = {"de": "", "en": "/en"}
    page = content("de", "kontakt/", [content("en", "en/kontakt/")])
    found = counterparts({"DEFAULT_LANG": "de", "SITEURL": "", "lang_siteurls": sites, "page": page})
    assert urls(found) == {"de": ("/kontakt/", True), "en": ("/en/kontakt/", True)}


def test_language_settings_follow_the_final_siteurl():
    subsites = {"en": {"SITEURL": "https://live.example/en"}}
    settings = {"DEFAULT_LANG": "de", "SITEURL": "https://example.test", "I18N_SUBSITES": subsites}
    derive_language_settings(SimpleNamespace(settings=settings))
    assert settings["FEED_DOMAIN"] == "https://example.test"
    assert subsites["en"]["SITEURL"] == subsites["en"]["FEED_DOMAIN"] == "https://example.test/en"


# --- Translations across sites that read only their own language's files ----------------


BUILD = Build()  # replaced for every test by the `build` fixture


@pytest.fixture(autouse=True)
def build(monkeypatch) -> Build:
    """A fresh build, shared by every site's settings as i18n_subsites shares it."""
    monkeypatch.setattr(sys.modules[__name__], "BUILD", Build())
    return BUILD


def pelican_article(lang: str, slug: str, status: str = "published") -> Article:
    settings = dict(DEFAULT_CONFIG, DEFAULT_LANG=lang, **{BUILD_KEY: BUILD})
    settings["ARTICLE_URL"] = "aktuelles/{slug}/" if lang == "de" else "news/{slug}/"
    metadata = {"title": slug, "slug": slug, "lang": lang, "status": status, "date": datetime(2016, 7, 1)}
    return Article("<p>Text</p>", metadata=metadata, settings=settings, source_path=f"/c/{slug}.{lang}.md")


def recorded(**lists) -> None:
    """One site's articles and pages, as record_native_content sees them."""
    language_links.record_native_content([SimpleNamespace(context={BUILD_KEY: BUILD}, **lists)])


def test_translation_from_the_other_site_is_found_by_kind_status_and_slug():
    german, english = pelican_article("de", "bus"), pelican_article("en", "bus")
    recorded(articles=[german])
    recorded(articles=[english], drafts=[pelican_article("en", "entwurf", "draft")])
    assert urls(counterparts(context("de", article=german))) == {
        "de": ("https://example.test/aktuelles/bus/", True),
        "en": ("https://example.test/en/news/bus/", True),
    }
    assert urls(counterparts(context("en", article=english)))["de"] == (
        "https://example.test/aktuelles/bus/",
        True,
    )


def test_a_draft_translation_is_no_counterpart_of_a_published_text():
    german = pelican_article("de", "entwurf")
    recorded(articles=[german])
    recorded(drafts=[pelican_article("en", "entwurf", "draft")])
    assert urls(counterparts(context("de", article=german)))["en"] == ("https://example.test/en/", False)


def test_links_into_the_other_language_lead_to_its_own_site():
    german = pelican_article("de", "chronik")
    recorded(pages=[german])
    sites = {"de": "", "en": "en"}
    english_context = {
        BUILD_KEY: BUILD,
        "DEFAULT_LANG": "en",
        "relpath_to_site": lambda lang, target: posixpath.relpath(sites[target] or ".", sites[lang] or "."),
    }
    target = language_links.OtherLanguageContent(german.source_path, english_context)
    assert target.url == "../aktuelles/chronik/"  # joined to the English SITEURL by Pelican


def test_a_new_build_knows_nothing_of_the_last_one():
    recorded(articles=[pelican_article("de", "bus")])
    english = pelican_article("en", "bus")
    english.settings[BUILD_KEY] = Build()
    assert urls(counterparts(context("en", article=english)))["de"] == ("https://example.test/", False)


def test_only_content_files_of_another_language_are_found_as_link_targets(tmp_path):
    for name in ("seiten/kontakt.md", "seiten/kontakt.en.md", "orte/ort.en.md", "seiten/bild.en.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Lang: en\n", encoding="utf-8")
    settings = {
        "PATH": str(tmp_path),
        "DEFAULT_LANG": "de",
        "ARTICLE_PATHS": ["aktuelles"],
        "PAGE_PATHS": ["seiten"],
        "CONTENT_IGNORE_FILES": ["**/.*", "orte"],
        "IGNORE_FILES": ["**/.*", "orte", "*.en.md"],
    }
    own = object()
    context = {"generated_content": {"seiten/kontakt.md": own}}
    language_links.find_other_language_link_targets(SimpleNamespace(context=context, settings=settings))
    found = context["generated_content"]
    assert found["seiten/kontakt.md"] is own
    target = found["seiten/kontakt.en.md"]
    assert isinstance(target, language_links.OtherLanguageContent)
    assert target.source_path == str(tmp_path / "seiten" / "kontakt.en.md")
    # no content (read by plugins/orte), not Markdown, not a file: Pelican reports such links
    assert sorted(found) == ["seiten/kontakt.en.md", "seiten/kontakt.md"]
