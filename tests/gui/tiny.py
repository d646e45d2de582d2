"""A tiny library built directly through the catalog: a generated video and three steps."""

from __future__ import annotations

import hashlib
from pathlib import Path

TINY_SESSION = "tiny0001"
TINY_STEPS = [  # start, end, title, category, tools, tips, warnings, status
    (0.0, 2.0, "Lock out the press", "safety", ["padlock"], [], ["Never skip the lockout"], "approved"),
    (2.0, 4.0, "Loosen the clamp bolts", "setup", ["torque wrench"], ["Work corner to corner"], [],
     "proposed"),
    (4.0, 6.0, "Lift the die out", "operation", ["crane"], [], [], "proposed"),
]


def make_video(path: Path, seconds: float = 6.0, fps: int = 10) -> Path:
    """A small H.264 + AAC file whose brightness changes per step (PyAV)."""
    import av
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w") as c:
        v = c.add_stream("libx264", rate=fps)
        v.width, v.height, v.pix_fmt = 160, 96, "yuv420p"
        a = c.add_stream("aac", rate=16000)
        a.layout = "mono"
        n = int(seconds * fps)
        for i in range(n):
            level = 40 + 80 * int(i / fps // 2)
            frame = av.VideoFrame.from_ndarray(np.full((96, 160, 3), level, np.uint8), format="rgb24")
            for pkt in v.encode(frame):
                c.mux(pkt)
        for pkt in v.encode():
            c.mux(pkt)
        t = np.arange(int(seconds * 16000)) / 16000.0
        samples = (0.1 * np.sin(2 * np.pi * 440 * t)).astype(np.float32).reshape(1, -1)
        for i in range(0, samples.shape[1], 1024):
            af = av.AudioFrame.from_ndarray(samples[:, i:i + 1024], format="flt", layout="mono")
            af.sample_rate = 16000
            for pkt in a.encode(af):
                c.mux(pkt)
        for pkt in a.encode():
            c.mux(pkt)
    return path


def make_tiny_library(root: Path):
    """Build the library at `root` and return it (a `Library`)."""
    from indexing.library import Library
    from indexing.models import ProcedureDraft, Segment, StepDraft, Transcript, Word

    lib = Library(root)
    media = make_video(lib.media_dir(TINY_SESSION) / "source.mp4")
    lib.db["sessions"].insert({
        "session_id": TINY_SESSION, "sha256": hashlib.sha256(media.read_bytes()).hexdigest(),
        "title": "Die change, press 4", "expert": "Kim Min-jun", "workstation": "P4",
        "process": "Stamping", "language": "en", "consent": 1, "media_path": lib.relative(media),
        "duration": 6.0, "has_video": 1, "fps": 10.0, "status": "ready",
        "created_at": "2026-01-05T09:30:00+00:00",
    })
    words = [Word(i * 0.5, i * 0.5 + 0.4, f" word{i}") for i in range(12)]
    lib.save_transcript(TINY_SESSION, Transcript("en", 6.0, (
        Segment(0.0, 3.0, " ".join(w.word.strip() for w in words[:6]), tuple(words[:6])),
        Segment(3.0, 6.0, " ".join(w.word.strip() for w in words[6:]), tuple(words[6:])),
    )))
    lib.replace_steps(
        TINY_SESSION,
        [ProcedureDraft(0, "Die change", 0.0, 6.0)],
        [StepDraft(0, i, s, e, f"text of step {i + 1}", title=t, category=c, tools=list(tl), tips=list(tp),
                   warnings=list(w)) for i, (s, e, t, c, tl, tp, w, _st) in enumerate(TINY_STEPS)],
    )
    for i, row in enumerate(TINY_STEPS):
        if row[7] != "proposed":
            lib.update_step(Library.step_id(TINY_SESSION, 0, i), status=row[7])
    return lib
