# generated from the build's Python options (mattermost-plugin 0.1.0) by the pyplugins code generator, do not edit
"""The SDK's version: the version of the wheel it is part of."""

from __future__ import annotations

__all__ = ["DISTRIBUTION", "__version__"]

__version__ = "0.1.0"
"""The wheel's version (PEP 440)."""

DISTRIBUTION = "mattermost-plugin"
"""The wheel's distribution name, as pip knows it."""
