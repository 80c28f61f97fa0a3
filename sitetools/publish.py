"""Transfer a checked build to the web server: atomic releases, rollback, dry run.

Two modes, chosen by what the hoster allows (README, "Veröffentlichen"):

`releases` (default) – the web server's document root is the symlink `<target>/current`:

    <target>/releases/20261125-141500-123456/   one complete build each
    <target>/current -> releases/20261125-141500-123456

A publish uploads into a new release folder (`rsync --link-dest` against the
live release: unchanged files, compared by checksum, become hard links and are
not uploaded again), then switches `current` in one rename. Readers see either
the old or the new site, never a mix; an interrupted upload leaves an unused
folder behind and the old site in place. The previous releases stay for
`invoke rollback`.

`inplace` – for a document root that must be a plain folder: `rsync --checksum
--delay-updates --delete-after` puts new files in place only at the end of the
transfer (no rollback).

A target is a local folder or `user@host:/path/` reached over SSH.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

RELEASES = "releases"
CURRENT = "current"
MODES = ("releases", "inplace")
KEEP_RELEASES = 3  # the live one and two to roll back to
INCOMING_PREFIX = ".incoming-"
RELEASE_NAME = re.compile(r"^\d{8}-\d{6}-\d{6}$")
REMOTE = re.compile(r"^(?:(?P<user>[^@/:\s]+)@)?(?P<host>[^@/:\s]+):(?P<path>.+)$")
# Files that belong to the hoster, not to the site: never deleted in `inplace` mode.
PROTECTED = (".well-known/",)


class PublishError(RuntimeError):
    """The transfer failed; the message says what to do (in German)."""


@dataclass(frozen=True)
class Target:
    """Where the site goes: a local folder or an SSH destination, and how to reach it."""

    path: str
    host: str | None = None  # "user@host" for SSH, None for a local folder
    port: int | None = None
    identity: str | None = None  # SSH private key file
    mode: str = "releases"
    ssh_options: tuple[str, ...] = field(default_factory=tuple)  # e.g. ("-o", "StrictHostKeyChecking=no")

    @classmethod
    def parse(cls, destination: str, **options) -> Target:
        """`user@host:/srv/site/` → SSH target; anything else is a local folder."""
        match = REMOTE.match(destination)
        if match and not Path(destination).exists():
            user = match["user"]
            host = f"{user}@{match['host']}" if user else match["host"]
            return cls(path=match["path"], host=host, **options)
        return cls(path=str(Path(destination).expanduser().resolve()), **options)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise PublishError(f"Unbekannter Modus „{self.mode}“ – erlaubt: {', '.join(MODES)}.")

    @property
    def root(self) -> str:
        return self.path.rstrip("/") or "/"

    def describe(self) -> str:
        return f"{self.host}:{self.root}" if self.host else self.root

    def rsync_destination(self, relative: str = "") -> str:
        path = f"{self.root}/{relative}".rstrip("/") + "/"
        return f"{self.host}:{path}" if self.host else path

    def ssh_command(self) -> list[str]:
        command = ["ssh", "-o", "BatchMode=yes"]
        if self.port:
            command += ["-p", str(self.port)]
        if self.identity:
            command += ["-i", str(Path(self.identity).expanduser())]
        return command + list(self.ssh_options)


def run(command: list[str], *, capture: bool = True) -> str:
    result = subprocess.run(command, capture_output=capture, text=True)
    if result.returncode != 0:
        raise PublishError(
            f"Befehl fehlgeschlagen / command failed ({result.returncode}): {shlex.join(command)}\n"
            f"{result.stderr if capture else ''}".rstrip()
        )
    return result.stdout if capture else ""


def run_on_target(target: Target, script: str) -> str:
    """Run a small POSIX shell script in the target folder (locally or over SSH)."""
    if target.host:
        return run([*target.ssh_command(), target.host, f"cd {shlex.quote(target.root)} && {script}"])
    return run(["sh", "-c", f"cd {shlex.quote(target.root)} && {script}"])


def rsync_command(target: Target, *extra: str) -> list[str]:
    command = ["rsync", "--recursive", "--links", "--perms", "--chmod=D755,F644", "--checksum"]
    if target.host:
        command += ["-e", shlex.join(target.ssh_command())]
    return command + list(extra)


def new_release_name(now: dt.datetime | None = None) -> str:
    """A sortable, unique name: UTC date, time and microseconds."""
    return (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%d-%H%M%S-%f")


def target_state(target: Target) -> tuple[list[str], str | None]:
    """The release folders (oldest first) and the one `current` points to, if any."""
    output = run_on_target(
        target,
        f"mkdir -p {RELEASES} && ls -1 {RELEASES} && echo '--current--' && (readlink {CURRENT} || true)",
    )
    listing, _, current = output.partition("--current--\n")
    releases = sorted(name for name in listing.split() if RELEASE_NAME.match(name))
    current = current.strip()
    return releases, (Path(current).name if current else None)


def switch_current(target: Target, release: str) -> None:
    """Point `current` at `release` in one rename: readers never see a missing or half link."""
    temporary = f".{CURRENT}-{release}"
    link = f"{RELEASES}/{release}"
    run_on_target(
        target,
        f"test -d {shlex.quote(link)} && ln -sfn {shlex.quote(link)} {shlex.quote(temporary)} "
        f"&& mv -T {shlex.quote(temporary)} {CURRENT}",
    )


def prune_releases(target: Target, keep: int = KEEP_RELEASES) -> list[str]:
    """Delete old releases (never the live one); return the names deleted."""
    releases, current = target_state(target)
    survivors = set(releases[-keep:]) | {current}
    doomed = [name for name in releases if name not in survivors]
    if doomed:
        run_on_target(target, "rm -rf " + " ".join(shlex.quote(f"{RELEASES}/{name}") for name in doomed))
    return doomed


def publish_release(site: Path, target: Target, keep: int = KEEP_RELEASES) -> str:
    """Upload `site` as a new release, switch `current` to it, prune; return the release name."""
    ensure_target_folder(target)
    _, current = target_state(target)
    release = new_release_name()
    incoming = f"{INCOMING_PREFIX}{release}"
    # Leftovers of an interrupted upload are never served; start clean.
    run_on_target(target, f"rm -rf {RELEASES}/{INCOMING_PREFIX}*")
    options = ["--delete"]
    if current:
        # Relative to the receiving folder: unchanged files become hard links to the live release.
        options.append(f"--link-dest=../{current}")
    run(rsync_command(target, *options, f"{site}/", target.rsync_destination(f"{RELEASES}/{incoming}")))
    # Only a complete upload gets a release name (rollback never picks a half one).
    run_on_target(target, f"mv -T {RELEASES}/{incoming} {RELEASES}/{release}")
    switch_current(target, release)
    prune_releases(target, keep)
    return release


def publish_inplace(site: Path, target: Target) -> None:
    """Update a plain folder; new files appear together at the end of the transfer."""
    ensure_target_folder(target)
    protect = [f"--filter=P {path}" for path in PROTECTED]
    run(
        rsync_command(
            target, "--delete-after", "--delay-updates", *protect, f"{site}/", target.rsync_destination()
        )
    )


def ensure_target_folder(target: Target) -> None:
    if target.host:
        run([*target.ssh_command(), target.host, f"mkdir -p {shlex.quote(target.root)}"])
    else:
        Path(target.root).mkdir(parents=True, exist_ok=True)


def planned_changes(site: Path, target: Target) -> list[str]:
    """What a publish would change on the live site, as rsync lists it (nothing is written)."""
    live = CURRENT if target.mode == "releases" else ""
    if not target.host and not Path(target.root, live).exists():
        return [f"(neu) alles aus {site}"]
    protect = [f"--filter=P {path}" for path in PROTECTED] if target.mode == "inplace" else []
    output = run(
        rsync_command(
            target,
            "--dry-run",
            "--itemize-changes",
            "--delete",
            *protect,
            f"{site}/",
            target.rsync_destination(live),
        )
    )
    # rsync itemizes unchanged folders as ".d" lines; keep only real changes.
    return [line for line in output.splitlines() if line and not line.startswith(".d")]


@contextmanager
def connection(target: Target) -> Iterator[Target]:
    """One SSH connection for all steps of a publish (each new one costs about a second)."""
    if not target.host:
        yield target
        return
    with tempfile.TemporaryDirectory(prefix="bfb-ssh-") as folder:
        control = ("-o", "ControlMaster=auto", "-o", f"ControlPath={folder}/%C", "-o", "ControlPersist=60")
        shared = replace(target, ssh_options=(*target.ssh_options, *control))
        try:
            yield shared
        finally:
            subprocess.run([*shared.ssh_command(), "-O", "exit", shared.host], capture_output=True)


def publish(site: Path, target: Target, dry_run: bool = False) -> list[str]:
    """Transfer the checked build; return what changed (dry run) or a one-line summary."""
    require_tools(target)
    with connection(target) as target:
        if dry_run:
            return planned_changes(site, target)
        if target.mode == "inplace":
            publish_inplace(site, target)
            return [f"{target.describe()} aktualisiert"]
        release = publish_release(site, target)
    return [f"{target.describe()}/{CURRENT} → {RELEASES}/{release}"]


def rollback(target: Target) -> str:
    """Point `current` back at the release before it; return that release's name."""
    if target.mode != "releases":
        raise PublishError(
            "Zurückrollen geht nur im Modus „releases“ (ein einfacher Ordner hat keine Vorversion)."
        )
    require_tools(target)
    with connection(target) as target:
        return _rollback(target)


def _rollback(target: Target) -> str:
    releases, current = target_state(target)
    if current not in releases:
        raise PublishError(f"{target.describe()}: keine veröffentlichte Version gefunden.")
    position = releases.index(current)
    if position == 0:
        raise PublishError(f"{target.describe()}: es gibt keine ältere Version als {current}.")
    previous = releases[position - 1]
    switch_current(target, previous)
    return previous


def require_tools(target: Target) -> None:
    missing = [tool for tool in ("rsync", *(["ssh"] if target.host else [])) if not shutil.which(tool)]
    if missing:
        raise PublishError(
            f"Es fehlt: {', '.join(missing)} – installieren mit: sudo apt-get install {' '.join(missing)}"
        )


def target_from_config(
    destination: str | None, config: dict | None = None, environ: dict | None = None, **overrides
) -> Target:
    """The target from `--target`, else `PUBLISH_TARGET`, else invoke.yaml (`publish.target`)."""
    config = config or {}
    environ = os.environ if environ is None else environ
    destination = destination or environ.get("PUBLISH_TARGET") or config.get("target")
    if not destination:
        raise PublishError(
            "Kein Ziel angegeben. Entweder `invoke publish --target benutzer@server:/pfad/`, "
            "oder die Umgebungsvariable PUBLISH_TARGET, oder `publish: target:` in invoke.yaml "
            "(siehe README, „Veröffentlichen“)."
        )
    options = {
        "port": environ.get("PUBLISH_PORT") or config.get("port"),
        "identity": environ.get("PUBLISH_KEY") or config.get("key"),
        "mode": environ.get("PUBLISH_MODE") or config.get("mode") or "releases",
        "ssh_options": tuple(config.get("ssh_options") or ()),
    }
    options.update({key: value for key, value in overrides.items() if value})
    if options["port"]:
        options["port"] = int(options["port"])
    return Target.parse(destination, **options)
