"""The recording and stubbing machinery behind ``FakeAPI``."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, NamedTuple, ParamSpec, TypeVar

from .._internal.bodies import BodyStream, iter_body
from ._kv import MemoryKVStore

__all__ = ["Call", "Stub", "FakeRecorder", "FakeBodyStream", "NotStubbedError"]

P = ParamSpec("P")
R = TypeVar("R")
H = TypeVar("H")


class NotStubbedError(AssertionError):
    """A strict fake was called on a method no test stubbed."""


class Call(NamedTuple):
    """One recorded call: the method's name and its arguments by proto field name."""

    method: str
    arguments: dict[str, Any]


class Stub(Generic[P, R]):
    """What one fake method does when called; typed by the method it stubs."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._action: Callable[..., Any] | None = None

    def returns(self, value: R) -> Stub[P, R]:
        """Every call returns ``value``."""
        self._action = lambda **_: value
        return self

    def raises(self, error: BaseException) -> Stub[P, R]:
        """Every call raises ``error`` (an ``AppError`` subclass, typically)."""

        def fail(**_: Any) -> Any:
            raise error

        self._action = fail
        return self

    def calls(self, function: Callable[P, R]) -> Stub[P, R]:
        """Every call is answered by ``function``, called with the method's arguments by keyword."""
        self._action = function
        return self

    def answer(self, arguments: dict[str, Any]) -> Any:
        assert self._action is not None
        return self._action(**arguments)


class FakeRecorder:
    """Records every call and answers it: from its stub, else from the in-memory KV store for the KV
    methods, else with an empty value (or ``NotStubbedError`` when strict). Thread-safe."""

    def __init__(self, *, strict: bool = False, kv: MemoryKVStore | None = None) -> None:
        self.strict = strict
        self.calls: list[Call] = []
        self.kv = kv or MemoryKVStore()
        """The in-memory KV store answering the KV methods; seed or inspect it in tests."""
        self._builtin = self.kv.answers()
        self._stubs: dict[str, Stub[Any, Any]] = {}
        self._record_lock = threading.Lock()

    def stub(self, method: Callable[P, R]) -> Stub[P, R]:
        """The stub of ``method`` (pass the bound method: ``fake.stub(fake.get_user).returns(user)``)."""
        name = self._name_of(method)
        stub: Stub[P, R] = Stub(name)
        self._stubs[name] = stub
        return stub

    def calls_to(self, method: Callable[..., Any]) -> list[dict[str, Any]]:
        """The arguments of every call made to ``method``, in order."""
        name = self._name_of(method)
        with self._record_lock:
            return [call.arguments for call in self.calls if call.method == name]

    def assert_called(self, method: Callable[..., Any], **arguments: Any) -> None:
        """Fails unless ``method`` was called, with ``arguments`` (a subset, by field name) if given."""
        calls = self.calls_to(method)
        name = self._name_of(method)
        if not calls:
            raise AssertionError(f"{name} was not called")
        if arguments and not any(all(c.get(k) == v for k, v in arguments.items()) for c in calls):
            raise AssertionError(f"{name} was not called with {arguments}; calls: {calls}")

    def assert_not_called(self, method: Callable[..., Any]) -> None:
        calls = self.calls_to(method)
        if calls:
            raise AssertionError(f"{self._name_of(method)} was called: {calls}")

    def reset(self) -> None:
        """Forgets the calls, the stubs and the KV store's contents."""
        with self._record_lock:
            self.calls.clear()
        self._stubs.clear()
        self.kv.clear()

    def _name_of(self, method: Callable[..., Any]) -> str:
        name = getattr(method, "__name__", None)
        if not isinstance(name, str) or not callable(getattr(type(self), name, None)) or name.startswith("_"):
            raise ValueError(f"{method!r} is not a method of {type(self).__name__}")
        return name

    def _fake_call(self, name: str, arguments: dict[str, Any], zero: Callable[[], R]) -> R:
        with self._record_lock:
            self.calls.append(Call(name, arguments))
        stub = self._stubs.get(name)
        if stub is not None:
            answer: R = stub.answer(arguments)
            return answer
        builtin = self._builtin.get(name)
        if builtin is not None:
            result: R = builtin(**arguments)
            return result
        if self.strict:
            raise NotStubbedError(f"{name} was called with {arguments} but is not stubbed")
        return zero()

    @staticmethod
    def _read_body(body: Any) -> bytes:
        return b"".join(iter_body(body))

    def close(self) -> None:
        pass


class FakeBodyStream(BodyStream[H]):
    """A ``BodyStream`` with a fixed head and body, for stubbing streaming API methods."""

    def __init__(self, head: H, body: bytes = b"") -> None:
        super().__init__("", head, body, True, iter(()), None)
