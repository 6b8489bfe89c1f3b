# generated from demo/v1/hooks.proto by protoc, relocated into mattermost_plugin._proto; do not edit
# mypy: disable-error-code="type-arg, no-untyped-def"
from mattermost_plugin._proto.demo.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ImplementedRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ImplementedResponse(_message.Message):
    __slots__ = ("error", "hooks")
    ERROR_FIELD_NUMBER: _ClassVar[int]
    HOOKS_FIELD_NUMBER: _ClassVar[int]
    error: _common_pb2.AppError
    hooks: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, error: _Optional[_Union[_common_pb2.AppError, _Mapping]] = ..., hooks: _Optional[_Iterable[str]] = ...) -> None: ...

class OnActivateRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class OnActivateResponse(_message.Message):
    __slots__ = ("error",)
    ERROR_FIELD_NUMBER: _ClassVar[int]
    error: _common_pb2.AppError
    def __init__(self, error: _Optional[_Union[_common_pb2.AppError, _Mapping]] = ...) -> None: ...

class NoteWillBeSavedRequest(_message.Message):
    __slots__ = ("plugin_context", "note")
    PLUGIN_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    plugin_context: _common_pb2.PluginContext
    note: _common_pb2.Note
    def __init__(self, plugin_context: _Optional[_Union[_common_pb2.PluginContext, _Mapping]] = ..., note: _Optional[_Union[_common_pb2.Note, _Mapping]] = ...) -> None: ...

class NoteWillBeSavedResponse(_message.Message):
    __slots__ = ("error", "note", "rejection_reason")
    ERROR_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    REJECTION_REASON_FIELD_NUMBER: _ClassVar[int]
    error: _common_pb2.AppError
    note: _common_pb2.Note
    rejection_reason: str
    def __init__(self, error: _Optional[_Union[_common_pb2.AppError, _Mapping]] = ..., note: _Optional[_Union[_common_pb2.Note, _Mapping]] = ..., rejection_reason: _Optional[str] = ...) -> None: ...

class CountNotesRequest(_message.Message):
    __slots__ = ("limit",)
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    limit: int
    def __init__(self, limit: _Optional[int] = ...) -> None: ...

class CountNotesResponse(_message.Message):
    __slots__ = ("error", "count")
    ERROR_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    error: _common_pb2.AppError
    count: int
    def __init__(self, error: _Optional[_Union[_common_pb2.AppError, _Mapping]] = ..., count: _Optional[int] = ...) -> None: ...

class ServeHTTPRequest(_message.Message):
    __slots__ = ("plugin_context", "request", "body_chunk", "body_complete")
    PLUGIN_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    BODY_CHUNK_FIELD_NUMBER: _ClassVar[int]
    BODY_COMPLETE_FIELD_NUMBER: _ClassVar[int]
    plugin_context: _common_pb2.PluginContext
    request: _common_pb2.HTTPRequestHead
    body_chunk: bytes
    body_complete: bool
    def __init__(self, plugin_context: _Optional[_Union[_common_pb2.PluginContext, _Mapping]] = ..., request: _Optional[_Union[_common_pb2.HTTPRequestHead, _Mapping]] = ..., body_chunk: _Optional[bytes] = ..., body_complete: _Optional[bool] = ...) -> None: ...

class ServeHTTPResponse(_message.Message):
    __slots__ = ("error", "response", "body_chunk", "body_complete", "flush")
    ERROR_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_FIELD_NUMBER: _ClassVar[int]
    BODY_CHUNK_FIELD_NUMBER: _ClassVar[int]
    BODY_COMPLETE_FIELD_NUMBER: _ClassVar[int]
    FLUSH_FIELD_NUMBER: _ClassVar[int]
    error: _common_pb2.AppError
    response: _common_pb2.HTTPResponseHead
    body_chunk: bytes
    body_complete: bool
    flush: bool
    def __init__(self, error: _Optional[_Union[_common_pb2.AppError, _Mapping]] = ..., response: _Optional[_Union[_common_pb2.HTTPResponseHead, _Mapping]] = ..., body_chunk: _Optional[bytes] = ..., body_complete: _Optional[bool] = ..., flush: _Optional[bool] = ...) -> None: ...

class NoteWillBeUploadedRequest(_message.Message):
    __slots__ = ("plugin_context", "note", "body_chunk", "body_complete")
    PLUGIN_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    BODY_CHUNK_FIELD_NUMBER: _ClassVar[int]
    BODY_COMPLETE_FIELD_NUMBER: _ClassVar[int]
    plugin_context: _common_pb2.PluginContext
    note: _common_pb2.Note
    body_chunk: bytes
    body_complete: bool
    def __init__(self, plugin_context: _Optional[_Union[_common_pb2.PluginContext, _Mapping]] = ..., note: _Optional[_Union[_common_pb2.Note, _Mapping]] = ..., body_chunk: _Optional[bytes] = ..., body_complete: _Optional[bool] = ...) -> None: ...

class NoteWillBeUploadedResponse(_message.Message):
    __slots__ = ("error", "verdict", "body_chunk", "body_complete")
    ERROR_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    BODY_CHUNK_FIELD_NUMBER: _ClassVar[int]
    BODY_COMPLETE_FIELD_NUMBER: _ClassVar[int]
    error: _common_pb2.AppError
    verdict: UploadVerdict
    body_chunk: bytes
    body_complete: bool
    def __init__(self, error: _Optional[_Union[_common_pb2.AppError, _Mapping]] = ..., verdict: _Optional[_Union[UploadVerdict, _Mapping]] = ..., body_chunk: _Optional[bytes] = ..., body_complete: _Optional[bool] = ...) -> None: ...

class UploadVerdict(_message.Message):
    __slots__ = ("note", "rejection_reason", "replaced")
    NOTE_FIELD_NUMBER: _ClassVar[int]
    REJECTION_REASON_FIELD_NUMBER: _ClassVar[int]
    REPLACED_FIELD_NUMBER: _ClassVar[int]
    note: _common_pb2.Note
    rejection_reason: str
    replaced: bool
    def __init__(self, note: _Optional[_Union[_common_pb2.Note, _Mapping]] = ..., rejection_reason: _Optional[str] = ..., replaced: _Optional[bool] = ...) -> None: ...
