"""``bundle``: the plugin as the ``.tar.gz`` a host installs.

As Mattermost's bundles: one top-level directory named after the plugin id, holding ``plugin.json`` and
the plugin's files. No venv (the host makes one from ``requirements.txt``), no caches, no VCS data, no
earlier bundles. Entries are sorted and carry no owner or time, so the same files give the same bytes.
"""

from __future__ import annotations

import gzip
import io
import os
import tarfile
from pathlib import Path

from .errors import CliError
from .manifest import read_manifest

__all__ = ["EXCLUDED_DIRECTORIES", "bundle", "bundle_files"]

EXCLUDED_DIRECTORIES = frozenset({
    "venv", ".venv", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox", ".git", ".hg",
    ".svn", ".idea", ".vscode", "dist", "build", "node_modules",
})
"""Directory names left out wherever they are."""
_EXCLUDED_SUFFIXES = (".pyc", ".pyo", ".tar.gz", ".egg-info")
_EXCLUDED_FILES = frozenset({".DS_Store"})


def bundle(directory: Path, output: Path | None = None) -> tuple[Path, list[str]]:
    """Writes the bundle (default ``<dir>/dist/<id>-<version>.tar.gz``); returns it and the files it holds."""
    manifest = read_manifest(directory)
    target = output or directory / "dist" / f"{manifest.id}-{manifest.version}.tar.gz"
    files = bundle_files(directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name in _directories(files):
            tar.addfile(_entry(f"{manifest.id}/{name}", tarfile.DIRTYPE, 0o755, 0))
        for name in files:
            data = (directory / name).read_bytes()
            mode = 0o755 if os.access(directory / name, os.X_OK) else 0o644
            tar.addfile(_entry(f"{manifest.id}/{name}", tarfile.REGTYPE, mode, len(data)), io.BytesIO(data))
    try:
        with open(target, "wb") as out, gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0) as gz:
            gz.write(raw.getvalue())
    except OSError as e:
        raise CliError(f"cannot write {target}: {e.strerror or e}") from None
    return target, files


def bundle_files(directory: Path) -> list[str]:
    """The plugin's files to bundle, relative, sorted, with ``/`` separators."""
    found: list[str] = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d not in EXCLUDED_DIRECTORIES and not d.endswith(_EXCLUDED_SUFFIXES))
        for name in names:
            path = Path(root) / name
            if name in _EXCLUDED_FILES or name.endswith(_EXCLUDED_SUFFIXES) or not path.is_file():
                continue
            found.append(path.relative_to(directory).as_posix())
    return sorted(found)


def _directories(files: list[str]) -> list[str]:
    directories = {""}
    for name in files:
        parts = name.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            directories.add("/".join(parts[:i]))
    return sorted(directories)


def _entry(name: str, kind: bytes, mode: int, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name.rstrip("/"))
    info.type = kind
    info.mode = mode
    info.size = size
    info.mtime = 0
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info
