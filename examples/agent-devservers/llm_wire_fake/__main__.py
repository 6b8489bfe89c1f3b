"""`python -m llm_wire_fake --script FILE [--script FILE ...] [--port N]`: serves until killed; prints
`listening on http://127.0.0.1:<port>` once it accepts connections."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from .scripts import ScriptBook
from .server import WireFake


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m llm_wire_fake", description=__doc__)
    parser.add_argument("--script", action="append", type=Path, required=True, help="a script file (JSON)")
    parser.add_argument("--port", type=int, default=0, help="0 (the default) picks a free port")
    args = parser.parse_args()
    try:
        scripts = ScriptBook.load(args.script)
    except (OSError, ValueError, KeyError) as e:
        print(f"llm_wire_fake: cannot load the scripts: {e}", file=sys.stderr)
        return 2
    fake = WireFake(args.port, scripts)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"listening on {fake.url}", flush=True)
    try:
        fake.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
