import pytest

from bfb_text.slugs import german_slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Über uns", "ueber-uns"),
        ("Fünf Jahre miteinander", "fuenf-jahre-miteinander"),
        ("Straße nach Daun", "strasse-nach-daun"),
        ("Größe & Öffnung", "groesse-oeffnung"),
        ("Winkel (Eifel)", "winkel-eifel"),
        ("  Café  René ", "cafe-rene"),
        ("Mückeln", "mueckeln"),
    ],
)
def test_german_slugify_transliterates_umlauts(title, slug):
    assert german_slugify(title) == slug
