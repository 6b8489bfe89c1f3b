"""Checks that the docs' relative links resolve: every markdown link [text](target) to a file of the
repository, with its #anchor when it has one, and every `path.md` named in backticks.

    python3 docs/check_links.py            # from the repository root; exits 1 naming each broken link

Run by the Maven build (root pom, verify phase). Links to the web (http:, https:, mailto:) and to build
outputs under target/ are not checked.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|!\[[^\]]*\]\(([^)\s]+)\)")
BACKTICK_DOC = re.compile(r"`([\w./-]+\.md)(#[\w-]+)?`")
FENCE = re.compile(r"^(```|~~~)")


def documents() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.md"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split()
    return sorted(ROOT / p for p in listed if "/golden/" not in p and "/target/" not in p)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`|\*|_(?=\w)|(?<=\w)_", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(doc: Path) -> set[str]:
    found: set[str] = set()
    counts: dict[str, int] = {}
    in_fence = False
    for line in doc.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and line.startswith("#"):
            base = slug(line.lstrip("#"))
            n = counts.get(base, 0)
            counts[base] = n + 1
            found.add(base if n == 0 else f"{base}-{n}")
    return found


def targets(doc: Path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    in_fence = False
    for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for match in LINK.finditer(line):
            found.append((number, match.group(1) or match.group(2)))
        for match in BACKTICK_DOC.finditer(line):
            found.append((number, match.group(1) + (match.group(2) or "")))
    return found


def problem(doc: Path, target: str) -> str | None:
    if re.match(r"^[a-z]+:", target) or "target/" in target:
        return None
    path, _, anchor = target.partition("#")
    if not path:
        resolved = doc
    else:
        candidates = [(doc.parent / path).resolve(), (ROOT / path).resolve()]
        existing = [c for c in candidates if c.exists()]
        if not existing:
            return f"{target}: no such file (looked in {doc.parent.relative_to(ROOT)}/ and the repository root)"
        resolved = existing[0]
    if anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
        return f"{target}: {resolved.relative_to(ROOT)} has no heading #{anchor}"
    return None


def main() -> int:
    broken = []
    docs = documents()
    for doc in docs:
        for number, target in targets(doc):
            reason = problem(doc, target)
            if reason:
                broken.append(f"{doc.relative_to(ROOT)}:{number}: {reason}")
    for line in broken:
        print(line, file=sys.stderr)
    print(f"docs link check: {len(docs)} documents, {len(broken)} broken link(s)")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
