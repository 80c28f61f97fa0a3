"""counterparts() for every kind of page, with the context i18n_subsites gives a template."""

from datetime import datetime
from types import SimpleNamespace

import pytest
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


def pelican_article(lang: str, slug: str, status: str = "published") -> Article:
    settings = dict(DEFAULT_CONFIG, DEFAULT_LANG=lang)
    settings["ARTICLE_URL"] = "aktuelles/{slug}/" if lang == "de" else "news/{slug}/"
    metadata = {"title": slug, "slug": slug, "lang": lang, "status": status, "date": datetime(2016, 7, 1)}
    return Article("<p>Text</p>", metadata=metadata, settings=settings, source_path=f"/c/{slug}.{lang}.md")


@pytest.fixture
def recorded():
    """Each site's articles as record_native_content sees them, forgotten afterwards."""
    language_links.forget_native_content(SimpleNamespace(settings={"DEFAULT_LANG": "de"}))
    yield language_links.record_native_content
    language_links.forget_native_content(SimpleNamespace(settings={"DEFAULT_LANG": "de"}))


def test_translation_from_the_other_site_is_found_by_kind_status_and_slug(recorded):
    german, english = pelican_article("de", "bus"), pelican_article("en", "bus")
    recorded([SimpleNamespace(articles=[german])])
    recorded([SimpleNamespace(articles=[english], drafts=[pelican_article("en", "entwurf", "draft")])])
    assert urls(counterparts(context("de", article=german))) == {
        "de": ("https://example.test/aktuelles/bus/", True),
        "en": ("https://example.test/en/news/bus/", True),
    }
    assert urls(counterparts(context("en", article=english)))["de"] == (
        "https://example.test/aktuelles/bus/",
        True,
    )


def test_a_draft_translation_is_no_counterpart_of_a_published_text(recorded):
    german = pelican_article("de", "entwurf")
    recorded([SimpleNamespace(articles=[german])])
    recorded([SimpleNamespace(drafts=[pelican_article("en", "entwurf", "draft")])])
    assert urls(counterparts(context("de", article=german)))["en"] == ("https://example.test/en/", False)


def test_links_into_the_other_language_lead_to_its_own_site(recorded, monkeypatch):
    from pelican.plugins.i18n_subsites import i18n_subsites

    monkeypatch.setattr(
        i18n_subsites, "_SITE_DB", {"de": "https://example.test", "en": "https://example.test/en"}
    )
    german = pelican_article("de", "chronik")
    recorded([SimpleNamespace(pages=[german])])
    target = language_links.OtherLanguageContent(german.source_path, site_lang="en")
    assert target.url == "../aktuelles/chronik/"  # joined to the English SITEURL by Pelican


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
    found = language_links.ContentOfEveryLanguage({"seiten/kontakt.md": own}, settings)
    assert found.get("seiten/kontakt.md") is own
    target = found.get("seiten/kontakt.en.md")
    assert isinstance(target, language_links.OtherLanguageContent)
    assert target.source_path == str(tmp_path / "seiten" / "kontakt.en.md")
    assert found.get("seiten/fehlt.en.md") is None  # no such file: Pelican reports the broken link
    assert found.get("orte/ort.en.md") is None  # no content (read by plugins/orte)
    assert found.get("seiten/bild.en.png") is None
