# generated from service.proto by the pyplugins code generator, do not edit
"""A fake Plugin API for tests: every method of ``PluginAPIClient``, recorded and stubbable."""

from __future__ import annotations

from collections.abc import Mapping as _Mapping
from collections.abc import Sequence as _Sequence

from ..client import PluginAPIClient as _PluginAPIClient
from .._internal.client_base import Body as _Body
from .._internal.client_base import BodyStream as _BodyStream
from .._internal.conveniences import by_id as _by_id
from .._internal.conveniences import key_value_pairs as _key_value_pairs
from ._fake import FakeBodyStream as _FakeBodyStream
from ._fake import FakeRecorder as _FakeRecorder
from .._proto import service_pb2 as _service_pb2

__all__ = ["FakeAPI"]


class FakeAPI(_FakeRecorder, _PluginAPIClient):
    """A ``PluginAPIClient`` that calls no host.

    Each call is recorded (see ``calls``, ``calls_to``, ``assert_called``) and answered by its stub
    (see ``stub``); the KV methods, when not stubbed, by an in-memory KV store (``kv``); any other by an
    empty value of its return type (``""``, ``0``, an empty message, ``None``), or, with ``strict=True``,
    by ``NotStubbedError``.
    """

    def echo(self, text: str) -> str:
        """Echoes."""
        return self._fake_call("echo", {"text": text}, lambda: "")
