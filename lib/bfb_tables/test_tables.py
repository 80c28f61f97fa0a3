import markdown

TABLE = "| Ort | Tag |\n| --- | --- |\n| Gillenfeld | Montag |\n\nDanach."


def test_table_is_wrapped_in_a_focusable_labelled_region():
    html = markdown.markdown(TABLE, extensions=["tables", "bfb_tables"])
    assert html.startswith('<div aria-label="Tabelle" class="table-wrap" role="region" tabindex="0"><table>')
    assert "</table></div>\n<p>Danach.</p>" in html


def test_label_follows_the_language_of_the_site():
    html = markdown.markdown(
        TABLE, extensions=["tables", "bfb_tables"], extension_configs={"bfb_tables": {"label": "Table"}}
    )
    assert 'aria-label="Table"' in html


def test_every_body_cell_carries_its_column_heading_for_the_phone_layout():
    table = "| Ort | Abfahrt *ab* |\n| --- | --- |\n| Gillenfeld | 8 Uhr |\n| Strohn | 9 Uhr |"
    html = markdown.markdown(table, extensions=["tables", "bfb_tables"])
    assert '<td data-label="Ort">Gillenfeld</td>' in html
    assert '<td data-label="Abfahrt ab">9 Uhr</td>' in html  # the heading's text, without markup
