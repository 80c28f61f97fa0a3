"""An internal crawl from both start pages: no broken link or anchor, every page reachable."""

from sitetools.crawl import SiteCrawler

# Pages that are deliberately not linked from anywhere: readers land on them by
# mistyping an address (the server answers with them) or by following an address of the
# old website (the server redirects there, OLD_SITE_SECTIONS), never by following a link.
UNLINKED_ON_PURPOSE = {
    "/404.html",
    "/en/404.html",
    "/aktuelles/alte-website/",
    "/en/news/old-website/",
}


def crawl_report(site, site_urls=()) -> tuple[list[str], list[str]]:
    result = SiteCrawler(site.root, tuple(site_urls)).crawl()
    unreachable = [page for page in result.unreachable_pages(site.root) if page not in UNLINKED_ON_PURPOSE]
    return [str(link) for link in result.broken], unreachable


def test_crawler_finds_broken_links_anchors_and_orphans(tmp_path):
    """The crawler itself: a missing page, a missing anchor and an unlinked page are all found."""
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="/en/">en</a> <a href="/fehlt/">x</a> <a href="/en/#da">ok</a> <a href="#weg">y</a>'
    )
    (tmp_path / "en" / "index.html").write_text('<h1 id="da">en</h1><a href="../index.html">de</a>')
    (tmp_path / "waise.html").write_text("<p>niemand verlinkt mich</p>")
    result = SiteCrawler(tmp_path).crawl(start_pages=("/", "/en/"))
    assert sorted((link.target, link.reason) for link in result.broken) == [
        ("#weg", "no such anchor"),
        ("/fehlt/", "no such file"),
    ]
    assert result.unreachable_pages(tmp_path) == ["/waise.html"]


def test_development_build_has_no_broken_links_and_no_orphans(dev_site):
    broken, unreachable = crawl_report(dev_site)
    assert broken == []
    assert unreachable == []


def test_production_build_has_no_broken_links_and_no_orphans(served_site):
    broken, unreachable = crawl_report(served_site.site, [served_site.base_url])
    assert broken == []
    assert unreachable == []


def test_pages_deliberately_unlinked_exist(served_site):
    """The exceptions above are real pages, not stale entries hiding a missing file."""
    for path in UNLINKED_ON_PURPOSE:
        assert served_site.site.exists(path), path
