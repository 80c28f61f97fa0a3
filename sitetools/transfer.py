"""Update a plain web folder file by file, keeping a manifest of what the site put there.

Used wherever the web folder cannot switch atomically between releases: `--mode
inplace` (a local folder or `user@host:/path` with rsync), SFTP, FTP(S) and the
work tree of a git "pages" branch. Every such target gets the same treatment:

- The manifest `.bfb-manifest.json` in the target folder lists every file an earlier
  publish put there, with its SHA-256. Web servers never serve hidden files
  (deploy/ blocks them).
- New and changed files are uploaded (compared with the manifest, so unchanged
  files are not sent again); files the manifest lists and the site no longer has
  are deleted. Nothing the manifest does not list is ever touched: the hoster's
  `stats/`, `cgi-bin/`, `.htpasswd`, `.well-known/` and anything else stay.
- Order: assets (CSS, images, search fragments) first, then pages, feeds and the
  search entry that point at them, then the server configuration (redirects point at
  pages), deletions last. Readers never get a page whose stylesheet is missing. (Only
  an old file standing where a new folder must go, or the reverse, is deleted first.)
- The manifest is not trusted: an entry the build could not have written (a hidden file
  other than our own, a hoster path such as `stats/` or `cgi-bin/`, a folder) stops the
  publish. Each publish lists the files really in the target (`Folder.list`) and compares
  their checksums: a file of ours that is missing or was changed on the server is put back.
- A file of the site that would replace a file the manifest does not list (the hoster's
  `index.html`, `.htaccess`, `robots.txt`, typically on the first publish) stops the publish
  with the list, unless `--replace-existing`; then each such file is first saved locally
  (`backup`).
- Nothing is written or deleted through a symbolic link in the target: a link on the way to
  any file the publish touches stops it.
- Uploads that a broken connection left under their temporary name are removed.
- Before the first upload the manifest is rewritten to also list every file about
  to be uploaded, marked "state unknown". An interrupted transfer thus leaves the
  old pages working (nothing was deleted yet), and the next publish uploads every
  marked file again and may delete the ones the site no longer has.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Protocol

MANIFEST = ".bfb-manifest.json"
MANIFEST_FORMAT = "bfb-manifest/1"
UPLOAD_SUFFIX = ".bfb-upload"  # temporary name while a file is on its way
# Files that other files point at: uploaded after everything they might reference.
PAGE_SUFFIXES = (".html", ".xml")
SEARCH_ENTRY = "pagefind/pagefind-entry.json"
SERVER_CONFIG = (".htaccess", ".server/")
COMPRESSED = (".gz", ".br")

Manifest = dict[str, str | None]  # relative path → SHA-256 (None: upload was interrupted)
# What a folder really holds below its root: relative path → FILE, FOLDER, LINK or OTHER.
FILE, FOLDER, LINK, OTHER = "file", "folder", "link", "other"
Listing = dict[str, str]
# Hidden names the build (or a pages host) writes itself; every other hidden name is not ours.
OUR_HIDDEN = (".htaccess", ".server", ".nojekyll", ".domains")
# Folders and files the hoster answers itself: never part of the site.
HOSTER_PATHS = frozenset(
    {"cgi-bin", "stats", "webstats", "awstats", "usage", "logs", "webmail", "phpmyadmin", "plesk-stat",
     "mailman", "error_docs", "server-status", "server-info"}
)  # fmt: skip


class PublishError(RuntimeError):
    """The transfer failed or was refused; the message says what to do (in German).

    `code` says what kind of failure it is ("target-symlink", "ssh-key-refused" …): stable,
    for code and tests to decide on, so the German wording can change (like `Problem.code`).
    """

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.code = code

    def report(self) -> str:
        """The message as `invoke publish` prints it, the code below it (as a Problem shows its detail)."""
        return f"{self}\n(technical: {self.code})"


def file_checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def site_files(site: Path) -> dict[str, Path]:
    """Every file of a built site by its relative path (symlinks are not part of a build)."""
    return {
        path.relative_to(site).as_posix(): path
        for path in sorted(site.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def upload_rank(relative: str) -> int:
    """0 for assets, 1 for what points at them (pages, feeds, search entry), 2 for server config."""
    plain = relative
    for suffix in COMPRESSED:
        plain = plain.removesuffix(suffix)
    if plain.startswith(SERVER_CONFIG):
        return 2
    if plain.endswith(PAGE_SUFFIXES) or plain == SEARCH_ENTRY:
        return 1
    return 0


@dataclass(frozen=True)
class Plan:
    """What one publish changes in a plain web folder."""

    new: tuple[str, ...]
    replaced: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int
    restored: tuple[str, ...] = ()  # ours, but missing or changed on the server: put back
    foreign: tuple[str, ...] = ()  # not ours (not in the manifest) and in the way of a site file
    leftovers: tuple[str, ...] = ()  # uploads a broken connection left under their temporary name

    @property
    def uploads(self) -> list[str]:
        """New and changed files in upload order: assets, then pages, then server config."""
        paths = (*self.new, *self.replaced, *self.restored, *self.foreign)
        return sorted(paths, key=lambda path: (upload_rank(path), path))

    def lines(self) -> list[str]:
        return [
            *(f"neu:       {path}" for path in self.new),
            *(f"ersetzen:  {path}" for path in self.replaced),
            *(f"wiederherstellen: {path}" for path in self.restored),
            *(f"fremd, ersetzen nur mit --replace-existing: {path}" for path in self.foreign),
            *(f"löschen:   {path}" for path in self.deleted),
        ]

    def summary(self) -> str:
        restored = f", {len(self.restored)} wiederhergestellt" if self.restored else ""
        foreign = f", {len(self.foreign)} fremde ersetzt (Sicherung angelegt)" if self.foreign else ""
        return (
            f"{len(self.new)} neu, {len(self.replaced)} ersetzt{restored}{foreign}, "
            f"{len(self.deleted)} gelöscht, {self.unchanged} unverändert"
        )


def make_plan(published: Manifest, wanted: dict[str, str], real: Listing | None = None, folder=None) -> Plan:
    """Compare the site with the manifest and, where the folder can list itself, with its real files."""
    if real is None:  # a kind of folder that cannot list: trust the manifest
        new = tuple(path for path in wanted if path not in published)
        replaced = tuple(path for path in wanted if path in published and published[path] != wanted[path])
        deleted = tuple(sorted(path for path in published if path not in wanted))
        return Plan(new, replaced, deleted, len(wanted) - len(new) - len(replaced))
    present = {path for path, kind in real.items() if kind == FILE}
    ours_present = [path for path in wanted if path in published and path in present]
    actual = folder.checksums(ours_present) if ours_present else {}
    new, replaced, restored, foreign = [], [], [], []
    for path, checksum in wanted.items():
        if path not in published:
            (foreign if path in present else new).append(path)
        elif path not in present:
            restored.append(path)  # ours, but gone from the server
        elif actual.get(path) != checksum:
            # Defaced on the server (the manifest says it is the wanted file), or simply changed.
            (restored if published[path] == checksum else replaced).append(path)
    deleted = tuple(sorted(path for path in published if path not in wanted and path in present))
    leftovers = tuple(sorted(path for path in real if is_leftover_upload(path) and real[path] == FILE))
    changed = len(new) + len(replaced) + len(restored) + len(foreign)
    return Plan(
        tuple(new),
        tuple(replaced),
        deleted,
        len(wanted) - changed,
        tuple(restored),
        tuple(foreign),
        leftovers,
    )


def safe_relative(path: str, where: str) -> str:
    """A manifest entry must name a file inside the target folder, nothing else."""
    pure = PurePosixPath(path)
    if not path or pure.is_absolute() or ".." in pure.parts or "\\" in path or str(pure) != path:
        raise PublishError(
            f"{where}: der Eintrag „{path}“ zeigt nicht auf eine Datei im Zielordner.\n"
            f"So beheben: die Datei {MANIFEST} auf dem Server löschen; die nächste "
            "Veröffentlichung lädt dann alles neu hoch (und löscht nichts).",
            code="manifest-entry-outside",
        )
    return path


def parse_manifest(data: bytes | None, where: str) -> Manifest:
    if data is None:
        return {}
    try:
        document = json.loads(data.decode("utf-8"))
        files = document["files"] if document.get("format") == MANIFEST_FORMAT else None
    except (UnicodeDecodeError, ValueError, AttributeError, KeyError, TypeError):
        files = None
    if not isinstance(files, dict) or not all(isinstance(v, str | None) for v in files.values()):
        raise PublishError(
            f"{where}: die Liste der veröffentlichten Dateien ({MANIFEST}) ist beschädigt.\n"
            f"So beheben: die Datei {MANIFEST} auf dem Server löschen; die nächste "
            "Veröffentlichung lädt dann alles neu hoch (und löscht nichts).",
            code="manifest-damaged",
        )
    return {safe_relative(path, where): checksum for path, checksum in files.items()}


def manifest_bytes(files: Manifest) -> bytes:
    document = {"format": MANIFEST_FORMAT, "files": dict(sorted(files.items()))}
    return (json.dumps(document, indent=0, ensure_ascii=False) + "\n").encode("utf-8")


class Folder(Protocol):
    """A web folder reached somehow (local, rsync, SFTP, FTP): the few operations a sync needs."""

    def describe(self) -> str: ...

    def read(self, name: str) -> bytes | None:
        """The bytes of a file in the folder, None if the file (or the folder) does not exist."""

    def prepare(self) -> None:
        """Create the folder if needed (never in a dry run)."""

    def write(self, name: str, data: bytes) -> None:
        """Write a small file in one step (temporary name, then rename)."""

    def upload(self, files: dict[str, Path], order: list[str]) -> None:
        """Upload these site files in this order, each under a temporary name, then renamed."""

    def delete(self, paths: Iterable[str]) -> None:
        """Delete these files and the folders that become empty through it."""

    def list(self) -> Listing | None:
        """Every entry really below the folder (links not followed); None if the kind cannot list."""

    def checksums(self, paths: list[str]) -> dict[str, str]:
        """The SHA-256 of these files as they really are on the target."""


def sync(
    files: dict[str, Path],
    folder: Folder,
    dry_run: bool = False,
    replace_existing: bool = False,
    backup: Path | None = None,
) -> Plan:
    """Bring `folder` to `files` (relative path → local file); return what changed.

    `replace_existing`: files of the site may replace files that are not ours (each saved
    into the local folder `backup` first). Without it such a file stops the publish.
    """
    published = parse_manifest(folder.read(MANIFEST), folder.describe())
    real = folder.list() if hasattr(folder, "list") else None
    refuse_foreign_entries(published, real, folder.describe())
    wanted = {path: file_checksum(source) for path, source in files.items()}
    plan = make_plan(published, wanted, real, folder)
    if real is not None:
        refuse_links(real, [*plan.uploads, *plan.deleted, *plan.leftovers, MANIFEST], folder.describe())
    if dry_run:
        return plan
    if plan.foreign and not replace_existing:
        raise PublishError(foreign_message(plan.foreign, folder.describe()), code="target-file-not-ours")
    if not plan.uploads and not plan.deleted and not plan.leftovers and published == wanted:
        return plan
    folder.prepare()
    if plan.foreign:
        save_backup(folder, plan.foreign, backup)
    in_the_way = blocking_deletions(plan)
    folder.delete(plan.leftovers)
    if plan.uploads:
        folder.write(MANIFEST, manifest_bytes({**published, **dict.fromkeys(plan.uploads)}))
        folder.delete(in_the_way)
        folder.upload(files, plan.uploads)
    folder.delete(path for path in plan.deleted if path not in in_the_way)
    folder.write(MANIFEST, manifest_bytes(wanted))
    return plan


def is_leftover_upload(path: str) -> bool:
    name = PurePosixPath(path).name
    return name.startswith(".") and name.endswith(UPLOAD_SUFFIX)


def could_be_ours(path: str) -> bool:
    """Whether a build (or a pages host's marker files) could have written this path."""
    parts = PurePosixPath(path).parts
    if not parts or parts[0].lower() in HOSTER_PATHS or path == MANIFEST:
        return False
    hidden = [part for part in parts if part.startswith(".")]
    return not hidden or (hidden == [parts[0]] and parts[0] in OUR_HIDDEN)


def refuse_foreign_entries(published: Manifest, real: Listing | None, where: str) -> None:
    """A manifest entry the build could not have written was put there by someone else: stop."""
    wrong = sorted(
        path for path in published if not could_be_ours(path) or (real and real.get(path) not in (None, FILE))
    )
    if wrong:
        raise PublishError(
            f"{where}: die Liste der veröffentlichten Dateien ({MANIFEST}) nennt "
            f"{len(wrong)} Einträge, die nie von der Website stammen: {', '.join(wrong[:8])}.\n"
            f"Jemand hat die Liste verändert; gelöscht oder ersetzt wird nichts. So beheben: "
            f"die Datei {MANIFEST} auf dem Server löschen; die nächste Veröffentlichung lädt "
            "dann alles neu hoch (und löscht nichts).",
            code="manifest-entry-not-ours",
        )


def refuse_links(real: Listing, touched: Iterable[str], where: str) -> None:
    """Stop if a symbolic link stands on the way to any file this publish writes or deletes."""
    links = sorted(
        {
            candidate
            for path in touched
            for candidate in (path, *(str(parent) for parent in PurePosixPath(path).parents))
            if real.get(candidate) == LINK
        }
    )
    if links:
        raise PublishError(
            f"{where}: im Ziel ist „{links[0]}“ eine Verknüpfung (symbolischer Link). Durch eine "
            "Verknüpfung schreibt und löscht die Veröffentlichung nie: sie könnte aus dem "
            "Webordner hinausführen. Nichts übertragen.\nSo beheben: die Verknüpfung auf dem "
            "Server entfernen (oder durch einen echten Ordner ersetzen), dann noch einmal veröffentlichen.",
            code="target-symlink",
        )


def foreign_message(paths: Iterable[str], where: str) -> str:
    paths = sorted(paths)
    listed = "\n".join(f"    {path}" for path in paths[:20])
    more = f"\n    … und {len(paths) - 20} weitere" if len(paths) > 20 else ""
    return (
        f"{where}: diese Dateien liegen schon auf dem Server, stammen aber nicht von einer "
        f"früheren Veröffentlichung – die Website würde sie ersetzen:\n{listed}{more}\n"
        "Nichts übertragen. So beheben: prüfen, ob sie weg dürfen (z. B. die Startseite oder "
        "die .htaccess des Hosters mit seiner HTTPS-Weiterleitung). Wenn ja: "
        "`invoke publish --replace-existing` – jede ersetzte Datei wird vorher in "
        "publish-backups/ auf diesem Rechner gesichert."
    )


def save_backup(folder: Folder, paths: Iterable[str], backup: Path | None) -> None:
    """Copy each foreign file that is about to be replaced into the local folder `backup`."""
    if backup is None:
        raise PublishError(
            "Kein Ordner für die Sicherung der ersetzten Dateien angegeben.", code="backup-folder-missing"
        )
    for path in paths:
        data = folder.read(path)
        if data is None:
            continue
        copy = backup / path
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(data)


def blocking_deletions(plan: Plan) -> set[str]:
    """Old files that stand where a new file needs a folder, or inside a folder that becomes
    a file: these go first (the one page concerned is briefly missing; nothing else is)."""
    uploads = set(plan.uploads)
    folders_needed = {str(parent) for path in uploads for parent in PurePosixPath(path).parents}
    return {
        path
        for path in plan.deleted
        if path in folders_needed or any(str(parent) in uploads for parent in PurePosixPath(path).parents)
    }


def parents_deepest_first(paths: Iterable[str]) -> list[str]:
    """The folders holding `paths` (and their parents), deepest first, never the root itself."""
    folders = {str(parent) for path in paths for parent in PurePosixPath(path).parents if str(parent) != "."}
    return sorted(folders, key=lambda folder: (-folder.count("/"), folder))


def temporary_name(relative: str) -> str:
    """A hidden name beside the final file, so the rename stays within one folder."""
    path = PurePosixPath(relative)
    return str(path.with_name(f".{path.name}{UPLOAD_SUFFIX}"))


class FolderBase:
    """What SFTP, FTP and local folders share: paths below the root, folders created once,
    every upload under a temporary name and then renamed into place.

    A kind of target supplies the small interface below, each operation on a full path:
    `read`, `list` (or None), `make_folder`, `put`, `rename`, `delete_file`,
    `delete_empty_folder`. Connecting and closing is the kind's context manager
    (sitetools/publish.py, `KINDS`); everything else – what to upload, replace, restore or
    delete, and in which order – is `sync`, once for all kinds.
    """

    def __init__(self, root: str, label: str | None = None):
        self.root = root
        self.label = label or root
        self.known_folders: set[str] = set()

    def describe(self) -> str:
        return self.label

    def path(self, relative: str) -> str:
        return f"{self.root.rstrip('/')}/{relative}"

    def ensure_folder(self, path: str) -> None:
        """Create a folder and its missing parents (like `mkdir -p`), each once per publish."""
        if path in self.known_folders or path in ("/", ".", ""):
            return
        self.ensure_folder(str(PurePosixPath(path).parent))
        self.make_folder(path)
        self.known_folders.add(path)

    def prepare(self) -> None:
        self.ensure_folder(self.root)

    def place(self, relative: str, source: BinaryIO) -> None:
        """Put one file under a temporary name, then rename it into place."""
        final = self.path(relative)
        self.ensure_folder(str(PurePosixPath(final).parent))
        temporary = self.path(temporary_name(relative))
        try:
            self.put(temporary, source)
            self.rename(temporary, final)
        except BaseException:
            with suppress(Exception):  # a broken connection: the next publish removes it
                self.delete_file(temporary)
            raise

    def list(self) -> Listing | None:
        """What is really in the folder; None where a kind cannot tell (the manifest is then trusted)."""
        return None

    def checksums(self, paths: list[str]) -> dict[str, str]:
        found = {}
        for relative in paths:
            data = self.read(relative)
            if data is not None:
                found[relative] = hashlib.sha256(data).hexdigest()
        return found

    def write(self, name: str, data: bytes) -> None:
        self.place(name, io.BytesIO(data))

    def upload(self, files: dict[str, Path], order: list[str]) -> None:
        for relative in order:
            with files[relative].open("rb") as source:
                self.place(relative, source)

    def delete(self, paths: Iterable[str]) -> None:
        paths = list(paths)
        for relative in paths:
            self.delete_file(self.path(relative))
        for folder in parents_deepest_first(paths):
            self.delete_empty_folder(self.path(folder))

    # --- supplied by each kind of folder ---

    def make_folder(self, path: str) -> None:
        """Create one folder whose parent exists; an existing folder is fine."""
        raise NotImplementedError

    def put(self, path: str, source: BinaryIO) -> None:
        """Write a new file (readable by the web server) from `source`."""
        raise NotImplementedError

    def rename(self, temporary: str, final: str) -> None:
        """Rename `temporary` to `final`, replacing a file there (in one step where possible)."""
        raise NotImplementedError

    def delete_file(self, path: str) -> None:
        """Delete a file; one that is gone already is fine."""
        raise NotImplementedError

    def delete_empty_folder(self, path: str) -> None:
        """Delete a folder if it is empty; otherwise (the hoster's files are in it) leave it."""
        raise NotImplementedError


class LocalFolder(FolderBase):
    """A folder on this machine (a mounted web folder, or the work tree of a git clone).

    Every operation checks that no part of its path below the root is a symbolic link.
    """

    def __init__(self, root: Path, ignore: Iterable[str] = ()):
        super().__init__(str(root))
        self.ignore = set(ignore)  # top-level names that are not part of the web folder (".git")

    def no_links(self, path: str) -> str:
        root = Path(self.root)
        current = Path(path)
        while current != root and root in current.parents:
            if current.is_symlink():
                raise PublishError(
                    f"{self.describe()}: „{current.relative_to(root)}“ ist eine Verknüpfung (symbolischer "
                    "Link); durch sie wird nie geschrieben oder gelöscht. Nichts weiter übertragen.",
                    code="target-symlink",
                )
            current = current.parent
        return path

    def read(self, name: str) -> bytes | None:
        try:
            return Path(self.no_links(self.path(name))).read_bytes()
        except FileNotFoundError:
            return None

    def list(self) -> Listing | None:
        root = Path(self.root)
        if not root.is_dir():
            return {}
        found: Listing = {}
        for folder, folders, names in os.walk(root):  # never follows a linked folder
            base = Path(folder)
            if base == root:
                folders[:] = [name for name in folders if name not in self.ignore]
                names = [name for name in names if name not in self.ignore]
            for name in (*folders, *names):
                path = base / name
                relative = path.relative_to(root).as_posix()
                if path.is_symlink():
                    found[relative] = LINK
                elif path.is_dir():
                    found[relative] = FOLDER
                else:
                    found[relative] = FILE if path.is_file() else OTHER
        return found

    def checksums(self, paths: list[str]) -> dict[str, str]:
        return {path: file_checksum(Path(self.no_links(self.path(path)))) for path in paths}

    def make_folder(self, path: str) -> None:
        Path(self.no_links(path)).mkdir(exist_ok=True)

    def put(self, path: str, source: BinaryIO) -> None:
        with open(self.no_links(path), "wb") as target:
            shutil.copyfileobj(source, target)
        os.chmod(path, 0o644)

    def rename(self, temporary: str, final: str) -> None:
        os.replace(temporary, self.no_links(final))

    def delete_file(self, path: str) -> None:
        Path(self.no_links(path)).unlink(missing_ok=True)

    def delete_empty_folder(self, path: str) -> None:
        with suppress(OSError):
            Path(self.no_links(path)).rmdir()
