"""Addresses are safe by construction (issue 24, item 4).

What an editor declares as an old address (`Redirect_from:`) or as the page's own address
(`URL:`, `Save_as:`) is checked against an allow-list of characters before it is written
into the Apache and nginx configuration; hoster paths, hidden files and paths no browser
sends are refused. The real Apache and nginx then start with the most unusual values the
allow-list lets through, and redirect them.
"""

from __future__ import annotations

import http.client
import shutil
import tempfile
from pathlib import Path

import pytest
from bfb_content_check.content_check import ADDRESS_CHARACTERS
from bfb_languages import languages_of
from bfb_redirects.redirects import (
    ERROR_PAGES_MARKER,
    REDIRECT_NOT_OURS,
    REDIRECT_TARGET_UNSAFE,
    REDIRECT_UNMATCHABLE,
    SAFE_PATH,
    Redirect,
    apache_error_pages,
    apache_section,
    nginx_error_pages,
    nginx_include,
    usable,
)
from web_servers import find_program, start_apache, start_nginx

import pelicanconf
from tests import test_bad_input
from tests.test_bad_input import NEWS_FILE, refused, write_news

good_output = test_bad_input.good_output
previous_output = test_bad_input.previous_output

REFUSED_REDIRECTS = {
    "/stats/": REDIRECT_NOT_OURS,
    "/cgi-bin/zaehler.pl": REDIRECT_NOT_OURS,
    "/.well-known/acme-challenge/x": REDIRECT_NOT_OURS,
    "/.htpasswd": REDIRECT_NOT_OURS,
    "/alt//seite": REDIRECT_UNMATCHABLE,
    "/alt/../seite": REDIRECT_UNMATCHABLE,
}


@pytest.mark.parametrize("old", sorted(REFUSED_REDIRECTS))
def test_redirect_from_refuses_hoster_paths_hidden_files_and_unmatchable_paths(
    old, content_copy, previous_output, capsys
):
    write_news(content_copy, header=f"Redirect_from: {old}")
    errors = refused(content_copy, previous_output, capsys)
    assert f"{NEWS_FILE}:7:" in errors
    assert f"{REFUSED_REDIRECTS[old]}: " in errors


@pytest.mark.parametrize(
    "header",
    [
        'URL: aktuelles/x"y/\nSave_as: aktuelles/xy/index.html',
        'Save_as: aktuelles/a b"; return 301 x/index.html',
    ],
)
def test_addresses_with_characters_outside_the_allow_list_stop_the_build(
    header, content_copy, previous_output, capsys
):
    write_news(content_copy, header=f"{header}\nRedirect_from: /index.php/alt")
    errors = refused(content_copy, previous_output, capsys)
    assert f"{NEWS_FILE}:7:" in errors
    assert ADDRESS_CHARACTERS in errors


@pytest.mark.parametrize(
    "hostile", ['/a"b', "/a b", "/a$b", "/a{b}", "/a;b", "/a\\b", "/a\nb", "/a'b", "/a%22"]
)
def test_no_character_that_could_break_a_server_file_passes(hostile):
    assert not usable(hostile)
    assert not SAFE_PATH.match(hostile)


def test_a_page_address_that_would_break_the_server_files_is_refused_by_the_redirects_too():
    from types import SimpleNamespace

    from bfb_redirects.redirects import redirects_of

    page = SimpleNamespace(redirect_from="/index.php/alt", url='aktuelles/x"y/', source_path="x.md")
    redirects, problems = redirects_of(page, "")
    assert redirects == []
    assert [problem.detail.split(":")[0] for problem in problems] == [REDIRECT_TARGET_UNSAFE]


# --- the real servers with the most unusual values the allow-list lets through -------------------

EDGE_REDIRECTS = [
    Redirect("/index.php/a+b,c~d.e-f_g", "/ziel/", "x.md"),
    Redirect("/?p=760", "/ziel/", "x.md"),
    Redirect("/Alt/Gross-Klein.HTML", "/ziel/", "x.md"),
]


@pytest.fixture(scope="module")
def webroot():
    folder = Path(tempfile.mkdtemp(prefix="bfb-addresses-"))
    folder.chmod(0o755)
    current = folder / "webroot" / "current"
    (current / "ziel").mkdir(parents=True)
    (current / ".server").mkdir()
    (current / "index.html").write_text("<p>Start</p>", encoding="utf-8")
    (current / "ziel/index.html").write_text("<p>Ziel</p>", encoding="utf-8")
    (current / "404.html").write_text("<p>404</p>", encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    main = [next(iter(languages_of(pelicanconf.SITE_LANGUAGES).values()))]  # the 404 page above
    base = (
        (root / "deploy/htaccess")
        .read_text(encoding="utf-8")
        .replace(ERROR_PAGES_MARKER, apache_error_pages(main))
    )
    (current / ".htaccess").write_text(apache_section(EDGE_REDIRECTS) + "\n" + base, encoding="utf-8")
    (current / ".server/nginx-redirects.conf").write_text(nginx_include(EDGE_REDIRECTS), encoding="utf-8")
    (current / ".server/nginx-languages.conf").write_text(nginx_error_pages(main), encoding="utf-8")
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize(("program", "start"), [("apache2", start_apache), ("nginx", start_nginx)])
def test_apache_and_nginx_start_with_the_unusual_values_and_redirect_them(program, start, webroot, tmp_path):
    assert find_program(program), f"{program} fehlt (python3 bootstrap.py installiert es)"
    run = webroot / program
    run.mkdir()
    process, port = start(run, webroot / "webroot")
    try:
        for redirect in EDGE_REDIRECTS:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", redirect.old)
            response = connection.getresponse()
            response.read()
            connection.close()
            assert response.status == 301, redirect.old
            assert response.getheader("Location").endswith("/ziel/"), redirect.old
    finally:
        process.terminate()
        process.wait(timeout=10)
