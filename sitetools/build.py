"""Run Pelican builds safely.

Every build runs in its own `pelican` process (i18n_subsites keeps module state
that a second in-process build would inherit; docs/architecture.md, "Pitfalls") and
writes into a staging folder first. Only a successful build replaces the
output folder, so a broken build never destroys the last good one.

Two builds at once into the same folder (or with the same content cache) would race on
the staging folder and the cache: each build therefore holds a lock (`.<output>.lock`
beside the output folder, `.cache/.<settings>.lock` for the cache); a second build says
that one is running and waits for it. Ctrl+C stops the Pelican process, removes the
staging folder and leaves the previous output as it was (`BuildInterrupted`).
"""

from __future__ import annotations

import fcntl
import io
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bfb_errors import Problem, format_problems

from sitetools.compress import precompress
from sitetools.search_index import SearchIndexFailed, build_search_index

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
TRANSLATIONS = ROOT / "theme" / "translations"
PUBLISH_SETTINGS = ROOT / "publishconf.py"


class BuildFailed(RuntimeError):
    """The build stopped; Pelican's log above says why."""


class BuildInterrupted(KeyboardInterrupt):
    """Ctrl+C during a build: Pelican was stopped, the previous output is untouched."""


@contextmanager
def build_lock(lock_file: Path, what: str) -> Iterator[None]:
    """Hold an exclusive lock on `lock_file`; if another build holds it, say so and wait."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with lock_file.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Ein anderer Build läuft gerade ({what}) – warte, bis er fertig ist …", file=sys.stderr)
            sys.stderr.flush()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def cache_lock_file(settings: Path, extra: dict[str, str] | None) -> Path:
    """The lock of the content cache this build uses (cheap: the settings are not read)."""
    if extra and "CACHE_PATH" in extra:
        cache = Path(json.loads(extra["CACHE_PATH"]))
        return cache.parent / f".{cache.name}.lock"
    return ROOT / ".cache" / f".{settings.stem}.lock"


def leftover_folders(folder: Path) -> list[Path]:
    """Staging and old folders that interrupted builds left in `folder` (for `invoke clean`)."""
    return sorted(path for path in folder.glob(".*-new-*") if path.is_dir()) + sorted(
        path for path in folder.glob(".*-old") if path.is_dir()
    )


def compile_catalogues() -> None:
    """Compile the theme's .po message catalogues to .mo files (fast; always done)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po_path in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        with po_path.open("rb") as po_file:
            catalogue = read_po(po_file, locale=po_path.parent.parent.name)
        compiled = io.BytesIO()
        write_mo(compiled, catalogue)
        # Rewrite only on change: `invoke livereload` watches theme/ and would rebuild forever.
        if not mo_path.exists() or mo_path.read_bytes() != compiled.getvalue():
            mo_path.write_bytes(compiled.getvalue())


def pelican_command(settings: Path, output: Path, extra: dict[str, str] | None = None) -> list[str]:
    """Return the command line of one Pelican build that treats warnings as errors."""
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(CONTENT),
        "--settings",
        str(settings),
        "--output",
        str(output),
        "--fatal",
        "warnings",
    ]
    if extra:
        # One flag with all pairs: Pelican keeps only the last of repeated -e flags.
        command += ["--extra-settings", *(f"{key}={value}" for key, value in extra.items())]
    return command


def run_pelican(
    settings: Path,
    output: Path,
    extra: dict[str, str] | None = None,
    quiet: bool = False,
    runner: Runner | None = None,
    search_index: bool = True,
) -> None:
    """Build into `output` (which is replaced), with its search index, or raise BuildFailed.

    A build interrupted while Pelican wrote its content cache leaves a truncated cache
    file, and every later build fails with EOFError. After a failed build the cache is
    therefore checked; if it is broken, it is deleted and the build runs once more.
    `runner` runs the `pelican` process (default: start one now; the live preview
    passes one that was started ahead, sitetools/prestarted.py).
    """
    run = runner or _pelican_process
    with build_lock(cache_lock_file(settings, extra), "Zwischenspeicher .cache/"):
        compile_catalogues()
        try:
            result = run(settings, output, extra, quiet)
            if result.returncode != 0 and remove_broken_cache(content_cache(settings, extra)):
                print(
                    "Der Zwischenspeicher war beschädigt (abgebrochener Build?): gelöscht, baue neu.",
                    file=sys.stderr,
                )
                result = run(settings, output, extra, quiet)
        except KeyboardInterrupt:
            # Pelican was killed, perhaps while writing its cache: never leave that broken.
            remove_broken_cache(content_cache(settings, extra))
            raise BuildInterrupted from None
    if result.returncode != 0:
        if quiet:
            sys.stderr.write(result.stdout + result.stderr)
        raise BuildFailed(f"Pelican stopped with exit code {result.returncode}")
    if quiet and result.stderr.strip():
        sys.stderr.write(result.stderr)  # notes for the editor (e.g. news held back until their day)
    collisions = case_collisions(output) + unprintable_names(output)
    if collisions:
        sys.stderr.write(format_problems(collisions))
        raise BuildFailed("output paths differ only in case")
    if not search_index:
        return  # the live preview indexes after the browser has reloaded
    try:
        build_search_index(output)
    except SearchIndexFailed as error:
        raise BuildFailed(str(error)) from None


# The stable code of the problem "two output paths differ only in case".
OUTPUT_CASE_COLLISION = "output-case-collision"


def case_collisions(output: Path) -> list[Problem]:
    """Output paths that only differ in upper and lower case: one hides the other on many hosts.

    Windows, macOS and some hosters' file systems do not tell `Foto.jpg` from `foto.jpg`: one
    of the two would overwrite the other, and a later publish would delete the one in use.
    """
    seen: dict[str, str] = {}
    problems = []
    for file in sorted(output.rglob("*")):
        relative = file.relative_to(output).as_posix()
        other = seen.setdefault(relative.casefold(), relative)
        if other != relative:
            problems.append(
                Problem(
                    f"/{relative}",
                    None,
                    f"„/{other}“ und „/{relative}“ unterscheiden sich nur in Groß- und Kleinschreibung; "
                    "auf vielen Servern wären sie ein und dieselbe Datei.",
                    "Eine der beiden Dateien in content/ umbenennen (am besten alles klein schreiben) "
                    "und den Verweis darauf anpassen.",
                    f"{OUTPUT_CASE_COLLISION}: {other} / {relative}",
                    code=OUTPUT_CASE_COLLISION,
                )
            )
    return problems


OUTPUT_NAME_CONTROL_CHARACTER = "output-name-control-char"


def unprintable_names(output: Path) -> list[Problem]:
    """Output files whose name holds a line break or another control character.

    FTP and many tools cannot transfer such a name (a line break ends an FTP command).
    """
    return [
        Problem(
            repr(f"/{file.relative_to(output).as_posix()}"),
            None,
            f"Der Dateiname „{file.relative_to(output).as_posix()!r}“ enthält ein unsichtbares Steuerzeichen "
            "(z. B. einen Zeilenumbruch).",
            "Die Datei in content/ umbenennen (nur Buchstaben, Ziffern und „-“) und den Verweis anpassen.",
            f"{OUTPUT_NAME_CONTROL_CHARACTER}: {file.relative_to(output).as_posix()!r}",
            code=OUTPUT_NAME_CONTROL_CHARACTER,
        )
        for file in sorted(output.rglob("*"))
        if any(not character.isprintable() for character in file.name)
    ]


def build_production(output: Path, extra: dict[str, str] | None = None, quiet: bool = False) -> None:
    """The site as it goes live: publishconf.py, search index, precompressed text files."""
    run_pelican(PUBLISH_SETTINGS, output, extra, quiet)
    precompress(output)


def pelican_environment() -> dict[str, str]:
    """The environment of every `pelican` process: fixed hash seed and time, for reproducible output."""
    return dict(os.environ, PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="0")


def _pelican_process(
    settings: Path, output: Path, extra: dict[str, str] | None, quiet: bool
) -> subprocess.CompletedProcess:
    # A session of its own: Ctrl+C in the terminal reaches only us, not Pelican (whose
    # traceback would follow); subprocess.run kills Pelican when we are interrupted.
    return subprocess.run(
        pelican_command(settings, output, extra),
        cwd=ROOT,
        env=pelican_environment(),
        capture_output=quiet,
        text=True,
        start_new_session=True,
    )


# run(settings, output, extra, quiet) -> the finished `pelican` process
Runner = Callable[[Path, Path, "dict[str, str] | None", bool], subprocess.CompletedProcess]


def content_cache(settings: Path, extra: dict[str, str] | None = None) -> Path:
    """The folder of Pelican's content cache for this build."""
    if extra and "CACHE_PATH" in extra:
        return Path(json.loads(extra["CACHE_PATH"]))
    from pelican.settings import read_settings

    return Path(read_settings(str(settings))["CACHE_PATH"])


def remove_broken_cache(cache: Path) -> bool:
    """Delete Pelican's cache files if any of them cannot be read; return whether it did."""
    files = sorted(cache.rglob("*Generator-*")) if cache.is_dir() else []
    if all(_readable_cache_file(file) for file in files):
        return False
    for file in files:
        file.unlink()
    return True


def _readable_cache_file(file: Path) -> bool:
    import gzip

    for opener in (gzip.open, open):
        try:
            with opener(file, "rb") as handle:
                pickle.load(handle)
            return True
        except gzip.BadGzipFile:
            continue  # written with GZIP_CACHE = False: try plain
        except Exception:
            return False
    return False


def build_into(
    settings: Path,
    output: Path,
    extra: dict[str, str] | None = None,
    quiet: bool = False,
    runner: Runner | None = None,
    search_index: bool = True,
    remove_old: bool = True,
) -> None:
    """Build into a staging folder beside `output`; swap it in only on success.

    With `remove_old=False` the previous output stays in `old_folder(output)` for the
    caller to delete (the live preview does it after the browser has reloaded).
    """
    output = output.resolve()
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        writable_or_fail(output.parent)
    except OSError as error:
        raise BuildFailed(not_writable(output.parent, error)) from None
    with build_lock(output.with_name(f".{output.name}.lock"), f"{output.name}/"):
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
        try:
            run_pelican(settings, staging, extra, quiet, runner, search_index)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        replace_folder(staging, output, remove_old)


def writable_or_fail(folder: Path) -> None:
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(13, "keine Schreibrechte", str(folder))


def not_writable(folder: Path, error: OSError) -> str:
    """A German sentence for a folder the build cannot write (read-only checkout, full disk)."""
    import errno

    reason = {
        errno.EROFS: "das Dateisystem ist schreibgeschützt",
        errno.ENOSPC: "der Datenträger ist voll",
    }.get(error.errno, "keine Schreibrechte")
    return (
        f"In {folder} kann nicht geschrieben werden ({reason}). So beheben: den Ordner "
        "beschreibbar machen (Rechte, Laufwerk mit Schreibrechten einhängen, Platz schaffen) "
        "oder das Projekt an einen beschreibbaren Ort kopieren"
    )


def old_folder(target: Path) -> Path:
    """Where the previous output goes while the new one takes its place."""
    return target.with_name(f".{target.name}-old")


def replace_folder(new: Path, target: Path, remove_old: bool = True) -> None:
    """Put `new` in the place of `target` with two renames, then delete the old one."""
    old = old_folder(target)
    shutil.rmtree(old, ignore_errors=True)
    # Ctrl+C between the two renames would leave no output at all: it waits until both are done.
    deferred = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, deferred)
    try:
        if target.exists():
            target.rename(old)
        new.rename(target)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, deferred)
    if remove_old:
        shutil.rmtree(old, ignore_errors=True)
