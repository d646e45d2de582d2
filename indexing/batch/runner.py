"""Batch ingest on Ray: workers compute sessions, this process is the only committer.

The driver checks and hashes every file first (bad input, duplicates and
files already in the library are settled without a worker), then hands the
rest to Ray actors. Each actor loads the speech and embedding models once and
returns plain `SessionResult`s; the driver commits each one as it arrives, in
one short locked step. A file that fails is reported with its reason and the
others go on; a killed batch resumes without redoing committed files (they
are "already" in the library), and the same batch again changes nothing.

Ray is imported lazily. With no address a local Ray runtime with `workers`
CPUs is started (and stopped at the end); with an address (`HOST:PORT` of a
running cluster's head, or `ray://HOST:PORT`) the work goes to that cluster,
whose nodes must see the recordings at the same paths. With one worker, or
where Ray is not installed (the installed app), and no address, the files are
computed one after another in this process: the same checks, the same worker
code and the same commits, without a Ray runtime to start.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indexing.errors import IndexingError
from indexing.progress import CancelToken, check

if TYPE_CHECKING:
    from indexing.compute import IngestRequest
    from indexing.library import Library

log = logging.getLogger(__name__)

MEDIA_SUFFIXES = (".mp4", ".mov", ".mkv", ".avi", ".webm", ".m4v", ".wav", ".mp3", ".m4a", ".flac",
                  ".ogg", ".opus", ".aac")
CONNECT_TIMEOUT_S = 5.0


class BatchError(IndexingError):
    """The batch cannot run at all (no files, Ray missing or unreachable)."""


@dataclass
class FileOutcome:
    """What happened to one file of a batch.

    Attributes:
        path: The file as given.
        status: "added", "already" (in the library before), "duplicate" (same recording
            as an earlier file of the batch) or "failed".
        session_id: The session, when there is one.
        steps: Steps committed.
        error: Why it failed (one line).
        compute_s: Seconds a worker computed it.
        commit_s: Seconds the commit held the writer lock.
    """

    path: str
    status: str
    session_id: str = ""
    steps: int = 0
    error: str = ""
    compute_s: float = 0.0
    commit_s: float = 0.0


@dataclass
class BatchResult:
    """A whole batch: per-file outcomes and timings."""

    files: list[FileOutcome] = field(default_factory=list)
    wall_s: float = 0.0
    lock_s: float = 0.0
    workers: int = 0
    ray_address: str = ""
    runner: str = ""  # "ray", or "in-process" (one file at a time, no Ray)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    def to_dict(self) -> dict[str, Any]:
        return {"files": [asdict(f) for f in self.files], "added": self.count("added"),
                "already": self.count("already"), "duplicates": self.count("duplicate"),
                "failed": self.count("failed"), "wall_s": round(self.wall_s, 3),
                "lock_s": round(self.lock_s, 3), "workers": self.workers, "ray_address": self.ray_address,
                "runner": self.runner}


def collect(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files of a batch: files as given, folders searched (recursively) for media, in order.

    Raises:
        BatchError: A path that does not exist, or no file at all.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in MEDIA_SUFFIXES
                           and ".work" not in f.parts)
        elif p.exists():
            found = [p]
        else:
            raise BatchError(f"no such file or folder: {p}")
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    if not out:
        raise BatchError("no recordings to ingest in " + ", ".join(str(p) for p in paths))
    return out


def check_address(address: str, timeout: float = CONNECT_TIMEOUT_S) -> None:
    """Fail fast, with one clear line, when a Ray address does not answer.

    Raises:
        BatchError: Not HOST:PORT, or nothing listens there within `timeout` seconds.
    """
    bare = address.split("://", 1)[-1].rstrip("/")
    host, _, port = bare.rpartition(":")
    if not host or not port.isdigit():
        raise BatchError(f"Ray address must look like HOST:PORT or ray://HOST:PORT, got {address!r}")
    try:
        with socket.create_connection((host, int(port)), timeout=timeout):
            pass
    except OSError as exc:
        raise BatchError(f"cannot reach the Ray cluster at {address} within {timeout:g} s "
                         f"({exc.strerror or type(exc).__name__}): is it running and is the address right?"
                         ) from None


class IngestWorker:
    """A Ray actor body: holds the models once, computes sessions, returns plain data."""

    def __init__(self, settings: dict[str, Any]) -> None:
        from indexing.compute import warm_embedder
        from indexing.models_registry import force_offline
        from indexing.transcribe import AsrConfig, load_model

        force_offline()
        self.settings = settings
        load_model(AsrConfig.from_settings(settings))
        warm_embedder(settings)

    def compute(self, req: IngestRequest) -> tuple[str, Any, float]:
        """("ok", SessionResult, seconds) or ("error", message, seconds)."""
        from indexing.compute import compute_session

        t0 = time.perf_counter()
        try:
            return "ok", compute_session(req), time.perf_counter() - t0
        except IndexingError as exc:
            return "error", str(exc), time.perf_counter() - t0
        except Exception as exc:  # noqa: BLE001 - a worker's bug fails its file, not the batch
            log.exception("computing %s failed", req.source)
            return "error", f"internal error: {type(exc).__name__}: {exc}", time.perf_counter() - t0


def ray_installed() -> bool:
    """Ray can be imported here (the installed app leaves it out)."""
    import importlib.util

    return importlib.util.find_spec("ray") is not None


def _start_ray(address: str | None, workers: int) -> tuple[Any, bool]:
    try:
        import ray
    except ImportError:
        raise BatchError('batch-ingest needs Ray: pip install "ray[default]"') from None
    if ray.is_initialized():
        return ray, False
    kwargs: dict[str, Any] = {"ignore_reinit_error": True, "log_to_driver": False,
                              "logging_level": logging.WARNING}
    env = {k: v for k, v in os.environ.items() if k in ("PYTHONPATH", "HF_HUB_OFFLINE") or k.startswith("KNOWHOW_")}
    kwargs["runtime_env"] = {"env_vars": env}
    if address:
        ray.init(address=address, **kwargs)
    else:
        # On a loaded machine Ray's agents take tens of seconds to come up; its default
        # wait for them is shorter than that, so a local runtime gets a longer one.
        os.environ.setdefault("RAY_agent_register_timeout_ms", "180000")
        ray.init(num_cpus=workers, include_dashboard=False, **kwargs)
    return ray, True


def batch_ingest(
    library: Library,
    paths: Sequence[str | os.PathLike[str]],
    *,
    workers: int = 2,
    ray_address: str | None = None,
    progress: Callable[[FileOutcome, int, int], None] | None = None,
    cancel: CancelToken | None = None,
) -> BatchResult:
    """Ingest many recordings: Ray workers compute, this process commits each result.

    Args:
        library: The target library (embedded Chroma, or a Chroma server via `chroma_url`).
        paths: Files and folders (searched for media).
        workers: Ray actors (each holds one copy of the models); the local runtime gets this many CPUs.
            One worker computes in this process, without Ray.
        ray_address: A running Ray cluster; None starts a local runtime (or, with one worker or
            without Ray installed, computes in this process).
        progress: Called `(outcome, done, total)` after each file.
        cancel: Stops handing out files; finished ones stay committed.

    Returns:
        Per-file outcomes (failures carry their reason) and timings.

    Raises:
        BatchError: No files, a Ray address given where Ray is missing, or one that does not answer.
    """
    from indexing.pipeline import request_for

    t0 = time.perf_counter()
    lock0 = library.lock.held_s
    files = collect(paths)
    if ray_address:
        check_address(ray_address)  # before any work: a dead address is one line, fast
    result = BatchResult(workers=max(1, workers), ray_address=ray_address or "")
    total = len(files)
    pending: list[tuple[int, IngestRequest]] = []
    by_hash: dict[str, int] = {}
    outcomes: list[FileOutcome | None] = [None] * total

    def settle(i: int, outcome: FileOutcome) -> None:
        outcomes[i] = outcome
        if progress is not None:
            progress(outcome, sum(o is not None for o in outcomes), total)

    for i, f in enumerate(files):
        try:
            req = request_for(library, f, title=f.stem)
        except IndexingError as exc:
            settle(i, FileOutcome(str(f), "failed", error=str(exc)))
            continue
        row = library.session_by_hash(req.sha256)
        if row is not None and library.is_complete(row):
            settle(i, FileOutcome(str(f), "already", row["session_id"], library.session(row["session_id"]).step_count))
        elif req.sha256 in by_hash:
            settle(i, FileOutcome(str(f), "duplicate", req.session_id,
                                  error=f"same recording as {files[by_hash[req.sha256]]}"))
        else:
            by_hash[req.sha256] = i
            pending.append((i, req))
    in_process = not ray_address and (result.workers == 1 or not ray_installed())
    result.runner = "in-process" if in_process else "ray"
    if in_process:
        result.workers = 1
    if pending:
        if in_process:
            _run_in_process(library, pending, files, settle, cancel)
        else:
            _run_on_ray(library, pending, files, result.workers, ray_address, settle, cancel)
    result.files = [o for o in outcomes if o is not None]
    result.wall_s = time.perf_counter() - t0
    result.lock_s = library.lock.held_s - lock0
    if result.count("added"):  # a batch that added nothing wrote nothing, the audit log included
        library.audit_action("batch ingest", {k: v for k, v in result.to_dict().items() if k != "files"})
    return result


def _run_on_ray(library: Library, pending: list[tuple[int, IngestRequest]], files: list[Path], workers: int,
                ray_address: str | None, settle: Callable[[int, FileOutcome], None],
                cancel: CancelToken | None) -> None:
    ray, started = _start_ray(ray_address, workers)
    settings = dict(pending[0][1].settings)
    if not settings.get("asr_threads"):
        settings["asr_threads"] = 1  # one core per actor: several actors share the machine
    try:
        actor_cls = ray.remote(num_cpus=1)(IngestWorker)
        actors = [actor_cls.remote(settings) for _ in range(min(workers, len(pending)))]
        queue = list(pending)
        running: dict[Any, tuple[int, Any]] = {}
        for actor in actors:
            if queue:
                i, req = queue.pop(0)
                running[actor.compute.remote(req)] = (i, actor)
        while running:
            ready, _ = ray.wait(list(running), num_returns=1)
            ref = ready[0]
            i, actor = running.pop(ref)
            f = files[i]
            try:
                status, payload, seconds = ray.get(ref)
            except Exception as exc:  # noqa: BLE001 - a dead worker fails its file, the rest go on
                status, payload, seconds = "error", f"worker failed: {type(exc).__name__}: {exc}", 0.0
            if queue and not (cancel is not None and cancel.cancelled):
                j, req = queue.pop(0)
                running[actor.compute.remote(req)] = (j, actor)
            settle(i, _commit(library, f, status, payload, seconds))
        check(cancel)
    finally:
        if started and not ray_address:
            ray.shutdown()


def _run_in_process(library: Library, pending: list[tuple[int, IngestRequest]], files: list[Path],
                    settle: Callable[[int, FileOutcome], None], cancel: CancelToken | None) -> None:
    """One file after another in this process, through the same worker code as a Ray actor's."""
    worker = IngestWorker(dict(pending[0][1].settings))
    for i, req in pending:
        check(cancel)
        status, payload, seconds = worker.compute(req)
        settle(i, _commit(library, files[i], status, payload, seconds))


def _commit(library: Library, f: Path, status: str, payload: Any, seconds: float) -> FileOutcome:
    """Commit one worker result (or record its failure) and say what happened to the file."""
    if status != "ok":
        return FileOutcome(str(f), "failed", error=str(payload).splitlines()[0], compute_s=seconds)
    try:
        held = library.lock.held_s
        done = library.commit_session(payload, action="ingest", extra_audit={"batch": True})
        return FileOutcome(str(f), "already" if done.already_ingested else "added", done.session_id,
                           len(payload.steps), compute_s=seconds, commit_s=library.lock.held_s - held)
    except IndexingError as exc:
        return FileOutcome(str(f), "failed", payload.session_id, error=str(exc), compute_s=seconds)
