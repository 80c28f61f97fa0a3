"""`invoke publish`: transfer to a local folder and over SSH, atomic switch, rollback, dry run.

SFTP, FTP(S), git pages and the manifest of `--mode inplace`: tests/test_publish_targets.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from publish_helpers import find_sshd, refused_with, snapshot, start_sshd, tree

from sitetools.pipeline import check_and_publish, extra_settings
from sitetools.publish import (
    CURRENT,
    HISTORY,
    RELEASES,
    PublishError,
    Target,
    publish,
    rollback,
    target_from_config,
    target_state,
)
from sitetools.transfer import MANIFEST

ROOT = Path(__file__).resolve().parent.parent
# Legal data fixtures (invented, test-only): the tests never depend on today's pelicanconf.py.
TEST_ASSOCIATION = Path(__file__).parent / "data" / "test-association.json"
INCOMPLETE_ASSOCIATION = Path(__file__).parent / "data" / "incomplete-association.json"


@pytest.fixture
def site(production_site, tmp_path):
    """A private copy of the production build, free to change."""
    copy = tmp_path / "site"
    shutil.copytree(production_site.root, copy, symlinks=True)
    return copy


@pytest.fixture
def target(tmp_path) -> Target:
    return Target.parse(str(tmp_path / "webroot"))


def test_publish_to_local_folder_equals_the_build(site, target):
    publish(site, target)
    live = os.path.join(target.root, CURRENT)
    assert os.path.islink(live)
    assert tree(site) == tree(Path(live))


def test_second_publish_switches_current_and_reuses_unchanged_files(site, target):

    publish(site, target)
    first = target_state(target)[0]
    (site / "robots.txt").write_text("User-agent: *\nDisallow:\n# neu\n", encoding="utf-8")
    publish(site, target)
    releases, current = target_state(target)
    assert len(releases) == 2 and current == releases[1] and first == releases[:1]
    assert os.readlink(Path(target.root, CURRENT)) == f"{RELEASES}/{current}"
    # The switch is one rename of a fresh symlink: no temporary link is left behind.
    assert sorted(path.name for path in Path(target.root).iterdir()) == [CURRENT, HISTORY, RELEASES]
    old, new = Path(target.root, RELEASES, releases[0]), Path(target.root, RELEASES, releases[1])
    assert (new / "robots.txt").read_text().endswith("# neu\n")
    assert tree(Path(target.root, CURRENT)) == tree(site)
    # Unchanged files were not uploaded again: rsync --link-dest made them hard links.
    assert (new / "index.html").stat().st_ino == (old / "index.html").stat().st_ino
    assert (new / "robots.txt").stat().st_ino != (old / "robots.txt").stat().st_ino


def test_interrupted_upload_leaves_the_live_site_alone(site, target, tmp_path):

    publish(site, target)
    before = snapshot(Path(target.root))
    with pytest.raises(PublishError):
        publish(tmp_path / "does-not-exist", target)  # rsync fails half-way, like a broken connection
    after = snapshot(Path(target.root))
    assert {k: v for k, v in after.items() if ".incoming-" not in k} == before
    assert len(target_state(target)[0]) == 1  # a half upload never gets a release name


def test_rollback_restores_the_previous_release(site, target):

    publish(site, target)
    first_tree = tree(Path(target.root, CURRENT))
    (site / "index.html").write_text("<!DOCTYPE html><title>kaputt</title>", encoding="utf-8")
    publish(site, target)
    assert tree(Path(target.root, CURRENT)) != first_tree
    releases, _ = target_state(target)
    assert rollback(target) == releases[0]
    assert tree(Path(target.root, CURRENT)) == first_tree
    with refused_with("rollback-no-older-release"):
        rollback(target)


def test_rollback_follows_what_was_live_not_the_order_of_the_folders(site, target):
    publish(site, target)
    first = target_state(target)[1]
    (site / "robots.txt").write_text("User-agent: *\n# B\n", encoding="utf-8")
    publish(site, target)
    assert rollback(target) == first
    (site / "robots.txt").write_text("User-agent: *\n# C\n", encoding="utf-8")
    publish(site, target)
    releases, _ = target_state(target)
    assert len(releases) == 3  # A, the rolled-back B, C
    # What was live before C is A – not B, the folder that sorts before C.
    assert rollback(target) == first
    assert Path(target.root, CURRENT, "robots.txt").read_text() != "User-agent: *\n# B\n"
    assert Path(target.root, HISTORY).read_text().split() == [first]
    with refused_with("rollback-no-older-release"):
        rollback(target)


def test_rollback_on_a_target_published_before_the_history_existed(site, target):
    publish(site, target)
    publish(site, target)
    Path(target.root, HISTORY).unlink()  # as published by an earlier version of this code
    releases, _ = target_state(target)
    assert rollback(target) == releases[0]


def test_old_releases_are_pruned_but_never_the_live_one(site, target):
    for _ in range(5):
        publish(site, target)
    releases, current = target_state(target)
    assert len(releases) == 3 and current == releases[-1]


def test_dry_run_lists_changes_and_writes_nothing(site, target):

    publish(site, target)
    before = snapshot(Path(target.root))
    (site / "robots.txt").write_text("geändert\n", encoding="utf-8")
    (site / "neu.txt").write_text("neu\n", encoding="utf-8")
    (site / "feeds" / "aktuelles.atom.xml").unlink()
    changes = publish(site, target, dry_run=True)
    assert "ersetzen:  robots.txt" in changes
    assert "neu:       neu.txt" in changes
    assert "löschen:   feeds/aktuelles.atom.xml" in changes
    assert not any(line.endswith(" index.html") for line in changes)  # unchanged: not listed
    assert snapshot(Path(target.root)) == before


def test_inplace_mode_deletes_only_what_an_earlier_publish_put_there(site, tmp_path):
    webroot = tmp_path / "plain"
    hosters = {
        ".well-known/security.txt": b"Contact: mailto:x@example.org\n",
        "stats/index.html": b"Statistik",
        "cgi-bin/zaehler.pl": b"#!/usr/bin/perl\n",
        ".htpasswd": b"stats:$apr1$x$y\n",
        "alt.html": b"vom alten Auftritt",  # not put there by a publish: not ours to delete
    }
    for relative, data in hosters.items():
        (webroot / relative).parent.mkdir(parents=True, exist_ok=True)
        (webroot / relative).write_bytes(data)
    target = Target.parse(str(webroot), mode="inplace")
    publish(site, target)
    assert {k: v for k, v in tree(webroot).items() if k != MANIFEST} == {**tree(site), **hosters}
    assert not any(path.is_symlink() for path in Path(webroot).iterdir())
    (site / "robots.txt").unlink()
    shutil.rmtree(site / "feeds")
    publish(site, target)
    assert not (webroot / "robots.txt").exists() and not (webroot / "feeds").exists()
    assert {k: v for k, v in tree(webroot).items() if k != MANIFEST} == {**tree(site), **hosters}
    for plain_folder in (target, Target.parse("sftp://verein@webspace.example.org/html")):
        with refused_with("rollback-needs-releases"):
            rollback(plain_folder)
    with refused_with("rollback-needs-releases"):
        rollback(target)


def test_failing_check_leaves_the_target_byte_for_byte_untouched(site, target):

    publish(site, target)
    before = snapshot(Path(target.root))
    messages = []
    # Incomplete Impressum data: the legal gate stops it.
    incomplete = extra_settings(str(INCOMPLETE_ASSOCIATION))
    assert check_and_publish(target, extra=incomplete, say=messages.append) is False
    assert snapshot(Path(target.root)) == before
    report = "\n".join(messages)
    assert "legal-field-missing" in report and "pelicanconf.py" in report
    assert "Nichts übertragen" in report


def test_target_comes_from_option_environment_or_invoke_yaml():
    config = {"target": "web@example.org:/srv/yaml/", "port": 2222, "key": "~/.ssh/bfb"}
    from_yaml = target_from_config(None, config, environ={})
    assert (from_yaml.host, from_yaml.root, from_yaml.port) == ("web@example.org", "/srv/yaml", 2222)
    from_env = target_from_config(None, config, environ={"PUBLISH_TARGET": "deploy@host.test:/srv/env/"})
    assert (from_env.host, from_env.root) == ("deploy@host.test", "/srv/env")
    from_option = target_from_config("/tmp/lokal", config, environ={"PUBLISH_TARGET": "x@y:/z/"})
    assert from_option.host is None and from_option.root == "/tmp/lokal"
    with refused_with("target-missing"):
        target_from_config(None, {}, environ={})


def test_extra_settings_file_becomes_pelican_overrides(tmp_path):
    file = tmp_path / "extra.json"
    file.write_text(json.dumps({"ASSOCIATION": {"email": "a@example.org"}, "SITEURL": "https://x.test"}))
    assert extra_settings(str(file)) == {
        "ASSOCIATION": '{"email": "a@example.org"}',
        "SITEURL": '"https://x.test"',
    }


@pytest.fixture(scope="module")
def ssh_server(tmp_path_factory):
    sshd = find_sshd()
    if sshd is None:
        pytest.fail("sshd fehlt (Debian-Paket openssh-server; `python3 bootstrap.py test` installiert es)")
    if shutil.which("ssh") is None:
        pytest.fail("ssh fehlt (Debian-Paket openssh-client; `python3 bootstrap.py test` installiert es)")
    process, server = start_sshd(sshd, tmp_path_factory.mktemp("sshd"))
    yield server
    process.terminate()
    process.wait(timeout=10)


def test_publish_over_ssh_switches_and_rolls_back(ssh_server, site, tmp_path):

    webroot = tmp_path / "remote-webroot"
    target = Target.parse(
        f"{ssh_server.user}@127.0.0.1:{webroot}/",
        port=ssh_server.port,
        identity=str(ssh_server.key),
        ssh_options=ssh_server.ssh_options(),
    )
    assert target.host == f"{ssh_server.user}@127.0.0.1"
    publish(site, target)
    assert tree(webroot / CURRENT) == tree(site)
    first_tree = tree(webroot / CURRENT)
    (site / "robots.txt").write_text("über SSH geändert\n", encoding="utf-8")
    assert any(line.endswith(" robots.txt") for line in publish(site, target, dry_run=True))
    publish(site, target)
    releases, current = target_state(target)
    assert current == releases[-1] and len(releases) == 2
    assert tree(webroot / CURRENT) == tree(site)
    new, old = webroot / RELEASES / releases[1], webroot / RELEASES / releases[0]
    assert (new / "index.html").stat().st_ino == (old / "index.html").stat().st_ino
    rollback(target)
    assert tree(webroot / CURRENT) == first_tree
    assert Path(os.readlink(webroot / CURRENT)).name == releases[0]


def test_ssh_publish_with_a_wrong_key_fails_clearly(ssh_server, site, tmp_path):
    wrong_key = tmp_path / "wrong"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(wrong_key)], check=True)
    target = Target.parse(
        f"{ssh_server.user}@127.0.0.1:{tmp_path / 'remote'}/",
        port=ssh_server.port,
        identity=str(wrong_key),
        ssh_options=ssh_server.ssh_options(),
    )
    with refused_with("ssh-key-refused"):
        publish(site, target)
    assert not (tmp_path / "remote").exists()


def test_ssh_target_with_an_unknown_host_key_or_a_wrong_key_is_refused_before_building(ssh_server, tmp_path):
    empty_known_hosts = tmp_path / "known_hosts"
    empty_known_hosts.write_text("")
    strict = Target.parse(
        f"{ssh_server.user}@127.0.0.1:{tmp_path / 'remote'}/",
        port=ssh_server.port,
        identity=str(ssh_server.key),
        ssh_options=("-o", "StrictHostKeyChecking=yes", "-o", f"UserKnownHostsFile={empty_known_hosts}"),
    )
    with refused_with("ssh-host-unknown") as refused:
        check_and_publish(strict, extra={})
    assert f"ssh-keyscan -p {ssh_server.port} 127.0.0.1" in str(refused.value)
    wrong_key = tmp_path / "wrong"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(wrong_key)], check=True)
    with refused_with("ssh-key-refused"):
        check_and_publish(
            replace(strict, identity=str(wrong_key), ssh_options=ssh_server.ssh_options()), extra={}
        )
    assert not (tmp_path / "remote").exists()


def invoke(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "invoke"), *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={key: value for key, value in os.environ.items() if not key.startswith("PUBLISH_")},
    )


def test_invoke_publish_stops_at_the_legal_gate_and_creates_nothing(tmp_path):
    result = invoke(
        "publish", "--target", str(tmp_path / "webroot"), "--extra-settings", str(INCOMPLETE_ASSOCIATION)
    )
    assert result.returncode == 1
    assert "legal-field-missing" in result.stdout and "Nichts übertragen" in result.stdout
    assert not (tmp_path / "webroot").exists()


def test_invoke_publish_with_complete_data_goes_live(tmp_path):
    webroot = tmp_path / "webroot"
    result = invoke("publish", "--target", str(webroot), "--extra-settings", str(TEST_ASSOCIATION))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Alle Prüfungen bestanden." in result.stdout
    live = webroot / CURRENT
    assert (live / "index.html").is_file() and (live / "index.html.br").is_file()
    assert (live / ".htaccess").is_file() and (live / "pagefind" / "pagefind-ui.js").is_file()
    dry = invoke("publish", "--target", str(webroot), "--dry-run", "--extra-settings", str(TEST_ASSOCIATION))
    assert dry.returncode == 0 and "Probelauf" in dry.stdout
    assert invoke("rollback", "--target", str(webroot)).returncode == 1  # only one release yet


def test_target_on_a_read_only_file_system_ends_with_a_german_message(tmp_path):
    read_only = tmp_path / "schreibgeschuetzt"
    read_only.mkdir()
    invoke_program = ROOT / ".venv" / "bin" / "invoke"
    # A private mount namespace: the read-only mount is gone when the command ends.
    mount = f"mount -t tmpfs -o ro,size=1m tmpfs {read_only}"
    script = f"{mount} && exec {invoke_program} publish --target {read_only}/web"
    # Without root, a user namespace of its own may mount (--map-root-user).
    as_root = [] if os.geteuid() == 0 else ["--map-root-user"]
    result = subprocess.run(
        ["unshare", *as_root, "--mount", "--propagation", "private", "sh", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={key: value for key, value in os.environ.items() if not key.startswith("PUBLISH_")},
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    assert "(technical: target-not-writable)" in output and f"{read_only}/web" in output
    assert "schreibgeschützt" in output and "So beheben" in output  # the reason: read-only, not rights
    assert "Baue die Website" not in output  # refused before building
