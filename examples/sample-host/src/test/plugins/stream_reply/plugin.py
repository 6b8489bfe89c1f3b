"""Test plugin for the page's streamed post: a stand-in for an LLM bot until the agent plugin exists.

/stream [words] answers at once (an empty command response), then a background thread posts a reply as
the plugin's bot, "streamer", and edits it one word at a time (STEP_SECONDS apart), as a bot does when it
writes tokens as they arrive. When the reply is whole it publishes the plugin WebSocket event
"custom_test.stream_done" to the channel with the reply's id and word count.
"""

from __future__ import annotations

import threading
import time

from google.protobuf import struct_pb2
from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.models import Bot, Command, Post, WebsocketBroadcast

STEP_SECONDS = 0.4
DEFAULT_WORDS = "one two three four five six seven eight"


class StreamReply(Plugin):
    bot_id = ""

    @hook(HookName.OnActivate)
    def on_activate(self) -> None:
        self.bot_id = self.api.ensure_bot_user(Bot(username="streamer", display_name="Streamer"))
        self.api.register_command(Command(
            trigger="stream", display_name="Stream", auto_complete=True,
            auto_complete_desc="A bot reply that grows word by word", auto_complete_hint="[words]"))

    @hook(HookName.ExecuteCommand)
    def execute_command(self, context, args):
        words = args.command.split()[1:] or DEFAULT_WORDS.split()
        threading.Thread(target=self.stream, args=(args.channel_id, args.root_id, words), daemon=True).start()
        return {}

    def stream(self, channel_id: str, root_id: str, words: list[str]) -> None:
        try:
            post = self.api.create_post(Post(channel_id=channel_id, root_id=root_id, user_id=self.bot_id,
                                             message=words[0]))
            for count in range(2, len(words) + 1):
                time.sleep(STEP_SECONDS)
                post.message = " ".join(words[:count])
                post = self.api.update_post(post)
            payload = struct_pb2.Struct()
            payload.update({"post_id": post.id, "words": len(words)})
            self.api.publish_web_socket_event("stream_done", payload, WebsocketBroadcast(channel_id=channel_id))
        except Exception:  # a background thread: say what went wrong in the plugin's log
            self.logger.exception("streaming the reply failed")


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    run_plugin(StreamReply)
