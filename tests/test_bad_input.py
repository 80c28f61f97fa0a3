"""Bad input from a careless (or hostile) editor: a German message with file, line and fix, or a safe result.

Every refused build is run with `build_into` against a copy of a good output folder, and the
test checks that the folder is byte for byte what it was: a failed build never replaces it.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from bfb_errors import REPORT_VARIABLE, Problem, read_report
from PIL import ExifTags, Image, PngImagePlugin

from sitetools.build import ROOT, BuildFailed, build_into, leftover_folders
from sitetools.newcontent import MAX_SLUG_LENGTH, new_content
from tests.conftest import build_site

DEV = ROOT / "pelicanconf.py"
# A day surely in the future, inside the plausible years (bfb_content_check: check_date_years).
LATER = f"{datetime.date.today().year + 2}-01-05"
PRODUCTION = ROOT / "publishconf.py"
GPS = {1: "N", 2: (50.0, 12.0, 0.0), 3: "E", 4: (6.0, 50.0, 0.0)}
NEWS = """Title: Meldung für den Test
Date: 2023-05-04
Slug: testmeldung
Lang: de
German_only: ja
Summary: Eine Meldung, die nur dieser Test schreibt und baut.
{header}

{body}
"""
NEWS_FILE = "aktuelles/2023-05-04-testmeldung.md"


def write_news(
    content: Path, header: str = "", body: str = "Text der Meldung.", name: str = NEWS_FILE
) -> Path:
    path = content / name
    path.write_text(NEWS.format(header=header, body=body), encoding="utf-8")
    return path


def photo_with_gps(path: Path, size: tuple[int, int] = (640, 480), file_format: str | None = None) -> None:
    exif = Image.Exif()
    exif[0x010F] = "Testkamera"
    exif[ExifTags.IFD.GPSInfo] = GPS
    Image.new("RGB", size, (180, 120, 60)).save(path, file_format, exif=exif.tobytes())


def snapshot(folder: Path) -> dict[str, str]:
    return {
        file.relative_to(folder).as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(folder.rglob("*"))
        if file.is_file()
    }


@pytest.fixture(scope="module")
def good_output(tmp_path_factory) -> Path:
    return build_site("pelicanconf.py", tmp_path_factory.mktemp("good") / "output").root


@pytest.fixture
def previous_output(good_output, tmp_path) -> Path:
    copy = tmp_path / "output"
    shutil.copytree(good_output, copy)
    return copy


def refused(content: Path, output: Path, capsys, settings: Path = DEV) -> str:
    """Build `content` into `output`; it must fail, leave `output` alone and print no traceback."""
    before = snapshot(output)
    extra = {"PATH": json.dumps(str(content)), "CACHE_CONTENT": "false", "LOAD_CONTENT_CACHE": "false"}
    with pytest.raises(BuildFailed):
        build_into(settings, output, extra, quiet=True)
    errors = capsys.readouterr().err
    assert "Traceback" not in errors
    assert "So beheben:" in errors
    assert snapshot(output) == before, "a refused build changed the previous output"
    assert not leftover_folders(output.parent), "a refused build left its staging folder"
    return errors


def refused_problems(content: Path, output: Path, capsys, settings: Path = DEV) -> list[Problem]:
    """Build `content` into `output`, which must be refused; the problems the build reported.

    Files are given relative to `content`, as the problems' JSON report holds them
    (bfb_errors.stop_build; the live preview shows the same report in the browser).
    """
    report = output.parent / "problems.json"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(REPORT_VARIABLE, str(report))
        refused(content, output, capsys, settings)
    return [
        replace(found, file=Path(os.path.relpath(found.file, content)).as_posix())  # links not followed
        for found in read_report(report)
    ]


# --- the cases ----------------------------------------------------------------------------------


def link_to_passwd(content: Path) -> None:
    (content / "bilder").mkdir(exist_ok=True)
    (content / "bilder/passwd.jpg").symlink_to("/etc/passwd")


def linked_folder(content: Path) -> None:
    (content / "bilder").mkdir(exist_ok=True)
    (content / "bilder/privat").symlink_to("/etc")


def latin1_news(content: Path) -> None:
    text = NEWS.format(header="", body="Schöne Grüße aus Daun.")
    (content / NEWS_FILE).write_bytes(text.encode("latin-1"))


def latin1_place_text(content: Path) -> None:
    place = content / "orte/gillenfeld.md"
    place.write_bytes(place.read_text(encoding="utf-8").encode("latin-1", errors="replace"))


def file_in_bilder(name: str, data: bytes = b"SECRET=1\n") -> Callable[[Path], None]:
    def put(content: Path) -> None:
        (content / "bilder").mkdir(exist_ok=True)
        (content / "bilder" / name).write_bytes(data)

    return put


def tiff_with_gps(content: Path) -> None:
    (content / "bilder").mkdir(exist_ok=True)
    photo_with_gps(content / "bilder/scan.tif", file_format="TIFF")


def decompression_bomb(content: Path) -> None:
    (content / "bilder").mkdir(exist_ok=True)
    Image.new("1", (20000, 20000)).save(content / "bilder/riesig.png")  # 400 megapixels, a few kB


def photo_named_like_a_variant(content: Path) -> None:
    (content / "bilder").mkdir(exist_ok=True)
    photo_with_gps(content / "bilder/foto.jpg", (2000, 1000))
    photo_with_gps(content / "bilder/foto-480w.jpg", (480, 240))


def header(line: str) -> Callable[[Path], None]:
    return lambda content: write_news(content, header=line)


def body(text: str) -> Callable[[Path], None]:
    return lambda content: write_news(content, body=text)


def page_with_slug_orte(content: Path) -> None:
    (content / "seiten/orte-seite.md").write_text(
        "Title: Unsere Orte\nSlug: orte\nLang: de\nGerman_only: ja\n\nText.\n", encoding="utf-8"
    )


# case: (what the editor did, the problem's code, its file relative to content/, its line).
# What the editor reads is tested once per message, in tests/test_messages.py.
CASES = {
    "symlink-to-file": (link_to_passwd, "symlink-outside-content", "bilder/passwd.jpg", None),
    "symlink-to-folder": (linked_folder, "symlink-outside-content", "bilder/privat", None),
    "latin1-markdown": (latin1_news, "text-not-utf8", NEWS_FILE, 1),
    "latin1-place-text": (latin1_place_text, "text-not-utf8", "orte/gillenfeld.md", 3),
    "env-file": (file_in_bilder(".env"), "file-not-a-photo", "bilder/.env", None),
    "ds-store": (file_in_bilder(".DS_Store"), "file-not-a-photo", "bilder/.DS_Store", None),
    "csv": (file_in_bilder("Mitgliederliste.csv"), "file-not-a-photo", "bilder/Mitgliederliste.csv", None),
    "javascript": (file_in_bilder("skript.js", b"alert(1)"), "file-not-a-photo", "bilder/skript.js", None),
    "tiff-with-gps": (tiff_with_gps, "file-not-a-photo", "bilder/scan.tif", None),
    "text-named-jpg": (file_in_bilder("foto.jpg", b"hallo"), "image-not-an-image", "bilder/foto.jpg", None),
    "decompression-bomb": (decompression_bomb, "image-too-large", "bilder/riesig.png", None),
    "photo-named-like-variant": (
        photo_named_like_a_variant,
        "output-path-twice",
        "bilder/foto-480w.jpg",
        None,
    ),
    "unknown-template": (header("Template: schick"), "template-unknown", NEWS_FILE, 7),
    "teaser-in-words": (header("Teaser: zwei"), "teaser-not-a-number", NEWS_FILE, 7),
    "save-as-outside": (header("Save_as: ../../anderswo.html"), "save-as-outside", NEWS_FILE, 7),
    "save-as-absolute": (header("Save_as: /etc/cron.d/x.html"), "save-as-outside", NEWS_FILE, 7),
    "save-as-theme": (header("Save_as: theme/css/site.css"), "save-as-outside", NEWS_FILE, 7),
    "save-as-place-page": (
        header("Save_as: orte/gillenfeld/index.html"),
        "output-path-twice",
        "orte/gillenfeld.md",
        None,
    ),
    "save-as-second-list-page": (
        header("Save_as: aktuelles/seite/2/index.html"),
        "output-path-twice",
        NEWS_FILE,
        None,
    ),
    "save-as-english-list": (header("Save_as: en/news/index.html"), "output-path-twice", NEWS_FILE, None),
    # /orte/ is the places overview: the content check reserves every folder a site writes
    # (bfb_urls.reserved_top_level), before the output owners would find the clash.
    "page-slug-orte": (page_with_slug_orte, "slug-reserved", "seiten/orte-seite.md", 2),
    "news-slug-archiv": (
        lambda content: (content / NEWS_FILE).write_text(
            NEWS.format(header="", body="Text.").replace("Slug: testmeldung", "Slug: archiv"),
            encoding="utf-8",
        ),
        "output-path-twice",
        NEWS_FILE,
        None,
    ),
    "placeholder-with-space": (body("In {anzahl: orte} Orten."), "placeholder-misspelt", NEWS_FILE, 9),
    "placeholder-capital": (body("In {Anzahl:orte} Orten."), "placeholder-misspelt", NEWS_FILE, 9),
    "placeholder-unknown": (body("In {anzahl:dörfer} Dörfern."), "placeholder-unknown", NEWS_FILE, 9),
    "header-without-text": (body("<!-- nur eine Notiz -->"), "body-empty", NEWS_FILE, 8),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_stops_the_build_with_a_german_message(case, content_copy, previous_output, capsys):
    make_mistake, code, file, line = CASES[case]
    make_mistake(content_copy)
    problems = refused_problems(content_copy, previous_output, capsys)
    assert (code, file, line) in [(found.code, found.file, found.line) for found in problems]


def test_link_to_a_draft_fails_the_production_build(content_copy, previous_output, capsys):
    write_news(content_copy, header="Status: draft")
    write_news(
        content_copy, body="Siehe [Entwurf]({filename}2023-05-04-testmeldung.md).", name="aktuelles/zweite.md"
    )
    (content_copy / "aktuelles/zweite.md").write_text(
        (content_copy / "aktuelles/zweite.md")
        .read_text(encoding="utf-8")
        .replace("testmeldung", "zweite", 1)
        .replace("Slug: testmeldung", "Slug: zweite"),
        encoding="utf-8",
    )
    errors = refused(content_copy, previous_output, capsys, PRODUCTION)
    assert "aktuelles/zweite.md:9: Der Verweis führt auf der veröffentlichten Website ins Leere" in errors
    assert "ist ein Entwurf (Status: draft)" in errors


def test_link_to_a_news_item_dated_later_fails_the_production_build(content_copy, previous_output, capsys):
    (content_copy / NEWS_FILE).write_text(
        NEWS.format(header="", body="Text.").replace("2023-05-04", LATER), encoding="utf-8"
    )
    write_news(
        content_copy, body="Siehe [bald]({filename}2023-05-04-testmeldung.md).", name="aktuelles/zweite.md"
    )
    second = content_copy / "aktuelles/zweite.md"
    second.write_text(
        second.read_text(encoding="utf-8").replace("Slug: testmeldung", "Slug: zweite"), encoding="utf-8"
    )
    errors = refused(content_copy, previous_output, capsys, PRODUCTION)
    assert f"erscheint erst an ihrem Datum ({LATER})" in errors


# --- safe results ----------------------------------------------------------------------------


def test_news_dated_later_is_announced_with_its_day_and_kept_back(content_copy, tmp_path, capsys):
    (content_copy / NEWS_FILE).write_text(
        NEWS.format(header="", body="Text.").replace("2023-05-04", LATER), encoding="utf-8"
    )
    site = build_site("publishconf.py", tmp_path / "site", {"PATH": json.dumps(str(content_copy))})
    notes = capsys.readouterr().err
    assert f"{NEWS_FILE}:2: Die Meldung ist auf " in notes
    assert f", 5. Januar {LATER[:4]} datiert" in notes
    assert "erscheint erst ab diesem Tag" in notes
    assert not site.exists("/aktuelles/testmeldung/")


XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">GPSLatitude 50,12N</x:xmpmeta>'


@pytest.mark.parametrize(("suffix", "file_format"), [(".jpg", "JPEG"), (".png", "PNG"), (".webp", "WEBP")])
def test_every_photo_format_is_published_without_gps_exif_or_xmp(suffix, file_format, content_copy, tmp_path):
    (content_copy / "bilder").mkdir()
    photo = content_copy / f"bilder/ausflug{suffix}"
    exif = Image.Exif()
    exif[0x010F] = "Testkamera"
    exif[ExifTags.IFD.GPSInfo] = GPS
    metadata = {"exif": exif.tobytes(), "xmp": XMP}
    if file_format == "PNG":  # PNG carries XMP in an iTXt chunk
        metadata["pnginfo"] = PngImagePlugin.PngInfo()
        metadata["pnginfo"].add_itxt("XML:com.adobe.xmp", XMP.decode())
    Image.new("RGB", (1000, 700), (10, 120, 60)).save(photo, file_format, **metadata)
    with Image.open(photo) as original:  # the test photo really carries what must go
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert b"GPSLatitude" in photo.read_bytes()
    write_news(content_copy, body=f"![Ein Ausflug]({{static}}/bilder/ausflug{suffix})")
    site = build_site("pelicanconf.py", tmp_path / "site", {"PATH": json.dumps(str(content_copy))})
    published = sorted((site.root / "bilder").glob(f"ausflug*{suffix}"))
    assert [file.name for file in published] == [
        f"ausflug-480w{suffix}",
        f"ausflug-800w{suffix}",
        f"ausflug{suffix}",
    ]
    for file in published:
        data = file.read_bytes()
        assert b"Testkamera" not in data and b"GPSLatitude" not in data and b"xmpmeta" not in data
        with Image.open(file) as copy:
            assert copy.format == file_format
            assert not copy.getexif() and "xmp" not in copy.info and "exif" not in copy.info


def test_a_photo_of_a_hundred_megapixels_is_published_without_alarm(content_copy, tmp_path, capfd):
    """Above Pillow's warning threshold (89 MP), below IMAGE_MAX_PIXELS: a 108-MP phone's kind of photo."""
    (content_copy / "bilder").mkdir()
    Image.new("1", (11000, 9000)).save(content_copy / "bilder/gross.png")
    write_news(content_copy, body="![Ein großes Bild]({static}/bilder/gross.png)")
    extra = {"PATH": json.dumps(str(content_copy)), "CACHE_CONTENT": "false", "LOAD_CONTENT_CACHE": "false"}
    build_into(DEV, tmp_path / "site", extra)  # not quiet: Pelican's output reaches the terminal
    terminal = capfd.readouterr()
    assert "decompression bomb" not in (terminal.out + terminal.err).lower()
    with Image.open(tmp_path / "site/bilder/gross.png") as copy:
        assert copy.width == 1600


def test_invoke_new_with_a_very_long_title_shortens_the_address_not_the_title(tmp_path):
    title = "Bericht über " + "die sehr lange Sitzung " * 30
    (created,) = new_content(title, content_dir=tmp_path)
    slug = created.stem.split("-", 3)[3]
    assert len(slug) <= MAX_SLUG_LENGTH and not slug.endswith("-")
    assert slug.startswith("bericht-ueber-die-sehr-lange-sitzung")
    assert f"Title: {' '.join(title.split())}\n" in created.read_text(encoding="utf-8")


def test_invoke_clean_removes_what_interrupted_builds_left(tmp_path, monkeypatch):
    from invoke import Context

    import tasks

    for name in ("output", ".output-new-abc123", ".output-preview-new-x1", ".output-old", ".cache"):
        (tmp_path / name).mkdir()
    (tmp_path / "content").mkdir()
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    monkeypatch.setattr(tasks, "OUTPUT", tmp_path / "output")
    monkeypatch.setattr(tasks, "PREVIEW_OUTPUT", tmp_path / "output-preview")
    monkeypatch.setattr(tasks, "CACHE", tmp_path / ".cache")
    tasks.clean(Context())
    assert sorted(path.name for path in tmp_path.iterdir()) == ["content"]


# --- two builds at once, Ctrl+C ----------------------------------------------------------------

# Ctrl+C as in a terminal: a process started in the background by a non-interactive shell
# (a CI script's `cmd &`) inherits SIGINT as ignored, and Python then never raises
# KeyboardInterrupt; the build process gets Python's own handler back first.
BUILD_SCRIPT = """
import json, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
from pathlib import Path
import tasks
from invoke import Collection, Program
tasks.OUTPUT = Path(sys.argv[1])
if len(sys.argv) > 2:
    tasks.DEV_SETTINGS = Path(sys.argv[2])
Program(namespace=Collection.from_module(tasks)).run(["invoke", "build"])
"""

# A plugin that only tests use: once Pelican has read and generated everything, it says so
# by creating a file and then holds the build until it is stopped. A test that waits for the
# file knows Pelican is inside the build, however busy the machine (no sleep, no race).
HOLDING_PLUGIN = """
import threading
from pathlib import Path

from pelican import signals


def hold(generators):
    Path(generators[0].settings["HOLD_BUILD_MARKER"]).touch()
    threading.Event().wait(timeout=600)  # until Ctrl+C ends the build (or a forgotten test)


def register():
    signals.all_generators_finalized.connect(hold)
"""
HOLDING_SETTINGS = """
from pelicanconf import *  # noqa: F403

PATH = {content!r}
PLUGIN_PATHS = [*PLUGIN_PATHS, {plugins!r}]
PLUGINS = [*PLUGINS, "bfb_test_hold_build"]
HOLD_BUILD_MARKER = {marker!r}
"""


def holding_settings(folder: Path) -> tuple[Path, Path]:
    """Settings that hold the build inside Pelican, and the file that says it got there."""
    plugins = folder / "plugins"
    plugins.mkdir()
    (plugins / "bfb_test_hold_build.py").write_text(HOLDING_PLUGIN, encoding="utf-8")
    marker = folder / "inside-the-build"
    settings = folder / "holding_settings.py"
    text = HOLDING_SETTINGS.format(content=str(ROOT / "content"), plugins=str(plugins), marker=str(marker))
    settings.write_text(text, encoding="utf-8")
    return settings, marker


def start_build(output: Path, settings: Path | None = None) -> subprocess.Popen:
    """`invoke build` into `output` in a process group of its own (like a terminal's)."""
    env = dict(os.environ)
    return subprocess.Popen(
        [sys.executable, "-c", BUILD_SCRIPT, str(output), *([str(settings)] if settings else [])],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def test_second_build_in_the_same_folder_says_one_is_running_and_waits(tmp_path):
    output = tmp_path / "output"
    lock = (tmp_path / ".output.lock").open("a")
    fcntl.flock(lock, fcntl.LOCK_EX)  # a build in progress
    build = start_build(output)
    try:
        first_line = build.stderr.readline()
        assert "Ein anderer Build läuft gerade (output/) – warte, bis er fertig ist" in first_line
        assert not output.exists() and not leftover_folders(tmp_path)
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()
    _stdout, stderr = build.communicate(timeout=180)
    assert build.returncode == 0, stderr
    assert (output / "index.html").is_file()


HUNG_AFTER = 600  # seconds: far beyond a build's few CPU seconds, even on a busy machine


def processes_below(pid: int) -> list[str]:
    """`pid`'s descendants that are still alive, as "pid state command" (from /proc)."""
    children: dict[int, list[int]] = {}
    described: dict[int, str] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()[:120]
        except OSError:
            continue  # ended meanwhile
        own, rest = int(text.split(" ", 1)[0]), text.rsplit(")", 1)[1].split()
        children.setdefault(int(rest[1]), []).append(own)
        described[own] = f"{own} {rest[0]} {command}"
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(described[child])
            todo.append(child)
    return found


def ended(process: subprocess.Popen) -> tuple[str, str]:
    """Wait until `process` has ended; if it hangs, fail saying what was still running."""
    try:
        return process.communicate(timeout=HUNG_AFTER)
    except subprocess.TimeoutExpired:
        below = processes_below(process.pid)  # Pelican too: it runs in a session of its own
        for pid in [process.pid, *(int(line.split()[0]) for line in below)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        process.communicate(timeout=60)
        pytest.fail(f"no end {HUNG_AFTER} s after Ctrl+C; still running: {[process.pid, *below]}")


def test_ctrl_c_during_a_build_ends_quietly_and_keeps_the_previous_output(good_output, tmp_path):
    output = tmp_path / "output"
    shutil.copytree(good_output, output)
    before = snapshot(output)
    settings, inside_the_build = holding_settings(tmp_path)
    build = start_build(output, settings)
    # The deadlines only end a build that hangs; on a starved machine (the suite niced below
    # other busy processes) the steps here took minutes of wall-clock time, never CPU time.
    deadline = time.monotonic() + HUNG_AFTER
    while not inside_the_build.exists() and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)  # waiting for a state: Pelican has read everything and holds
    assert inside_the_build.exists(), build.communicate()
    assert leftover_folders(tmp_path)  # the staging folder exists while Pelican builds
    os.killpg(build.pid, signal.SIGINT)  # what Ctrl+C in a terminal does
    stdout, stderr = ended(build)
    assert build.returncode == 130, stdout + stderr
    assert "Abgebrochen (Strg+C)" in stderr
    assert "Traceback" not in stdout + stderr and "KeyboardInterrupt" not in stdout + stderr
    assert snapshot(output) == before
    assert not leftover_folders(tmp_path)


# --- raw HTML that the Content-Security-Policy does not stop -----------------------------------

RAW_HTML = """Text mit rohem HTML.

<meta http-equiv="refresh" content="0; url=https://anderswo.example/">

<form action="https://anderswo.example/sammeln" method="post"><button>Senden</button></form>

<a href="JavaScript:alert(2)">noch einer</a>

<script src="/bilder/skript.js"></script>
"""


def test_invoke_check_flags_html_that_csp_lets_through(tmp_path):
    """The text check and the sanitizer keep such HTML out of a build; a page that has it all
    the same (a template, a file put into the output by hand) is refused by `invoke check`."""
    from sitetools.checks import CheckInput, html_that_csp_lets_through

    page = tmp_path / "aktuelles" / "testmeldung" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(RAW_HTML, encoding="utf-8")
    problems = html_that_csp_lets_through(CheckInput({"SITEURL": "https://example.test"}, tmp_path))
    messages = [problem.render() for problem in problems]
    assert all(problem.file == "/aktuelles/testmeldung/" for problem in problems), messages
    assert sorted(problem.code for problem in problems) == [
        "unsafe-html-form",
        "unsafe-html-javascript",
        "unsafe-html-refresh",
        "unsafe-html-script",
    ]
    text = "\n".join(messages)  # the wording: tests/test_messages.py
    assert "„https://anderswo.example/“" in text and "„/bilder/skript.js“" in text


def test_html_check_passes_theme_scripts(tmp_path):
    from sitetools.checks import CheckInput, html_that_csp_lets_through

    page = tmp_path / "alt" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<script src="https://example.test/theme/js/x.js"></script>'
        '<script src="/pagefind/pagefind-ui.js"></script>'
        '<a href="/javascript-kurs/">Kurs</a>',
        encoding="utf-8",
    )
    assert html_that_csp_lets_through(CheckInput({"SITEURL": "https://example.test"}, tmp_path)) == []


def test_link_inside_the_content_folder_is_allowed(content_copy, tmp_path):
    (content_copy / "bilder").mkdir()
    photo_with_gps(content_copy / "bilder/original.jpg")
    (content_copy / "bilder/gleiches-foto.jpg").symlink_to("original.jpg")
    write_news(content_copy, body="![Ein Foto]({static}/bilder/gleiches-foto.jpg)")
    site = build_site("pelicanconf.py", tmp_path / "site", {"PATH": json.dumps(str(content_copy))})
    assert (site.root / "bilder/gleiches-foto.jpg").is_file()


def test_refused_build_never_reaches_the_publish_target(content_copy, tmp_path, capsys):
    from sitetools.pipeline import check_and_publish
    from sitetools.publish import target_from_config

    webroot = tmp_path / "webroot"
    (webroot / "stats").mkdir(parents=True)
    (webroot / "index.html").write_text("die Website von gestern", encoding="utf-8")
    (webroot / "stats/index.html").write_text("des Hosters", encoding="utf-8")
    before = snapshot(webroot)
    link_to_passwd(content_copy)
    target = target_from_config(str(webroot), {}, environ={}, mode="inplace")
    with pytest.raises(BuildFailed):
        check_and_publish(target, {"PATH": json.dumps(str(content_copy))}, say=print)
    assert "bilder/passwd.jpg: „passwd.jpg“ ist eine Verknüpfung" in capsys.readouterr().err
    assert snapshot(webroot) == before


def test_invoke_check_names_unsafe_files_without_a_traceback(content_copy, monkeypatch):
    import sitetools.checks as checks

    link_to_passwd(content_copy)
    latin1_news(content_copy)
    monkeypatch.setattr(checks, "CONTENT", content_copy)
    settings = checks.load_settings()
    wanted = [
        check for check in checks.SOURCE_CHECKS if check.run in (checks.content_files, checks.content_headers)
    ]
    results = checks.run_checks(content_copy, settings, wanted)
    files = "\n".join(
        problem.render() for problem in results["Dateien in content/ (Verknüpfungen, UTF-8, Dateitypen)"]
    )
    assert "bilder/passwd.jpg: „passwd.jpg“ ist eine Verknüpfung" in files
    assert f"{NEWS_FILE}:1: Die Datei ist nicht als UTF-8 gespeichert" in files
    assert results["Kopfzeilen der Inhalte (bfb_content_check)"] == []  # not read: reported above
