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


class PublishError(RuntimeError):
    """The transfer failed or was refused; the message says what to do (in German)."""


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

    @property
    def uploads(self) -> list[str]:
        """New and changed files in upload order: assets, then pages, then server config."""
        return sorted((*self.new, *self.replaced), key=lambda path: (upload_rank(path), path))

    def lines(self) -> list[str]:
        return [
            *(f"neu:       {path}" for path in self.new),
            *(f"ersetzen:  {path}" for path in self.replaced),
            *(f"löschen:   {path}" for path in self.deleted),
        ]

    def summary(self) -> str:
        return (
            f"{len(self.new)} neu, {len(self.replaced)} ersetzt, {len(self.deleted)} gelöscht, "
            f"{self.unchanged} unverändert"
        )


def make_plan(published: Manifest, wanted: dict[str, str]) -> Plan:
    new = tuple(path for path in wanted if path not in published)
    replaced = tuple(path for path in wanted if path in published and published[path] != wanted[path])
    deleted = tuple(sorted(path for path in published if path not in wanted))
    return Plan(new, replaced, deleted, len(wanted) - len(new) - len(replaced))


def safe_relative(path: str, where: str) -> str:
    """A manifest entry must name a file inside the target folder, nothing else."""
    pure = PurePosixPath(path)
    if not path or pure.is_absolute() or ".." in pure.parts or "\\" in path or str(pure) != path:
        raise PublishError(
            f"{where}: der Eintrag „{path}“ zeigt nicht auf eine Datei im Zielordner.\n"
            f"So beheben: die Datei {MANIFEST} auf dem Server löschen; die nächste "
            "Veröffentlichung lädt dann alles neu hoch (und löscht nichts)."
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
            "Veröffentlichung lädt dann alles neu hoch (und löscht nichts)."
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


def sync(files: dict[str, Path], folder: Folder, dry_run: bool = False) -> Plan:
    """Bring `folder` to `files` (relative path → local file); return what changed."""
    published = parse_manifest(folder.read(MANIFEST), folder.describe())
    wanted = {path: file_checksum(source) for path, source in files.items()}
    plan = make_plan(published, wanted)
    if dry_run or (not plan.uploads and not plan.deleted and published == wanted):
        return plan
    folder.prepare()
    in_the_way = blocking_deletions(plan)
    if plan.uploads:
        folder.write(MANIFEST, manifest_bytes({**published, **dict.fromkeys(plan.uploads)}))
        folder.delete(in_the_way)
        folder.upload(files, plan.uploads)
    folder.delete(path for path in plan.deleted if path not in in_the_way)
    folder.write(MANIFEST, manifest_bytes(wanted))
    return plan


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

    A subclass supplies `read` and the five small operations below (each on a full path).
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

    def put(self, relative: str, source: BinaryIO) -> None:
        final = self.path(relative)
        self.ensure_folder(str(PurePosixPath(final).parent))
        temporary = self.path(temporary_name(relative))
        self.store(temporary, source)
        self.replace(temporary, final)

    def write(self, name: str, data: bytes) -> None:
        self.put(name, io.BytesIO(data))

    def upload(self, files: dict[str, Path], order: list[str]) -> None:
        for relative in order:
            with files[relative].open("rb") as source:
                self.put(relative, source)

    def delete(self, paths: Iterable[str]) -> None:
        paths = list(paths)
        for relative in paths:
            self.remove_file(self.path(relative))
        for folder in parents_deepest_first(paths):
            self.remove_empty_folder(self.path(folder))

    # --- supplied by each kind of folder ---

    def make_folder(self, path: str) -> None:
        """Create one folder whose parent exists; an existing folder is fine."""
        raise NotImplementedError

    def store(self, path: str, source: BinaryIO) -> None:
        """Write a new file (readable by the web server) from `source`."""
        raise NotImplementedError

    def replace(self, temporary: str, final: str) -> None:
        """Rename `temporary` to `final`, replacing a file there (in one step where possible)."""
        raise NotImplementedError

    def remove_file(self, path: str) -> None:
        """Delete a file; one that is gone already is fine."""
        raise NotImplementedError

    def remove_empty_folder(self, path: str) -> None:
        """Delete a folder if it is empty; otherwise (the hoster's files are in it) leave it."""
        raise NotImplementedError


class LocalFolder(FolderBase):
    """A folder on this machine (a mounted web folder, or the work tree of a git clone)."""

    def __init__(self, root: Path):
        super().__init__(str(root))

    def read(self, name: str) -> bytes | None:
        try:
            return Path(self.path(name)).read_bytes()
        except FileNotFoundError:
            return None

    def make_folder(self, path: str) -> None:
        Path(path).mkdir(exist_ok=True)

    def store(self, path: str, source: BinaryIO) -> None:
        with open(path, "wb") as target:
            shutil.copyfileobj(source, target)
        os.chmod(path, 0o644)

    def replace(self, temporary: str, final: str) -> None:
        os.replace(temporary, final)

    def remove_file(self, path: str) -> None:
        Path(path).unlink(missing_ok=True)

    def remove_empty_folder(self, path: str) -> None:
        with suppress(OSError):
            Path(path).rmdir()
