"""Work-instruction sheets: the sample's sheet read back from the PDF, Korean, HTML, revisions, bad input."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexing.document import DocumentError, build_sheet, write_document
from indexing.errors import NotFoundError
from indexing.library import Library
from indexing.models import ProcedureDraft, StepDraft
from tests.snapshot import snapshot

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def pdf_text(path: Path) -> str:
    """The PDF's text in content order (-raw keeps each table cell's lines together), spaces folded."""
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(out.split())


def fold(text: str) -> str:
    return " ".join(text.replace("--", "–").split())


def knowhow(*args: str, library: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "indexing.cli", "--library", str(library), *args],
                          capture_output=True, text=True, timeout=300, env=dict(os.environ))


def small_library(root: Path, *, language: str = "en") -> tuple[Library, str]:
    """A library with one session of three steps, built without media (fast)."""
    lib = Library(root)
    with lib.transaction() as db:
        db["sessions"].insert({"session_id": "s1", "sha256": "a" * 64, "title": "Die change",
                               "expert": "Hans Becker", "workstation": "P4", "process": "Stamping",
                               "language": language, "duration": 90.0, "created_at": "2026-01-05",
                               "status": "needs review"})
    if language == "ko":
        steps = [
            StepDraft(0, 0, 0.0, 30.0, "프레스를 잠급니다.", title="프레스 잠금",
                      warnings=["다른 사람의 자물쇠로 금형에 손을 넣지 마십시오."], tools=["자물쇠"],
                      reason="그렇지 않으면 프레스가 움직일 수 있습니다."),
            StepDraft(0, 1, 30.0, 60.0, "클램프 볼트를 풉니다.", title="클램프 볼트 풀기",
                      tips=["볼트를 대각선 순서로 4분의 1 바퀴씩 풉니다."], tools=["19 mm 소켓"]),
        ]
    else:
        steps = [
            StepDraft(0, 0, 0.0, 30.0, "First, lock out press 4. Never reach in on someone else's lock.",
                      title="Lock out the press", category="safety", tools=["padlock"],
                      warnings=["Never reach in on someone else's lock."],
                      reason="Otherwise the press can cycle."),
            StepDraft(0, 1, 30.0, 60.0, "Loosen the clamp bolts a quarter turn, corner to corner.",
                      title="Loosen the clamp bolts", tools=["19 mm socket"],
                      tips=["Crack each bolt a quarter turn first."], reason="So the die settles evenly."),
            StepDraft(0, 2, 60.0, 90.0, "Lift the die out with the hoist.", title="Lift the die out",
                      tools=["hoist"], tips=["Lift it just clear of the bolster."]),
        ]
    lib.replace_steps("s1", [ProcedureDraft(0, "Die change", 0.0, 90.0)], steps)
    return lib, "s1"


@needs_poppler
def test_sample_sheet_pdf_has_every_title_tip_and_warning_in_order(copy_library, tmp_path: Path) -> None:
    lib, sid = copy_library, copy_library.sample_session_id
    out = tmp_path / "sheet.pdf"
    res = write_document(lib, sid, out, fmt="pdf")
    assert out.read_bytes()[:5] == b"%PDF-" and res.steps == len(lib.steps(sid))
    text = pdf_text(out)
    steps = lib.steps(sid)
    assert len(steps) >= 3
    pos = 0
    for step in steps:
        at = text.find(fold(step.title), pos)
        assert at >= 0, f"title {step.title!r} missing or out of order"
        pos = at
        # Within a step, safety points are printed first, then tips, each in stored order.
        for point in (*step.warnings, *step.tips):
            hit = text.find(fold(point), pos)
            assert hit >= 0, f"key point {point!r} of step {step.index + 1} missing or out of order"
            pos = hit
    assert "JOB BREAKDOWN SHEET" in text and "Stamping line 2" in text and "Kim Min-jun" in text
    assert f"knowhow://open?session={sid}" in text
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d* x 841\.\d* pts \(A4\)", pages)
    assert lib.prints(sid)[-1]["format"] == "pdf"


@needs_poppler
def test_korean_sheet_reads_back_in_hangul(tmp_path: Path) -> None:
    lib, sid = small_library(tmp_path / "lib", language="ko")
    out = tmp_path / "sheet-ko.pdf"
    write_document(lib, sid, out)
    text = pdf_text(out)
    for phrase in ("작업 분해표", "프레스 잠금", "클램프 볼트 풀기", "다른 사람의 자물쇠로 금형에 손을 넣지 마십시오.",
                   "볼트를 대각선 순서로 4분의 1 바퀴씩 풉니다.", "그렇지 않으면 프레스가 움직일 수 있습니다.",
                   "안전", "급소의 이유"):
        assert phrase in text, phrase
    assert text.index("프레스 잠금") < text.index("클램프 볼트 풀기")


def test_html_sheet_is_self_contained_with_print_css(copy_library, tmp_path: Path) -> None:
    lib, sid = copy_library, copy_library.sample_session_id
    out = tmp_path / "sheet.html"
    res = write_document(lib, sid, out)
    assert res.format == "html"
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "@page { size: A4 portrait" in page
    steps = lib.steps(sid)
    import html as html_mod

    pos = 0
    for step in steps:
        pos = page.index(html_mod.escape(step.title), pos)
    assert page.count("data:image/jpeg;base64,") == sum(1 for s in steps if s.keyframe)
    assert page.count("<svg") == len(steps)  # one QR code per step
    # Self-contained: nothing is loaded from a file or the network.
    assert not re.search(r'src="(?!data:)', page) and "<link" not in page


def test_revision_bumps_when_approved_steps_change(tmp_path: Path) -> None:
    lib, sid = small_library(tmp_path / "lib")
    draft = build_sheet(lib, sid)
    assert (draft.status, draft.revision) == ("draft", 0)
    for step in lib.steps(sid):
        lib.update_step(step.step_id, status="approved")
    first = write_document(lib, sid, tmp_path / "a.html")
    again = write_document(lib, sid, tmp_path / "b.html")
    assert (first.status, first.revision, again.revision) == ("approved", 1, 1)
    lib.update_step(lib.steps(sid)[1].step_id, tips=["Crack each bolt an eighth of a turn first."])
    third = write_document(lib, sid, tmp_path / "c.html")
    assert third.revision == 2
    # Un-approving one step makes a draft that names the last approved revision, and no new revision.
    lib.update_step(lib.steps(sid)[0].step_id, status="reviewed")
    draft = build_sheet(lib, sid)
    assert (draft.status, draft.revision) == ("draft", 2)
    assert [(p["revision"], p["format"]) for p in lib.prints(sid)] == [(1, "html"), (1, "html"), (2, "html")]
    revs = list(lib.db.query("SELECT revision FROM document_revisions WHERE session_id=? ORDER BY id", [sid]))
    assert [r["revision"] for r in revs] == [1, 2]
    actions = [r["action"] for r in lib.db.query("SELECT action FROM audit ORDER BY id")]
    assert actions.count("document print") == 3 and actions.count("document revision") == 2


@needs_poppler
def test_sheet_names_who_approved_and_when(tmp_path: Path) -> None:
    lib, sid = small_library(tmp_path / "lib")
    assert build_sheet(lib, sid).approved_by == ""
    lib.actor = "Park Jung-ho"
    lib.set_procedure_status(sid, 0, "approved")
    time.sleep(1.1)  # approval times are kept to the second
    lib.actor = "Lee Su-jin"  # a second reviewer re-approves one step later: both are named, latest first
    lib.update_step(lib.steps(sid)[1].step_id, status="approved")
    sheet = build_sheet(lib, sid)
    assert sheet.status == "approved" and sheet.approved_by == "Lee Su-jin, Park Jung-ho"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", sheet.approved_on)
    write_document(lib, sid, tmp_path / "sheet.pdf")
    assert "approved by Lee Su-jin, Park Jung-ho" in pdf_text(tmp_path / "sheet.pdf")
    # The approver is a person: an anonymized sheet carries pseudonyms, never the names.
    anon = build_sheet(lib, sid, anonymize=True)
    assert "Park" not in anon.approved_by and anon.approved_by.count("expert-") == 2
    # Taking an approval back clears it: the draft names no approver.
    lib.update_step(lib.steps(sid)[0].step_id, status="reviewed")
    assert build_sheet(lib, sid).approved_by == ""
    assert lib.approval(sid, 0)[1] == ["Lee Su-jin", "Park Jung-ho"]
    assert [r["approved_by"] for r in lib.step_rows(sid)] == ["", "Lee Su-jin", "Park Jung-ho"]


def test_anonymized_sheet_has_pseudonym_and_no_names(tmp_path: Path) -> None:
    lib, sid = small_library(tmp_path / "lib")
    lib.update_step(lib.steps(sid)[2].step_id, tips=["Ask Hans to hold the chain."])
    sheet = build_sheet(lib, sid, anonymize=True)
    assert sheet.expert.startswith("expert-") and sheet.anonymized
    blob = json.dumps(sheet.to_dict(), ensure_ascii=False)
    assert "Hans" not in blob and "Becker" not in blob and "[PERSON]" in blob


def test_bad_inputs_one_line_nothing_written(tmp_path: Path) -> None:
    lib, sid = small_library(tmp_path / "lib")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (tmp_path / "afile").write_text("x")
    before = snapshot(lib.root)
    cases = [
        (["document", "nope", "--out", str(out_dir / "x.pdf")], "unknown session 'nope'"),
        (["document", sid, "--procedure", "2", "--out", str(out_dir / "x.pdf")], "there is no procedure 2"),
        (["document", sid, "--procedure", "0", "--out", str(out_dir / "x.pdf")], "there is no procedure 0"),
        (["document", sid, "--out", str(tmp_path / "afile" / "x.pdf")], "does not exist"),
        (["document", sid, "--out", str(out_dir)], "it is a folder"),
        (["document", sid, "--out", str(out_dir / "x.docx")], "unknown sheet format 'docx'"),
    ]
    for args, message in cases:
        res = knowhow(*args, library=lib.root)
        assert res.returncode == 2, (args, res.stderr)
        assert res.stdout == "" and res.stderr.count("\n") == 1 and message in res.stderr, res.stderr
    assert list(out_dir.iterdir()) == []
    assert snapshot(lib.root) == before


def test_render_failure_leaves_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib, sid = small_library(tmp_path / "lib")
    out = tmp_path / "sheet.pdf"
    out.write_bytes(b"old")
    monkeypatch.setenv("KNOWHOW_SHEET_FONT", str(tmp_path / "missing.ttf"))
    with pytest.raises(DocumentError, match="not a font file"):
        write_document(lib, sid, out)
    assert out.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["lib", "sheet.pdf"]
    assert lib.prints(sid) == []


def test_unknown_procedure_api(tmp_path: Path) -> None:
    lib, sid = small_library(tmp_path / "lib")
    with pytest.raises(NotFoundError, match="has procedure 1; there is no procedure 5"):
        build_sheet(lib, sid, 5)


def test_anonymized_photos_have_faces_blurred(tmp_path: Path) -> None:
    import io

    import cv2
    import numpy as np
    from PIL import Image

    from indexing.document.photos import photo_jpeg
    from indexing.export.faces import FaceBlurrer
    from tests.test_export_data import face_image

    frame = np.full((240, 320, 3), 110, np.uint8)
    frame[60:180, 100:208] = face_image()
    path = tmp_path / "key.jpg"
    cv2.imwrite(str(path), frame)
    blurrer = FaceBlurrer()
    for grey in (True, False):
        plain = np.array(Image.open(io.BytesIO(photo_jpeg(str(path), grey=grey) or b"")))
        masked = np.array(Image.open(io.BytesIO(photo_jpeg(str(path), grey=grey, anonymize=True) or b"")))
        assert blurrer.detect(plain) and not blurrer.detect(masked)
    assert photo_jpeg(str(tmp_path / "missing.jpg"), grey=True) is None


def test_a_reason_that_is_also_a_key_point_is_printed_once() -> None:
    """A Korean reason is a whole sentence; when it is also the step's warning, the "why" cell leaves it out."""
    from indexing.document.sheet import sheet_reason
    from indexing.models import Step

    both = "칩이 남아 있으면 새 금형이 기울어지니까 주의하세요."
    other = "그래야 금형이 평평하게 앉습니다."

    def step(reason: str) -> Step:
        return Step("s1-p1s04", "s1", "금형 교체", 0, 3, 60.0, 90.0, "볼스터 면 닦기", f"볼스터 면을 닦습니다. {both}",
                    "cleaning", (), (), (both,), None, "needs review", reason=reason)

    assert sheet_reason(step(both)) == ""
    assert sheet_reason(step(f"{both} {other}")) == other
    assert sheet_reason(step(other)) == other
    assert sheet_reason(step("")) == ""
