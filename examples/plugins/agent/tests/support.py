"""What the unit tests share: a FakeAPI answered by a small in-memory workspace (users, channels, posts, KV,
bots, configuration), the wire fake on a thread (the real provider classes talk to it over HTTP), and the
MCP test server's command line."""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

from google.protobuf.struct_pb2 import Struct
from mattermost_plugin.errors import AppError
from mattermost_plugin.models import Bot, Channel, PostList, User
from mattermost_plugin.testing import FakeAPI

PLUGIN_DIR = Path(__file__).resolve().parents[1]
DEVSERVERS = PLUGIN_DIR.parent.parent / "agent-devservers"
sys.path.insert(0, str(DEVSERVERS))

from llm_wire_fake import start_in_thread  # noqa: E402

SCRIPTS = DEVSERVERS / "scripts" / "e2e.json"
MCP_SERVER = [sys.executable, str(DEVSERVERS / "mcp_test_server.py")]


def wire_fake():
    return start_in_thread([SCRIPTS])


class Workspace:
    """An in-memory host behind a FakeAPI; ids are readable (user1, post3, ...)."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.api = FakeAPI()
        self.users: dict[str, User] = {}
        self.channels: dict[str, Channel] = {}
        self.posts: dict[str, Any] = {}
        self.kv: dict[str, bytes] = {}
        self.bots: dict[str, Bot] = {}
        self.edits: list[tuple[float, str, str]] = []  # (time, post id, message) of every UpdatePost
        self.whispers: list[tuple[str, str]] = []
        self.config = config
        self._lock = threading.Lock()
        self._ids = 0
        a = self.api
        a.stub(a.load_plugin_configuration).calls(self._configuration)
        a.stub(a.register_command).returns(None)
        a.stub(a.ensure_bot_user).calls(self._ensure_bot)
        a.stub(a.get_bots).calls(lambda options: [b for b in self.bots.values() if b.delete_at == 0])
        a.stub(a.update_bot_active).calls(self._bot_active)
        a.stub(a.get_user).calls(lambda user_id: self._get(self.users, user_id))
        a.stub(a.get_channel).calls(lambda channel_id: self._get(self.channels, channel_id))
        a.stub(a.get_post).calls(lambda post_id: self._get(self.posts, post_id))
        a.stub(a.create_post).calls(self.save_post)
        a.stub(a.update_post).calls(self._update_post)
        a.stub(a.get_post_thread).calls(self._thread)
        a.stub(a.send_ephemeral_post).calls(lambda user_id, post: self.whispers.append((user_id, post.message)) or post)
        a.stub(a.kv_get).calls(lambda key: self.kv.get(key, b""))
        a.stub(a.kv_set).calls(lambda key, value: self.kv.__setitem__(key, value))
        a.stub(a.kv_delete).calls(lambda key: self.kv.pop(key, None) and None)
        a.stub(a.kv_compare_and_delete).calls(self._compare_and_delete)

    def new_id(self, kind: str) -> str:
        with self._lock:
            self._ids += 1
            return f"{kind}{self._ids}"

    def user(self, username: str, is_bot: bool = False) -> User:
        user = User(id=self.new_id("user"), username=username, is_bot=is_bot)
        self.users[user.id] = user
        return user

    def direct(self, a: str, b: str) -> Channel:
        channel = Channel(id=self.new_id("channel"), type="D", name="__".join(sorted([a, b])))
        self.channels[channel.id] = channel
        return channel

    def open_channel(self) -> Channel:
        channel = Channel(id=self.new_id("channel"), type="O", name="town-square")
        self.channels[channel.id] = channel
        return channel

    def bot_id(self, username: str) -> str:
        return next(b.user_id for b in self.bots.values() if b.username == username)

    def save_post(self, post):
        saved = type(post)()
        saved.CopyFrom(post)
        saved.id = self.new_id("post")
        saved.create_at = int(time.time() * 1000) + self._ids
        self.posts[saved.id] = saved
        return saved

    def replies(self, root_id: str, user_id: str) -> list[Any]:
        return sorted((p for p in self.posts.values() if p.root_id == root_id and p.user_id == user_id),
                      key=lambda p: p.create_at)

    def _configuration(self) -> Struct:
        """What a host answers: the manifest's defaults with the saved settings over them."""
        manifest = json.loads((PLUGIN_DIR / "plugin.json").read_text())
        merged = {s["key"]: s["default"] for s in manifest["settings_schema"]["settings"]} | self.config
        config = Struct()
        config.update(merged)
        return config

    def _ensure_bot(self, bot: Bot) -> str:
        for existing in self.bots.values():
            if existing.username == bot.username:
                existing.delete_at = 0
                return existing.user_id
        user = self.user(bot.username, is_bot=True)
        self.bots[user.id] = Bot(user_id=user.id, username=bot.username, display_name=bot.display_name,
                                 owner_id="com.example.agent")
        return user.id

    def _bot_active(self, bot_user_id: str, active: bool) -> Bot:
        self.bots[bot_user_id].delete_at = 0 if active else 1
        return self.bots[bot_user_id]

    def _update_post(self, post):
        if len(post.message) > 16383:
            raise AppError(message="message too long", status_code=400)
        stored = self._get(self.posts, post.id)
        stored.CopyFrom(post)
        self.edits.append((time.monotonic(), post.id, post.message))
        return stored

    def _thread(self, post_id: str) -> PostList:
        root = self._get(self.posts, post_id)
        root_id = root.root_id or root.id
        thread = PostList()
        for post in self.posts.values():
            if post.id == root_id or post.root_id == root_id:
                thread.order.append(post.id)
                thread.posts[post.id].CopyFrom(post)
        return thread

    def _compare_and_delete(self, key: str, old_value: bytes) -> bool:
        with self._lock:
            if self.kv.get(key) != old_value:
                return False
            del self.kv[key]
            return True

    @staticmethod
    def _get(table: dict[str, Any], key: str) -> Any:
        if key not in table:
            raise AppError(message=f"no {key}", status_code=404)
        return table[key]


def config(fake_url: str, **overrides: Any) -> dict[str, Any]:
    base = {"OpenAIAPIKey": "sk-test-openai-secret", "OpenAIBaseURL": fake_url + "/v1", "OpenAIModel": "gpt-test",
            "AnthropicAPIKey": "sk-test-anthropic-secret", "AnthropicBaseURL": fake_url,
            "AnthropicModel": "claude-test", "StreamUpdateIntervalMs": 50, "McpServers": "[]",
            "McpHealthCheckSeconds": 1}
    base.update(overrides)
    return base


def stdio_server(name: str = "demo", **extra: Any) -> dict[str, Any]:
    return {"name": name, "transport": "stdio", "command": MCP_SERVER[0], "args": MCP_SERVER[1:], **extra}


def servers(*entries: dict[str, Any]) -> str:
    return json.dumps(list(entries))
