"""Export: every format read back with the library its users use; splits; manifest; cancel."""

from __future__ import annotations

import csv
import json
import tarfile
from pathlib import Path

import pytest

from indexing.errors import CancelledError, ExportError
from indexing.export import ExportOptions, export, verify_export
from indexing.export.splits import assign_splits
from indexing.library import Library
from indexing.progress import CancelToken

try:
    from tests.test_export_data import build_library
except ImportError:  # tests/ is not a package: pytest puts it on sys.path
    from test_export_data import build_library

ALL = ("jsonl", "parquet", "hf", "webdataset")


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return build_library(tmp_path_factory.mktemp("exp") / "library", face=False)


@pytest.fixture(scope="module")
def full(lib: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "ds"
    export(lib, ExportOptions(out=str(out), formats=ALL, ratios=(1, 1, 1)))
    return out


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_records_hold_every_field_with_exact_values(full: Path) -> None:
    recs = [r for p in sorted((full / "data").glob("*.jsonl")) for r in _jsonl(p)]
    assert len(recs) == 6  # 3 sessions x 2 approved steps; the proposed third step is left out
    rec = next(r for r in recs if r["id"] == "sess-a-p1s02")
    assert rec["session_id"] == "sess-a" and rec["procedure_index"] == 0 and rec["step_index"] == 1
    assert rec["title"] == "Step 2 for Hans Becker"
    assert rec["category"] == "setup"
    assert rec["tools"] == ["torque wrench", "Acme Corp clamp"]
    assert rec["tips"] == ["Recipe X7 needs 5 bar"]
    assert rec["text"] == "Load Recipe X7 for the Acme Corp part."
    assert [w["word"] for w in rec["words"]] == [" Load", " Recipe", " X7", " for", " the", " Acme",
                                                 " Corp", " part."]
    assert rec["words"][0] == {"word": " Load", "start": 2.0, "end": 2.25, "probability": 0.9}
    assert (rec["start"], rec["end"], rec["duration"]) == (2.0, 4.0, 2.0)
    assert (rec["start_frame"], rec["end_frame"], rec["fps"]) == (20, 40, 10.0)
    assert rec["expert"] == "Hans Becker" and rec["workstation"] == "Press 4"
    assert rec["process"] == "die change" and rec["language"] == "en"
    assert rec["status"] == "approved" and rec["consent"] is True
    assert rec["consent_ref"] == "consent form Hans Becker 2024"
    assert rec["licence"] == "cc-by-4.0" and rec["asr_model"] == "tiny.en"
    assert rec["embed_model"] == "all-MiniLM-L6-v2" and rec["recorded_on"] == "2024-03-01"
    assert rec["procedure_title"] == "Change the die on Press 4"
    # stream copy with a key frame every second: the clip starts exactly at the step here
    assert rec["clip"] == "clips/sess-a-p1s02.mp4" and rec["clip_start"] == 2.0
    assert rec["keyframes"] == ["keyframes/sess-a-p1s02.jpg"]
    assert (full / rec["clip"]).is_file() and (full / rec["keyframes"][0]).is_file()


def test_clip_is_a_playable_cut_of_the_step(full: Path) -> None:
    import av

    with av.open(str(full / "clips" / "sess-b-p1s01.mp4")) as c:
        assert c.streams.video and c.streams.audio
        frames = sum(1 for _ in c.decode(video=0))
        assert c.duration is not None and abs(c.duration / 1e6 - 2.0) < 0.15
    assert frames == 20  # 2 s at 10 fps


def test_parquet_reads_back_with_pyarrow(full: Path) -> None:
    import pyarrow.parquet as pq

    tables = {p.stem: pq.read_table(p) for p in (full / "data").glob("*.parquet")}
    assert sum(t.num_rows for t in tables.values()) == 6
    rows = [r for t in tables.values() for r in t.to_pylist()]
    rec = next(r for r in rows if r["id"] == "sess-c-p1s01")
    assert rec["expert"] == "Maria Lopez" and rec["words"][0]["word"] == " Hans"
    assert tables[next(iter(tables))].schema.field("words").type.value_type.num_fields == 4


def test_hf_layout_opens_with_datasets_load_dataset(full: Path) -> None:
    import datasets

    ds = datasets.load_dataset(str(full))
    assert set(ds) == {"train", "validation", "test"}
    assert sum(ds[s].num_rows for s in ds) == 6
    ids = sorted(i for s in ds for i in ds[s]["id"])
    assert ids == ["sess-a-p1s01", "sess-a-p1s02", "sess-b-p1s01", "sess-b-p1s02",
                   "sess-c-p1s01", "sess-c-p1s02"]
    row = next(r for s in ds for r in ds[s] if r["id"] == "sess-a-p1s01")
    assert row["tools"] == ["lockout tag"] and row["start_frame"] == 0


def test_webdataset_shards_group_clip_json_txt_by_basename(full: Path) -> None:
    import webdataset as wds

    shards = sorted(str(p) for p in (full / "webdataset").glob("*.tar"))
    samples = list(wds.WebDataset(shards, shardshuffle=False))
    assert len(samples) == 6
    for s in samples:
        assert {"json", "txt", "mp4", "jpg"} <= set(s)
        rec = json.loads(s["json"])
        assert rec["id"] == s["__key__"] and s["txt"].decode() == rec["text"]
    with tarfile.open(shards[0]) as tar:
        names = tar.getnames()
    assert names[:4] == [f"{Path(names[0]).stem}.{e}" for e in ("json", "txt", "mp4", "jpg")]


def test_coin_and_crosstask_views(full: Path) -> None:
    coin = json.loads((full / "views" / "coin.json").read_text())
    video = coin["database"]["sess-a"]
    assert video["class"] == "Change the die on Press 4"
    assert [a["segment"] for a in video["annotation"]] == [[0.0, 2.0], [2.0, 4.0]]
    assert [a["label"] for a in video["annotation"]] == ["Step 1 for Hans Becker", "Step 2 for Hans Becker"]
    assert video["subset"] in {"training", "validation", "testing"}
    ann = full / "views" / "crosstask" / "annotations" / "sess-a-p1_sess-a.csv"
    assert list(csv.reader(ann.open())) == [["1", "0.00", "2.00"], ["2", "2.00", "4.00"]]
    tasks = (full / "views" / "crosstask" / "tasks.txt").read_text().splitlines()
    assert tasks[:5] == ["sess-a-p1", "Change the die on Press 4", "", "2",
                         "Step 1 for Hans Becker,Step 2 for Hans Becker"]


def test_card_describes_the_export(full: Path) -> None:
    card = (full / "README.md").read_text()
    assert card.startswith("---\nlicense: cc-by-4.0\n")
    assert "- steps: 6" in card and "- sessions (recordings): 3" in card
    assert "| `words` |" in card and "NOT anonymized" in card
    assert "- split: train" in card and 'path: "data/train.parquet"' in card


def test_manifest_verifies_and_catches_a_changed_file(full: Path, tmp_path: Path) -> None:
    import shutil

    res = verify_export(full)
    assert res.ok and res.checked == len([p for p in full.rglob("*") if p.is_file()]) - 1
    copy = tmp_path / "copy"
    shutil.copytree(full, copy)
    with (copy / "data" / "train.jsonl").open("ab") as f:
        f.write(b"\n")
    (copy / "stray.txt").write_text("x")
    (copy / "views" / "coin.json").unlink()
    res = verify_export(copy)
    assert not res.ok
    assert (res.changed, res.extra, res.missing) == (["data/train.jsonl"], ["stray.txt"], ["views/coin.json"])
    with pytest.raises(ExportError, match="no readable manifest"):
        verify_export(tmp_path)


def test_splits_are_grouped_deterministic_and_never_straddle(lib: Library, tmp_path: Path) -> None:
    sizes = {f"g{i}": 1 + i % 3 for i in range(20)}
    a = assign_splits(sizes, (0.8, 0.1, 0.1), seed=0)
    assert a == assign_splits(dict(reversed(sizes.items())), (0.8, 0.1, 0.1), seed=0)
    counts = {s: sum(sizes[g] for g in a if a[g] == s) for s in ("train", "validation", "test")}
    assert counts == {"train": 32, "validation": 4, "test": 3}
    assert assign_splits({"x": 5}, (0, 1, 0)) == {"x": "validation"}

    export(lib, ExportOptions(out=str(tmp_path / "e"), formats=("jsonl",), media="none",
                              split_by="expert", ratios=(0.5, 0.5, 0.0)))
    by_split = {p.stem: _jsonl(p) for p in (tmp_path / "e" / "data").glob("*.jsonl")}
    experts = {s: {r["expert"] for r in recs} for s, recs in by_split.items()}
    assert sorted(by_split) == ["train", "validation"]
    assert experts["train"].isdisjoint(experts["validation"])
    assert set().union(*experts.values()) == {"Hans Becker", "Maria Lopez"}


def test_filters_select_steps(lib: Library, tmp_path: Path) -> None:
    r = export(lib, ExportOptions(out=str(tmp_path / "f"), formats=("jsonl",), media="none",
                                  status="any", experts=("maria lopez",), categories=("safety", "inspection")))
    assert r.steps == 2 and r.sessions == 1
    r = export(lib, ExportOptions(out=str(tmp_path / "g"), formats=("jsonl",), media="none",
                                  date_from="2024-03-02", date_to="2024-03-31"))
    assert (r.steps, r.sessions) == (2, 1)
    with pytest.raises(ExportError, match="no steps to export"):
        export(lib, ExportOptions(out=str(tmp_path / "h"), workstations=("Lathe 9",)))
    assert not (tmp_path / "h").exists()


def test_cancel_leaves_nothing_and_audit_records_exports(lib: Library, tmp_path: Path) -> None:
    token = CancelToken()
    seen: list[float] = []

    def progress(p):  # cancel once media cutting has begun
        seen.append(p.fraction)
        if p.fraction > 0.1:
            token.cancel()

    with pytest.raises(CancelledError):
        export(lib, ExportOptions(out=str(tmp_path / "c"), formats=ALL), progress, token)
    assert list(tmp_path.iterdir()) == []
    before = lib.db.execute("SELECT count(*) FROM audit WHERE action='export'").fetchone()[0]
    r = export(lib, ExportOptions(out=str(tmp_path / "d"), formats=("jsonl",), media="none"))
    rows = list(lib.db.query("SELECT detail FROM audit WHERE action='export' ORDER BY id"))
    assert len(rows) == before + 1
    detail = json.loads(rows[-1]["detail"])
    assert detail["steps"] == 6 and detail["manifest_sha256"] == r.manifest_sha256
    with pytest.raises(ExportError, match="already exists"):
        export(lib, ExportOptions(out=str(tmp_path / "d"), formats=("jsonl",), media="none"))
