"""`FaceTrack`: which frames the detector sees and which boxes each frame gets (pure logic)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from indexing.export.faces import merged
from indexing.export.tracking import FaceTrack, bridge, hull

A = (10, 10, 20, 20)
B = (60, 10, 20, 20)  # the same face 50 px further right
FAR = (200, 150, 20, 20)  # a second face, too far from A to be the same one


class Script:
    """A detector that answers from a script (frame index -> boxes) and remembers its calls."""

    def __init__(self, boxes: dict[int, list], full_only: dict[int, list] | None = None) -> None:
        self.boxes = boxes
        self.full_only = full_only or {}
        self.calls: list[tuple[int, bool]] = []

    def __call__(self, gray: np.ndarray, full: bool) -> list:
        i = int(gray[0, 0])
        self.calls.append((i, full))
        return list(self.boxes.get(i, [])) + (list(self.full_only.get(i, [])) if full else [])


def run(track: FaceTrack, n: int) -> dict[int, list]:
    """Push n grey frames whose first pixel holds their index; returns boxes blurred per frame."""
    seen: dict[int, list] = {}
    track._blur = lambda frame, boxes: seen.__setitem__(int(frame[0, 0]), sorted(boxes))
    order = []
    for i in range(n):
        g = np.full((4, 4), i, np.uint8)
        order += [p for _, p in track.push(g, g, i)]
    order += [p for _, p in track.flush()]
    assert order == list(range(n))  # every frame comes back once, in order
    return seen


def test_hull_bridge_and_merge() -> None:
    assert hull(A, B) == (10, 10, 70, 20)
    assert bridge([A], [B, FAR]) == [(10, 10, 70, 20)]
    assert bridge([A], [FAR]) == []  # too far apart to be one face moving
    assert merged([(0, 0, 10, 10), (5, 5, 20, 20), (30, 30, 40, 40), (0, 0, 10, 10)]) == [
        (0, 0, 20, 20), (30, 30, 40, 40)]
    assert merged([(0, 0, 10, 10), (10, 0, 20, 10)]) == [(0, 0, 10, 10), (10, 0, 20, 10)]  # touching only


def test_detects_every_nth_frame_and_the_last() -> None:
    det = Script({})
    track = FaceTrack(det, lambda f, b: None, every=5, scene_change=None)
    assert run(track, 12) == {}
    assert det.calls == [(0, True), (5, True), (10, True), (11, True)]
    assert track.looked_at == det.calls


def test_moving_face_is_covered_between_looks() -> None:
    det = Script({0: [A], 5: [B], 10: [B]})
    seen = run(FaceTrack(det, lambda f, b: None, every=5, scene_change=None), 11)
    between = sorted([A, B, hull(A, B)])
    assert all(seen[i] == between for i in (1, 2, 3, 4))
    assert seen[0] == between  # a look also takes the boxes of the next look
    assert seen[5] == between  # ... and of the previous one
    assert all(seen[i] == [B] for i in (6, 7, 8, 9, 10))


def test_a_missed_look_does_not_let_the_face_through() -> None:
    det = Script({0: [A], 10: [A]})  # the look at frame 5 misses the face
    seen = run(FaceTrack(det, lambda f, b: None, every=5, scene_change=None), 11)
    assert sorted(seen) == list(range(11)) and all(seen[i] == [A] for i in range(11))


def test_full_looks_every_third_and_what_only_they_see_stays_covered() -> None:
    det = Script({}, full_only={0: [A], 15: [A], 20: [A]})  # e.g. a profile only the full look finds
    track = FaceTrack(det, lambda f, b: None, every=5, full_every=3, scene_change=None)
    seen = run(track, 21)
    assert det.calls == [(0, True), (5, False), (10, False), (15, True), (20, False)]
    assert sorted(seen) == list(range(21)) and all(seen[i] == [A] for i in range(21))


def test_scene_change_triggers_a_full_look() -> None:
    det = Script({})
    track = FaceTrack(det, lambda f, b: None, every=5, full_every=3)
    frames = [np.full((18, 32), 10, np.uint8)] * 3 + [np.full((18, 32), 200, np.uint8)] * 6
    for i, f in enumerate(frames):
        g = f.copy()
        g[0, 0] = i
        track.push(g, g, i)
    track.flush()
    assert det.calls == [(0, True), (3, True), (8, False)]


def test_worker_thread_gives_the_same_result() -> None:
    boxes = {0: [A], 5: [B], 10: [FAR], 15: [], 20: [B]}
    plain = run(FaceTrack(Script(boxes), lambda f, b: None, every=5, full_every=2, scene_change=None), 23)
    with ThreadPoolExecutor(max_workers=1) as pool:
        threaded = run(FaceTrack(Script(boxes), lambda f, b: None, every=5, full_every=2, scene_change=None,
                                 executor=pool), 23)
    assert threaded == plain and plain[12] == sorted([FAR, B])  # full looks 10 and 20 span it


@pytest.mark.parametrize("n", [1, 2, 5, 6])
def test_short_clips(n: int) -> None:
    det = Script({0: [A]})
    seen = run(FaceTrack(det, lambda f, b: None, every=5, scene_change=None), n)
    assert [c[0] for c in det.calls] == sorted({0, n - 1} | ({5} if n > 5 else set()))
    assert seen[0] == [A] and seen[n - 1] == [A]
