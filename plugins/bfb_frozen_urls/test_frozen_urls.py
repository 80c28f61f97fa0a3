"""URLs are frozen once, keep what i18n_subsites set, and do not leak into the next build."""

from datetime import datetime
from types import SimpleNamespace

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


def test_every_content_list_of_every_site_is_frozen_and_then_forgotten():
    german, english, draft = article("a"), article("b"), article("c")
    frozen_urls.remember_generators([SimpleNamespace(articles=[german], drafts=[draft])])
    frozen_urls.remember_generators([SimpleNamespace(translations=[english])])
    frozen_urls.freeze_urls()
    assert all(hasattr(item, "override_url") for item in (german, english, draft))
    frozen_urls.forget_generators()
    later = article("d")
    frozen_urls.remember_generators([SimpleNamespace(articles=[later])])
    frozen_urls.forget_generators()
    frozen_urls.freeze_urls()
    assert not hasattr(later, "override_url")
