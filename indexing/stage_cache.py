"""Stage results cached on disk, so a killed ingest resumes and a repeated one redoes nothing.

The cache is a folder (normally `media/<session>/.work` in the library): the
transcript as JSON once speech recognition is done, then the whole computed
`SessionResult` (JSON, vectors as `.npy`, keyframes as JPEGs) until the commit
removes it. Every file is written to a temporary name and renamed, so a kill
leaves either the old state or the new one. Each file records the inputs that
made it (model, language, glossary…); a cache made from other inputs is ignored.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from indexing.models import (
    Marker,
    MediaInfo,
    ProcedureDraft,
    Segment,
    SessionResult,
    StepDraft,
    Transcript,
    Word,
)

log = logging.getLogger(__name__)

TRANSCRIPT = "transcript.json"
RESULT = "result.json"
VECTORS = "vectors.npy"


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def transcript_to_dict(t: Transcript) -> dict[str, Any]:
    return asdict(t)


def transcript_from_dict(d: Mapping[str, Any]) -> Transcript:
    segments = tuple(
        Segment(s["start"], s["end"], s["text"], tuple(Word(**w) for w in s.get("words", ())),
                s.get("avg_logprob", 0.0), s.get("no_speech_prob", 0.0))
        for s in d.get("segments", ())
    )
    return Transcript(d.get("language", ""), d.get("duration", 0.0), segments, d.get("model", ""))


class StageCache:
    """One session's cached stage results.

    Args:
        folder: The cache folder (created on first write).
        key: The inputs the results depend on; cached files made from other inputs are ignored.
    """

    def __init__(self, folder: Path, key: Mapping[str, Any]) -> None:
        self.folder = folder
        self.key = json.loads(json.dumps(dict(key), sort_keys=True, default=str))

    def _read(self, name: str) -> dict[str, Any] | None:
        path = self.folder / name
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if doc.get("key") != self.key:
            log.info("ignoring cached %s made from other inputs", path)
            return None
        return doc

    def transcript(self) -> Transcript | None:
        doc = self._read(TRANSCRIPT)
        return transcript_from_dict(doc["transcript"]) if doc else None

    def save_transcript(self, transcript: Transcript) -> None:
        _write_atomic(self.folder / TRANSCRIPT, json.dumps(
            {"key": self.key, "transcript": transcript_to_dict(transcript)}, ensure_ascii=False).encode())

    def result(self) -> SessionResult | None:
        """The whole computed session, when an earlier run got that far."""
        import numpy as np

        doc = self._read(RESULT)
        if doc is None:
            return None
        try:
            r = doc["result"]
            keyframes = {sid: (self.folder / "keyframes" / f"{sid}.jpg").read_bytes() for sid in r["keyframes"]}
            vectors = np.load(self.folder / VECTORS) if r["has_vectors"] else None
            return SessionResult(
                session_id=r["session_id"], sha256=r["sha256"], source_path=r["source_path"],
                info=MediaInfo(**r["info"]), meta=r["meta"],
                markers=tuple(Marker(**m) for m in r["markers"]),
                transcript=transcript_from_dict(r["transcript"]),
                procedures=[ProcedureDraft(**p) for p in r["procedures"]],
                steps=[StepDraft(**s) for s in r["steps"]], keyframes=keyframes, vectors=vectors,
                documents=list(r["documents"]), embed_model_id=r["embed_model_id"], stages=r["stages"],
            )
        except (OSError, KeyError, TypeError, ValueError):
            log.info("cached result in %s is incomplete; computing again", self.folder, exc_info=True)
            return None

    def save_result(self, result: SessionResult) -> None:
        import numpy as np

        for sid, jpeg in result.keyframes.items():
            _write_atomic(self.folder / "keyframes" / f"{sid}.jpg", jpeg)
        if result.vectors is not None:
            tmp = self.folder / (VECTORS + ".part.npy")
            np.save(tmp, np.asarray(result.vectors, dtype=np.float32))
            os.replace(tmp, self.folder / VECTORS)
        r = {
            "session_id": result.session_id, "sha256": result.sha256, "source_path": result.source_path,
            "info": asdict(result.info), "meta": result.meta, "markers": [asdict(m) for m in result.markers],
            "transcript": transcript_to_dict(result.transcript),
            "procedures": [asdict(p) for p in result.procedures], "steps": [asdict(s) for s in result.steps],
            "keyframes": sorted(result.keyframes), "has_vectors": result.vectors is not None,
            "documents": result.documents, "embed_model_id": result.embed_model_id, "stages": result.stages,
        }
        _write_atomic(self.folder / RESULT, json.dumps({"key": self.key, "result": r},
                                                       ensure_ascii=False).encode())
