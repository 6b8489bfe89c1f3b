"""Which bot, if any, answers a post, and in which thread (Mattermost's behaviour for AI bots):

- never its own posts, other bots' posts or system posts;
- a direct message to a bot goes to that bot; the answer goes in the post's thread (a root post starts one);
- in other channels, an @mention of a bot answers in a thread; a reply in a thread where a bot already
  answered continues with that bot without a new mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .bots import Bots
from .host import Host

# Mattermost usernames: a-z, 0-9, '.', '_', '-'; a trailing '.' is punctuation, not part of the name.
MENTION = re.compile(r"(?<![A-Za-z0-9_.@-])@([a-z0-9._-]+?)(?=[.]?(?![A-Za-z0-9_-]))", re.IGNORECASE)


@dataclass(frozen=True)
class Route:
    bot_user_id: str
    channel_id: str
    root_id: str  # the thread the answer goes to
    post_id: str  # the post answered
    author_id: str


def prop(post: Any, key: str) -> str:
    value = post.props.fields.get(key) if post.HasField("props") else None
    if value is None:
        return ""
    return value.string_value or ("true" if value.bool_value else "")


def is_ignored(post: Any, bots: Bots) -> bool:
    return bool(bots.get(post.user_id) or post.type.startswith("system_") or prop(post, "from_bot") == "true"
                or post.delete_at)


def first_mentioned(message: str, bots: Bots) -> str | None:
    for match in MENTION.finditer(message):
        user_id = bots.user_id_of(match.group(1).lower())
        if user_id:
            return user_id
    return None


def direct_partner(channel: Any, author_id: str) -> str | None:
    """The other member of a direct channel (named '<id>__<id>')."""
    if channel.type != "D" or "__" not in channel.name:
        return None
    first, second = channel.name.split("__", 1)
    return second if first == author_id else first


async def route(post: Any, host: Host, bots: Bots) -> Route | None:
    if is_ignored(post, bots):
        return None
    author = await host.user(post.user_id)
    if author.is_bot:
        return None
    channel = await host.channel(post.channel_id)
    root_id = post.root_id or post.id

    def to(bot_user_id: str) -> Route:
        return Route(bot_user_id, post.channel_id, root_id, post.id, post.user_id)

    if channel.type == "D":
        partner = direct_partner(channel, post.user_id)
        return to(partner) if partner and bots.get(partner) else None
    mentioned = first_mentioned(post.message, bots)
    if mentioned:
        return to(mentioned)
    if post.root_id:
        for earlier in reversed(await host.thread(post.root_id)):
            if bots.get(earlier.user_id):
                return to(earlier.user_id)
    return None
