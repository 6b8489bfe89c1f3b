"""Issue 13 items 1 and 2: a "Will" hook whose handler fails rejects (or keeps the original), as
Mattermost's SDK does, and the rule table in docs/python-sdk.md is the rule the dispatch follows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from mattermost_plugin import HookName, Plugin, hook
from google.protobuf import message_factory

from mattermost_plugin._proto.mattermost.pluginapi.v1 import hooks_pb2
from mattermost_plugin.errors import AppError
from mattermost_plugin.models import Config, FileInfo, PluginContext, Post
from mattermost_plugin.testing import HookCaller

DOC = Path(__file__).resolve().parents[2] / "docs" / "python-sdk.md"
WILL_HOOKS = [h.value for h in HookName if "Will" in h.value]
ROW = re.compile(r"^\| `(\w+)` \| (.+?) \| (.+?) \|$")


def documented_rules() -> dict[str, tuple[str, str]]:
    """The "Will" hook table of docs/python-sdk.md: hook -> (on None, on failure)."""
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("<!-- will-hooks -->"):text.index("<!-- /will-hooks -->")]
    return {m.group(1): (m.group(2), m.group(3)) for m in map(ROW.match, table.splitlines()) if m}


def failing_plugin(name: str) -> Plugin:
    def handler(self: Plugin, *args: object) -> object:
        raise RuntimeError("broken filter")

    return type("Failing", (Plugin,), {"handler": hook(name)(handler)})()  # type: ignore[no-any-return]


HOOKS = hooks_pb2.DESCRIPTOR.services_by_name["PluginHooks"].methods_by_name


def request_for(name: str) -> Any:
    """A request with one of every repeated message field, so a "kept" list is visible."""
    request = message_factory.GetMessageClass(HOOKS[name].input_type)()
    for field in request.DESCRIPTOR.fields:
        if field.message_type is not None and field.is_repeated:
            item = getattr(request, field.name).add()
            if "id" in item.DESCRIPTOR.fields_by_name:
                item.id = "original"
    return request


def observed(name: str) -> str:
    """What the dispatch does when the handler of hook ``name`` raises: rejects, keeps or fails."""
    caller = HookCaller(failing_plugin(name))
    if name == "FileWillBeUploaded":
        exchange = caller.file_will_be_uploaded(PluginContext(), FileInfo(name="a.txt"), body=b"data")
        verdict: Any = exchange.head
        response: Any = None
    else:
        request = request_for(name)
        raw = caller._call_unary(name, request.SerializeToString())
        verdict = response = message_factory.GetMessageClass(HOOKS[name].output_type).FromString(raw)
    if "rejection_reason" in verdict.DESCRIPTOR.fields_by_name and verdict.rejection_reason:
        assert verdict.rejection_reason == "Plugin error: broken filter"
        return "rejects"
    if response is not None and response.HasField("error"):
        assert "broken filter" in response.error.message
        return "fails"
    if response is not None and any(len(getattr(response, f.name)) for f in response.DESCRIPTOR.fields
                                    if f.is_repeated):
        assert [p.id for p in response.posts] == ["original"]
        return "keeps"
    return "nothing"


def test_every_will_hook_has_a_row_in_the_documented_rule_table() -> None:
    rules = documented_rules()
    assert sorted(rules) == sorted(WILL_HOOKS), "docs/python-sdk.md's table must list exactly the Will hooks"
    print(f"\n{len(WILL_HOOKS)} Will hooks: {', '.join(WILL_HOOKS)}")


@pytest.mark.parametrize("name", WILL_HOOKS)
def test_a_failing_will_hook_does_what_the_table_says(name: str) -> None:
    _, on_failure = documented_rules()[name]
    expected = next(word for word in ("rejects", "keeps", "fails") if word in on_failure)
    assert observed(name) == expected, f"{name}: the table says '{on_failure}'"


def test_a_raising_message_filter_rejects_the_post_with_mattermosts_wording() -> None:
    class Broken(Plugin):
        @hook(HookName.MessageWillBePosted)
        def filter(self, context: PluginContext, post: Post) -> object:
            raise KeyError("settings")

    response = HookCaller(Broken()).message_will_be_posted(PluginContext(), Post(message="hi"))
    assert response.rejection_reason == "Plugin error: 'settings'" and not response.HasField("post")
    assert not response.HasField("error")  # a host that fails open on errors still rejects


def test_messages_will_be_consumed_keeps_the_posts_when_the_handler_returns_none_or_raises() -> None:
    posts = [Post(id="a", message="one"), Post(id="b", message="two")]

    class Consumer(Plugin):
        @hook(HookName.MessagesWillBeConsumed)
        def consumed(self, given: list[Post]) -> object:
            if given[0].message == "one":
                return None
            raise RuntimeError("redaction failed")

    caller = HookCaller(Consumer())
    assert [p.id for p in caller.messages_will_be_consumed(posts)] == ["a", "b"]
    failing = [Post(id="x", message="other")]
    assert [p.id for p in caller.messages_will_be_consumed(failing)] == ["x"]


def test_messages_will_be_consumed_takes_the_returned_list_or_tuple() -> None:
    class Redactor(Plugin):
        @hook(HookName.MessagesWillBeConsumed)
        def consumed(self, given: list[Post]) -> object:
            return tuple(Post(id=p.id, message="[redacted]") for p in given)

    kept = HookCaller(Redactor()).messages_will_be_consumed([Post(id="a"), Post(id="b")])
    assert [(p.id, p.message) for p in kept] == [("a", "[redacted]"), ("b", "[redacted]")]


def test_a_raising_configuration_filter_refuses_the_save_through_its_app_error() -> None:
    class ConfigFilter(Plugin):
        @hook(HookName.ConfigurationWillBeSaved)
        def check(self, config: object) -> object:
            raise ValueError("SiteURL must be https")

    with pytest.raises(AppError, match="SiteURL must be https"):
        HookCaller(ConfigFilter()).configuration_will_be_saved(Config())


def test_a_raising_upload_filter_rejects_the_file() -> None:
    class Scanner(Plugin):
        @hook(HookName.FileWillBeUploaded)
        def scan(self, context: PluginContext, info: FileInfo, file: Any, output: Any) -> object:
            file.read()
            raise OSError("scanner offline")

    exchange = HookCaller(Scanner()).file_will_be_uploaded(PluginContext(), FileInfo(name="a.bin"), body=b"x" * 100)
    assert exchange.error is None
    assert exchange.head.rejection_reason == "Plugin error: scanner offline" and not exchange.head.replaced
