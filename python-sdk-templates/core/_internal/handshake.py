"""The go-plugin handshake, plugin side: the cookie check, version negotiation, where to listen, and
the line printed on stdout. Imports nothing heavy: it runs before gRPC is loaded."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Mapping, Sequence
from typing import TextIO

__all__ = [
    "MAGIC_COOKIE_KEY",
    "MAGIC_COOKIE_VALUE",
    "APP_PROTOCOL_VERSIONS",
    "check_cookie",
    "negotiate_version",
    "unix_socket_path",
    "tcp_port_range",
    "handshake_line",
]

CORE_PROTOCOL_VERSION = 1
MAGIC_COOKIE_KEY = "MATTERMOST_PLUGIN"
MAGIC_COOKIE_VALUE = "Securely message teams, anywhere."
APP_PROTOCOL_VERSIONS: tuple[int, ...] = (1,)
SUN_PATH_MAX = 104
"""The shortest ``sun_path`` limit of the platforms we run on (macOS 104, Linux 108), less the NUL."""

NOT_A_PROGRAM = (
    "This program is a Mattermost plugin. It is not meant to be run directly: the server (or another\n"
    "plugin host) starts it and talks to it over gRPC. Install the plugin on a server and enable it there.\n"
    "(For tests, use mattermost_plugin.testing.)\n"
)


def check_cookie(environ: Mapping[str, str], stderr: TextIO | None = None) -> None:
    """Exits with status 1 and a friendly message unless a host started this process."""
    if environ.get(MAGIC_COOKIE_KEY) != MAGIC_COOKIE_VALUE:
        (stderr or sys.stderr).write(NOT_A_PROGRAM)
        (stderr or sys.stderr).flush()
        raise SystemExit(1)


def negotiate_version(environ: Mapping[str, str], ours: Sequence[int] = APP_PROTOCOL_VERSIONS,
                      stderr: TextIO | None = None) -> int:
    """The highest of ``ours`` the host also speaks; our lowest when none matches (the host then reports
    the mismatch) or when the host names no versions. Unparsable entries are reported and skipped."""
    text = environ.get("PLUGIN_PROTOCOL_VERSIONS", "")
    host: set[int] = set()
    for entry in text.split(","):
        entry = entry.strip()
        if not entry:
            continue
        try:
            host.add(int(entry))
        except ValueError:
            (stderr or sys.stderr).write(f"[WARN] ignoring unparsable PLUGIN_PROTOCOL_VERSIONS entry {entry!r}\n")
    for version in sorted(ours, reverse=True):
        if version in host:
            return version
    return min(ours)


def unix_socket_path(environ: Mapping[str, str]) -> str | None:
    """A fresh socket path in ``PLUGIN_UNIX_SOCKET_DIR`` (else the temp dir), or None when unix sockets
    cannot be used here (Windows, or a directory so deep the path would not fit ``sun_path``)."""
    if os.name == "nt" or not hasattr(os, "getuid"):
        return None
    directory = environ.get("PLUGIN_UNIX_SOCKET_DIR") or tempfile.gettempdir()
    path = os.path.join(directory, "plugin" + os.urandom(6).hex())
    return path if len(os.fsencode(path)) < SUN_PATH_MAX else None


def tcp_port_range(environ: Mapping[str, str]) -> range:
    """``PLUGIN_MIN_PORT``..``PLUGIN_MAX_PORT`` inclusive; port 0 (any) when neither is set."""
    low_text, high_text = environ.get("PLUGIN_MIN_PORT", ""), environ.get("PLUGIN_MAX_PORT", "")
    if not low_text and not high_text:
        return range(0, 1)
    try:
        low, high = int(low_text or "0"), int(high_text or "0")
    except ValueError:
        raise ValueError(f"PLUGIN_MIN_PORT/PLUGIN_MAX_PORT must be numbers, not {low_text!r}/{high_text!r}") from None
    if low > high:
        raise ValueError(f"PLUGIN_MIN_PORT ({low}) is greater than PLUGIN_MAX_PORT ({high})")
    return range(low, high + 1)


def handshake_line(app_version: int, network: str, address: str, server_cert: str = "") -> str:
    """``CORE|APP|NETWORK|ADDR|grpc|CERT``, without the newline."""
    return f"{CORE_PROTOCOL_VERSION}|{app_version}|{network}|{address}|grpc|{server_cert}"
