"""The Export view: options set through its widgets, a real export in a worker, cancel, errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, QSpinBox

from capture_app import messages
from capture_app.views.export_view import ExportView, suggest_export_folder
from indexing.export import ExportOptions, import_bundle, verify_export
from indexing.library import Library
from tests.gui.tiny import TINY_SESSION

EXPORT_TIMEOUT_MS = 120_000


@pytest.fixture
def view(qtbot, tiny_library):
    v = ExportView(tiny_library)
    qtbot.addWidget(v)
    v.resize(1280, 700)
    yield v
    v.shutdown()


def _run(qtbot, view: ExportView) -> str:
    """Press Export and wait for the worker; returns how it ended."""
    with qtbot.waitSignal(view.export_ended, timeout=EXPORT_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.task is None, timeout=5000)
    return blocker.args[0]


def _pick(box: QComboBox, value: str) -> None:
    box.setCurrentIndex(box.findData(value))


def test_filters_come_from_the_library_and_defaults_are_safe(view):
    assert [view.filter_boxes["workstation"].itemData(i) for i in range(view.filter_boxes["workstation"].count())] == ["", "P4"]
    assert [view.filter_boxes["process"].itemText(i) for i in range(view.filter_boxes["process"].count())] == ["Any process", "Stamping"]
    assert [view.filter_boxes["expert"].itemData(i) for i in range(view.filter_boxes["expert"].count())] == ["", "Kim Min-jun"]
    assert view.from_date.date() == QDate(2026, 1, 5)
    opts = view.options()
    assert (opts.status, opts.formats, opts.media, opts.anonymize, opts.blur_faces, opts.drop_audio) == (
        "approved", ("jsonl", "hf"), "clips", True, True, False)
    assert (opts.split_by, opts.ratios, opts.workstations, opts.date_from) == ("session", (0.8, 0.1, 0.1), (), "")


def test_preview_counts_follow_the_selection(view):
    assert view.preview == {"steps": 1, "sessions": 1, "seconds": 2.0}
    assert "1</span> step from <b>1</b> session" in view.preview_label.text()
    assert "(0:02)" in view.preview_label.text()
    view.status_buttons["any"].setChecked(True)
    assert view.preview == {"steps": 3, "sessions": 1, "seconds": 6.0}
    _pick(view.filter_boxes["category"], "setup")
    assert view.preview == {"steps": 1, "sessions": 1, "seconds": 2.0}
    _pick(view.filter_boxes["category"], "")
    _pick(view.filter_boxes["workstation"], "P4")
    assert view.preview["steps"] == 3
    view.from_check.setChecked(True)
    view.from_date.setDate(QDate(2026, 1, 6))
    assert view.preview == {"steps": 0, "sessions": 0, "seconds": 0.0}
    assert view.options().date_from == "2026-01-06"
    assert not view.export_button.isEnabled()
    assert view.preview_label.text().startswith("No step matches")
    view.from_check.setChecked(False)
    assert view.preview["steps"] == 3 and view.export_button.isEnabled()


def test_export_runs_in_a_worker_verifies_and_shows_counts(qtbot, view, tmp_path):
    out = tmp_path / "training-set"
    view.status_buttons["any"].setChecked(True)
    view.format_boxes["hf"].setChecked(False)
    view.format_boxes["parquet"].setChecked(True)
    view.media_buttons["keyframes"].setChecked(True)
    view.ratio_boxes["train"].setValue(70)
    view.ratio_boxes["validation"].setValue(20)
    view.out_edit.setText(str(out))
    assert view.options().ratios == (0.7, 0.2, 0.1)

    assert _run(qtbot, view) == "done"
    assert [m for m in messages.history() if m.level != "info"] == []
    assert (out / "manifest.json").is_file() and (out / "README.md").is_file()
    check = verify_export(out)
    assert check.ok
    assert sorted(p.name for p in (out / "data").iterdir()) == ["train.jsonl", "train.parquet"]
    assert len(list((out / "keyframes").glob("*.jpg"))) == 3
    assert not (out / "clips").exists()
    lines = (out / "data" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["title"] for r in records] == ["Lock out the press", "Loosen the clamp bolts", "Lift the die out"]
    # Anonymized by default: the expert's name and the session id never leave.
    assert all(r["expert"] != "Kim Min-jun" and r["session_id"] != TINY_SESSION for r in records)
    assert "Kim" not in (out / "data" / "train.jsonl").read_text(encoding="utf-8")

    res = view.result
    assert (res.out, res.steps, res.sessions, res.splits, res.media_seconds) == (
        str(out), 3, 1, {"train": 3}, 6.0)
    assert view.verify.ok and view.verify.checked == check.checked == res.files - 1
    assert not view.result_panel.isHidden()
    assert view.result_label.text().startswith(
        f"<b>3</b> steps from <b>1</b> session (train 3), 0:06 of recording, {res.files} files with the manifest")
    assert f"all {check.checked} files match the manifest" in view.verify_label.text()
    assert view.progress_bar.value() == 1000
    assert messages.history()[-1].text == f"Exported 3 steps to {out}"
    assert view.export_button.isEnabled() and not view.cancel_button.isEnabled()


def test_cancel_leaves_nothing_behind(qtbot, view, tmp_path):
    out = tmp_path / "cancelled"
    view.status_buttons["any"].setChecked(True)
    view.out_edit.setText(str(out))
    with qtbot.waitSignal(view.export_ended, timeout=EXPORT_TIMEOUT_MS) as blocker:
        task = view.start_export()
        assert task is not None and view.cancel_button.isEnabled() and not view.export_button.isEnabled()
        qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["cancelled"]
    qtbot.waitUntil(lambda: view.task is None, timeout=5000)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tiny"]
    assert messages.history() == []
    assert view.progress_label.text() == "Export cancelled; nothing was written."
    assert view.result is None and view.result_panel.isHidden()
    assert view.export_button.isEnabled()


def test_bad_output_folder_goes_to_the_message_channel(qtbot, view, tmp_path):
    view.out_edit.setText("")
    assert view.start_export() is None
    assert messages.history()[-1] == messages.Message(
        "warning", "Cannot export: type a folder or press Choose….")

    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("keep me", encoding="utf-8")
    view.out_edit.setText(str(busy))
    assert _run(qtbot, view) == "failed"
    errors = [m for m in messages.history() if m.level == "error"]
    assert len(errors) == 1
    assert errors[0].text == (f"Export: {busy} already exists and is not empty "
                              "(choose another folder or overwrite)")
    assert sorted(p.name for p in busy.iterdir()) == ["notes.txt"]
    assert view.result is None and view.result_panel.isHidden()

    messages.clear_history()
    view.format_boxes["jsonl"].setChecked(False)
    view.format_boxes["hf"].setChecked(False)
    assert view.start_export() is None
    assert [m.level for m in messages.history()] == ["warning"]
    assert messages.history()[0].text.startswith("Cannot export: unknown export format (none)")


def test_encrypted_bundle_with_a_passphrase(qtbot, view, tmp_path):
    bundle = tmp_path / "to-central"
    view.dest_buttons["bundle"].setChecked(True)
    assert not view.bundle_panel.isHidden() and not view.pass_edit.isHidden()
    assert view.recipient_edit.isHidden()
    view.media_buttons["none"].setChecked(True)
    view.out_edit.setText(str(bundle))
    view.pass_edit.setText("press four die")
    view.pass2_edit.setText("press four dye")
    assert view.start_export() is None
    assert messages.history()[-1].text == "Cannot export: the two passphrases differ; type them again."

    view.pass2_edit.setText("press four die")
    assert _run(qtbot, view) == "done"
    target = tmp_path / "to-central.khb"
    assert view.out_edit.text() == str(target)
    assert target.is_file() and view.result.out == str(target) and view.result.steps == 1
    assert view.verify is None
    assert view.result_title.text() == "Bundle written"

    other = Library(tmp_path / "central")
    res = import_bundle(other, target, passphrase="press four die", reindex=False)
    assert (len(res.added), res.steps) == (1, 1)
    assert [s.title for s in other.all_steps()] == ["Lock out the press"]


def test_recipient_key_mode_needs_a_key(view, tmp_path):
    view.dest_buttons["bundle"].setChecked(True)
    view.key_buttons["recipient"].setChecked(True)
    assert view.pass_edit.isHidden() and not view.recipient_edit.isHidden()
    view.out_edit.setText(str(tmp_path / "b.khb"))
    assert view.start_export() is None
    assert messages.history()[-1].text.startswith("Cannot export: paste the recipient's public key")


def test_every_control_is_a_touch_target(qtbot, view):
    view.show()
    qtbot.waitExposed(view)
    view.dest_buttons["bundle"].setChecked(True)
    controls = [w for cls in (QAbstractButton, QComboBox, QLineEdit, QSpinBox, QDateEdit)
                for w in view.findChildren(cls) if w.isVisible() and w.parent() is not None
                and not isinstance(w.parent(), (QSpinBox, QDateEdit, QComboBox))]
    assert len(controls) >= 30
    small = [(type(w).__name__, w.objectName() or getattr(w, "text", lambda: "")(), w.height())
             for w in controls if w.height() < 48]
    assert small == []


def test_suggest_export_folder(tmp_path):
    day = dt.date(2026, 3, 9)
    assert suggest_export_folder(tmp_path / "new", day) == tmp_path / "new"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert suggest_export_folder(empty, day) == empty
    (tmp_path / "knowhow-export-2026-03-09").mkdir()
    assert suggest_export_folder(tmp_path, day) == tmp_path / "knowhow-export-2026-03-09-2"


def test_options_match_the_core_defaults_where_the_ui_does_not_differ(view):
    core, ui = ExportOptions(), view.options()
    same = ("formats", "media", "status", "split_by", "ratios", "seed", "shard_size", "include_sessions")
    assert {k: getattr(ui, k) for k in same} == {k: getattr(core, k) for k in same}
