"""Background work yields the CPU to people: ingest runs at a lower scheduling priority.

On a two-core tablet the expert records the next session, a reviewer edits steps
and `knowhow terms add` runs while the last session is being transcribed.
Transcription would otherwise take both cores from them. Only the calling thread
(and the threads it starts afterwards, such as the speech model's) is lowered, so
an app's window thread keeps its priority; the priority cannot be raised again,
so call it from a thread that does only background work (an ingest task, a batch
worker, the `knowhow ingest` command).
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

ENV_NICE = "KNOWHOW_INGEST_NICE"
DEFAULT_NICE = 10
"""Linux nice value for background work (0 leaves the priority alone)."""


def background_nice() -> int:
    """The nice value background work runs at (`$KNOWHOW_INGEST_NICE`, default 10, 0 to 19)."""
    raw = os.environ.get(ENV_NICE, "").strip()
    try:
        return min(19, max(0, int(raw))) if raw else DEFAULT_NICE
    except ValueError:
        log.warning("ignoring %s=%r: not a whole number", ENV_NICE, raw)
        return DEFAULT_NICE


def lower_thread_priority() -> bool:
    """Lower the calling thread's CPU priority for background work.

    Returns:
        Whether the priority was lowered (False where the platform offers no
        per-thread priority we use, or when disabled with `$KNOWHOW_INGEST_NICE=0`).
    """
    nice = background_nice()
    if nice <= 0:
        return False
    try:
        if sys.platform.startswith("linux"):
            tid = threading.get_native_id()
            if os.getpriority(os.PRIO_PROCESS, tid) < nice:
                os.setpriority(os.PRIO_PROCESS, tid, nice)  # on Linux, PRIO_PROCESS with a thread id is that thread
            return True
        if sys.platform == "win32":
            import ctypes

            below_normal = -1  # THREAD_PRIORITY_BELOW_NORMAL
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            return bool(kernel32.SetThreadPriority(kernel32.GetCurrentThread(), below_normal))
    except OSError as exc:  # a sandbox that forbids it: run at normal priority
        log.info("cannot lower the ingest priority: %s", exc)
    return False
