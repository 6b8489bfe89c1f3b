"""Keeping other processes of the same OS user out of this one.

``forbid_inspection`` clears the process's "dumpable" flag (``prctl(PR_SET_DUMPABLE, 0)``): the kernel
then refuses a same-user process (another plugin) without ``CAP_SYS_PTRACE`` access to this one's
``/proc/<pid>/environ``, ``mem``, ``fd/`` and ``ptrace``, and writes no core dump. Linux only; on other
systems it does nothing and says so, and the host's other locks (a private socket directory, a token that
is never in the environment, the API endpoint's peer-credential check) are what remains.
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["forbid_inspection", "is_dumpable"]

_PR_GET_DUMPABLE = 3
_PR_SET_DUMPABLE = 4


def forbid_inspection() -> bool:
    """Clears the dumpable flag; True when done, False where there is no ``prctl`` (not Linux) or it failed."""
    libc = _libc()
    if libc is None:
        return False
    result: int = libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
    return result == 0


def is_dumpable() -> bool | None:
    """The flag as the kernel has it; None where it cannot be asked."""
    libc = _libc()
    if libc is None:
        return None
    result: int = libc.prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0)
    return None if result < 0 else result != 0


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
