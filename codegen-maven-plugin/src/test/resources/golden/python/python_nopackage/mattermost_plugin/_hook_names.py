# generated from service.proto by the pyplugins code generator, do not edit
"""The names of the hooks of Hooks, as ``@hook`` takes them."""

from __future__ import annotations

from enum import Enum as _Enum

__all__ = ["HookName", "HOOK_METHODS", "HOOKS_SERVICE", "STREAMING_HOOKS"]

HOOKS_SERVICE = "Hooks"
"""The full name of the hooks service."""


class HookName(str, _Enum):
    """One member per hook RPC; the value is the RPC name, which is also the Go hook name."""

    Implemented = "Implemented"
    """The Implemented hook.

    Handler: ``() -> hooks, optionally with an error last``.
    """

    def __str__(self) -> str:
        return self.value


HOOK_METHODS: dict[str, str] = {
    "implemented": "Implemented",
}
"""The snake_case spelling of each hook, for methods named after a hook."""

STREAMING_HOOKS: frozenset[str] = frozenset({
})
"""The hooks whose RPC streams both ways."""
