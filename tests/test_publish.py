"""`invoke publish`: transfer to a local folder and over SSH, atomic switch, rollback, dry run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from page_types import PENDING_PAGE_TYPES
from publish_helpers import find_sshd, snapshot, start_sshd, tree

from sitetools.pipeline import check_and_publish, extra_settings
from sitetools.publish import (
    CURRENT,
    RELEASES,
    PublishError,
    Target,
    publish,
    rollback,
    target_from_config,
    target_state,
)

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
    assert sorted(path.name for path in Path(target.root).iterdir()) == [CURRENT, RELEASES]
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
    with pytest.raises(PublishError, match="keine ältere Version"):
        rollback(target)


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
    assert any(line.endswith(" robots.txt") for line in changes)
    assert any(line.endswith(" neu.txt") for line in changes)
    assert any(line.startswith("*deleting") and line.endswith("aktuelles.atom.xml") for line in changes)
    assert not any(line.endswith(" index.html") for line in changes)  # unchanged: not listed
    assert snapshot(Path(target.root)) == before


def test_inplace_mode_updates_a_plain_folder(site, tmp_path):

    webroot = tmp_path / "plain"
    (webroot / ".well-known").mkdir(parents=True)
    (webroot / ".well-known" / "security.txt").write_text("Contact: mailto:x@example.org\n")
    (webroot / "alt.html").write_text("vom alten Auftritt")
    target = Target.parse(str(webroot), mode="inplace")
    publish(site, target)
    assert not (webroot / "alt.html").exists()
    assert (webroot / ".well-known" / "security.txt").is_file()  # the hoster's files stay
    assert {k: v for k, v in tree(webroot).items() if not k.startswith(".well-known/")} == tree(site)
    assert not any(path.is_symlink() for path in Path(webroot).iterdir())
    with pytest.raises(PublishError, match="releases"):
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
    assert "Für das Impressum fehlt" in report and "pelicanconf.py" in report
    assert "Nichts übertragen" in report


def test_target_comes_from_option_environment_or_invoke_yaml():
    config = {"target": "web@example.org:/srv/yaml/", "port": 2222, "key": "~/.ssh/bfb"}
    from_yaml = target_from_config(None, config, environ={})
    assert (from_yaml.host, from_yaml.root, from_yaml.port) == ("web@example.org", "/srv/yaml", 2222)
    from_env = target_from_config(None, config, environ={"PUBLISH_TARGET": "deploy@host.test:/srv/env/"})
    assert (from_env.host, from_env.root) == ("deploy@host.test", "/srv/env")
    from_option = target_from_config("/tmp/lokal", config, environ={"PUBLISH_TARGET": "x@y:/z/"})
    assert from_option.host is None and from_option.root == "/tmp/lokal"
    with pytest.raises(PublishError, match="Kein Ziel"):
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
        pytest.skip("sshd fehlt (Debian-Paket openssh-server; .ci/run installiert es)")
    if shutil.which("ssh") is None:
        pytest.skip("ssh fehlt (Debian-Paket openssh-client; .ci/run installiert es)")
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
    with pytest.raises(PublishError, match="fehlgeschlagen"):
        publish(site, target)
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
    assert "Für das Impressum fehlt" in result.stdout and "Nichts übertragen" in result.stdout
    assert not (tmp_path / "webroot").exists()


@pytest.mark.xfail(
    bool(PENDING_PAGE_TYPES), reason=f"pages not in main yet: {sorted(PENDING_PAGE_TYPES)}", strict=False
)
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
