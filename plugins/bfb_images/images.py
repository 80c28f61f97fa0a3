"""Resize editors' photos, strip their metadata, and give every `<img>` srcset, size and lazy loading.

Editors put a photo (JPEG, PNG or WebP, any size) into `content/bilder/` and write
`![What the photo shows]({static}/bilder/photo.jpg)`. This plugin then

* stops the build (on `initialized`, before anything is copied) for any file in a folder
  of STATIC_PATHS that is not one of these photo formats (`.env`, `.DS_Store`, a `.csv`,
  a `.js` that would run under our own CSP, a TIFF), that is no picture at all (a text
  file named `.jpg`) or that is larger than IMAGE_MAX_PIXELS (a decompression bomb);

* rewrites that `<img>` (as the text is read, bfb_reader's `text_read`) into one with `srcset`, `sizes`,
  `width`/`height` and `loading="lazy"`, pointing at the main site's copies, also on `/en/`
  pages (so no image is copied twice; i18n_subsites would copy it again under /en/,
  pelican-plugins issues #180 and #1155);
* keeps Pelican from copying the original (which may carry the GPS position of the camera);
* writes, once per build into the main site's output, a copy at the original's address
  (at most IMAGE_MAX_WIDTH wide) and one variant per width in IMAGE_WIDTHS, each rotated
  upright and saved without any EXIF, XMP or comment (the colour profile is kept).

Every copy claims its output path (bfb_output_owners): a photo named like another's
variant (`foto-480w.jpg` beside `foto.jpg`) stops the build naming both.

Resized files are cached in CACHE_PATH/bilder, keyed by the photo's bytes, so a rebuild
costs a copy. Alt text is required by the content check (bfb_content_check).

Settings: IMAGE_WIDTHS (default [480, 800, 1200]), IMAGE_MAX_WIDTH (1600),
IMAGE_SIZES (the `sizes` attribute), IMAGE_JPEG_QUALITY (82, also for WebP),
IMAGE_MAX_PIXELS (120 million: a 108-megapixel phone photo passes).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import shutil
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from bfb_build import is_main_site, start_with_the_main_site, this_build
from bfb_build.owners import claim, file_owner
from bfb_contents.text_read import ReadText, text_read
from bfb_errors import Problem, stop_build
from bfb_html import StartTag, render_start_tag, replace_start_tags
from pelican import signals
from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
# What to do with files editors are likely to drop into content/bilder/ by mistake.
CONVERT_HINTS = {
    ".tif": "Das Foto als JPEG speichern (Browser zeigen TIFF nicht an).",
    ".tiff": "Das Foto als JPEG speichern (Browser zeigen TIFF nicht an).",
    ".gif": "Die Grafik als PNG speichern.",
    ".heic": "Das Foto als JPEG speichern (am Handy: „Kompatibel“ statt „Hohe Effizienz“).",
    ".heif": "Das Foto als JPEG speichern (am Handy: „Kompatibel“ statt „Hohe Effizienz“).",
    ".svg": "Die Grafik als PNG speichern (SVG-Dateien können Skripte enthalten).",
}
# Files the operating system puts into folders by itself.
SYSTEM_FILES = {
    ".ds_store": "macOS legt diese Datei selbst an: einfach löschen (sie enthält nur Ordner-Einstellungen).",
    "thumbs.db": "Windows legt diese Datei selbst an: einfach löschen (sie enthält nur Vorschaubilder).",
    "desktop.ini": "Windows legt diese Datei selbst an: einfach löschen.",
}
DEFAULT_MAX_PIXELS = 120_000_000
# Bump when the processing changes, so cached variants are made again.
PROCESSING_VERSION = "1"
STATIC_SRC_RE = re.compile(r"^[{|]static[}|](?P<path>.+)$")
ORIENTATION = 0x0112
ROTATED = {5, 6, 7, 8}


@dataclass(frozen=True)
class Job:
    """One published copy of a photo: source file, output path, target width."""

    source: Path
    output: str  # relative to the main site's output folder, with "/"
    width: int


@dataclass
class BuildState:
    """What the main site's Pelican run needs to write the images at the end (one per build, bfb_build)."""

    settings: dict = field(default_factory=dict)
    siteurl: str = ""
    content: Path = Path()
    output: Path = Path()
    cache: Path = Path()
    jobs: dict[str, Job] = field(default_factory=dict)
    # Two photos whose copies would have the same name (`foto.jpg`'s variant `foto-480w.jpg`
    # and a photo really named so): reported once all photos are known.
    conflicts: list[Problem] = field(default_factory=list)

    def setting(self, name: str, default):
        return self.settings.get(name, default)


def photos_of(settings) -> BuildState:
    """The photo plan of the build that `settings` (a site's settings, a context) belong to."""
    return this_build(settings).part(BuildState)


def remember_main_site(pelican) -> None:
    """Start a build: the main site's address and folders are where all copies go."""
    if not is_main_site(pelican.settings):
        return
    settings = pelican.settings
    state = photos_of(settings)
    state.settings = settings
    # Root-relative (only the path of SITEURL): a photo loads from whichever host serves the page,
    # the production preview served locally included.
    state.siteurl = urlsplit(settings["SITEURL"]).path.rstrip("/")
    state.content = Path(settings["PATH"]).resolve()
    state.output = Path(pelican.output_path).resolve()
    state.cache = Path(settings.get("CACHE_PATH", ".cache")).resolve() / "bilder"


@contextmanager
def open_photo(source: Path) -> Iterator[Image.Image]:
    """Image.open without Pillow's warning for photos above 89 megapixels ("decompression bomb"),
    which would alarm editors: our own limit, IMAGE_MAX_PIXELS, was checked before the build."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(source) as image:
            yield image


def oriented_size(source: Path) -> tuple[int, int]:
    """Width and height of the photo as it is meant to be seen (EXIF rotation applied)."""
    with open_photo(source) as image:
        width, height = image.size
        if image.getexif().get(ORIENTATION) in ROTATED:
            width, height = height, width
    return width, height


def scaled(size: tuple[int, int], width: int) -> tuple[int, int]:
    original_width, original_height = size
    if width >= original_width:
        return size
    return width, max(1, round(original_height * width / original_width))


def variant_path(relative: str, width: int) -> str:
    stem, suffix = posixpath.splitext(relative)
    return f"{stem}-{width}w{suffix}"


def url_for(state: BuildState, relative: str) -> str:
    return f"{state.siteurl}/{quote(relative)}"


def add_job(state: BuildState, source: Path, output: str, width: int) -> None:
    state.jobs.setdefault(output, Job(source, output, width))
    conflict = claim(state.settings, state.output / output, file_owner(source))
    if conflict:
        state.conflicts.append(conflict)


def register_photo(state: BuildState, source: Path, relative: str) -> list[tuple[str, int, int]]:
    """Plan the copies of one photo; return (output path, width, height), largest last."""
    size = oriented_size(source)
    full = scaled(size, state.setting("IMAGE_MAX_WIDTH", 1600))
    copies = [
        (variant_path(relative, width), *scaled(size, width))
        for width in sorted(state.setting("IMAGE_WIDTHS", [480, 800, 1200]))
        if width < full[0]
    ]
    copies.append((relative, *full))
    for output, width, _ in copies:
        add_job(state, source, output, width)
    return copies


def source_of(state: BuildState, text: ReadText, path: str) -> tuple[Path, str] | None:
    """The photo file a `{static}` path names, and its path relative to the content folder."""
    path = unquote(path.split("?")[0].split("#")[0])
    if path.startswith("/"):
        relative = posixpath.normpath(path.lstrip("/"))
    else:
        relative = posixpath.normpath(posixpath.join(text.relative_dir, path))
    source = (state.content / relative).resolve()
    if source.suffix.lower() not in FORMATS or not source.is_file():
        return None  # not a photo, or missing: Pelican reports the broken link
    return source, relative


def responsive_img(text: ReadText, tag: StartTag) -> str:
    """The `<img>` of a photo with srcset, sizes and size; any other `<img>` exactly as written."""
    # Values as the browser reads them (entities resolved; the first of duplicates wins).
    attributes = {name: value or "" for name, value in tag.attributes.items()}
    match = STATIC_SRC_RE.match(attributes.get("src", ""))
    state = photos_of(text.settings)
    found = source_of(state, text, match.group("path")) if match else None
    if found is None:
        return tag.source
    copies = register_photo(state, *found)
    output, width, height = copies[-1]
    attributes.update(
        src=url_for(state, output),
        srcset=", ".join(f"{url_for(state, path)} {w}w" for path, w, _ in copies),
        sizes=state.setting("IMAGE_SIZES", "(min-width: 45rem) 42rem, 100vw"),
        width=str(width),
        height=str(height),
        loading="lazy",
        decoding="async",
    )
    return render_start_tag("img", attributes)


def rewrite_images(sender, text: ReadText) -> None:
    """text_read handler: give every photo in a text its responsive `<img>` (before links are resolved)."""
    text.html = replace_start_tags(text.html, "img", lambda tag: responsive_img(text, tag))


def keep_originals_private(generator) -> None:
    """Do not let Pelican copy original photos; publish cleaned copies at their addresses instead."""
    kept = []
    state = photos_of(generator.settings)
    draft_only = photos_only_in_drafts(state.content) if not drafts_written(generator.settings) else set()
    for static in generator.staticfiles:
        source = Path(static.source_path).resolve()
        if source.suffix.lower() not in FORMATS:
            kept.append(static)
        elif is_main_site(generator.settings):
            if source not in draft_only:
                register_photo(state, source, source.relative_to(state.content).as_posix())
        else:
            # A subsite links to the main site's copy (it has STATIC_PATHS = []).
            static.override_url = posixpath.join("..", static.url)
    generator.staticfiles = kept
    generator.context["staticfiles"] = kept
    if state.conflicts:
        stop_build(state.conflicts)


# `{static}` and `{attach}` targets in a Markdown text.
STATIC_LINK_RE = re.compile(r"[{|](?:static|attach)[}|](?P<path>[^\s\"')>#?]+)")


def drafts_written(settings: dict) -> bool:
    """Whether this build writes drafts (the development preview) or not (production)."""
    return settings.get("DRAFT_SAVE_AS", "drafts/{slug}.html") != ""


def photos_only_in_drafts(content: Path) -> set[Path]:
    """The photos that only drafts (`Status: draft`) link to: production leaves them out.

    Read from the Markdown sources, because a build without drafts never reads a draft.
    """
    from bfb_contents.front_matter import read_front_matter

    in_drafts: set[Path] = set()
    elsewhere: set[Path] = set()
    for text in content.rglob("*"):
        if text.suffix.lower() not in (".md", ".markdown") or not text.is_file():
            continue
        front = read_front_matter(text)
        if front is None:
            continue
        links = STATIC_LINK_RE.findall("\n".join([*(front.values().values()), *front.body]))
        targets = {linked_file(content, text, link) for link in links}
        (in_drafts if front.value("status") == "draft" else elsewhere).update(targets)
    return in_drafts - elsewhere


def linked_file(content: Path, text: Path, link: str) -> Path:
    link = unquote(link)
    base = content if link.startswith("/") else text.parent
    return (base / link.lstrip("/")).resolve()


def published_file_problems(content_dir: str | Path, settings: dict) -> list[Problem]:
    """A Problem for every file in a STATIC_PATHS folder that is not a photo we can publish safely."""
    content_dir = Path(content_dir).resolve()
    problems = []
    for static in settings.get("STATIC_PATHS", []):
        folder = content_dir / static
        if folder.is_dir() and not folder.is_symlink():  # links: bfb_source_files
            files = (path for path in sorted(folder.rglob("*")) if path.is_file() and not path.is_symlink())
            problems += [found for path in files if (found := photo_problem(path, settings))]
    return problems


def photo_problem(path: Path, settings: dict) -> Problem | None:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        return Problem(
            path,
            None,
            f"„{path.name}“ ist kein Foto im Format JPEG, PNG oder WebP – aus diesem Ordner wird nur das "
            "veröffentlicht.",
            CONVERT_HINTS.get(suffix)
            or SYSTEM_FILES.get(path.name.lower())
            or "Die Datei aus dem Ordner löschen (sie gehört nicht auf die Website; Listen, Passwörter "
            "und Programme schon gar nicht). Ein Dokument zum Herunterladen mit dem Betreuer der "
            "Website klären.",
            f"file type {suffix or path.name!r} not in {sorted(FORMATS)}",
            code="file-not-a-photo",
        )
    limit = settings.get("IMAGE_MAX_PIXELS", DEFAULT_MAX_PIXELS)
    try:
        with open_photo(path) as image:
            width, height = image.size
    except UnidentifiedImageError:
        return Problem(
            path,
            None,
            f"„{path.name}“ ist kein Bild, obwohl der Name auf „{path.suffix}“ endet.",
            "Die richtige Datei hineinlegen: das Foto selbst, nicht z. B. eine Textdatei oder eine "
            "Verknüpfung aus einem E-Mail-Programm.",
            "PIL.UnidentifiedImageError",
            code="image-not-an-image",
        )
    except Image.DecompressionBombError as error:
        return too_large(path, None, limit, str(error))
    except OSError as error:
        return unreadable(path, error)
    if width * height > limit:
        return too_large(path, (width, height), limit, f"{width}x{height} > IMAGE_MAX_PIXELS")
    return None


def too_large(path: Path, size: tuple[int, int] | None, limit: int, detail: str) -> Problem:
    measured = f" ({size[0]} × {size[1]} Pixel)" if size else ""
    return Problem(
        path,
        None,
        f"Das Bild „{path.name}“ ist zu groß{measured}: mehr als {limit // 1_000_000} Millionen Bildpunkte.",
        "Das Foto vorher verkleinern, z. B. auf 4000 Pixel Breite (jedes Bildprogramm kann das).",
        detail,
        code="image-too-large",
    )


def unreadable(path: Path, error: Exception) -> Problem:
    return Problem(
        path,
        None,
        f"Das Bild „{path.name}“ lässt sich nicht lesen (beschädigt oder unvollständig).",
        "Das Foto noch einmal von der Kamera oder vom Handy kopieren und die Datei ersetzen.",
        f"{type(error).__name__}: {error}",
        code="image-unreadable",
    )


def check_published_files(pelican) -> None:
    """Stop the build before anything is copied if a STATIC_PATHS folder holds a file not to publish."""
    if not is_main_site(pelican.settings):
        return
    problems = published_file_problems(pelican.settings["PATH"], pelican.settings)
    if problems:
        stop_build(problems)


def write_images(pelican) -> None:
    """After every language is built: write each planned copy into the main output folder."""
    if not is_main_site(pelican.settings):
        return
    state = photos_of(pelican.settings)
    state.cache.mkdir(parents=True, exist_ok=True)
    problems = {}
    for job in state.jobs.values():
        try:
            cached = cached_copy(state, job)
        except (OSError, ValueError, Image.DecompressionBombError) as error:
            problems.setdefault(job.source, unreadable(job.source, error))
            continue
        target = state.output / job.output
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
    if problems:
        stop_build(list(problems.values()))


def cached_copy(state: BuildState, job: Job) -> Path:
    quality = state.setting("IMAGE_JPEG_QUALITY", 82)
    digest = hashlib.sha256(job.source.read_bytes())
    digest.update(f"{PROCESSING_VERSION}:{job.width}:{quality}".encode())
    cached = state.cache / f"{digest.hexdigest()[:32]}{job.source.suffix.lower()}"
    if not cached.exists():
        partial = cached.with_suffix(".part" + cached.suffix)
        save_clean_copy(job.source, partial, job.width, quality)
        partial.replace(cached)  # never leave a half-written file in the cache
    return cached


def save_clean_copy(source: Path, target: Path, width: int, quality: int) -> None:
    """Write `source` upright, at most `width` wide, with no metadata but its colour profile."""
    with open_photo(source) as original:
        icc_profile = original.info.get("icc_profile")
        image = ImageOps.exif_transpose(original)
        if image.mode == "P":
            image = image.convert("RGBA")
        if width < image.width:
            image = image.resize(scaled(image.size, width), Image.Resampling.LANCZOS)
        image.info = {}  # drop EXIF (with GPS), XMP and comments carried over from the original
        options = {"icc_profile": icc_profile} if icc_profile else {}
        if FORMATS[source.suffix.lower()] == "JPEG":
            if image.mode not in ("RGB", "L", "CMYK"):
                image = image.convert("RGB")
            image.save(target, "JPEG", quality=quality, optimize=True, progressive=True, **options)
        elif FORMATS[source.suffix.lower()] == "WEBP":
            image.save(target, "WEBP", quality=quality, method=6, **options)
        else:
            image.save(target, "PNG", optimize=True, **options)


def register() -> None:
    start_with_the_main_site()
    signals.initialized.connect(remember_main_site)
    signals.initialized.connect(check_published_files)
    text_read.connect(rewrite_images)
    signals.static_generator_finalized.connect(keep_originals_private)
    signals.finalized.connect(write_images)
