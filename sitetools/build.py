"""Run Pelican builds safely.

Every build runs in its own `pelican` process (i18n_subsites keeps module state
that a second in-process build would inherit: pelican-pitfalls #2 and #3) and
writes into a staging folder first. Only a successful build replaces the
output folder, so a broken build never destroys the last good one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
TRANSLATIONS = ROOT / "theme" / "translations"


class BuildFailed(RuntimeError):
    """The build stopped; Pelican's log above says why."""


def compile_catalogues() -> None:
    """Compile the theme's .po message catalogues to .mo files (fast; always done)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po_path in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        with po_path.open("rb") as po_file:
            catalogue = read_po(po_file, locale=po_path.parent.parent.name)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalogue)


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
    settings: Path, output: Path, extra: dict[str, str] | None = None, quiet: bool = False
) -> None:
    """Build into `output` (which is replaced) or raise BuildFailed."""
    compile_catalogues()
    env = dict(os.environ, PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="0")
    result = subprocess.run(
        pelican_command(settings, output, extra),
        cwd=ROOT,
        env=env,
        capture_output=quiet,
        text=True,
    )
    if result.returncode != 0:
        if quiet:
            sys.stderr.write(result.stdout + result.stderr)
        raise BuildFailed(f"Pelican stopped with exit code {result.returncode}")


def build_into(
    settings: Path, output: Path, extra: dict[str, str] | None = None, quiet: bool = False
) -> None:
    """Build into a staging folder beside `output`; swap it in only on success."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
    try:
        run_pelican(settings, staging, extra, quiet)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    replace_folder(staging, output)


def replace_folder(new: Path, target: Path) -> None:
    """Put `new` in the place of `target` with two renames, then delete the old one."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
