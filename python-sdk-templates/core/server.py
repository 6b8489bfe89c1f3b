"""Running a plugin as the process a host starts: ``run_plugin(MyPlugin)``.

It speaks hashicorp/go-plugin's gRPC protocol: checks the magic cookie, negotiates the protocol
version, listens on a unix socket (TCP as a fallback; AutoMTLS when the host asks), prints the
handshake line, serves the hooks, health, GRPCController, GRPCStdio and GRPCBroker, logs hclog JSON to
stderr, and exits on Shutdown, SIGTERM, the end of the host's lifeline, or the host's death.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, NoReturn

from ._internal import bootstrap, handshake, hardening

if TYPE_CHECKING:
    from .plugin import Plugin

__all__ = ["run_plugin"]

_STOP_GRACE = 2.0
_PARENT_POLL = 1.0


def run_plugin(plugin_class: type[Plugin], environ: Mapping[str, str] | None = None) -> NoReturn:
    """Serves ``plugin_class`` until the host stops it, then exits the process.

    First it makes the process non-dumpable (Linux; see ``_internal.hardening``) and, when the host asks
    with ``MATTERMOST_PLUGIN_BOOTSTRAP=stdin``, reads the bootstrap line with its API token from stdin."""
    env = os.environ if environ is None else environ
    # Before any secret arrives: no other process of this user may read this one's memory or /proc files.
    hardening.forbid_inspection()
    real_stdout, real_stderr = sys.stdout, sys.stderr
    handshake.check_cookie(env, real_stderr)
    try:
        bootstrap.read_bootstrap(env)
    except (bootstrap.BootstrapError, OSError) as e:
        real_stderr.write(f"[ERROR] cannot read the host's bootstrap line: {e}\n")
        real_stderr.flush()
        raise SystemExit(1) from None
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C in the host's terminal is the host's business

    from ._internal import hclog
    from ._internal.config import load_runtime_config

    config = load_runtime_config(env)
    hclog.install(real_stderr, config.log_level)
    import logging

    log = logging.getLogger("mattermost_plugin.server")

    from ._internal.serving import PluginServer
    from ._internal.stdio import StdioForwarder

    stdio = StdioForwarder(real_stderr)
    server = PluginServer(plugin_class, config, env, stdio)
    try:
        line = server.start()
    except Exception as e:  # noqa: BLE001 - reported to the host on stderr, then exit
        log.error("the plugin server could not start: %s", e, exc_info=True)
        sys.exit(1)
    real_stdout.write(line + "\n")
    real_stdout.flush()
    stdio.install()

    signal.signal(signal.SIGTERM, lambda *_: server.stop_requested.set())
    try:
        server.warm_up()
    except Exception:  # noqa: BLE001
        log.error("the plugin could not be created", exc_info=True)
        server.stop(0)
        os._exit(1)
    host_gone = threading.Event()
    if config.lifeline == "stdin":
        threading.Thread(target=_watch_lifeline, args=(server.stop_requested, host_gone), name="plugin-lifeline",
                         daemon=True).start()
    log.debug("plugin %s serving (%s)", config.plugin_id or plugin_class.__name__, line)

    parent = os.getppid()
    while not server.stop_requested.wait(_PARENT_POLL):
        if os.getppid() != parent:
            log.warning("the host process is gone; stopping")
            host_gone.set()
            break
    # A gone host waits for no answers: stop at once rather than grant in-flight calls a grace period.
    server.stop(0 if host_gone.is_set() else _STOP_GRACE)
    for stream in (sys.stdout, sys.stderr, real_stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001
            pass
    # Handler threads stuck in plugin code must not keep the process alive after the host said stop.
    os._exit(0)


def _watch_lifeline(stop: threading.Event, host_gone: threading.Event) -> None:
    try:
        while os.read(0, 4096):
            pass
    except OSError:
        pass
    host_gone.set()
    stop.set()

