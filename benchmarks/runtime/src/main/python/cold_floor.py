"""The cold-start floor: import grpc, serve one echo method on a unix socket, say where, answer.

    python cold_floor.py <socket path>

Prints ``ready`` once serving; the host then dials and makes one call. Exits when stdin closes.
"""

import sys
from concurrent import futures

import grpc


def echo(request, context):
    return request


server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
server.add_registered_method_handlers("bench.Floor", {"Echo": grpc.unary_unary_rpc_method_handler(echo)})
server.add_insecure_port("unix:" + sys.argv[1])
server.start()
sys.stdout.write("ready\n")
sys.stdout.flush()
sys.stdin.read()
server.stop(0)
