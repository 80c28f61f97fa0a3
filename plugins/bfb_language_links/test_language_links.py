"""counterparts() for every kind of page, with the context i18n_subsites gives a template."""

from types import SimpleNamespace

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


def test_later_news_pages_lead_to_the_first_page_in_the_other_language():
    found = counterparts(
        context("de", output_file="aktuelles/seite/2/index.html", articles_page=SimpleNamespace(number=2))
    )
    assert urls(found)["en"] == ("https://example.test/en/news/", False)


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
