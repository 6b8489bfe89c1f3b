"""The ``@hook`` decorator: marks a plugin method as the handler of a hook.

Three spellings, as in Mattermost's SDK::

    @hook(HookName.MessageWillBePosted)
    def filter(self, context, post): ...

    @hook("MessageWillBePosted")
    def filter(self, context, post): ...

    @hook
    def MessageWillBePosted(self, context, post): ...   # or: def message_will_be_posted(...)

An unknown hook name raises ``HookRegistrationError`` when the class body runs, not at the first call.
Each ``HookName`` member says how its handler is called and what it returns.

Handlers get the hook's parameters as protobuf messages (the plugin context first when the hook has
one; a message the host left out, such as the actor of ``UserHasJoinedChannel``, arrives as None) and
may be plain functions or coroutines. What a handler returns, as Mattermost's SDK accepts it:

* ``None``: nothing to return (a filter lets the object through unchanged);
* the single result (``UserWillLogIn``: the rejection reason, ``""`` to allow);
* a tuple with one value per result in order (``MessageWillBePosted``: ``(post, rejection_reason)``;
  ``None`` leaves a result unset);
* for hooks with several results, one value that fits exactly one of them (just the post, or just the
  reason string);
* the hook's response message itself;
* a ``dict`` where a result is a message: its JSON form (``ExecuteCommand`` may return
  ``{"response_type": "ephemeral", "text": "hi"}``);
* where Go's hook returns an error: the error last (``RunDataRetention`` may return ``(50, None)`` or
  ``(0, "the database is read-only")``), or, for hooks with no other result (``OnActivate``,
  ``OnInstall``, ``OnSAMLLogin``, ...), an error string or exception: it fails the hook.

A handler that raises: a "Will" hook with a rejection reason rejects (``"Plugin error: <error>"``), as
Mattermost's SDK does; ``MessagesWillBeConsumed`` keeps the posts unchanged; any other hook answers with
the error as its ``AppError`` (an ``AppError`` raised keeps all its fields). docs/python-sdk.md has the
table for every "Will" hook.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any, TypeVar, overload

from ._hook_names import HOOK_METHODS, HookName

__all__ = ["hook", "HookName", "HookRegistrationError", "hook_name_of", "MARKER"]

MARKER = "__mattermost_hook__"
"""The attribute ``@hook`` sets on the function: the hook name it handles."""

_SDK_ANSWERED = frozenset({"Implemented"})

_F = TypeVar("_F", bound=Callable[..., Any])


class HookRegistrationError(Exception):
    """A handler was declared for a hook that does not exist, or that the SDK answers itself."""


def _resolve(name: object) -> str:
    if isinstance(name, HookName):
        resolved = name.value
    elif isinstance(name, str):
        if name in HookName.__members__:
            resolved = name
        elif name in HOOK_METHODS:
            resolved = HOOK_METHODS[name]
        else:
            known = list(HookName.__members__) + list(HOOK_METHODS)
            close = difflib.get_close_matches(name, known, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else "; see HookName for the hooks there are"
            raise HookRegistrationError(f"unknown hook {name!r}{hint}")
    else:
        raise HookRegistrationError(f"@hook takes a HookName or a hook name string, not {type(name).__name__}")
    if resolved in _SDK_ANSWERED:
        raise HookRegistrationError(f"{resolved} is answered by the SDK from the plugin's registered hooks")
    return resolved


def _mark(func: _F, name: str) -> _F:
    target = getattr(func, "__func__", func)  # staticmethod / classmethod objects
    setattr(target, MARKER, name)
    return func


@overload
def hook(name: HookName | str, /) -> Callable[[_F], _F]: ...


@overload
def hook(func: _F, /) -> _F: ...


def hook(arg: Any, /) -> Any:
    """Marks a method as a hook handler; see the module docstring for the accepted forms."""
    if callable(arg) and not isinstance(arg, str):
        func_name = getattr(arg, "__name__", "")
        try:
            return _mark(arg, _resolve(func_name))
        except HookRegistrationError as e:
            raise HookRegistrationError(
                f"bare @hook needs a method named after a hook (such as OnActivate or on_activate): {e}"
            ) from None
    name = _resolve(arg)

    def decorate(func: _F) -> _F:
        if not callable(func):
            raise HookRegistrationError(f"@hook({name!r}) must decorate a function")
        return _mark(func, name)

    return decorate


def hook_name_of(func: object) -> str | None:
    """The hook a function was marked for, or None."""
    return getattr(func, MARKER, None)
