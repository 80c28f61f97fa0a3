"""Photos in a small fixture site: responsive <img>, no metadata in published copies, no /en/ copies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from sitetools.build import CONTENT
from tests.conftest import build_site

GPS = {1: "N", 2: (50.0, 12.0, 0.0), 3: "E", 4: (6.0, 50.0, 0.0)}
NEWS = """Title: {title}
Date: 2023-05-04
Slug: fotomeldung
Lang: {lang}
Summary: Eine Meldung mit Fotos, die nur dieser Test schreibt.

![{alt}]({{static}}/bilder/test/querformat.jpg "Titel bleibt")

![Ein Foto hochkant]({{static}}/bilder/test/hochkant.jpg)

![Eine Grafik]({{static}}/bilder/test/grafik.png)

[Foto in voller Größe]({{static}}/bilder/test/querformat.jpg)
"""


def photo_with_gps(path: Path, size: tuple[int, int], orientation: int = 1) -> None:
    """A camera-like JPEG: orientation, camera model and the GPS position of the shot."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Testkamera"
    exif[ExifTags.IFD.GPSInfo] = GPS
    Image.new("RGB", size, (180, 120, 60)).save(path, "JPEG", exif=exif.tobytes(), comment=b"secret")


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("photos")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    folder = content / "bilder" / "test"
    folder.mkdir(parents=True)
    photo_with_gps(folder / "querformat.jpg", (3000, 2000))
    photo_with_gps(folder / "hochkant.jpg", (1200, 900), orientation=6)  # camera held upright
    Image.new("RGBA", (640, 480), (0, 90, 160, 255)).save(folder / "grafik.png")
    news = content / "aktuelles"
    german = NEWS.format(title="Fotomeldung", lang="de", alt="Ein Bus vor dem Rathaus")
    english = NEWS.format(title="Photo news", lang="en", alt="A bus in front of the town hall")
    (news / "2023-05-04-fotomeldung.md").write_text(german, encoding="utf-8")
    (news / "2023-05-04-fotomeldung.en.md").write_text(english, encoding="utf-8")
    extra = {"PATH": json.dumps(str(content)), "CACHE_PATH": json.dumps(str(root / "cache"))}
    return build_site("pelicanconf.py", root / "output", extra)


def images(site, path):
    return site.page(path).select("main img")


def test_photo_gets_srcset_size_and_lazy_loading(photo_site):
    landscape = images(photo_site, "/aktuelles/fotomeldung/")[0]
    assert landscape["alt"] == "Ein Bus vor dem Rathaus"
    assert landscape["title"] == "Titel bleibt"
    assert (landscape["width"], landscape["height"]) == ("1600", "1067")
    assert landscape["loading"] == "lazy"
    assert landscape["src"] == "/bilder/test/querformat.jpg"
    assert landscape["srcset"] == (
        "/bilder/test/querformat-480w.jpg 480w, /bilder/test/querformat-800w.jpg 800w, "
        "/bilder/test/querformat-1200w.jpg 1200w, /bilder/test/querformat.jpg 1600w"
    )
    assert landscape["sizes"]


def test_every_srcset_entry_exists_with_the_announced_width(photo_site):
    for img in images(photo_site, "/aktuelles/fotomeldung/"):
        for candidate in img["srcset"].split(", "):
            url, width = candidate.split(" ")
            with Image.open(photo_site.root / url.lstrip("/")) as published:
                assert f"{published.width}w" == width


def test_rotated_photo_is_published_upright_with_matching_size(photo_site):
    portrait = images(photo_site, "/aktuelles/fotomeldung/")[1]
    assert (portrait["width"], portrait["height"]) == ("900", "1200")
    with Image.open(photo_site.root / "bilder/test/hochkant.jpg") as published:
        assert published.size == (900, 1200)


def test_published_copies_carry_no_location_or_other_metadata(photo_site):
    published = sorted((photo_site.root / "bilder" / "test").glob("*.jpg"))
    assert len(published) == 7  # landscape: 480, 800, 1200, 1600; portrait: 480, 800, 900
    for file in published:
        with Image.open(file) as image:
            exif = image.getexif()
            assert exif.get_ifd(ExifTags.IFD.GPSInfo) == {}, file
            assert dict(exif) == {}, file
            assert "comment" not in image.info and "xmp" not in image.info, file
        assert b"Testkamera" not in file.read_bytes()


def test_english_pages_use_the_main_sites_copies(photo_site):
    english = images(photo_site, "/en/news/fotomeldung/")
    assert english[0]["alt"] == "A bus in front of the town hall"
    assert english[0]["src"] == "/bilder/test/querformat.jpg"
    assert not (photo_site.root / "en" / "bilder").exists()
    link = photo_site.page("/en/news/fotomeldung/").find("a", string="Foto in voller Größe")
    assert link["href"] == "/bilder/test/querformat.jpg"


def test_png_is_resized_as_png(photo_site):
    graphic = images(photo_site, "/aktuelles/fotomeldung/")[2]
    assert graphic["srcset"] == "/bilder/test/grafik-480w.png 480w, /bilder/test/grafik.png 640w"
    with Image.open(photo_site.root / "bilder/test/grafik-480w.png") as published:
        assert (published.format, published.size) == ("PNG", (480, 360))
