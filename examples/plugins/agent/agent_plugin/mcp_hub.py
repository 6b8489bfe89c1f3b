"""MCP servers from the settings, each kept connected by its own supervisor task on the agent's event loop.

stdio servers are child processes of the plugin (started by the MCP SDK in their own process group, stopped
by closing their stdin, then SIGTERM, then SIGKILL); they also exit when the plugin dies, since their stdin
closes with it. HTTP servers are tried with streamable HTTP first and, when that fails to connect, with the
legacy HTTP+SSE transport. A server that fails or stops answering its health check (a tools listing every
`McpHealthCheckSeconds`) is restarted or reconnected with backoff; its tools are offered only while it is up.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

import httpx2
from mcp import Client
from mcp.client.sse import sse_client
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

from .mcp_tools import OfferedTool, as_langchain_tool, offer
from .settings import McpServerSettings, Policy

CALL_TIMEOUT = 120.0
MAX_BACKOFF = 30.0


class ServerConnection:
    def __init__(self, settings: McpServerSettings, health_interval: float, logger: logging.Logger, cwd: Path):
        self.settings, self.health_interval, self.logger, self.cwd = settings, health_interval, logger, cwd
        self.client: Client | None = None
        self.tools: list[Any] = []
        self.transport_used = ""
        self.last_error = ""
        self.connects = 0
        self._stop = asyncio.Event()
        self._broken = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def name(self) -> str:
        return self.settings.name

    def start(self) -> None:
        self._task = asyncio.create_task(self._supervise(), name=f"mcp-{self.name}")

    async def stop(self) -> None:
        self._stop.set()
        if self._task:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), 10)
            except (asyncio.TimeoutError, Exception):
                self._task.cancel()

    async def call(self, tool: str, arguments: dict[str, Any]) -> Any:
        client = self.client
        if client is None:
            raise ConnectionError(f"not connected ({self.last_error or 'starting'})")
        try:
            return await asyncio.wait_for(client.call_tool(tool, arguments), CALL_TIMEOUT)
        except Exception:
            self._broken.set()  # the supervisor checks the connection at once
            raise

    async def _supervise(self) -> None:
        delay = 0.5
        while not self._stop.is_set():
            try:
                await self._serve()
            except Exception as e:
                self.last_error = _describe(e)
                self.logger.warning("MCP server '%s': %s; retrying in %.1f s", self.name, self.last_error, delay)
            self.client, self.tools = None, []
            if self._stop.is_set():
                break
            try:
                await asyncio.wait_for(self._stop.wait(), delay)
            except asyncio.TimeoutError:
                pass
            delay = min(delay * 2, MAX_BACKOFF)

    async def _serve(self) -> None:
        errors = []
        for label, transport in self._transports():
            connected = False
            try:
                async with Client(transport(), cache=None, read_timeout_seconds=CALL_TIMEOUT) as client:
                    self.tools = list((await client.list_tools()).tools)
                    self.client, self.transport_used, connected = client, label, True
                    self.connects += 1
                    self.last_error = ""
                    self.logger.info("MCP server '%s' connected over %s: tools %s", self.name, label,
                                     [t.name for t in self.tools])
                    await self._watch(client)
                    return
            except Exception as e:
                if connected:
                    raise
                errors.append(f"{label}: {_describe(e)}")
        raise ConnectionError("could not connect (" + "; ".join(errors) + ")")

    async def _watch(self, client: Client) -> None:
        while not self._stop.is_set():
            self._broken.clear()
            stop, broken = asyncio.ensure_future(self._stop.wait()), asyncio.ensure_future(self._broken.wait())
            await asyncio.wait({stop, broken}, timeout=self.health_interval, return_when=asyncio.FIRST_COMPLETED)
            stop.cancel()
            broken.cancel()
            if self._stop.is_set():
                return
            self.tools = list((await asyncio.wait_for(client.list_tools(), 10)).tools)

    def _transports(self) -> list[tuple[str, Callable[[], AbstractAsyncContextManager[Any]]]]:
        s = self.settings
        if s.transport == "stdio":
            command = s.command
            if "/" in command and not Path(command).is_absolute():
                command = str(self.cwd / command)
            params = StdioServerParameters(command=command, args=list(s.args), env=dict(s.env), cwd=str(self.cwd))
            return [("stdio", lambda: stdio_client(params))]

        def streamable() -> AbstractAsyncContextManager[Any]:
            http = httpx2.AsyncClient(headers=s.headers, timeout=httpx2.Timeout(30, read=300))
            return _closing(http, streamable_http_client(s.url, http_client=http))

        return [("streamable HTTP", streamable), ("HTTP+SSE", lambda: sse_client(s.url, headers=s.headers))]


class _closing:
    """A transport that also closes the HTTP client it was given."""

    def __init__(self, http: httpx2.AsyncClient, transport: AbstractAsyncContextManager[Any]) -> None:
        self.http, self.transport = http, transport

    async def __aenter__(self) -> Any:
        return await self.transport.__aenter__()

    async def __aexit__(self, *exc: Any) -> Any:
        try:
            return await self.transport.__aexit__(*exc)
        finally:
            await self.http.aclose()


def _describe(error: BaseException) -> str:
    while isinstance(error, BaseExceptionGroup) and len(error.exceptions) == 1:
        error = error.exceptions[0]
    return f"{type(error).__name__}: {error}"


class McpHub:
    """Every configured server; the tools on offer right now."""

    def __init__(self, servers: tuple[McpServerSettings, ...], health_interval: float, logger: logging.Logger,
                 cwd: Path) -> None:
        self.connections = [ServerConnection(s, health_interval, logger, cwd) for s in servers]
        self.logger = logger
        self._reported: set[str] = set()

    async def start(self) -> None:
        for connection in self.connections:
            connection.start()

    async def stop(self) -> None:
        await asyncio.gather(*(c.stop() for c in self.connections))

    def offered(self) -> list[OfferedTool]:
        tools, collisions = offer({c.name: c.tools for c in self.connections if c.client is not None})
        for collision in set(collisions) - self._reported:
            self.logger.error("MCP tools: %s", collision)
        self._reported = set(collisions)
        return tools

    def tools(self) -> tuple[list[Any], dict[str, Policy]]:
        """LangChain tools and each one's policy (auto or ask), by tool name."""
        by_server = {c.name: c for c in self.connections}
        tools, policies = [], {}
        for offered_tool in self.offered():
            connection = by_server[offered_tool.server]
            tools.append(as_langchain_tool(offered_tool, connection.call))
            policies[offered_tool.name] = connection.settings.policy(offered_tool.tool)
        return tools, policies

    def status(self) -> list[dict[str, Any]]:
        return [{"name": c.name, "up": c.client is not None, "transport": c.transport_used, "connects": c.connects,
                 "tools": [t.name for t in c.tools], "last_error": c.last_error} for c in self.connections]
