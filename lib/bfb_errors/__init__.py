"""Editor-facing build errors, shared by the plugins that validate content and data.

A plugin collects every `Problem` it finds, then calls `stop_build(problems)`: the
editor sees all of them at once, each with file, line, what is wrong and how to fix
it, in plain German with the English technical detail below — and no traceback.
"""

from .problems import (
    REPORT_VARIABLE,
    Problem,
    ProblemReport,
    first_line_with,
    format_problems,
    read_report,
    report_notes,
    stop_build,
)

__all__ = [
    "REPORT_VARIABLE",
    "Problem",
    "ProblemReport",
    "first_line_with",
    "format_problems",
    "read_report",
    "report_notes",
    "stop_build",
]
