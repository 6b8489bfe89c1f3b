"""ServeHTTP, ServeMetrics and FileWillBeUploaded: bodies streamed both ways, through the dispatch."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.http import ClientDisconnectedError, HTTPRequest, HTTPResponseWriter
from mattermost_plugin.models import FileInfo, HTTPRequestHead, PluginContext
from mattermost_plugin._proto.mattermost.pluginapi.v1 import hooks_http_pb2
from mattermost_plugin.testing import FakeServicerContext, HookCaller

CHUNK = 64 * 1024


class Web(Plugin):
    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.seen: list[object] = []

    @hook(HookName.ServeHTTP)
    def serve(self, context: PluginContext, w: HTTPResponseWriter, r: HTTPRequest) -> None:
        if r.url == "/echo":
            w.set_header("Content-Type", r.get_header("content-type"))
            sizes = []
            for chunk in r:
                sizes.append(len(chunk))
                w.write(chunk)
            self.seen.append(sizes)
        elif r.url == "/early":
            w.write_header(202)
            w.write(b"accepted before the body")
            w.flush()
            self.release.wait(5)
            self.seen.append(len(r.body))
        elif r.url == "/events":
            w.set_header("Content-Type", "text/event-stream")
            for i in range(3):
                w.write(f"data: {i}\n\n")
                w.flush()
                if i == 0:
                    self.release.wait(5)
        elif r.url == "/forever":
            try:
                while True:
                    w.write(b"x" * 1024)
                    w.flush()
            except ClientDisconnectedError:
                self.seen.append(("disconnected", r.cancelled))
        elif r.url == "/compat":
            w.add_header("Set-Cookie", "a=1")
            w.add_header("Set-Cookie", "b=2")
            w.write_header(418)
            w.write(r.body + b"|" + r.method.encode())
        else:
            raise RuntimeError("no route")

    @hook(HookName.ServeMetrics)
    def metrics(self, context: PluginContext, w: HTTPResponseWriter, r: HTTPRequest) -> None:
        w.write("plugin_up 1\n")

    @hook(HookName.FileWillBeUploaded)
    def upload(self, context: PluginContext, info: FileInfo, file: object, output: object) -> object:
        data = file.read()  # type: ignore[attr-defined]
        if b"virus" in data:
            return None, "infected"
        if info.name.endswith(".txt"):
            output.write(data.upper())  # type: ignore[attr-defined]
            return FileInfo(name=info.name, size=len(data)), ""
        return None, ""


def head(url: str, method: str = "POST", **headers: str) -> HTTPRequestHead:
    request = HTTPRequestHead(method=method, url=url, content_length=-1)
    for key, value in headers.items():
        request.headers.add(key=key, values=[value])
    return request


def test_the_request_body_streams_in_chunks_and_the_response_streams_back() -> None:
    plugin = Web()
    body = bytes(range(256)) * 1024  # 256 KiB
    exchange = HookCaller(plugin).serve_http(PluginContext(), head("/echo", **{"Content-Type": "application/x"}),
                                            body=body)
    assert exchange.status_code == 200 and exchange.body == body
    assert exchange.headers == {"Content-Type": ["application/x"]}
    assert plugin.seen == [[CHUNK] * 4]
    assert len(exchange.chunks) == 4


def test_mattermost_style_handlers_use_the_whole_body_multi_value_headers_and_a_status() -> None:
    exchange = HookCaller(Web()).serve_http(PluginContext(), head("/compat"), body=b"hello")
    assert exchange.status_code == 418 and exchange.text == "hello|POST"
    assert exchange.headers["Set-Cookie"] == ["a=1", "b=2"]


def test_a_handler_can_answer_before_the_request_body_is_complete() -> None:
    plugin = Web()
    answered = threading.Event()

    def slow_body() -> Iterator[bytes]:
        yield b"first"
        assert answered.wait(5), "the response did not arrive before the rest of the body was sent"
        plugin.release.set()
        yield b"second"

    caller = HookCaller(plugin)
    messages = caller.stream_messages("ServeHTTP", hooks_http_pb2.ServeHTTPRequest(request=head("/early")), slow_body(),
                                      hooks_http_pb2.ServeHTTPResponse)
    first = next(messages)
    assert first.response.status_code == 202
    answered.set()
    rest = list(messages)
    assert b"".join(m.body_chunk for m in [first, *rest]) == b"accepted before the body"
    assert rest[-1].body_complete and plugin.seen == [len(b"firstsecond")]


def test_server_sent_events_reach_the_host_while_the_handler_is_still_writing() -> None:
    plugin = Web()
    messages = HookCaller(plugin).stream_messages(
        "ServeHTTP", hooks_http_pb2.ServeHTTPRequest(request=head("/events", "GET")), b"", hooks_http_pb2.ServeHTTPResponse)
    received = []
    for message in messages:
        received.append(message)
        if message.flush and len([m for m in received if m.flush]) == 1:
            assert b"data: 0" in b"".join(m.body_chunk for m in received)
            assert not plugin.release.is_set()  # the handler is blocked after its first event
            plugin.release.set()
    assert b"".join(m.body_chunk for m in received) == b"data: 0\n\ndata: 1\n\ndata: 2\n\n"
    assert sum(m.flush for m in received) == 3 and received[-1].body_complete
    assert received[0].response.headers[0].values == ["text/event-stream"]


def test_a_client_that_goes_away_makes_writes_raise_and_sets_the_cancelled_flag() -> None:
    plugin = Web()
    context = FakeServicerContext()
    messages = HookCaller(plugin).stream_messages(
        "ServeHTTP", hooks_http_pb2.ServeHTTPRequest(request=head("/forever", "GET")), b"", hooks_http_pb2.ServeHTTPResponse,
        context)
    for _ in range(3):
        next(messages)
    context.cancel()
    list(messages)
    for _ in range(40):
        if plugin.seen:
            break
        threading.Event().wait(0.05)
    assert plugin.seen == [("disconnected", True)]


def test_a_failing_handler_answers_500() -> None:
    exchange = HookCaller(Web()).serve_http(PluginContext(), head("/nowhere"))
    assert exchange.status_code == 500 and "ServeHTTP failed: RuntimeError" in exchange.text


def test_serve_metrics_has_the_same_shape() -> None:
    exchange = HookCaller(Web()).serve_metrics(PluginContext(), head("/metrics", "GET"))
    assert exchange.text == "plugin_up 1\n"


@pytest.mark.parametrize(
    ("name", "content", "replaced", "reason", "body"),
    [
        ("a.txt", b"hello", True, "", b"HELLO"),
        ("a.bin", b"hello", False, "", b""),
        ("a.txt", b"virus!", False, "infected", b""),
    ],
)
def test_file_will_be_uploaded_streams_the_file_and_the_replacement(
    name: str, content: bytes, replaced: bool, reason: str, body: bytes
) -> None:
    exchange = HookCaller(Web()).file_will_be_uploaded(PluginContext(), FileInfo(name=name), body=content)
    assert exchange.error is None
    assert (exchange.head.replaced, exchange.head.rejection_reason, exchange.body) == (replaced, reason, body)
    if replaced:
        assert exchange.head.file_info.size == len(content)
