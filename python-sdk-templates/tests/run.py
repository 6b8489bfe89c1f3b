"""Runs the SDK's Python tests against a built wheel, in a venv made from PyPI with the pinned
requirements.

    python run.py --wheel path/to/mattermost_plugin-0.1.0-py3-none-any.whl --venv target/python-venv

The venv is reused while requirements.txt is unchanged. Exits with pytest's status.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wheel", required=True, type=Path)
    parser.add_argument("--venv", required=True, type=Path)
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args()

    requirements = HERE / "requirements.txt"
    stamp = args.venv / "requirements.sha256"
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
    python = args.venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists() or not stamp.exists() or stamp.read_text() != digest:
        print(f"creating {args.venv} with {requirements.name}", flush=True)
        venv.EnvBuilder(clear=True, with_pip=True).create(args.venv)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(requirements)], check=True)
        stamp.write_text(digest)
    # The wheel must install into a venv that has only what it declares: --no-deps would hide a missing
    # requirement, so let pip resolve it (everything is already there at the pinned versions).
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--force-reinstall", "--no-cache-dir",
                    str(args.wheel.resolve())], check=True)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(HERE), *args.pytest_args],
                            cwd=HERE, env=env)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
