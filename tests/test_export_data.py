"""A small real library for the export tests, built straight through `Library`.

Recordings are generated with PyAV: H.264 video (a real face photograph,
`skimage.data.astronaut()`, placed on a textured background) and an AAC tone.
Sessions, transcripts and steps are written with the catalog's own methods,
so these tests do not depend on the ingest pipeline.
"""

from __future__ import annotations

import hashlib
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from indexing.library import Library
from indexing.models import ProcedureDraft, Segment, StepDraft, Transcript, Word

EXPERTS = {"sess-a": "Hans Becker", "sess-b": "Hans Becker", "sess-c": "Maria Lopez"}
CONFIDENTIAL = ["Recipe X7", "Acme Corp"]
FPS = 10
SIZE = (320, 240)
DURATION = 6.0
FACE_AT = (40, 40)  # top-left of the photograph in the frame; it drifts right by up to 9 px
FACE_REGION = (40, 40, 40 + 108 + 9, 40 + 120)  # x0, y0, x1, y1 the photograph can cover


def face_image(size: int = 120) -> np.ndarray:
    """The astronaut photograph's head and shoulders, as BGR."""
    import cv2
    from skimage import data

    img = data.astronaut()[30:330, 110:380]  # the face with margin
    img = cv2.resize(img, (size * 270 // 300, size))
    return np.ascontiguousarray(img[:, :, ::-1])


def make_recording(path: Path, *, duration: float = DURATION, face: bool = True,
                   metadata_name: str = "", seed: int = 7) -> None:
    """Write an MP4 with a face (or none), a moving bar and a 440 Hz tone."""
    import av

    w, h = SIZE
    rng = np.random.default_rng(seed)
    # A smooth workshop-grey gradient with mild grain (coarse noise makes detectors see faces).
    ramp = np.linspace(70, 140, w, dtype=np.float32)[None, :, None] + np.linspace(0, 30, h)[:, None, None]
    bg = np.clip(ramp + rng.normal(0, 3, size=(h, w, 3)), 0, 255).astype(np.uint8)
    fimg = face_image()
    with av.open(str(path), "w", format="mp4") as out:
        if metadata_name:
            out.metadata["artist"] = metadata_name
            out.metadata["title"] = f"Recorded by {metadata_name}"
        vs = out.add_stream("libx264", rate=FPS)
        vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p"
        vs.options = {"g": str(FPS), "preset": "ultrafast"}
        a = out.add_stream("aac", rate=16000)
        a.layout = "mono"
        for i in range(int(duration * FPS)):
            frame = bg.copy()
            x = (i * 7) % (w - 20)
            frame[h - 30 : h - 10, x : x + 20] = (0, 200, 255)
            if face:
                fx = FACE_AT[0] + (i % 10)
                frame[FACE_AT[1] : FACE_AT[1] + fimg.shape[0], fx : fx + fimg.shape[1]] = fimg
            vf = av.VideoFrame.from_ndarray(frame, format="bgr24")
            vf.pts, vf.time_base = i, Fraction(1, FPS)
            out.mux(vs.encode(vf))
        out.mux(vs.encode(None))
        n = int(duration * 16000)
        tone = (0.2 * np.sin(2 * np.pi * 440 * np.arange(n) / 16000)).astype(np.float32)
        for lo in range(0, n, 1024):
            af = av.AudioFrame.from_ndarray(tone[None, lo : lo + 1024], format="fltp", layout="mono")
            af.sample_rate, af.pts, af.time_base = 16000, lo, Fraction(1, 16000)
            out.mux(a.encode(af))
        out.mux(a.encode(None))


NARRATION = [
    # (start, end, text) per step; words get even timings inside.
    (0.0, 2.0, "Hans Becker locks out the press first."),
    (2.0, 4.0, "Load Recipe X7 for the Acme Corp part."),
    (4.0, 6.0, "Ask maria lopez to check the clamp torque."),
]


def _words(start: float, end: float, text: str) -> tuple[Word, ...]:
    toks = text.split()
    step = (end - start) / len(toks)
    return tuple(Word(round(start + i * step, 3), round(start + (i + 1) * step, 3), " " + t, 0.9)
                 for i, t in enumerate(toks))


def add_session(lib: Library, sid: str, expert: str, *, day: str, face: bool = True,
                statuses: tuple[str, ...] = ("approved", "approved", "proposed")) -> None:
    """One 6-second session with three steps (statuses as given)."""
    folder = lib.media_dir(sid)
    folder.mkdir(parents=True, exist_ok=True)
    media = folder / "recording.mp4"
    make_recording(media, face=face, metadata_name=expert, seed=int(hashlib.sha256(sid.encode()).hexdigest()[:6], 16))
    sha = hashlib.sha256(media.read_bytes()).hexdigest()
    with lib.writing("test"), lib.transaction() as db:
        db["sessions"].insert({
            "session_id": sid, "title": f"Die change with {expert}", "expert": expert,
            "workstation": "Press 4", "process": "die change", "language": "en", "consent": 1,
            "consent_ref": f"consent form {expert} 2024", "source_path": str(media),
            "media_path": lib.relative(media), "sha256": sha, "duration": DURATION, "has_video": 1,
            "fps": float(FPS), "width": SIZE[0], "height": SIZE[1], "status": "done",
            "created_at": f"{day}T09:00:00+00:00", "updated_at": f"{day}T09:00:00+00:00",
            "asr_model": "tiny.en", "embed_model": "all-MiniLM-L6-v2", "licence": "cc-by-4.0",
        })
    segs = tuple(Segment(s, e, t, _words(s, e, t)) for s, e, t in NARRATION)
    with lib.writing("test"):
        lib.save_transcript(sid, Transcript("en", DURATION, segs, "tiny.en"))
        steps = [StepDraft(0, i, s, e, t, title=f"Step {i + 1} for {expert}",
                           category=("safety", "setup", "inspection")[i],
                           tools=["torque wrench", "Acme Corp clamp"] if i == 1 else ["lockout tag"],
                           tips=["Recipe X7 needs 5 bar"] if i == 1 else [],
                           keyframe_t=s + 1.0)
                 for i, (s, e, t) in enumerate(NARRATION)]
        lib.replace_steps(sid, [ProcedureDraft(0, "Change the die on Press 4", 0.0, DURATION)], steps)
        for i, st in enumerate(statuses):
            lib.update_step(Library.step_id(sid, 0, i), status=st)


def build_library(root: Path, face: bool = True) -> Library:
    lib = Library(root)
    days = {"sess-a": "2024-03-01", "sess-b": "2024-03-02", "sess-c": "2024-04-10"}
    for sid, expert in EXPERTS.items():
        add_session(lib, sid, expert, day=days[sid], face=face)
    lib.add_terms(CONFIDENTIAL, confidential=True)
    lib.add_terms(["torque wrench"])
    return lib


@pytest.fixture(scope="module")
def export_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return build_library(tmp_path_factory.mktemp("lib") / "library")


def test_fixture_recording_shows_a_detectable_face(tmp_path: Path) -> None:
    """The generated recording really contains a face the detector finds (so blur tests mean something)."""
    from indexing.export.clips import frame_at
    from indexing.export.faces import FaceBlurrer

    make_recording(tmp_path / "r.mp4", duration=1.0)
    frame = frame_at(tmp_path / "r.mp4", 0.5)
    assert frame is not None and frame.shape == (SIZE[1], SIZE[0], 3)
    assert len(FaceBlurrer().detect(frame)) >= 1
