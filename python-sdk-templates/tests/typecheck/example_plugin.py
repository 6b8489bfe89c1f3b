"""A fully annotated plugin: it must pass ``mypy --strict`` against the SDK."""

from __future__ import annotations

from mattermost_plugin import HookName, NotFoundError, Plugin, hook
from mattermost_plugin.http import HTTPRequest, HTTPResponseWriter
from mattermost_plugin.models import CommandArgs, CommandResponse, PluginContext, Post, User
from mattermost_plugin.testing import FakeAPI, HookCaller


class TypedPlugin(Plugin):
    @hook(HookName.OnActivate)
    def on_activate(self) -> None:
        version: str = self.api.get_server_version()
        users: list[User] = self.api.get_users_in_channel("c1", "username", 0, 100)
        self.logger.info("server %s, %d users", version, len(users))
        try:
            self.api.get_user("nobody")
        except NotFoundError as e:
            self.logger.info("no user: %s (%d)", e.message, e.status_code)

    @hook(HookName.MessageWillBePosted)
    def filter(self, context: PluginContext, post: Post) -> tuple[Post | None, str]:
        return (None, "no shouting") if post.message.isupper() else (post, "")

    @hook(HookName.ExecuteCommand)
    async def command(self, context: PluginContext, args: CommandArgs) -> CommandResponse:
        return CommandResponse(response_type="ephemeral", text=f"hi {args.user_id}")

    @hook(HookName.ServeHTTP)
    def serve_http(self, context: PluginContext, w: HTTPResponseWriter, r: HTTPRequest) -> None:
        w.set_header("Content-Type", "text/plain")
        for chunk in r:
            w.write(chunk)


def check_with_the_harness() -> str:
    api = FakeAPI()
    api.stub(api.get_server_version).returns("10.5.0")
    api.stub(api.get_user).calls(lambda user_id: User(id=user_id))
    hooks = HookCaller(TypedPlugin(api=api))
    hooks.on_activate()
    verdict = hooks.message_will_be_posted(PluginContext(), Post(message="hi"))
    response: CommandResponse = hooks.execute_command(PluginContext(), CommandArgs(user_id="u"))
    return verdict.rejection_reason + response.text
