"""What maintainers and editors run: `invoke --list` shows every task.

Development builds use pelicanconf.py and go to output/; production builds use
publishconf.py. A failed build exits non-zero and leaves the previous output alone.
"""

import shutil
import sys
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit

from sitetools.build import ROOT, BuildFailed, build_into, leftover_folders

DEV_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
OUTPUT = ROOT / "output"
PREVIEW_OUTPUT = ROOT / "output-preview"
CACHE = ROOT / ".cache"
INTERRUPTED = "Abgebrochen (Strg+C) – die Ausgabe ist vollständig geblieben, nichts halb Gebautes."


def _build(settings: Path, output: Path) -> None:
    try:
        build_into(settings, output)
    except BuildFailed as error:
        raise Exit(
            f"Build fehlgeschlagen / build failed: {error}. Die vorige Ausgabe bleibt unverändert.", code=1
        ) from None
    except KeyboardInterrupt:
        raise Exit(INTERRUPTED, code=130) from None
    print(f"Fertig: {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}/")


@task
def build(c):
    """Build the development site into output/ (drafts included, local links)."""
    _build(DEV_SETTINGS, OUTPUT)


@task
def preview(c):
    """Build the production site (publishconf.py) into output-preview/ to look at it."""
    _build(PUBLISH_SETTINGS, PREVIEW_OUTPUT)


@task(help={"port": "Port to listen on (default 8000)", "folder": "Folder to serve (default output)"})
def serve(c, port=8000, folder="output"):
    """Serve the built site at http://127.0.0.1:8000/ (Ctrl+C stops)."""
    from sitetools.serve import serve_folder

    serve_folder(ROOT / folder, int(port))


@task(help={"port": "Port to listen on (default 8000)"})
def livereload(c, port=8000):
    """Rebuild on every change of content, theme, plugins or data; the browser reloads."""
    from sitetools.livereload import run_livereload

    run_livereload(int(port))


@task(
    positional=["title"],
    help={
        "title": "Title of the news item or page, in quotes",
        "page": "Create a page in content/seiten/ instead of a news item",
        "also": "Also create the file of this language variant (a key of SITE_LANGUAGES: en, einfach)",
    },
    iterable=["also"],
)
def new(c, title, page=False, also=None):
    """Start a news item (or --page) from a template: invoke new "Titel der Meldung" [--also en]."""
    from sitetools.newcontent import ContentExists, draft_path, new_content

    try:
        created = new_content(title, page=page, also=tuple(also or ()))
    except (ContentExists, ValueError) as error:
        raise Exit(str(error), code=1) from None
    for path in created:
        print(f"Angelegt: {path.relative_to(ROOT)}")
    print("Jetzt die Datei öffnen, Summary ausfüllen, Text schreiben; Vorschau mit: invoke livereload")
    print(f"Der Entwurf steht dann unter http://127.0.0.1:8000/{draft_path(title, page)}")
    print("Was vor dem Veröffentlichen noch fehlt, zeigt dort ein Kasten oben auf der Seite.")


@task
def clean(c):
    """Remove built output, caches and what interrupted builds left (.output-new-…)."""
    failed = []
    for path in (OUTPUT, PREVIEW_OUTPUT, CACHE, *leftover_folders(ROOT)):
        if path.exists():
            shutil.rmtree(path, onerror=lambda function, name, error: failed.append(name))
    if failed:
        raise Exit(
            f"Nicht alles gelöscht: {len(failed)} Dateien oder Ordner ließen sich nicht löschen, "
            f"z. B. {failed[0]} (schreibgeschützt?). So beheben: Schreibrechte prüfen, dann noch "
            "einmal `invoke clean`.",
            code=1,
        )
    print("Ausgabe und Cache gelöscht.")


@task
def translations(c):
    """Extract the theme's German texts, update the English catalogue (.po) and compile it."""
    from sitetools.translations import format_missing, update_catalogues

    missing = update_catalogues()
    print(format_missing(missing))
    if any(missing.values()):
        raise Exit(code=1)


@task
def untranslated(c):
    """List German news items and pages without English translation (German_only ones too)."""
    from sitetools.translations import untranslated_content

    print(untranslated_content())


@task(
    help={"settings": "Einstellungsdatei (Standard: pelicanconf.py); eine Kopie zum Ausprobieren geht auch"}
)
def fragen(c, settings=None):
    """Print every open question for the board: where the answer goes and on which pages it shows."""
    from bfb_questions.questions import as_text, open_questions
    from pelican.settings import read_settings

    settings_file = Path(settings) if settings else DEV_SETTINGS
    values = read_settings(str(settings_file))
    content = Path(values["PATH"])
    if not content.is_absolute():
        content = settings_file.resolve().parent / content
    print(as_text(open_questions(values, content)), end="")


PUBLISH_HELP = {
    "target": "Ziel: benutzer@server:/pfad/ (SSH), sftp://…, ftps://…, ftp://…, repo.git#zweig oder "
    "lokaler Ordner; sonst PUBLISH_TARGET, invoke.yaml",
    "mode": "releases (Standard: Versionen + Symlink current) oder inplace (einfacher Ordner)",
    "port": "Port (Standard: SSH/SFTP 22, FTP/FTPS 21)",
    "key": "SSH-Schlüsseldatei, z. B. ~/.ssh/bfb_publish",
    "extra_settings": "JSON-Datei mit Einstellungen für den Build (nur für Tests)",
}


def _target(c, target, mode=None, port=None, key=None, replace_existing=False):
    from sitetools.publish import PublishError, target_from_config

    try:
        destination = target_from_config(
            target,
            dict(c.config.get("publish", {})),
            mode=mode,
            port=port,
            identity=key,
            replace_existing=replace_existing,
        )
    except PublishError as error:
        raise Exit(error.report(), code=1) from None
    if destination.warning:
        print(destination.warning)
    return destination


@task(
    help={
        "folder": "Eine schon gebaute Produktions-Ausgabe prüfen statt neu zu bauen",
        "extra_settings": PUBLISH_HELP["extra_settings"],
    }
)
def check(c, folder=None, extra_settings=None):
    """Build the production site into a temporary folder and run every check (links, legal data …)."""
    from sitetools.pipeline import build_and_check, check_site, temporary_build_folder
    from sitetools.pipeline import extra_settings as read_extra

    extra = read_extra(extra_settings)
    try:
        if folder:
            ok = check_site(Path(folder).resolve(), extra)
        else:
            with temporary_build_folder() as site:
                ok = build_and_check(site, extra)
    except BuildFailed as error:
        raise Exit(f"Build fehlgeschlagen / build failed: {error}", code=1) from None
    except KeyboardInterrupt:
        raise Exit("Abgebrochen (Strg+C).", code=130) from None
    if not ok:
        raise Exit(code=1)


@task(
    help={
        **PUBLISH_HELP,
        "dry_run": "Nur anzeigen, was sich ändern würde",
        "replace_existing": "Dateien auf dem Server ersetzen, die nicht von uns stammen (vorher gesichert)",
    }
)
def publish(
    c, target=None, dry_run=False, mode=None, port=None, key=None, extra_settings=None, replace_existing=False
):
    """Build, check and then transfer the production site (atomic; nothing happens if a check fails)."""
    from sitetools.pipeline import check_and_publish
    from sitetools.pipeline import extra_settings as read_extra
    from sitetools.publish import PublishError

    destination = _target(c, target, mode, port, key, replace_existing)
    try:
        ok = check_and_publish(destination, read_extra(extra_settings), dry_run=dry_run)
    except BuildFailed as error:
        raise Exit(f"Build fehlgeschlagen – nichts übertragen / build failed: {error}", code=1) from None
    except PublishError as error:
        raise Exit(
            "Veröffentlichung fehlgeschlagen (die Seiten auf dem Server funktionieren weiter):\n"
            + error.report(),
            code=1,
        ) from None
    except KeyboardInterrupt:
        raise Exit(
            "Abgebrochen. Die Seiten auf dem Server funktionieren weiter; die nächste "
            "`invoke publish` macht eine angefangene Übertragung fertig.",
            code=130,
        ) from None
    if not ok:
        raise Exit(code=1)


@task(help={k: v for k, v in PUBLISH_HELP.items() if k != "extra_settings"})
def rollback(c, target=None, mode=None, port=None, key=None):
    """Switch the live site back to the release that was live before it (mode "releases")."""
    from sitetools.publish import PublishError
    from sitetools.publish import rollback as roll_back

    destination = _target(c, target, mode, port, key)
    try:
        release = roll_back(destination)
    except PublishError as error:
        raise Exit(error.report(), code=1) from None
    print(f"{destination.describe()}/current → releases/{release}")


@task(help={"args": "Extra arguments for pytest, e.g. -k orte"})
def test(c, args=""):
    """Run all tests (unit, build, browser, accessibility, HTML validity)."""
    c.run(f"{sys.executable} -m pytest {args}", pty=False)
