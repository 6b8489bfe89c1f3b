"""Anthropic's messages wire format (POST /v1/messages), streamed (server-sent events: message_start,
content_block_start/delta/stop, message_delta, message_stop) and not, with tool use and extended thinking.

With thinking on, every assistant turn that uses tools starts with a thinking block whose signature the fake
made (an HMAC of the thinking text). Anthropic requires such blocks to come back unchanged with the tool
results; the fake checks that the same way and answers 400 when a block is missing or altered.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Iterator
from typing import Any

from .scripts import Conversation, Step, render_text
from .wire import Chunk, chunks_of, estimate_tokens

_SIGNING_KEY = b"llm-wire-fake: thinking blocks must come back unchanged"


class InvalidRequest(Exception):
    """A request Anthropic would refuse (400 invalid_request_error)."""


def sign(thinking: str) -> str:
    return base64.b64encode(hmac.new(_SIGNING_KEY, thinking.encode(), hashlib.sha256).digest()).decode()


def thinking_enabled(body: dict[str, Any]) -> bool:
    return isinstance(body.get("thinking"), dict) and body["thinking"].get("type") in ("enabled", "adaptive")


def _blocks(content: Any) -> list[dict[str, Any]]:
    if isinstance(content, str):
        return [{"type": "text", "text": content}]
    return [b for b in content or [] if isinstance(b, dict)]


def _result_text(block: dict[str, Any]) -> str:
    content = block.get("content", "")
    return content if isinstance(content, str) else "".join(b.get("text", "") for b in _blocks(content))


def conversation(body: dict[str, Any]) -> tuple[Conversation, int]:
    """The conversation, and how many thinking blocks came back intact (each checked)."""
    system = body.get("system", "")
    talk = Conversation(offered_tools=[t["name"] for t in body.get("tools", []) if "name" in t],
                        system=system if isinstance(system, str) else "".join(b.get("text", "") for b in system))
    verified = 0
    for position, message in enumerate(body.get("messages", [])):
        blocks = _blocks(message.get("content"))
        if message.get("role") == "assistant":
            talk.assistant_turns_since_user += 1
            if thinking_enabled(body) and any(b.get("type") == "tool_use" for b in blocks):
                verified += _check_thinking(position, blocks)
            continue
        results = [b for b in blocks if b.get("type") == "tool_result"]
        texts = [b.get("text", "") for b in blocks if b.get("type") == "text"]
        if results:
            talk.tool_results.extend(_result_text(b) for b in results)
        elif texts:
            talk.user_texts.append("".join(texts))
            talk.assistant_turns_since_user = 0
            talk.tool_results = []
    return talk, verified


def _check_thinking(position: int, blocks: list[dict[str, Any]]) -> int:
    first = blocks[0]
    if first.get("type") == "redacted_thinking":
        return 1
    if first.get("type") != "thinking":
        raise InvalidRequest(f"messages.{position}.content.0.type: Expected `thinking` or `redacted_thinking`, but "
                             f"found `{first.get('type')}`. When thinking is enabled, a final assistant message must "
                             "start with a thinking block (the wire fake checks every assistant turn with tool use)")
    if first.get("signature") != sign(first.get("thinking", "")):
        raise InvalidRequest(f"messages.{position}.content.0: Invalid `signature` in `thinking` block: thinking "
                             "blocks must be passed back unchanged")
    return 1


class AnthropicAnswer:
    """One answer to one request."""

    def __init__(self, body: dict[str, Any], step: Step, talk: Conversation, call_prefix: str, script: str,
                 index: int) -> None:
        self.model = body.get("model", "wire-fake")
        self.step = step
        self.id = f"msg_{call_prefix}"
        self.thinking = ""
        if thinking_enabled(body):
            self.thinking = step.thinking or f"Script {script}, step {index}: following the script."
        self.text = render_text(step, talk) if step.text else ""
        self.calls = [(f"toolu_{call_prefix}_{i}", c.name, c.arguments) for i, c in enumerate(step.tool_calls)]
        self.usage = {"input_tokens": estimate_tokens(json.dumps(body.get("messages", []))),
                      "output_tokens": estimate_tokens(self.thinking + self.text
                                                       + "".join(json.dumps(c[2]) for c in self.calls))}

    @property
    def stop_reason(self) -> str:
        return "tool_use" if self.calls else "end_turn"

    def content(self) -> list[dict[str, Any]]:
        blocks: list[dict[str, Any]] = []
        if self.thinking:
            blocks.append({"type": "thinking", "thinking": self.thinking, "signature": sign(self.thinking)})
        if self.text:
            blocks.append({"type": "text", "text": self.text})
        blocks += [{"type": "tool_use", "id": i, "name": n, "input": a} for i, n, a in self.calls]
        return blocks

    def whole(self) -> dict[str, Any]:
        return {"id": self.id, "type": "message", "role": "assistant", "model": self.model,
                "content": self.content(), "stop_reason": self.stop_reason, "stop_sequence": None,
                "usage": self.usage}

    def stream(self) -> Iterator[Chunk]:
        step = self.step
        start = {"id": self.id, "type": "message", "role": "assistant", "model": self.model, "content": [],
                 "stop_reason": None, "stop_sequence": None,
                 "usage": {"input_tokens": self.usage["input_tokens"], "output_tokens": 1}}
        yield Chunk(step.first_token_ms, _event("message_start", {"message": start}))
        index = 0
        if self.thinking:
            yield from self._block(index, {"type": "thinking", "thinking": "", "signature": ""},
                                   [{"type": "thinking_delta", "thinking": p} for p in chunks_of(self.thinking, 32)]
                                   + [{"type": "signature_delta", "signature": sign(self.thinking)}])
            index += 1
        if self.text:
            yield Chunk(0, _event("content_block_start", {"index": index, "content_block": {"type": "text", "text": ""}}))
            sent = 0
            for piece in chunks_of(self.text, step.chunk_chars):
                if step.fail_after is not None and sent >= step.fail_after:
                    yield Chunk(0, _event("error", {"error": {"type": "overloaded_error",
                                                              "message": "the wire fake broke the stream as scripted"}}))
                    return
                yield Chunk(step.chunk_ms, _event("content_block_delta",
                                                  {"index": index, "delta": {"type": "text_delta", "text": piece}}))
                sent += len(piece)
            yield Chunk(0, _event("content_block_stop", {"index": index}))
            index += 1
        for call_id, name, arguments in self.calls:
            yield from self._block(index, {"type": "tool_use", "id": call_id, "name": name, "input": {}},
                                   [{"type": "input_json_delta", "partial_json": p}
                                    for p in chunks_of(json.dumps(arguments), 16)])
            index += 1
        yield Chunk(0, _event("message_delta", {"delta": {"stop_reason": self.stop_reason, "stop_sequence": None},
                                                "usage": {"output_tokens": self.usage["output_tokens"]}}))
        yield Chunk(0, _event("message_stop", {}))

    def _block(self, index: int, start: dict[str, Any], deltas: list[dict[str, Any]]) -> Iterator[Chunk]:
        yield Chunk(self.step.chunk_ms, _event("content_block_start", {"index": index, "content_block": start}))
        for delta in deltas:
            yield Chunk(0, _event("content_block_delta", {"index": index, "delta": delta}))
        yield Chunk(0, _event("content_block_stop", {"index": index}))


def error_body(kind: str, message: str) -> dict[str, Any]:
    return {"type": "error", "error": {"type": kind, "message": message}}


def _event(name: str, payload: dict[str, Any]) -> bytes:
    return f"event: {name}\ndata: {json.dumps({'type': name, **payload})}\n\n".encode()
