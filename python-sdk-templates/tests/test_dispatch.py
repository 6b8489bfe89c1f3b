"""Hook dispatch through the test harness: the same code path as the plugin server."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from hello_plugin import HelloPlugin
from mattermost_plugin import HookName, NotFoundError, Plugin, hook
from mattermost_plugin.errors import AppError
from mattermost_plugin.models import CommandArgs, CommandResponse, PluginContext, Post, User
from mattermost_plugin.testing import FakeAPI, HookCaller, NotStubbedError


@pytest.fixture
def api() -> FakeAPI:
    fake = FakeAPI()
    fake.stub(fake.get_server_version).returns("10.5.0")
    return fake


def test_hello_plugin_runs_unchanged_through_the_harness(api: FakeAPI) -> None:
    plugin = HelloPlugin(api=api)
    hooks = HookCaller(plugin)
    assert hooks.implemented() == ["ExecuteCommand", "MessageWillBePosted", "OnActivate", "OnDeactivate"]

    hooks.on_activate()
    api.assert_called(api.get_server_version)
    assert plugin.server_version == "10.5.0"

    allowed = hooks.message_will_be_posted(PluginContext(), Post(message="hello there"))
    assert allowed.post.message == "hello there" and allowed.rejection_reason == ""
    rejected = hooks.message_will_be_posted(PluginContext(), Post(message="a BadWord here"))
    assert not rejected.HasField("post") and "prohibited" in rejected.rejection_reason
    changed = hooks.message_will_be_posted(PluginContext(), Post(message="shout:hi"))
    assert changed.post.message == "HI"

    response = hooks.execute_command(PluginContext(), CommandArgs(command="/hello"))
    assert response == CommandResponse(response_type="ephemeral", text="Hello from Python! :wave:")
    hooks.on_deactivate()


class Conventions(Plugin):
    """Return values in every form Mattermost's SDK accepts."""

    @hook(HookName.MessageWillBePosted)
    def will_post(self, context: PluginContext, post: Post) -> object:
        match post.message:
            case "none":
                return None
            case "reason":
                return "rejected by string"
            case "post":
                return Post(message="replaced")
            case "tuple":
                return Post(message="t"), ""
            case "dict":
                return {"message": "from dict", "props": {"a": 1}}
            case "wrong":
                return 42
        raise ValueError("boom")

    @hook(HookName.UserWillLogIn)
    def login(self, context: PluginContext, user: User) -> str:
        return "" if user.username == "ok" else "no login for you"

    @hook(HookName.ExecuteCommand)
    def command(self, context: PluginContext, args: CommandArgs) -> object:
        raise ValueError("boom")

    @hook(HookName.OnConfigurationChange)
    def config(self) -> None:
        raise NotFoundError("missing setting", id="plugin.config.missing", params={"field": "x"})


@pytest.mark.parametrize(
    ("message", "post", "reason"),
    [
        ("none", None, ""),
        ("reason", None, "rejected by string"),
        ("post", "replaced", ""),
        ("tuple", "t", ""),
        ("dict", "from dict", ""),
    ],
)
def test_multi_result_hooks_accept_every_mattermost_return_form(message: str, post: str | None, reason: str) -> None:
    response = HookCaller(Conventions()).message_will_be_posted(PluginContext(), Post(message=message))
    assert (response.post.message if response.HasField("post") else None) == post
    assert response.rejection_reason == reason


def test_a_dict_fills_a_message_with_its_json_form_struct_fields_included() -> None:
    response = HookCaller(Conventions()).message_will_be_posted(PluginContext(), Post(message="dict"))
    assert dict(response.post.props) == {"a": 1.0}


def test_a_single_result_hook_returns_its_value() -> None:
    hooks = HookCaller(Conventions())
    assert hooks.user_will_log_in(PluginContext(), User(username="ok")) == ""
    assert hooks.user_will_log_in(PluginContext(), User(username="x")) == "no login for you"


def test_a_handler_exception_becomes_the_hooks_app_error_with_traceback() -> None:
    with pytest.raises(AppError) as raised:
        HookCaller(Conventions()).execute_command(PluginContext(), CommandArgs(command="/x"))
    assert raised.value.status_code == 500 and raised.value.where == "ExecuteCommand"
    assert "ValueError: boom" in raised.value.message and "Traceback" in raised.value.detailed_error


def test_a_return_value_that_fits_no_result_fails_the_hook_which_a_filter_turns_into_a_rejection() -> None:
    response = HookCaller(Conventions()).message_will_be_posted(PluginContext(), Post(message="wrong"))
    assert response.rejection_reason == "Plugin error: returned a int; return a tuple of (post, rejection_reason)"
    assert not response.HasField("post")


def test_an_app_error_raised_by_a_handler_keeps_every_field() -> None:
    with pytest.raises(NotFoundError) as raised:
        HookCaller(Conventions()).on_configuration_change()
    error = raised.value
    assert (error.message, error.id, error.status_code, error.params) == (
        "missing setting", "plugin.config.missing", 404, {"field": "x"})


class AsyncPlugin(Plugin):
    @hook(HookName.UserWillLogIn)
    async def login(self, context: PluginContext, user: User) -> str:
        await asyncio.sleep(0.01)
        return f"async {user.username}"

    @hook(HookName.OnActivate)
    async def slow(self) -> None:
        await asyncio.sleep(5)


def test_async_handlers_run_on_the_plugins_event_loop() -> None:
    assert HookCaller(AsyncPlugin()).user_will_log_in(PluginContext(), User(username="u")) == "async u"


def test_an_async_handler_past_its_deadline_is_cancelled_and_reported() -> None:
    started = time.monotonic()
    with pytest.raises(AppError) as raised:
        HookCaller(AsyncPlugin(), timeout=0.2).on_activate()
    assert time.monotonic() - started < 2
    assert raised.value.id == "plugin.hook.timeout"


def test_hooks_run_concurrently() -> None:
    barrier = threading.Barrier(2, timeout=5)

    class Concurrent(Plugin):
        @hook(HookName.UserWillLogIn)
        def login(self, context: PluginContext, user: User) -> str:
            barrier.wait()  # both calls must be inside the handler at once
            return ""

    hooks = HookCaller(Concurrent())
    threads = [threading.Thread(target=hooks.user_will_log_in, args=(PluginContext(), User())) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert not barrier.broken


def test_the_fake_api_records_calls_and_answers_from_stubs() -> None:
    fake = FakeAPI()
    assert fake.get_user("u1") == User()  # unstubbed: an empty value of the return type
    fake.stub(fake.get_user).calls(lambda user_id: User(id=user_id, username="alice"))
    assert fake.get_user("u2").username == "alice"
    fake.stub(fake.get_channel).raises(NotFoundError("no channel"))
    with pytest.raises(NotFoundError):
        fake.get_channel("c1")
    assert fake.calls_to(fake.get_user) == [{"user_id": "u1"}, {"user_id": "u2"}]
    fake.assert_called(fake.get_user, user_id="u2")
    with pytest.raises(AssertionError):
        fake.assert_called(fake.get_user, user_id="u3")
    fake.assert_not_called(fake.get_team)
    with pytest.raises(NotStubbedError):
        FakeAPI(strict=True).get_user("u1")


def test_unimplemented_hooks_cannot_be_called_through_the_harness() -> None:
    with pytest.raises(LookupError, match="does not implement ServeHTTP"):
        HookCaller(Conventions()).serve_http(PluginContext(), None)  # type: ignore[arg-type]
