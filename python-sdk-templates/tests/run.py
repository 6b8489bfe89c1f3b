"""Runs the SDK's Python tests against a built wheel, in a venv made from PyPI with the pinned
requirements.

    python run.py --wheel path/to/mattermost_plugin-0.1.0-py3-none-any.whl --venv target/python-venv

The wheel may have any file name (Maven copies it as `<artifactId>-<version>.whl`); it is installed under
the PEP 427 name its metadata gives. The venv is reused while requirements.txt is unchanged. Exits with
pytest's status.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
import zipfile
from email.parser import Parser
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wheel", required=True, type=Path)
    parser.add_argument("--venv", required=True, type=Path)
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args()

    python = prepare(args.venv, args.wheel)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(HERE), *args.pytest_args],
                            cwd=HERE, env=env)
    return result.returncode


def prepare(venv_dir: Path, wheel: Path) -> Path:
    """The venv's interpreter, with the pinned requirements and ``wheel`` installed."""
    requirements = HERE / "requirements.txt"
    stamp = venv_dir / "requirements.sha256"
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
    python = venv_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists() or not stamp.exists() or stamp.read_text() != digest:
        print(f"creating {venv_dir} with {requirements.name}", flush=True)
        venv.EnvBuilder(clear=True, with_pip=True).create(venv_dir)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(requirements)], check=True)
        stamp.write_text(digest)
    # The wheel must install into a venv that has only what it declares: --no-deps would hide a missing
    # requirement, so let pip resolve it (everything is already there at the pinned versions).
    with tempfile.TemporaryDirectory() as staging:
        staged = pep427_copy(wheel, Path(staging))
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--force-reinstall", "--no-cache-dir",
                        str(staged)], check=True)
    return python


def pep427_copy(wheel: Path, staging: Path) -> Path:
    """A copy of `wheel` named `<name>-<version>-<tag>.whl` from its own metadata, as pip requires."""
    with zipfile.ZipFile(wheel) as archive:
        dist_info = next(n.split("/")[0] for n in archive.namelist() if n.endswith(".dist-info/WHEEL"))
        metadata = Parser().parsestr(archive.read(f"{dist_info}/METADATA").decode("utf-8"))
        tag = Parser().parsestr(archive.read(f"{dist_info}/WHEEL").decode("utf-8"))["Tag"]
    staged = staging / f"{metadata['Name'].replace('-', '_')}-{metadata['Version']}-{tag}.whl"
    shutil.copyfile(wheel, staged)
    return staged


if __name__ == "__main__":
    sys.exit(main())
