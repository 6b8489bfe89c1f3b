"""Hello: the Mattermost hello-world plugin, in Python.

- OnActivate logs the server's version and registers the /hello command.
- MessageWillBePosted rejects messages containing the BlockedWord setting (default "badword", in plugin.json)
  and fixes a typo on the way ("teh" becomes "the").
- /hello [name] greets you (only you see the answer) and counts greetings in the KV store.
- GET /plugins/com.example.hello/hello greets over HTTP, JSON, and counts too.
- OnConfigurationChange picks up a new BlockedWord.
"""

from __future__ import annotations

import json
import re

from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.models import Command

TYPO = re.compile(r"\bteh\b", re.IGNORECASE)
COUNTER_KEY = "greetings"


class HelloPlugin(Plugin):
    blocked_word = ""  # from the BlockedWord setting, whose default ("badword") is in plugin.json

    @hook(HookName.OnActivate)
    def on_activate(self) -> None:
        version = self.api.get_server_version()
        self.logger.info("hello plugin activated on server version %s", version)
        self.load_settings()
        self.api.register_command(Command(
            trigger="hello", display_name="Hello", auto_complete=True,
            auto_complete_desc="Say hello", auto_complete_hint="[name]"))

    @hook(HookName.OnConfigurationChange)
    def on_configuration_change(self) -> None:
        self.load_settings()
        self.logger.info("blocked word is now %r", self.blocked_word)

    @hook(HookName.MessageWillBePosted)
    def message_will_be_posted(self, context, post):
        if self.blocked_word and self.blocked_word in post.message.lower():
            return None, f"the word '{self.blocked_word}' is not allowed here"
        fixed = TYPO.sub("the", post.message)
        if fixed != post.message:
            post.message = fixed
            return post, ""
        return None, ""  # unchanged

    @hook(HookName.ExecuteCommand)
    def execute_command(self, context, args):
        name = args.command.split(maxsplit=1)[1] if " " in args.command.strip() else "world"
        count = self.count_greeting()
        return {"response_type": "ephemeral", "text": f"Hello, {name}! You are greeting #{count}."}

    @hook(HookName.ServeHTTP)
    def serve_http(self, context, w, r):
        if r.url.split("?")[0] != "/hello":
            w.write_header(404)
            w.write("not found\n")
            return
        count = self.count_greeting()
        w.set_header("Content-Type", "application/json")
        w.write(json.dumps({"greeting": "Hello from Python!", "greetings": count}) + "\n")

    def load_settings(self) -> None:
        # The host merges the saved settings over the defaults in plugin.json, as Mattermost does.
        config = self.api.load_plugin_configuration()
        word = config.fields["BlockedWord"].string_value if "BlockedWord" in config.fields else ""
        self.blocked_word = word.strip().lower()

    def count_greeting(self) -> int:
        """Adds one to the greeting counter, atomically (another request may be counting at the same time)."""
        while True:
            current = self.api.kv_get(COUNTER_KEY)
            count = int(current.decode()) + 1 if current else 1
            if self.api.kv_compare_and_set(COUNTER_KEY, current, str(count).encode()):
                return count


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    run_plugin(HelloPlugin)
