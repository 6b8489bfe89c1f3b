# generated from demo/v1/api.proto by protoc, relocated into mattermost_plugin._proto; do not edit
# mypy: disable-error-code="type-arg, no-untyped-def"
from mattermost_plugin._proto.demo.v1 import common_pb2 as _common_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetNoteRequest(_message.Message):
    __slots__ = ("context", "note_id")
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    NOTE_ID_FIELD_NUMBER: _ClassVar[int]
    context: _common_pb2.RequestContext
    note_id: str
    def __init__(self, context: _Optional[_Union[_common_pb2.RequestContext, _Mapping]] = ..., note_id: _Optional[str] = ...) -> None: ...

class GetNoteResponse(_message.Message):
    __slots__ = ("error", "note")
    ERROR_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    error: _common_pb2.AppError
    note: _common_pb2.Note
    def __init__(self, error: _Optional[_Union[_common_pb2.AppError, _Mapping]] = ..., note: _Optional[_Union[_common_pb2.Note, _Mapping]] = ...) -> None: ...

class ListNotesRequest(_message.Message):
    __slots__ = ("context", "ids", "filter", "archived")
    class FilterEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    IDS_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    context: _common_pb2.RequestContext
    ids: _containers.RepeatedScalarFieldContainer[str]
    filter: _containers.ScalarMap[str, str]
    archived: bool
    def __init__(self, context: _Optional[_Union[_common_pb2.RequestContext, _Mapping]] = ..., ids: _Optional[_Iterable[str]] = ..., filter: _Optional[_Mapping[str, str]] = ..., archived: _Optional[bool] = ...) -> None: ...

class ListNotesResponse(_message.Message):
    __slots__ = ("error", "notes", "total")
    ERROR_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    error: _common_pb2.AppError
    notes: _containers.RepeatedCompositeFieldContainer[_common_pb2.Note]
    total: int
    def __init__(self, error: _Optional[_Union[_common_pb2.AppError, _Mapping]] = ..., notes: _Optional[_Iterable[_Union[_common_pb2.Note, _Mapping]]] = ..., total: _Optional[int] = ...) -> None: ...

class DeleteNoteRequest(_message.Message):
    __slots__ = ("context", "options")
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    FROM_FIELD_NUMBER: _ClassVar[int]
    CLASS_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    context: _common_pb2.RequestContext
    options: _struct_pb2.Struct
    def __init__(self, context: _Optional[_Union[_common_pb2.RequestContext, _Mapping]] = ..., options: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., **kwargs) -> None: ...

class DeleteNoteResponse(_message.Message):
    __slots__ = ("error",)
    ERROR_FIELD_NUMBER: _ClassVar[int]
    error: _common_pb2.AppError
    def __init__(self, error: _Optional[_Union[_common_pb2.AppError, _Mapping]] = ...) -> None: ...

class GetLabelsRequest(_message.Message):
    __slots__ = ("context",)
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    context: _common_pb2.RequestContext
    def __init__(self, context: _Optional[_Union[_common_pb2.RequestContext, _Mapping]] = ...) -> None: ...

class GetLabelsResponse(_message.Message):
    __slots__ = ("error", "labels")
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ERROR_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    error: _common_pb2.AppError
    labels: _containers.ScalarMap[str, str]
    def __init__(self, error: _Optional[_Union[_common_pb2.AppError, _Mapping]] = ..., labels: _Optional[_Mapping[str, str]] = ...) -> None: ...

class UploadNoteRequest(_message.Message):
    __slots__ = ("context", "name", "body_chunk", "body_complete")
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    BODY_CHUNK_FIELD_NUMBER: _ClassVar[int]
    BODY_COMPLETE_FIELD_NUMBER: _ClassVar[int]
    context: _common_pb2.RequestContext
    name: str
    body_chunk: bytes
    body_complete: bool
    def __init__(self, context: _Optional[_Union[_common_pb2.RequestContext, _Mapping]] = ..., name: _Optional[str] = ..., body_chunk: _Optional[bytes] = ..., body_complete: _Optional[bool] = ...) -> None: ...

class UploadNoteResponse(_message.Message):
    __slots__ = ("error", "note")
    ERROR_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    error: _common_pb2.AppError
    note: _common_pb2.Note
    def __init__(self, error: _Optional[_Union[_common_pb2.AppError, _Mapping]] = ..., note: _Optional[_Union[_common_pb2.Note, _Mapping]] = ...) -> None: ...

class PluginHTTPRequest(_message.Message):
    __slots__ = ("context", "request", "body_chunk", "body_complete")
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    BODY_CHUNK_FIELD_NUMBER: _ClassVar[int]
    BODY_COMPLETE_FIELD_NUMBER: _ClassVar[int]
    context: _common_pb2.RequestContext
    request: _common_pb2.HTTPRequestHead
    body_chunk: bytes
    body_complete: bool
    def __init__(self, context: _Optional[_Union[_common_pb2.RequestContext, _Mapping]] = ..., request: _Optional[_Union[_common_pb2.HTTPRequestHead, _Mapping]] = ..., body_chunk: _Optional[bytes] = ..., body_complete: _Optional[bool] = ...) -> None: ...

class PluginHTTPResponse(_message.Message):
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
