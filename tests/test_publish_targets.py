"""Publishing to plain web folders: SFTP, FTP, FTPS, a git pages branch, `--mode inplace`.

Every kind of target runs against a real server on 127.0.0.1 (OpenSSH restricted to
`internal-sftp`, pyftpdlib with and without TLS, a bare git repository, rsync over
SSH) and must: put the whole site there, upload only what changed, delete pages that
are gone, keep the hoster's own files, change nothing in a dry run or when a check
fails. Two production builds are shared by all tests: the site, and the site after
an editor changed one news text and removed one news item.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

import pytest
from conftest import PRODUCTION_URL, build_site
from publish_helpers import find_sshd, refused_with, snapshot, start_ftp_server, start_sshd, tree

from sitetools import publish as publishing
from sitetools.build import CONTENT, ROOT, BuildFailed
from sitetools.pipeline import check_and_publish
from sitetools.publish import Target, publish, target_from_config
from sitetools.transfer import MANIFEST, LocalFolder, file_checksum, site_files, sync, upload_rank

# pyftpdlib (the test FTP server) still uses asyncore/asynchat; on Python 3.12+ from pyasyncore.
pytestmark = pytest.mark.filterwarnings("ignore:The asyn(core|chat) module is deprecated:DeprecationWarning")

HOSTER_FILES = {
    ".well-known/security.txt": b"Contact: mailto:webmaster@example.org\n",
    "stats/index.html": b"<p>Besucherstatistik des Hosters</p>\n",
    ".htpasswd": b"statistik:$apr1$abc$def\n",
}
PAGES_EXTRAS = {".nojekyll"}  # what a git pages target adds to the site
INCOMPLETE_ASSOCIATION = {"ASSOCIATION": json.dumps({"name": "Bürger für Bürger e.V.", "email": None})}


@pytest.fixture(autouse=True)
def git_identity(tmp_path, monkeypatch):
    """A git configuration of the tests' own: nothing depends on the machine's ~/.gitconfig."""
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Redaktion Test\n\temail = redaktion@example.org\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.delenv("PUBLISH_GIT_AUTHOR", raising=False)


# --- the two builds -----------------------------------------------------------------------


def news_items(content: Path) -> list[Path]:
    """German news items that have an English translation, oldest first."""
    return sorted(
        path
        for path in (content / "aktuelles").glob("*.md")
        if not path.name.endswith(".en.md") and path.with_suffix(".en.md").exists()
    )


@dataclass(frozen=True)
class Builds:
    first: Path  # the site as built from the repository
    second: Path  # after one news text was changed and one news item removed
    removed_page: str  # the removed item's page, e.g. aktuelles/…/index.html

    def changed_files(self) -> set[str]:
        old, new = site_files(self.first), site_files(self.second)
        return {
            path for path in new if path not in old or file_checksum(new[path]) != file_checksum(old[path])
        }

    def gone_files(self) -> set[str]:
        return set(site_files(self.first)) - set(site_files(self.second))


@pytest.fixture(scope="session")
def builds(production_site, tmp_path_factory) -> Builds:
    content = tmp_path_factory.mktemp("edited") / "content"
    shutil.copytree(CONTENT, content)
    items = news_items(content)
    texts = "\n".join(path.read_text(encoding="utf-8") for path in content.rglob("*.md"))
    # Remove an item nothing links to (its slug appears only in its own two files).
    removable = next(item for item in items if texts.count(slug_of(item)) == 2)
    edited = next(item for item in reversed(items) if item != removable)
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEin Satz, den nur dieser Test ergänzt.\n")
    removed_slug = slug_of(removable)
    removable.unlink()
    removable.with_suffix(".en.md").unlink()
    second = build_site(
        "publishconf.py",
        tmp_path_factory.mktemp("edited-site"),
        extra={"SITEURL": f'"{PRODUCTION_URL}"', "PATH": json.dumps(str(content))},
    )
    removed_pages = [
        path for path in site_files(production_site.root) if removed_slug in path and path.endswith(".html")
    ]
    assert removed_pages, removed_slug
    return Builds(production_site.root, second.root, removed_pages[0])


def slug_of(item: Path) -> str:
    return re.search(r"^Slug:\s*(\S+)", item.read_text(encoding="utf-8"), re.M)[1]


# --- the places the site goes to ------------------------------------------------------------


@dataclass
class Place:
    """A target and ways to look at the server's side of it."""

    target: Target
    files: Callable[[], dict[str, bytes]]  # what the web server would serve from (plus hidden files)
    state: Callable[[], object]  # everything on the server, byte for byte
    received: Callable[[], list[str]]  # the files the server received since the last reset
    reset_log: Callable[[], None]


def folder_place(target: Target, webroot: Path, received=None, reset=None) -> Place:
    """A target whose server writes to `webroot` on this machine (SFTP, FTP, rsync, local)."""
    inodes: dict[str, int] = {}

    def files() -> dict[str, bytes]:
        return tree(webroot) if webroot.exists() else {}

    def changed_inodes() -> list[str]:
        # Every upload is a new file renamed into place: a new inode means "received".
        current = {path: (webroot / path).stat().st_ino for path in files()}
        return sorted(path for path, inode in current.items() if inodes.get(path) != inode)

    def reset_inodes() -> None:
        inodes.clear()
        inodes.update({path: (webroot / path).stat().st_ino for path in files()})

    def state():
        return snapshot(webroot) if webroot.exists() else None

    def reset_both() -> None:
        reset_inodes()
        if reset:
            reset()

    return Place(target, files, state, received or changed_inodes, reset_both)


def seed_hoster_files(webroot: Path) -> None:
    for relative, data in HOSTER_FILES.items():
        (webroot / relative).parent.mkdir(parents=True, exist_ok=True)
        (webroot / relative).write_bytes(data)


@pytest.fixture(scope="module")
def sftp_server(tmp_path_factory):
    sshd = find_sshd()
    assert sshd, "sshd fehlt (Debian-Paket openssh-server; .ci/run und bootstrap.py installieren es)"
    process, server = start_sshd(
        sshd,
        tmp_path_factory.mktemp("sftp-sshd"),
        # A webspace without shell: only SFTP, no command, no rsync, no forwarding.
        extra_config=("ForceCommand internal-sftp", "AllowTcpForwarding no", "X11Forwarding no"),
    )
    yield server
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def shell_ssh_server(tmp_path_factory):
    sshd = find_sshd()
    assert sshd, "sshd fehlt (Debian-Paket openssh-server; .ci/run und bootstrap.py installieren es)"
    process, server = start_sshd(sshd, tmp_path_factory.mktemp("shell-sshd"))
    yield server
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def ftp_server(tmp_path_factory):
    server = start_ftp_server(tmp_path_factory.mktemp("ftp"), tls=False)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def ftps_server(tmp_path_factory):
    server = start_ftp_server(tmp_path_factory.mktemp("ftps"), tls=True)
    yield server
    server.stop()


def known_hosts_for(server, folder: Path) -> Path:
    known_hosts = folder / "known_hosts"
    known_hosts.write_text(server.known_hosts_line())
    return known_hosts


def sftp_place(server, tmp_path: Path) -> Place:
    webroot = tmp_path / "sftp-webroot"
    seed_hoster_files(webroot)
    target = Target.parse(
        f"sftp://{server.user}@127.0.0.1:{server.port}{webroot}",
        identity=str(server.key),
        known_hosts=str(known_hosts_for(server, tmp_path)),
    )
    return folder_place(target, webroot)


def ftp_place(server, tmp_path: Path, scheme: str) -> Place:
    folder_name = f"{tmp_path.name}-html"  # one folder per test in the server's home
    webroot = server.home / folder_name
    seed_hoster_files(webroot)
    target = Target.parse(
        f"{scheme}://{server.user}@127.0.0.1:{server.port}/{folder_name}",
        password=server.password,
        ca_file=str(server.certificate) if server.certificate else None,
    )

    def received() -> list[str]:
        prefix = f"{folder_name}/"
        # Uploads arrive under a temporary name (then renamed): report the final name.
        return sorted(
            re.sub(r"(^|/)\.([^/]+)\.bfb-upload$", r"\1\2", path.removeprefix(prefix))
            for path in server.received
            if path.startswith(prefix)
        )

    return folder_place(target, webroot, received, server.received.clear)


def git_place(tmp_path: Path) -> Place:
    bare = tmp_path / "pages.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(bare)], check=True)
    # The branch already holds files the pages host or someone else put there.
    seed = tmp_path / "seed"
    git = ["git", "-c", "user.name=Hoster", "-c", "user.email=hoster@example.org"]
    subprocess.run([*git, "init", "--quiet", "--initial-branch", "pages", str(seed)], check=True)
    seed_hoster_files(seed)
    subprocess.run([*git, "-C", str(seed), "add", "--all"], check=True)
    subprocess.run([*git, "-C", str(seed), "commit", "--quiet", "-m", "Hoster"], check=True)
    subprocess.run([*git, "-C", str(seed), "push", "--quiet", str(bare), "pages"], check=True)
    target = Target.parse(f"{bare}#pages")

    def files() -> dict[str, bytes]:
        checkout = tmp_path / "checkout"
        shutil.rmtree(checkout, ignore_errors=True)
        subprocess.run(["git", "clone", "--quiet", "--branch", "pages", str(bare), str(checkout)], check=True)
        shutil.rmtree(checkout / ".git")
        return tree(checkout)

    def received() -> list[str]:
        """The files the last commit added or changed."""
        command = ["git", "-C", str(bare), "diff", "--name-only", "--no-renames", "--diff-filter=AM"]
        return subprocess.run([*command, "pages~1", "pages"], capture_output=True, text=True).stdout.split()

    return Place(target, files, lambda: snapshot(bare), received, lambda: None)


def rsync_place(server, tmp_path: Path) -> Place:
    webroot = tmp_path / "ssh-webroot"
    seed_hoster_files(webroot)
    target = Target.parse(
        f"{server.user}@127.0.0.1:{webroot}/",
        port=server.port,
        identity=str(server.key),
        ssh_options=server.ssh_options(),
        mode="inplace",
    )
    return folder_place(target, webroot)


def local_place(tmp_path: Path) -> Place:
    webroot = tmp_path / "mounted-webroot"
    seed_hoster_files(webroot)
    return folder_place(Target.parse(str(webroot), mode="inplace"), webroot)


KINDS = ("sftp", "ftp", "ftps", "git", "ssh-inplace", "local-inplace")


@pytest.fixture(params=KINDS)
def place(request, tmp_path) -> Place:
    kind = request.param
    if kind == "sftp":
        return sftp_place(request.getfixturevalue("sftp_server"), tmp_path)
    if kind in ("ftp", "ftps"):
        return ftp_place(request.getfixturevalue(f"{kind}_server"), tmp_path, kind)
    if kind == "git":
        return git_place(tmp_path)
    if kind == "ssh-inplace":
        return rsync_place(request.getfixturevalue("shell_ssh_server"), tmp_path)
    return local_place(tmp_path)


def expected_files(place: Place, site: Path) -> dict[str, bytes]:
    """The site, plus the hoster's files, plus (git) the pages host's marker file."""
    files = {**tree(site), **HOSTER_FILES}
    if place.target.kind_name == "git":
        files[".nojekyll"] = b""
    return files


def without_manifest(files: dict[str, bytes]) -> dict[str, bytes]:
    return {path: data for path, data in files.items() if path != MANIFEST}


# --- what every kind of target must do ------------------------------------------------------


def test_first_publish_puts_the_whole_site_there_and_keeps_the_hosters_files(place, builds):
    publish(builds.first, place.target)
    served = place.files()
    assert without_manifest(served) == expected_files(place, builds.first)
    manifest = json.loads(served[MANIFEST])["files"]
    assert set(manifest) == set(expected_files(place, builds.first)) - set(HOSTER_FILES)
    assert not any(path.endswith(".bfb-upload") for path in served)  # every upload was renamed


def test_second_publish_sends_only_what_changed_and_removes_what_is_gone(place, builds):
    publish(builds.first, place.target)
    place.reset_log()
    report = publish(builds.second, place.target)
    changed, gone = builds.changed_files(), builds.gone_files()
    assert changed and gone and len(changed) < len(site_files(builds.second)) / 3
    received = set(place.received()) - {MANIFEST}
    assert received == changed, "uploaded exactly the new and changed files"
    served = place.files()
    assert builds.removed_page not in served and not gone & set(served)
    assert without_manifest(served) == expected_files(place, builds.second)  # hoster's files too
    if place.target.kind_name != "git":
        assert f"{len(gone)} gelöscht" in report[0]
    manifest = json.loads(served[MANIFEST])["files"]
    assert all(manifest[path] == file_checksum(builds.second / path) for path in changed)
    assert builds.removed_page not in manifest


def test_dry_run_lists_uploads_replacements_deletions_and_changes_nothing(place, builds):
    publish(builds.first, place.target)
    before = place.state()
    lines = publish(builds.second, place.target, dry_run=True)
    assert place.state() == before
    old = set(site_files(builds.first))
    listed = {line.split(maxsplit=1)[1]: line.split(":")[0] for line in lines}
    assert {path for path, kind in listed.items() if kind == "löschen"} == builds.gone_files()
    assert {path for path, kind in listed.items() if kind in ("neu", "ersetzen")} == builds.changed_files()
    assert all((kind == "ersetzen") == (path in old) for path, kind in listed.items() if kind != "löschen")


def test_failing_check_or_build_leaves_the_target_byte_for_byte_untouched(place, builds, monkeypatch):
    publish(builds.first, place.target)
    before = place.state()
    built = []

    def copy_of_the_edited_build(output: Path, extra, quiet=False):
        built.append(output)
        shutil.copytree(builds.second, output)

    monkeypatch.setattr("sitetools.pipeline.build_production", copy_of_the_edited_build)
    messages: list[str] = []
    assert check_and_publish(place.target, INCOMPLETE_ASSOCIATION, say=messages.append) is False
    assert built and "legal-field-missing" in "\n".join(messages)
    assert "Nichts übertragen" in messages[-1]
    assert place.state() == before

    def failing_build(output: Path, extra, quiet=False):
        raise BuildFailed("content/aktuelles/kaputt.md: Zeile 2")

    monkeypatch.setattr("sitetools.pipeline.build_production", failing_build)
    with pytest.raises(BuildFailed):
        check_and_publish(place.target, {}, say=messages.append)
    assert place.state() == before


# --- the shared transfer logic -----------------------------------------------------------------


class InterruptedFolder(LocalFolder):
    """A local folder whose connection breaks after `limit` uploads; records the order of work."""

    def __init__(self, root: Path, limit: int | None = None):
        super().__init__(root)
        self.limit = limit
        self.log: list[tuple[str, str]] = []

    def upload(self, files, order):
        for count, relative in enumerate(order):
            if self.limit is not None and count == self.limit:
                raise ConnectionResetError("Verbindung unterbrochen")
            super().upload(files, [relative])
            self.log.append(("upload", relative))

    def delete(self, paths):
        paths = list(paths)
        self.log.extend(("delete", path) for path in paths)
        super().delete(paths)


def test_assets_go_first_then_pages_then_server_config_and_deletions_last(builds, tmp_path):
    folder = InterruptedFolder(tmp_path / "web")
    sync(site_files(builds.first), folder)
    ranks = [upload_rank(path) for action, path in folder.log]
    assert ranks == sorted(ranks) and set(ranks) == {0, 1, 2}
    assert any(path.endswith(".css") for _, path in folder.log[: ranks.index(1)])
    assert next(path for _, path in folder.log if upload_rank(path) == 2).startswith(".htaccess")
    folder.log.clear()
    sync(site_files(builds.second), folder)
    actions = [action for action, _ in folder.log]
    assert actions == sorted(actions, key=lambda action: action == "delete") and "delete" in actions


def test_interrupted_transfer_leaves_working_pages_and_the_next_publish_completes_it(builds, tmp_path):
    webroot = tmp_path / "web"
    seed_hoster_files(webroot)
    sync(site_files(builds.first), LocalFolder(webroot))
    broken = InterruptedFolder(webroot, limit=3)
    with pytest.raises(ConnectionResetError):
        sync(site_files(builds.second), broken)
    served = tree(webroot)
    # Nothing was deleted and no page points at a missing file: every old file is still there.
    assert set(tree(builds.first)) <= set(served)
    assert {path for _, path in broken.log} <= builds.changed_files()
    assert all(upload_rank(path) == 0 for _, path in broken.log)  # assets came first
    pending = json.loads(served[MANIFEST])["files"]
    assert all(pending[path] is None for path in builds.changed_files())  # "state unknown"
    plan = sync(site_files(builds.second), LocalFolder(webroot))
    # The files that arrived before the break are compared with the target and not sent again.
    arrived = {path for _, path in broken.log}
    assert set(plan.uploads) == builds.changed_files() - arrived and set(plan.deleted) == builds.gone_files()
    assert without_manifest(tree(webroot)) == {**tree(builds.second), **HOSTER_FILES}


def test_a_broken_ftp_connection_leaves_every_old_file_and_the_next_publish_completes(
    ftp_server, builds, tmp_path
):
    place = ftp_place(ftp_server, tmp_path, "ftp")
    publish(builds.first, place.target)
    ftp_server.interrupt_after[:] = [5]  # the manifest update and four of the new files
    with refused_with("ftp-transfer-aborted"):
        publish(builds.second, place.target)
    served = place.files()
    assert set(tree(builds.first)) <= set(served)  # nothing deleted: every page finds its files
    assert any(path.endswith(".bfb-upload") for path in served)  # the file on its way when it broke
    publish(builds.second, place.target)
    assert without_manifest(place.files()) == expected_files(place, builds.second)


def test_a_file_that_becomes_a_folder_and_a_folder_that_becomes_a_file(tmp_path):
    first, second, webroot = tmp_path / "first", tmp_path / "second", tmp_path / "web"
    for site, files in ((first, ("seite", "ordner/index.html")), (second, ("seite/index.html", "ordner"))):
        for relative in files:
            (site / relative).parent.mkdir(parents=True, exist_ok=True)
            (site / relative).write_text(f"{site.name}: {relative}")
    sync(site_files(first), LocalFolder(webroot))
    plan = sync(site_files(second), LocalFolder(webroot))
    assert set(plan.deleted) == {"seite", "ordner/index.html"}
    assert without_manifest(tree(webroot)) == tree(second)


def test_a_manifest_naming_files_outside_the_target_is_refused(builds, tmp_path):
    webroot = tmp_path / "web"
    webroot.mkdir()
    outside = tmp_path / "privat.txt"
    outside.write_text("nicht löschen")
    (webroot / MANIFEST).write_text(
        json.dumps({"format": "bfb-manifest/1", "files": {"../privat.txt": None}})
    )
    with refused_with("manifest-entry-outside"):
        sync(site_files(builds.first), LocalFolder(webroot))
    assert outside.read_text() == "nicht löschen"
    (webroot / MANIFEST).write_text("{kaputt")
    with refused_with("manifest-damaged"):
        sync(site_files(builds.first), LocalFolder(webroot))


# --- git pages ----------------------------------------------------------------------------------


def git_log(bare: Path, *options: str) -> str:
    command = ["git", "-C", str(bare), "log", "--format=%an <%ae>%n%B%n--", *options, "pages"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_git_target_commits_once_per_publish_with_author_domain_and_source_commit(
    builds, tmp_path, monkeypatch
):
    place = git_place(tmp_path)
    bare = Path(place.target.path)
    monkeypatch.setenv("PUBLISH_GIT_AUTHOR", "Website-Team <website@example.org>")
    target = target_from_config(f"{bare}#pages", {"domain": "www.example.org"}, environ={})
    publish(builds.first, target)
    files = place.files()
    assert files[".domains"] == files["CNAME"] == b"www.example.org\n"
    log = git_log(bare, "-1")
    source = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    assert log.startswith("Website-Team <website@example.org>\nWebsite veröffentlicht aus")
    assert source in log
    commits = git_log(bare).count("\n--\n")
    assert publish(builds.first, target) == [f"{bare}#pages: keine Änderungen – kein neuer Commit."]
    assert git_log(bare).count("\n--\n") == commits  # nothing changed: no commit


def test_git_target_creates_the_branch_in_an_empty_repository(builds, tmp_path):
    bare = tmp_path / "neu.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(bare)], check=True)
    target = Target.parse(str(bare))
    assert (target.kind_name, target.branch) == ("git", "pages")
    publish(builds.first, target)
    listing = subprocess.run(
        ["git", "-C", str(bare), "ls-tree", "-r", "--name-only", "pages"], capture_output=True, text=True
    ).stdout.split()
    assert set(listing) == set(site_files(builds.first)) | PAGES_EXTRAS | {MANIFEST}
    assert git_log(bare, "-1").startswith("Redaktion Test <redaktion@example.org>\n")  # from git config


# --- reading the target -----------------------------------------------------------------------------


def test_targets_are_recognised_by_their_form():
    sftp = Target.parse("sftp://verein@webspace.example.org:2222/html")
    assert (sftp.kind_name, sftp.user, sftp.host, sftp.port, sftp.path) == (
        "sftp",
        "verein",
        "webspace.example.org",
        2222,
        "/html",
    )
    assert Target.parse("ftps://verein@ftp.example.org").path == "."
    git = Target.parse("git@codeberg.org:buergerverein/pages.git#main")
    assert (git.kind_name, git.path, git.branch) == (
        "git",
        "git@codeberg.org:buergerverein/pages.git",
        "main",
    )
    assert Target.parse("https://codeberg.org/verein/seite.git").branch == "pages"
    ssh = Target.parse("web@example.org:/srv/site/")
    assert (ssh.kind_name, ssh.host, ssh.root) == ("releases", "web@example.org", "/srv/site")
    assert Target.parse("web@example.org:/srv/site/", mode="inplace").kind_name == "inplace"
    assert Target.parse("ftp://verein@ftp.example.org/", mode="inplace").kind_name == "ftp"
    with refused_with("target-mode-unknown"):
        Target.parse("web@example.org:/srv/site/", mode="schnell")
    with refused_with("target-kind-unknown"):
        Target.parse("https://codeberg.org/verein/seite")
    with refused_with("target-password-in-address"):
        Target.parse("ftp://verein:geheim@ftp.example.org/html")
    with refused_with("target-mode-releases-needs-ssh"):
        Target.parse("sftp://verein@example.org/html", mode="releases")


def test_each_kind_of_target_holds_only_its_own_settings():
    shared = {"replace_existing", "backup"}
    folder = {"path", "host", "port", "identity", "ssh_options"}
    ftp = {"host", "user", "path", "port", "password", "ca_file"}
    assert {
        name: {item.name for item in fields(kind)} - shared for name, kind in publishing.KINDS.items()
    } == {
        "releases": folder,
        "inplace": folder,
        "sftp": {"host", "user", "path", "port", "identity", "known_hosts"},
        "ftp": ftp,
        "ftps": ftp,
        "git": {"path", "branch", "domain"},
    }
    sftp = Target.parse("sftp://verein@example.org/html", domain="www.example.org", branch="x", password="p")
    assert not {"domain", "branch", "password"} & {item.name for item in fields(sftp)}


@pytest.mark.parametrize(
    "address", ["sftp://v@example.org/x", "ftp://v@example.org/", "ftps://v@h/", "site.git"]
)
def test_only_a_folder_reached_with_rsync_has_releases(address):
    with refused_with("target-mode-releases-needs-ssh"):
        Target.parse(address, mode="releases")
    with refused_with("rollback-needs-releases"):
        Target.parse(address).rollback()


def test_no_publishing_code_asks_a_target_its_kind():
    """What differs between kinds is a method of the kind (publish.KINDS), never a branch on it."""
    asks = re.compile(r"kind_name\s*(==|!=|\bin\b)|\.scheme\s*(==|!=|\bin\b)|isinstance\([^)]*Target\b")
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in [*(ROOT / "sitetools").glob("*.py"), ROOT / "tasks.py"]
        if path.name in ("publish.py", "pipeline.py", "tasks.py") or path.name.startswith("transfer")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if asks.search(line)
    ]
    assert found == []


def test_ftp_password_comes_from_the_environment_or_a_prompt_never_from_invoke_yaml():
    target = target_from_config(
        "ftps://verein@ftp.example.org/html", {}, environ={"PUBLISH_PASSWORD": "aus-env"}
    )
    assert target.password == "aus-env" and "aus-env" not in repr(target)
    asked = target_from_config("ftp://verein@ftp.example.org/", {}, environ={}, prompt=lambda t: "getippt")
    assert asked.password == "getippt" and asked.warning and "unverschlüsselt" in asked.warning
    with refused_with("password-in-settings-file"):
        target_from_config("ftp://verein@ftp.example.org/", {"password": "x"}, environ={})


# --- clear German messages, no traceback ------------------------------------------------------------


def invoke(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PUBLISH_")}
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "invoke"), *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**environment, **(env or {})},
        stdin=subprocess.DEVNULL,
    )


def test_unknown_ssh_host_key_is_refused_with_a_german_explanation(sftp_server, tmp_path):
    home = tmp_path / "home"  # a maintainer whose ~/.ssh/known_hosts does not know the server
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "known_hosts").write_text("")
    webroot = tmp_path / "web"
    result = invoke(
        "publish",
        "--target",
        f"sftp://{sftp_server.user}@127.0.0.1:{sftp_server.port}{webroot}",
        "--key",
        str(sftp_server.key),
        env={"HOME": str(home)},
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "(technical: ssh-host-unknown)" in output  # wording: tests/test_messages.py
    assert "ssh-keyscan -p" in output and "SHA256:" in output  # how to check: the server's fingerprint
    assert not webroot.exists()


def test_wrong_ftp_password_ends_with_a_german_message(ftps_server, tmp_path):
    result = invoke(
        "publish",
        "--target",
        f"ftps://{ftps_server.user}@127.0.0.1:{ftps_server.port}/html",
        env={"PUBLISH_PASSWORD": "falsch", "PUBLISH_CA_FILE": str(ftps_server.certificate)},
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "(technical: ftp-login-refused)" in output
    assert "Baue die Website" not in output  # refused before building


def test_wrong_ssh_key_and_untrusted_certificate_end_with_german_messages(sftp_server, ftps_server, tmp_path):
    wrong_key = tmp_path / "wrong"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(wrong_key)], check=True)
    target = Target.parse(
        f"sftp://{sftp_server.user}@127.0.0.1:{sftp_server.port}{tmp_path / 'web'}",
        identity=str(wrong_key),
        known_hosts=str(known_hosts_for(sftp_server, tmp_path)),
    )
    with refused_with("ssh-key-refused"):
        publish(tmp_path, target)
    untrusted = Target.parse(
        f"ftps://verein@127.0.0.1:{ftps_server.port}/html", password=ftps_server.password
    )
    with refused_with("tls-certificate-untrusted"):
        publish(tmp_path, untrusted)


def test_plain_ftp_warns_and_a_wrong_password_stops_before_building(ftp_server):
    result = invoke(
        "publish",
        "--target",
        f"ftp://{ftp_server.user}@127.0.0.1:{ftp_server.port}/html",
        "--dry-run",
        env={"PUBLISH_PASSWORD": "falsch"},
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "unverschlüsselt" in output and "(technical: ftp-login-refused)" in output
    assert "Baue die Website" not in output


def test_the_sftp_server_offers_no_shell(sftp_server):
    """The SFTP tests are honest: that server runs no command, so no rsync either."""
    command = ["ssh", "-p", str(sftp_server.port), "-i", str(sftp_server.key), *sftp_server.ssh_options()]
    result = subprocess.run(
        [*command, f"{sftp_server.user}@127.0.0.1", "echo shell-da"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert "shell-da" not in result.stdout
