"""Session lifecycle from the command line: review, approve, delete and erase, all audited."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from indexing.cli import main
from indexing.library import Library
from indexing.models import MediaInfo, ProcedureDraft, SessionResult, StepDraft, Transcript
from indexing.search import search
from indexing.store.index import embedder_for, step_document

pytestmark = pytest.mark.slow


def _run(capsys: pytest.CaptureFixture[str], lib: Library, *argv: str) -> tuple[int, dict, str]:
    code = main(["--library", str(lib.root), *argv])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith("{") else {}), err


def _other_session(lib: Library) -> str:
    """A second, tiny session committed directly (no media), with real vectors."""
    steps = [StepDraft(0, 0, 0.0, 5.0, "Wipe the sensor window with a dry cloth.", title="Clean the sensor")]
    emb = embedder_for(lib)
    docs = [step_document(s) for s in steps]
    result = SessionResult(
        session_id="sother", sha256="0" * 64, source_path="", info=MediaInfo("", 5.0, True, False),
        meta={"title": "Sensor care", "expert": "Lee", "workstation": "P2"}, markers=(),
        transcript=Transcript("en", 5.0), procedures=[ProcedureDraft(0, "Sensor care", 0.0, 5.0)],
        steps=steps, vectors=emb.encode(docs), documents=docs, embed_model_id=emb.model_id)
    return lib.commit_session(result).session_id


def test_review_and_approve_move_the_session_status(copy_library, capsys) -> None:
    lib = copy_library
    sid = lib.sample_session_id
    n = len(lib.steps(sid))
    assert lib.session(sid).status == "needs review"
    code, doc, _ = _run(capsys, lib, "review", sid, "--step", "1", "--status", "reviewed", "--json")
    assert code == 0 and doc["status"] == "needs review" and doc["steps"][0]["status"] == "reviewed"
    code, doc, _ = _run(capsys, lib, "review", sid, "--status", "reviewed", "--json")
    assert code == 0 and doc["status"] == "reviewed"
    code, doc, _ = _run(capsys, lib, "approve", sid, "--step", "1", "2", "--json")
    assert code == 0 and doc["status"] == "reviewed" and len(doc["changed"]) == 2
    code, doc, _ = _run(capsys, lib, "approve", sid, "--by", "Choi Young-ho", "--json")
    assert code == 0 and doc["status"] == "approved" == lib.session(sid).status
    assert {r["approved_by"] for r in lib.step_rows(sid)} == {"Choi Young-ho"}
    assert lib.audit_log()[-1]["detail"]["by"] == "Choi Young-ho"
    assert [s.status for s in lib.steps(sid)] == ["approved"] * n
    # an edit through the CLI re-indexes the step: search finds the new title at once
    code, doc, _ = _run(capsys, lib, "review", sid, "--step", "2", "--title", "Degas the plenum valve", "--json")
    assert code == 0
    assert search(lib, "degas plenum valve", k=1)[0].step_id == lib.steps(sid)[1].step_id
    code, doc, _ = _run(capsys, lib, "review", sid, "--step", "1", "--split",
                        str(round((lib.steps(sid)[0].start + lib.steps(sid)[0].end) / 2, 1)), "--json")
    assert code == 0 and len(lib.steps(sid)) == n + 1  # both parts keep the approved status
    assert lib.session(sid).status == "approved"
    actions = [e["action"] for e in lib.audit_log()]
    assert actions.count("approve") == 2 and "review status" in actions and "review split" in actions
    assert "review edit" in actions
    # bad input: one line on stderr, exit 2, nothing changed
    for argv in (("approve", "nope"), ("approve", sid, "--step", "99"), ("review", sid, "--step", "1", "2",
                                                                         "--title", "x")):
        before = [(s.step_id, s.status, s.title) for s in lib.steps(sid)]
        code, _, err = _run(capsys, lib, *argv)
        assert code == 2 and err.count("\n") == 1 and err.startswith("knowhow: error:"), err
        assert [(s.step_id, s.status, s.title) for s in lib.steps(sid)] == before


def _files_with(root: Path, phrase: bytes) -> list[str]:
    hits = []
    for p in root.rglob("*"):
        if p.is_file() and phrase in p.read_bytes().lower():
            hits.append(p.relative_to(root).as_posix())
    return sorted(hits)


def test_delete_erase_leaves_no_trace_on_disk(copy_library, capsys) -> None:
    lib = copy_library
    sid = lib.sample_session_id
    other = _other_session(lib)
    text = lib.transcript(sid).text.lower()
    # a phrase of four words that only the sample's narration holds
    words = re.findall(r"[a-z']+", text)
    phrase = next(" ".join(words[i:i + 4]) for i in range(len(words) - 4)
                  if len(" ".join(words[i:i + 4])) > 18 and " ".join(words[i:i + 4]) in text
                  and any(" ".join(words[i:i + 4]) in s.text.lower() for s in lib.steps(sid))).encode()
    assert _files_with(lib.root, phrase)  # the scan sees it while the session is there
    code, doc, err = _run(capsys, lib, "delete", sid, "--erase", "--json")
    assert code == 0 and doc == {"session_id": sid, "deleted": True, "erased": True, "vectors": "embedded"}, err
    assert _files_with(lib.root, phrase) == []
    assert not lib.media_dir(sid).exists()
    assert [s.session_id for s in lib.sessions()] == [other]
    assert [h.session_id for h in search(lib, "wipe the sensor window", k=3)] == [other]
    assert lib.vector_store().get_ids(sid) == []
    assert [e["detail"] for e in lib.audit_log("delete")] == [{"session_id": sid, "erase": True}]
    code, _, err = _run(capsys, lib, "delete", sid)
    assert code == 2 and "unknown session" in err and err.count("\n") == 1


def test_plain_delete_forgets_vectors(copy_library, capsys) -> None:
    lib = copy_library
    sid = lib.sample_session_id
    code, doc, _ = _run(capsys, lib, "delete", sid, "--json")
    assert code == 0 and doc["erased"] is False
    assert lib.vector_store().count() == 0 and lib.sessions() == []
