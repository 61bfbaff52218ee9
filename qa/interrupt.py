"""Ctrl-C ends a command or the page at once, with exit status 130.

Python's default turns Ctrl-C into KeyboardInterrupt wherever the main thread is. Raised inside
a C++ extension's call back into Python (torch while it imports, faiss) it aborts the process
(SIGABRT), and a return through the interpreter's teardown while a worker thread is still inside
`import torch` or a warm-up can crash it (SIGSEGV, or "terminate called without an active
exception"). So the handler flushes, runs the exit handlers (an index build's clean-up) and
leaves with `os._exit`.
"""
from __future__ import annotations

import atexit
import os
import signal
import sys

STATUS = 130  # 128 + SIGINT, what a shell reports for Ctrl-C


def leave_now(code: int = STATUS) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    atexit._run_exitfuncs()
    os._exit(code)


def exit_on_ctrl_c():
    """Install the handler; returns the one it replaced (None off the main thread, where no
    handler can be set) so a caller can put it back."""
    try:
        return signal.signal(signal.SIGINT, lambda *_: leave_now())
    except ValueError:
        return None
