"""Views over a library the real pipeline built (the bundled sample, ingested once per test session)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from capture_app import messages
from tests.conftest import SAMPLE

pytest.importorskip("indexing.pipeline")

EDIT_TIMEOUT_MS = 180_000


@pytest.fixture
def review(qtbot, copy_library):
    from capture_app.views.review_view import ReviewView

    view = ReviewView(copy_library)
    qtbot.addWidget(view)
    view.load_session(copy_library.sample_session_id)
    yield view
    view.shutdown()


def test_review_edit_persists_reindexes_and_undoes(qtbot, review, copy_library):
    from indexing.search import search

    lib = copy_library
    review.select_step(2, seek=False)
    step = review.current_step()
    review.title_edit.setText("Grease the zebra gearbox")
    review.tools_edit.setText("grease gun, rag")
    with qtbot.waitSignal(review.tasks.idle, timeout=EDIT_TIMEOUT_MS):
        qtbot.mouseClick(review.save_button, Qt.MouseButton.LeftButton)
    assert messages.history() == []
    stored = lib.step(step.step_id)
    assert (stored.title, stored.tools) == ("Grease the zebra gearbox", ("grease gun", "rag"))
    assert review.timeline.blocks[2].title == "Grease the zebra gearbox"
    hits = search(lib, "zebra gearbox", k=3)
    assert (hits[0].step_id, hits[0].title) == (step.step_id, "Grease the zebra gearbox")

    with qtbot.waitSignal(review.tasks.idle, timeout=EDIT_TIMEOUT_MS):
        qtbot.mouseClick(review.undo_button, Qt.MouseButton.LeftButton)
    assert lib.step(step.step_id).title == step.title
    assert all(h.title != "Grease the zebra gearbox" for h in search(lib, "zebra gearbox", k=3))


def test_split_merge_approve_and_undo(qtbot, review, copy_library):
    from indexing.review import snapshot_steps

    lib, sid = copy_library, copy_library.sample_session_id
    before = snapshot_steps(lib, sid)
    n = len(before)
    review.select_step(1)
    s = review.current_step()
    mid = round((s.start + s.end) / 2, 1)
    review.player.seek(mid)
    qtbot.waitUntil(lambda: abs(review.player.position() - mid) < 0.05, timeout=10000)
    with qtbot.waitSignal(review.tasks.idle, timeout=EDIT_TIMEOUT_MS):
        qtbot.mouseClick(review.split_button, Qt.MouseButton.LeftButton)
    steps = lib.steps(sid)
    assert len(steps) == n + 1
    assert (steps[1].start, steps[1].end, steps[2].start, steps[2].end) == (s.start, mid, mid, s.end)

    review.select_step(1, seek=False)
    with qtbot.waitSignal(review.tasks.idle, timeout=EDIT_TIMEOUT_MS):
        qtbot.mouseClick(review.merge_button, Qt.MouseButton.LeftButton)
    assert [(x.start, x.end) for x in lib.steps(sid)] == [(r["start"], r["end"]) for r in before]

    with qtbot.waitSignal(review.tasks.idle, timeout=EDIT_TIMEOUT_MS):
        qtbot.mouseClick(review.approve_all_button, Qt.MouseButton.LeftButton)
    assert {x.status for x in lib.steps(sid)} == {"approved"}

    for _ in range(3):
        with qtbot.waitSignal(review.tasks.idle, timeout=EDIT_TIMEOUT_MS):
            review.undo_stack.undo()
    assert snapshot_steps(lib, sid) == before


def test_a_refused_split_shows_a_message_and_leaves_no_undo_entry(qtbot, review, copy_library):
    review.select_step(1)
    s = review.current_step()
    t = s.start + 0.2  # too close to the step's start
    review.player.seek(t)
    qtbot.waitUntil(lambda: abs(review.player.position() - t) < 0.05, timeout=10000)
    with qtbot.waitSignal(review.tasks.idle, timeout=EDIT_TIMEOUT_MS):
        review.split_at_playhead()
    assert messages.history()[-1].level == "error"
    assert "cannot split at" in messages.history()[-1].text
    assert len(copy_library.steps(copy_library.sample_session_id)) == len(review.steps)
    assert not review.undo_stack.canUndo()


def test_player_tells_when_the_frame_of_a_seek_is_shown(qtbot, review):
    from capture_app.screenshots import view_settled

    review.resize(1280, 760)
    review.show()
    player = review.player
    qtbot.waitUntil(player.shows_position, timeout=30000)
    assert not player.video.image.isNull() and view_settled(review)
    mid = round(player.duration() / 2, 1)
    player.seek(mid)
    assert not player.shows_position() and not view_settled(review)  # the old frame is still on screen
    qtbot.waitUntil(player.shows_position, timeout=30000)
    assert abs(player.position() - mid) < 0.5 and view_settled(review)
    player.unload()
    assert player.shows_position()  # nothing to show


def test_search_opens_the_player_at_the_step_start(qtbot, copy_library):
    from capture_app.views.search_view import SearchView

    view = SearchView(copy_library)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    try:
        with qtbot.waitSignal(view.results_ready, timeout=EDIT_TIMEOUT_MS):
            view.run_search("how do I lock out the press")
        assert view.hits and len(view.cards) == len(view.hits)
        hit = view.hits[1] if len(view.hits) > 1 else view.hits[0]
        card = view.cards[view.hits.index(hit)]
        with qtbot.waitSignal(view.player.seeked, timeout=30000) as sig:
            qtbot.mouseClick(card.play_button, Qt.MouseButton.LeftButton)
        assert abs(sig.args[0] - hit.start) <= 0.1
        assert view.current == hit
        step = copy_library.step(hit.step_id)
        for text in (*step.tips, *step.warnings):
            assert text in view.tips_label.text()

        view.approved_box.setChecked(True)
        with qtbot.waitSignal(view.results_ready, timeout=EDIT_TIMEOUT_MS) as sig:
            view.run_search("how do I lock out the press")
        assert sig.args == [0]  # nothing in the sample is approved yet
        assert view.status.text().startswith("Nothing found for “how do I lock out the press”.")
    finally:
        view.shutdown()


def test_search_of_an_empty_library_says_why_nothing_is_found(qtbot, tmp_path):
    from capture_app.views.search_view import SearchView
    from indexing.library import Library

    view = SearchView(Library(tmp_path / "empty"))
    qtbot.addWidget(view)
    try:
        with qtbot.waitSignal(view.results_ready, timeout=EDIT_TIMEOUT_MS) as sig:
            view.run_search("how do I lock out the press")
        assert sig.args == [0]
        assert view.status.text().startswith("The library has no steps to search yet")
    finally:
        view.shutdown()


def test_ingest_queue_with_the_real_pipeline(qtbot, copy_library, tmp_path):
    from capture_app.views.library_view import LibraryView
    from capture_app.workers import IngestQueue

    queue = IngestQueue(copy_library)
    view = LibraryView(copy_library, queue)
    qtbot.addWidget(view)
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"this is not a video at all" * 100)
    with qtbot.waitSignal(queue.idle, timeout=EDIT_TIMEOUT_MS):
        assert view.import_files([str(SAMPLE), str(broken)]) == 2
    assert [(i.name, i.state) for i in queue.items] == [("die_change.mp4", "done"), ("broken.mp4", "failed")]
    assert queue.items[0].text == "already in the library"
    assert queue.items[0].session_id == copy_library.sample_session_id
    assert messages.history()[-1].level == "error"
    assert messages.history()[-1].text.startswith("Import broken.mp4: ")
    assert [r.state.text().startswith("✖") for r in view.ingest_rows] == [False, True]
    assert view.model.rowCount() == 1
