"""Issue 15 item 5: ``python -m mattermost_plugin new | test | bundle``, with clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mattermost_plugin", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_new_makes_a_plugin_whose_own_tests_pass(tmp_path: Path) -> None:
    plugin = tmp_path / "word-filter"
    made = cli("new", str(plugin), "--id", "com.example.word-filter")
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in plugin.iterdir()) == [".gitignore", "plugin.json", "plugin.py", "requirements.txt",
                                                         "test_plugin.py"]
    manifest = json.loads((plugin / "plugin.json").read_text())
    assert manifest["id"] == "com.example.word-filter" and manifest["name"] == "Word Filter"
    assert manifest["server"] == {"runtime": "python", "python": {"entry_point": "plugin.py", "version": ">=3.10"}}
    assert "class WordFilterPlugin(Plugin)" in (plugin / "plugin.py").read_text()
    tested = cli("test", str(plugin))
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "3 passed" in tested.stdout
    chosen = cli("test", "--", "-k", "activation", cwd=plugin)  # the directory defaults to .; pytest gets the rest
    assert chosen.returncode == 0 and "1 passed, 2 deselected" in chosen.stdout


def test_new_refuses_a_directory_in_use_and_a_bad_id(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    taken = cli("new", str(tmp_path / "taken"))
    assert taken.returncode == 2 and "already exists and is not an empty directory" in taken.stderr
    assert (tmp_path / "taken" / "notes.txt").read_text() == "mine"
    bad = cli("new", str(tmp_path / "fresh"), "--id", "com example")
    assert bad.returncode == 2 and "may hold only letters, digits" in bad.stderr
    assert not (tmp_path / "fresh").exists()


def test_test_reports_failures_and_a_plugin_without_tests(tmp_path: Path) -> None:
    plugin = tmp_path / "p1"
    assert cli("new", str(plugin)).returncode == 0
    (plugin / "test_plugin.py").write_text("def test_fails() -> None:\n    assert 1 == 2\n")
    failed = cli("test", str(plugin))
    assert failed.returncode == 1 and "1 failed" in failed.stdout
    (plugin / "test_plugin.py").unlink()
    empty = cli("test", str(plugin))
    assert empty.returncode == 2 and "no tests found in" in empty.stderr
    missing = cli("test", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "is not a directory" in missing.stderr


def test_bundle_is_a_top_level_directory_with_the_plugin_files_and_no_venv_or_caches(tmp_path: Path) -> None:
    plugin = tmp_path / "hello"
    assert cli("new", str(plugin), "--id", "com.example.hello").returncode == 0
    for junk in ("venv/bin/python", ".venv/lib/x.py", "__pycache__/plugin.cpython-311.pyc", ".pytest_cache/v/x",
                 "server/__pycache__/a.pyc", ".git/HEAD", "dist/old-0.0.1.tar.gz"):
        (plugin / junk).parent.mkdir(parents=True, exist_ok=True)
        (plugin / junk).write_text("junk")
    (plugin / "server").mkdir(exist_ok=True)
    (plugin / "server" / "helpers.py").write_text("X = 1\n")
    (plugin / "assets").mkdir()
    (plugin / "assets" / "icon.svg").write_text("<svg/>")
    made = cli("bundle", str(plugin))
    assert made.returncode == 0, made.stderr
    bundle = plugin / "dist" / "com.example.hello-0.1.0.tar.gz"
    with tarfile.open(bundle) as tar:
        names = sorted(m.name for m in tar.getmembers() if m.isfile())
        assert all(m.name.startswith("com.example.hello") for m in tar.getmembers())
        assert tar.extractfile("com.example.hello/plugin.json") is not None
    assert names == [f"com.example.hello/{n}" for n in (".gitignore", "assets/icon.svg", "plugin.json", "plugin.py",
                                                      "requirements.txt", "server/helpers.py", "test_plugin.py")]
    first = bundle.read_bytes()
    again = cli("bundle", str(plugin), "-o", str(tmp_path / "again.tar.gz"))
    assert again.returncode == 0 and (tmp_path / "again.tar.gz").read_bytes() == first  # reproducible


@pytest.mark.parametrize(("manifest", "message"), [
    (None, "has no plugin.json, so it is not a plugin directory"),
    ('{"id": "com.example.x",\n "version": }', "plugin.json line 2 column 13: Expecting value"),
    ('{"version": "1.0.0"}', "id must be a non-empty string"),
    ('{"id": "x"}', "plugin id 'x' must be 3 to 190 characters long, was 1"),
    ('{"id": "com.example.x"}', "server is missing"),
    ('{"id": "com.example.x", "server": {"python": {"entry_point": "main.py"}}}',
     "server.python.entry_point 'main.py' does not exist in"),
    ('{"id": "com.example.x", "server": {"python": {"entry_point": "../main.py"}}}',
     "must be a path inside the plugin directory"),
])
def test_bundle_names_the_problem_with_the_manifest(tmp_path: Path, manifest: str | None, message: str) -> None:
    if manifest is not None:
        (tmp_path / "plugin.json").write_text(manifest)
    result = cli("bundle", cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
