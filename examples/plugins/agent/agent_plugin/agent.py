"""The agent as a whole: settings, bots, MCP servers, the event loop, and what each hook hands it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from google.protobuf import json_format

from . import settings as settings_module
from .approvals import Approvals, PendingCall
from .bots import Bots, ensure_bots
from .host import Host
from .mcp_hub import McpHub
from .memory import APPROVAL_REPLY
from .routing import route
from .settings import AgentSettings
from .turns import TurnRunner
from .worker import Worker

PLUGIN_ID = "com.example.agent"
PLUGIN_DIR = Path(__file__).resolve().parent.parent
USAGE = ("`/agent approve [id]` or `/agent deny [id]` in a thread decides a pending tool call; "
         "`/agent status` lists the bots, the MCP servers and their tools.")


class Agent:
    def __init__(self, api: Any, logger: logging.Logger, plugin_id: str = "") -> None:
        self.api, self.logger, self.plugin_id = api, logger, plugin_id or PLUGIN_ID
        self.host = Host(api)
        self.approvals = Approvals(self.host)
        self.worker = Worker.shared(logger)
        self.settings: AgentSettings | None = None
        self.bots = Bots({})
        self.hub: McpHub | None = None
        self.runner: TurnRunner | None = None

    def load(self) -> None:
        """Reads the settings, ensures the bots, (re)starts the MCP servers. Raises SettingsError."""
        raw = json_format.MessageToDict(self.api.load_plugin_configuration())
        settings = settings_module.parse(raw)
        bots = ensure_bots(self.api, settings, self.plugin_id, self.logger)
        hub = McpHub(settings.mcp_servers, settings.mcp_health_check_interval, self.logger, PLUGIN_DIR)
        old = self.hub
        self.settings, self.bots, self.hub = settings, bots, hub
        self.runner = TurnRunner(self.host, settings, bots, hub, self.approvals, self.logger)
        if old:
            self.worker.run(old.stop())
        self.worker.run(hub.start())
        self.logger.info("agent settings loaded: %d bots, MCP servers %s", len(bots.by_user_id),
                         [s.name for s in settings.mcp_servers])

    def stop(self) -> None:
        try:
            if self.hub:
                self.worker.run(self.hub.stop(), timeout=15)
        finally:
            self.worker.cancel_all()

    def post_arrived(self, post: Any) -> None:
        copy = type(post)()
        copy.CopyFrom(post)
        self.worker.submit(self._handle(copy), f"answering post {post.id}")

    async def _handle(self, post: Any) -> None:
        runner = self.runner
        if runner is None:
            return
        where = await route(post, self.host, self.bots)
        if where is None:
            return
        pending = await self.approvals.for_thread(where.root_id)
        if pending and pending.bot_user_id == where.bot_user_id:
            decision = APPROVAL_REPLY.match(post.message)
            if decision:
                await self.decide(pending, post.user_id, decision.group(1).lower() == "approve")
            else:
                await self.host.whisper(post.user_id, where.channel_id, where.root_id,
                                        "A tool call in this thread waits for approval: reply **approve** or "
                                        "**deny** first.")
            return
        await runner.answer(where)

    async def decide(self, pending: PendingCall, user_id: str, approve: bool) -> str:
        """Approves or denies a pending call for `user_id`; the answer to show that user."""
        owner = (await self.host.user(pending.owner_id)).username
        if user_id != pending.owner_id:
            message = f"Only @{owner}, who started this conversation, can approve or deny this tool call."
            await self.host.whisper(user_id, pending.channel_id, pending.root_id, message)
            return message
        if not await self.approvals.take(pending):
            return "That tool call was already decided."
        assert self.runner
        self.worker.submit(self.runner.resume(pending, approve, owner), f"resuming thread {pending.root_id}")
        return f"Tool call {'approved' if approve else 'denied'}."

    def command(self, args: Any) -> dict[str, str]:
        words = args.command.split()[1:]
        verb = words[0].lower() if words else "help"
        if verb in ("approve", "deny"):
            text = self.worker.run(self._command_decision(args, verb == "approve", words[1:]))
        elif verb == "status":
            text = self._status()
        else:
            text = USAGE
        return {"response_type": "ephemeral", "text": text}

    async def _command_decision(self, args: Any, approve: bool, rest: list[str]) -> str:
        if rest:
            pending = await self.approvals.by_id(rest[0])
        else:
            pending = await self.approvals.for_thread(args.root_id) if args.root_id else None
        if pending is None:
            return "No tool call waits for approval here" + (f" with id {rest[0]}." if rest else ".") + " " + USAGE
        return await self.decide(pending, args.user_id, approve)

    def _status(self) -> str:
        lines = [f"- @{b.username}: {b.provider}, model `{b.model}`, "
                 f"{'base URL ' + b.base_url if b.base_url else 'the provider service'}" for b in self.bots.by_user_id.values()]
        for server in self.hub.status() if self.hub else []:
            state = f"up over {server['transport']}" if server["up"] else f"down ({server['last_error'] or 'starting'})"
            lines.append(f"- MCP server `{server['name']}`: {state}; tools {server['tools']}")
        return "\n".join(lines) or "No bots configured."
