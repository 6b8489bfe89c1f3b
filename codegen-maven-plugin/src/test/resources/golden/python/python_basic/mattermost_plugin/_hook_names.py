# generated from demo/v1/hooks.proto by the pyplugins code generator, do not edit
"""The names of the hooks of demo.v1.PluginHooks, as ``@hook`` takes them."""

from __future__ import annotations

from enum import Enum as _Enum

__all__ = ["HookName", "HOOK_METHODS", "HOOKS_SERVICE", "STREAMING_HOOKS"]

HOOKS_SERVICE = "demo.v1.PluginHooks"
"""The full name of the hooks service."""


class HookName(str, _Enum):
    """One member per hook RPC; the value is the RPC name, which is also the Go hook name."""

    Implemented = "Implemented"
    """Lists the implemented hooks.

    Handler: ``() -> hooks, optionally with an error last``.
    """

    OnActivate = "OnActivate"
    """Starts the plugin.

    Handler: ``() -> None``.
    """

    NoteWillBeSaved = "NoteWillBeSaved"
    """Filters a note; two results.

    Handler: ``(plugin_context, note) -> (note, rejection_reason)``.
    """

    CountNotes = "CountNotes"
    """A hook without a plugin context.

    Handler: ``(limit) -> count, optionally with an error last``.
    """

    ServeHTTP = "ServeHTTP"
    """Serves HTTP.

    Handler: ``(plugin_context, w, r) -> None``.
    """

    NoteWillBeUploaded = "NoteWillBeUploaded"
    """Filters an upload.

    Handler: ``(plugin_context, note, reader, writer) -> (note, rejection_reason)``.
    """

    def __str__(self) -> str:
        return self.value


HOOK_METHODS: dict[str, str] = {
    "implemented": "Implemented",
    "on_activate": "OnActivate",
    "note_will_be_saved": "NoteWillBeSaved",
    "count_notes": "CountNotes",
    "serve_http": "ServeHTTP",
    "note_will_be_uploaded": "NoteWillBeUploaded",
}
"""The snake_case spelling of each hook, for methods named after a hook."""

STREAMING_HOOKS: frozenset[str] = frozenset({
    "ServeHTTP",
    "NoteWillBeUploaded",
})
"""The hooks whose RPC streams both ways."""
