"""How many exported frames still show a detectable face: real photographs, several sizes, still and moving.

Each scenario pastes a real face (scikit-image's astronaut photograph, the LFW faces shipped with
scikit-image, upscaled) into a 640x360 clip, still or moving, and sends it through the anonymized
export's media path: the keyframe (a frame from the middle, blurred and written as JPEG) and the clip
(`cut_clip` with a `FaceBlurrer`). Every exported frame is then searched by two detectors:
OpenCV's standard frontal Haar cascade (`haarcascade_frontalface_default`, scaleFactor 1.1,
minNeighbors 3, on the plain grey frame: the check the issue reported) and the LBP frontal cascade
shipped with scikit-image. A hit counts when it overlaps where the face was pasted.

    python tests/benchmarks/bench_face_leak.py [--baseline /path/to/other/checkout] [--json FILE]
        [--sample-library DIR [--rounds N]]

With `--baseline`, the same scenarios are run by that checkout's export code in a child process
(the "before"), so before and after come from one run on the same frames. With
`--sample-library` (a library with the bundled sample ingested) and `--baseline`, the anonymized
export with clips (`knowhow export --anonymize --media clips --status any`) is also timed with both
checkouts, alternating, `--rounds` times each: wall clock and CPU seconds of the child process.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

W, H, FPS, SECONDS = 640, 360, 15, 3.0
# (name, face source, pasted height in px, x, y, moving px per frame[, first and last frame shown])
SCENARIOS = [
    ("astronaut_200_still_center", "astronaut", 300, 190, 30, 0),
    ("astronaut_200_still_left", "astronaut", 300, 10, 40, 0),
    ("astronaut_140_still_right", "astronaut", 210, 400, 100, 0),
    ("astronaut_90_still_corner", "astronaut", 130, 500, 220, 0),
    ("astronaut_200_moving", "astronaut", 300, 20, 30, 8),
    ("astronaut_120_moving", "astronaut", 180, 40, 120, 10),
    ("astronaut_140_shown_0.33s", "astronaut", 210, 250, 80, 0, 20, 24),
    ("lfw_150_still", "lfw0", 170, 240, 90, 0),
    ("lfw_150_moving", "lfw1", 170, 60, 90, 9),
    ("astronaut_50_still_top", "astronaut", 75, 300, 10, 0),
    ("astronaut_60_moving_bottom", "astronaut", 90, 30, 260, 6),
]


def face_source(kind: str, height: int) -> np.ndarray:
    """A real face photograph as BGR, `height` pixels high."""
    import cv2
    from skimage import data

    if kind == "astronaut":
        img = data.astronaut()[30:330, 110:380]  # head and shoulders with margin; face ~ 0.6 of the height
    else:
        faces = data.lfw_subset()  # 25x25 grey faces (the first 100 are faces)
        img = (np.stack([faces[int(kind[3:])]] * 3, axis=-1) * 255).astype(np.uint8)
    width = round(height * img.shape[1] / img.shape[0])
    return np.ascontiguousarray(cv2.resize(img, (width, height), interpolation=cv2.INTER_CUBIC)[:, :, ::-1])


def frames_for(scenario: tuple[Any, ...]) -> tuple[list[np.ndarray], list[tuple[int, int, int, int]]]:
    """The clip's frames and, per frame, the pasted photograph's box (x0, y0, x1, y1)."""
    _, kind, height, x, y, speed = scenario[:6]
    shown = scenario[6:8] if len(scenario) > 6 else (0, 10**6)
    face = face_source(kind, height)
    rng = np.random.default_rng(3)
    bg = np.clip(np.linspace(60, 150, W)[None, :, None] + rng.normal(0, 4, (H, W, 1)), 0, 255).astype(np.uint8)
    bg = np.repeat(bg, 3, axis=2)
    out, boxes = [], []
    for i in range(int(SECONDS * FPS)):
        f = bg.copy()
        x0 = min(W - face.shape[1], x + speed * i)
        y0 = min(H - face.shape[0], y)
        if shown[0] <= i <= shown[1]:
            f[y0:y0 + face.shape[0], x0:x0 + face.shape[1]] = face[: H - y0, : W - x0]
            boxes.append((x0, y0, x0 + face.shape[1], y0 + face.shape[0]))
        else:
            boxes.append((0, 0, 0, 0))  # no face in this frame: nothing can overlap it
        out.append(f)
    return out, boxes


def write_mp4(path: Path, frames: list[np.ndarray]) -> None:
    import av

    with av.open(str(path), "w", format="mp4") as out:
        vs = out.add_stream("libx264", rate=FPS)
        vs.width, vs.height, vs.pix_fmt = W, H, "yuv420p"
        vs.options = {"g": str(FPS), "preset": "ultrafast", "crf": "14"}
        for i, f in enumerate(frames):
            vf = av.VideoFrame.from_ndarray(f, format="bgr24")
            vf.pts, vf.time_base = i, Fraction(1, FPS)
            out.mux(vs.encode(vf))
        out.mux(vs.encode(None))


def detectors() -> dict[str, Any]:
    import cv2
    from skimage import data

    # scikit-image's copy of OpenCV's LBP frontal cascade misspells one tag, which OpenCV rejects.
    xml = Path(data.lbp_frontal_face_cascade_filename()).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="lbp-") as tmp:  # loaded into memory, so the file can go
        fixed = Path(tmp) / "lbpcascade_frontalface.xml"
        fixed.write_text(xml.replace("featuhreParams", "featureParams"), encoding="utf-8")
        out = {"haar_default": cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml"),
               "lbp": cv2.CascadeClassifier(str(fixed))}
    assert not any(c.empty() for c in out.values())
    return out


def hits(det: dict[str, Any], img: np.ndarray, region: tuple[int, int, int, int]) -> dict[str, bool]:
    """Per detector, whether it finds a face overlapping `region`."""
    import cv2

    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    x0, y0, x1, y1 = region
    out = {}
    for name, c in det.items():
        found = c.detectMultiScale(gray, 1.1, 3, minSize=(24, 24))
        out[name] = any(x < x1 and x + w > x0 and y < y1 and y + h > y0 for x, y, w, h in found)
    return out


def run_scenarios(work: Path) -> dict[str, Any]:
    """Export every scenario with the `indexing` on the path; count detectable frames."""
    import av

    from indexing.errors import ExportError
    from indexing.export import clips
    from indexing.export.faces import FaceBlurrer

    det = detectors()
    save_still = getattr(clips, "save_still", None)
    results = {}
    for sc in SCENARIOS:
        name = sc[0]
        frames, boxes = frames_for(sc)
        src = work / f"{name}.mp4"
        write_mp4(src, frames)
        source_hits = [hits(det, f, b) for f, b in zip(frames, boxes, strict=True)]
        rec: dict[str, Any] = {"frames": len(frames),
                               "source_detectable": {k: sum(h[k] for h in source_hits) for k in det}}
        t0 = time.perf_counter()
        mid = len(frames) // 2
        still = clips.frame_at(src, mid / FPS)
        assert still is not None
        kf = work / f"{name}.jpg"
        try:
            if save_still is not None:
                save_still(still, kf, FaceBlurrer())
            else:  # what the export did before the check existed: blur, then write
                FaceBlurrer().blur_image(still)
                clips.write_jpeg(still, kf)
            rec["keyframe"] = hits(det, clips.read_image(kf), boxes[mid])
        except ExportError as exc:
            rec["keyframe"] = {"stopped": str(exc)}
        dst = work / f"{name}.out.mp4"
        try:
            clips.cut_clip(src, 0.0, SECONDS + 1, dst, blurrer=FaceBlurrer())
            with av.open(str(dst)) as c:
                out = [f.to_ndarray(format="bgr24") for f in c.decode(video=0)]
            clip_hits = [hits(det, f, b) for f, b in zip(out, boxes, strict=False)]
            rec["clip"] = {k: sum(h[k] for h in clip_hits) for k in det}
            rec["clip_frames"] = len(out)
        except ExportError as exc:
            rec["clip"] = {"stopped": str(exc)}
        rec["export_s"] = round(time.perf_counter() - t0, 2)
        results[name] = rec
        print(name, json.dumps(rec), file=sys.stderr, flush=True)
    return results


def summary(results: dict[str, Any]) -> dict[str, Any]:
    kf = sum(1 for r in results.values() if any(v is True for v in r["keyframe"].values()))
    clip = {k: sum(r["clip"].get(k, 0) for r in results.values() if "stopped" not in r["clip"])
            for k in ("haar_default", "lbp")}
    return {"scenarios": len(results), "keyframes_with_a_face": kf,
            "clip_frames_with_a_face": clip,
            "clip_frames": sum(r.get("clip_frames", 0) for r in results.values()),
            "stopped": sum(("stopped" in r["clip"]) + ("stopped" in r["keyframe"]) for r in results.values()),
            "export_s": round(sum(r["export_s"] for r in results.values()), 1)}


def time_exports(library: Path, checkouts: dict[str, Path], rounds: int, work: Path) -> dict[str, Any]:
    """Anonymized sample export with clips, each checkout in turn, `rounds` times: seconds per run."""
    out: dict[str, Any] = {k: {"wall_s": [], "cpu_s": []} for k in checkouts}
    for r in range(rounds):
        for label, root in checkouts.items():
            dst = work / f"export-{label}-{r}"
            env = {**os.environ, "PYTHONPATH": str(root), "HF_HUB_OFFLINE": "1"}
            before = os.times()
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "indexing.cli", "--library", str(library), "export",
                            "--out", str(dst), "--anonymize", "--media", "clips", "--status", "any", "-q"],
                           env=env, check=True, stdout=subprocess.DEVNULL, cwd=work)  # not this checkout
            wall = time.perf_counter() - t0
            after = os.times()
            cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
            out[label]["wall_s"].append(round(wall, 1))
            out[label]["cpu_s"].append(round(cpu, 1))
            print(f"export {label} round {r}: {wall:.1f} s wall, {cpu:.1f} s CPU", file=sys.stderr, flush=True)
    for v in out.values():
        v["wall_median_s"] = sorted(v["wall_s"])[len(v["wall_s"]) // 2]
        v["cpu_median_s"] = sorted(v["cpu_s"])[len(v["cpu_s"]) // 2]
    if "before" in out and "after" in out:
        out["ratio_wall"] = round(out["after"]["wall_median_s"] / out["before"]["wall_median_s"], 2)
        out["ratio_cpu"] = round(out["after"]["cpu_median_s"] / out["before"]["cpu_median_s"], 2)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another checkout whose export is the 'before'")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--sample-library", type=Path, help="time the anonymized export of this library")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-scenarios", action="store_true", help="only time the sample export")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.child:  # the "after" is this checkout; the child imports the baseline's from PYTHONPATH
        sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    with tempfile.TemporaryDirectory(prefix="face-leak-") as tmp:
        if args.child:
            print(json.dumps(run_scenarios(Path(tmp))))
            return 0
        report: dict[str, Any] = {}
        if args.sample_library:
            here = Path(__file__).resolve().parents[2]
            roots = {"before": args.baseline, "after": here} if args.baseline else {"after": here}
            report["sample_export"] = time_exports(args.sample_library, roots, args.rounds, Path(tmp))
            print("sample_export", json.dumps(report["sample_export"]))
        if args.baseline and not args.no_scenarios:
            env = {**os.environ, "PYTHONPATH": str(args.baseline)}
            out = subprocess.run([sys.executable, __file__, "--child"], env=env, check=True,
                                 stdout=subprocess.PIPE, text=True)
            before = json.loads(out.stdout)
            report["before"] = {"summary": summary(before), "scenarios": before}
        if not args.no_scenarios:
            after = run_scenarios(Path(tmp))
            report["after"] = {"summary": summary(after), "scenarios": after}
    for label in ("before", "after"):
        if label in report:
            print(label, json.dumps(report[label]["summary"]))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
