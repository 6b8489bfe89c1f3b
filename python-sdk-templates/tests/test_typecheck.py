"""mypy --strict over the SDK and a typed example plugin passes; a file of deliberate mistakes fails
with exactly the recorded errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TYPECHECK = Path(__file__).resolve().parent / "typecheck"


def mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--no-error-summary", *args],
                          capture_output=True, text=True, cwd=TYPECHECK)


def test_the_sdk_and_a_typed_example_plugin_pass_mypy_strict() -> None:
    result = mypy("-p", "mattermost_plugin", "-m", "example_plugin")
    assert result.returncode == 0, result.stdout + result.stderr


def test_deliberate_mistakes_are_flagged_with_the_recorded_errors() -> None:
    result = mypy("must_fail.py")
    expected = (TYPECHECK / "must_fail.expected").read_text().splitlines()
    assert result.returncode == 1
    assert result.stdout.splitlines() == expected
