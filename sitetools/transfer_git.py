"""Git "pages" targets (`--target <repository>[#branch]`): Codeberg, GitHub or GitLab Pages.

The built site becomes one commit on the branch (default `pages`) of the repository
(a local path or an SSH/HTTPS URL ending in `.git`), which is then pushed. The work
tree of a fresh clone is updated like any plain web folder (sitetools/transfer.py):
files that earlier publishes did not put there stay. No commit when nothing changed.

Author: PUBLISH_GIT_AUTHOR ("Name <mail>"), else `git config user.name/user.email`.
The message names the source commit. `publish.domain` (or PUBLISH_DOMAIN) adds the
custom-domain files the hosts read: `.domains` (Codeberg Pages) and `CNAME` (GitHub
Pages); `.nojekyll` stops GitHub from running Jekyll over the site.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

from sitetools.transfer import LocalFolder, PublishError, site_files, sync

DEFAULT_BRANCH = "pages"
AUTHOR = re.compile(r"^\s*(?P<name>[^<>]+?)\s*<(?P<email>[^<>\s]+@[^<>\s]+)>\s*$")
SOURCE = Path(__file__).resolve().parent.parent  # the repository the site is built from


# What to do when a git step fails, by step.
GIT_FIXES = {
    "ls-remote": "Adresse des Repositorys prüfen; bei SSH: ist der Schlüssel beim Pages-Host "
    "hinterlegt (`ssh -T git@codeberg.org` zeigt es)?",
    "clone": "Adresse und Zugang prüfen (wie oben), dann noch einmal `invoke publish`.",
    "push": "Hat gerade jemand anderes veröffentlicht? Dann einfach noch einmal `invoke publish`. "
    "Sonst: Schreibrechte auf das Repository prüfen (Schlüssel, Zugriffstoken).",
}


def git(*arguments: str, cwd: Path | None = None, env: dict | None = None) -> str:
    command = ["git", "-c", "core.autocrlf=false", "-c", "commit.gpgsign=false", *arguments]
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        fix = GIT_FIXES.get(arguments[0])
        raise PublishError(
            f"git {arguments[0]} fehlgeschlagen:\n{result.stderr.strip()}"
            + (f"\nSo beheben: {fix}" if fix else ""),
            code="git-command-failed",
        )
    return result.stdout


def is_bare_repository(path: Path) -> bool:
    """A bare repository (HEAD, objects/, refs/): a folder that is surely no web folder.

    A work tree is a target only when named with `#branch`, so that a web folder that
    happens to be under git is never mistaken for a pages repository.
    """
    return all((path / name).exists() for name in ("HEAD", "objects", "refs"))


def source_description() -> str:
    """The commit the site was built from, and whether the work tree had changes on top."""
    try:
        commit = git("rev-parse", "--short=12", "HEAD", cwd=SOURCE).strip()
        dirty = git("status", "--porcelain", "--untracked-files=no", cwd=SOURCE).strip()
    except PublishError:
        return "aus einem Ordner ohne git-Stand"
    return f"aus {commit}" + (" (mit nicht eingecheckten Änderungen)" if dirty else "")


def author_environment(environ: dict) -> dict[str, str]:
    """GIT_AUTHOR_*/GIT_COMMITTER_* from PUBLISH_GIT_AUTHOR or the source repository's git config."""
    given = environ.get("PUBLISH_GIT_AUTHOR")
    if given:
        match = AUTHOR.match(given)
        if not match:
            raise PublishError(
                f"PUBLISH_GIT_AUTHOR „{given}“ hat nicht die Form „Name <adresse@example.org>“.",
                code="git-author-form",
            )
        name, email = match["name"], match["email"]
    else:
        try:
            name = git("config", "user.name", cwd=SOURCE).strip()
            email = git("config", "user.email", cwd=SOURCE).strip()
        except PublishError:
            raise PublishError(
                "Für den Commit fehlt ein Autor. So beheben: `git config --global user.name "
                '"Vorname Name"` und `git config --global user.email adresse@example.org`, '
                'oder PUBLISH_GIT_AUTHOR="Name <adresse>" setzen.',
                code="git-author-missing",
            ) from None
    return {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
    }


def pages_files(site: Path, domain: str | None, extra_folder: Path) -> dict[str, Path]:
    """The site's files plus what pages hosts read: .nojekyll and the custom-domain files."""
    extra_folder.mkdir(parents=True, exist_ok=True)
    extras = {".nojekyll": ""}
    if domain:
        extras |= {".domains": f"{domain}\n", "CNAME": f"{domain}\n"}
    files = site_files(site)
    for name, text in extras.items():
        (extra_folder / name).write_text(text, encoding="utf-8")
        files[name] = extra_folder / name
    return files


def branch_exists(repository: str, branch: str) -> bool:
    return bool(git("ls-remote", "--heads", "--", repository, f"refs/heads/{branch}").strip())


def publish_git(site: Path, target, dry_run: bool = False, environ: dict | None = None) -> list[str]:
    """Commit the site to the branch and push it; return what changed (or would change)."""
    environ = dict(os.environ if environ is None else environ)
    repository, branch = target.path, target.branch
    label = target.describe()
    author = {} if dry_run else author_environment(environ)
    with tempfile.TemporaryDirectory(prefix="bfb-pages-") as temporary:
        work = Path(temporary) / "work"
        if branch_exists(repository, branch):
            options = ("--quiet", "--no-tags", "--single-branch", "--branch", branch)
            git("clone", *options, "--", repository, str(work))
            refuse_links_in_branch(work, label)
        else:
            git("init", "--quiet", "--initial-branch", branch, str(work))
            git("remote", "add", "--", "origin", repository, cwd=work)
        files = pages_files(site, target.domain, Path(temporary) / "extra")
        plan = sync(
            files, LocalFolder(work, ignore={".git"}), dry_run, target.replace_existing, target.backup
        )
        if dry_run:
            return plan.lines()
        # --force: the branch's .gitignore must not keep any file of the site out of the commit.
        git("add", "--all", "--force", cwd=work)
        if not git("status", "--porcelain", cwd=work).strip():
            verify_tree(work, files, label)
            return [f"{label}: keine Änderungen – kein neuer Commit."]
        message = f"Website veröffentlicht {source_description()}\n\n{plan.summary()}\n"
        git("commit", "--quiet", "--message", message, cwd=work, env={**environ, **author})
        verify_tree(work, files, label)
        git("push", "--quiet", "origin", f"HEAD:refs/heads/{branch}", cwd=work)
        verify_pushed(work, repository, branch, label)
        commit = git("rev-parse", "--short=12", "HEAD", cwd=work).strip()
    return [f"{label}: Commit {commit} ({plan.summary()})"]


def refuse_links_in_branch(work: Path, label: str) -> None:
    """A branch holding symbolic links (or submodules) is refused before anything is written.

    A link in the clone could lead the publish to write or delete files on this machine.
    """
    entries = git("ls-tree", "-r", "-z", "HEAD", cwd=work).split("\0")
    special = [entry.split("\t", 1)[1] for entry in entries if entry.startswith(("120000 ", "160000 "))]
    if special:
        raise PublishError(
            f"{label}: der Zweig enthält symbolische Links (oder Submodule), z. B. „{special[0]}“. "
            "Über sie könnte die Veröffentlichung Dateien auf diesem Rechner schreiben oder löschen. "
            "Nichts übertragen.\nSo beheben: die Links aus dem Zweig entfernen (git rm, commit, "
            "push) oder einen neuen, leeren Zweig angeben (--target repo.git#neuer-zweig).",
            code="git-branch-symlink",
        )


def verify_tree(work: Path, files: dict[str, Path], label: str) -> None:
    """The commit must hold every file of the site (nothing kept out by attributes or hooks)."""
    committed = set(git("ls-tree", "-r", "-z", "--name-only", "HEAD", cwd=work).split("\0"))
    missing = sorted(set(files) - committed)
    if missing:
        raise PublishError(
            f"{label}: {len(missing)} Dateien der Website fehlen im Commit, z. B. {', '.join(missing[:5])}. "
            "Nichts übertragen.\nSo beheben: .gitignore und .gitattributes im Zweig prüfen.",
            code="git-commit-incomplete",
        )


def verify_pushed(work: Path, repository: str, branch: str, label: str) -> None:
    """The branch on the server must now be exactly our commit."""
    head = git("rev-parse", "HEAD", cwd=work).strip()
    remote = git("ls-remote", "--heads", "--", repository, f"refs/heads/{branch}").split()
    if not remote or remote[0] != head:
        raise PublishError(
            f"{label}: der Zweig {branch} auf dem Server ist nach dem Übertragen nicht der neue Commit. "
            "So beheben: noch einmal `invoke publish`; hat gerade jemand anderes veröffentlicht?",
            code="git-push-not-verified",
        )
