"""One agent turn: the thread as memory, LangChain's agent over the bot's model and the MCP tools, the answer
streamed into a post, the usage logged. Also the second half of a held turn: the approved (or denied) tool
calls, then the model goes on from their results."""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from google.protobuf.struct_pb2 import Struct
from langchain.agents import create_agent
from langchain.agents.middleware import ModelCallLimitMiddleware, ToolErrorMiddleware
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, ToolMessage
from mattermost_plugin.models import Post

from .approvals import Approvals, PendingCall, describe
from .bots import Bots
from .host import Host
from .mcp_hub import McpHub
from .memory import KIND, TOOL_LINE, thread_messages, tokens, within_budget
from .middleware import ApprovalGate, ConsecutiveToolFailures
from .models import chat_model
from .routing import Route
from .settings import AgentSettings, BotSettings
from .streaming import ReplyStream

DEFAULT_PROMPT = ("You are @{username}, an AI assistant in a Mattermost team chat, answering in a thread. Be "
                  "concise and use Markdown. Use the tools you are given when they help.")


def text_of(message: BaseMessage) -> str:
    content = message.content
    if isinstance(content, str):
        return content
    return "".join(b.get("text", "") for b in content if isinstance(b, dict) and b.get("type") == "text")


@dataclass
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0
    model_calls: int = 0

    def add(self, message: AIMessage) -> None:
        self.model_calls += 1
        if message.usage_metadata:
            self.input_tokens += message.usage_metadata.get("input_tokens", 0)
            self.output_tokens += message.usage_metadata.get("output_tokens", 0)


@dataclass
class TurnRecord:
    """What a turn did, kept on the reply post's props (and read by tests)."""

    usage: Usage = field(default_factory=Usage)
    tool_calls: list[dict[str, Any]] = field(default_factory=list)


class TurnRunner:
    def __init__(self, host: Host, settings: AgentSettings, bots: Bots, hub: McpHub | None, approvals: Approvals,
                 logger: logging.Logger) -> None:
        self.host, self.settings, self.bots, self.hub = host, settings, bots, hub
        self.approvals, self.logger = approvals, logger

    async def history(self, root_id: str, bot_user_id: str, until_post_id: str) -> list[BaseMessage]:
        posts = await self.host.thread(root_id)
        names = {p.user_id: (await self.host.user(p.user_id)).username for p in posts}
        return thread_messages(posts, bot_user_id, set(self.bots.by_user_id), names, until_post_id)

    async def answer(self, route: Route) -> None:
        bot = self.bots.get(route.bot_user_id)
        if bot is None:
            return
        history = await self.history(route.root_id, route.bot_user_id, route.post_id)
        await self.run(bot, route, within_budget(history, self.settings.memory_token_budget), route.post_id)

    async def resume(self, pending: PendingCall, approved: bool, decider: str) -> None:
        """Runs (or refuses) the held calls, then lets the model go on from their results."""
        bot = self.bots.get(pending.bot_user_id)
        if bot is None:
            return
        held = pending.held_message()
        results = [await self._held_call(call, approved) for call in held.tool_calls]
        verdict = "approved" if approved else "denied"
        if pending.request_post_id:
            request = await self.host.call("get_post", pending.request_post_id)
            request.message += f"\n\n**{verdict.capitalize()}** by @{decider}."
            await self.host.update_post(request)
        history = await self.history(pending.root_id, pending.bot_user_id, pending.question_post_id)
        budget = max(self.settings.memory_token_budget - tokens([held, *results]), 1)
        route = Route(pending.bot_user_id, pending.channel_id, pending.root_id, pending.question_post_id,
                      pending.owner_id)
        await self.run(bot, route, [*within_budget(history, budget), held, *results], pending.question_post_id)

    async def _held_call(self, call: dict[str, Any], approved: bool) -> ToolMessage:
        if not approved:
            return ToolMessage(content="The user denied this tool call. Do not try it again.", name=call["name"],
                               tool_call_id=call["id"], status="error")
        tools = {t.name: t for t in (self.hub.tools()[0] if self.hub else [])}
        tool = tools.get(call["name"])
        if tool is None:
            return ToolMessage(content=f"The tool {call['name']} is not available now.", name=call["name"],
                               tool_call_id=call["id"], status="error")
        return await tool.ainvoke({**call, "type": "tool_call"})

    async def run(self, bot: BotSettings, route: Route, messages: list[BaseMessage], question_post_id: str) -> None:
        stream = ReplyStream(self.host, route.bot_user_id, route.channel_id, route.root_id,
                             self.settings.stream_update_interval)
        started = time.monotonic()
        await stream.start()
        record = TurnRecord()
        tools, policies = self.hub.tools() if self.hub else ([], {})
        gate = ApprovalGate(policies)
        note = ""
        try:
            agent = create_agent(chat_model(bot), tools, system_prompt=self._prompt(bot), middleware=[
                ModelCallLimitMiddleware(run_limit=self.settings.max_steps, exit_behavior="end"),
                ConsecutiveToolFailures(3), gate, ToolErrorMiddleware(on_error=_tool_error)])
            async for mode, data in agent.astream({"messages": messages}, stream_mode=["messages", "updates"]):
                if mode == "messages":
                    chunk, metadata = data
                    if metadata.get("langgraph_node") == "model" and isinstance(chunk, AIMessageChunk):
                        await stream.append(text_of(chunk))
                else:
                    await self._update(stream, record, policies, data)
            if gate.held:
                await self._hold(gate, route, question_post_id, bot)
        except Exception as e:
            self.logger.error("reply of @%s in thread %s failed: %s", bot.username, route.root_id, _describe(e))
            note = f"\n\n**Error:** the reply stopped: {_describe(e)}"
        props = {"agent_bot": bot.username, "agent_usage": record.usage.__dict__, "agent_tool_calls": record.tool_calls,
                 "agent_stream_updates": stream.updates + 1}
        await stream.finish(note=note, props=props)
        self.logger.info("usage: bot=@%s model=%s input_tokens=%d output_tokens=%d model_calls=%d tool_calls=%d "
                         "seconds=%.3f thread=%s", bot.username, bot.model, record.usage.input_tokens,
                         record.usage.output_tokens, record.usage.model_calls, len(record.tool_calls),
                         time.monotonic() - started, route.root_id)

    async def _update(self, stream: ReplyStream, record: TurnRecord, policies: dict[str, str],
                      data: dict[str, Any]) -> None:
        for node, update in data.items():
            for message in (update or {}).get("messages", []) if isinstance(update, dict) else []:
                if isinstance(message, ToolMessage):
                    record.tool_calls.append({"tool": message.name, "status": message.status,
                                              "result": str(message.content)[:500]})
                elif isinstance(message, AIMessage) and node == "model":
                    record.usage.add(message)
                    for call in message.tool_calls:
                        waiting = " *(waiting for approval)*" if policies.get(call["name"]) == "ask" else ""
                        gap = "" if not stream.text or stream.text.endswith("\n\n") else "\n\n"
                        await stream.append(f"{gap}{TOOL_LINE}`{call['name']}` "
                                            f"`{json.dumps(call['args'], ensure_ascii=False)}`{waiting}\n\n")
                elif isinstance(message, AIMessage) and text_of(message):
                    # A middleware's closing words (the step cap, the tool-failure stop).
                    gap = "" if not stream.text or stream.text.endswith("\n") else "\n\n"
                    await stream.append(gap + text_of(message))

    async def _hold(self, gate: ApprovalGate, route: Route, question_post_id: str, bot: BotSettings) -> None:
        assert gate.held
        root = await self.host.call("get_post", route.root_id)
        pending = PendingCall.hold(gate.held.message, root_id=route.root_id, channel_id=route.channel_id,
                                   bot_user_id=route.bot_user_id, owner_id=root.user_id,
                                   question_post_id=question_post_id, ask=[c["name"] for c in gate.held.ask])
        owner = (await self.host.user(root.user_id)).username
        props = Struct()
        props.update({"from_bot": "true", KIND: "approval", "agent_pending_id": pending.id})
        request = await self.host.create_post(Post(user_id=route.bot_user_id, channel_id=route.channel_id,
                                                   root_id=route.root_id, message=describe(pending, owner, bot.username),
                                                   props=props))
        pending.request_post_id = request.id
        await self.approvals.save(pending)
        self.logger.info("tool calls %s in thread %s wait for @%s's approval (id %s)", pending.ask, route.root_id,
                         owner, pending.id)

    def _prompt(self, bot: BotSettings) -> str:
        return (self.settings.system_prompt or DEFAULT_PROMPT).replace("{username}", bot.username)


def _tool_error(error: Exception, request: Any) -> str:
    return f"The tool {request.tool_call['name']} failed: {type(error).__name__}: {error}"


def _describe(error: BaseException) -> str:
    while isinstance(error, BaseExceptionGroup) and len(error.exceptions) == 1:
        error = error.exceptions[0]
    text = str(error) or type(error).__name__
    return text if len(text) < 500 else text[:500] + "..."
