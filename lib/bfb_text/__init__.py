"""Reading and writing the words editors type (a library, not a plugin).

- `slugs.german_slugify`: "Über uns" → "ueber-uns".
- `yes_no.yes_no`: the one reader of a yes/no field ("ja"/"nein", "yes"/"no", true/false).
"""
