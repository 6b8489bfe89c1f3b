"""A small MCP server with deterministic tools, for the agent plugin's tests and the demo.

    python mcp_test_server.py --name demo                                  # stdio (the plugin starts it)
    python mcp_test_server.py --name weather --transport streamable-http --port 0
    python mcp_test_server.py --name legacy --transport sse --port 0        # the old HTTP+SSE transport only

Over HTTP it prints one line, `listening on http://127.0.0.1:<port><path>`, once it accepts connections
(`--port 0` picks a free port). `--pid-file` records the process id (tests kill it to prove supervision);
`--calls-file` appends one JSON line per tool call (tests prove a tool really ran, and how often).

Tools (all deterministic): forecast(city), add(a, b), echo(text), fail(reason) which always fails, and
count_calls() which says how many tool calls this process has served. `--tools a,b` offers only those.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
from pathlib import Path

import anyio
import uvicorn
from mcp.server import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

FORECASTS = {"paris": "sunny, 21 °C", "oslo": "snow, -4 °C", "lima": "cloudy, 17 °C"}
SERVED_CALLS = 0


def build_server(name: str, calls_file: Path | None, only: set[str] | None) -> MCPServer:
    server = MCPServer(name, log_level="WARNING")

    def record(tool: str, arguments: dict[str, object]) -> None:
        global SERVED_CALLS
        SERVED_CALLS += 1
        if calls_file:
            with calls_file.open("a", encoding="utf-8") as out:
                out.write(json.dumps({"server": name, "tool": tool, "arguments": arguments}) + "\n")

    def offered(function):  # registers the tool unless --tools leaves it out
        if only is None or function.__name__ in only:
            server.tool()(function)
        return function

    @offered
    def forecast(city: str) -> str:
        """Today's weather forecast for a city."""
        record("forecast", {"city": city})
        return f"{city}: {FORECASTS.get(city.lower(), 'fog, 10 °C')}"

    @offered
    def add(a: int, b: int) -> int:
        """Adds two whole numbers."""
        record("add", {"a": a, "b": b})
        return a + b

    @offered
    def echo(text: str) -> str:
        """Returns the text unchanged."""
        record("echo", {"text": text})
        return text

    @offered
    def fail(reason: str) -> str:
        """Always fails, with the reason given."""
        record("fail", {"reason": reason})
        raise ToolError(f"fail was asked to fail: {reason}")

    @offered
    def count_calls() -> int:
        """How many tool calls this server process has served, this one included."""
        record("count_calls", {})
        return SERVED_CALLS

    return server


async def serve_http(server: MCPServer, transport: str, port: int) -> None:
    if transport == "sse":
        app, path = server.sse_app(), "/sse"
    else:
        app, path = server.streamable_http_app(), "/mcp"
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    http = uvicorn.Server(config)

    async def announce() -> None:
        while not http.started:
            await anyio.sleep(0.01)
        print(f"listening on http://127.0.0.1:{sock.getsockname()[1]}{path}", flush=True)

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(announce)
        await http.serve(sockets=[sock])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--name", default="demo", help="the server's name in its handshake")
    parser.add_argument("--transport", choices=["stdio", "streamable-http", "sse"], default="stdio")
    parser.add_argument("--port", type=int, default=0, help="HTTP port (0: any free one)")
    parser.add_argument("--pid-file", type=Path)
    parser.add_argument("--calls-file", type=Path)
    parser.add_argument("--tools", help="comma-separated tools to offer (default: all)")
    args = parser.parse_args()
    if args.pid_file:
        args.pid_file.write_text(str(os.getpid()))
    only = set(args.tools.split(",")) if args.tools else None
    server = build_server(args.name, args.calls_file, only)
    if args.transport == "stdio":
        server.run("stdio")  # returns when the client closes stdin: the plugin going away stops it
    else:
        anyio.run(serve_http, server, args.transport, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
