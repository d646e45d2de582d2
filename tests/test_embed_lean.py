"""The lean default embedder: MiniLM on ONNX Runtime agrees with sentence-transformers, and the
default command-line and app paths never import torch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from indexing.embed import Embedder, get_embedder
from indexing.embedders.onnx_minilm import OnnxEmbedder, check_pipeline, export_onnx, wants_lean
from indexing.errors import EmbeddingError
from indexing.models_registry import resolve_embed_model

ROOT = Path(__file__).resolve().parents[1]

# Held-out texts (not the sample's narration): short queries, codes, long narration past the
# 256-token cut, other languages, punctuation, an empty string, and a batch of mixed lengths.
TEXTS = [
    "how do I stop the press safely",
    "PX-4471",
    "M8-1.25 threaded tip",
    "Swap the die\nI loosen the four clamp bolts with the 24 millimetre socket and slide the old die out.",
    "Tools: torque wrench, feeler gauge\nWarnings: Never reach into the die area with power on.",
    " ".join(["Run a short bead on a scrap coupon and listen for a steady crackle."] * 40),
    "프레스를 안전하게 정지하는 방법은 무엇입니까?",
    "Wie wechsle ich das Werkzeug an der Presse?",
    "!!! ??? ...",
    "",
    "a",
    "Check the runout: more than two hundredths (0.02 mm) and you do it again.",
]


@pytest.fixture(scope="module")
def lean() -> OnnxEmbedder:
    return OnnxEmbedder("all-MiniLM-L6-v2")


def test_default_model_goes_lean(lean: OnnxEmbedder) -> None:
    assert wants_lean("all-MiniLM-L6-v2", "cpu") and wants_lean("sentence-transformers/all-MiniLM-L6-v2", "auto")
    assert not wants_lean("all-MiniLM-L6-v2", "cuda")
    assert not wants_lean("paraphrase-multilingual-MiniLM-L12-v2", "cpu")
    assert isinstance(get_embedder("all-MiniLM-L6-v2", "cpu"), OnnxEmbedder)
    # Same collection as before: existing libraries keep their vectors.
    assert lean.model_id == "all-MiniLM-L6-v2-384"


def test_vectors_agree_with_sentence_transformers(lean: OnnxEmbedder) -> None:
    reference = Embedder("all-MiniLM-L6-v2", "cpu")
    assert reference.model_id == lean.model_id
    ours = lean.encode(TEXTS, batch_size=4)  # several batches, sorted by length inside
    theirs = reference.encode(TEXTS)
    assert ours.shape == theirs.shape == (len(TEXTS), 384) and ours.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.99, dict(zip(TEXTS, cosines.round(4), strict=True))
    # One text alone (the query path, one thread) gives the same vector as inside a batch.
    np.testing.assert_allclose(lean.encode([TEXTS[3]])[0], ours[3], atol=1e-4)
    assert lean.encode([]).shape == (0, 384)


def test_other_pipelines_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    (folder / "1_Pooling").mkdir(parents=True)
    (folder / "modules.json").write_text(
        '[{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},'
        ' {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}]')
    with pytest.raises(EmbeddingError, match="not Transformer, Pooling, Normalize"):
        check_pipeline(folder)
    with pytest.raises(EmbeddingError):
        export_onnx(folder, tmp_path / "out.onnx")
    assert not (tmp_path / "out.onnx").exists()


def test_bundled_folder_pipeline_is_mean_pooling() -> None:
    assert check_pipeline(Path(resolve_embed_model("all-MiniLM-L6-v2"))) == 256


def _imported(args: list[str], tmp_path: Path, timeout: int = 300) -> tuple[subprocess.CompletedProcess[str], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "KNOWHOW_NO_DIALOGS": "1"}
    proc = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=tmp_path)
    modules = "\n".join(line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()
                        if line.startswith("import time:"))
    return proc, modules


HEAVY = ("torch", "sentence_transformers", "transformers")


@pytest.mark.slow
def test_cli_search_never_imports_torch(sample_library, tmp_path: Path) -> None:
    proc, modules = _imported(["-m", "indexing.cli", "--library", str(sample_library.root), "search",
                               "how do I change the die", "--json"], tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert '"step_id"' in proc.stdout
    names = set(modules.split("\n"))
    assert "onnxruntime" in names  # the query really was embedded in this process
    assert not names & set(HEAVY), sorted(names & set(HEAVY))
    # A small library is ranked exactly from the catalog's vectors: the store is not even imported.
    assert "chromadb" not in names


@pytest.mark.slow
@pytest.mark.gui
def test_app_screenshot_never_imports_torch(sample_library, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    import shutil

    shutil.copytree(sample_library.root, lib, ignore=shutil.ignore_patterns(".writer.lock"))
    proc, modules = _imported(["-m", "capture_app", "--library", str(lib), "--screenshot",
                               str(tmp_path / "shots")], tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert list((tmp_path / "shots").glob("*.png"))
    names = set(modules.split("\n"))
    assert not names & set(HEAVY), sorted(names & set(HEAVY))


def _shipped_folder(src_graph: Path, dest: Path) -> Path:
    """A model folder as the frozen bundle ships it: configuration, tokenizer and onnx/model.onnx,
    no safetensors weights."""
    import shutil

    source = Path(resolve_embed_model("all-MiniLM-L6-v2"))
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("*.safetensors", "*.bin", "onnx"))
    (dest / "onnx").mkdir()
    try:
        os.link(src_graph, dest / "onnx" / "model.onnx")  # 90 MB: a hard link where the disk allows
    except OSError:
        shutil.copy2(src_graph, dest / "onnx" / "model.onnx")
    return dest


def _loaded_graphs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record which files ONNX Runtime really opens (the real sessions still run)."""
    import onnxruntime as ort

    opened: list[str] = []
    real = ort.InferenceSession

    def spy(path: str, *args: object, **kwargs: object) -> object:
        opened.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(ort, "InferenceSession", spy)
    return opened


def test_optimised_graph_cache_without_weights_in_a_read_only_folder(
        lean: OnnxEmbedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The frozen bundle's case: no safetensors, and an install folder the app must not write.
    folder = _shipped_folder(lean.onnx_file, tmp_path / "opt-install" / "model")
    before = sorted(p.name for p in (folder / "onnx").iterdir())
    for d in (folder / "onnx", folder):
        d.chmod(0o555)
    monkeypatch.setenv("KNOWHOW_MODELS_DIR", str(tmp_path / "user-models"))
    opened = _loaded_graphs(monkeypatch)
    try:
        first = OnnxEmbedder(str(folder))
        kept = list((tmp_path / "user-models").rglob("model.opt-ort*.onnx"))
        assert len(kept) == 1, "the optimised copy must be kept in the user's model cache"
        second = OnnxEmbedder(str(folder))
        assert opened == [str(folder / "onnx" / "model.onnx"), str(kept[0])]
        np.testing.assert_allclose(second.encode(TEXTS[:3]), first.encode(TEXTS[:3]), atol=1e-5)
        assert sorted(p.name for p in (folder / "onnx").iterdir()) == before
    finally:
        for d in (folder, folder / "onnx"):
            d.chmod(0o755)


def test_optimised_graph_built_beside_the_shipped_graph(
        lean: OnnxEmbedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The installer build step: the copy is made beside the bundled graph, so a first start on a
    # read-only install loads it and writes nothing; a newer graph makes it stale.
    from indexing.embedders.onnx_minilm import main

    folder = _shipped_folder(lean.onnx_file, tmp_path / "bundle" / "model")
    graph = folder / "onnx" / "model.onnx"
    assert main(["--optimise", str(graph)]) == 0
    (beside,) = (folder / "onnx").glob("model.opt-ort*.onnx")
    monkeypatch.setenv("KNOWHOW_MODELS_DIR", str(tmp_path / "user-models"))
    opened = _loaded_graphs(monkeypatch)
    OnnxEmbedder(str(folder))
    assert opened == [str(beside)]
    assert not (tmp_path / "user-models").exists()
    past = graph.stat().st_mtime_ns - 10**9  # the copy's clock, not the (hard-linked) graph's
    os.utime(beside, ns=(past, past))
    OnnxEmbedder(str(folder))
    assert opened[1] == str(graph)  # stale copy ignored: the graph itself is optimised again
    with pytest.raises(EmbeddingError, match="no ONNX graph"):
        main(["--optimise", str(tmp_path / "missing.onnx")])


def test_bundle_with_only_the_optimised_graph(
        lean: OnnxEmbedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # installers/build-linux.sh drops the plain graph after optimising it (87 MB less): the
    # runtime then loads the optimised copy alone, writes nothing, and gives the same vectors.
    from indexing.embedders.onnx_minilm import main

    folder = _shipped_folder(lean.onnx_file, tmp_path / "bundle" / "model")
    graph = folder / "onnx" / "model.onnx"
    assert main(["--optimise", str(graph)]) == 0
    graph.unlink()
    (only,) = (folder / "onnx").glob("model.opt-ort*.onnx")
    monkeypatch.setenv("KNOWHOW_MODELS_DIR", str(tmp_path / "user-models"))
    opened = _loaded_graphs(monkeypatch)
    frozen = OnnxEmbedder(str(folder))
    assert opened == [str(only)] and frozen.onnx_file == only
    assert not (tmp_path / "user-models").exists()
    np.testing.assert_allclose(frozen.encode(TEXTS), lean.encode(TEXTS), atol=1e-5)
    only.unlink()  # neither graph: one clear error (no torch export from a folder without weights)
    with pytest.raises(EmbeddingError):
        OnnxEmbedder(str(folder))
