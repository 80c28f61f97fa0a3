"""axe-core on every page type in both languages: no violation of the WCAG 2.1 A and AA rules."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from page_types import WIDTHS
from reader import page_cases, page_paths, reader_path, visit

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("page_type", "lang"), page_cases())
def test_no_wcag_21_aa_violations(chromium, served_site, axe, page_type, lang, width):
    paths = page_paths(page_type, served_site.site.root)
    with visit(chromium, served_site.url(reader_path(page_type, lang, paths)), width) as reader:
        results = axe.run(reader.page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        assert results.violations_count == 0, results.generate_report()
