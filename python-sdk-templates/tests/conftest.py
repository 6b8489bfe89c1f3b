"""Shared fixtures: the fixture plugins, a fake Plugin API server, and spawning plugin processes."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent import futures
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(FIXTURES))

API_SERVICE = "mattermost.pluginapi.v1.PluginAPI"
COOKIE = {"MATTERMOST_PLUGIN": "Securely message teams, anywhere."}


@dataclass
class FakeApiServer:
    """A Plugin API host for tests: answers the methods it is given, records every call's metadata."""

    target: str
    answers: dict[str, Callable[[Any, grpc.ServicerContext], Any]]
    calls: list[tuple[str, Any, dict[str, str]]] = field(default_factory=list)


def _api_handler(server: FakeApiServer) -> grpc.GenericRpcHandler:
    from mattermost_plugin._proto.mattermost.pluginapi.v1 import api_pb2

    methods = api_pb2.DESCRIPTOR.services_by_name["PluginAPI"].methods_by_name
    from google.protobuf import message_factory

    class Handler(grpc.GenericRpcHandler):
        def service(self, details: grpc.HandlerCallDetails) -> grpc.RpcMethodHandler | None:
            name = details.method.rsplit("/", 1)[-1]
            if not details.method.startswith(f"/{API_SERVICE}/") or name not in server.answers:
                return None
            method = methods[name]
            request_type = message_factory.GetMessageClass(method.input_type)
            response_type = message_factory.GetMessageClass(method.output_type)
            answer = server.answers[name]

            def record(request: Any, context: grpc.ServicerContext) -> Any:
                server.calls.append((name, request, dict(context.invocation_metadata())))
                return answer(request, context)

            if method.client_streaming and method.server_streaming:
                return grpc.stream_stream_rpc_method_handler(
                    record, request_type.FromString, response_type.SerializeToString)
            if method.client_streaming:
                return grpc.stream_unary_rpc_method_handler(
                    record, request_type.FromString, response_type.SerializeToString)
            return grpc.unary_unary_rpc_method_handler(record, request_type.FromString, response_type.SerializeToString)

    return Handler()


@pytest.fixture
def api_server() -> Iterator[Callable[[dict[str, Callable[[Any, grpc.ServicerContext], Any]]], FakeApiServer]]:
    servers: list[grpc.Server] = []
    directory = tempfile.mkdtemp(prefix="pyp-api-", dir="/tmp")

    def start(answers: dict[str, Callable[[Any, grpc.ServicerContext], Any]]) -> FakeApiServer:
        path = os.path.join(directory, f"api{len(servers)}.sock")
        fake = FakeApiServer(f"unix://{path}", answers)
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
        server.add_generic_rpc_handlers((_api_handler(fake),))
        server.add_insecure_port(f"unix:{path}")
        server.start()
        servers.append(server)
        return fake

    yield start
    for server in servers:
        server.stop(0)


@dataclass
class PluginProcess:
    process: subprocess.Popen[bytes]
    line: str
    network: str
    address: str
    channel: grpc.Channel

    def stub(self, path: str, request_type: Any, response_type: Any) -> Any:
        return self.channel.unary_unary(path, request_serializer=request_type.SerializeToString,
                                        response_deserializer=response_type.FromString)

    def stderr_text(self) -> str:
        assert self.process.stderr is not None
        return self.process.stderr.read().decode()


def plugin_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MATTERMOST_PLUGIN", "PLUGIN_"))}
    env.update(COOKIE)
    env.update(PLUGIN_PROTOCOL_VERSIONS="1", PLUGIN_MIN_PORT="10000", PLUGIN_MAX_PORT="25000",
               PYTHONPATH=os.pathsep.join(filter(None, [str(FIXTURES), os.environ.get("PYTHONPATH", "")])),
               PYTHONDONTWRITEBYTECODE="1")
    env.update(extra)
    return env


def spawn(script: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, str(FIXTURES / script)], env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture
def socket_dir() -> Iterator[str]:
    directory = tempfile.mkdtemp(prefix="pyp-", dir="/tmp")
    os.chmod(directory, 0o700)
    yield directory


@pytest.fixture
def start_plugin(socket_dir: str) -> Iterator[Callable[..., PluginProcess]]:
    started: list[PluginProcess] = []

    def start(script: str = "hello_plugin.py", bootstrap: str | None = None, **extra: str) -> PluginProcess:
        """``bootstrap``: a line written to the plugin's stdin first, as this project's host does."""
        env = plugin_env(**{"PLUGIN_UNIX_SOCKET_DIR": socket_dir, **extra})
        process = spawn(script, env)
        assert process.stdout is not None
        if bootstrap is not None:
            assert process.stdin is not None
            process.stdin.write(bootstrap.encode())
            process.stdin.flush()
        line = process.stdout.readline().decode()
        assert line, f"no handshake line; stderr: {process.stderr.read().decode() if process.stderr else ''}"
        parts = line.rstrip("\n").split("|")
        target = f"unix:{parts[3]}" if parts[2] == "unix" else parts[3]
        channel = grpc.insecure_channel(target)
        plugin = PluginProcess(process, line, parts[2], parts[3], channel)
        started.append(plugin)
        return plugin

    yield start
    for plugin in started:
        plugin.channel.close()
        if plugin.process.poll() is None:
            plugin.process.kill()
        plugin.process.wait(10)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A skipped test is a test that proved nothing: the suite fails if any test skipped itself."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and reporter.stats.get("skipped") and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
