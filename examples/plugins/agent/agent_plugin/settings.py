"""The plugin's settings (plugin.json's settings_schema), parsed and checked once per load.

Every problem is collected with the setting it concerns, so an administrator can fix them all at once. Secrets
(API keys, MCP headers and environment values) never appear in a repr, hence never in a log line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

Provider = Literal["openai", "anthropic"]
Policy = Literal["auto", "ask"]

SERVER_NAME = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
USERNAME = re.compile(r"^[a-z0-9._-]{1,64}$")


@dataclass(frozen=True)
class BotSettings:
    provider: Provider
    username: str
    display_name: str
    description: str
    model: str
    base_url: str  # empty: the provider's own service
    api_key: str = field(repr=False)
    thinking: str = "off"  # Anthropic: enabled | adaptive | off
    thinking_budget_tokens: int = 2048
    max_tokens: int = 8192


@dataclass(frozen=True)
class McpServerSettings:
    name: str
    transport: Literal["stdio", "http"]
    command: str = ""
    args: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict, repr=False)
    url: str = ""
    headers: dict[str, str] = field(default_factory=dict, repr=False)
    default_policy: Policy = "auto"
    tool_policy: dict[str, Policy] = field(default_factory=dict)

    def policy(self, tool: str) -> Policy:
        return self.tool_policy.get(tool, self.default_policy)


@dataclass(frozen=True)
class AgentSettings:
    bots: tuple[BotSettings, ...]
    mcp_servers: tuple[McpServerSettings, ...]
    system_prompt: str
    memory_token_budget: int
    max_steps: int
    stream_update_interval: float  # seconds between two edits of a streaming reply
    mcp_health_check_interval: float  # seconds

    def bot_by_username(self, username: str) -> BotSettings | None:
        return next((b for b in self.bots if b.username == username), None)


class SettingsError(ValueError):
    """The settings cannot be used; the message lists every problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("the agent plugin's settings are invalid:\n" + "\n".join(f"  - {p}" for p in problems))
        self.problems = problems


def parse(config: dict[str, Any]) -> AgentSettings:
    """The settings from LoadPluginConfiguration's answer (a plain dict); raises SettingsError."""
    problems: list[str] = []
    reader = _Reader(config, problems)
    bots = tuple(b for b in (_bot(reader, "OpenAI", "openai"), _bot(reader, "Anthropic", "anthropic")) if b)
    if len({b.username for b in bots}) < len(bots):
        problems.append("OpenAIBotUsername, AnthropicBotUsername: the two bots need different usernames")
    settings = AgentSettings(
        bots=bots,
        mcp_servers=_mcp_servers(reader.text("McpServers", "[]"), problems),
        system_prompt=reader.text("SystemPrompt", ""),
        memory_token_budget=reader.number("MemoryTokenBudget", 8000, 200, 2_000_000),
        max_steps=reader.number("MaxAgentSteps", 8, 1, 100),
        stream_update_interval=reader.number("StreamUpdateIntervalMs", 200, 20, 10_000) / 1000,
        mcp_health_check_interval=reader.number("McpHealthCheckSeconds", 10, 1, 3600),
    )
    if problems:
        raise SettingsError(problems)
    return settings


def _bot(reader: _Reader, prefix: str, provider: Provider) -> BotSettings | None:
    if not reader.flag(f"{prefix}Enabled", True):
        return None
    username = reader.text(f"{prefix}BotUsername", provider).strip().lower()
    if not USERNAME.match(username):
        reader.problems.append(f"{prefix}BotUsername: '{username}' must be 1 to 64 of a-z, 0-9, '.', '_', '-'")
    thinking = reader.text("AnthropicThinking", "enabled") if provider == "anthropic" else "off"
    if thinking not in ("enabled", "adaptive", "off"):
        reader.problems.append(f"AnthropicThinking: '{thinking}' must be enabled, adaptive or off")
    budget = reader.number("AnthropicThinkingBudgetTokens", 2048, 1024, 128_000) if provider == "anthropic" else 0
    max_tokens = reader.number("AnthropicMaxTokens", 8192, 256, 256_000) if provider == "anthropic" else 0
    if provider == "anthropic" and thinking == "enabled" and budget >= max_tokens:
        reader.problems.append("AnthropicThinkingBudgetTokens: must be below AnthropicMaxTokens")
    return BotSettings(
        provider=provider,
        username=username,
        display_name=reader.text(f"{prefix}BotDisplayName", prefix),
        description=reader.text(f"{prefix}BotDescription", ""),
        model=reader.text(f"{prefix}Model", "").strip() or _missing(reader, f"{prefix}Model"),
        base_url=reader.text(f"{prefix}BaseURL", "").strip(),
        api_key=reader.text(f"{prefix}APIKey", "").strip(),
        thinking=thinking,
        thinking_budget_tokens=budget,
        max_tokens=max_tokens,
    )


def _missing(reader: _Reader, key: str) -> str:
    reader.problems.append(f"{key}: a model name is required")
    return ""


def _mcp_servers(text: str, problems: list[str]) -> tuple[McpServerSettings, ...]:
    try:
        raw = json.loads(text or "[]")
    except json.JSONDecodeError as e:
        problems.append(f"McpServers: not JSON ({e.msg} at line {e.lineno} column {e.colno})")
        return ()
    if not isinstance(raw, list):
        problems.append("McpServers: must be a JSON list of servers")
        return ()
    servers, names = [], set()
    for i, entry in enumerate(raw):
        where = f"McpServers[{i}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be an object")
            continue
        server = _mcp_server(entry, where, problems)
        if server and server.name in names:
            problems.append(f"{where}.name: '{server.name}' is used twice; tool names are namespaced by server name")
        elif server:
            names.add(server.name)
            servers.append(server)
    return tuple(servers)


def _mcp_server(entry: dict[str, Any], where: str, problems: list[str]) -> McpServerSettings | None:
    known = {"name", "transport", "command", "args", "env", "url", "headers", "default_policy", "tool_policy"}
    if unknown := sorted(set(entry) - known):
        problems.append(f"{where}: unknown keys {unknown}; a server has {sorted(known)}")
    name, transport = str(entry.get("name", "")), entry.get("transport")
    start = len(problems)
    if not SERVER_NAME.match(name):
        problems.append(f"{where}.name: '{name}' must be 1 to 32 of A-Z, a-z, 0-9, '_', '-'")
    if transport == "stdio" and not entry.get("command"):
        problems.append(f"{where}.command: a stdio server needs the command that starts it")
    elif transport == "http" and not str(entry.get("url", "")).startswith(("http://", "https://")):
        problems.append(f"{where}.url: an http server needs an http:// or https:// URL")
    elif transport not in ("stdio", "http"):
        problems.append(f"{where}.transport: '{transport}' must be stdio or http")
    policies = entry.get("tool_policy", {})
    default_policy = entry.get("default_policy", "auto")
    if default_policy not in ("auto", "ask") or not isinstance(policies, dict) or any(
            v not in ("auto", "ask") for v in policies.values()):
        problems.append(f"{where}: default_policy and each tool_policy value must be auto or ask")
    for key in ("env", "headers"):
        if not isinstance(entry.get(key, {}), dict):
            problems.append(f"{where}.{key}: must be an object of strings")
    if not isinstance(entry.get("args", []), list):
        problems.append(f"{where}.args: must be a list of strings")
    if len(problems) > start:
        return None
    return McpServerSettings(
        name=name, transport=transport, command=str(entry.get("command", "")),
        args=tuple(str(a) for a in entry.get("args", [])),
        env={str(k): str(v) for k, v in entry.get("env", {}).items()}, url=str(entry.get("url", "")),
        headers={str(k): str(v) for k, v in entry.get("headers", {}).items()},
        default_policy=default_policy, tool_policy=dict(policies))


class _Reader:
    """Typed reads of the configuration, each bad value noted with its key."""

    def __init__(self, config: dict[str, Any], problems: list[str]) -> None:
        # Mattermost stores setting keys lower-cased; the manifest's spelling is only a label.
        self.config = {k.lower(): v for k, v in config.items()}
        self.problems = problems

    def text(self, key: str, default: str) -> str:
        value = self.config.get(key.lower(), default)
        if value is None:
            return default
        if not isinstance(value, str):
            self.problems.append(f"{key}: must be text, was {type(value).__name__}")
            return default
        return value

    def number(self, key: str, default: int, low: int, high: int) -> int:
        value = self.config.get(key.lower(), default)
        try:
            number = int(str(value).strip()) if not isinstance(value, (int, float)) else int(value)
        except ValueError:
            self.problems.append(f"{key}: '{value}' is not a whole number")
            return default
        if not low <= number <= high:
            self.problems.append(f"{key}: {number} must be between {low} and {high}")
            return default
        return number

    def flag(self, key: str, default: bool) -> bool:
        value = self.config.get(key.lower(), default)
        return value if isinstance(value, bool) else str(value).strip().lower() in ("true", "1", "yes", "on")
