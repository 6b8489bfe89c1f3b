"""Issue 13 items 4, 5 and 7: Mattermost's SDK's names, exceptions and HTTP objects, as its plugins use them."""

from __future__ import annotations

import logging
from typing import Any

import grpc
import pytest

import mattermost_plugin
from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.http import HTTPRequest, HTTPResponseWriter
from mattermost_plugin.models import AppError as AppErrorMessage
from mattermost_plugin.models import HTTPRequestHead, PluginContext
from mattermost_plugin.testing import HookCaller

# The names Mattermost's mattermost_plugin/__init__.py exports (its __all__).
MATTERMOST_EXPORTS = [
    "Plugin", "hook", "HookName", "HookRegistrationError", "Command", "CommandResponse", "RuntimeConfig",
    "load_runtime_config", "PluginAPIClient", "AsyncPluginAPIClient", "PluginAPIError", "NotFoundError",
    "PermissionDeniedError", "ValidationError", "AlreadyExistsError", "UnavailableError", "convert_grpc_error",
    "__version__",
]
MATTERMOST_EXCEPTIONS = ["PluginAPIError", "NotFoundError", "PermissionDeniedError", "ValidationError",
                         "AlreadyExistsError", "UnavailableError", "convert_grpc_error", "convert_app_error"]


@pytest.mark.parametrize("name", MATTERMOST_EXPORTS)
def test_every_top_level_name_of_mattermosts_package_is_exported(name: str) -> None:
    assert getattr(mattermost_plugin, name) is not None
    assert name in mattermost_plugin.__all__


def test_command_and_command_response_import_from_the_top_and_build_with_keywords() -> None:
    from mattermost_plugin import Command, CommandResponse

    response = CommandResponse(response_type="ephemeral", text="hi")
    assert (response.response_type, response.text) == ("ephemeral", "hi")
    assert Command(trigger="hello", auto_complete=True).trigger == "hello"


def test_the_exceptions_module_has_mattermosts_names() -> None:
    import mattermost_plugin.exceptions as exceptions

    for name in MATTERMOST_EXCEPTIONS:
        assert hasattr(exceptions, name), name
    assert all(issubclass(getattr(exceptions, n), exceptions.PluginAPIError) for n in MATTERMOST_EXCEPTIONS[1:6])


def test_the_version_is_the_wheels() -> None:
    from importlib.metadata import version

    assert mattermost_plugin.__version__ == version("mattermost-plugin")


def test_exceptions_take_mattermosts_keywords_and_print_id_and_status() -> None:
    from mattermost_plugin.exceptions import NotFoundError, PluginAPIError

    error = NotFoundError("no such user", error_id="app.user.missing", status_code=404, detailed_error="sql: no rows",
                          where="GetUser", params={"user_id": "u1"}, request_id="r1")
    assert (error.error_id, error.id, error.status_code, error.detailed_error, error.request_id, error.where,
            error.params, error.message) == ("app.user.missing", "app.user.missing", 404, "sql: no rows", "r1",
                                             "GetUser", {"user_id": "u1"}, "no such user")
    assert str(error) == "no such user [app.user.missing] (HTTP 404)"
    assert isinstance(error, PluginAPIError) and error.code is None
    assert str(PluginAPIError("plain")) == "plain" and PluginAPIError("plain").status_code == 0
    assert NotFoundError("x").status_code == 404


class FakeRpcError(grpc.RpcError):
    def __init__(self, code: grpc.StatusCode, details: str = "") -> None:
        self._code, self._details = code, details

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return self._details


@pytest.mark.parametrize(("code", "expected"), [
    ("NOT_FOUND", "NotFoundError"), ("PERMISSION_DENIED", "PermissionDeniedError"),
    ("UNAUTHENTICATED", "PermissionDeniedError"), ("INVALID_ARGUMENT", "ValidationError"),
    ("FAILED_PRECONDITION", "ValidationError"), ("OUT_OF_RANGE", "ValidationError"),
    ("ALREADY_EXISTS", "AlreadyExistsError"), ("UNAVAILABLE", "UnavailableError"),
    ("DEADLINE_EXCEEDED", "UnavailableError"), ("RESOURCE_EXHAUSTED", "TooManyRequestsError"),
    ("UNIMPLEMENTED", "NotSupportedError"), ("INTERNAL", "PluginAPIError"), ("UNKNOWN", "PluginAPIError"),
])
def test_grpc_codes_map_to_mattermosts_exception_classes(code: str, expected: str) -> None:
    from mattermost_plugin.exceptions import UnavailableError, convert_grpc_error

    status = getattr(grpc.StatusCode, code)
    error = convert_grpc_error(FakeRpcError(status, "details here"))
    assert type(error).__name__ == expected
    assert (error.code, error.grpc_code, error.detailed_error) == (status, code, "details here")
    if code == "RESOURCE_EXHAUSTED":
        assert isinstance(error, UnavailableError)  # as Mattermost's SDK classes rate limits


def test_a_not_found_status_from_the_host_raises_not_found(api_server: Any) -> None:
    from mattermost_plugin import NotFoundError, PluginAPIClient

    def missing(request: object, context: grpc.ServicerContext) -> None:
        context.abort(grpc.StatusCode.NOT_FOUND, "no such channel")

    server = api_server({"GetChannel": missing})
    with PluginAPIClient(target=server.target) as client, pytest.raises(NotFoundError, match="no such channel"):
        client.get_channel("c1")


def test_convert_app_error_picks_the_class_and_keeps_every_field() -> None:
    from mattermost_plugin.exceptions import ValidationError, convert_app_error

    error = convert_app_error(AppErrorMessage(id="bad", message="no", status_code=400, request_id="r9"))
    assert isinstance(error, ValidationError) and (error.error_id, error.request_id) == ("bad", "r9")


class Web(Plugin):
    @hook(HookName.ServeHTTP)
    def serve(self, context: PluginContext, w: HTTPResponseWriter, r: HTTPRequest) -> None:
        w.headers["X-Cookies"] = [",".join(r.get_all_headers("set-cookie"))]
        assert w.headers is w.header()
        w.write(b"body")
        w.set_header("X-Late", "ignored")
        w.add_header("X-Late", "ignored")
        w.write_header(500)
        w.write(b" and more")


def test_request_get_all_headers_and_the_writers_headers_mapping_work_as_in_mattermosts_sdk(
        caplog: pytest.LogCaptureFixture) -> None:
    head = HTTPRequestHead(method="GET", url="/")
    head.headers.add(key="Set-Cookie", values=["a=1", "b=2"])
    with caplog.at_level(logging.WARNING, logger="mattermost_plugin.http"):
        exchange = HookCaller(Web()).serve_http(PluginContext(), head)
    assert exchange.status_code == 200 and exchange.text == "body and more"
    assert exchange.headers == {"X-Cookies": ["a=1,b=2"]}
    warnings = [r.getMessage() for r in caplog.records]
    assert warnings == ["set_header('X-Late') after the response headers were sent is ignored",
                        "add_header('X-Late') after the response headers were sent is ignored",
                        "write_header('500') after the response headers were sent is ignored"]


class Members(Plugin):
    seen: list[object] = []

    @hook(HookName.UserHasJoinedChannel)
    def joined_channel(self, context: PluginContext, member: Any, actor: Any) -> None:
        self.seen.append(actor)

    @hook(HookName.UserHasJoinedTeam)
    def joined_team(self, context: PluginContext, member: Any, actor: Any) -> None:
        self.seen.append(actor)


def test_an_absent_actor_arrives_as_none_and_a_present_one_as_the_user() -> None:
    from mattermost_plugin.models import ChannelMember, TeamMember, User

    plugin = Members()
    plugin.seen = []
    hooks = HookCaller(plugin)
    hooks.user_has_joined_channel(PluginContext(), ChannelMember(user_id="u"), None)
    hooks.user_has_joined_team(PluginContext(), TeamMember(user_id="u"), None)
    hooks.user_has_joined_channel(PluginContext(), ChannelMember(user_id="u"), User(id="admin"))
    assert plugin.seen[:2] == [None, None]
    assert isinstance(plugin.seen[2], User) and plugin.seen[2].id == "admin"
