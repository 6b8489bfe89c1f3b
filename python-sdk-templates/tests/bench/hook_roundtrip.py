"""Compares a hook round trip through an SDK plugin process with the same call on a bare grpcio server.

    python hook_roundtrip.py [calls] [rounds]

Both servers run in their own process on a unix socket with a thread pool; the client is a grpcio
stub in this process calling UserWillLogIn (request: a User; response: a rejection reason). The bare
server parses the request and builds the response by hand, as a hand-written servicer would; the SDK
plugin goes through the generated dispatch and a @hook handler. Prints p50/p99 per round and the
ratio of the medians.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

import grpc

from mattermost_plugin._proto.mattermost.pluginapi.v1 import hooks_pb2
from mattermost_plugin.models import PluginContext, User

PLUGIN = textwrap.dedent('''
    from mattermost_plugin import HookName, Plugin, hook
    from mattermost_plugin.server import run_plugin

    class Bench(Plugin):
        @hook(HookName.UserWillLogIn)
        def login(self, context, user):
            return ""

    run_plugin(Bench)
''')

BARE = textwrap.dedent('''
    import sys, time
    from concurrent import futures
    import grpc
    from mattermost_plugin._proto.mattermost.pluginapi.v1 import hooks_pb2

    def login(request, context):
        return hooks_pb2.UserWillLogInResponse(rejection_reason="")

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=64))
    server.add_registered_method_handlers("mattermost.pluginapi.v1.PluginHooks", {
        "UserWillLogIn": grpc.unary_unary_rpc_method_handler(
            login, hooks_pb2.UserWillLogInRequest.FromString, hooks_pb2.UserWillLogInResponse.SerializeToString)})
    server.add_insecure_port("unix:" + sys.argv[1])
    server.start()
    print("ready", flush=True)
    sys.stdin.read()
''')


def start(code: str, directory: str) -> tuple[subprocess.Popen[bytes], str]:
    env = dict(os.environ, MATTERMOST_PLUGIN="Securely message teams, anywhere.", PLUGIN_PROTOCOL_VERSIONS="1",
               PLUGIN_UNIX_SOCKET_DIR=directory, MATTERMOST_PLUGIN_LIFELINE="stdin")
    path = os.path.join(directory, "bare.sock")
    process = subprocess.Popen([sys.executable, "-c", code, path], env=env, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE)
    assert process.stdout is not None
    line = process.stdout.readline().decode().strip()
    return process, "unix:" + (line.split("|")[3] if line.startswith("1|") else path)


def measure(target: str, calls: int) -> list[float]:
    channel = grpc.insecure_channel(target)
    stub = channel.unary_unary("/mattermost.pluginapi.v1.PluginHooks/UserWillLogIn",
                               request_serializer=hooks_pb2.UserWillLogInRequest.SerializeToString,
                               response_deserializer=hooks_pb2.UserWillLogInResponse.FromString)
    request = hooks_pb2.UserWillLogInRequest(plugin_context=PluginContext(request_id="r"),
                                             user=User(id="u1", username="alice", email="a@example.com"))
    for _ in range(2000):
        stub(request)
    out = []
    for _ in range(calls):
        started = time.perf_counter_ns()
        stub(request)
        out.append((time.perf_counter_ns() - started) / 1000)
    channel.close()
    return out


def main() -> None:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    directory = tempfile.mkdtemp(prefix="pyp-bench-", dir="/tmp")
    plugin, plugin_target = start(PLUGIN, directory)
    bare, bare_target = start(BARE, directory)
    medians: dict[str, list[float]] = {"bare": [], "sdk": []}
    try:
        for _ in range(rounds):
            for name, target in (("bare", bare_target), ("sdk", plugin_target)):
                samples = sorted(measure(target, calls))
                p50, p99 = samples[len(samples) // 2], samples[int(len(samples) * 0.99)]
                medians[name].append(p50)
                print(f"{name:4}: p50 {p50:6.0f} us  p99 {p99:6.0f} us")
    finally:
        for process in (plugin, bare):
            assert process.stdin is not None
            process.stdin.close()
            process.wait(10)
    ratio = statistics.median(medians["sdk"]) / statistics.median(medians["bare"])
    print(f"median of p50s: bare {statistics.median(medians['bare']):.0f} us, sdk {statistics.median(medians['sdk']):.0f} us, "
          f"ratio {ratio:.2f}")


if __name__ == "__main__":
    main()
