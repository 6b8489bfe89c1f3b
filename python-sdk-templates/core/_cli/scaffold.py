"""``new``: a plugin directory to start from: ``plugin.json``, ``plugin.py``, a test that runs it through
``mattermost_plugin.testing``, ``requirements.txt`` and a ``.gitignore``."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .errors import CliError
from .manifest import check_plugin_id

__all__ = ["new_plugin"]

_PLUGIN = '''"""{name}: a Mattermost plugin in Python."""

from mattermost_plugin import HookName, Plugin, hook


class {cls}(Plugin):
    @hook(HookName.OnActivate)
    def on_activate(self) -> None:
        self.logger.info("{name} activated on server %s", self.api.get_server_version())

    @hook(HookName.MessageWillBePosted)
    def message_will_be_posted(self, context, post):
        if "forbidden" in post.message.lower():
            return None, "this message is not allowed here"
        return post, ""

    @hook(HookName.ServeHTTP)
    def serve_http(self, context, w, r):
        w.set_header("Content-Type", "text/plain; charset=utf-8")
        w.write("Hello from {name}!\\n")


if __name__ == "__main__":
    from mattermost_plugin.server import run_plugin

    run_plugin({cls})
'''

_TEST = '''"""{name}'s tests: its hooks called the way a host calls them, against a fake Plugin API.

    python -m mattermost_plugin test
"""

from mattermost_plugin.models import HTTPRequestHead, PluginContext, Post
from mattermost_plugin.testing import FakeAPI, HookCaller

from plugin import {cls}


def make() -> tuple[FakeAPI, HookCaller]:
    api = FakeAPI()
    api.stub(api.get_server_version).returns("10.5.0")
    return api, HookCaller({cls}(api=api))


def test_activation_asks_for_the_server_version() -> None:
    api, hooks = make()
    hooks.on_activate()
    api.assert_called(api.get_server_version)


def test_a_forbidden_message_is_rejected_and_others_pass() -> None:
    _, hooks = make()
    rejected = hooks.message_will_be_posted(PluginContext(), Post(message="something forbidden"))
    assert rejected.rejection_reason == "this message is not allowed here"
    allowed = hooks.message_will_be_posted(PluginContext(), Post(message="hello"))
    assert allowed.rejection_reason == "" and allowed.post.message == "hello"


def test_the_http_route_answers() -> None:
    _, hooks = make()
    exchange = hooks.serve_http(PluginContext(), HTTPRequestHead(method="GET", url="/"))
    assert exchange.status_code == 200 and exchange.text == "Hello from {name}!\\n"
'''

_REQUIREMENTS = """# The plugin's own dependencies, one per line (pip's requirements format). The host installs them,
# with the SDK, into the plugin's venv; the SDK itself is not listed here.
"""

_GITIGNORE = "venv/\n.venv/\n__pycache__/\n.pytest_cache/\ndist/\n"


def new_plugin(directory: Path, plugin_id: str | None = None, name: str | None = None) -> list[Path]:
    """Creates the plugin in ``directory`` (which must be new or empty); returns the files written."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise CliError(f"{directory} already exists and is not an empty directory; name a new one")
    words = [w for w in re.split(r"[^A-Za-z0-9]+", directory.resolve().name) if w]
    if not words:
        raise CliError(f"cannot make a plugin name from {directory.name!r}; name the directory with letters")
    plugin_id = plugin_id or "com.example." + "-".join(w.lower() for w in words)
    check_plugin_id(plugin_id)
    name = name or " ".join(w.capitalize() for w in words)
    cls = "".join(w[:1].upper() + w[1:] for w in words) + "Plugin"
    if cls[0].isdigit():
        cls = "P" + cls
    manifest = {
        "id": plugin_id,
        "name": name,
        "description": f"{name}, a Mattermost plugin in Python.",
        "version": "0.1.0",
        "min_server_version": "10.0.0",
        "server": {"runtime": "python", "python": {"entry_point": "plugin.py", "version": ">=3.10"}},
    }
    files = {
        "plugin.json": json.dumps(manifest, indent=2) + "\n",
        "plugin.py": _PLUGIN.format(name=name, cls=cls),
        "test_plugin.py": _TEST.format(name=name, cls=cls),
        "requirements.txt": _REQUIREMENTS,
        ".gitignore": _GITIGNORE,
    }
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, text in files.items():
        path = directory / file_name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
