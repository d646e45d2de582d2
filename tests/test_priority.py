"""Background work (ingest) runs at a lower CPU priority than the people at the machine."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from indexing.priority import ENV_NICE, background_nice, lower_thread_priority

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")


def _in_thread(fn):  # type: ignore[no-untyped-def]
    out: dict[str, object] = {}

    def run() -> None:
        out["lowered"] = fn()
        tid = threading.get_native_id()
        out["nice"] = os.getpriority(os.PRIO_PROCESS, tid)

        def child() -> None:  # a thread started afterwards (like the speech model's) inherits it
            out["child_nice"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

        t = threading.Thread(target=child)
        t.start()
        t.join()

    t = threading.Thread(target=run)
    t.start()
    t.join()
    return out


@linux_only
def test_only_the_calling_thread_and_its_children_are_lowered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_NICE, raising=False)
    main_before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    out = _in_thread(lower_thread_priority)
    assert out["lowered"] is True
    assert out["nice"] == max(10, main_before) and out["child_nice"] == out["nice"]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == main_before


@linux_only
def test_zero_leaves_the_priority_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_NICE, "0")
    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    out = _in_thread(lower_thread_priority)
    assert out["lowered"] is False and out["nice"] == before


def test_the_nice_value_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    for raw, expected in (("", 10), ("5", 5), ("40", 19), ("-3", 0), ("fast", 10)):
        monkeypatch.setenv(ENV_NICE, raw)
        assert background_nice() == expected
