# generated from demo/v1/common.proto by protoc, relocated into mattermost_plugin._proto; do not edit
# mypy: disable-error-code="type-arg, no-untyped-def"
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RequestContext(_message.Message):
    __slots__ = ("plugin_id", "request_id")
    PLUGIN_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    plugin_id: str
    request_id: str
    def __init__(self, plugin_id: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class PluginContext(_message.Message):
    __slots__ = ("request_id",)
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    def __init__(self, request_id: _Optional[str] = ...) -> None: ...

class AppError(_message.Message):
    __slots__ = ("id", "message", "status_code", "params")
    ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_CODE_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    id: str
    message: str
    status_code: int
    params: _struct_pb2.Struct
    def __init__(self, id: _Optional[str] = ..., message: _Optional[str] = ..., status_code: _Optional[int] = ..., params: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class Note(_message.Message):
    __slots__ = ("id", "text", "labels", "parts", "pinned_at", "kind")
    class Kind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        PLAIN: _ClassVar[Note.Kind]
        RICH: _ClassVar[Note.Kind]
    PLAIN: Note.Kind
    RICH: Note.Kind
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class Part(_message.Message):
        __slots__ = ("data",)
        DATA_FIELD_NUMBER: _ClassVar[int]
        data: bytes
        def __init__(self, data: _Optional[bytes] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    PARTS_FIELD_NUMBER: _ClassVar[int]
    PINNED_AT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    id: str
    text: str
    labels: _containers.ScalarMap[str, str]
    parts: _containers.RepeatedCompositeFieldContainer[Note.Part]
    pinned_at: int
    kind: Note.Kind
    def __init__(self, id: _Optional[str] = ..., text: _Optional[str] = ..., labels: _Optional[_Mapping[str, str]] = ..., parts: _Optional[_Iterable[_Union[Note.Part, _Mapping]]] = ..., pinned_at: _Optional[int] = ..., kind: _Optional[_Union[Note.Kind, str]] = ...) -> None: ...

class HTTPRequestHead(_message.Message):
    __slots__ = ("method", "url")
    METHOD_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    method: str
    url: str
    def __init__(self, method: _Optional[str] = ..., url: _Optional[str] = ...) -> None: ...

class HTTPResponseHead(_message.Message):
    __slots__ = ("status_code",)
    STATUS_CODE_FIELD_NUMBER: _ClassVar[int]
    status_code: int
    def __init__(self, status_code: _Optional[int] = ...) -> None: ...
