"""Numbers from the site's data that texts may quote (`{anzahl:orte}`), by who provides them.

The plugin that reads a data file provides the count (plugins/orte: the number of places);
the plugin that fills in the placeholders (bfb_figures) asks here, so neither imports the
other. A count is a function of a site's settings returning an int, or None while its data
has a problem.
"""

from __future__ import annotations

from collections.abc import Callable

from bfb_build import this_build

Count = Callable[[dict], "int | None"]


class FigureCounts(dict):
    """{placeholder name: Count} of this build (bfb_build), filled by the data plugins."""


def provide_figure(settings, name: str, count: Count) -> None:
    this_build(settings).part(FigureCounts)[name] = count


def figure_counts(settings) -> dict[str, Count]:
    return this_build(settings).part(FigureCounts)
