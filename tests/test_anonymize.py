"""Anonymization: pseudonyms, redaction, and an export with no name, term or face in any byte."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import numpy as np
import pytest

from indexing.export import ExportOptions, add_people, export, people, verify_export
from indexing.export.anonymize import PERSON_MASK, TERM_MASK, Pseudonymizer, Redactor, pseudonym_key
from indexing.library import Library

try:
    from tests.test_export_data import FACE_REGION, build_library
except ImportError:  # tests/ is not a package: pytest puts it on sys.path
    from test_export_data import FACE_REGION, build_library

# Long needles are searched in every byte (media included); short ones in text and decoded data.
SECRETS_ANYWHERE = ["hans becker", "becker", "maria lopez", "lopez", "recipe x7", "acme corp",
                    "otto kranz", "kranz"]
SECRETS_IN_TEXT = SECRETS_ANYWHERE + ["hans", "maria", "acme", "otto"]


def test_redactor_masks_whole_words_any_case_and_multiword() -> None:
    r = Redactor(["Hans Becker"], ["Recipe X7", "Acme Corp"])
    assert r.text("hans  BECKER set recipe\nx7 for ACME corp; Hansen and Acmeville stay.") == (
        f"{PERSON_MASK} set {TERM_MASK} for {TERM_MASK}; Hansen and Acmeville stay.")
    assert r.text("Ask Becker's team") == f"Ask {PERSON_MASK}'s team"
    words = [{"word": " Load", "start": 0.0}, {"word": " recipe", "start": 0.5},
             {"word": " X7,", "start": 1.0}, {"word": " hans.", "start": 1.5}]
    assert [w["word"] for w in r.words(words)] == [" Load", f" {TERM_MASK}", f" {TERM_MASK}",
                                                   f" {PERSON_MASK}"]
    assert r.words(words)[1]["start"] == 0.5
    assert r.leaks("call HANS") == ["Hans"] and r.leaks("all clear") == []


def test_pseudonyms_are_keyed_stable_and_case_blind() -> None:
    a, b = Pseudonymizer(b"k" * 32), Pseudonymizer(b"j" * 32)
    assert a.expert("Hans Becker") == a.expert("hans  becker")
    assert a.expert("Hans Becker") != b.expert("Hans Becker")
    assert a.expert("Hans Becker").startswith("expert-") and len(a.expert("x")) == 19
    assert a.expert("") == ""


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    lib = build_library(tmp_path_factory.mktemp("anon") / "library")
    add_people(lib, ["Otto Kranz"])
    lib.update_step("sess-a-p1s01", warnings=["Tell Otto Kranz before you start"])
    return lib


@pytest.fixture(scope="module")
def anon(lib: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("anon-out") / "ds"
    export(lib, ExportOptions(out=str(out), formats=("jsonl", "parquet", "hf", "webdataset"),
                              anonymize=True, include_sessions=True))
    return out


def _texts_of(path: Path, data: bytes) -> list[str]:
    """Every text a user could read out of a file: raw, decoded parquet values, tar members."""
    out = [data.decode("latin-1")]
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        out.append(json.dumps(pq.read_table(io.BytesIO(data)).to_pylist(), ensure_ascii=False))
    if path.suffix == ".tar":
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            for m in tar.getmembers():
                f = tar.extractfile(m)
                if f is not None:
                    out += _texts_of(Path(m.name), f.read())
                out.append(m.name)
    return out


def test_no_byte_of_the_export_names_a_person_or_a_confidential_term(lib: Library, anon: Path) -> None:
    assert "Otto Kranz" in people(lib) and "Hans Becker" in people(lib)
    files = [p for p in anon.rglob("*") if p.is_file()]
    assert len(files) == 28  # 6 clips, 6 keyframes, 3 recordings, 3 session files, data, views, card
    for p in files:
        data = p.read_bytes()
        media = p.suffix in (".mp4", ".jpg")
        for text in _texts_of(p, data):
            low = text.lower()
            for needle in SECRETS_ANYWHERE if media else SECRETS_IN_TEXT:
                assert needle not in low, f"{needle!r} leaks in {p.relative_to(anon)}"
        assert "hans" not in p.name.lower() and "sess-" not in p.as_posix()
    rec = json.loads((anon / "data" / "train.jsonl").read_text().splitlines()[0])
    expert = Pseudonymizer(pseudonym_key(lib)).expert("Hans Becker")
    assert rec["expert"] in {expert, Pseudonymizer(pseudonym_key(lib)).expert("Maria Lopez")}
    all_recs = [json.loads(line) for f in (anon / "data").glob("*.jsonl") for line in f.read_text().splitlines()]
    a1 = next(r for r in all_recs if r["text"].endswith("locks out the press first.")
              and r["expert"] == expert)
    assert a1["text"] == f"{PERSON_MASK} locks out the press first."
    a2 = next(r for r in all_recs if r["step_index"] == 1 and r["expert"] == expert)
    assert a2["text"] == f"Load {TERM_MASK} for the {TERM_MASK} part."
    assert a2["tools"] == ["torque wrench", f"{TERM_MASK} clamp"]
    assert any(r["warnings"] == [f"Tell {PERSON_MASK} before you start"] for r in all_recs)
    # the pseudonym key never leaves the library
    key_hex = pseudonym_key(lib).hex()
    assert all(key_hex.encode() not in p.read_bytes() for p in files)
    card = (anon / "README.md").read_text()
    assert "HMAC-SHA256" in card and "Faces were blurred" in card and "Audio was kept" in card
    assert verify_export(anon).ok


def _faces_in_photo_region(img: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Detections (frontal, frontal alt2, profile both ways) overlapping where the photograph is."""
    import cv2

    gray = cv2.equalizeHist(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY))
    x0, y0, x1, y1 = FACE_REGION
    hits = []
    for name in ("haarcascade_frontalface_default.xml", "haarcascade_frontalface_alt2.xml",
                 "haarcascade_profileface.xml"):
        c = cv2.CascadeClassifier(cv2.data.haarcascades + name)
        for flipped, g in ((False, gray), (True, cv2.flip(gray, 1))):
            for x, y, w, h in c.detectMultiScale(g, 1.1, 4, minSize=(24, 24)):
                x = g.shape[1] - x - w if flipped else x
                if x < x1 and x + w > x0 and y < y1 and y + h > y0:
                    hits.append((int(x), int(y), int(w), int(h)))
    return hits


def test_no_face_is_detectable_in_exported_images(lib: Library, anon: Path) -> None:
    import av
    import cv2

    from indexing.export.clips import frame_at

    # The source really shows the astronaut's face.
    src = frame_at(lib.absolute(lib.session_row("sess-a")["media_path"]), 1.0)
    assert src is not None and len(_faces_in_photo_region(src)) >= 1

    images = [cv2.imread(str(p)) for p in anon.rglob("*.jpg")]
    assert len(images) == 6
    for mp4 in sorted(anon.rglob("*.mp4")):
        with av.open(str(mp4)) as c:
            images += [f.to_ndarray(format="bgr24") for i, f in enumerate(c.decode(video=0)) if i % 5 == 0]
    assert len(images) == 6 + 6 * 4 + 3 * 12  # keyframes, clip frames, recording frames
    assert [(i, _faces_in_photo_region(img)) for i, img in enumerate(images) if _faces_in_photo_region(img)] == []


def test_drop_audio_and_keyframes_only(lib: Library, tmp_path: Path) -> None:
    import av

    export(lib, ExportOptions(out=str(tmp_path / "a"), formats=("jsonl",), anonymize=True, drop_audio=True,
                              blur_faces=False, sessions=("sess-c",)))
    clip = next((tmp_path / "a" / "clips").glob("*.mp4"))
    with av.open(str(clip)) as c:
        assert len(c.streams.audio) == 0 and len(c.streams.video) == 1
    assert "Audio was removed" in (tmp_path / "a" / "README.md").read_text()
    export(lib, ExportOptions(out=str(tmp_path / "k"), formats=("jsonl",), media="keyframes"))
    assert not (tmp_path / "k" / "clips").exists() and len(list((tmp_path / "k" / "keyframes").iterdir())) == 6
