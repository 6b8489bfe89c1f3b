"""The plugin's gRPC server: the hooks service plus go-plugin's built-in services.

To keep the time to the handshake line short, ``start`` loads only gRPC: every method is registered as
a small trampoline, and ``warm_up`` (run right after the handshake) imports the protobuf modules,
creates the plugin and fills the table the trampolines call through. An RPC that arrives before that
waits for it.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import grpc

from .._hook_names import HOOKS_SERVICE, STREAMING_HOOKS
from . import handshake
from .config import RuntimeConfig
from .stdio import StdioForwarder

if TYPE_CHECKING:
    from ..plugin import Plugin
    from .runner import HookRunner

__all__ = ["PluginServer", "StartupError"]

_log = logging.getLogger("mattermost_plugin.server")

HEALTH_SERVICE = "grpc.health.v1.Health"
CONTROLLER_SERVICE = "plugin.GRPCController"
STDIO_SERVICE = "plugin.GRPCStdio"
BROKER_SERVICE = "plugin.GRPCBroker"
GO_PLUGIN_HEALTH_NAME = "plugin"
_WARM_UP_WAIT = 60.0
_HEALTH_WORKERS = 2
_CONTROL_WORKERS = 8


class StartupError(RuntimeError):
    """The plugin server could not start (no address to listen on, bad environment, TLS failure)."""


class PluginServer:
    """Serves one plugin class. ``start`` binds and returns the handshake line; ``warm_up`` creates the
    plugin; ``stop_requested`` is set by Shutdown (or by the caller) and ``stop`` ends it all."""

    def __init__(
        self,
        plugin_class: type[Plugin],
        config: RuntimeConfig,
        environ: Mapping[str, str],
        stdio: StdioForwarder | None = None,
        max_workers: int | None = None,
    ) -> None:
        self.plugin_class = plugin_class
        self.config = config
        self.environ = environ
        self.stdio = stdio
        self.max_workers = max_workers or int(environ.get("MATTERMOST_PLUGIN_MAX_WORKERS", "0") or 0) or 64
        self.stop_requested = threading.Event()
        self.plugin: Plugin | None = None
        self.runner: HookRunner | None = None
        self.socket_path: str | None = None
        self._table: dict[str, Callable[..., Any]] = {}
        self._ready = threading.Event()
        self._server: grpc.Server | None = None
        self._health: Any = None
        # Health checks and Shutdown never wait behind hooks: a plugin whose hook workers are all busy
        # (slow routes, SSE clients) still answers them, so the host does not take it for hung. The
        # long-lived go-plugin streams (Watch, GRPCStdio, GRPCBroker) get a pool of their own so they
        # hold neither a hook worker nor a health one.
        self._health_pool = ThreadPoolExecutor(max_workers=_HEALTH_WORKERS, thread_name_prefix="plugin-health")
        self._control_pool = ThreadPoolExecutor(max_workers=_CONTROL_WORKERS, thread_name_prefix="plugin-control")

    # --- start: before the handshake -------------------------------------------------------------

    def start(self) -> str:
        """Binds, starts serving and returns the handshake line (without newline)."""
        version = handshake.negotiate_version(self.environ)
        server = grpc.server(
            ThreadPoolExecutor(max_workers=self.max_workers, thread_name_prefix="plugin-rpc"),
            options=[("grpc.max_receive_message_length", -1), ("grpc.max_send_message_length", -1),
                     ("grpc.so_reuseport", 0)],
        )
        hooks = {name: self._stream(f"/{HOOKS_SERVICE}/{name}") if name in STREAMING_HOOKS
                 else self._unary(f"/{HOOKS_SERVICE}/{name}")
                 for name in [*self.plugin_class.implemented_hooks(), "Implemented"]}
        self._register(server, HOOKS_SERVICE, hooks)
        health, control = self._health_pool, self._control_pool
        self._register(server, HEALTH_SERVICE, {
            "Check": grpc.unary_unary_rpc_method_handler(_on_pool(self._trampoline(f"/{HEALTH_SERVICE}/Check"), health)),
            "Watch": grpc.unary_stream_rpc_method_handler(
                _on_pool(self._trampoline(f"/{HEALTH_SERVICE}/Watch"), control)),
        })
        self._register(server, CONTROLLER_SERVICE, {
            "Shutdown": grpc.unary_unary_rpc_method_handler(_on_pool(self._shutdown, health))})
        self._register(server, STDIO_SERVICE, {
            "StreamStdio": grpc.unary_stream_rpc_method_handler(_on_pool(self._stream_stdio, control))})
        self._register(server, BROKER_SERVICE, {
            "StartStream": grpc.stream_stream_rpc_method_handler(_on_pool(self._broker, control))})

        credentials = None
        cert_field = ""
        client_cert = self.environ.get("PLUGIN_CLIENT_CERT", "")
        if client_cert:
            from . import mtls
            from .bootstrap import PLUGIN_CERT, PLUGIN_KEY, received

            given = received()
            if given.get(PLUGIN_CERT) and given.get(PLUGIN_KEY):
                cert = mtls.given_server_certificate(given[PLUGIN_CERT], given[PLUGIN_KEY])
            else:
                cert = mtls.generate_server_certificate()  # a go-plugin host sends none
            credentials = grpc.ssl_server_credentials(
                [(cert.key_pem, cert.cert_pem)], root_certificates=client_cert.encode(), require_client_auth=True)
            cert_field = cert.handshake_field
        network, address = self._bind(server, credentials)
        server.start()
        self._server = server
        return handshake.handshake_line(version, network, address, cert_field)

    def _bind(self, server: grpc.Server, credentials: grpc.ServerCredentials | None) -> tuple[str, str]:
        path = handshake.unix_socket_path(self.environ)
        if path is not None:
            try:
                self._add_port(server, f"unix:{path}", credentials)
                self.socket_path = path
                return "unix", path
            except RuntimeError as e:
                _log.warning("cannot listen on unix socket %s (%s); falling back to TCP", path, e)
        ports = handshake.tcp_port_range(self.environ)
        for port in ports:
            try:
                bound = self._add_port(server, f"127.0.0.1:{port}", credentials)
            except RuntimeError:
                continue
            if bound:
                return "tcp", f"127.0.0.1:{bound}"
        raise StartupError(f"no free TCP port in {ports.start}..{ports.stop - 1} and no usable unix socket")

    @staticmethod
    def _add_port(server: grpc.Server, address: str, credentials: grpc.ServerCredentials | None) -> int:
        if credentials is None:
            return server.add_insecure_port(address)
        return server.add_secure_port(address, credentials)

    @staticmethod
    def _register(server: grpc.Server, service: str, handlers: dict[str, grpc.RpcMethodHandler[Any, Any]]) -> None:
        if hasattr(server, "add_registered_method_handlers"):
            server.add_registered_method_handlers(service, handlers)
        else:  # grpcio before 1.62
            server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(service, handlers),))

    def _trampoline(self, path: str) -> Callable[..., Any]:
        table = self._table

        def call(request: Any, context: grpc.ServicerContext) -> Any:
            behaviour = table.get(path)
            if behaviour is None:
                behaviour = self._wait_for(path, context)
            return behaviour(request, context)

        return call

    def _unary(self, path: str) -> grpc.RpcMethodHandler[Any, Any]:
        return grpc.unary_unary_rpc_method_handler(self._trampoline(path))

    def _stream(self, path: str) -> grpc.RpcMethodHandler[Any, Any]:
        return grpc.stream_stream_rpc_method_handler(self._trampoline(path))

    def _wait_for(self, path: str, context: grpc.ServicerContext) -> Callable[..., Any]:
        if not self._ready.wait(_WARM_UP_WAIT):
            context.abort(grpc.StatusCode.UNAVAILABLE, "the plugin is still starting")
        behaviour = self._table.get(path)
        if behaviour is None:
            context.abort(grpc.StatusCode.UNIMPLEMENTED, f"{path} is not served by this plugin")
        return behaviour

    # --- warm up: after the handshake ------------------------------------------------------------

    def warm_up(self, plugin: Plugin | None = None) -> None:
        """Loads the dispatch and the health service, creates the plugin and opens the hook table."""
        from grpc_health.v1 import health, health_pb2

        from .._hooks_dispatch import BINDERS
        from .runner import HookRunner

        runner = HookRunner(self.config.hook_timeout)
        self.runner = runner
        if plugin is None:
            plugin = self.plugin_class(config=self.config)
        self.plugin = plugin
        table: dict[str, Callable[..., Any]] = {}
        for name in self.plugin_class.implemented_hooks():
            handler = plugin.get_hook_handler(name)
            if handler is not None:
                table[f"/{HOOKS_SERVICE}/{name}"] = BINDERS[name](runner, handler)
        table[f"/{HOOKS_SERVICE}/Implemented"] = BINDERS["Implemented"](runner, plugin.implemented_hooks)

        servicer = health.HealthServicer()
        for name in ("", GO_PLUGIN_HEALTH_NAME):
            servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
        self._health = servicer

        def check(raw: bytes, context: grpc.ServicerContext) -> bytes:
            return servicer.Check(health_pb2.HealthCheckRequest.FromString(raw), context).SerializeToString()

        def watch(raw: bytes, context: grpc.ServicerContext) -> Iterator[bytes]:
            for response in servicer.Watch(health_pb2.HealthCheckRequest.FromString(raw), context):
                yield response.SerializeToString()

        table[f"/{HEALTH_SERVICE}/Check"] = check
        table[f"/{HEALTH_SERVICE}/Watch"] = watch
        self._table.update(table)
        self._ready.set()

    # --- go-plugin's services --------------------------------------------------------------------

    def _shutdown(self, raw: bytes, context: grpc.ServicerContext) -> bytes:
        _log.info("the host asked the plugin to shut down")
        threading.Timer(0.05, self.stop_requested.set).start()  # answer first, then stop
        return b""

    def _stream_stdio(self, raw: bytes, context: grpc.ServicerContext) -> Iterator[bytes]:
        if self.stdio is None:
            return iter(())
        return self.stdio.stream(context)

    def _broker(self, requests: Iterator[bytes], context: grpc.ServicerContext) -> Iterator[bytes]:
        # This SDK passes the API endpoint in the environment and brokers nothing: accept the stream
        # and drain it for the host's whole life.
        for _ in requests:
            pass
        return iter(())

    # --- stop ------------------------------------------------------------------------------------

    def stop(self, grace: float = 2.0) -> None:
        """Stops serving (in-flight calls get ``grace`` seconds), closes the API client, removes the socket."""
        if self._health is not None:
            self._health.enter_graceful_shutdown()
        if self._server is not None:
            self._server.stop(grace).wait(grace + 1.0)
        if self.stdio is not None:
            self.stdio.close()
        if self.runner is not None:
            self.runner.close()
        self._health_pool.shutdown(wait=False)
        self._control_pool.shutdown(wait=False)
        api = self.plugin.__dict__.get("_api") if self.plugin is not None else None
        if api is not None and hasattr(api, "close"):
            try:
                api.close()
            except Exception:  # noqa: BLE001 - best effort on the way out
                pass
        if self.socket_path is not None:
            try:
                os.unlink(self.socket_path)
            except OSError:
                pass


def _on_pool(behaviour: Callable[..., Any], pool: ThreadPoolExecutor) -> Callable[..., Any]:
    """``behaviour`` marked to run on ``pool``: grpcio's server runs a behaviour that carries an
    ``experimental_thread_pool`` there instead of on the server's own pool (which runs the hooks)."""

    def run(request: Any, context: grpc.ServicerContext) -> Any:
        return behaviour(request, context)

    setattr(run, "experimental_thread_pool", pool)  # noqa: B010 - mypy knows no such attribute on a function
    return run
