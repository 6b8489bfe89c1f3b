"""The plugin process's settings, read from the environment the host gives it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from .bootstrap import received

__all__ = ["RuntimeConfig", "load_runtime_config"]


@dataclass(frozen=True)
class RuntimeConfig:
    """What the host told the plugin process (all from ``MATTERMOST_PLUGIN_*`` variables).

    Attributes:
        plugin_id: the plugin's manifest id (``MATTERMOST_PLUGIN_ID``).
        api_target: the gRPC target of the Plugin API, such as ``unix:///tmp/pyp-x/api.sock``
            (``MATTERMOST_PLUGIN_API_TARGET``); empty when the host serves no API.
        api_token: the credential sent with every API call as ``authorization: Bearer <token>``: from the
            bootstrap line on stdin (``api_token``, see ``bootstrap``), which is how this project's host
            sends it; else ``MATTERMOST_PLUGIN_API_TOKEN`` (for hosts that still put it in the
            environment, where other processes of the same user can read it).
        plugin_path: the plugin's directory (``MATTERMOST_PLUGIN_PATH``).
        hook_timeout: seconds a hook may run when the host sets no deadline
            (``MATTERMOST_PLUGIN_HOOK_TIMEOUT``, default 30).
        log_level: the level of the SDK's and the plugin's loggers (``MATTERMOST_PLUGIN_LOG_LEVEL``,
            default INFO).
        lifeline: ``"stdin"`` when the plugin must exit as soon as its stdin reaches end of file
            (``MATTERMOST_PLUGIN_LIFELINE``); empty otherwise.
    """

    plugin_id: str = ""
    api_target: str = ""
    api_token: str = ""
    plugin_path: str = ""
    hook_timeout: float = 30.0
    log_level: str = "INFO"
    lifeline: str = ""


def load_runtime_config(environ: Mapping[str, str] | None = None) -> RuntimeConfig:
    """Reads the settings from ``environ`` (default: the process environment)."""
    env = os.environ if environ is None else environ
    timeout_text = env.get("MATTERMOST_PLUGIN_HOOK_TIMEOUT", "").strip()
    try:
        hook_timeout = float(timeout_text) if timeout_text else 30.0
    except ValueError:
        raise ValueError(
            f"MATTERMOST_PLUGIN_HOOK_TIMEOUT must be a number of seconds, not {timeout_text!r}"
        ) from None
    if hook_timeout <= 0:
        raise ValueError(f"MATTERMOST_PLUGIN_HOOK_TIMEOUT must be positive, not {timeout_text!r}")
    return RuntimeConfig(
        plugin_id=env.get("MATTERMOST_PLUGIN_ID", ""),
        api_target=env.get("MATTERMOST_PLUGIN_API_TARGET", ""),
        api_token=received().get("api_token") or env.get("MATTERMOST_PLUGIN_API_TOKEN", ""),
        plugin_path=env.get("MATTERMOST_PLUGIN_PATH", ""),
        hook_timeout=hook_timeout,
        log_level=(env.get("MATTERMOST_PLUGIN_LOG_LEVEL", "") or "INFO").upper(),
        lifeline=env.get("MATTERMOST_PLUGIN_LIFELINE", ""),
    )
