# generated from demo/v1/api.proto by the pyplugins code generator, do not edit
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
from .._proto.demo.v1 import api_pb2 as _api_pb2
from .._proto.demo.v1 import common_pb2 as _common_pb2
from google.protobuf import struct_pb2 as _struct_pb2

__all__ = ["FakeAPI"]


class FakeAPI(_FakeRecorder, _PluginAPIClient):
    """A ``PluginAPIClient`` that calls no host.

    Each call is recorded (see ``calls``, ``calls_to``, ``assert_called``) and answered by its stub
    (see ``stub``); the KV methods, when not stubbed, by an in-memory KV store (``kv``); any other by an
    empty value of its return type (``""``, ``0``, an empty message, ``None``), or, with ``strict=True``,
    by ``NotStubbedError``.
    """

    def get_note(self, note_id: str) -> _common_pb2.Note:
        """Returns the note with the given id.
        A second line, ending in a "quote"
        """
        return self._fake_call("get_note", {"note_id": note_id}, lambda: _common_pb2.Note())

    def list_notes(self, ids: _Sequence[str], filter: _Mapping[str, str], archived: bool | None) -> _api_pb2.ListNotesResponse:
        """Lists notes; several results."""
        return self._fake_call("list_notes", {"ids": ids, "filter": filter, "archived": archived}, lambda: _api_pb2.ListNotesResponse())

    def delete_note(self, from_: str, class_: str, options: _struct_pb2.Struct) -> None:
        """Deletes; no result. Parameters named after Python keywords.

        Deprecated: the protocol marks this call deprecated.
        """
        return self._fake_call("delete_note", {"from": from_, "class": class_, "options": options}, lambda: None)

    def get_labels(self) -> dict[str, str]:
        """Calls GetLabels."""
        return self._fake_call("get_labels", {}, lambda: {})

    def upload_note(self, name: str, body: _Body) -> _common_pb2.Note:
        """Uploads a body."""
        return self._fake_call("upload_note", {**{"name": name}, "body": self._read_body(body)}, lambda: _common_pb2.Note())

    def plugin_http(self, request: _common_pb2.HTTPRequestHead, body: _Body = b"") -> _BodyStream[_common_pb2.HTTPResponseHead]:
        """Calls another plugin over HTTP."""
        return self._fake_call("plugin_http", {**{"request": request}, "body": self._read_body(body)}, lambda: _FakeBodyStream(_common_pb2.HTTPResponseHead()))
