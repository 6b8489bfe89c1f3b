"""Streaming: HTTP both ways, nothing buffered whole.

- GET /plugins/com.example.streaming/events?count=5&interval=0.5 sends server-sent events, one every
  interval seconds; each reaches the client as it is written (flush), and the plugin stops when the
  client goes away.
- POST /plugins/com.example.streaming/upload hashes the body (SHA-256) chunk by chunk as it arrives and
  answers its size, its hash and the seconds from its first to its last chunk: a 1 GB upload costs the
  plugin 64 KiB of memory.
"""

from __future__ import annotations

import hashlib
import json
import time
from urllib.parse import parse_qs, urlsplit

from mattermost_plugin import ClientDisconnectedError, HookName, Plugin, hook


class StreamingPlugin(Plugin):
    @hook(HookName.ServeHTTP)
    def serve_http(self, context, w, r):
        url = urlsplit(r.url)
        query = parse_qs(url.query)
        if url.path == "/events" and r.method == "GET":
            count = int(query.get("count", ["5"])[0])
            interval = float(query.get("interval", ["0.5"])[0])
            self.events(w, r, count, interval)
        elif url.path == "/upload" and r.method in ("POST", "PUT"):
            self.upload(w, r)
        else:
            w.write_header(404)
            w.write("try GET /events or POST /upload\n")

    def events(self, w, r, count: int, interval: float) -> None:
        w.set_header("Content-Type", "text/event-stream")
        w.set_header("Cache-Control", "no-cache")
        try:
            for n in range(1, count + 1):
                w.write(f"id: {n}\nevent: tick\ndata: {json.dumps({'n': n, 'time': time.time()})}\n\n")
                w.flush()
                if n < count:
                    if r.cancel_event.wait(interval):
                        break
            else:
                w.write("event: done\ndata: {}\n\n")
        except ClientDisconnectedError:
            pass
        if r.cancelled:
            self.logger.info("event stream: the client left early")

    def upload(self, w, r) -> None:
        sha = hashlib.sha256()
        size = chunks = 0
        first = last = time.monotonic()
        for chunk in r:  # each chunk as it arrives from the host
            if not chunks:
                first = time.monotonic()
            last = time.monotonic()
            sha.update(chunk)
            size += len(chunk)
            chunks += 1
        w.set_header("Content-Type", "application/json")
        w.write(json.dumps({"bytes": size, "chunks": chunks, "sha256": sha.hexdigest(),
                            "seconds": round(last - first, 3)}) + "\n")


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    run_plugin(StreamingPlugin)
