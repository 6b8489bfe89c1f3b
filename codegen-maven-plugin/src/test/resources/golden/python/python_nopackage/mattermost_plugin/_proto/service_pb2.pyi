# generated from service.proto by protoc, relocated into mattermost_plugin._proto; do not edit
# mypy: disable-error-code="type-arg, no-untyped-def"
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RequestContext(_message.Message):
    __slots__ = ("plugin_id",)
    PLUGIN_ID_FIELD_NUMBER: _ClassVar[int]
    plugin_id: str
    def __init__(self, plugin_id: _Optional[str] = ...) -> None: ...

class AppError(_message.Message):
    __slots__ = ("id", "message", "status_code")
    ID_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_CODE_FIELD_NUMBER: _ClassVar[int]
    id: str
    message: str
    status_code: int
    def __init__(self, id: _Optional[str] = ..., message: _Optional[str] = ..., status_code: _Optional[int] = ...) -> None: ...

class EchoRequest(_message.Message):
    __slots__ = ("context", "text")
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    context: RequestContext
    text: str
    def __init__(self, context: _Optional[_Union[RequestContext, _Mapping]] = ..., text: _Optional[str] = ...) -> None: ...

class EchoResponse(_message.Message):
    __slots__ = ("error", "text")
    ERROR_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    error: AppError
    text: str
    def __init__(self, error: _Optional[_Union[AppError, _Mapping]] = ..., text: _Optional[str] = ...) -> None: ...

class ImplementedRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ImplementedResponse(_message.Message):
    __slots__ = ("error", "hooks")
    ERROR_FIELD_NUMBER: _ClassVar[int]
    HOOKS_FIELD_NUMBER: _ClassVar[int]
    error: AppError
    hooks: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, error: _Optional[_Union[AppError, _Mapping]] = ..., hooks: _Optional[_Iterable[str]] = ...) -> None: ...
