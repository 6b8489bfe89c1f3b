"""Deliberately wrong uses of the SDK: ``mypy --strict`` must report exactly the errors recorded in
must_fail.expected, which proves the SDK's types are real."""

from __future__ import annotations

from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.models import PluginContext, Post, User
from mattermost_plugin.testing import FakeAPI, HookCaller


class WrongPlugin(Plugin):
    @hook(HookName.OnActivate)
    def on_activate(self) -> None:
        self.api.get_user(42)
        version: int = self.api.get_server_version()
        self.api.no_such_method()
        self.api.kv_set("key", "a str is not bytes")
        print(version)


def wrong_tests() -> None:
    api = FakeAPI()
    api.stub(api.get_user).returns("not a user")
    hooks = HookCaller(WrongPlugin(api=api))
    hooks.message_will_be_posted(PluginContext(), "not a post")
    user: User = hooks.user_will_log_in(PluginContext(), User())
    print(user, Post())
