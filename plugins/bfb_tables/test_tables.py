from bfb_tables import wrap_tables


def test_table_is_wrapped_in_a_focusable_region_named_by_its_caption():
    text = wrap_tables(
        "<p>x</p><table><caption>Fahrten &amp; Ziele</caption><tr><td>1</td></tr></table>", "de"
    )
    assert text.startswith(
        '<p>x</p><div class="table-wrap" role="region" tabindex="0" aria-label="Fahrten &amp; Ziele">'
    )
    assert text.endswith("</table></div>")


def test_table_without_caption_gets_the_word_for_table_in_its_language():
    assert 'aria-label="Table"' in wrap_tables("<table><tr><td>1</td></tr></table>", "en")
    assert 'aria-label="Tabelle"' in wrap_tables("<table><tr><td>1</td></tr></table>", "de")
