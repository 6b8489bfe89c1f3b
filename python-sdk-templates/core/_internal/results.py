"""What a hook handler's return value becomes: the response fields, a returned error, or the request's
own values handed back.

The accepted forms are Mattermost's SDK's (docs/python-sdk.md, "Return values"): None; the single
result; a tuple with one value per result field in order; the response message itself; with several
results, one value that fits exactly one of them (a post, or a rejection reason string); and, for
hooks whose Go signature returns an error, that error last ((value, error) tuples, or a string or
exception from a hook with no other result). A dict fills a message field as its JSON form would.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from ..errors import AppError

__all__ = ["HookSpec", "ResultField", "fill_results", "keep_originals", "returned_error", "write_error"]


class ResultField(NamedTuple):
    """One response field a handler's return value fills: its name, kind and Python type."""

    name: str
    kind: str  # "scalar", "message", "repeated" or "map"
    type: type


class HookSpec(NamedTuple):
    """How one hook's response is made, as the generated dispatch describes it.

    ``results`` are the fields a return value fills; ``error`` names the AppError field ("" when the
    response has none); ``rejection`` the string field a failure rejects through ("" when the hook cannot
    reject); ``keep`` the fields copied from the request when the handler returns None or fails (a list
    filter such as MessagesWillBeConsumed keeps the original posts).
    """

    name: str
    results: tuple[ResultField, ...]
    error: str = ""
    rejection: str = ""
    keep: tuple[str, ...] = ()


def fill_results(response: Any, result: Any, spec: HookSpec, request: Any = None) -> None:
    """Fills the response from a handler's return value; raises TypeError for a value that fits none."""
    fields = spec.results
    if result is None:
        keep_originals(response, request, spec.keep)
        return
    if isinstance(result, type(response)):
        response.CopyFrom(result)
        return
    if not fields:
        error = returned_error(spec, result) if spec.error else None
        if error is not None:
            write_error(response, spec, error)
        return
    if spec.error and _ends_with_error(result, fields):
        *values, last = result
        error = returned_error(spec, last)
        if error is not None:
            write_error(response, spec, error)
        result = values[0] if len(fields) == 1 else tuple(values)
        if result is None:
            keep_originals(response, request, spec.keep)
            return
    if len(fields) == 1:
        _set(response, fields[0], result)
        return
    if isinstance(result, tuple):
        if len(result) > len(fields):
            raise TypeError(f"returned {len(result)} values, but the hook has {len(fields)} results: {_names(fields)}")
        for field, value in zip(fields, result):
            _set(response, field, value)
        return
    fitting = [f for f in fields if _fits(f, result)]
    if len(fitting) != 1:
        raise TypeError(f"returned a {type(result).__name__}; return a tuple of {_names(fields)}")
    _set(response, fitting[0], result)


def keep_originals(response: Any, request: Any, names: tuple[str, ...]) -> None:
    """Copies the request's values of ``names`` into the response (a list filter's "unchanged")."""
    if request is None:
        return
    for name in names:
        target = getattr(response, name)
        if hasattr(target, "extend"):
            del target[:]
            target.extend(getattr(request, name))
        else:
            target.CopyFrom(getattr(request, name))


def returned_error(spec: HookSpec, value: Any) -> AppError | None:
    """The AppError for an error a handler returned (a message string or an exception), or None."""
    from ..errors import AppError

    if value is None or value == "":
        return None
    if isinstance(value, AppError):
        return value
    if isinstance(value, str):
        return AppError(value, id="plugin.hook.error", where=spec.name, status_code=500)
    if isinstance(value, BaseException):
        return AppError(f"{type(value).__name__}: {value}", id="plugin.hook.error", where=spec.name, status_code=500)
    raise TypeError(f"returned a {type(value).__name__} as its error; return a str, an exception or None")


def write_error(response: Any, spec: HookSpec, error: AppError) -> None:
    error.to_proto(getattr(response, spec.error))


def _ends_with_error(result: Any, fields: tuple[ResultField, ...]) -> bool:
    """True for ``(value..., error)``: one value more than results, the last a possible error."""
    if not isinstance(result, tuple) or len(result) != len(fields) + 1:
        return False
    if not (result[-1] is None or isinstance(result[-1], (str, BaseException))):
        return False
    # A single list result given as a tuple of items is not a (value, error) pair.
    return not (len(fields) == 1 and fields[0].kind == "repeated" and not isinstance(result[0], (list, tuple, type(None))))


def _names(fields: tuple[ResultField, ...]) -> str:
    return "(" + ", ".join(f.name for f in fields) + ")"


def _fits(field: ResultField, value: Any) -> bool:
    if field.kind == "message":
        return isinstance(value, field.type) or isinstance(value, Mapping)
    if field.kind == "scalar":
        return isinstance(value, field.type) and not (field.type is int and isinstance(value, bool))
    return False


def _set(message: Any, field: ResultField, value: Any) -> None:
    if value is None:
        return
    if field.kind == "scalar":
        setattr(message, field.name, value)
    elif field.kind == "message":
        target = getattr(message, field.name)
        if isinstance(value, Mapping):
            from google.protobuf import json_format

            target.Clear()
            json_format.ParseDict(dict(value), target)
        else:
            target.CopyFrom(value)
    elif field.kind == "repeated":
        getattr(message, field.name).extend(value)
    else:
        container = getattr(message, field.name)
        for key, item in value.items():
            if hasattr(item, "DESCRIPTOR"):
                container[key].CopyFrom(item)
            else:
                container[key] = item
