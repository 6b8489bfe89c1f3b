"""Tool calls waiting for approval, kept in the plugin's KV store (so a restart loses none; nothing runs by
timeout). One pending call per thread; only the user who started the conversation may approve or deny it, by
replying "approve" or "deny" in the thread or with `/agent approve|deny [id]`. Taking a pending call is atomic
(compare-and-delete), so two approvals arriving together run it once.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass, field
from typing import Any

from langchain_core.messages import AIMessage, messages_from_dict, messages_to_dict

from .host import Host

THREAD_KEY = "pending:thread:"
ID_KEY = "pending:id:"


@dataclass
class PendingCall:
    root_id: str
    channel_id: str
    bot_user_id: str
    owner_id: str  # who started the conversation: the thread root's author
    question_post_id: str  # the post the held turn answered; history is rebuilt up to it
    message: dict[str, Any]  # the model's message with the tool calls, exactly as it came (thinking blocks kept)
    ask: list[str]  # the calls' tool names that need approval
    id: str = field(default_factory=lambda: secrets.token_hex(4))
    request_post_id: str = ""

    def held_message(self) -> AIMessage:
        (message,) = messages_from_dict([self.message])
        assert isinstance(message, AIMessage)
        return message

    @staticmethod
    def hold(message: AIMessage, **fields: Any) -> PendingCall:
        return PendingCall(message=messages_to_dict([message])[0], **fields)


def describe(pending: PendingCall, owner: str, bot: str) -> str:
    lines = [f"**Approval needed.** @{bot} wants to run:"]
    for call in pending.held_message().tool_calls:
        needs = " (needs approval)" if call["name"] in pending.ask else ""
        lines.append(f"- `{call['name']}` with `{json.dumps(call['args'], ensure_ascii=False)}`{needs}")
    lines.append(f"@{owner}, reply **approve** to run it or **deny** to refuse, or use `/agent approve` or "
                 f"`/agent deny` in this thread (id `{pending.id}`). Nothing runs until you answer.")
    return "\n".join(lines)


class Approvals:
    def __init__(self, host: Host) -> None:
        self.host = host

    async def save(self, pending: PendingCall) -> None:
        await self.host.call("kv_set", THREAD_KEY + pending.root_id, json.dumps(asdict(pending)).encode())
        await self.host.call("kv_set", ID_KEY + pending.id, pending.root_id.encode())

    async def for_thread(self, root_id: str) -> PendingCall | None:
        raw = await self.host.call("kv_get", THREAD_KEY + root_id)
        return PendingCall(**json.loads(raw)) if raw else None

    async def by_id(self, pending_id: str) -> PendingCall | None:
        root = await self.host.call("kv_get", ID_KEY + pending_id)
        return await self.for_thread(root.decode()) if root else None

    async def take(self, pending: PendingCall) -> bool:
        """Removes the pending call; False when someone else took it first."""
        key = THREAD_KEY + pending.root_id
        current = await self.host.call("kv_get", key)
        if not current or PendingCall(**json.loads(current)).id != pending.id:
            return False
        taken = await self.host.call("kv_compare_and_delete", key, current)
        if taken:
            await self.host.call("kv_delete", ID_KEY + pending.id)
        return bool(taken)
