"""`invoke check` and `invoke publish`: build the production site afresh, check it, transfer it.

The build goes into a new temporary folder, never into output/ or onto the server;
only a build that passes every check is transferred. Anything that fails stops
before the first byte reaches the target.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from sitetools.build import build_production
from sitetools.checks import format_report, load_settings, passed, run_checks
from sitetools.publish import Target, preflight, publish

# A JSON file of setting overrides for the production build (used by the tests to
# supply Impressum data; never needed for the real site).
EXTRA_SETTINGS_VARIABLE = "PUBLISH_EXTRA_SETTINGS"


def extra_settings(file: str | None) -> dict[str, str]:
    """Overrides from a JSON file (`--extra-settings` or $PUBLISH_EXTRA_SETTINGS) as Pelican wants them."""
    file = file or os.environ.get(EXTRA_SETTINGS_VARIABLE)
    if not file:
        return {}
    values = json.loads(Path(file).read_text(encoding="utf-8"))
    return {key: json.dumps(value) for key, value in values.items()}


@contextmanager
def temporary_build_folder():
    folder = Path(tempfile.mkdtemp(prefix="bfb-publish-"))
    try:
        yield folder / "site"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def check_site(site: Path, extra: dict[str, str], say: Callable[[str], None] = print) -> bool:
    """Run every check on a built production site; print the report; True if all passed."""
    results = run_checks(site, load_settings(extra=extra))
    say(format_report(results))
    return passed(results)


def build_and_check(site: Path, extra: dict[str, str], say: Callable[[str], None] = print) -> bool:
    """Build the production site into `site` (raises BuildFailed) and check it."""
    say("Baue die Website für die Veröffentlichung (publishconf.py) …")
    build_production(site, extra, quiet=True)
    return check_site(site, extra, say)


def check_and_publish(
    target: Target, extra: dict[str, str], dry_run: bool = False, say: Callable[[str], None] = print
) -> bool:
    """Build, check, and only then transfer; False (nothing transferred) when a check fails.

    The target is tried first (reachable, writable, host key and password accepted), so a
    mistake there shows before the build, not after it. Raises PublishError.
    """
    preflight(target)
    with temporary_build_folder() as site:
        if not build_and_check(site, extra, say):
            say(f"Nichts übertragen: {target.describe()} bleibt, wie es ist.")
            return False
        changes = publish(site, target, dry_run=dry_run)
    if dry_run:
        say(f"Probelauf – das würde sich auf {target.describe()} ändern ({len(changes)} Einträge):")
    say("\n".join(changes) if changes else "Keine Änderungen.")
    return True
