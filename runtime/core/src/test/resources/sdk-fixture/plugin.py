"""A Python SDK plugin for the runtime's tests. What it does is set by fixture.json next to it (written by
the test), so one file serves every scenario; markers it leaves in its directory tell the test what it
observed (activation, deactivation, a cancelled HTTP handler)."""

import json
import os
import sys
import threading
import time

from mattermost_plugin import HookName, Plugin, hook
from mattermost_plugin.models import Post

HERE = os.path.dirname(os.path.abspath(__file__))
CONF_PATH = os.path.join(HERE, "fixture.json")
CONF = json.load(open(CONF_PATH)) if os.path.exists(CONF_PATH) else {}
PATTERN = bytes(range(256)) * 256  # 64 KiB


def drop_capabilities() -> None:
    """Run as root, becomes a process without capabilities, as an ordinary user's would be (root's
    CAP_SYS_PTRACE opens any /proc file). At import no other thread exists yet, so all threads have none."""
    import ctypes

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.capset(ctypes.byref(Header(0x20080522, 0)), (Data * 2)()) != 0:  # _LINUX_CAPABILITY_VERSION_3
            raise OSError(ctypes.get_errno(), "capset")


if CONF.get("drop_capabilities"):
    drop_capabilities()


def mark(name: str, text: str = "") -> None:
    with open(os.path.join(HERE, name), "a") as f:
        f.write(text + "\n")


class Fixture(Plugin):
    @hook(HookName.OnActivate)
    def on_activate(self) -> None:
        if CONF.get("activate_error"):
            raise RuntimeError(CONF["activate_error"])
        if CONF.get("exit_after_activate"):
            # crash loop: exits right after activating, every time
            threading.Timer(0.2, lambda: os._exit(3)).start()
        self.logger.info("fixture activated as pid %d", os.getpid())
        mark("activated", str(os.getpid()))
        if CONF.get("noise_mib"):
            threading.Thread(target=self._noise, daemon=True).start()

    def _noise(self) -> None:
        line = "x" * 1023 + "\n"
        total = CONF["noise_mib"] * 1024
        for i in range(total):
            sys.stderr.write(line)
            sys.__stdout__.write(line) if CONF.get("noise_stdout") else None
        sys.stderr.flush()
        mark("noise-done", str(total))

    @hook(HookName.OnDeactivate)
    def on_deactivate(self) -> None:
        mark("deactivated", str(os.getpid()))

    @hook(HookName.MessageWillBePosted)
    def message_will_be_posted(self, context, post):
        delay = CONF.get("hook_delay", 0)
        if delay:
            time.sleep(delay)
        if CONF.get("grow_post_bytes"):
            post.message = "x" * CONF["grow_post_bytes"]
            return post, ""
        post.message = post.message + " [" + self.config.plugin_id + "]"
        return post, ""

    @hook(HookName.ExecuteCommand)
    def execute_command(self, context, args):
        if CONF.get("big_post_bytes"):
            # A CreatePost over the host's message limit, then an ordinary call: says what each got.
            try:
                self.api.create_post(Post(message="x" * CONF["big_post_bytes"]))
                first = "accepted"
            except Exception as e:
                first = "refused: %s: %s" % (type(e).__name__, e)
            return {"text": first + " | then: " + self.api.get_server_version()}
        if CONF.get("grow_post_bytes"):
            return {"text": "y" * CONF["grow_post_bytes"]}
        return {"text": self.api.get_server_version()}

    @hook(HookName.ServeHTTP)
    def serve_http(self, context, w, r):
        path = r.url.split("?")[0]
        query = dict(p.split("=", 1) for p in r.url.split("?", 1)[1].split("&")) if "?" in r.url else {}
        if path == "/echo":
            w.set_header("Content-Type", r.get_header("Content-Type", "application/octet-stream"))
            w.set_header("X-Plugin-Url", r.url)
            for chunk in r:
                w.write(chunk)
        elif path == "/upload":
            total = 0
            for chunk in r:
                total += len(chunk)
            w.write(str(total))
        elif path == "/pieces":
            sizes = [len(chunk) for chunk in r]
            w.write(json.dumps({"pieces": len(sizes), "bytes": sum(sizes)}))
        elif path == "/download":
            size = int(query.get("bytes", "0"))
            w.set_header("Content-Length", str(size))
            while size > 0:
                n = min(size, len(PATTERN))
                w.write(PATTERN[:n] if n < len(PATTERN) else PATTERN)
                size -= n
        elif path == "/stream":
            w.set_header("Content-Type", "text/event-stream")
            i = 0
            try:
                while not r.cancelled:
                    w.write(f"data: {i}\n\n")
                    w.flush()
                    i += 1
                    time.sleep(0.05)
                mark("http-cancelled", "observed r.cancelled after %d events" % i)
            except ConnectionError as e:
                mark("http-cancelled", "write raised %s after %d events" % (type(e).__name__, i))
        elif path == "/slow":
            time.sleep(int(query.get("ms", "1000")) / 1000)
            w.write("slow")
        elif path == "/status":
            w.write_header(int(query.get("code", "0")))
            w.write("status")
        else:
            w.write_header(404)
            w.write("no route " + path)


class Bare(Plugin):
    """Implements no hook but OnActivate (fixture.json: {"bare": true})."""

    @hook(HookName.OnActivate)
    def on_activate(self) -> None:
        mark("activated", str(os.getpid()))


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    # max_workers: fewer hook workers than the SDK's 64, so a test can keep them all busy
    environ = dict(os.environ, MATTERMOST_PLUGIN_MAX_WORKERS=str(CONF["max_workers"])) if CONF.get("max_workers") else None
    run_plugin(Bare if CONF.get("bare") else Fixture, environ)
