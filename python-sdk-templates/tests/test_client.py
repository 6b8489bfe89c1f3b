"""The generated API clients against an in-process fake host."""

from __future__ import annotations

import asyncio
import inspect
import io

import grpc
import pytest

from mattermost_plugin import AsyncPluginAPIClient, NotFoundError, PluginAPIClient, UnavailableError
from mattermost_plugin._internal.context import enter_request, leave_request
from mattermost_plugin._proto.mattermost.pluginapi.v1 import api_pb2, api_plugin_pb2, api_server_pb2, api_user_pb2
from mattermost_plugin.errors import PermissionDeniedError
from mattermost_plugin.models import AppError, HTTPRequestHead, HTTPResponseHead, Manifest, User
from mattermost_plugin.testing import FakeAPI

API_RPCS = [m.name for m in api_pb2.DESCRIPTOR.services_by_name["PluginAPI"].methods]


def public_methods(cls: type) -> list[str]:
    base = {"close", "connect", "from_config"}
    return [n for n, _ in inspect.getmembers(cls, inspect.isfunction) if not n.startswith("_") and n not in base]


def test_each_client_has_one_method_per_api_rpc() -> None:
    sync, aio, fake = public_methods(PluginAPIClient), public_methods(AsyncPluginAPIClient), public_methods(FakeAPI)
    print(f"\nclient methods: sync {len(sync)}, async {len(aio)}, fake {len(fake) - 5}; API RPCs: {len(API_RPCS)}")
    assert len(sync) == len(API_RPCS) == len(aio)
    assert set(sync) == set(aio) and set(sync) <= set(fake)
    assert "get_server_version" in sync and "kv_set" in sync and "get_plugin_id" in sync
    assert all(inspect.iscoroutinefunction(getattr(AsyncPluginAPIClient, n)) for n in aio)
    assert PluginAPIClient.get_user.__doc__ and "user" in PluginAPIClient.get_user.__doc__.lower()


def test_calls_carry_the_token_and_the_request_context_and_return_the_result(api_server) -> None:  # type: ignore[no-untyped-def]
    server = api_server({"GetServerVersion": lambda req, ctx: api_server_pb2.GetServerVersionResponse(version="10.5.0")})
    with PluginAPIClient(server.target, plugin_id="com.example.hello", token="s3cret") as client:
        token = enter_request("req-42")
        try:
            assert client.get_server_version() == "10.5.0"
        finally:
            leave_request(token)
    name, request, metadata = server.calls[0]
    assert name == "GetServerVersion" and metadata["authorization"] == "Bearer s3cret"
    assert (request.context.plugin_id, request.context.request_id) == ("com.example.hello", "req-42")


def test_an_app_error_in_the_response_raises_the_matching_exception_with_every_field(api_server) -> None:  # type: ignore[no-untyped-def]
    error = AppError(id="app.user.missing", message="no such user", detailed_error="sql: no rows", request_id="r",
                     status_code=404, where="GetUser")
    error.params.update({"user_id": "u1"})
    server = api_server({"GetUser": lambda req, ctx: api_user_pb2.GetUserResponse(error=error)})
    with PluginAPIClient(server.target) as client, pytest.raises(NotFoundError) as raised:
        client.get_user("u1")
    e = raised.value
    assert (e.message, e.id, e.detailed_error, e.request_id, e.status_code, e.where, e.params) == (
        "no such user", "app.user.missing", "sql: no rows", "r", 404, "GetUser", {"user_id": "u1"})


def test_transport_failures_raise_unavailable_and_refusals_raise_permission_denied(api_server, socket_dir) -> None:  # type: ignore[no-untyped-def]
    with PluginAPIClient(f"unix://{socket_dir}/nobody.sock", timeout=2) as client:
        with pytest.raises(UnavailableError) as raised:
            client.get_server_version()
    assert raised.value.grpc_code == "UNAVAILABLE"

    def refuse(req: object, ctx: grpc.ServicerContext) -> None:
        ctx.abort(grpc.StatusCode.PERMISSION_DENIED, "bad token")

    server = api_server({"GetServerVersion": refuse})
    with PluginAPIClient(server.target) as client, pytest.raises(PermissionDeniedError, match="bad token"):
        client.get_server_version()


def test_a_streamed_upload_accepts_bytes_files_and_iterables(api_server) -> None:  # type: ignore[no-untyped-def]
    received: list[bytes] = []

    def install(requests, ctx):  # type: ignore[no-untyped-def]
        messages = list(requests)
        received.append(b"".join(m.body_chunk for m in messages))
        assert messages[0].replace and messages[-1].body_complete
        assert all(len(m.body_chunk) <= 64 * 1024 for m in messages)
        return api_plugin_pb2.InstallPluginResponse(manifest=Manifest(json=b'{"id": "x"}'))

    server = api_server({"InstallPlugin": install})
    bundle = bytes(range(256)) * 1000
    with PluginAPIClient(server.target) as client:
        assert client.install_plugin(True, bundle).json == b'{"id": "x"}'
        client.install_plugin(True, io.BytesIO(bundle))
        client.install_plugin(True, iter([bundle[:100], bundle[100:]]))
    assert received == [bundle] * 3


def test_plugin_http_streams_the_response(api_server) -> None:  # type: ignore[no-untyped-def]
    def serve(requests, ctx):  # type: ignore[no-untyped-def]
        body = b"".join(m.body_chunk for m in requests)
        yield api_plugin_pb2.PluginHTTPResponse(response=HTTPResponseHead(status_code=201))
        for i in range(3):
            yield api_plugin_pb2.PluginHTTPResponse(body_chunk=body + str(i).encode(), flush=True)
        yield api_plugin_pb2.PluginHTTPResponse(body_complete=True)

    server = api_server({"PluginHTTP": serve})
    with PluginAPIClient(server.target) as client:
        stream = client.plugin_http(HTTPRequestHead(method="POST", url="/other/x"), b"ab")
        assert stream.head.status_code == 201
        assert list(stream) == [b"ab0", b"ab1", b"ab2"]


def test_the_async_client_calls_the_same_rpcs(api_server) -> None:  # type: ignore[no-untyped-def]
    server = api_server({
        "GetServerVersion": lambda req, ctx: api_server_pb2.GetServerVersionResponse(version="10.5.0"),
        "GetUser": lambda req, ctx: api_user_pb2.GetUserResponse(user=User(id=req.user_id)),
    })

    async def run() -> tuple[str, str]:
        async with AsyncPluginAPIClient(server.target, token="t") as client:
            return await client.get_server_version(), (await client.get_user("u9")).id

    assert asyncio.run(run()) == ("10.5.0", "u9")
    assert server.calls[0][2]["authorization"] == "Bearer t"
