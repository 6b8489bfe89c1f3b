"""Plugin processes started the way a go-plugin host starts them: signals, the host's lifeline, the cold
start, the bootstrap line on stdin and what a same-user process cannot read of a plugin."""

from __future__ import annotations

import ctypes
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time

import grpc
import pytest
from grpc_health.v1 import health_pb2

from conftest import FIXTURES, plugin_env, spawn
from mattermost_plugin._proto.mattermost.pluginapi.v1 import api_server_pb2
from process_calls import call_hook, health, hook_message, shutdown


def test_sigterm_stops_gracefully_and_sigint_is_ignored(start_plugin) -> None:  # type: ignore[no-untyped-def]
    plugin = start_plugin()
    health(plugin.channel)
    plugin.process.send_signal(signal.SIGINT)
    time.sleep(0.5)
    assert plugin.process.poll() is None
    assert health(plugin.channel).status == health_pb2.HealthCheckResponse.SERVING
    plugin.process.send_signal(signal.SIGTERM)
    assert plugin.process.wait(10) == 0
    assert not os.path.exists(plugin.address)


def test_the_plugin_exits_when_the_hosts_lifeline_closes(start_plugin) -> None:  # type: ignore[no-untyped-def]
    plugin = start_plugin(MATTERMOST_PLUGIN_LIFELINE="stdin")
    health(plugin.channel)
    assert plugin.process.stdin is not None
    plugin.process.stdin.close()
    assert plugin.process.wait(10) == 0


def test_without_the_lifeline_setting_stdin_is_left_alone(start_plugin) -> None:  # type: ignore[no-untyped-def]
    plugin = start_plugin()
    assert plugin.process.stdin is not None
    plugin.process.stdin.close()
    time.sleep(1.0)
    assert plugin.process.poll() is None
    assert shutdown(plugin) == 0


def test_cold_start_to_the_handshake_line(socket_dir) -> None:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(5):
        started = time.perf_counter()
        process = spawn("hello_plugin.py", plugin_env(PLUGIN_UNIX_SOCKET_DIR=socket_dir, MATTERMOST_PLUGIN_LIFELINE="stdin"))
        assert process.stdout is not None and process.stdout.readline().startswith(b"1|1|unix|")
        times.append((time.perf_counter() - started) * 1000)
        assert process.stdin is not None
        process.stdin.close()
        process.wait(10)
    print(f"\ncold start to handshake line, hello plugin: median {statistics.median(times):.0f} ms "
          f"(min {min(times):.0f}, max {max(times):.0f}) over {len(times)} runs")
    assert statistics.median(times) < 3000  # Mattermost's StartTimeout


def test_the_api_token_comes_from_the_bootstrap_line_on_stdin(start_plugin, api_server) -> None:  # type: ignore[no-untyped-def]
    api = api_server({"GetServerVersion": lambda req, ctx: api_server_pb2.GetServerVersionResponse(version="10.5.0")})
    plugin = start_plugin("hello_plugin.py", bootstrap='{"api_token": "from-the-pipe"}\n',
                          MATTERMOST_PLUGIN_BOOTSTRAP="stdin", MATTERMOST_PLUGIN_LIFELINE="stdin",
                          MATTERMOST_PLUGIN_API_TARGET=api.target, MATTERMOST_PLUGIN_ID="com.example.hello")
    assert not call_hook(plugin, "OnActivate", hook_message("OnActivateRequest")()).HasField("error")
    (name, _, metadata), = api.calls
    assert name == "GetServerVersion" and metadata["authorization"] == "Bearer from-the-pipe"
    # The lifeline still works after the bootstrap line: EOF on the same pipe ends the plugin.
    assert plugin.process.stdin is not None
    plugin.process.stdin.close()
    assert plugin.process.wait(10) == 0


def test_a_certificate_on_the_bootstrap_line_is_served_as_given(start_plugin) -> None:  # type: ignore[no-untyped-def]
    # This project's host makes an SDK plugin's AutoMTLS key pair and hands it over on the bootstrap line,
    # so the plugin does not import cryptography before its handshake (about 70 ms of a cold start).
    from mattermost_plugin._internal.mtls import generate_server_certificate

    host = generate_server_certificate()
    given = generate_server_certificate()
    line = json.dumps({"api_token": "t", "tls_cert_pem": given.cert_pem.decode(), "tls_key_pem": given.key_pem.decode()})
    plugin = start_plugin(bootstrap=line + "\n", MATTERMOST_PLUGIN_BOOTSTRAP="stdin",
                          PLUGIN_CLIENT_CERT=host.cert_pem.decode())
    assert plugin.line.rstrip("\n").split("|")[5] == given.handshake_field
    trusted = grpc.secure_channel(f"unix:{plugin.address}", grpc.ssl_channel_credentials(
        given.cert_pem, host.key_pem, host.cert_pem), (("grpc.ssl_target_name_override", "localhost"),))
    assert health(trusted).status == health_pb2.HealthCheckResponse.SERVING
    plugin.channel = trusted
    assert shutdown(plugin) == 0


def test_the_given_certificate_needs_no_cryptography_import() -> None:
    from mattermost_plugin._internal.mtls import generate_server_certificate

    given = generate_server_certificate()
    code = ("import sys; from mattermost_plugin._internal.mtls import given_server_certificate as g; "
            f"c = g({given.cert_pem.decode()!r}, {given.key_pem.decode()!r}); "
            "print(c.handshake_field, any(m.startswith('cryptography') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == [given.handshake_field, "False"]


@pytest.mark.parametrize(("line", "error"), [
    ("not json\n", "the bootstrap line on stdin is not JSON"),
    ('["a"]\n', "must be a JSON object of strings"),
    ("", "stdin ended before the bootstrap line"),
])
def test_a_bad_bootstrap_line_is_refused_with_its_reason(socket_dir, line: str, error: str) -> None:  # type: ignore[no-untyped-def]
    process = spawn("hello_plugin.py", plugin_env(PLUGIN_UNIX_SOCKET_DIR=socket_dir, MATTERMOST_PLUGIN_BOOTSTRAP="stdin"))
    out, err = process.communicate(line.encode(), timeout=30)
    assert process.returncode == 1 and out == b""
    assert error in err.decode()


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def _drop_capabilities_on_exec() -> None:
    """preexec_fn: empties the bounding set, so a root child execs without capabilities, as an ordinary
    user's process (root's CAP_SYS_PTRACE would open any /proc file, and a cap-less reader is refused any
    process holding capabilities it lacks)."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for cap in range(64):
            libc.prctl(24, cap, 0, 0, 0)  # PR_CAPBSET_DROP; fails harmlessly past the last capability


def _read_without_capabilities(path: str) -> str:
    """Linux only. Reads ``path`` from a thread that dropped every capability, as a same-user process
    would; "refused" when the kernel says no."""
    result: list[str] = []

    def run() -> None:
        if os.geteuid() == 0:
            libc = ctypes.CDLL(None, use_errno=True)
            assert libc.capset(ctypes.byref(_CapHeader(0x20080522, 0)), (_CapData * 2)()) == 0, ctypes.get_errno()
        try:
            with open(path, "rb") as f:
                result.append(f"read {len(f.read())} bytes")
        except PermissionError:
            result.append("refused")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result[0]


def test_a_same_user_process_cannot_read_the_plugins_environment(socket_dir) -> None:  # type: ignore[no-untyped-def]
    from mattermost_plugin._internal import hardening

    env = plugin_env(PLUGIN_UNIX_SOCKET_DIR=socket_dir, MATTERMOST_PLUGIN_LIFELINE="stdin")
    control = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"], env=env,
                               preexec_fn=_drop_capabilities_on_exec)
    plugin = subprocess.Popen([sys.executable, str(FIXTURES / "hello_plugin.py")], env=env, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, preexec_fn=_drop_capabilities_on_exec)
    try:
        assert plugin.stdout is not None and plugin.stdout.readline().startswith(b"1|1|unix|")
        assert _read_without_capabilities(f"/proc/{control.pid}/environ").startswith("read ")
        assert _read_without_capabilities(f"/proc/{plugin.pid}/environ") == "refused"
        assert _read_without_capabilities(f"/proc/{plugin.pid}/mem") == "refused"
        assert hardening.is_dumpable() is True  # only run_plugin clears it; this test process was left alone
    finally:
        for process in (control, plugin):
            process.kill()
            process.wait(10)
