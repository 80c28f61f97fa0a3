from types import SimpleNamespace

from bfb_redirects.redirects import Redirect, apache_section, nginx_include, redirects_of, site_path


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
    for bad in ("index.php/ohne-schraegstrich", "/index.php?option=com_content&id=151", "/mit leerzeichen"):
        redirects, problems = redirects_of(content(bad), "")
        assert redirects == [] and len(problems) == 1, bad
        assert "Redirect_from" in problems[0].fix


def test_redirect_to_itself_is_refused():
    _, problems = redirects_of(content("/aktuelles/fuenf-jahre-miteinander"), "")
    assert "neue Adresse dieser Seite selbst" in problems[0].message


def test_apache_and_nginx_match_exactly_with_or_without_slash():
    redirect = Redirect("/index.php/aktuelles/151-fuenf-jahre-miteinander", "/aktuelles/fuenf/", "x.md")
    apache = apache_section([redirect])
    assert (
        'RedirectMatch 301 "^/index\\.php/aktuelles/151\\-fuenf\\-jahre\\-miteinander/?$" "/aktuelles/fuenf/"'
        in apache
    )
    nginx = nginx_include([redirect])
    assert (
        'location = "/index.php/aktuelles/151-fuenf-jahre-miteinander" { return 301 "/aktuelles/fuenf/"; }'
        in nginx
    )
    assert 'location = "/index.php/aktuelles/151-fuenf-jahre-miteinander/" { return 301' in nginx
