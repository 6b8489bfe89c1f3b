"""What both wire formats share: streamed chunks with their scripted delays, token estimates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple


class Chunk(NamedTuple):
    """Bytes to send after waiting `delay_ms`."""

    delay_ms: int
    data: bytes


def chunks_of(text: str, size: int) -> Iterator[str]:
    size = max(size, 1)
    for start in range(0, len(text), size):
        yield text[start:start + size]


def estimate_tokens(text: str) -> int:
    """About four characters a token, as providers' rules of thumb say; deterministic, which is what counts."""
    return max(1, (len(text) + 3) // 4)
