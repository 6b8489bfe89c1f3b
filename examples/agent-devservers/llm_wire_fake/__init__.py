"""llm_wire_fake: a local server that speaks OpenAI's and Anthropic's wire formats with scripted answers.

See ../README.md. Run: `python -m llm_wire_fake --script scripts/e2e.json --port 0` (in examples/agent-devservers).
"""

from .server import WireFake, start_in_thread

__all__ = ["WireFake", "start_in_thread"]
