"""Creates the venv a Python plugin runs in: the SDK wheel, its pinned dependencies, the plugin's own
requirements.

    python make_venv.py --wheel-dir ../sample-host/target/wheel hello streaming   # hello/venv, streaming/venv
    python make_venv.py --wheel-dir ../sample-host/target/wheel --venv /tmp/v      # a venv of its own

A plugin's venv is `<plugin dir>/venv`, the first place the runtime looks for an interpreter. It is reused
while its inputs (the wheel, constraints.txt, the plugin's requirements.txt, the Python version) are
unchanged, and made again from scratch when one changes. The wheel may have any file name (Maven copies it as
`<artifactId>-<version>.whl`); its metadata gives the name pip needs.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import venv
import zipfile
from email.parser import Parser
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONSTRAINTS = HERE / "constraints.txt"
STAMP = "pyplugins-inputs.sha256"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wheel-dir", required=True, type=Path, help="directory holding exactly one SDK wheel")
    parser.add_argument("--venv", type=Path, help="make this venv (no plugin requirements)")
    parser.add_argument("plugins", nargs="*", type=Path, help="plugin directories; each gets <dir>/venv")
    args = parser.parse_args()
    if not args.venv and not args.plugins:
        parser.error("name plugin directories or --venv")

    wheels = sorted(args.wheel_dir.glob("*.whl"))
    if len(wheels) != 1:
        parser.error(f"{args.wheel_dir} must hold exactly one .whl file, found {[w.name for w in wheels]}")
    with tempfile.TemporaryDirectory() as staging:
        wheel = stage_wheel(wheels[0], Path(staging))
        targets = [(p / "venv", p / "requirements.txt") for p in args.plugins]
        if args.venv:
            targets.append((args.venv, None))
        for venv_dir, requirements in targets:
            ensure_venv(venv_dir, wheel, requirements if requirements and requirements.exists() else None)
    return 0


def stage_wheel(wheel: Path, staging: Path) -> Path:
    """A copy of `wheel` under its PEP 427 name (`<name>-<version>-<tag>.whl`), which pip insists on."""
    with zipfile.ZipFile(wheel) as archive:
        dist_info = next(n.split("/")[0] for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(f"{dist_info}/METADATA").decode("utf-8"))
        tag = Parser().parsestr(archive.read(f"{dist_info}/WHEEL").decode("utf-8"))["Tag"]
    name = metadata["Name"].replace("-", "_")
    staged = staging / f"{name}-{metadata['Version']}-{tag}.whl"
    shutil.copyfile(wheel, staged)
    return staged


def ensure_venv(venv_dir: Path, wheel: Path, requirements: Path | None) -> None:
    digest = inputs_digest(wheel, requirements)
    stamp = venv_dir / STAMP
    python = venv_dir / "bin" / "python"
    if python.exists() and stamp.exists() and stamp.read_text() == digest:
        print(f"{venv_dir}: up to date", flush=True)
        return
    print(f"{venv_dir}: creating with {wheel.name}", flush=True)
    venv.EnvBuilder(clear=True, with_pip=True).create(venv_dir)
    command = [str(python), "-m", "pip", "install", "-q", "-c", str(CONSTRAINTS), str(wheel)]
    if requirements:
        command += ["-r", str(requirements)]
    subprocess.run(command, check=True)
    stamp.write_text(digest)


def inputs_digest(wheel: Path, requirements: Path | None) -> str:
    sha = hashlib.sha256()
    for part in (wheel, CONSTRAINTS, requirements):
        sha.update(part.read_bytes() if part else b"-")
    sha.update(sys.version.encode())
    return sha.hexdigest()


if __name__ == "__main__":
    sys.exit(main())
