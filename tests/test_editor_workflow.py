"""The editors' workflow end to end: broken headers stop the build with a clear message."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from bfb_content_check import check_content
from bfb_contents.front_matter import parse_front_matter
from bs4 import BeautifulSoup

from pelicanconf import SITE_LANGUAGES
from sitetools.build import CONTENT, ROOT, TRANSLATIONS, BuildFailed, compile_catalogues, run_pelican
from sitetools.livereload import BuildFailure, LivePreview, error_page
from sitetools.newcontent import ContentExists, draft_path, new_content
from tests.conftest import PRODUCTION_URL, BuiltSite, build_site

CHECK_SETTINGS = {"ARTICLE_PATHS": ["aktuelles"], "PAGE_PATHS": ["seiten"], "SITE_LANGUAGES": SITE_LANGUAGES}

NEWS = """Title: Probemeldung für den Test
Date: 2023-05-04
Slug: probemeldung
Lang: de
Summary: Eine Meldung, die nur dieser Test schreibt und baut.

Text der Meldung.
"""


def failed_build(content, tmp_path, capsys) -> str:
    with pytest.raises(BuildFailed):
        build_site("pelicanconf.py", tmp_path / "out", {"PATH": json.dumps(str(content))})
    return capsys.readouterr().err


def test_news_item_without_date_fails_the_build_naming_file_and_fix(content_copy, tmp_path, capsys):
    (content_copy / "aktuelles/2023-05-04-probemeldung.md").write_text(
        NEWS.replace("Date: 2023-05-04\n", ""), encoding="utf-8"
    )
    errors = failed_build(content_copy, tmp_path, capsys)
    assert "aktuelles/2023-05-04-probemeldung.md: Im Kopf dieser Meldung fehlt das Feld „Date:“" in errors
    assert "So beheben: Eine Zeile „Date: …“ in den Kopf schreiben" in errors
    assert "Traceback" not in errors
    assert not (tmp_path / "out" / "index.html").exists()


def test_unparsable_date_fails_the_build_with_line_and_fix(content_copy, tmp_path, capsys):
    (content_copy / "aktuelles/2023-05-04-probemeldung.md").write_text(
        NEWS.replace("2023-05-04", "4. Mai 2023"), encoding="utf-8"
    )
    errors = failed_build(content_copy, tmp_path, capsys)
    assert "aktuelles/2023-05-04-probemeldung.md:2: Das Datum „4. Mai 2023“ ist nicht im Format" in errors
    assert "So beheben: So schreiben: „Date: 2022-06-22“" in errors
    assert "Traceback" not in errors


def test_all_problems_are_reported_in_one_build(content_copy, tmp_path, capsys):
    (content_copy / "aktuelles/2023-05-04-probemeldung.md").write_text(
        NEWS.replace("Date:", "Datum:").replace("Lang: de", "Lang: fr"), encoding="utf-8"
    )
    errors = failed_build(content_copy, tmp_path, capsys)
    assert "2 Probleme gefunden" in errors
    assert "Meinten Sie „Date:“?" in errors
    assert "Unbekannte Sprache „fr“" in errors


# --- invoke new -------------------------------------------------------------------------

DAY = dt.date(2024, 5, 17)


def test_new_news_item_is_named_by_date_and_german_slug(tmp_path):
    (created,) = new_content("Über 100 Fahrten mit dem Bürgerbus", today=DAY, content_dir=tmp_path)
    assert created == tmp_path / "aktuelles/2024-05-17-ueber-100-fahrten-mit-dem-buergerbus.md"
    front = parse_front_matter(created.read_text(encoding="utf-8"))
    assert front.value("title") == "Über 100 Fahrten mit dem Bürgerbus"
    assert front.value("date") == "2024-05-17"
    assert front.value("slug") == "ueber-100-fahrten-mit-dem-buergerbus"
    assert front.value("lang") == "de"
    assert front.value("status") == "draft"
    assert {"summary", "orte"} <= set(front.fields)


def test_new_with_english_creates_the_translation_pair(tmp_path):
    german, english = new_content("Neuer Fahrplan", also=("en",), today=DAY, content_dir=tmp_path)
    assert english.name == german.stem + ".en.md"
    german_front = parse_front_matter(german.read_text(encoding="utf-8"))
    english_front = parse_front_matter(english.read_text(encoding="utf-8"))
    assert english_front.value("slug") == german_front.value("slug") == "neuer-fahrplan"
    assert english_front.value("lang") == "en"


def test_new_page_goes_to_seiten_without_date(tmp_path):
    (created,) = new_content("Häufige Fragen", page=True, today=DAY, content_dir=tmp_path)
    assert created == tmp_path / "seiten/haeufige-fragen.md"
    assert "date" not in parse_front_matter(created.read_text(encoding="utf-8")).fields


def test_new_never_overwrites(tmp_path):
    (created,) = new_content("Neuer Fahrplan", today=DAY, content_dir=tmp_path)
    created.write_text("edited by hand", encoding="utf-8")
    with pytest.raises(ContentExists):
        new_content("Neuer Fahrplan", also=("en",), today=DAY, content_dir=tmp_path)
    assert created.read_text(encoding="utf-8") == "edited by hand"
    assert not created.with_name(created.stem + ".en.md").exists()


def test_new_file_asks_only_for_the_summary(tmp_path):
    new_content("Neuer Fahrplan", also=("en",), today=DAY, content_dir=tmp_path)
    problems = check_content(tmp_path, CHECK_SETTINGS)
    assert {(Path(p.file).name, p.message) for p in problems} == {
        ("2024-05-17-neuer-fahrplan.md", "Das Feld „Summary:“ ist leer."),
        ("2024-05-17-neuer-fahrplan.en.md", "Das Feld „Summary:“ ist leer."),
    }


# --- drafts: development preview only ----------------------------------------------------

SUMMARY = "Summary: Ein Entwurf, den nur der Test für Entwürfe anlegt."


def fill_summary(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("Summary:", SUMMARY, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def draft_content(tmp_path_factory) -> Path:
    """A copy of content/ with a draft news pair, a German-only draft and a draft page pair."""
    content = tmp_path_factory.mktemp("drafts") / "content"
    shutil.copytree(CONTENT, content)
    created = new_content("Entwurf einer Meldung", also=("en",), today=DAY, content_dir=content)
    created += new_content("Entwurf nur auf Deutsch", today=DAY, content_dir=content)
    created += new_content("Entwurf einer Seite", page=True, also=("en",), today=DAY, content_dir=content)
    for path in created:
        fill_summary(path)
    return content


def build_with_content(settings: str, content: Path, folder: Path):
    return build_site(settings, folder, {"PATH": json.dumps(str(content))})


def test_drafts_are_in_the_development_preview_marked_as_drafts(draft_content, tmp_path):
    site = build_with_content("pelicanconf.py", draft_content, tmp_path / "dev")
    # `invoke new` tells the editor where the draft shows; it must be there.
    for path in ("/" + draft_path("Entwurf einer Meldung"), "/" + draft_path("Entwurf nur auf Deutsch")):
        assert site.page(path).select_one(".draft-badge").get_text() == "Entwurf – nicht veröffentlicht"
    assert site.page("/en/drafts/entwurf-einer-meldung/").select_one(".draft-badge").get_text() == (
        "Draft – not published"
    )
    page = site.page("/" + draft_path("Entwurf einer Seite", page=True))
    assert "Entwurf" in page.select_one(".notice--draft").text
    assert site.page("/en/drafts/pages/entwurf-einer-seite/").select_one(".notice--draft")
    # German-only drafts stay out of the English site; editor notes never reach the HTML.
    assert not site.exists("/en/drafts/entwurf-nur-auf-deutsch/")
    assert not any("Hinweise zum Ausfüllen" in f.read_text(encoding="utf-8") for f in site.html_files())


def test_drafts_never_reach_the_production_build(draft_content, tmp_path):
    site = build_with_content("publishconf.py", draft_content, tmp_path / "prod")
    assert site.exists("/aktuelles/")  # the build itself worked
    leaked = [
        file
        for file in site.root.rglob("*")
        if file.is_file() and "entwurf-" in (file.as_posix() + file.read_text(errors="ignore"))
    ]
    assert leaked == []


# --- a fresh draft previews at once, with its to-do box ------------------------------------

TODO_HEADING = "Vor dem Veröffentlichen noch zu erledigen"


@pytest.fixture(scope="module")
def fresh_drafts(tmp_path_factory) -> tuple[Path, list[Path]]:
    """A copy of content/ with what `invoke new` writes, untouched: Summary still empty."""
    content = tmp_path_factory.mktemp("fresh-drafts") / "content"
    shutil.copytree(CONTENT, content)
    created = new_content("Übung für Redakteure", also=("en",), today=DAY, content_dir=content)
    created += new_content("Übungsseite", page=True, today=DAY, content_dir=content)
    return content, created


def test_fresh_draft_builds_and_its_page_lists_what_is_left_to_do(fresh_drafts, tmp_path, capfd):
    content, (news, news_en, _page) = fresh_drafts
    extra = {"PATH": json.dumps(str(content)), "CACHE_CONTENT": "false", "LOAD_CONTENT_CACHE": "false"}
    run_pelican(ROOT / "pelicanconf.py", tmp_path / "dev", extra)  # as `invoke build` runs it
    site = BuiltSite(tmp_path / "dev")
    summary_line = next(n for n, line in enumerate(news.read_text().splitlines(), 1) if line == "Summary:")
    box = site.page("/" + draft_path("Übung für Redakteure")).select_one("section.todo-box")
    assert box.find("h2").get_text(strip=True) == TODO_HEADING
    (item,) = box.select("li.problem")
    assert news.name in item.select_one(".problem__where").get_text()
    assert f"Zeile {summary_line}" in item.select_one(".problem__where").get_text()
    assert item.select_one(".problem__what").get_text(strip=True) == "Das Feld „Summary:“ ist leer."
    assert (
        item.select_one(".problem__fix").get_text(" ", strip=True).startswith("So beheben: Hinter „Summary:“")
    )
    english_box = site.page("/en/drafts/uebung-fuer-redakteure/").select_one("section.todo-box")
    assert english_box.find("h2").get_text(strip=True) == "To do before publishing"
    assert news_en.name in english_box.get_text()
    # A page needs no Summary: its draft has nothing left to do, and no box.
    draft_page = site.page("/" + draft_path("Übungsseite", page=True))
    assert draft_page.select_one(".notice--draft") and draft_page.select_one(".todo-box") is None
    # The terminal says the same, as warnings: the build went on.
    terminal = capfd.readouterr().err
    assert f"{news.name}:{summary_line}: Das Feld „Summary:“ ist leer." in terminal
    assert "Warnung, die Vorschau wird gebaut" in terminal
    # A published text with everything in order has no box.
    assert site.page("/aktuelles/buergerbus-startet/").select_one(".todo-box") is None


def test_production_build_of_the_same_tree_passes_without_a_trace_of_the_drafts(fresh_drafts, tmp_path):
    content, _ = fresh_drafts
    site = build_with_content("publishconf.py", content, tmp_path / "prod")
    assert site.exists("/aktuelles/")
    # The drafts' own titles and slugs (the real Mithelfen page names the "Übungsleiterpauschale").
    traces = ("uebung-fuer-redakteure", "uebungsseite", "Übung für Redakteure", "Übungsseite", TODO_HEADING)
    leaked = [
        file
        for file in site.root.rglob("*")
        if file.is_file() and any(t in file.as_posix() + file.read_text(errors="ignore") for t in traces)
    ]
    assert leaked == []


DRAFT_NAMED_LIKE_A_PAGE = """Title: Mithelfen bei den Fahrten
Date: 2024-03-01
Slug: mithelfen-fahrten
Lang: de
German_only: ja
Status: draft
Summary: Ein Entwurf, der heißt wie eine veröffentlichte Seite in einem anderen Ordner.

Noch nicht fertig.
"""


def test_a_draft_named_like_a_published_page_elsewhere_never_affects_it(
    content_copy, tmp_path, production_site
):
    """Drafts are left out by path: `aktuelles/mithelfen.md` must not hide `seiten/mithelfen.md`."""
    assert (content_copy / "seiten" / "mithelfen.md").is_file()
    (content_copy / "aktuelles" / "mithelfen.md").write_text(DRAFT_NAMED_LIKE_A_PAGE, encoding="utf-8")
    extra = {"PATH": json.dumps(str(content_copy)), "SITEURL": f'"{PRODUCTION_URL}"'}
    site = build_site("publishconf.py", tmp_path / "prod", extra)
    assert (site.root / "mithelfen" / "index.html").is_file()
    # The draft leaves no trace at all: the site is the production site of the unchanged content.
    assert files_of(site.root) == files_of(production_site.root)


def files_of(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def test_same_problems_stop_the_build_once_the_text_is_no_draft(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (news,) = new_content("Übung für Redakteure", today=DAY, content_dir=content)
    news.write_text(news.read_text(encoding="utf-8").replace("Status: draft\n", ""), encoding="utf-8")
    errors = failed_build(content, tmp_path, capsys)
    assert f"{news.name}:5: Das Feld „Summary:“ ist leer." in errors
    assert "die Website wurde nicht gebaut" in errors


def test_draft_pelican_cannot_read_stops_the_preview_but_never_production(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (news,) = new_content("Übung für Redakteure", today=DAY, content_dir=content)
    news.write_text(news.read_text(encoding="utf-8").replace(DAY.isoformat(), "17.05.2024"), encoding="utf-8")
    errors = failed_build(content, tmp_path, capsys)
    assert f"{news.name}:2: Das Datum „17.05.2024“ ist nicht im Format Jahr-Monat-Tag." in errors
    site = build_with_content("publishconf.py", content, tmp_path / "prod")
    assert site.exists("/aktuelles/") and not site.exists("/entwuerfe/")


# --- live preview ---------------------------------------------------------------------------


def test_preview_keeps_the_last_good_build_and_shows_the_error(content_copy, tmp_path, capfd):
    output = tmp_path / "preview"
    extra = {"PATH": json.dumps(str(content_copy)), "CACHE_PATH": json.dumps(str(tmp_path / "cache"))}
    item = content_copy / "aktuelles/2023-05-04-probemeldung.md"
    item.write_text(NEWS, encoding="utf-8")
    preview = LivePreview(ROOT / "pelicanconf.py", output, extra)
    try:
        assert preview.rebuild() is True and preview.failure is None
        preview.tidy_up()  # as the preview does while the browser reloads
        preview.wait_for_tidying()
        assert (output / "pagefind" / "pagefind-ui.js").is_file()
        assert not any(tmp_path.glob(".preview-*"))  # no staging or old output left
        item.write_text(NEWS.replace("Text der Meldung.", "Neuer Text.").replace("2023-05-04", "2023-05-44"))
        assert preview.rebuild() is False
        failure = preview.failure
        last_good = (output / "aktuelles/probemeldung/index.html").read_text(encoding="utf-8")
        assert "Text der Meldung." in last_good  # the failed build left output/ alone
        assert not any(
            "Die Vorschau konnte nicht gebaut werden" in f.read_text() for f in output.rglob("*.html")
        )
        # After a failed build the next one works: each build is a fresh process.
        item.write_text(NEWS.replace("Text der Meldung.", "Korrigierter Text."), encoding="utf-8")
        assert preview.rebuild() is True and preview.failure is None
        assert "Korrigierter Text." in (output / "aktuelles/probemeldung/index.html").read_text(
            encoding="utf-8"
        )
        assert len(set(preview.pelican.used)) == 3
    finally:
        preview.close()
    terminal = capfd.readouterr()
    assert (
        "2023-05-04-probemeldung.md:2: Das Datum „2023-05-44“ gibt es nicht." in terminal.out + terminal.err
    )
    assert "Die Vorschau wurde NICHT aktualisiert" in terminal.out
    # What the browser is shown instead: the same problem, with file and line, and the log below.
    (problem,) = failure.problems
    assert (Path(problem.file).name, problem.line) == (item.name, 2)
    page = BeautifulSoup(error_page(failure), "html.parser")
    assert page.select_one(".problem__what").get_text() == "Das Datum „2023-05-44“ gibt es nicht."
    assert "2023-05-44" in page.select_one(".build-error__detail pre").get_text()


def test_error_page_without_a_named_file_still_says_what_to_do():
    page = BeautifulSoup(
        error_page(BuildFailure([], "jinja2.exceptions.TemplateSyntaxError: …")), "html.parser"
    )
    assert "So beheben:" in page.select_one(".build-error").get_text()
    assert (
        page.select_one(".build-error__detail pre").get_text() == "jinja2.exceptions.TemplateSyntaxError: …"
    )


def test_build_recovers_from_a_cache_broken_by_an_interrupted_build(tmp_path, capsys):
    cache = tmp_path / "cache"
    extra = {"CACHE_CONTENT": "true", "LOAD_CONTENT_CACHE": "true", "CACHE_PATH": json.dumps(str(cache))}
    build_site("pelicanconf.py", tmp_path / "first", extra)
    cache_files = sorted(cache.rglob("*Generator-*"))
    assert cache_files
    for file in cache_files:  # what an interrupted write leaves behind
        file.write_bytes(file.read_bytes()[:100])
    site = build_site("pelicanconf.py", tmp_path / "second", extra)
    assert site.exists("/aktuelles/")
    assert "Zwischenspeicher war beschädigt" in capsys.readouterr().err


def test_unchanged_catalogue_is_not_rewritten(tmp_path):
    """The live preview watches theme/: rewriting the .mo file on every build would loop forever."""
    compile_catalogues()
    catalogue = next(TRANSLATIONS.glob("*/LC_MESSAGES/*.mo"))
    before = catalogue.stat().st_mtime_ns
    compile_catalogues()
    assert catalogue.stat().st_mtime_ns == before
