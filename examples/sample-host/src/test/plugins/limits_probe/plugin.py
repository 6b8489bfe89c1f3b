"""Test plugin: a plugin that tries to store posts past Mattermost's size limit.

- /bigpost <n>: CreatePost with an n-character message; answers "created <id>" or "refused: <the host's error>".
- MessageWillBePosted turns a post saying exactly "inflate <n>" into one of n characters.
"""

from mattermost_plugin import AppError, HookName, Plugin, hook
from mattermost_plugin.models import Command, Post


class LimitsProbe(Plugin):
    @hook(HookName.OnActivate)
    def on_activate(self):
        self.api.register_command(Command(trigger="bigpost"))

    @hook(HookName.ExecuteCommand)
    def execute_command(self, context, args):
        size = int(args.command.split()[1])
        try:
            post = self.api.create_post(Post(channel_id=args.channel_id, user_id=args.user_id, message="x" * size))
            return {"response_type": "ephemeral", "text": f"created {post.id}"}
        except AppError as e:
            return {"response_type": "ephemeral", "text": f"refused: {e}"}

    @hook(HookName.MessageWillBePosted)
    def message_will_be_posted(self, context, post):
        words = post.message.split()
        if len(words) == 2 and words[0] == "inflate":
            post.message = "y" * int(words[1])
            return post, ""
        return None, ""


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    run_plugin(LimitsProbe)
