"""The benchmark's SDK plugin: what the host measures against the bare floors.

- MessageWillBePosted returns the post unchanged; MessageHasBeenPosted does nothing (fan-out).
- ServeHTTP: ``/upload`` counts the body as it streams in, ``/download?bytes=N`` streams N bytes out in
  64 KiB writes.
- ExecuteCommand ``/bench-api {json}`` times API calls made from this process, one round: through the
  SDK client (``self.api``, the runtime's per-plugin endpoint) or, for the floor, through a raw grpcio
  stub to a bare Java server; it answers the per-call times in nanoseconds as JSON.
"""

import base64
import json
import os
import time

import grpc

from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin._proto.mattermost.pluginapi.v1 import api_plugin_pb2, api_post_pb2, api_user_pb2, common_pb2
from mattermost_plugin.models import Post
from mattermost_plugin.server import run_plugin

PROFILE_DIR = os.environ.get("BENCH_PROFILE_DIR")
if PROFILE_DIR:  # benchmarks/README.md, "Profiling": CPU time per function, all threads, until OnDeactivate
    import yappi

    yappi.set_clock_type("cpu")
    yappi.start(profile_threads=True)

CHUNK = bytes(range(256)) * 256  # 64 KiB
API = "/mattermost.pluginapi.v1.PluginAPI/"
CHANNEL_OPTIONS = [("grpc.max_receive_message_length", -1), ("grpc.max_send_message_length", -1)]


class Bench(Plugin):
    _floor_channels: dict = {}

    @hook(HookName.OnDeactivate)
    def on_deactivate(self):
        if PROFILE_DIR:
            yappi.stop()
            name = f"{self.config.plugin_id}-{os.getpid()}.pstat"
            yappi.get_func_stats().save(os.path.join(PROFILE_DIR, name), type="pstat")

    @hook(HookName.MessageWillBePosted)
    def message_will_be_posted(self, context, post):
        return post, ""

    @hook(HookName.MessageHasBeenPosted)
    def message_has_been_posted(self, context, post):
        return None

    @hook(HookName.ServeHTTP)
    def serve_http(self, context, w, r):
        path, _, query = r.url.partition("?")
        if path == "/upload":
            total = 0
            for chunk in r:
                total += len(chunk)
            w.write(str(total))
        elif path == "/download":
            size = int(query.partition("=")[2])
            w.set_header("Content-Length", str(size))
            while size >= len(CHUNK):
                w.write(CHUNK)
                size -= len(CHUNK)
            if size:
                w.write(CHUNK[:size])
        else:
            w.write_header(404)

    @hook(HookName.ExecuteCommand)
    def execute_command(self, context, args):
        spec = json.loads(args.command.split(" ", 1)[1])
        call = self._sdk_call(spec) if spec["target"] == "sdk" else self._floor_call(spec, context.request_id)
        call()  # fails here, before timing, if the path is broken
        for _ in range(spec["warmup"]):
            call()
        clock = time.perf_counter_ns
        samples = []
        for _ in range(spec["calls"]):
            started = clock()
            call()
            samples.append(clock() - started)
        return {"text": json.dumps(samples)}

    def _sdk_call(self, spec):
        api = self.api
        method = spec["method"]
        if method == "get_user":
            user_id = spec["user_id"]
            return lambda: _expect(api.get_user(user_id).id, user_id)
        if method == "create_post":
            post = Post.FromString(base64.b64decode(spec["post"]))
            return lambda: _expect(api.create_post(post).message, post.message)
        if method == "kv_get":
            key, size = spec["key"], spec["value_size"]
            return lambda: _expect(len(api.kv_get(key)), size)
        raise ValueError("unknown method " + method)

    def _floor_call(self, spec, request_id):
        channel = self._floor_channels.get(spec["target"])
        if channel is None:
            channel = grpc.insecure_channel(spec["target"], options=CHANNEL_OPTIONS)
            self._floor_channels[spec["target"]] = channel
        plugin_id = self.config.plugin_id
        method = spec["method"]

        def stub(name, request_type, response_type):
            return channel.unary_unary(API + name, request_serializer=request_type.SerializeToString,
                                       response_deserializer=response_type.FromString)

        if method == "get_user":
            get_user = stub("GetUser", api_user_pb2.GetUserRequest, api_user_pb2.GetUserResponse)
            user_id = spec["user_id"]
            return lambda: _expect(get_user(api_user_pb2.GetUserRequest(
                context=common_pb2.RequestContext(plugin_id=plugin_id, request_id=request_id),
                user_id=user_id)).user.id, user_id)
        if method == "create_post":
            create_post = stub("CreatePost", api_post_pb2.CreatePostRequest, api_post_pb2.CreatePostResponse)
            post = Post.FromString(base64.b64decode(spec["post"]))
            return lambda: _expect(create_post(api_post_pb2.CreatePostRequest(
                context=common_pb2.RequestContext(plugin_id=plugin_id, request_id=request_id),
                post=post)).post.message, post.message)
        if method == "kv_get":
            kv_get = stub("KVGet", api_plugin_pb2.KVGetRequest, api_plugin_pb2.KVGetResponse)
            key, size = spec["key"], spec["value_size"]
            return lambda: _expect(len(kv_get(api_plugin_pb2.KVGetRequest(
                context=common_pb2.RequestContext(plugin_id=plugin_id, request_id=request_id),
                key=key)).value), size)
        raise ValueError("unknown method " + method)


def _expect(actual, expected):
    if actual != expected:
        raise AssertionError(f"expected {expected!r}, got {actual!r}")


if __name__ == "__main__":
    run_plugin(Bench)
