"""Reading a plugin's ``plugin.json`` for the command line, with Mattermost's rules for the fields the
commands use (the runtime checks the rest when it loads the plugin)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import CliError

__all__ = ["Manifest", "PLUGIN_ID", "check_plugin_id", "read_manifest"]

PLUGIN_ID = re.compile(r"^[a-zA-Z0-9-_.]+$")
"""Mattermost's rule for plugin ids (with a length of 3 to 190)."""


@dataclass(frozen=True)
class Manifest:
    """The fields of ``plugin.json`` the commands use."""

    path: Path
    id: str
    version: str
    entry_point: str


def check_plugin_id(plugin_id: str) -> None:
    """Raises CliError unless ``plugin_id`` is a valid Mattermost plugin id."""
    if not 3 <= len(plugin_id) <= 190:
        raise CliError(f"plugin id {plugin_id!r} must be 3 to 190 characters long, was {len(plugin_id)}")
    if not PLUGIN_ID.match(plugin_id):
        raise CliError(f"plugin id {plugin_id!r} may hold only letters, digits, '-', '_' and '.' "
                       "(such as com.example.hello)")


def read_manifest(directory: Path) -> Manifest:
    """The plugin's manifest; CliError naming the file and field for anything the commands need."""
    path = directory / "plugin.json"
    if not directory.is_dir():
        raise CliError(f"{directory} is not a directory")
    if not path.is_file():
        raise CliError(f"{directory} has no plugin.json, so it is not a plugin directory "
                       "(python -m mattermost_plugin new <dir> makes one)")
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise CliError(f"{path} line {e.lineno} column {e.colno}: {e.msg}") from None
    except UnicodeDecodeError as e:
        raise CliError(f"{path} is not UTF-8 text: {e}") from None
    if not isinstance(data, dict):
        raise CliError(f"{path} must hold a JSON object, not {type(data).__name__}")
    plugin_id = _text(data, "id", path, required=True)
    check_plugin_id(plugin_id)
    version = _text(data, "version", path, required=False) or "0.0.0"
    server = data.get("server")
    if not isinstance(server, dict):
        raise CliError(f"{path}: server is missing; a Python plugin needs "
                       '"server": {"runtime": "python", "python": {"entry_point": "plugin.py"}}')
    python = server.get("python")
    entry = python.get("entry_point") if isinstance(python, dict) else server.get("executable")
    if not isinstance(entry, str) or not entry.endswith(".py"):
        raise CliError(f"{path}: server.python.entry_point must name the plugin's .py file, such as \"plugin.py\"")
    if ".." in Path(entry).parts or Path(entry).is_absolute():
        raise CliError(f"{path}: server.python.entry_point {entry!r} must be a path inside the plugin directory")
    if not (directory / entry).is_file():
        raise CliError(f"{path}: server.python.entry_point {entry!r} does not exist in {directory}")
    return Manifest(path, plugin_id, version, entry)


def _text(data: dict[str, Any], field: str, path: Path, *, required: bool) -> str:
    value = data.get(field)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value:
        raise CliError(f"{path}: {field} must be a non-empty string" + ("" if value is None else f", was {value!r}"))
    return value
