"""Encrypted bundles: round trip, provenance, duplicates, tampering, truncation, unsafe paths."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from indexing.errors import ExportError
from indexing.export import ExportOptions, generate_identity, import_bundle, library_id, write_bundle
from indexing.export.bundle import encrypt_file
from indexing.export.cli_commands import add_parsers  # noqa: F401 - the CLI module imports cleanly
from indexing.library import Library

try:
    from tests.test_export_data import build_library
except ImportError:  # tests/ is not a package: pytest puts it on sys.path
    from test_export_data import build_library

PASS = "correct horse battery staple"


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return build_library(tmp_path_factory.mktemp("src") / "library", face=False)


@pytest.fixture(scope="module")
def bundle(source: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("b") / "plant.khb"
    write_bundle(source, path, ExportOptions(anonymize=True, blur_faces=False, formats=("jsonl",)),
                 passphrase=PASS)
    return path


def _state(lib: Library) -> tuple:
    files = sorted(p.relative_to(lib.root).as_posix() for p in lib.root.rglob("*")
                   if p.is_file() and not p.name.startswith(("catalog.db", ".writer")))
    return ([s.session_id for s in lib.sessions()], len(lib.all_steps()), files)


def test_bundle_round_trip_keeps_provenance_and_recognises_duplicates(source: Library, bundle: Path,
                                                                     tmp_path: Path) -> None:
    raw = bundle.read_bytes()
    assert raw.startswith(b"KHBUNDLE\x01") and b"Hans" not in raw and b"sess-a" not in raw
    target = Library(tmp_path / "central")
    res = import_bundle(target, bundle, passphrase=PASS, reindex=False)
    assert len(res.added) == 3 and res.duplicates == [] and res.steps == 6
    assert res.source_libraries == [library_id(source)]
    sessions = target.sessions()
    assert {s.expert.startswith("expert-") for s in sessions} == {True}
    row = target.session_row(res.added[0])
    assert row["source_library"] == library_id(source)
    assert row["sha256"] in {source.session_row(s)["sha256"] for s in ("sess-a", "sess-b", "sess-c")}
    steps = target.steps(res.added[0])
    assert [s.status for s in steps] == ["approved", "approved"]
    assert steps[1].text in {"Load [REDACTED] for the [REDACTED] part.", "[PERSON] locks out the press first."} \
        or steps[0].text == "[PERSON] locks out the press first."
    assert Path(target.session(res.added[0]).media_path).is_file()
    assert all(s.keyframe and Path(s.keyframe).is_file() for s in steps)
    assert len(target.transcript(res.added[0]).words) > 0
    again = import_bundle(target, bundle, passphrase=PASS, reindex=False)
    assert again.added == [] and sorted(again.duplicates) == sorted(res.added)
    audit = [r["action"] for r in target.db.query("SELECT action FROM audit ORDER BY id")]
    assert audit.count("import bundle") == 2
    src_audit = json.loads(next(iter(source.db.query(
        "SELECT detail FROM audit WHERE action='export bundle' ORDER BY id DESC LIMIT 1")))["detail"])
    assert src_audit["steps"] == 6 and len(src_audit["bundle_sha256"]) == 64


def test_recipient_keys_and_wrong_keys(source: Library, tmp_path: Path) -> None:
    secret, public = generate_identity()
    other, _ = generate_identity()
    path = tmp_path / "r.khb"
    write_bundle(source, path, ExportOptions(anonymize=True, blur_faces=False, media="none",
                                             formats=("jsonl",), sessions=("sess-c",)), recipients=(public,))
    target = Library(tmp_path / "t")
    with pytest.raises(ExportError, match="wrong passphrase or key"):
        import_bundle(target, path, identity=other, reindex=False)
    with pytest.raises(ExportError, match="give its passphrase"):
        import_bundle(target, path, reindex=False)
    (tmp_path / "id.txt").write_text(secret + "\n")
    res = import_bundle(target, path, identity=str(tmp_path / "id.txt"), reindex=False)
    assert len(res.added) == 1 and res.steps == 2


@pytest.mark.parametrize("where", ["header", "middle", "end"])
def test_a_flipped_byte_is_rejected_and_nothing_changes(bundle: Path, tmp_path: Path, where: str) -> None:
    data = bytearray(bundle.read_bytes())
    pos = {"header": 20, "middle": len(data) // 2, "end": len(data) - 3}[where]
    data[pos] ^= 0x01
    bad = tmp_path / "bad.khb"
    bad.write_bytes(bytes(data))
    target = Library(tmp_path / "t")
    before = _state(target)
    with pytest.raises(ExportError, match="tampered|damaged"):
        import_bundle(target, bad, passphrase=PASS, reindex=False)
    assert _state(target) == before and not list(target.root.glob(".import-*"))


@pytest.mark.parametrize("keep", [0.5, 0.999])
def test_a_truncated_bundle_is_rejected(bundle: Path, tmp_path: Path, keep: float) -> None:
    data = bundle.read_bytes()
    bad = tmp_path / "short.khb"
    bad.write_bytes(data[: int(len(data) * keep)])
    target = Library(tmp_path / "t")
    before = _state(target)
    with pytest.raises(ExportError, match="truncated"):
        import_bundle(target, bad, passphrase=PASS, reindex=False)
    assert _state(target) == before


def _evil_bundle(tmp_path: Path, member: tarfile.TarInfo, data: bytes = b"owned") -> Path:
    plain = tmp_path / "evil.tar"
    with tarfile.open(plain, "w") as tar:
        if member.isfile():
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
        else:
            tar.addfile(member)
    out = tmp_path / "evil.khb"
    encrypt_file(plain, out, passphrase=PASS)
    return out


@pytest.mark.parametrize("name", ["../evil.txt", "library/../../evil.txt", "/tmp/evil.txt"])
def test_paths_outside_the_library_are_rejected(tmp_path: Path, name: str) -> None:
    target = Library(tmp_path / "lib")
    before = _state(target)
    path = _evil_bundle(tmp_path, tarfile.TarInfo(name))
    with pytest.raises(ExportError, match="unsafe path"):
        import_bundle(target, path, passphrase=PASS, reindex=False)
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()
    assert _state(target) == before


def test_links_in_a_bundle_are_rejected(tmp_path: Path) -> None:
    link = tarfile.TarInfo("library/media/x/recording.mp4")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    target = Library(tmp_path / "lib")
    with pytest.raises(ExportError, match="link or special file"):
        import_bundle(target, _evil_bundle(tmp_path, link), passphrase=PASS, reindex=False)
    assert target.sessions() == []


def test_cli_export_verify_and_import(source: Library, tmp_path: Path, monkeypatch, capsys) -> None:
    from indexing.cli import main

    monkeypatch.setenv("KNOWHOW_PASSPHRASE", PASS)
    monkeypatch.setenv("KNOWHOW_LOG_DIR", str(tmp_path / "logs"))
    lib = str(source.root)
    assert main(["--library", lib, "export", "--out", str(tmp_path / "o"), "--format", "jsonl,parquet",
                 "--media", "none", "--split-by", "expert", "--json", "-q"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["steps"] == 6 and doc["sessions"] == 3
    assert main(["verify-export", str(tmp_path / "o"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    (tmp_path / "o" / "README.md").write_text("changed")
    assert main(["verify-export", str(tmp_path / "o")]) == 1
    capsys.readouterr()
    assert main(["--library", lib, "export", "--bundle", str(tmp_path / "x.khb"), "--passphrase", "--no-blur",
                 "--media", "none", "-q"]) == 0
    capsys.readouterr()
    assert main(["--library", str(tmp_path / "central"), "import-bundle", str(tmp_path / "x.khb"),
                 "--passphrase", "--no-reindex", "--json", "-q"]) == 0
    assert len(json.loads(capsys.readouterr().out)["added"]) == 3


def test_a_korean_session_from_a_bundle_is_embedded_with_the_korean_model(tmp_path: Path) -> None:
    """Imported sessions get the model of their language, as if they had been ingested here."""
    from indexing.embed import get_embedder
    from indexing.models import MediaInfo, ProcedureDraft, SessionResult, StepDraft, Transcript
    from indexing.search import search
    from indexing.store import close_stores, open_store

    close_stores()
    src = Library(tmp_path / "ko-plant")
    texts = [("클램프 볼트 풀기", "클램프 볼트는 대각선 순서로 조금씩 풀어 줍니다."),
             ("잔압 제거", "작업 전에 어큐뮬레이터의 잔압을 완전히 빼서 압력계가 0을 가리키는지 확인합니다.")]
    steps = [StepDraft(0, i, 10.0 * i, 10.0 * i + 10, text, title=title, status="approved")
             for i, (title, text) in enumerate(texts)]
    src.commit_session(SessionResult(
        "ko-die", "k" * 64, "", MediaInfo("", 20.0, False, True),
        {"title": "금형 교체", "language": "ko", "expert": "박정호", "consent": True}, (),
        Transcript("ko", 20.0), [ProcedureDraft(0, "금형 교체", 0.0, 20.0)], steps))
    path = tmp_path / "ko.khb"
    write_bundle(src, path, ExportOptions(anonymize=False, formats=("jsonl",)), passphrase=PASS)
    target = Library(tmp_path / "central")
    res = import_bundle(target, path, passphrase=PASS, reindex=True)
    assert len(res.added) == 1
    en = open_store(target, get_embedder("all-MiniLM-L6-v2", "cpu").model_id)
    ko = open_store(target, get_embedder("multilingual-e5-small", "cpu").model_id)
    assert not en.get_ids(res.added[0])
    assert sorted(ko.get_ids(res.added[0])) == sorted(s.step_id for s in target.steps(res.added[0]))
    assert search(target, "볼트 풀 때 순서가 어떻게 돼?", k=2)[0].title == "클램프 볼트 풀기"
    close_stores()
