from pathlib import Path
from types import SimpleNamespace

from bfb_build import this_build

from bfb_redirects.redirects import (
    CollectedRedirects,
    Redirect,
    apache_section,
    collect,
    nginx_include,
    redirects_of,
    sections_of,
    server_problems,
    site_path,
)


def content(redirect_from, url="aktuelles/fuenf-jahre-miteinander/", source="/nirgends/x.md"):
    return SimpleNamespace(redirect_from=redirect_from, url=url, source_path=source)


def test_old_addresses_become_paths_to_the_new_page():
    redirects, problems = redirects_of(
        content(
            " /index.php/aktuelles/151-fuenf-jahre-miteinander, https://www.buerger-daun.de/index.php/x "
        ),
        "https://example.test",
    )
    assert problems == []
    assert [(r.old, r.new) for r in redirects] == [
        ("/index.php/aktuelles/151-fuenf-jahre-miteinander", "/aktuelles/fuenf-jahre-miteinander/"),
        ("/index.php/x", "/aktuelles/fuenf-jahre-miteinander/"),
    ]


def test_english_target_path_is_clean():
    assert site_path("https://example.test/en", "news/x/") == "/en/news/x/"
    assert site_path("/en/..", "orte/") == "/orte/"


def test_unusable_old_addresses_are_editor_problems():
    for bad in (
        "index.php/ohne-schraegstrich",
        "/index.php?option=com_content&id=151",  # two parameters
        "/mit leerzeichen",
        '/mit"anfuehrungszeichen',
        "/?p=",
    ):
        redirects, problems = redirects_of(content(bad), "")
        assert redirects == [] and [problem.code for problem in problems] == ["redirect-address-form"], bad


def test_a_wordpress_address_with_one_parameter_is_accepted():
    redirects, problems = redirects_of(content("/?p=760"), "")
    assert problems == [] and (redirects[0].path, redirects[0].query) == ("/", "p=760")


def test_redirect_to_itself_is_refused():
    _, problems = redirects_of(content("/aktuelles/fuenf-jahre-miteinander"), "")
    assert [problem.code for problem in problems] == ["redirect-to-itself"]


EXACT = Redirect("/index.php/aktuelles/151-fuenf-jahre-miteinander", "/aktuelles/fuenf/", "x.md")
QUERY = Redirect("/?p=760", "/gemeinsames-wirken/", "y.md")
SECTIONS = sections_of(
    {
        "OLD_SITE_SECTIONS": [
            ("/index.php/", "/"),
            ("/index.php/aktuelles/", "/aktuelles/alte-website/"),
            ("/category/", "/aktuelles/alte-website/"),
        ]
    }
)


def test_apache_rules_query_first_then_exact_then_the_longest_section():
    apache = apache_section([EXACT, QUERY], SECTIONS)
    rules = [
        line.strip()
        for line in apache.splitlines()
        if line.strip().startswith(("RewriteRule", "RewriteCond"))
    ]
    assert rules == [
        'RewriteCond %{QUERY_STRING} "(^|&)p=760(&|$)"',
        'RewriteRule "^/?$" "/gemeinsames-wirken/" [R=301,L,QSD]',
        'RewriteRule "^index\\.php/aktuelles/151\\-fuenf\\-jahre\\-miteinander/?$" "/aktuelles/fuenf/" '
        "[R=301,L,QSD]",
        'RewriteRule "^index\\.php/aktuelles(/.*)?$" "/aktuelles/alte-website/" [R=301,L,QSD]',
        'RewriteRule "^index\\.php(/.*)?$" "/" [R=301,L,QSD]',
        'RewriteRule "^category(/.*)?$" "/aktuelles/alte-website/" [R=301,L,QSD]',
    ]


def test_nginx_exact_locations_and_prefix_sections_without_duplicates():
    own_section = Redirect("/category/", "/engagierte-stadt/", "z.md")  # takes the section's own address
    nginx = nginx_include([EXACT, QUERY, own_section], SECTIONS)
    assert 'if ($request_uri ~ "^/?\\?(.*&)?p=760(&|$)") { return 301 "/gemeinsames-wirken/"; }' in nginx
    assert (
        'location = "/index.php/aktuelles/151-fuenf-jahre-miteinander" { return 301 "/aktuelles/fuenf/"; }'
        in nginx
    )
    assert 'location = "/index.php/aktuelles/151-fuenf-jahre-miteinander/" { return 301' in nginx
    assert 'location ^~ "/index.php/aktuelles/" { return 301 "/aktuelles/alte-website/"; }' in nginx
    assert 'location = "/index.php" { return 301 "/"; }' in nginx
    locations = [line.split("{")[0] for line in nginx.splitlines() if line.startswith("location")]
    assert len(locations) == len(set(locations))  # nginx refuses a location twice
    assert 'location = "/category" { return 301 "/engagierte-stadt/"; }' in nginx


def test_an_old_address_may_not_take_a_generated_page_or_file():
    written = {
        "/aktuelles",
        "/aktuelles/archiv",
        "/aktuelles/archiv/index.html",
        "/aktuelles/fuenf/index.html",
    }
    archive = Redirect("/aktuelles/archiv/", "/aktuelles/fuenf/", "content/aktuelles/x.md")
    search = Redirect("/pagefind/pagefind.js", "/aktuelles/fuenf/", "content/aktuelles/y.md")
    problems = server_problems([archive, search, EXACT], [], written, ["/pagefind/"])
    assert [(Path(p.file).name, p.code) for p in problems] == [
        ("x.md", "redirect-shadows-output"),
        ("y.md", "redirect-shadows-output"),
    ]
    assert "/aktuelles/archiv/" in problems[0].message and "/pagefind/" in problems[1].message


def test_a_section_may_not_hide_a_page_and_must_lead_somewhere():
    written = {"/category", "/category/index.html", "/aktuelles/alte-website/index.html"}
    problems = server_problems([], SECTIONS, written, [])
    assert [problem.code for problem in problems] == ["old-section-shadows-or-leads-nowhere"]
    assert "„/category/“" in problems[0].message  # the other sections are fine: nothing under them
    (missing,) = server_problems(
        [], sections_of({"OLD_SITE_SECTIONS": [("/alt/", "/gibt-es-nicht/")]}), set(), []
    )
    assert (missing.code, missing.file) == ("old-section-shadows-or-leads-nowhere", "pelicanconf.py")
    assert "/gibt-es-nicht/" in missing.message


def test_each_build_collects_its_own_redirects():
    def site(redirect_from):
        settings = {
            "SITEURL": "",
            "OUTPUT_PATH": "/nirgends/output",
            "DEFAULT_LANG": "de",
            "OLD_SITE_SECTIONS": [],
        }
        context = {"articles": [content(redirect_from)], "pages": [], "hidden_pages": []}
        return [SimpleNamespace(settings=settings, context=context)]

    first, second = site("/alt/eins"), site("/alt/zwei")
    collect(first)
    collect(second)
    assert [r.old for r in this_build(first[0].settings).part(CollectedRedirects).values()] == ["/alt/eins"]
    assert [r.old for r in this_build(second[0].settings).part(CollectedRedirects).values()] == ["/alt/zwei"]
