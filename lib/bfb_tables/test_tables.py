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
