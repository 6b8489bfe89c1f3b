"""OpenAI's chat completions wire format (POST /v1/chat/completions), streamed (server-sent events of
`chat.completion.chunk`) and not (one `chat.completion`), tool calls included."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .scripts import Conversation, Step, render_text
from .wire import Chunk, chunks_of, estimate_tokens


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


def conversation(body: dict[str, Any]) -> Conversation:
    talk = Conversation(offered_tools=[t["function"]["name"] for t in body.get("tools", []) if "function" in t])
    for message in body.get("messages", []):
        role = message.get("role")
        if role in ("system", "developer"):
            talk.system += _text(message.get("content"))
        elif role == "user":
            talk.user_texts.append(_text(message.get("content")))
            talk.assistant_turns_since_user = 0
            talk.tool_results = []
        elif role == "assistant":
            talk.assistant_turns_since_user += 1
        elif role == "tool":
            talk.tool_results.append(_text(message.get("content")))
    return talk


class OpenAIAnswer:
    """One answer to one request."""

    def __init__(self, body: dict[str, Any], step: Step, talk: Conversation, call_prefix: str) -> None:
        self.model = body.get("model", "wire-fake")
        self.step = step
        self.text = render_text(step, talk) if step.text else ""
        self.calls = [(f"call_{call_prefix}_{i}", c.name, json.dumps(c.arguments)) for i, c in
                      enumerate(step.tool_calls)]
        self.id = f"chatcmpl-{call_prefix}"
        self.usage = {"prompt_tokens": estimate_tokens(json.dumps(body.get("messages", []))),
                      "completion_tokens": estimate_tokens(self.text + "".join(c[2] for c in self.calls))}
        self.usage["total_tokens"] = self.usage["prompt_tokens"] + self.usage["completion_tokens"]
        self.include_usage = bool(body.get("stream_options", {}).get("include_usage"))

    @property
    def finish_reason(self) -> str:
        return "tool_calls" if self.calls else "stop"

    def whole(self) -> dict[str, Any]:
        message: dict[str, Any] = {"role": "assistant", "content": self.text or None}
        if self.calls:
            message["tool_calls"] = [{"id": i, "type": "function", "function": {"name": n, "arguments": a}}
                                     for i, n, a in self.calls]
        return {"id": self.id, "object": "chat.completion", "created": 1700000000, "model": self.model,
                "choices": [{"index": 0, "message": message, "finish_reason": self.finish_reason}],
                "usage": self.usage}

    def stream(self) -> Iterator[Chunk]:
        step = self.step
        yield Chunk(step.first_token_ms, self._event({"role": "assistant", "content": ""}))
        sent = 0
        for piece in chunks_of(self.text, step.chunk_chars):
            if step.fail_after is not None and sent >= step.fail_after:
                yield Chunk(0, _sse({"error": {"message": "the wire fake broke the stream as scripted",
                                               "type": "server_error", "code": "scripted_failure"}}))
                return
            yield Chunk(step.chunk_ms, self._event({"content": piece}))
            sent += len(piece)
        for index, (call_id, name, arguments) in enumerate(self.calls):
            yield Chunk(step.chunk_ms, self._event({"tool_calls": [{"index": index, "id": call_id, "type": "function",
                                                                     "function": {"name": name, "arguments": ""}}]}))
            for piece in chunks_of(arguments, 16):
                yield Chunk(0, self._event({"tool_calls": [{"index": index, "function": {"arguments": piece}}]}))
        yield Chunk(0, self._event({}, finish=self.finish_reason))
        if self.include_usage:
            yield Chunk(0, _sse({"id": self.id, "object": "chat.completion.chunk", "created": 1700000000,
                                 "model": self.model, "choices": [], "usage": self.usage}))
        yield Chunk(0, b"data: [DONE]\n\n")

    def _event(self, delta: dict[str, Any], finish: str | None = None) -> bytes:
        return _sse({"id": self.id, "object": "chat.completion.chunk", "created": 1700000000, "model": self.model,
                     "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})


def error_body(status: int, kind: str, message: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "code": str(status)}}


def _sse(payload: dict[str, Any]) -> bytes:
    return f"data: {json.dumps(payload)}\n\n".encode()
