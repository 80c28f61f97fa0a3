import pytest

from bfb_assets.assets import UnknownAsset, asset_names, fingerprint, fingerprinted_name


def test_name_changes_with_content():
    first = fingerprinted_name("css/site.css", b"body { color: black }")
    second = fingerprinted_name("css/site.css", b"body { color: navy }")
    assert first.startswith("css/site.") and first.endswith(".css")
    assert first != second
    assert first == fingerprinted_name("css/site.css", b"body { color: black }")


def test_asset_names_cover_css_and_js_only(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("a {}")
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "search.js").write_text("1;")
    (tmp_path / "logo.svg").write_text("<svg/>")
    names = asset_names(tmp_path)
    assert set(names) == {"css/site.css", "js/search.js"}
    assert names["js/search.js"].startswith("js/search.")


def test_unknown_asset_stops_the_build():
    with pytest.raises(UnknownAsset, match=r"css/missing\.css"):
        fingerprint("css/missing.css", names={"css/site.css": "css/site.0123456789.css"})
