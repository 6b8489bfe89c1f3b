"""Builds the SDK's API reference for plugin authors: HTML made by pdoc from the docstrings of the
installed wheel (pinned in requirements.txt, in the venv run.py makes).

    python reference.py --wheel path/to/sdk.whl --venv target/python-venv --output target/api-reference

Covers the package's public modules (clients, hooks and their return conventions, HTTP objects, errors,
the test harness, the plugin server); protoc's modules and the model re-exports are left out (the model
types are documented in the .proto files). Exits non-zero when pdoc fails or a page is missing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from run import prepare

PACKAGE = "mattermost_plugin"
PAGES = {
    "client": ["PluginAPIClient", "get_server_version", "kv_get"],
    "async_client": ["AsyncPluginAPIClient"],
    "hooks": ["HookName", "Plugin error: ", "MessageWillBePosted", "(post, rejection_reason)"],
    "http": ["HTTPRequest", "HTTPResponseWriter", "get_all_headers", "ClientDisconnectedError"],
    "errors": ["PluginAPIError", "NotFoundError", "error_id"],
    "exceptions": ["convert_grpc_error"],
    "plugin": ["Plugin"],
    "server": ["run_plugin"],
    "testing": ["FakeAPI", "HookCaller", "MemoryKVStore"],
}
"""The modules the reference must have a page for, and words each page must hold."""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wheel", required=True, type=Path)
    parser.add_argument("--venv", required=True, type=Path)
    parser.add_argument("--output", required=True, type=Path)
    args = parser.parse_args()

    python = prepare(args.venv, args.wheel)
    shutil.rmtree(args.output, ignore_errors=True)
    modules = [PACKAGE] + [f"{PACKAGE}.{page}" for page in PAGES]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run([str(python), "-m", "pdoc", "--no-search", "--docformat", "markdown",
                             "--footer-text", "mattermost_plugin: the Python SDK of pyplugins",
                             "-o", str(args.output), *modules], env=env)
    if result.returncode != 0:
        return result.returncode
    problems = [] if (args.output / "index.html").is_file() else ["no index.html"]
    for page, words in PAGES.items():
        html = args.output / PACKAGE / f"{page}.html"
        if not html.is_file():
            problems.append(f"no page for {PACKAGE}.{page}")
            continue
        text = html.read_text(encoding="utf-8")
        problems += [f"{html.name} does not mention {w!r}" for w in words if w not in text]
    if problems:
        print(f"the API reference in {args.output} is incomplete: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"API reference: {args.output / 'index.html'} ({len(modules)} modules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
