"""Tests of the streaming plugin without a host (HookCaller streams the bodies as the host would).
Run: venv/bin/python -m unittest -v
"""

import hashlib
import json
import unittest

from mattermost_plugin.models import HTTPRequestHead, PluginContext
from mattermost_plugin.testing import FakeAPI, HookCaller

from plugin import StreamingPlugin


class StreamingPluginTest(unittest.TestCase):
    def setUp(self):
        self.hooks = HookCaller(StreamingPlugin(api=FakeAPI()))

    def test_events_are_flushed_one_by_one(self):
        exchange = self.hooks.serve_http(PluginContext(), HTTPRequestHead(method="GET", url="/events?count=3&interval=0"))
        self.assertEqual(exchange.headers["Content-Type"], ["text/event-stream"])
        self.assertEqual(exchange.flushes, 3)
        self.assertEqual(exchange.text.count("event: tick"), 3)
        self.assertTrue(exchange.text.endswith("event: done\ndata: {}\n\n"))

    def test_an_upload_is_hashed_chunk_by_chunk(self):
        body = bytes(range(256)) * 1000  # 256 000 bytes: four 64 KiB chunks
        exchange = self.hooks.serve_http(PluginContext(), HTTPRequestHead(method="POST", url="/upload"), body)
        answer = json.loads(exchange.text)
        self.assertEqual(answer["bytes"], len(body))
        self.assertEqual(answer["sha256"], hashlib.sha256(body).hexdigest())
        self.assertGreater(answer["chunks"], 1)

    def test_other_paths_are_not_found(self):
        exchange = self.hooks.serve_http(PluginContext(), HTTPRequestHead(method="GET", url="/nothing"))
        self.assertEqual(exchange.status_code, 404)


if __name__ == "__main__":
    unittest.main()
