"""The one error the command line reports: what went wrong and what to do, without a traceback."""

from __future__ import annotations

__all__ = ["CliError"]


class CliError(Exception):
    """A problem the user can fix; printed as ``error: <message>`` with exit status 2."""
