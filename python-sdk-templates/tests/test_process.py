"""Plugin processes started the way a go-plugin host starts them: the handshake, the hooks and services they
serve, concurrency, ServeHTTP streams (signals and the lifeline: test_process_lifecycle.py)."""

from __future__ import annotations

import base64
import json
import os
import re
import threading
import time

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from conftest import plugin_env, spawn
from mattermost_plugin._proto.mattermost.pluginapi.v1 import (
    api_server_pb2,
    hooks_http_pb2,
)
from mattermost_plugin._proto.plugin import grpc_stdio_pb2
from mattermost_plugin.models import CommandArgs, HTTPRequestHead, PluginContext, Post, User
from process_calls import HOOKS, call_hook, health, hook_message, shutdown


def test_hello_plugin_runs_unchanged_under_a_go_plugin_host(start_plugin, api_server, socket_dir) -> None:  # type: ignore[no-untyped-def]
    api = api_server({"GetServerVersion": lambda req, ctx: api_server_pb2.GetServerVersionResponse(version="10.5.0")})
    plugin = start_plugin("hello_plugin.py", MATTERMOST_PLUGIN_API_TARGET=api.target,
                          MATTERMOST_PLUGIN_API_TOKEN="tok", MATTERMOST_PLUGIN_ID="com.example.hello")
    assert re.fullmatch(r"1\|1\|unix\|[^|]+\|grpc\|\n", plugin.line)
    assert os.path.dirname(plugin.address) == socket_dir
    assert health(plugin.channel).status == health_pb2.HealthCheckResponse.SERVING

    assert list(call_hook(plugin, "Implemented", hook_message("ImplementedRequest")()).hooks) == [
        "ExecuteCommand", "MessageWillBePosted", "OnActivate", "OnDeactivate"]
    assert not call_hook(plugin, "OnActivate", hook_message("OnActivateRequest")()).HasField("error")
    (name, request, metadata), = api.calls
    assert name == "GetServerVersion" and metadata["authorization"] == "Bearer tok"
    assert request.context.plugin_id == "com.example.hello"

    rejected = call_hook(plugin, "MessageWillBePosted",
                         hook_message("MessageWillBePostedRequest")(plugin_context=PluginContext(), post=Post(message="badword")))
    assert rejected.rejection_reason and not rejected.HasField("post")
    command = call_hook(plugin, "ExecuteCommand", hook_message("ExecuteCommandRequest")(args=CommandArgs(command="/hello")))
    assert command.response.text == "Hello from Python! :wave:"

    assert shutdown(plugin) == 0
    assert not os.path.exists(plugin.address)
    lines = [json.loads(line) for line in plugin.stderr_text().splitlines() if line.startswith("{")]
    assert {"@level": "info", "@message": "Connected to server version 10.5.0"}.items() <= lines[1].items()
    for line in lines:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", line["@timestamp"]), line
        assert line["@level"] in {"trace", "debug", "info", "warn", "error"} and line["@module"]


def test_run_by_hand_it_explains_itself_and_exits_1() -> None:
    env = plugin_env()
    env.pop("MATTERMOST_PLUGIN")
    process = spawn("hello_plugin.py", env)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 1 and out == b""
    assert b"It is not meant to be run directly" in err


@pytest.mark.parametrize(("versions", "expected"), [("1", "1"), ("3,1,2", "1"), ("7", "1"), ("x,1", "1"), ("", "1")])
def test_the_app_protocol_version_is_negotiated(start_plugin, versions: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    plugin = start_plugin(PLUGIN_PROTOCOL_VERSIONS=versions)
    assert plugin.line.split("|")[1] == expected
    assert shutdown(plugin) == 0
    if versions.startswith("x"):
        assert "ignoring unparsable PLUGIN_PROTOCOL_VERSIONS entry 'x'" in plugin.stderr_text()


def test_tcp_is_used_in_the_port_range_when_no_unix_socket_fits(start_plugin, tmp_path) -> None:  # type: ignore[no-untyped-def]
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    plugin = start_plugin(PLUGIN_UNIX_SOCKET_DIR=str(deep), PLUGIN_MIN_PORT="20000", PLUGIN_MAX_PORT="20100")
    assert plugin.network == "tcp"
    host, port = plugin.address.split(":")
    assert host == "127.0.0.1" and 20000 <= int(port) <= 20100
    assert health(plugin.channel).status == health_pb2.HealthCheckResponse.SERVING
    assert shutdown(plugin) == 0


def test_auto_mtls_serves_a_go_plugin_shaped_certificate_and_requires_the_hosts(start_plugin) -> None:  # type: ignore[no-untyped-def]
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    from mattermost_plugin._internal.mtls import generate_server_certificate

    host = generate_server_certificate()  # the host's one-time certificate, made the same way
    plugin = start_plugin(PLUGIN_CLIENT_CERT=host.cert_pem.decode())
    field = plugin.line.rstrip("\n").split("|")[5]
    assert len(field) > 50 and "=" not in field
    cert = x509.load_der_x509_certificate(base64.b64decode(field + "=" * (-len(field) % 4)))
    assert cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value.get_values_for_type(
        x509.DNSName) == ["localhost"]
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    usages = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert {u._name for u in usages} == {"clientAuth", "serverAuth"}

    target = f"unix:{plugin.address}"
    plugin_pem = cert.public_bytes(serialization.Encoding.PEM)
    options = (("grpc.ssl_target_name_override", "localhost"),)
    trusted = grpc.secure_channel(target, grpc.ssl_channel_credentials(plugin_pem, host.key_pem, host.cert_pem), options)
    assert health(trusted).status == health_pb2.HealthCheckResponse.SERVING
    stranger = grpc.secure_channel(target, grpc.ssl_channel_credentials(plugin_pem), options)
    with pytest.raises(grpc.RpcError):
        health(stranger)
    plugin.channel = trusted
    assert shutdown(plugin) == 0


def test_output_after_the_handshake_is_forwarded_over_grpc_stdio(start_plugin) -> None:  # type: ignore[no-untyped-def]
    plugin = start_plugin("behaviours_plugin.py")
    stdio = plugin.channel.unary_stream("/plugin.GRPCStdio/StreamStdio", request_serializer=lambda _: b"",
                                        response_deserializer=grpc_stdio_pb2.StdioData.FromString)(None)
    broker = plugin.channel.stream_stream("/plugin.GRPCBroker/StartStream", request_serializer=lambda m: m,
                                          response_deserializer=lambda m: m)(iter(()))
    health(plugin.channel)
    time.sleep(0.3)  # let the stdio stream register before the plugin prints
    call_hook(plugin, "OnActivate", hook_message("OnActivateRequest")())
    received = b""
    for data in stdio:
        if data.channel == grpc_stdio_pb2.StdioData.STDOUT:
            received += data.data
            if b"\n" in received:
                break
    assert received == b"printed after the handshake\n"
    stdio.cancel()
    broker.cancel()
    assert shutdown(plugin) == 0
    stderr = plugin.stderr_text()
    warning = [json.loads(line) for line in stderr.splitlines() if "activated with" in line]
    assert warning and warning[0]["@level"] == "warn" and warning[0]["@message"] == "activated with args"
    assert "a child process wrote this" in stderr


def test_hooks_run_concurrently_and_deadlines_are_honoured(start_plugin) -> None:  # type: ignore[no-untyped-def]
    plugin = start_plugin("behaviours_plugin.py")
    results: list[float] = []

    def slow() -> None:
        started = time.monotonic()
        call_hook(plugin, "UserWillLogIn", hook_message("UserWillLogInRequest")(user=User(username="1")))
        results.append(time.monotonic() - started)

    threads = [threading.Thread(target=slow) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert len(results) == 4 and max(results) < 1.9, results

    with pytest.raises(grpc.RpcError) as raised:
        call_hook(plugin, "UserHasLoggedIn", hook_message("UserHasLoggedInRequest")(user=User(username="5")), timeout=0.5)
    assert raised.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    assert health(plugin.channel).status == health_pb2.HealthCheckResponse.SERVING

    with pytest.raises(grpc.RpcError) as raised:  # a plain handler cannot be stopped, but it is reported
        call_hook(plugin, "UserWillLogIn", hook_message("UserWillLogInRequest")(user=User(username="1")), timeout=0.3)
    assert raised.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    time.sleep(1.2)
    assert shutdown(plugin) == 0
    assert "UserWillLogIn returned after its deadline" in plugin.stderr_text()


def test_health_checks_are_answered_while_every_hook_worker_is_busy(start_plugin) -> None:  # type: ignore[no-untyped-def]
    # The attack: more slow hook calls than the plugin has workers. Health checks that queued behind them
    # timed out, and the host killed a busy plugin as hung.
    workers = 4
    plugin = start_plugin("behaviours_plugin.py", MATTERMOST_PLUGIN_MAX_WORKERS=str(workers))
    assert health(plugin.channel).status == health_pb2.HealthCheckResponse.SERVING  # warmed up
    answered: list[str] = []

    def slow() -> None:
        response = call_hook(plugin, "UserWillLogIn", hook_message("UserWillLogInRequest")(user=User(username="4")),
                             timeout=60)
        answered.append(response.rejection_reason)

    threads = [threading.Thread(target=slow) for _ in range(workers * 2)]
    for t in threads:
        t.start()
    time.sleep(1.0)  # every worker is in a 4 s hook now, and as many calls wait for one
    checks = []
    for _ in range(3):
        started = time.monotonic()
        reply = health_pb2_grpc.HealthStub(plugin.channel).Check(
            health_pb2.HealthCheckRequest(service="plugin"), timeout=2.0)
        checks.append((reply.status, time.monotonic() - started))
    assert all(status == health_pb2.HealthCheckResponse.SERVING for status, _ in checks), checks
    print(f"health checks with {workers * 2} hooks over {workers} workers answered in "
          f"{', '.join(f'{seconds * 1000:.0f} ms' for _, seconds in checks)}")
    for t in threads:
        t.join(60)
    assert len(answered) == workers * 2 and all(name.startswith("plugin-rpc") for name in answered), answered
    assert shutdown(plugin) == 0


def test_serve_http_streams_both_ways_over_grpc(start_plugin) -> None:  # type: ignore[no-untyped-def]
    plugin = start_plugin("behaviours_plugin.py")
    outgoing: list[hooks_http_pb2.ServeHTTPRequest] = []
    ready = threading.Condition()

    def requests():  # type: ignore[no-untyped-def]
        for i in range(3):
            with ready:
                ready.wait_for(lambda: len(outgoing) > i, timeout=10)
                message = outgoing[i]
            yield message

    call = plugin.channel.stream_stream(f"{HOOKS}/ServeHTTP",
                                        request_serializer=hooks_http_pb2.ServeHTTPRequest.SerializeToString,
                                        response_deserializer=hooks_http_pb2.ServeHTTPResponse.FromString)(requests())
    with ready:
        outgoing.append(hook_message("ServeHTTPRequest")(request=HTTPRequestHead(method="POST", url="/sse"),
                                                   body_chunk=b"12345"))
        ready.notify_all()
    first = next(call)
    assert first.response.status_code == 200 and first.body_chunk == b"data: 5\n\n"
    assert next(call).flush
    with ready:  # the next request chunk is sent only after the first response chunk arrived
        outgoing.append(hook_message("ServeHTTPRequest")(body_chunk=b"678"))
        ready.notify_all()
    assert next(call).body_chunk == b"data: 8\n\n"
    assert next(call).flush
    with ready:
        outgoing.append(hook_message("ServeHTTPRequest")(body_complete=True))
        ready.notify_all()
    rest = list(call)
    assert b"".join(m.body_chunk for m in rest) == b"data: done\n\n" and rest[-1].body_complete
    assert shutdown(plugin) == 0
