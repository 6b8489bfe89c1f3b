"""Log records as hclog JSON lines on stderr, the format a go-plugin host parses and re-logs."""

from __future__ import annotations

import json
import logging
import time
from typing import TextIO

__all__ = ["HclogFormatter", "install"]

_LEVELS = {
    logging.CRITICAL: "error",
    logging.ERROR: "error",
    logging.WARNING: "warn",
    logging.INFO: "info",
    logging.DEBUG: "debug",
}


def hclog_level(levelno: int) -> str:
    if levelno < logging.DEBUG:
        return "trace"
    for threshold in (logging.ERROR, logging.WARNING, logging.INFO, logging.DEBUG):
        if levelno >= threshold:
            return _LEVELS[threshold]
    return "debug"


def timestamp(created: float) -> str:
    """Go's ``2006-01-02T15:04:05.000000Z07:00``: exactly six fractional digits, UTC as ``Z``."""
    seconds = int(created)
    micros = int(round((created - seconds) * 1_000_000))
    if micros == 1_000_000:
        seconds, micros = seconds + 1, 0
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{micros:06d}Z"


class HclogFormatter(logging.Formatter):
    """One JSON object per record: ``@level``, ``@message``, ``@module``, ``@timestamp``, plus ``error``
    (the traceback) when the record carries an exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "@level": hclog_level(record.levelno),
            "@message": record.getMessage(),
            "@module": record.name,
            "@timestamp": timestamp(record.created),
        }
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["error"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False, default=str)


def install(stream: TextIO, level: str) -> logging.Handler:
    """Sends the root logger to ``stream`` as hclog JSON at ``level`` (a logging level name)."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(HclogFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    numeric = logging.getLevelName("WARNING" if level == "WARN" else level)
    root.setLevel(numeric if isinstance(numeric, int) else logging.INFO)
    return handler
