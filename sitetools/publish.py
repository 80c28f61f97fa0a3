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

`inplace` – for a document root that must be a plain folder: new and changed files
are put in place (over SSH with rsync `--delay-updates`, all at the end of the
transfer; locally file by file, each renamed into place), and only files that an
earlier publish put there are deleted (the manifest of sitetools/transfer.py); the
hoster's files stay. No rollback.

A target is a local folder or `user@host:/path/` reached over SSH with rsync (both
modes), or – always updated like `inplace` – `sftp://`, `ftp://`/`ftps://`
(sitetools/transfer_sftp.py, transfer_ftp.py) or a git repository whose branch a
pages host serves (sitetools/transfer_git.py). Each kind is its own small configuration
class in `KINDS`, holding only its own settings and doing what differs between kinds
(reach, connect, publish, roll back) itself.

Rollback follows what was live: `<target>/history` lists the releases in the order
they went live; a rollback takes the last one off and switches to the one before. So
after publish B, rollback, publish C, a rollback brings back what was live before C.
"""

from __future__ import annotations

import datetime as dt
import errno
import getpass
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlsplit

from sitetools.transfer import (
    FILE,
    FOLDER,
    LINK,
    OTHER,
    Folder,
    Listing,
    LocalFolder,
    Plan,
    PublishError,
    parents_deepest_first,
    site_files,
    sync,
)
from sitetools.transfer_git import DEFAULT_BRANCH, is_bare_repository

__all__ = ["PublishError", "Target", "publish", "rollback", "target_from_config"]

RELEASES = "releases"
CURRENT = "current"
HISTORY = "history"  # the releases in the order they went live, one per line
KEEP_RELEASES = 3  # the live one and two to roll back to
INCOMING_PREFIX = ".incoming-"
RELEASE_NAME = re.compile(r"^\d{8}-\d{6}-\d{6}$")
REMOTE = re.compile(r"^(?:(?P<user>[^@/:\s]+)@)?(?P<host>[^@/:\s]+):(?P<path>.+)$")


def refuse_option_like(value: str) -> None:
    """A target, host or branch beginning with "-" would reach ssh, rsync or git as an option."""
    if value.strip().startswith("-"):
        raise PublishError(
            f"Das Ziel „{value}“ beginnt mit „-“: ssh, rsync und git läsen es als Option (und "
            "könnten einen Befehl auf diesem Rechner ausführen). Nichts übertragen.\nSo beheben: "
            "das Ziel vollständig angeben, z. B. benutzer@server:/pfad/ oder ./ordner für einen "
            "Ordner, der mit „-“ beginnt.",
            code="target-option-like",
        )


@dataclass(frozen=True, kw_only=True)
class Target:
    """Where the site goes and how to reach it: one small configuration per kind (`KINDS`).

    `Target.parse` reads an address (`--target`, PUBLISH_TARGET, invoke.yaml) and hands it
    with the options to the kind it names; each kind keeps only the options it uses and
    refuses what it cannot do, with its own message. What differs between kinds (how to
    reach, publish, describe, roll back) is a method of the kind, so no code asks which
    kind a target is.
    """

    kind_name: ClassVar[str]  # its key in KINDS
    tools: ClassVar[tuple[str, ...]] = ()  # programs needed on this machine
    # Plain web folders (inplace, SFTP, FTP, git): files of the site may replace files that
    # are not ours (each saved under `backup` on this machine first); else such a file stops.
    replace_existing: bool = False
    backup: Path | None = None

    @classmethod
    def parse(cls, destination: str, **options) -> Target:
        """`sftp://…`, `ftp(s)://…`, `repo.git[#branch]`, `user@host:/srv/site/` or a local folder."""
        options = {key: value for key, value in options.items() if value is not None}
        refuse_option_like(destination)
        scheme = destination.partition("://")[0].lower()
        by_scheme = {kind.scheme: kind for kind in KINDS.values() if issubclass(kind, UrlTarget)}
        if scheme in by_scheme:
            return by_scheme[scheme].from_url(destination, options)
        if GitTarget.names(destination):
            return GitTarget.from_address(destination, options)
        if "://" in destination:
            raise PublishError(
                f"Unbekannte Art von Ziel: „{destination}“. Möglich sind sftp://, ftps://, ftp://, "
                "benutzer@server:/pfad/, ein lokaler Ordner oder ein git-Repository (Adresse endet "
                "auf .git, anderer Zweig mit #zweig) – siehe README, „Welches Hosting haben Sie?“.",
                code="target-kind-unknown",
            )
        return FolderTarget.from_address(destination, options)

    @classmethod
    def build(cls, options: dict, **parsed) -> Target:
        """This kind from what the address said (`parsed`) and the options it uses."""
        names = {item.name for item in fields(cls)}
        return cls(**{key: value for key, value in options.items() if key in names}, **parsed)

    @property
    def needed_tools(self) -> tuple[str, ...]:
        return self.tools

    @property
    def warning(self) -> str | None:
        return None

    def describe(self) -> str:
        raise NotImplementedError

    def preflight(self) -> None:
        """Can the target be reached and written? Raise PublishError if not; write nothing."""
        raise NotImplementedError

    def connect(self, site: Path) -> AbstractContextManager[Folder]:
        """The web folder (sitetools/transfer.py, `Folder`), connected; closed at the end."""
        raise NotImplementedError

    def publish(self, site: Path, dry_run: bool) -> list[str]:
        """A plain web folder: the one sync logic (`transfer.sync`) through `connect`."""
        with self.connect(site) as folder:
            plan = sync(site_files(site), folder, dry_run, self.replace_existing, self.backup)
        return plan_report(plan, self, dry_run)

    def rollback(self) -> str:
        raise PublishError(
            "Zurückrollen geht nur im Modus „releases“ (Ziel benutzer@server:/pfad/ oder lokaler "
            "Ordner). Ein einfacher Ordner, SFTP, FTP oder git hat keine Vorversion auf dem Server.\n"
            "So geht es trotzdem: den gewünschten Stand aus git holen (`git checkout <commit>`), "
            "`invoke publish`, danach `git checkout main`.",
            code="rollback-needs-releases",
        )

    def with_password(self, environ: dict, prompt: Callable[[Target], str] | None) -> Target:
        """The target with the password it needs (only FTP(S) logs in with one)."""
        return self


def refuse_releases(kind: str, options: dict) -> None:
    """Only a folder reached with rsync (locally or over SSH) has releases to switch between."""
    if options.get("mode") == "releases":
        raise PublishError(
            "Der Modus „releases“ (Versionen mit Umschalten) braucht SSH mit Shell und rsync "
            f"(Ziel benutzer@server:/pfad/). Ein {kind}-Ziel wird immer Datei für Datei "
            "aktualisiert. So beheben: `mode` in invoke.yaml / PUBLISH_MODE / --mode weglassen.",
            code="target-mode-releases-needs-ssh",
        )


@dataclass(frozen=True, kw_only=True)
class FolderTarget(Target):
    """A local folder, or `user@host:/path/` reached over SSH, written with rsync."""

    path: str
    host: str | None = None  # "user@host" for SSH, None for a local folder
    port: int | None = None
    identity: str | None = None  # SSH private key file
    ssh_options: tuple[str, ...] = field(default_factory=tuple)  # e.g. ("-o", "StrictHostKeyChecking=no")
    tools: ClassVar[tuple[str, ...]] = ("rsync",)

    @classmethod
    def from_address(cls, destination: str, options: dict) -> FolderTarget:
        """The mode (releases, the default, or inplace) chooses the kind."""
        mode = options.get("mode") or "releases"
        folder_kinds = {name: kind for name, kind in KINDS.items() if issubclass(kind, FolderTarget)}
        if mode not in folder_kinds:
            raise PublishError(
                f"Unbekannter Modus „{mode}“ – erlaubt: {', '.join(folder_kinds)}.",
                code="target-mode-unknown",
            )
        match = REMOTE.match(destination)
        if match and not Path(destination).exists():
            refuse_option_like(match["host"])
            user = match["user"]
            host = f"{user}@{match['host']}" if user else match["host"]
            return folder_kinds[mode].build(options, path=match["path"], host=host)
        return folder_kinds[mode].build(options, path=str(Path(destination).expanduser().resolve()))

    @property
    def root(self) -> str:
        return self.path.rstrip("/") or "/"

    @property
    def needed_tools(self) -> tuple[str, ...]:
        return (*self.tools, "ssh") if self.host else self.tools

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

    def preflight(self) -> None:
        reach_folder(self)


@dataclass(frozen=True, kw_only=True)
class ReleasesTarget(FolderTarget):
    """Mode releases: each publish a complete release folder, `current` switched in one rename."""

    kind_name: ClassVar[str] = "releases"

    def publish(self, site: Path, dry_run: bool) -> list[str]:
        with connection(self) as shared:
            if dry_run:
                return planned_changes(site, shared)
            release = publish_release(site, shared)
        return [f"{self.describe()}/{CURRENT} → {RELEASES}/{release}"]

    def rollback(self) -> str:
        require_tools(self)
        with connection(self) as target:
            return rollback_release(target)


@dataclass(frozen=True, kw_only=True)
class InplaceTarget(FolderTarget):
    """Mode inplace: a plain folder, files put in place one by one (rsync over SSH, or locally)."""

    kind_name: ClassVar[str] = "inplace"

    @contextmanager
    def connect(self, site: Path) -> Iterator[Folder]:
        with connection(self) as shared:
            yield RsyncFolder(shared, site) if shared.host else LocalFolder(Path(shared.root))


@dataclass(frozen=True, kw_only=True)
class UrlTarget(Target):
    """`scheme://user@host[:port]/path`: a plain web folder reached over SFTP or FTP(S)."""

    scheme: ClassVar[str]
    host: str
    user: str
    path: str = "."
    port: int | None = None

    @classmethod
    def from_url(cls, destination: str, options: dict) -> UrlTarget:
        url = urlsplit(destination)
        example = f"{cls.scheme}://benutzer@server.example.org/pfad"
        try:
            port = url.port
        except ValueError:
            raise PublishError(
                f"Ungültiger Port in „{destination}“ (Beispiel: {example}).", code="target-port-invalid"
            ) from None
        if url.password is not None:
            raise PublishError(
                "Das Passwort gehört nicht ins Ziel (es stünde sonst in der Shell-Historie oder in "
                "invoke.yaml). So beheben: Ziel ohne „:passwort“ angeben und das Passwort in der "
                "Umgebungsvariable PUBLISH_PASSWORD übergeben oder bei der Abfrage eingeben.",
                code="target-password-in-address",
            )
        if not url.username or not url.hostname:
            raise PublishError(
                f"Im Ziel „{destination}“ fehlt Benutzer oder Server (Beispiel: {example}).",
                code="target-user-or-host-missing",
            )
        refuse_releases(cls.kind_name, options)
        options = {**options, "port": port or options.get("port")}
        return cls.build(
            options, path=unquote(url.path) or ".", host=url.hostname, user=unquote(url.username)
        )

    def describe(self) -> str:
        port = f":{self.port}" if self.port else ""
        path = "" if self.path == "." else self.path.lstrip("/")
        return f"{self.scheme}://{self.user}@{self.host}{port}/{path}"


@dataclass(frozen=True, kw_only=True)
class SftpTarget(UrlTarget):
    kind_name: ClassVar[str] = "sftp"
    scheme: ClassVar[str] = "sftp"
    identity: str | None = None  # SSH private key file
    known_hosts: str | None = None  # instead of ~/.ssh/known_hosts

    def preflight(self) -> None:
        from sitetools.transfer_sftp import open_sftp

        with open_sftp(self):
            return

    @contextmanager
    def connect(self, site: Path) -> Iterator[Folder]:
        import paramiko

        from sitetools.transfer_sftp import SftpFolder, open_sftp, sftp_error

        with open_sftp(self) as sftp:
            try:
                yield SftpFolder(sftp, self.path, self.describe())
            except (OSError, paramiko.SSHException) as error:
                raise sftp_error(self, error) from None


@dataclass(frozen=True, kw_only=True)
class FtpTarget(UrlTarget):
    """Plain FTP: everything, the password too, goes over the network unencrypted (`warning`)."""

    kind_name: ClassVar[str] = "ftp"
    scheme: ClassVar[str] = "ftp"
    tls: ClassVar[bool] = False
    password: str | None = field(default=None, repr=False)  # never from a file
    ca_file: str | None = None  # FTPS: a certificate to trust (self-signed)

    @property
    def warning(self) -> str | None:
        from sitetools.transfer_ftp import PLAIN_FTP_WARNING

        return PLAIN_FTP_WARNING

    def preflight(self) -> None:
        from sitetools.transfer_ftp import open_ftp

        with open_ftp(self):
            return

    @contextmanager
    def connect(self, site: Path) -> Iterator[Folder]:
        import ftplib

        from sitetools.transfer_ftp import FtpFolder, ftp_error, open_ftp

        with open_ftp(self) as ftp:
            try:
                yield FtpFolder(ftp, self.path, self.describe())
            except ftplib.all_errors as error:
                raise ftp_error(self, error) from None

    def with_password(self, environ: dict, prompt: Callable[[Target], str] | None) -> Target:
        """From PUBLISH_PASSWORD or `prompt` (asked on a terminal only), never from invoke.yaml."""
        if self.password is not None:
            return self
        password = environ.get("PUBLISH_PASSWORD")
        if password is None and prompt is None and sys.stdin.isatty():
            prompt = ask_password
        if password is None and prompt is None:
            raise PublishError(
                f"Für {self.describe()} fehlt das Passwort. So beheben: in einem Terminal "
                "starten (dann wird es abgefragt) oder die Umgebungsvariable PUBLISH_PASSWORD setzen.",
                code="password-missing",
            )
        return replace(self, password=password if password is not None else prompt(self))


@dataclass(frozen=True, kw_only=True)
class FtpsTarget(FtpTarget):
    """FTP over TLS: the server's certificate is checked (or `ca_file`, for a self-signed one)."""

    kind_name: ClassVar[str] = "ftps"
    scheme: ClassVar[str] = "ftps"
    tls: ClassVar[bool] = True

    @property
    def warning(self) -> str | None:
        return None


@dataclass(frozen=True, kw_only=True)
class GitTarget(Target):
    """A git repository whose branch a pages host serves: each publish one commit."""

    kind_name: ClassVar[str] = "git"
    tools: ClassVar[tuple[str, ...]] = ("git",)
    path: str  # the repository: a path or a URL
    branch: str = DEFAULT_BRANCH
    domain: str | None = None  # the custom domain the pages host serves

    @staticmethod
    def names(destination: str) -> bool:
        """`repo.git`, `…#branch`, or a local bare repository."""
        repository, hash_sign, _ = destination.partition("#")
        local = Path(repository).expanduser()
        return bool(
            hash_sign
            or repository.rstrip("/").endswith(".git")
            or (local.is_dir() and is_bare_repository(local))
        )

    @classmethod
    def from_address(cls, destination: str, options: dict) -> GitTarget:
        repository, _, branch = destination.partition("#")
        refuse_option_like(branch)
        refuse_releases(cls.kind_name, options)
        local = Path(repository).expanduser()
        repository = str(local.resolve()) if local.exists() else repository
        return cls.build(options, path=repository, branch=branch or DEFAULT_BRANCH)

    def describe(self) -> str:
        # An HTTPS URL may carry an access token: never print it.
        return re.sub(r"//([^/@:]+):[^/@]+@", r"//\1:***@", f"{self.path}#{self.branch}")

    def preflight(self) -> None:
        from sitetools.transfer_git import git

        git("ls-remote", "--heads", "--", self.path)

    def publish(self, site: Path, dry_run: bool) -> list[str]:
        from sitetools.transfer_git import publish_git

        return publish_git(site, self, dry_run)


# Every kind of target by name: the mode of a folder (releases, inplace) or the address's scheme.
KINDS: dict[str, type[Target]] = {
    kind.kind_name: kind
    for kind in (ReleasesTarget, InplaceTarget, SftpTarget, FtpTarget, FtpsTarget, GitTarget)
}


# What rsync and ssh say in English, its code, and what it means for a volunteer.
KNOWN_FAILURES = (
    ("No space left on device", "target-disk-full",
     "Auf dem Ziel ist kein Platz mehr frei (Datenträger voll).",
     "Platz schaffen (alte Dateien oder Versionen beim Hoster löschen, Speicher erweitern), "
     "dann noch einmal `invoke publish`. Die halb übertragenen Dateien wurden entfernt."),
    ("Permission denied (publickey", "ssh-key-refused",
     "Anmeldung per SSH fehlgeschlagen: der Server kennt diesen Schlüssel nicht.",
     "den richtigen Schlüssel mit `--key` oder PUBLISH_KEY angeben, oder den öffentlichen "
     "Schlüssel (.pub) beim Hoster hinterlegen."),
    ("Host key verification failed", "ssh-host-unknown",
     "Anmeldung per SSH fehlgeschlagen: der Server ist unbekannt.",
     "den Fingerabdruck des Servers prüfen und ihn einmal mit `ssh benutzer@server` bestätigen."),
    ("Permission denied", "target-permission-denied", "Keine Schreibrechte im Ziel.",
     "Rechte des Ordners beim Hoster prüfen, dann noch einmal `invoke publish`."),
    ("Read-only file system", "target-read-only", "Das Ziel ist schreibgeschützt.",
     "Ein beschreibbares Ziel angeben oder das Laufwerk mit Schreibrechten einhängen."),
    ("Connection refused", "connection-refused", "Der Server nimmt keine Verbindung an.",
     "Servername und Port prüfen; läuft der Server, ist die Internetverbindung da?"),
    ("Connection timed out", "connection-timed-out", "Der Server antwortet nicht.",
     "Servername und Port prüfen; ist die Internetverbindung da?"),
)  # fmt: skip


def run(command: list[str], *, capture: bool = True, input: str | None = None) -> str:
    result = subprocess.run(command, capture_output=capture, text=True, input=input)
    if result.returncode != 0:
        output = result.stderr if capture else ""
        for needle, code, what, fix in KNOWN_FAILURES:
            if needle in output:
                raise PublishError(
                    f"{what}\nSo beheben: {fix}\n(technical: {command[0]}: {output.strip()[-500:]})",
                    code=code,
                )
        raise PublishError(
            f"Befehl fehlgeschlagen / command failed ({result.returncode}): {shlex.join(command)}\n"
            f"{output}".rstrip(),
            code="command-failed",
        )
    return result.stdout if capture else ""


def run_on_target(target: FolderTarget, script: str, input: str | None = None) -> str:
    """Run a small POSIX shell script in the target folder (locally or over SSH)."""
    if target.host:
        command = [*target.ssh_command(), "--", target.host, f"cd {shlex.quote(target.root)} && {script}"]
        return run(command, input=input)
    return run(["sh", "-c", f"cd {shlex.quote(target.root)} && {script}"], input=input)


def run_on_target_if_present(target: FolderTarget, script: str) -> str:
    """Like run_on_target, but "" if the target folder does not exist yet."""
    quoted = shlex.quote(target.root)
    wrapped = f"if test -d {quoted}; then cd {quoted} && {script}; fi"
    if target.host:
        return run([*target.ssh_command(), "--", target.host, wrapped])
    return run(["sh", "-c", wrapped])


def rsync_command(target: FolderTarget, *extra: str) -> list[str]:
    command = ["rsync", "--recursive", "--links", "--perms", "--chmod=D755,F644", "--checksum"]
    if target.host:
        command += ["-e", shlex.join(target.ssh_command())]
    return command + list(extra)


def new_release_name(now: dt.datetime | None = None) -> str:
    """A sortable, unique name: UTC date, time and microseconds."""
    return (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%d-%H%M%S-%f")


def target_state(target: FolderTarget) -> tuple[list[str], str | None]:
    """The release folders (oldest first) and the one `current` points to, if any."""
    releases, current, _ = releases_and_history(target)
    return releases, current


def releases_and_history(target: FolderTarget) -> tuple[list[str], str | None, list[str]]:
    """The release folders, the live one, and the releases in the order they went live.

    Targets published before the history file existed: the releases up to the live one.
    """
    output = run_on_target(
        target,
        f"mkdir -p {RELEASES} && ls -1 {RELEASES} && echo '--current--' && (readlink {CURRENT} || true)"
        f" && echo '--history--' && (cat {HISTORY} 2>/dev/null || true)",
    )
    listing, _, rest = output.partition("--current--\n")
    current, _, history_text = rest.partition("--history--\n")
    releases = sorted(name for name in listing.split() if RELEASE_NAME.match(name))
    current = Path(current.strip()).name if current.strip() else None
    history = [name for name in history_text.split() if name in releases]
    if not history and current in releases:
        history = releases[: releases.index(current) + 1]
    return releases, current, history


def switch_current(target: FolderTarget, release: str, history: list[str]) -> None:
    """Point `current` at `release` in one rename and record the history of what was live."""
    temporary = f".{CURRENT}-{release}"
    link = f"{RELEASES}/{release}"
    lines = " ".join(shlex.quote(name) for name in history)
    run_on_target(
        target,
        f"test -d {shlex.quote(link)} && ln -sfn {shlex.quote(link)} {shlex.quote(temporary)} "
        f"&& mv -T {shlex.quote(temporary)} {CURRENT} "
        f"&& printf '%s\\n' {lines} > .{HISTORY}-new && mv -f .{HISTORY}-new {HISTORY}",
    )


def prune_releases(target: FolderTarget, keep: int = KEEP_RELEASES) -> list[str]:
    """Delete old releases (never the live one nor the recent history); return the names deleted."""
    releases, current, history = releases_and_history(target)
    survivors = set(releases[-keep:]) | set(history[-keep:]) | {current}
    doomed = [name for name in releases if name not in survivors]
    if doomed:
        run_on_target(target, "rm -rf " + " ".join(shlex.quote(f"{RELEASES}/{name}") for name in doomed))
    return doomed


def publish_release(site: Path, target: FolderTarget, keep: int = KEEP_RELEASES) -> str:
    """Upload `site` as a new release, switch `current` to it, prune; return the release name."""
    ensure_target_folder(target)
    _, current, history = releases_and_history(target)
    release = new_release_name()
    incoming = f"{INCOMING_PREFIX}{release}"
    # Leftovers of an interrupted upload are never served; start clean.
    run_on_target(target, f"rm -rf {RELEASES}/{INCOMING_PREFIX}*")
    options = ["--delete"]
    if current:
        # Relative to the receiving folder: unchanged files become hard links to the live release.
        options.append(f"--link-dest=../{current}")
    try:
        run(rsync_command(target, *options, f"{site}/", target.rsync_destination(f"{RELEASES}/{incoming}")))
    except PublishError:
        # A partial upload (disk full, connection lost) must not keep the disk full.
        with suppress(PublishError):
            run_on_target(target, f"rm -rf {shlex.quote(f'{RELEASES}/{incoming}')}")
        raise
    # Only a complete upload gets a release name (rollback never picks a half one).
    run_on_target(target, f"mv -T {RELEASES}/{incoming} {RELEASES}/{release}")
    switch_current(target, release, [*history, release])
    prune_releases(target, keep)
    return release


class RsyncFolder:
    """`user@host:/path/` in mode inplace: rsync uploads, the server's shell deletes."""

    def __init__(self, target: FolderTarget, site: Path):
        self.target = target
        self.site = site

    def describe(self) -> str:
        return self.target.describe()

    def read(self, name: str) -> bytes | None:
        path = shlex.quote(f"{self.target.root}/{name}")
        script = f"if test -f {path}; then echo present; cat {path}; fi"
        output = run([*self.target.ssh_command(), "--", self.target.host, script])
        return output.removeprefix("present\n").encode("utf-8") if output else None

    def prepare(self) -> None:
        ensure_target_folder(self.target)

    def write(self, name: str, data: bytes) -> None:
        temporary = shlex.quote(f".{name}.new")
        script = f"cat > {temporary} && mv -f {temporary} {shlex.quote(name)}"
        run_on_target(self.target, script, data.decode())

    def upload(self, files: dict[str, Path], order: list[str]) -> None:
        # --delay-updates: every file goes in under a temporary name, all are renamed at the end.
        command = rsync_command(self.target, "--delay-updates", "--from0", "--files-from=-")
        try:
            run([*command, f"{self.site}/", self.target.rsync_destination()], input="\0".join(order))
        except PublishError:
            # --delay-updates keeps the files it received in `.~tmp~` folders: remove them.
            with suppress(PublishError):
                run_on_target(self.target, "find . -type d -name '.~tmp~' -prune -exec rm -rf -- {} +")
            raise

    def list(self) -> Listing:
        """Every entry below the folder (GNU find on the server; links are reported, not followed)."""
        output = run_on_target_if_present(self.target, "find . -mindepth 1 -printf '%y %P\\0'")
        kinds = {"f": FILE, "d": FOLDER, "l": LINK}
        entries = (item.split(" ", 1) for item in output.split("\0") if " " in item)
        return {path: kinds.get(kind, OTHER) for kind, path in entries}

    def checksums(self, paths: list[str]) -> dict[str, str]:
        output = run_on_target(self.target, "xargs -0 -r sha256sum -z --", "\0".join(paths))
        found = {}
        for line in output.split("\0"):
            checksum, _, path = line.partition("  ")
            if path:
                found[path] = checksum
        return found

    def delete(self, paths: Iterable[str]) -> None:
        paths = list(paths)
        if paths:
            run_on_target(self.target, "xargs -0 -r rm -f --", "\0".join(paths))
            folders = "\0".join(parents_deepest_first(paths))
            run_on_target(self.target, "xargs -0 -r rmdir --ignore-fail-on-non-empty --", folders)


def ensure_target_folder(target: FolderTarget) -> None:
    if target.host:
        run([*target.ssh_command(), "--", target.host, f"mkdir -p {shlex.quote(target.root)}"])
    else:
        Path(target.root).mkdir(parents=True, exist_ok=True)


# rsync --itemize-changes: "<f+++++++++ path" new file, "<fcs…" changed, "*deleting path".
ITEMIZED = re.compile(r"^(?P<code>\S{11}|\*deleting) +(?P<path>.+)$")


def planned_changes(site: Path, target: FolderTarget) -> list[str]:
    """What a publish in mode releases would change on the live site (nothing is written)."""
    if not target.host and not Path(target.root, CURRENT).exists():
        return [f"neu:       {path}" for path in site_files(site)]
    live = target.rsync_destination(CURRENT)
    output = run(rsync_command(target, "--dry-run", "--itemize-changes", "--delete", f"{site}/", live))
    changes = []
    for line in output.splitlines():
        match = ITEMIZED.match(line)
        if not match or match["path"].endswith("/"):
            continue  # folders come and go with their files
        code = match["code"]
        if code == "*deleting":
            changes.append(f"löschen:   {match['path']}")
        elif code[1] == "f":
            changes.append(("neu:       " if code[2] == "+" else "ersetzen:  ") + match["path"])
    return changes


@contextmanager
def connection(target: FolderTarget) -> Iterator[FolderTarget]:
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


def plan_report(plan: Plan, target: Target, dry_run: bool) -> list[str]:
    return plan.lines() if dry_run else [f"{target.describe()}: {plan.summary()}"]


# Where `--replace-existing` keeps the files of others it replaced, one folder per publish.
BACKUPS = Path(__file__).resolve().parent.parent / "publish-backups"


def publish(site: Path, target: Target, dry_run: bool = False) -> list[str]:
    """Transfer the checked build; return what changed (dry run) or a summary."""
    if target.replace_existing and target.backup is None:
        target = replace(target, backup=BACKUPS / new_release_name())
    try:
        return _publish(site, target, dry_run)
    except OSError as error:
        raise local_error(target, error) from None


def _publish(site: Path, target: Target, dry_run: bool) -> list[str]:
    require_tools(target)
    return target.publish(site, dry_run)


# --- the kinds of target ------------------------------------------------------------------------
#
# Each kind is one small configuration class above (`KINDS`). A plain web folder is reached
# through one small interface (sitetools/transfer.py, `Folder`): `connect` (a context manager
# that also closes), `list`, `put` (under a temporary name), `rename` (into place), `delete`.
# The sync logic (`transfer.sync`) exists once for all of them (`Target.publish`). Releases
# (an atomic switch of `current`) and git (a commit) use a folder too but add their own step,
# so they publish themselves.


def reach_folder(target: FolderTarget) -> None:
    """A local folder must exist or be creatable; over SSH, log in once."""
    if target.host:
        ssh_preflight(target)
        return
    existing = Path(target.root)
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise local_error(target, NotADirectoryError(errno.ENOTDIR, "kein Ordner", str(existing)))
    if not os.access(existing, os.W_OK | os.X_OK):
        code = errno.EROFS if is_read_only(existing) else errno.EACCES
        raise local_error(target, OSError(code, os.strerror(code), str(existing)))


def preflight(target: Target) -> None:
    """Before building: can the target be reached and written? Raise PublishError if not.

    A local folder that does not exist yet must be creatable (not on a read-only file
    system); SSH, SFTP and FTP(S) log in once (host key, password); git checks the repository.
    Nothing is written.
    """
    require_tools(target)
    target.preflight()


def ssh_preflight(target: FolderTarget) -> None:
    """Log in once over SSH: an unknown host key or a refused key is explained in German."""
    from sitetools.transfer_sftp import KNOWN_HOSTS, how_to_trust, key_refused

    result = subprocess.run(
        [*target.ssh_command(), "--", target.host, "true"], capture_output=True, text=True
    )
    if result.returncode == 0:
        return
    user, _, host = target.host.rpartition("@")
    port = target.port or 22
    if "Host key verification failed" in result.stderr:
        port_option = f"-p {port} " if port != 22 else ""
        raise PublishError(
            f"Der Server {host} ist diesem Rechner unbekannt oder meldet sich mit einem anderen "
            f"Schlüssel als in {KNOWN_HOSTS} gespeichert. Aus Sicherheitsgründen wird nichts "
            f"übertragen.\nFingerabdruck anzeigen: ssh-keyscan {port_option}{host} | ssh-keygen -lf -\n"
            + how_to_trust(host, port),
            code="ssh-host-unknown",
        )
    if "Permission denied" in result.stderr:
        raise key_refused(f"{host}:{port}", user or "(Ihr Benutzername)")
    raise PublishError(
        f"Keine SSH-Verbindung zu {target.host}: {result.stderr.strip()}\n"
        "So beheben: Servername und Port prüfen; ist die Internetverbindung da?",
        code="ssh-connect-failed",
    )


def is_read_only(folder: Path) -> bool:
    return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)


LOCAL_REASONS = {
    errno.EROFS: "das Dateisystem ist schreibgeschützt (read-only)",
    errno.EACCES: "keine Schreibrechte",
    errno.EPERM: "keine Schreibrechte",
    errno.ENOSPC: "der Datenträger ist voll",
    errno.ENOTDIR: "ein Teil des Pfads ist eine Datei, kein Ordner",
}


def local_error(target: Target, error: OSError) -> PublishError:
    reason = LOCAL_REASONS.get(error.errno, error.strerror or str(error))
    return PublishError(
        f"Das Ziel {target.describe()} kann nicht beschrieben werden: {reason} ({error.filename}).\n"
        "So beheben: ein anderes Ziel angeben (--target, PUBLISH_TARGET, invoke.yaml) oder den "
        "Ordner beschreibbar machen (z. B. das Laufwerk mit Schreibrechten einhängen).",
        code="target-not-writable",
    )


def rollback(target: Target) -> str:
    """Switch `current` back to the release that was live before it; return that release's name."""
    return target.rollback()


def rollback_release(target: ReleasesTarget) -> str:
    releases, current, history = releases_and_history(target)
    if current not in releases:
        raise PublishError(
            f"{target.describe()}: keine veröffentlichte Version gefunden.", code="rollback-no-release"
        )
    if len(history) < 2:
        raise PublishError(
            f"{target.describe()}: es gibt keine ältere Version als {current}.",
            code="rollback-no-older-release",
        )
    previous = history[-2]
    switch_current(target, previous, history[:-1])
    return previous


def require_tools(target: Target) -> None:
    missing = [tool for tool in target.needed_tools if not shutil.which(tool)]
    if missing:
        raise PublishError(
            f"Es fehlt: {', '.join(missing)} – installieren mit: sudo apt-get install {' '.join(missing)}",
            code="tool-missing",
        )


def ask_password(target: Target) -> str:
    try:
        return getpass.getpass(f"Passwort für {target.describe()}: ")
    except (KeyboardInterrupt, EOFError):
        raise PublishError("Abgebrochen – nichts übertragen.", code="password-prompt-aborted") from None


def target_from_config(
    destination: str | None,
    config: dict | None = None,
    environ: dict | None = None,
    prompt: Callable[[Target], str] | None = None,
    **overrides,
) -> Target:
    """The target from `--target`, else `PUBLISH_TARGET`, else invoke.yaml (`publish.target`).

    FTP(S) passwords come from PUBLISH_PASSWORD or `prompt` (asked on a terminal only),
    never from invoke.yaml (`FtpTarget.with_password`).
    """
    config = config or {}
    environ = os.environ if environ is None else environ
    destination = destination or environ.get("PUBLISH_TARGET") or config.get("target")
    if not destination:
        raise PublishError(
            "Kein Ziel angegeben. Entweder `invoke publish --target benutzer@server:/pfad/`, "
            "oder die Umgebungsvariable PUBLISH_TARGET, oder `publish: target:` in invoke.yaml "
            "(siehe README, „Veröffentlichen“).",
            code="target-missing",
        )
    if "password" in config:
        raise PublishError(
            "In invoke.yaml steht ein Passwort (publish: password:). Passwörter gehören nicht in "
            "Dateien. So beheben: die Zeile löschen und das Passwort in PUBLISH_PASSWORD übergeben "
            "oder bei der Abfrage eingeben.",
            code="password-in-settings-file",
        )
    options = {
        "port": environ.get("PUBLISH_PORT") or config.get("port"),
        "identity": environ.get("PUBLISH_KEY") or config.get("key"),
        "mode": environ.get("PUBLISH_MODE") or config.get("mode"),
        "ssh_options": tuple(config.get("ssh_options") or ()),
        "domain": environ.get("PUBLISH_DOMAIN") or config.get("domain"),
        "ca_file": environ.get("PUBLISH_CA_FILE") or config.get("ca_file"),
        "known_hosts": config.get("known_hosts"),
    }
    options.update({key: value for key, value in overrides.items() if value})
    if options["port"]:
        options["port"] = int(options["port"])
    return Target.parse(destination, **options).with_password(environ, prompt)
