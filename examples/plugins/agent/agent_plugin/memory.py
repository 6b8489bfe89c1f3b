"""Thread memory: the conversation is the thread's posts, read through the host API at every turn (nothing is
kept in the plugin, so it survives restarts and sees edits and deletions), then trimmed to a token budget,
oldest messages first, always keeping the newest question.

A reply split over several posts is one assistant message again; the lines that show tool calls, approval
requests and the approve/deny replies are protocol, not conversation, and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from langchain_core.messages.utils import count_tokens_approximately, trim_messages

from .routing import prop

KIND = "agent_kind"  # post prop: "reply" or "approval"
CONTINUES = "agent_continues"  # post prop on a follow-up post: the id of the part before it
TOOL_LINE = "> \N{WRENCH} "
APPROVAL_REPLY = re.compile(r"^\s*(approve|deny)\s*[.!]?\s*$", re.IGNORECASE)


def visible_text(message: str) -> str:
    """A bot post's text without its tool-call lines."""
    return "\n".join(line for line in message.split("\n") if not line.startswith(TOOL_LINE))


def thread_messages(posts: Sequence[Any], bot_user_id: str, bot_ids: set[str], usernames: dict[str, str],
                    until_post_id: str = "") -> list[BaseMessage]:
    """The thread (oldest first) as chat messages: this bot's posts as AI, people's as human."""
    people = {p.user_id for p in posts if p.user_id not in bot_ids}
    messages: list[BaseMessage] = []
    for post in posts:
        if post.delete_at or post.type.startswith("system_"):
            continue
        if post.user_id == bot_user_id:
            if prop(post, KIND) == "approval":
                continue
            text = visible_text(post.message)
            if prop(post, CONTINUES) and messages and isinstance(messages[-1], AIMessage):
                messages[-1] = AIMessage(content=str(messages[-1].content) + text)
            elif text.strip():
                messages.append(AIMessage(content=text))
        elif post.user_id not in bot_ids and not APPROVAL_REPLY.match(post.message):
            name = usernames.get(post.user_id, post.user_id)
            text = f"@{name}: {post.message}" if len(people) > 1 else post.message
            messages.append(HumanMessage(content=text))
        if until_post_id and post.id == until_post_id:
            break
    return messages


def within_budget(messages: list[BaseMessage], budget: int) -> list[BaseMessage]:
    """The newest messages that fit in `budget` tokens (approximate count), starting on a human message; the
    newest message stays even when it alone is over the budget."""
    if not messages:
        return []
    kept = trim_messages(messages, max_tokens=budget, token_counter=count_tokens_approximately, strategy="last",
                         start_on="human", allow_partial=False)
    return kept or messages[-1:]


def tokens(messages: list[BaseMessage]) -> int:
    return count_tokens_approximately(messages)
