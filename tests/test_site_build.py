"""The built development site: structure every page must have."""

import re

import pytest

PAGE_PATHS = ["/", "/aktuelles/", "/aktuelles/archiv/", "/en/", "/en/news/"]


def test_every_page_has_exactly_one_h1(dev_site):
    for file in dev_site.html_files():
        html = file.read_text(encoding="utf-8")
        assert len(re.findall(r"<h1[\s>]", html)) == 1, file


def test_document_language_matches_the_site(dev_site):
    for file in dev_site.html_files():
        relative = file.relative_to(dev_site.root).as_posix()
        expected = "en" if relative.startswith("en/") else "de"
        assert f'<html lang="{expected}">' in file.read_text(encoding="utf-8"), relative


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_has_landmarks_and_skip_link(dev_site, path):
    page = dev_site.page(path)
    skip_link = page.select_one("a.skip-link")
    assert skip_link is not None
    assert page.select_one(skip_link["href"]) is not None
    assert page.find("header") and page.find("main") and page.find("footer")
    assert page.select_one("nav.site-nav a[aria-current=page]") is not None
