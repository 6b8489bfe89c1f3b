"""The Plugin API as the agent's event loop uses it: each blocking call runs on a worker thread, so one slow
call never stalls the other conversations; users and channels are cached (they rarely change)."""

from __future__ import annotations

import asyncio
from typing import Any

from mattermost_plugin.models import Post


class Host:
    def __init__(self, api: Any) -> None:
        self.api = api
        self._users: dict[str, Any] = {}
        self._channels: dict[str, Any] = {}

    async def call(self, method: str, *args: Any) -> Any:
        return await asyncio.to_thread(getattr(self.api, method), *args)

    async def user(self, user_id: str) -> Any:
        if user_id not in self._users:
            self._users[user_id] = await self.call("get_user", user_id)
        return self._users[user_id]

    async def channel(self, channel_id: str) -> Any:
        if channel_id not in self._channels:
            self._channels[channel_id] = await self.call("get_channel", channel_id)
        return self._channels[channel_id]

    async def thread(self, post_id: str) -> list[Post]:
        """The thread's posts, oldest first."""
        posts = await self.call("get_post_thread", post_id)
        return sorted(posts.posts.values(), key=lambda p: (p.create_at, p.id))

    async def create_post(self, post: Post) -> Post:
        return await self.call("create_post", post)

    async def update_post(self, post: Post) -> Post:
        return await self.call("update_post", post)

    async def whisper(self, user_id: str, channel_id: str, root_id: str, message: str) -> None:
        """An ephemeral post: only that user sees it."""
        await self.call("send_ephemeral_post", user_id, Post(channel_id=channel_id, root_id=root_id, message=message))
