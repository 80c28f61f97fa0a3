"""`invoke check`: each check finds what it must, and the real production build passes the output checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PRODUCTION_URL

from sitetools.checks import (
    LINK_ANCHOR_MISSING,
    LINK_PAGE_MISSING,
    OUTPUT_CHECKS,
    PLACEHOLDER_TEXT,
    RESOURCE_FOREIGN_HOST,
    SOURCE_CHECKS,
    CheckInput,
    foreign_resources,
    format_report,
    links_and_anchors,
    load_settings,
    passed,
    placeholder_text,
    run_checks,
)
from sitetools.legal import (
    LEGAL_EMAIL_FORM,
    LEGAL_FIELD_MISSING,
    LEGAL_FIELD_PLACEHOLDER,
    REQUIRED,
    SETTINGS_FILE,
    key_line,
    legal_problems,
)
from sitetools.output_checks import placeholders, scan_page

TEST_DATA = Path(__file__).parent / "data"
SETTINGS = {"SITEURL": PRODUCTION_URL}


def check_input(site: Path) -> CheckInput:
    return CheckInput(settings=SETTINGS, site=site)


def write_page(site: Path, path: str, body: str) -> None:
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(
        f'<!DOCTYPE html><html lang="de"><head></head><body>{body}</body></html>', encoding="utf-8"
    )


# --- legal gate ----------------------------------------------------------------------------
# Fixtures, never today's pelicanconf.py: the tests must pass the day the association fills it in.


def fixture_association(name: str) -> dict:
    from sitetools.pipeline import extra_settings

    return load_settings(extra=extra_settings(str(TEST_DATA / name)))["ASSOCIATION"]


@pytest.fixture
def complete() -> dict:
    """Complete, invented, test-only Impressum data."""
    return fixture_association("test-association.json")


def test_legal_gate_passes_complete_data(complete):
    assert legal_problems(complete) == []


def key_of(problem) -> str:
    """The ASSOCIATION key a problem of the legal gate is about (its technical detail names it)."""
    return problem.detail.split("'")[1]


def test_legal_gate_lists_every_missing_field_with_file_and_line():
    problems = legal_problems(fixture_association("incomplete-association.json"))
    assert {problem.code for problem in problems} == {LEGAL_FIELD_MISSING}
    assert {key_of(problem) for problem in problems} == set(REQUIRED) - {"name", "postcode_city"}
    for problem in problems:
        assert Path(problem.file).name == "pelicanconf.py"
        key = key_of(problem)
        assert problem.line == (key_line(SETTINGS_FILE, key) or key_line(SETTINGS_FILE, "ASSOCIATION = {"))


@pytest.mark.parametrize("key", ["content_responsible", "representatives"])
def test_legal_gate_requires_the_person_responsible_and_the_representatives(complete, key):
    (problem,) = legal_problems(complete | {key: [] if key == "representatives" else None})
    assert (problem.code, key_of(problem)) == (LEGAL_FIELD_MISSING, key)


@pytest.mark.parametrize("quote", ['"', "'"])
def test_legal_gate_points_at_the_line_of_the_key(tmp_path, quote):
    settings = tmp_path / "pelicanconf.py"
    settings.write_text(
        f'ASSOCIATION = {{\n    {quote}name{quote}: "Verein",\n    {quote}register_court{quote}: None,\n}}\n',
        encoding="utf-8",
    )
    (problem,) = [p for p in legal_problems({}, settings) if key_of(p) == "register_court"]
    assert (problem.code, problem.line) == (LEGAL_FIELD_MISSING, 3)


def test_legal_gate_rejects_a_malformed_email(complete):
    (problem,) = legal_problems(complete | {"email": "keine-adresse"})
    assert problem.code == LEGAL_EMAIL_FORM


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("street", "Musterstraße 1"),
        ("postcode_city", "12345 Daun"),
        ("register_number", "VR 12345"),
        ("register_court", "Amtsgericht Musterstadt"),
        ("email", "info@example.org"),
        ("email", "vorstand@verein.example.com"),
        ("representatives", ["Max Mustermann (1. Vorsitzender)"]),
        ("representatives", ["Vorname Name (1. Vorsitzende)"]),
        ("content_responsible", "TODO"),
        ("seat", "…"),
    ],
)
def test_legal_gate_refuses_example_values_and_placeholders(complete, key, value):
    (problem,) = legal_problems(complete | {key: value})
    assert (problem.code, key_of(problem)) == (LEGAL_FIELD_PLACEHOLDER, key)
    assert problem.line == key_line(SETTINGS_FILE, key)


def test_legal_gate_refuses_the_examples_its_own_messages_suggest(complete):
    for problem in legal_problems({}):
        key = key_of(problem)
        _meaning, example = REQUIRED[key]
        assert f'"{key}": "{example}"' in problem.fix  # the form it suggests
        assert [found.code for found in legal_problems(complete | {key: example})] == [
            LEGAL_FIELD_PLACEHOLDER
        ]


def test_what_the_legal_gate_refuses_as_missing_invoke_fragen_asks_the_board(tmp_path):
    """One table of the association's fields (lib/bfb_questions/association.py) feeds both."""
    from bfb_questions.questions import open_questions

    import pelicanconf

    unknown = dict.fromkeys(REQUIRED)
    refused = {key_of(problem) for problem in legal_problems(unknown)}
    settings = {"ASSOCIATION": unknown, "SITE_LANGUAGES": pelicanconf.SITE_LANGUAGES}
    asked = {question.key for question in open_questions(settings, tmp_path)}
    assert refused == set(REQUIRED)
    assert refused - asked == {"name"}  # the association's name is known: no question for it


# --- output checks on small hand-made sites ---------------------------------------------------


def test_links_check_finds_missing_pages_and_anchors_in_unlinked_pages_too(tmp_path):
    write_page(tmp_path, "index.html", '<a href="/da/">da</a> <a href="/en/">en</a>')
    write_page(tmp_path, "en/index.html", '<a href="/da/#oben">ok</a>')
    write_page(tmp_path, "da/index.html", '<h2 id="oben">Oben</h2><a href="/da/#unten">kaputt</a>')
    write_page(tmp_path, "niemand-verlinkt/index.html", f'<a href="{PRODUCTION_URL}/fehlt/">weg</a>')
    problems = sorted(links_and_anchors(check_input(tmp_path)), key=lambda problem: problem.code)
    assert [(problem.code, problem.file) for problem in problems] == [
        (LINK_ANCHOR_MISSING, "/da/"),
        (LINK_PAGE_MISSING, "/niemand-verlinkt/"),
    ]
    assert "„/da/#unten“" in problems[0].message and f"„{PRODUCTION_URL}/fehlt/“" in problems[1].message


def test_foreign_resources_are_found_in_html_and_css(tmp_path):
    write_page(
        tmp_path,
        "index.html",
        '<link rel="stylesheet" href="https://fonts.example.com/x.css">'
        '<img src="/bild.jpg" srcset="/bild.jpg 1x, //cdn.example.net/bild2.jpg 2x" alt="">'
        f'<script src="{PRODUCTION_URL}/theme/js/a.js"></script>'
        '<iframe src="https://www.youtube.com/embed/x"></iframe>'
        '<a href="https://www.engagiertestadt.de/">ein Link ist erlaubt</a>'
        '<div style="background: url(https://evil.example.org/p.png)"></div>',
    )
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "site.css").write_text("@import 'https://x.example/y.css'; a { b: url(/ok.png) }")
    problems = foreign_resources(check_input(tmp_path))
    assert {problem.code for problem in problems} == {RESOURCE_FOREIGN_HOST}
    urls = sorted(problem.message.split("„")[1].split("“")[0] for problem in problems)
    assert urls == [
        "//cdn.example.net/bild2.jpg",
        "https://evil.example.org/p.png",
        "https://fonts.example.com/x.css",
        "https://www.youtube.com/embed/x",
        "https://x.example/y.css",
    ]


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ("<p>TODO: Text schreiben</p>", True),
        ("<p>Lorem ipsum dolor sit amet</p>", True),
        ('<img src="/a.jpg" alt="FIXME">', True),
        ("<p>Termin: XXX</p>", True),
        ("<p>Hier steht ein Platzhalter.</p>", True),
        ("<!-- TODO: nur ein Kommentar --><p>fertig</p>", False),
        ("<script>// TODO in code is not visible</script><p>fertig</p>", False),
        ("<p>Die To-do-Liste und XXL-Größen sind normaler Text, todo auch.</p>", False),
    ],
)
def test_placeholder_markers_in_visible_text(html, found):
    assert bool(placeholders(scan_page(html).text)) is found


def test_a_duplicate_attribute_that_leads_elsewhere_is_reported_though_a_browser_ignores_it():
    scan = scan_page(
        '<a href="/gut/" href="javascript:alert(1)">x</a><img alt="a > b" src="https://fremd.example/x.jpg">'
    )
    assert scan.navigations == [("javascript", "javascript:alert(1)")]
    assert scan.resources == ["https://fremd.example/x.jpg"] and "a > b" in scan.text


def test_placeholder_check_names_the_page(tmp_path):
    write_page(tmp_path, "ueber-uns/index.html", "<p>TODO Vorstand eintragen</p>")
    (problem,) = placeholder_text(check_input(tmp_path))
    assert (problem.code, problem.file) == (PLACEHOLDER_TEXT, "/ueber-uns/")
    assert "TODO Vorstand eintragen" in problem.message


def test_report_lists_every_check_and_says_what_failed(tmp_path):
    write_page(tmp_path, "index.html", "<p>Lorem ipsum</p>")
    results = run_checks(tmp_path, SETTINGS, OUTPUT_CHECKS)
    report = format_report(results)
    assert not passed(results)
    for check in OUTPUT_CHECKS:
        assert check.name in report
    assert "[✗] Kein Platzhaltertext: 1 Problem" in report and "nicht veröffentlicht" in report


def test_every_check_is_one_list_entry_with_a_name():
    names = [check.name for check in [*SOURCE_CHECKS, *OUTPUT_CHECKS]]
    assert len(names) == len(set(names)) >= 8


# --- the real production build -------------------------------------------------------------------


def test_production_build_loads_nothing_from_other_hosts(production_site):
    assert foreign_resources(check_input(production_site.root)) == []


def test_production_build_has_no_placeholder_text(production_site):
    assert placeholder_text(check_input(production_site.root)) == []


def test_every_source_check_passes_with_complete_legal_data(production_site, complete):
    settings = load_settings(extra={"SITEURL": f'"{PRODUCTION_URL}"'}) | {"ASSOCIATION": complete}
    results = run_checks(production_site.root, settings, SOURCE_CHECKS)
    assert passed(results), format_report(results)


def test_incomplete_legal_data_is_the_one_failing_source_check(production_site):
    settings = load_settings(extra={"SITEURL": f'"{PRODUCTION_URL}"'}) | {
        "ASSOCIATION": fixture_association("incomplete-association.json")
    }
    results = run_checks(production_site.root, settings, SOURCE_CHECKS)
    assert results.pop("Pflichtangaben fürs Impressum")
    assert passed(results), format_report(results)


def test_production_build_has_no_broken_link_or_anchor(production_site):
    assert links_and_anchors(check_input(production_site.root)) == []


def test_a_broken_copy_of_the_production_build_fails_the_link_check(production_site, tmp_path):
    broken = tmp_path / "site"
    shutil.copytree(production_site.root, broken)
    shutil.rmtree(broken / "aktuelles" / "archiv")
    problems = links_and_anchors(check_input(broken))
    assert any(p.code == LINK_PAGE_MISSING and "/aktuelles/archiv/" in p.message for p in problems)


def test_places_check_reports_a_broken_data_file(monkeypatch, tmp_path):
    import sitetools.checks as checks

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "orte.yaml").write_text(
        "orte:\n  - name: Daun\n    art: [kaputt\n", encoding="utf-8"
    )
    shutil.copy(checks.CONTENT / "data" / "orte-begriffe.yaml", tmp_path / "data")
    monkeypatch.setattr(checks, "CONTENT", tmp_path)
    settings = {"ORTE_DATA": "data/orte.yaml", "SITE_LANGUAGES": load_settings()["SITE_LANGUAGES"]}
    problems = checks.places_data(CheckInput(settings=settings, site=tmp_path))
    assert problems and all(Path(problem.file).name == "orte.yaml" for problem in problems)


def test_places_check_reports_a_term_without_its_label_in_a_language(monkeypatch, tmp_path):
    import sitetools.checks as checks

    shutil.copytree(checks.CONTENT / "data", tmp_path / "data")
    terms = tmp_path / "data" / "orte-begriffe.yaml"
    terms.write_text(terms.read_text(encoding="utf-8").replace("    en: Parish\n", ""), encoding="utf-8")
    monkeypatch.setattr(checks, "CONTENT", tmp_path)
    problems = checks.places_data(CheckInput(settings=load_settings(), site=tmp_path))
    assert [(problem.code, Path(problem.file).name) for problem in problems] == [
        ("term-label-missing", "orte-begriffe.yaml")
    ]


def test_real_places_data_passes():
    from sitetools.checks import places_data

    assert places_data(CheckInput(settings=load_settings(), site=Path("."))) == []
