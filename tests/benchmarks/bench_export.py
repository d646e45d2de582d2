"""Export throughput, with and without face blur, and clip cutting vs `ffmpeg -c copy`.

Run: `python tests/benchmarks/bench_export.py [--sessions 3] [--seconds 60] [--step 6]`.
Builds a library of generated recordings (a real face photograph on a workshop
background, H.264 + AAC, key frame every second) cut into fixed-length approved
steps, then measures, in the same run:

- export of every step with clips + keyframes, no blur (stream copy),
- the same with face blur (decode, detect, blur, re-encode),
- PyAV stream-copy clip cutting alone vs `ffmpeg -ss S -t D -i src -c copy` per step,
- face blur on a 1280x720 25 fps recording where the photograph crosses the frame
  (`--hd-seconds`, 0 skips it): a plain decode + encode of the same clip (the floor
  any blur pays), and the blurred cut, wall clock and process CPU time.

`--old REV` also times the face blur of git revision REV (e.g. the commit before the
tracking blur) on the 720p clip in the same run, by loading its `faces.py` and
`clips.py` from `git show`.

Prints one JSON document with steps/s and media hours per hour for each.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from test_export_data import face_image, make_recording  # noqa: E402

from indexing.export import ExportOptions, clips, export  # noqa: E402
from indexing.export.clips import cut_clip  # noqa: E402
from indexing.export.faces import FaceBlurrer  # noqa: E402
from indexing.library import Library  # noqa: E402
from indexing.models import ProcedureDraft, StepDraft  # noqa: E402


def build(root: Path, sessions: int, seconds: float, step: float) -> Library:
    import hashlib

    lib = Library(root)
    for i in range(sessions):
        sid = f"bench-{i}"
        media = lib.media_dir(sid) / "recording.mp4"
        media.parent.mkdir(parents=True, exist_ok=True)
        make_recording(media, duration=seconds, seed=100 + i, metadata_name="Bench Expert")
        sha = hashlib.sha256(media.read_bytes()).hexdigest()
        with lib.writing("bench"), lib.transaction() as db:
            db["sessions"].insert({"session_id": sid, "title": "bench", "expert": f"Expert {i % 2}",
                                   "workstation": "Press 4", "language": "en", "consent": 1,
                                   "media_path": lib.relative(media), "sha256": sha, "duration": seconds,
                                   "has_video": 1, "fps": 10.0, "status": "approved",
                                   "created_at": "2024-01-01T00:00:00+00:00"})
        n = int(seconds // step)
        drafts = [StepDraft(0, k, k * step, (k + 1) * step, f"step {k}", title=f"Step {k}") for k in range(n)]
        lib.replace_steps(sid, [ProcedureDraft(0, "bench", 0.0, seconds)], drafts)
        with lib.transaction() as db:
            db.execute("UPDATE steps SET status='approved' WHERE session_id=?", [sid])
    return lib


def timed_export(lib: Library, out: Path, blur: bool) -> dict:
    t = time.perf_counter()
    r = export(lib, ExportOptions(out=str(out), formats=("jsonl", "hf"), anonymize=blur, blur_faces=blur),
               audit=False)
    dt = time.perf_counter() - t
    return {"steps": r.steps, "seconds": round(dt, 2), "steps_per_s": round(r.steps / dt, 2),
            "media_hours_per_hour": round(r.media_seconds / dt, 1), "faces_blurred": r.faces_blurred}


def cutting(lib: Library, work: Path) -> dict:
    steps = lib.all_steps()
    media = {s.session_id: lib.session(s.session_id).media_path for s in steps}
    work.mkdir()
    t = time.perf_counter()
    for s in steps:
        cut_clip(media[s.session_id], s.start, s.end, work / f"{s.step_id}.mp4")
    pyav = time.perf_counter() - t
    t = time.perf_counter()
    for s in steps:
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", f"{s.start:.3f}", "-t", f"{s.end - s.start:.3f}",
                        "-i", media[s.session_id], "-c", "copy", str(work / f"ff-{s.step_id}.mp4")],
                       check=True)
    ff = time.perf_counter() - t
    media_s = sum(s.end - s.start for s in steps)
    return {"clips": len(steps),
            "pyav_copy": {"seconds": round(pyav, 2), "clips_per_s": round(len(steps) / pyav, 1),
                          "media_hours_per_hour": round(media_s / pyav, 1)},
            "ffmpeg_c_copy": {"seconds": round(ff, 2), "clips_per_s": round(len(steps) / ff, 1),
                              "media_hours_per_hour": round(media_s / ff, 1)}}


def make_hd(path: Path, seconds: float, fps: int = 25) -> None:
    """1280x720 H.264: a workshop-grey gradient, the photograph (270 px high) crossing it."""
    from fractions import Fraction

    import av
    import numpy as np

    w, h = 1280, 720
    rng = np.random.default_rng(5)
    ramp = np.linspace(70, 140, w, dtype=np.float32)[None, :, None] + np.linspace(0, 30, h)[:, None, None]
    bg = np.clip(ramp + rng.normal(0, 3, size=(h, w, 3)), 0, 255).astype(np.uint8)
    face = face_image(270)
    with av.open(str(path), "w", format="mp4") as out:
        vs = out.add_stream("libx264", rate=fps)
        vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p"
        vs.options = {"g": str(2 * fps), "preset": "ultrafast"}
        for i in range(int(seconds * fps)):
            frame = bg.copy()
            x = 100 + (i * 4) % (w - 400)
            frame[200 : 200 + face.shape[0], x : x + face.shape[1]] = face
            vf = av.VideoFrame.from_ndarray(frame, format="bgr24")
            vf.pts, vf.time_base = i, Fraction(1, fps)
            out.mux(vs.encode(vf))
        out.mux(vs.encode(None))


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _timed(media_s: float, fn) -> dict:
    t, c = time.perf_counter(), _cpu()
    fn()
    dt, dc = time.perf_counter() - t, _cpu() - c
    return {"seconds": round(dt, 2), "cpu_seconds": round(dc, 2),
            "media_hours_per_hour": round(media_s / dt, 2), "media_hours_per_cpu_hour": round(media_s / dc, 2)}


def _old_modules(rev: str, work: Path) -> tuple:
    """`FaceBlurrer` and `cut_clip` as they were at git revision `rev`."""
    repo = Path(__file__).resolve().parents[2]
    mods = {}
    for name in ("faces", "clips"):
        src = subprocess.run(["git", "show", f"{rev}:indexing/export/{name}.py"], cwd=repo, check=True,
                             capture_output=True, text=True).stdout
        src = src.replace("from indexing.export.faces import", "from old_faces import")
        (work / f"old_{name}.py").write_text(src)
    sys.path.insert(0, str(work))
    for name in ("faces", "clips"):
        spec = importlib.util.spec_from_file_location(f"old_{name}", work / f"old_{name}.py")
        assert spec is not None and spec.loader is not None
        mods[name] = importlib.util.module_from_spec(spec)
        sys.modules[f"old_{name}"] = mods[name]
        spec.loader.exec_module(mods[name])
    return mods["faces"].FaceBlurrer, mods["clips"].cut_clip


def face_blur_hd(work: Path, seconds: float, old: str | None) -> dict:
    work.mkdir()
    src = work / "hd.mp4"
    make_hd(src, seconds)
    res: dict = {"video": f"1280x720 25 fps H.264, {seconds:g} s, face 270 px high crossing the frame"}
    # Decode + encode with the same settings and no detection: what any blurred clip costs at least.
    res["plain_decode_encode"] = _timed(seconds, lambda: clips._reencode(
        src, 0.0, seconds + 1, work / "plain.mp4", blurrer=None, drop_audio=True, copy_audio=False))
    blur = FaceBlurrer()
    res["face_blur"] = _timed(seconds, lambda: cut_clip(src, 0.0, seconds + 1, work / "blur.mp4", blurrer=blur))
    res["face_blur"]["faces_found"] = blur.faces_found
    if old:
        old_blurrer, old_cut = _old_modules(old, work)
        ob = old_blurrer()
        res[f"face_blur_at_{old}"] = _timed(seconds, lambda: old_cut(src, 0.0, seconds + 1, work / "old.mp4",
                                                                      blurrer=ob))
        res["speedup_vs_old"] = round(res[f"face_blur_at_{old}"]["seconds"] / res["face_blur"]["seconds"], 1)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sessions", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--step", type=float, default=6.0)
    ap.add_argument("--hd-seconds", type=float, default=20.0)
    ap.add_argument("--old", default=None, help="git revision whose face blur to time as well")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        lib = build(tmp / "lib", a.sessions, a.seconds, a.step)
        result = {
            "library": {"sessions": a.sessions, "seconds_each": a.seconds, "step_seconds": a.step,
                        "video": "320x240 10 fps H.264 + AAC"},
            "export_no_blur": timed_export(lib, tmp / "plain", blur=False),
            "export_face_blur": timed_export(lib, tmp / "blur", blur=True),
            "clip_cutting": cutting(lib, tmp / "cut"),
        }
        if a.hd_seconds > 0:
            result["face_blur_720p"] = face_blur_hd(tmp / "hd", a.hd_seconds, a.old)
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
