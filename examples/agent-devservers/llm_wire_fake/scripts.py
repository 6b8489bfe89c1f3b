"""Scripts: what the fake model answers, chosen by the conversation, never by chance.

A script file is JSON: `{"scripts": [{"name": ..., "match": <regex>, "steps": [<step>, ...]}, ...]}`. The first
script whose `match` finds the latest user message (case-insensitive) answers. Which step answers is the number
of assistant turns since that user message: step 0 answers the question, step 1 answers after the first round of
tool results, and so on (past the last step, the last one repeats). So the answer depends only on the request,
which keeps the fake stateless: parallel tests and restarted plugins get the same answers.

A step:
    text            the answer's text; `{placeholders}` are filled from the conversation (see `Conversation`)
    repeat          the text, this many times (long answers)
    thinking        reasoning sent as an Anthropic thinking block when the request enables thinking
    tool_calls      [{"name": ..., "arguments": {...}}]: the tools to call (each must be offered by the request)
    error           {"status": 529, "type": "overloaded_error", "message": ...}: answer with an HTTP error
    fail_after      with `text` and a stream: break the stream with an error event after this many characters
    first_token_ms  wait before the first streamed chunk (or before a whole answer); default 0
    chunk_ms        wait between streamed chunks; default 0
    chunk_chars     characters per streamed text chunk; default 8
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ToolCall:
    name: str
    arguments: dict[str, Any]


@dataclass(frozen=True)
class Step:
    text: str = ""
    repeat: int = 1
    thinking: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    error: dict[str, Any] | None = None
    fail_after: int | None = None
    first_token_ms: int = 0
    chunk_ms: int = 0
    chunk_chars: int = 8

    @staticmethod
    def parse(raw: dict[str, Any], where: str) -> Step:
        known = {f for f in Step.__dataclass_fields__}
        unknown = set(raw) - known
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}; a step has {sorted(known)}")
        calls = tuple(ToolCall(c["name"], dict(c.get("arguments", {}))) for c in raw.get("tool_calls", []))
        values = {k: v for k, v in raw.items() if k != "tool_calls"}
        return Step(tool_calls=calls, **values)


@dataclass(frozen=True)
class Script:
    name: str
    pattern: re.Pattern[str]
    steps: tuple[Step, ...]

    def step(self, index: int) -> Step:
        return self.steps[min(index, len(self.steps) - 1)]


@dataclass
class Conversation:
    """What a request says, whatever its provider: the facts scripts choose by and fill placeholders from."""

    user_texts: list[str] = field(default_factory=list)
    assistant_turns_since_user: int = 0
    tool_results: list[str] = field(default_factory=list)  # since the latest user message, in order
    offered_tools: list[str] = field(default_factory=list)
    system: str = ""

    def placeholders(self) -> dict[str, str]:
        return {
            "user": self.user_texts[-1] if self.user_texts else "",
            "first_user": self.user_texts[0] if self.user_texts else "",
            "user_turns": str(len(self.user_texts)),
            "tool_result": self.tool_results[-1] if self.tool_results else "",
            "tool_results": " | ".join(self.tool_results),
            "tools": ", ".join(self.offered_tools),
        }


class ScriptBook:
    """The loaded scripts, in file order."""

    def __init__(self, scripts: list[Script]) -> None:
        self.scripts = scripts

    @staticmethod
    def load(paths: list[Path]) -> ScriptBook:
        scripts: list[Script] = []
        for path in paths:
            document = json.loads(path.read_text(encoding="utf-8"))
            for i, raw in enumerate(document.get("scripts", [])):
                where = f"{path.name}: scripts[{i}] ({raw.get('name', '?')})"
                steps = tuple(Step.parse(s, f"{where}.steps[{j}]") for j, s in enumerate(raw["steps"]))
                if not steps:
                    raise ValueError(f"{where}: a script needs at least one step")
                scripts.append(Script(raw.get("name", f"script{i}"), re.compile(raw["match"], re.I), steps))
        return ScriptBook(scripts)

    def answer(self, conversation: Conversation) -> tuple[str, int, Step]:
        """The script name, step index and step that answer this conversation."""
        latest = conversation.user_texts[-1] if conversation.user_texts else ""
        for script in self.scripts:
            if script.pattern.search(latest):
                index = conversation.assistant_turns_since_user
                return script.name, index, script.step(index)
        return "unscripted", 0, Step(text="(wire fake) no script matches: {user}")


def render_text(step: Step, conversation: Conversation) -> str:
    values = conversation.placeholders()
    text = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), step.text)
    return text * max(step.repeat, 1)


def missing_tools(step: Step, conversation: Conversation) -> list[str]:
    return [c.name for c in step.tool_calls if c.name not in conversation.offered_tools]
