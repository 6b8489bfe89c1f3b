"""Test plugin: what a streaming bot does to clients, without a model behind it.

/grow <words...> posts an empty reply in the channel, then edits it word by word (UpdatePost, 50 ms
apart), so each client sees post_edited events with a message that grows; then it publishes the plugin
event "grown" (PublishWebSocketEvent) to the channel and answers the user with an ephemeral text.
GET /plugins/test.events/whoami answers the Mattermost-User-Id header the host set ("" without a session).
"""

import json
import time

from google.protobuf.struct_pb2 import Struct
from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.models import Command, Post, WebsocketBroadcast


class EventsProbe(Plugin):
    @hook(HookName.OnActivate)
    def on_activate(self):
        self.api.register_command(Command(trigger="grow", auto_complete=True, auto_complete_desc="Grow a reply",
                                          auto_complete_hint="[words]"))

    @hook(HookName.ExecuteCommand)
    def execute_command(self, context, args):
        words = args.command.split()[1:] or ["one", "two", "three"]
        post = self.api.create_post(Post(channel_id=args.channel_id, user_id=args.user_id, message="..."))
        text = ""
        for word in words:
            text = (text + " " + word).strip()
            post.message = text
            post = self.api.update_post(post)
            time.sleep(0.05)
        payload = Struct()
        payload.update({"post_id": post.id, "words": len(words)})
        self.api.publish_web_socket_event("grown", payload, WebsocketBroadcast(channel_id=args.channel_id))
        return {"response_type": "ephemeral", "text": f"grew {len(words)} words"}

    @hook(HookName.ServeHTTP)
    def serve_http(self, context, w, r):
        w.set_header("Content-Type", "application/json")
        w.write(json.dumps({"user_id": r.get_header("Mattermost-User-Id")}) + "\n")


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    run_plugin(EventsProbe)
