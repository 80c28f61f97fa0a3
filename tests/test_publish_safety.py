"""Publishing never harms what is not ours, and repairs what is ours (issue 24, item 5).

A local folder, an SFTP server (OpenSSH restricted to internal-sftp) and a bare git
repository are prepared the way a hoster, a careless helper or an attacker leaves them: the
hoster's own start page, .htaccess and robots.txt, an edited manifest, symbolic links
leading out of the web folder, a `.gitignore` that hides every page, defaced files. After
each publish nothing outside the site was touched, the hoster's files survive (or were
saved before `--replace-existing` replaced them), and the site is complete.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
import test_publish_targets as targets
from publish_helpers import refused_with, snapshot, tree

from sitetools.publish import Target, publish
from sitetools.transfer import MANIFEST, site_files

pytestmark = targets.pytestmark
builds = targets.builds
sftp_server = targets.sftp_server
ftp_server = targets.ftp_server
git_identity = targets.git_identity

# What a hoster puts into a fresh web folder, and which the site would replace.
HOSTER_SITE = {
    "index.html": b"<p>Hier entsteht eine neue Website.</p>\n",
    ".htaccess": b"RewriteEngine On\nRewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]\n",
    "robots.txt": b"User-agent: *\nDisallow: /stats/\n",
    "stats/index.html": b"<p>Besucherstatistik des Hosters</p>\n",
    ".htpasswd": b"statistik:$apr1$abc$def\n",
    "cgi-bin/zaehler.pl": b"#!/usr/bin/perl\n",
}
KINDS = ("local", "sftp", "git")


def seed(folder: Path, files: dict[str, bytes]) -> None:
    for relative, data in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)


def git_place(tmp_path: Path, files: dict[str, bytes], links: dict[str, str] | None = None):
    """A bare repository whose `pages` branch holds `files` (and symbolic links `links`)."""
    bare = tmp_path / "pages.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(bare)], check=True)
    work = tmp_path / "seed"
    git = ["git", "-c", "user.name=Hoster", "-c", "user.email=hoster@example.org", "-C", str(work)]
    subprocess.run(["git", "init", "--quiet", "--initial-branch", "pages", str(work)], check=True)
    seed(work, files)
    for name, destination in (links or {}).items():
        (work / name).symlink_to(destination)
    subprocess.run([*git, "add", "--all", "--force"], check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "Hoster"], check=True)
    subprocess.run([*git, "push", "--quiet", str(bare), "pages"], check=True)
    target = Target.parse(f"{bare}#pages")

    def files_now() -> dict[str, bytes]:
        checkout = tmp_path / "checkout"
        subprocess.run(["rm", "-rf", str(checkout)], check=True)
        subprocess.run(["git", "clone", "--quiet", "--branch", "pages", str(bare), str(checkout)], check=True)
        subprocess.run(["rm", "-rf", str(checkout / ".git")], check=True)
        return tree(checkout)

    return target, files_now, lambda: snapshot(bare)


def place(kind: str, request, tmp_path: Path, files: dict[str, bytes]):
    """(target, the files the web server would serve, everything on the server byte for byte)."""
    if kind == "git":
        return git_place(tmp_path, files or {"README.md": b"Zweig der Website\n"})
    webroot = tmp_path / f"{kind}-webroot"
    seed(webroot, files)
    if kind == "local":
        target = Target.parse(str(webroot), mode="inplace")
    else:
        server = request.getfixturevalue("sftp_server")
        target = Target.parse(
            f"sftp://{server.user}@127.0.0.1:{server.port}{webroot}",
            identity=str(server.key),
            known_hosts=str(targets.known_hosts_for(server, tmp_path)),
        )
    return target, lambda: tree(webroot), lambda: snapshot(webroot)


def without_manifest(files: dict[str, bytes]) -> dict[str, bytes]:
    return {path: data for path, data in files.items() if path not in (MANIFEST, ".nojekyll")}


@pytest.mark.parametrize("kind", KINDS)
def test_first_publish_into_a_folder_with_the_hosters_pages_stops_and_lists_them(
    kind, request, tmp_path, builds
):
    target, _files, state = place(kind, request, tmp_path, HOSTER_SITE)
    before = state()
    with refused_with("target-file-not-ours") as refused:
        publish(builds.first, target)
    for name in ("index.html", ".htaccess", "robots.txt"):
        assert f"    {name}\n" in str(refused.value)
    assert "stats/index.html" not in str(refused.value)
    assert state() == before  # nothing written, nothing deleted
    lines = publish(builds.first, target, dry_run=True)
    assert "fremd, ersetzen nur mit --replace-existing: index.html" in lines
    assert state() == before


@pytest.mark.parametrize("kind", KINDS)
def test_replace_existing_keeps_a_backup_of_each_replaced_file(kind, request, tmp_path, builds):
    target, files, _ = place(kind, request, tmp_path, HOSTER_SITE)
    backup = tmp_path / "sicherung"
    publish(builds.first, replace(target, replace_existing=True, backup=backup))
    assert tree(backup) == {name: HOSTER_SITE[name] for name in ("index.html", ".htaccess", "robots.txt")}
    served = without_manifest(files())
    site = tree(builds.first)
    assert {path: served[path] for path in site} == site  # the site is complete
    for name in ("stats/index.html", ".htpasswd", "cgi-bin/zaehler.pl"):
        assert served[name] == HOSTER_SITE[name]  # the hoster's own files survive


@pytest.mark.parametrize("kind", ("local", "sftp"))
def test_manifest_entries_the_build_could_not_have_written_stop_the_publish(kind, request, tmp_path, builds):
    hoster = {name: data for name, data in HOSTER_SITE.items() if "/" in name or name == ".htpasswd"}
    target, files, state = place(kind, request, tmp_path, hoster)
    publish(builds.first, target)
    webroot = Path(target.path)
    manifest = json.loads((webroot / MANIFEST).read_text())
    manifest["files"].update(
        {".htpasswd": None, "stats/index.html": None, "cgi-bin/zaehler.pl": None, "stats": None}
    )
    (webroot / MANIFEST).write_text(json.dumps(manifest))
    before = state()
    with refused_with("manifest-entry-not-ours"):
        publish(builds.second, target)
    assert state() == before
    assert all(files()[name] == data for name, data in hoster.items())


@pytest.mark.parametrize("kind", ("local", "sftp"))
def test_nothing_is_written_or_deleted_through_a_symbolic_link(kind, request, tmp_path, builds):
    target, _files, state = place(kind, request, tmp_path, {})
    publish(builds.first, target)
    webroot = Path(target.path)
    outside = tmp_path / "ausserhalb"
    (outside / "pagefind").mkdir(parents=True)
    precious = outside / "pagefind/pagefind-entry.json"
    precious.write_text("gehört nicht zur Website")
    # Someone swaps a folder of the site for a link to a folder elsewhere on the server.
    subprocess.run(["rm", "-rf", str(webroot / "theme")], check=True)
    (webroot / "theme").symlink_to(outside / "pagefind")
    (webroot / "feeds").rename(webroot / "feeds-alt")
    (webroot / "feeds").symlink_to(outside)
    before = state()
    with refused_with("target-symlink"):
        publish(builds.second, target)
    assert state() == before
    assert precious.read_text() == "gehört nicht zur Website"
    assert sorted(path.name for path in outside.rglob("*")) == ["pagefind", "pagefind-entry.json"]


def test_a_pages_branch_with_symbolic_links_is_refused_and_nothing_on_this_machine_changes(tmp_path, builds):
    victim = tmp_path / "eigene-dateien"
    victim.mkdir()
    (victim / "brief.txt").write_text("privat")
    target, _files, state = git_place(
        tmp_path,
        {"README.md": b"pages\n"},
        links={"theme": str(victim), "index.html": str(victim / "brief.txt")},
    )
    before = state()
    with refused_with("git-branch-symlink"):
        publish(builds.first, target)
    assert state() == before
    assert sorted(path.name for path in victim.iterdir()) == ["brief.txt"]
    assert (victim / "brief.txt").read_text() == "privat"


def test_the_git_target_commits_every_file_whatever_the_branchs_gitignore_says(tmp_path, builds):
    target, files, _ = git_place(tmp_path, {".gitignore": b"*.html\n*.css\npagefind/\n"})
    publish(builds.first, target)
    served = files()
    assert {path: served[path] for path in site_files(builds.first)} == tree(builds.first)
    report = publish(builds.first, target)
    assert "keine Änderungen" in report[0]


@pytest.mark.parametrize("kind", KINDS)
def test_missing_and_defaced_files_are_restored(kind, request, tmp_path, builds):
    target, files, _ = place(kind, request, tmp_path, {})
    publish(builds.first, target)
    css = next(path for path in site_files(builds.first) if path.endswith(".css"))
    if kind == "git":
        work = tmp_path / "deface"
        git = ["git", "-c", "user.name=X", "-c", "user.email=x@example.org", "-C", str(work)]
        subprocess.run(["git", "clone", "--quiet", "--branch", "pages", target.path, str(work)], check=True)
        (work / "index.html").write_text("<p>gehackt</p>")
        (work / css).unlink()
        subprocess.run([*git, "commit", "--quiet", "-am", "defaced"], check=True)
        subprocess.run([*git, "push", "--quiet", "origin", "pages"], check=True)
    else:
        webroot = Path(target.path)
        (webroot / "index.html").write_text("<p>gehackt</p>")
        (webroot / css).unlink()
    report = publish(builds.first, target)
    assert "2 wiederhergestellt" in report[0]
    served = files()
    assert served["index.html"] == (builds.first / "index.html").read_bytes()
    assert served[css] == (builds.first / css).read_bytes()


def test_uploads_a_broken_connection_left_behind_are_removed(tmp_path, builds):
    target, _files, _ = place("local", None, tmp_path, {})
    publish(builds.first, target)
    leftover = Path(target.path) / "aktuelles/.index.html.bfb-upload"
    leftover.write_text("halb")
    publish(builds.first, target)
    assert not leftover.exists()


@pytest.mark.parametrize(
    "destination",
    [
        "-oProxyCommand=touch /tmp/bfb-pwned:/x",
        "--upload-pack=touch /tmp/bfb-pwned.git",
        "repo.git#-x",
        "u@-h:/p",
    ],
)
def test_targets_that_look_like_options_are_refused(destination):
    with refused_with("target-option-like"):
        Target.parse(destination)
    assert not Path("/tmp/bfb-pwned").exists()


def test_ftp_lists_the_target_too_and_stops_before_the_hosters_start_page(request, tmp_path, builds):
    server = request.getfixturevalue("ftp_server")
    place_ = targets.ftp_place(server, tmp_path, "ftp")
    webroot = server.home / f"{tmp_path.name}-html"
    (webroot / "index.html").write_bytes(HOSTER_SITE["index.html"])
    before = place_.state()
    with refused_with("target-file-not-ours"):
        publish(builds.first, place_.target)
    assert place_.state() == before
