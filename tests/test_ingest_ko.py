"""Korean end to end: the Korean sample ingested with its SRT transcript (real SQLite, Chroma, MiniLM)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.snapshot import snapshot
from tests.test_cli import knowhow

pytestmark = pytest.mark.slow
pytest.importorskip("kiwipiepy")

ASSETS = Path(__file__).resolve().parents[1] / "assets" / "sample"
KO_MEDIA = ASSETS / "ko_die_change.mp4"
KO_SRT = ASSETS / "ko_die_change.srt"
KO_TRUTH = json.loads((ASSETS / "ko_die_change.truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ko_library(tmp_path_factory) -> tuple[Path, str]:
    lib = tmp_path_factory.mktemp("ko") / "lib"
    out = knowhow("ingest", str(KO_MEDIA), "--title", KO_TRUTH["title"], "--expert", "박정호",
                  "--workstation", KO_TRUTH["workstation"], "--language", "ko", "--transcript", str(KO_SRT),
                  "--json", "--quiet", library=lib)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert (doc["procedures"], doc["steps"], doc["duration"]) == (1, 6, 75.5)
    return lib, doc["session_id"]


def _steps(lib: Path, sid: str) -> list[dict]:
    out = knowhow("steps", sid, "--json", library=lib)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_korean_steps_from_the_transcript(ko_library) -> None:
    lib, sid = ko_library
    steps = _steps(lib, sid)
    # Each step starts 0.3 s before its first word (the lead-in), as with recognised speech.
    assert [s["start"] for s in steps[1:]] == [round(t["start"] - 0.3, 3) for t in KO_TRUTH["steps"][1:]]
    assert [s["title"] for s in steps] == ["프레스 전원 차단하기", "클램프 볼트 풀기", "금형 들어 올리기",
                                           "볼스터 면 닦기", "금형 올리기", "시험 타발하기"]
    assert [s["category"] for s in steps] == ["safety", "operation", "operation", "cleanup", "operation",
                                              "inspection"]
    assert [s["tools"] for s in steps] == [t["tools"] for t in KO_TRUTH["steps"]]
    assert [s["tips"] for s in steps] == [t["tips"] for t in KO_TRUTH["steps"]]
    assert [s["warnings"] for s in steps] == [t["warnings"] for t in KO_TRUTH["steps"]]
    assert all(Path(s["keyframe"]).exists() for s in steps)
    out = knowhow("sessions", "--json", library=lib)
    assert json.loads(out.stdout)[0]["language"] == "ko"


def test_korean_question_and_title_find_their_steps(ko_library) -> None:
    lib, sid = ko_library
    out = knowhow("search", "볼트 풀 때 순서가 어떻게 돼?", "-k", "3", "--json", library=lib)
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert hits[0]["step_id"] == f"{sid}-p1s02"
    assert "볼트는 대각선 순서로 조금씩 풀어 줍니다" in hits[0]["text"]
    hits = json.loads(knowhow("search", "금형 교체", "-k", "3", "--json", library=lib).stdout)
    assert hits[0]["step_id"] == f"{sid}-p1s01"  # the procedure's own name finds its first step


def test_bad_transcripts_and_language_leave_the_library_unchanged(ko_library, tmp_path) -> None:
    lib, _ = ko_library
    before = snapshot(lib)
    srt = KO_SRT.read_text(encoding="utf-8")
    cases = {
        "notes.srt": ("just notes\n", "is not an SRT or WebVTT transcript"),
        "empty.vtt": ("WEBVTT\n\n", "holds no cue with text"),
        "order.srt": ("1\n00:00:05,000 --> 00:00:06,000\n나중\n\n2\n00:00:01,000 --> 00:00:02,000\n먼저\n",
                      "out of order"),
        "long.srt": (srt + "99\n00:01:20,000 --> 00:01:22,000\n끝.\n", "past the end of the media"),
    }
    other = tmp_path / "other.mp4"  # a new file, so the ingest would otherwise create a session
    shutil.copyfile(KO_MEDIA, other)
    with other.open("ab") as f:
        f.write(b"\0")
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        out = knowhow("ingest", str(other), "--language", "ko", "--transcript", str(path), "--quiet", library=lib)
        assert out.returncode == 2 and message in out.stderr and len(out.stderr.strip().splitlines()) == 1, name
    out = knowhow("ingest", str(other), "--language", "xx", "--transcript", str(KO_SRT), "--quiet", library=lib)
    assert out.returncode == 2 and "unknown language code 'xx'" in out.stderr
    assert snapshot(lib) == before


def test_korean_anonymized_export_leaks_no_name(ko_library, tmp_path) -> None:
    lib, sid = ko_library
    assert knowhow("terms", "add", "--confidential", "볼스터", library=lib).returncode == 0
    out = knowhow("export", "--out", str(tmp_path / "set"), "--format", "jsonl", "--anonymize",
                  "--status", "any", library=lib)
    assert out.returncode == 0, out.stderr
    text = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in (tmp_path / "set").rglob("*")
                     if p.is_file() and p.suffix in (".jsonl", ".json", ".md"))
    assert "시험 타발" in text  # the narration is there …
    for leak in ("박정호", "정호", "볼스터"):  # … its names and confidential terms are not
        assert leak not in text, leak
