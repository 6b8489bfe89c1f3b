"""An in-memory KV store behind ``FakeAPI``'s KV methods, so plugin tests need not stub them."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

__all__ = ["MemoryKVStore"]


class MemoryKVStore:
    """The plugin's KV store as Mattermost keeps it, in a dict: keys expire, an empty value deletes, and
    compare-and-set treats an empty old value as "the key must not exist". Thread-safe.

    ``FakeAPI`` answers ``kv_set``, ``kv_get``, ``kv_delete``, ``kv_delete_all``, ``kv_list``,
    ``kv_set_with_expiry``, ``kv_compare_and_set``, ``kv_compare_and_delete`` and ``kv_set_with_options``
    from it unless a test stubs them; ``fake.kv`` is the store, to seed or inspect.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._values: dict[str, tuple[bytes, float | None]] = {}
        self._lock = threading.Lock()

    def answers(self) -> dict[str, Callable[..., Any]]:
        """The fake API's method names and the function answering each, called with its arguments."""
        return {
            "kv_set": self.kv_set,
            "kv_get": self.kv_get,
            "kv_delete": self.kv_delete,
            "kv_delete_all": self.clear,
            "kv_list": self.kv_list,
            "kv_set_with_expiry": self.kv_set_with_expiry,
            "kv_compare_and_set": self.kv_compare_and_set,
            "kv_compare_and_delete": self.kv_compare_and_delete,
            "kv_set_with_options": self.kv_set_with_options,
        }

    def get(self, key: str) -> bytes | None:
        """The value of ``key``, or None when it is missing or expired."""
        with self._lock:
            return self._current(key)

    def keys(self) -> list[str]:
        """The live keys, sorted."""
        with self._lock:
            return sorted(k for k in list(self._values) if self._current(k) is not None)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def kv_set(self, key: str, value: bytes) -> None:
        self.kv_set_with_expiry(key, value, 0)

    def kv_get(self, key: str) -> bytes | None:
        return self.get(key)

    def kv_delete(self, key: str) -> None:
        with self._lock:
            self._values.pop(key, None)

    def kv_list(self, page: int = 0, per_page: int = 100) -> list[str]:
        keys = self.keys()
        return keys[page * per_page : (page + 1) * per_page] if per_page > 0 else []

    def kv_set_with_expiry(self, key: str, value: bytes, expire_in_seconds: int) -> None:
        with self._lock:
            self._write(key, value, expire_in_seconds)

    def kv_compare_and_set(self, key: str, old_value: bytes, new_value: bytes) -> bool:
        with self._lock:
            if self._current(key) != (old_value or None):
                return False
            self._write(key, new_value, 0)
            return True

    def kv_compare_and_delete(self, key: str, old_value: bytes) -> bool:
        with self._lock:
            if self._current(key) is None or self._current(key) != old_value:
                return False
            del self._values[key]
            return True

    def kv_set_with_options(self, key: str, value: bytes, options: Any) -> bool:
        with self._lock:
            if options is not None and options.atomic:
                expected = options.old_value if options.HasField("old_value") else None
                if self._current(key) != (expected or None):
                    return False
            self._write(key, value, options.expire_in_seconds if options is not None else 0)
            return True

    def _current(self, key: str) -> bytes | None:
        entry = self._values.get(key)
        if entry is None:
            return None
        value, expires = entry
        if expires is not None and self._clock() >= expires:
            del self._values[key]
            return None
        return value

    def _write(self, key: str, value: bytes, expire_in_seconds: int) -> None:
        if not value:
            self._values.pop(key, None)
            return
        expires = self._clock() + expire_in_seconds if expire_in_seconds > 0 else None
        self._values[key] = (bytes(value), expires)
