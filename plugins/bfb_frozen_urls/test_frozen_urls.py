"""URLs are frozen once, keep what i18n_subsites set, and belong to their own build."""

from datetime import datetime
from types import SimpleNamespace

from bfb_build import start_build
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from bfb_frozen_urls import frozen_urls


def article(slug: str) -> Article:
    settings = dict(
        DEFAULT_CONFIG, ARTICLE_URL="aktuelles/{slug}/", ARTICLE_SAVE_AS="aktuelles/{slug}/index.html"
    )
    return Article(
        "<p>Text</p>",
        metadata={"title": slug, "slug": slug, "date": datetime(2012, 6, 22)},
        settings=settings,
    )


def test_url_and_file_name_are_computed_once_and_kept(monkeypatch):
    news = article("verein-gegruendet")
    frozen_urls.freeze(news)
    assert (news.override_url, news.override_save_as) == (
        "aktuelles/verein-gegruendet/",
        "aktuelles/verein-gegruendet/index.html",
    )
    monkeypatch.setattr(type(news), "url_format", property(lambda self: 1 / 0))  # no more formatting
    assert news.url == "aktuelles/verein-gegruendet/"


def test_a_url_i18n_subsites_set_is_kept():
    translation = article("founded")
    translation.override_url = "../aktuelles/verein-gegruendet/"
    frozen_urls.freeze(translation)
    assert translation.url == "../aktuelles/verein-gegruendet/"


def test_every_content_list_of_every_site_is_frozen_and_not_the_next_builds():
    german, english, draft = article("a"), article("b"), article("c")
    main_settings = {"DEFAULT_LANG": "de", "I18N_SUBSITES": {"en": {}}}
    start_build(SimpleNamespace(settings=main_settings))
    english_settings = {**main_settings, "DEFAULT_LANG": "en"}  # i18n_subsites copies the main settings
    frozen_urls.remember_generators(
        [SimpleNamespace(articles=[german], drafts=[draft], context=main_settings)]
    )
    frozen_urls.remember_generators([SimpleNamespace(translations=[english], context=english_settings)])
    frozen_urls.freeze_urls(SimpleNamespace(settings=main_settings))
    assert all(hasattr(item, "override_url") for item in (german, english, draft))
    later = article("d")
    next_build = {"DEFAULT_LANG": "de"}
    frozen_urls.remember_generators([SimpleNamespace(articles=[later], context=next_build)])
    frozen_urls.freeze_urls(SimpleNamespace(settings=main_settings))
    assert not hasattr(later, "override_url")
