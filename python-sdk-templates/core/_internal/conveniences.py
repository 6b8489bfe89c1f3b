"""Helpers behind the API clients' conveniences from Mattermost's SDK (the generator decides where they
apply: see ``ApiConveniences``): a message given by its id, and log key/value pairs given as keywords."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

__all__ = ["by_id", "key_value_pairs"]

_M = TypeVar("_M")


def by_id(message_type: type[_M], value: _M | str) -> _M:
    """``value`` itself, or a ``message_type`` with that id when it is a string
    (``has_permission_to_channel(user, channel, "manage_channel_roles")``)."""
    if isinstance(value, str):
        return message_type(id=value)  # type: ignore[call-arg]
    return value


def key_value_pairs(pairs: Sequence[Any], keywords: Mapping[str, object]) -> list[Any]:
    """The ``key_value_pairs`` of a log call: the given values, then each keyword as a key and its value,
    as Go's ``LogInfo(msg, "key", value, ...)`` takes them (``log_info("saved", user_id=u)``)."""
    if not keywords:
        return list(pairs)
    from google.protobuf import struct_pb2

    out = list(pairs)
    for key, value in keywords.items():
        out.append(struct_pb2.Value(string_value=key))
        if isinstance(value, struct_pb2.Value):
            out.append(value)
            continue
        holder = struct_pb2.Struct()
        try:
            holder.update({"v": value})  # type: ignore[dict-item]  # anything JSON-shaped; the rest is caught
        except (ValueError, TypeError):
            holder.update({"v": str(value)})  # not a JSON value: its text, as Go's %v would print it
        out.append(holder.fields["v"])
    return out
