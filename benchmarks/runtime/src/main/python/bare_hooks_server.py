"""The floor of the hook and ServeHTTP figures: a bare grpcio server, no SDK code on the call path.

    python bare_hooks_server.py <socket path> [<TLS socket path> <cert.pem> <key.pem> <client cert.pem>]

Plain grpcio (a thread pool of 64, as the SDK's server has) on a unix socket, with protoc's message
classes (the SDK wheel ships them; only the generated messages are used, none of the SDK's dispatch):
- MessageWillBePosted echoes the request's post in the response, as a hand-written servicer would;
- ServeHTTP streams 64 KiB chunks: ``/upload`` counts the request body until ``body_complete`` and
  answers the count, ``/download?bytes=N`` sends N bytes.
With the second form it also listens with mutual TLS (the ServeHTTP floor when the runtime uses AutoMTLS).
Prints ``ready`` once serving; exits when stdin closes.
"""

import os
import sys
from concurrent import futures

import grpc

from mattermost_plugin._proto.mattermost.pluginapi.v1 import hooks_http_pb2, hooks_post_pb2

PROFILE_DIR = os.environ.get("BENCH_PROFILE_DIR")
if PROFILE_DIR:  # as in bench_plugin.py
    import yappi

    yappi.set_clock_type("cpu")
    yappi.start(profile_threads=True)

CHUNK = bytes(range(256)) * 256  # 64 KiB
SERVICE = "mattermost.pluginapi.v1.PluginHooks"


def message_will_be_posted(request, context):
    return hooks_post_pb2.MessageWillBePostedResponse(post=request.post)


def serve_http(requests, context):
    first = next(requests)
    path, _, query = first.request.url.partition("?")
    if path == "/upload":
        total = len(first.body_chunk)
        complete = first.body_complete
        while not complete:
            message = next(requests)
            total += len(message.body_chunk)
            complete = message.body_complete
        yield hooks_http_pb2.ServeHTTPResponse(body_chunk=str(total).encode(), body_complete=True)
    elif path == "/download":
        size = int(query.partition("=")[2])
        while size >= len(CHUNK):
            yield hooks_http_pb2.ServeHTTPResponse(body_chunk=CHUNK)
            size -= len(CHUNK)
        yield hooks_http_pb2.ServeHTTPResponse(body_chunk=CHUNK[:size], body_complete=True)
    else:
        context.abort(grpc.StatusCode.NOT_FOUND, path)


server = grpc.server(
    futures.ThreadPoolExecutor(max_workers=64),
    options=[("grpc.max_receive_message_length", -1), ("grpc.max_send_message_length", -1),
             ("grpc.so_reuseport", 0)],
)
server.add_registered_method_handlers(SERVICE, {
    "MessageWillBePosted": grpc.unary_unary_rpc_method_handler(
        message_will_be_posted, hooks_post_pb2.MessageWillBePostedRequest.FromString,
        hooks_post_pb2.MessageWillBePostedResponse.SerializeToString),
    "ServeHTTP": grpc.stream_stream_rpc_method_handler(
        serve_http, hooks_http_pb2.ServeHTTPRequest.FromString, hooks_http_pb2.ServeHTTPResponse.SerializeToString),
})
server.add_insecure_port("unix:" + sys.argv[1])
if len(sys.argv) > 2:
    # argv[2:6]: a second socket with mutual TLS, its certificate and key, the client certificate it trusts
    def read(path: str) -> bytes:
        with open(path, "rb") as f:
            return f.read()

    server.add_secure_port("unix:" + sys.argv[2], grpc.ssl_server_credentials(
        [(read(sys.argv[4]), read(sys.argv[3]))], root_certificates=read(sys.argv[5]), require_client_auth=True))
server.start()
sys.stdout.write("ready\n")
sys.stdout.flush()
sys.stdin.read()
server.stop(0)
if PROFILE_DIR:
    yappi.stop()
    yappi.get_func_stats().save(os.path.join(PROFILE_DIR, f"bare-hooks-server-{os.getpid()}.pstat"), type="pstat")
