"""MCP tools as LangChain tools: named `<server>__<tool>` (the characters and length both providers accept), so
two servers may offer tools of the same name. Names that still collide (after the cleaning) are detected:
neither is offered, and the collision is reported, rather than one tool silently shadowing the other."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from langchain_core.tools import BaseTool, StructuredTool, ToolException

MAX_NAME = 64
SEPARATOR = "__"
Caller = Callable[[str, dict[str, Any]], Awaitable[Any]]  # (tool, arguments) -> CallToolResult


@dataclass(frozen=True)
class OfferedTool:
    name: str  # as the model sees it
    server: str
    tool: str  # as the server calls it
    description: str
    input_schema: dict[str, Any]


def namespaced(server: str, tool: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", f"{server}{SEPARATOR}{tool}")[:MAX_NAME]


def offer(tools_by_server: dict[str, list[Any]]) -> tuple[list[OfferedTool], list[str]]:
    """The tools to offer, and a sentence per collision."""
    claims: dict[str, list[OfferedTool]] = {}
    for server, tools in tools_by_server.items():
        for tool in tools:
            schema = dict(tool.input_schema or {"type": "object", "properties": {}})
            offered = OfferedTool(namespaced(server, tool.name), server, tool.name, tool.description or "", schema)
            claims.setdefault(offered.name, []).append(offered)
    kept, collisions = [], []
    for name, claimants in sorted(claims.items()):
        if len(claimants) == 1:
            kept.append(claimants[0])
        else:
            who = ", ".join(f"'{c.tool}' of server '{c.server}'" for c in claimants)
            collisions.append(f"tool name '{name}' is claimed by {who}: none of them is offered; rename a server")
    return kept, collisions


def result_text(result: Any) -> str:
    parts = [getattr(block, "text", None) or f"[{getattr(block, 'type', 'content')}]" for block in result.content]
    if not parts and result.structured_content is not None:
        parts = [str(result.structured_content)]
    return "\n".join(parts)


def as_langchain_tool(offered: OfferedTool, call: Caller) -> BaseTool:
    """A tool whose errors (an MCP error result, or the server being unreachable) reach the model as error
    tool results, so it can react; they never end the run."""

    async def run(**arguments: Any) -> str:
        try:
            result = await call(offered.tool, arguments)
        except ToolException:
            raise
        except Exception as e:  # the server went away, timed out, refused the call
            raise ToolException(f"MCP server '{offered.server}' could not run {offered.tool}: {e}") from e
        text = result_text(result)
        if result.is_error:
            raise ToolException(text or f"{offered.tool} failed without a message")
        return text

    def not_sync(**_: Any) -> str:
        raise ToolException("MCP tools run on the agent's event loop only")

    return StructuredTool(name=offered.name, description=offered.description or offered.tool,
                          args_schema=offered.input_schema, func=not_sync, coroutine=run,
                          handle_tool_error=True, metadata={"mcp_server": offered.server, "mcp_tool": offered.tool})
