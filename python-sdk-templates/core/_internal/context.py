"""The hook call a thread is serving, so API calls made from a hook carry its request id."""

from __future__ import annotations

from contextvars import ContextVar

_request_id: ContextVar[str] = ContextVar("mattermost_plugin_request_id", default="")


def current_request_id() -> str:
    """The request id of the hook being handled in this thread or task, or "" outside hooks."""
    return _request_id.get()


def enter_request(request_id: str) -> object:
    """Marks the current context as serving ``request_id``; pass the token to ``leave_request``."""
    return _request_id.set(request_id)


def leave_request(token: object) -> None:
    _request_id.reset(token)  # type: ignore[arg-type]
