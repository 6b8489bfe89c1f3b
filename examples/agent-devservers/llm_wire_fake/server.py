"""The HTTP server: routes, authentication as the providers do it, the request log tests read."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from . import anthropic_wire, openai_wire
from .scripts import Conversation, ScriptBook, missing_tools
from .wire import Chunk


class WireFake(ThreadingHTTPServer):
    """Serves both providers' APIs from one script book; every model request is logged."""

    daemon_threads = True

    def __init__(self, port: int, scripts: ScriptBook) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.scripts = scripts
        self._log: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def record(self, entry: dict[str, Any]) -> None:
        with self._lock:
            self._log.append(entry)

    def requests_seen(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._log)

    def reset(self) -> None:
        with self._lock:
            self._log.clear()


def start_in_thread(script_files: list[Path], port: int = 0) -> WireFake:
    """A running fake on a daemon thread (for Python tests); `shutdown()` stops it."""
    fake = WireFake(port, ScriptBook.load(script_files))
    threading.Thread(target=fake.serve_forever, name="llm-wire-fake", daemon=True).start()
    return fake


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: WireFake

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read /_fake/requests instead
        pass

    def do_GET(self) -> None:
        if self.path == "/_fake/requests":
            self._json(200, self.server.requests_seen())
        elif self.path == "/_fake/health":
            self._json(200, {"status": "ok"})
        else:
            self._json(404, {"error": f"no route GET {self.path}"})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length) if length else b""
        if self.path == "/_fake/reset":
            self.server.reset()
            self._json(200, {"status": "reset"})
            return
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError as e:
            self._json(400, {"error": f"the body is not JSON: {e}"})
            return
        if self.path.rstrip("/").endswith("/chat/completions"):
            self._openai(body)
        elif self.path.rstrip("/").endswith("/messages"):
            self._anthropic(body)
        else:
            self._json(404, {"error": f"no route POST {self.path}; the fake serves /v1/chat/completions "
                                      "(OpenAI) and /v1/messages (Anthropic)"})

    def _openai(self, body: dict[str, Any]) -> None:
        key = self.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        talk = openai_wire.conversation(body)
        script, index, step = self.server.scripts.answer(talk)
        entry = self._entry("openai", body, key, script, index, talk)
        if not key:
            return self._fail(entry, 401, openai_wire.error_body(401, "invalid_request_error",
                                                                  "You didn't provide an API key."))
        if problem := self._problem(step, talk):
            return self._fail(entry, 400, openai_wire.error_body(400, "invalid_request_error", problem))
        if step.error:
            return self._fail(entry, step.error.get("status", 500), openai_wire.error_body(
                step.error.get("status", 500), step.error.get("type", "server_error"), step.error.get("message", "")))
        answer = openai_wire.OpenAIAnswer(body, step, talk, f"{script}_{index}")
        self._answer(entry, body, answer)

    def _anthropic(self, body: dict[str, Any]) -> None:
        # Anthropic's SDKs have sent the key as x-api-key and, lately, as a bearer token: accept both.
        key = (self.headers.get("x-api-key") or self.headers.get("Authorization", "").removeprefix("Bearer ")).strip()
        try:
            talk, verified = anthropic_wire.conversation(body)
        except anthropic_wire.InvalidRequest as e:
            entry = self._entry("anthropic", body, key, "rejected", 0, Conversation())
            return self._fail(entry, 400, anthropic_wire.error_body("invalid_request_error", str(e)))
        script, index, step = self.server.scripts.answer(talk)
        entry = self._entry("anthropic", body, key, script, index, talk)
        entry["thinking_blocks_verified"] = verified
        if not key:
            return self._fail(entry, 401, anthropic_wire.error_body("authentication_error", "x-api-key or Authorization header is required"))
        if problem := self._problem(step, talk):
            return self._fail(entry, 400, anthropic_wire.error_body("invalid_request_error", problem))
        if step.error:
            return self._fail(entry, step.error.get("status", 500), anthropic_wire.error_body(
                step.error.get("type", "api_error"), step.error.get("message", "")))
        answer = anthropic_wire.AnthropicAnswer(body, step, talk, f"{script}_{index}", script, index)
        self._answer(entry, body, answer)

    @staticmethod
    def _problem(step: Any, talk: Any) -> str:
        missing = missing_tools(step, talk)
        if missing:
            return (f"the script calls {missing}, which the request does not offer (it offers "
                    f"{talk.offered_tools or 'no tools'})")
        return ""

    def _entry(self, provider: str, body: dict[str, Any], key: str, script: str, index: int, talk: Any) -> dict[str, Any]:
        return {"provider": provider, "path": self.path, "model": body.get("model"), "stream": bool(body.get("stream")),
                "api_key": key, "script": script, "step": index, "tools": talk.offered_tools,
                "user_texts": talk.user_texts, "tool_results": talk.tool_results, "system": talk.system,
                "thinking": body.get("thinking"), "max_tokens": body.get("max_tokens"), "status": 200,
                "at": time.time()}

    def _fail(self, entry: dict[str, Any], status: int, payload: dict[str, Any]) -> None:
        entry["status"] = status
        entry["error"] = payload
        self.server.record(entry)
        self._json(status, payload)

    def _answer(self, entry: dict[str, Any], body: dict[str, Any],
                answer: openai_wire.OpenAIAnswer | anthropic_wire.AnthropicAnswer) -> None:
        self.server.record(entry)
        if not body.get("stream"):
            time.sleep(answer.step.first_token_ms / 1000)
            self._json(200, answer.whole())
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for chunk in answer.stream():
                self._send_chunk(chunk)
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away mid-stream

    def _send_chunk(self, chunk: Chunk) -> None:
        if chunk.delay_ms:
            time.sleep(chunk.delay_ms / 1000)
        self.wfile.write(f"{len(chunk.data):x}\r\n".encode() + chunk.data + b"\r\n")
        self.wfile.flush()

    def _json(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
