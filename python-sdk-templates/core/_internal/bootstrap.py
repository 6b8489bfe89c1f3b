"""The bootstrap line: secrets the host hands over on stdin instead of in the environment.

With ``MATTERMOST_PLUGIN_BOOTSTRAP=stdin`` the host writes one JSON object and a newline to the plugin's
stdin right after the spawn (``{"api_token": "..."}``, and under AutoMTLS the plugin's certificate and key)
and then leaves the pipe open, unwritten, as the lifeline. The SDK reads that line before anything else;
another process of the same user can read a process's environment and command line, but not what it read
from a pipe. Without the variable (under a
go-plugin host stdin is the host's terminal) stdin is not touched.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping

__all__ = ["ENV_BOOTSTRAP", "PLUGIN_CERT", "PLUGIN_KEY", "BootstrapError", "read_bootstrap", "received"]

ENV_BOOTSTRAP = "MATTERMOST_PLUGIN_BOOTSTRAP"
PLUGIN_CERT = "tls_cert_pem"
"""Under AutoMTLS, the certificate the host made for this plugin (PEM); with ``PLUGIN_KEY`` the SDK serves TLS
with it instead of making its own."""
PLUGIN_KEY = "tls_key_pem"
_MAX_LINE = 64 * 1024
_received: dict[str, str] = {}


class BootstrapError(RuntimeError):
    """The host said it sends a bootstrap line, and what came was not one."""


def read_bootstrap(environ: Mapping[str, str], fd: int = 0) -> dict[str, str]:
    """Reads the bootstrap line from ``fd`` when ``environ`` asks for it, keeps it for ``received()`` and
    returns it; returns an empty dict, reading nothing, otherwise."""
    mode = environ.get(ENV_BOOTSTRAP, "")
    if not mode:
        return {}
    if mode != "stdin":
        raise BootstrapError(f"{ENV_BOOTSTRAP} must be 'stdin' or unset, not {mode!r}")
    data = b""
    while b"\n" not in data:
        chunk = os.read(fd, 4096)
        if not chunk:
            raise BootstrapError(f"stdin ended before the bootstrap line ({ENV_BOOTSTRAP}=stdin); is the host gone?")
        data += chunk
        if len(data) > _MAX_LINE:
            raise BootstrapError(f"the bootstrap line on stdin is longer than {_MAX_LINE} bytes")
    line = data.split(b"\n", 1)[0]
    try:
        fields = json.loads(line)
    except ValueError as e:
        raise BootstrapError(f"the bootstrap line on stdin is not JSON: {e}") from None
    if not isinstance(fields, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in fields.items()):
        raise BootstrapError("the bootstrap line on stdin must be a JSON object of strings")
    _received.clear()
    _received.update(fields)
    return dict(fields)


def received() -> Mapping[str, str]:
    """The fields of the bootstrap line this process read (empty when it read none)."""
    return _received
