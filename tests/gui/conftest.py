"""GUI test setup: offscreen Qt, no dialogs, and no thread or timer left running."""

from __future__ import annotations

import gc
import os
import warnings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["KNOWHOW_NO_DIALOGS"] = "1"
os.environ["KNOWHOW_UI_LANGUAGE"] = "en"  # whatever this machine's locale: tests that want Korean ask for it

import pytest  # noqa: E402

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)


def _live_qt_objects() -> tuple[list[str], list[str]]:
    from PySide6.QtCore import QThread, QTimer

    threads, timers = [], []
    main = QThread.currentThread()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # isinstance() on some lazy modules' objects warns
        objects = gc.get_objects()
    for obj in objects:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                is_thread, is_timer = isinstance(obj, QThread), isinstance(obj, QTimer)
            if is_thread and obj is not main and obj.isRunning():
                threads.append(obj.objectName() or type(obj).__name__)
            elif is_timer and obj.isActive():
                timers.append(obj.objectName() or repr(obj))
        except RuntimeError:  # the C++ object is already gone
            continue
    return threads, timers


@pytest.fixture(scope="session", autouse=True)
def app_catalogue(qapp):
    """The app's English catalogue, as `build_app` installs it (plural forms: "1 step", "2 steps")."""
    from capture_app import i18n

    i18n.install(qapp, "en")
    yield
    i18n.uninstall(qapp)


@pytest.fixture(autouse=True)
def no_leftover_threads(qapp):
    """Fail a test that leaves a QThread running or a QTimer active."""
    from capture_app import messages

    messages.clear_history()
    yield
    from capture_app import workers

    workers.stop_all(timeout_ms=60000)
    qapp.processEvents()
    threads, timers = _live_qt_objects()
    messages.uninstall()
    assert not threads, f"QThreads still running after the test: {threads}"
    assert not timers, f"QTimers still active after the test: {timers}"


@pytest.fixture
def tiny_library(tmp_path):
    """A library with one session: a 6 s generated video and three steps (no vectors)."""
    from tests.gui.tiny import make_tiny_library

    return make_tiny_library(tmp_path / "tiny")
