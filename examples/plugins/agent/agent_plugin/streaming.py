"""A reply streamed into a post: the post is made at once (a placeholder), then edited as text arrives, at most
once per interval (UpdatePost is a database write and a broadcast to every client, so tokens are batched). A
reply longer than Mattermost's post limit continues in a follow-up post in the same thread; an error ends the
reply with a visible note instead of leaving it half-written.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from google.protobuf.struct_pb2 import Struct
from mattermost_plugin.models import Post

from .host import Host
from .memory import CONTINUES, KIND

POST_LIMIT = 16383  # Mattermost's maximum message length, in characters (runes)
PLACEHOLDER = "\N{HORIZONTAL ELLIPSIS}"


def split_point(text: str, limit: int) -> int:
    """Where to cut `text` so the head fits in `limit`: after a paragraph, a line or a word if one is near."""
    window = text[max(0, limit - 2000):limit]
    for separator in ("\n\n", "\n", " "):
        at = window.rfind(separator)
        if at > 0:
            return limit - len(window) + at + len(separator)
    return limit


class ReplyStream:
    def __init__(self, host: Host, bot_user_id: str, channel_id: str, root_id: str, interval: float,
                 limit: int = POST_LIMIT, clock: Callable[[], float] = time.monotonic) -> None:
        self.host = host
        self.bot_user_id, self.channel_id, self.root_id = bot_user_id, channel_id, root_id
        self.interval, self.limit, self.clock = interval, limit, clock
        self.parts: list[Post] = []
        self.text = ""  # the current (last) part's text
        self.updates = 0
        self._dirty = False
        self._last_edit = float("-inf")
        self._timer: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    @property
    def post_ids(self) -> list[str]:
        return [p.id for p in self.parts]

    async def start(self) -> Post:
        return await self._new_part(PLACEHOLDER)

    async def append(self, text: str) -> None:
        if not text:
            return
        async with self._lock:
            self.text += text
            await self._split_overflow()
            self._dirty = True
            wait = self._last_edit + self.interval - self.clock()
            if wait <= 0:
                await self._edit()
            elif self._timer is None:
                self._timer = asyncio.create_task(self._edit_later(wait))

    async def finish(self, note: str = "", props: dict[str, Any] | None = None) -> None:
        """The last edit: the whole text, `note` after it, `props` on the last part."""
        if self._timer:
            self._timer.cancel()
            self._timer = None
        async with self._lock:
            self.text += note
            await self._split_overflow()
            self._dirty = True
            await self._edit(props or {})

    async def _edit_later(self, wait: float) -> None:
        await asyncio.sleep(wait)
        async with self._lock:
            self._timer = None
            if self._dirty:
                await self._edit()

    async def _edit(self, props: dict[str, Any] | None = None) -> None:
        part = self.parts[-1]
        part.message = self.text or PLACEHOLDER
        if props:
            part.props.update(props)
        self.parts[-1] = await self.host.update_post(part)
        self.updates += 1
        self._dirty = False
        self._last_edit = self.clock()

    async def _split_overflow(self) -> None:
        while len(self.text) > self.limit:
            cut = split_point(self.text, self.limit)
            head, self.text = self.text[:cut], self.text[cut:]
            part = self.parts[-1]
            part.message = head
            self.parts[-1] = await self.host.update_post(part)
            self.updates += 1
            await self._new_part(PLACEHOLDER, continues=part.id)

    async def _new_part(self, message: str, continues: str = "") -> Post:
        props = Struct()
        props.update({"from_bot": "true", KIND: "reply"} | ({CONTINUES: continues} if continues else {}))
        post = await self.host.create_post(Post(user_id=self.bot_user_id, channel_id=self.channel_id,
                                                root_id=self.root_id, message=message, props=props))
        self.parts.append(post)
        return post
