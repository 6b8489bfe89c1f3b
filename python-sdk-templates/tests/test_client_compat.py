"""Issue 13 item 6 and issue 12 item 5: the clients as Mattermost's SDK shapes them (target, connect,
connected, KV and permission conveniences), and the same error translation in the sync and async cores."""

from __future__ import annotations

import asyncio
from typing import Any

import grpc
import pytest
from google.protobuf import struct_pb2

from mattermost_plugin import AsyncPluginAPIClient, PluginAPIClient, UnavailableError
from mattermost_plugin._proto.mattermost.pluginapi.v1 import api_channel_pb2, api_plugin_pb2, api_server_pb2
from mattermost_plugin.models import HTTPRequestHead, HTTPResponseHead


def version(request: object, context: object) -> api_server_pb2.GetServerVersionResponse:
    return api_server_pb2.GetServerVersionResponse(version="10.5.0")


def test_a_client_is_made_from_its_target_and_connects_on_demand(api_server: Any) -> None:
    server = api_server({"GetServerVersion": version})
    client = PluginAPIClient(target=server.target)
    assert client.target == server.target and not client.connected
    client.connect()
    assert client.connected
    with pytest.raises(RuntimeError, match="already connected"):
        client.connect()
    assert client.get_server_version() == "10.5.0"
    client.close()
    assert not client.connected
    assert client.get_server_version() == "10.5.0"  # a call after close opens a new channel
    client.close()
    with PluginAPIClient(server.target) as same:
        assert same.connected and same.get_server_version() == "10.5.0"
    assert not same.connected


def test_without_a_target_the_client_uses_the_hosts_environment(api_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    server = api_server({"GetServerVersion": version})
    monkeypatch.setenv("MATTERMOST_PLUGIN_API_TARGET", server.target)
    monkeypatch.setenv("MATTERMOST_PLUGIN_API_TOKEN", "tok")
    monkeypatch.setenv("MATTERMOST_PLUGIN_ID", "com.example.env")
    with PluginAPIClient() as client:
        assert client.get_server_version() == "10.5.0"
    _, request, metadata = server.calls[0]
    assert metadata["authorization"] == "Bearer tok" and request.context.plugin_id == "com.example.env"


def test_a_client_with_no_target_at_all_says_how_to_get_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MATTERMOST_PLUGIN_API_TARGET", raising=False)
    with pytest.raises(UnavailableError, match=r"pass PluginAPIClient\(target=...\)"):
        PluginAPIClient().get_server_version()


def test_the_async_client_connects_with_await(api_server: Any) -> None:
    server = api_server({"GetServerVersion": version})

    async def run() -> tuple[bool, bool, str]:
        client = AsyncPluginAPIClient(target=server.target)
        before = client.connected
        await client.connect()
        try:
            return before, client.connected, await client.get_server_version()
        finally:
            await client.close()

    assert asyncio.run(run()) == (False, True, "10.5.0")


def test_kv_get_of_a_missing_key_is_none_and_kv_list_pages_by_default(api_server: Any) -> None:
    values = {"present": b"v"}
    server = api_server({
        "KVGet": lambda req, ctx: api_plugin_pb2.KVGetResponse(value=values.get(req.key, b"")),
        "KVList": lambda req, ctx: api_plugin_pb2.KVListResponse(keys=["a", "b"]),
    })
    with PluginAPIClient(server.target) as client:
        assert client.kv_get("missing") is None
        assert client.kv_get("present") == b"v"
        assert client.kv_list() == ["a", "b"]
        client.kv_list(page=2, per_page=10)
    lists = [request for name, request, _ in server.calls if name == "KVList"]
    assert [(r.page, r.per_page) for r in lists] == [(0, 100), (2, 10)]


def test_permission_checks_take_the_permission_id(api_server: Any) -> None:
    server = api_server({"HasPermissionToChannel":
                         lambda req, ctx: api_channel_pb2.HasPermissionToChannelResponse(allowed=True)})
    with PluginAPIClient(server.target) as client:
        assert client.has_permission_to_channel("u1", "c1", "manage_public_channel_members") is True
    (_, request, _), = server.calls
    assert (request.user_id, request.channel_id, request.permission.id) == ("u1", "c1", "manage_public_channel_members")


def test_log_calls_take_key_value_pairs_as_keywords(api_server: Any) -> None:
    server = api_server({"LogInfo": lambda req, ctx: api_server_pb2.LogInfoResponse()})
    with PluginAPIClient(server.target) as client:
        client.log_info("saved", user_id="u1", count=3, extra={"a": [1, None]})
    (_, request, _), = server.calls
    nested = struct_pb2.Struct()
    nested.update({"v": {"a": [1, None]}})
    assert list(request.key_value_pairs) == [
        struct_pb2.Value(string_value="user_id"), struct_pb2.Value(string_value="u1"),
        struct_pb2.Value(string_value="count"), struct_pb2.Value(number_value=3),
        struct_pb2.Value(string_value="extra"), nested.fields["v"]]


def _broken_stream(requests: Any, context: grpc.ServicerContext) -> Any:
    list(requests)
    yield api_plugin_pb2.PluginHTTPResponse(response=HTTPResponseHead(status_code=200), body_chunk=b"first")
    context.abort(grpc.StatusCode.UNAVAILABLE, "the host went down mid-body")


def test_a_failure_mid_body_raises_the_sdks_exception_in_the_sync_client(api_server: Any) -> None:
    server = api_server({"PluginHTTP": _broken_stream})
    with PluginAPIClient(server.target) as client:
        stream = client.plugin_http(HTTPRequestHead(method="GET", url="/x"))
        with pytest.raises(UnavailableError, match="the host went down mid-body") as raised:
            stream.read()
    assert raised.value.grpc_code == "UNAVAILABLE" and raised.value.where.endswith("/PluginHTTP")


def test_a_failure_mid_body_raises_the_sdks_exception_in_the_async_client_too(api_server: Any) -> None:
    server = api_server({"PluginHTTP": _broken_stream})

    async def run() -> tuple[list[bytes], BaseException | None]:
        chunks: list[bytes] = []
        async with AsyncPluginAPIClient(server.target) as client:
            stream = await client.plugin_http(HTTPRequestHead(method="GET", url="/x"))
            try:
                async for chunk in stream:
                    chunks.append(chunk)
            except Exception as e:  # noqa: BLE001 - the test looks at what escaped
                return chunks, e
        return chunks, None

    chunks, error = asyncio.run(run())
    assert chunks == [b"first"]
    assert isinstance(error, UnavailableError) and not isinstance(error, grpc.RpcError)
    assert error.grpc_code == "UNAVAILABLE"
