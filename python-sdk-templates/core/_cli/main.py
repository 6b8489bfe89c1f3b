"""``python -m mattermost_plugin <command>``: ``new``, ``test`` and ``bundle``.

    python -m mattermost_plugin new my-plugin --id com.example.my-plugin
    python -m mattermost_plugin test my-plugin
    python -m mattermost_plugin bundle my-plugin        # my-plugin/dist/com.example.my-plugin-0.1.0.tar.gz
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import CliError

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command; returns the exit status (2 for a usage or input error, with its reason)."""
    words = list(sys.argv[1:] if argv is None else argv)
    passed: list[str] = []
    if "--" in words:  # everything after -- goes to pytest untouched
        at = words.index("--")
        words, passed = words[:at], words[at + 1:]
    args = _parser().parse_args(words)
    args.pytest_args = passed
    try:
        status: int = args.run(args)
        return status
    except CliError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mattermost_plugin",
                                     description="Make, test and bundle Mattermost plugins written in Python.")
    commands = parser.add_subparsers(title="commands", required=True, metavar="command")

    new = commands.add_parser("new", help="create a plugin from the template",
                              description="Create a plugin directory: plugin.json, plugin.py, test_plugin.py, "
                                          "requirements.txt.")
    new.add_argument("directory", type=Path, help="the directory to create (must not exist, or be empty)")
    new.add_argument("--id", dest="plugin_id", help="the plugin id (default: com.example.<directory name>)")
    new.add_argument("--name", help="the display name (default: from the directory name)")
    new.set_defaults(run=_new)

    test = commands.add_parser("test", help="run the plugin's tests with pytest",
                               description="Run pytest in the plugin directory, with this interpreter; "
                                           "arguments after -- go to pytest.")
    test.add_argument("directory", type=Path, nargs="?", default=Path("."), help="the plugin (default: .)")
    test.set_defaults(run=_test)

    bundle = commands.add_parser("bundle", help="package the plugin as the .tar.gz a host installs",
                                 description="Write <id>-<version>.tar.gz: a top-level <id>/ directory with "
                                             "plugin.json and the plugin's files, without venvs or caches.")
    bundle.add_argument("directory", type=Path, nargs="?", default=Path("."), help="the plugin (default: .)")
    bundle.add_argument("-o", "--output", type=Path, help="the bundle to write (default: <dir>/dist/<id>-<version>.tar.gz)")
    bundle.set_defaults(run=_bundle)
    return parser


def _new(args: argparse.Namespace) -> int:
    from .scaffold import new_plugin

    files = new_plugin(args.directory, args.plugin_id, args.name)
    print(f"created {args.directory}: " + ", ".join(f.name for f in files))
    print(f"next: python -m mattermost_plugin test {args.directory}")
    return 0


def _test(args: argparse.Namespace) -> int:
    directory: Path = args.directory
    if not directory.is_dir():
        raise CliError(f"{directory} is not a directory")
    if importlib.util.find_spec("pytest") is None:
        raise CliError(f"pytest is not installed for {sys.executable}; install it with: "
                       f"{sys.executable} -m pip install pytest")
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args.pytest_args],
                            cwd=directory)
    if result.returncode == 5:
        raise CliError(f"no tests found in {directory}: pytest collects test_*.py files holding test_* functions")
    return result.returncode


def _bundle(args: argparse.Namespace) -> int:
    from .bundle import bundle

    target, files = bundle(args.directory, args.output)
    print(f"wrote {target} ({len(files)} files: {', '.join(files)})")
    return 0
