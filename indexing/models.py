"""Typed results passed between the pipeline stages.

Every stage takes and returns these plain dataclasses; none of them hold a
database handle or a model, so they cross thread and process boundaries freely.
Times are always seconds from the start of the session's media.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

MarkerKind = Literal["step", "tip", "warning", "procedure"]
MARKER_KINDS: tuple[str, ...] = ("step", "tip", "warning", "procedure")

CATEGORIES: tuple[str, ...] = (
    "setup",
    "safety",
    "operation",
    "inspection",
    "adjustment",
    "troubleshooting",
    "cleanup",
)

STEP_STATUSES: tuple[str, ...] = ("proposed", "reviewed", "approved")

SESSION_STATUSES: tuple[str, ...] = ("needs review", "reviewed", "approved")
"""Every status a stored session can have; the library moves it as steps are reviewed.

"needs review": some step is only proposed (or there are no steps yet);
"reviewed": every step is reviewed or approved, not all approved; "approved": every step is.
"""


def session_status(step_statuses: Sequence[str]) -> str:
    """The session status that follows from its steps' statuses (see `SESSION_STATUSES`)."""
    if not step_statuses or any(s not in ("reviewed", "approved") for s in step_statuses):
        return "needs review"
    return "approved" if all(s == "approved" for s in step_statuses) else "reviewed"


@dataclass(frozen=True)
class MediaInfo:
    """What probing a media file found.

    Attributes:
        path: The probed file.
        duration: Length in seconds (of the longest stream).
        has_audio: Whether there is at least one audio stream.
        has_video: Whether there is at least one video stream.
        fps: Video frame rate, 0.0 without video.
        width: Video width in pixels, 0 without video.
        height: Video height in pixels, 0 without video.
        container: Container format name as FFmpeg reports it.
        audio_codec: Codec of the first audio stream, "" without audio.
        video_codec: Codec of the first video stream, "" without video.
    """

    path: str
    duration: float
    has_audio: bool
    has_video: bool
    fps: float = 0.0
    width: int = 0
    height: int = 0
    container: str = ""
    audio_codec: str = ""
    video_codec: str = ""


@dataclass(frozen=True)
class Marker:
    """A tap during recording: "next step", "tip", "warning" or "procedure"."""

    t: float
    kind: str
    note: str = ""


@dataclass(frozen=True)
class Word:
    """One recognised word with its timing and recogniser confidence."""

    start: float
    end: float
    word: str
    probability: float = 1.0


@dataclass(frozen=True)
class Segment:
    """One recognised stretch of speech (about a sentence)."""

    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0


@dataclass(frozen=True)
class Transcript:
    """The whole narration of a session."""

    language: str
    duration: float
    segments: tuple[Segment, ...] = ()
    model: str = ""

    @property
    def text(self) -> str:
        return " ".join(s.text.strip() for s in self.segments).strip()

    @property
    def words(self) -> list[Word]:
        return [w for s in self.segments for w in s.words]


@dataclass(frozen=True)
class Boundary:
    """A proposed cut between two steps, with how sure the segmenter is.

    Attributes:
        t: Time of the cut in seconds.
        confidence: 0..1; markers give 1.0.
        reasons: Which cues supported the cut, e.g. ("marker",) or ("cue:next", "pause", "visual").
        kind: "step" or "procedure".
    """

    t: float
    confidence: float
    reasons: tuple[str, ...] = ()
    kind: str = "step"


@dataclass
class StepDraft:
    """A step as the segmenter and labeller propose it, before it is stored."""

    procedure_index: int
    index: int
    start: float
    end: float
    text: str
    title: str = ""
    category: str = "operation"
    tools: list[str] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    boundary_confidence: float = 1.0
    keyframe_t: float | None = None
    status: str = "proposed"
    reason: str = ""


@dataclass
class ProcedureDraft:
    """A named task inside a session."""

    index: int
    title: str
    start: float
    end: float


@dataclass(frozen=True)
class Step:
    """A stored step, as the catalog returns it (the command-line contract's fields)."""

    step_id: str
    session_id: str
    procedure: str
    procedure_index: int
    index: int
    start: float
    end: float
    title: str
    text: str
    category: str
    tools: tuple[str, ...]
    tips: tuple[str, ...]
    warnings: tuple[str, ...]
    keyframe: str | None
    status: str
    boundary_confidence: float = 1.0
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["tools"] = list(self.tools)
        d["tips"] = list(self.tips)
        d["warnings"] = list(self.warnings)
        return d


@dataclass(frozen=True)
class Session:
    """A stored recording session."""

    session_id: str
    title: str
    expert: str
    workstation: str
    process: str
    language: str
    consent: bool
    media_path: str
    sha256: str
    duration: float
    has_video: bool
    fps: float
    status: str
    created_at: str
    step_count: int = 0
    procedure_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SearchHit:
    """One search result: a step with its place in the media and a fused score."""

    step_id: str
    session_id: str
    index: int
    start: float
    end: float
    title: str
    text: str
    score: float
    category: str = ""
    workstation: str = ""
    expert: str = ""
    session_title: str = ""
    keyframe: str | None = None
    tips: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["tips"] = list(self.tips)
        d["warnings"] = list(self.warnings)
        return d


@dataclass(frozen=True)
class IngestResult:
    """What `ingest` returns (the command-line contract's fields)."""

    session_id: str
    duration: float
    procedures: int
    steps: int
    already_ingested: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "duration": self.duration,
            "procedures": self.procedures,
            "steps": self.steps,
        }


@dataclass
class SessionResult:
    """Everything computed for one recording, ready for the library's one commit.

    Stages fill it from data alone (no library handle), so it crosses thread,
    process and Ray boundaries; `Library.commit_session` writes it at once.

    Attributes:
        session_id: Derived from the media's SHA-256.
        sha256: The media's SHA-256.
        source_path: Where the media was read from (linked or copied into the library).
        info: What probing the media found.
        meta: Session metadata: title, expert, workstation, process, language, consent, …
        markers: Taps recorded with the media.
        transcript: The narration.
        procedures: Named tasks, in order.
        steps: Labeled steps, in order (their `status` is stored as is).
        keyframes: JPEG bytes per step id (steps without a picture are absent).
        vectors: One embedding per step (same order), or None when not embedded.
        documents: The embedded text per step (same order).
        embed_model_id: `Embedder.model_id` of the vectors (names the collection).
        stages: Stage name to a short detail, for the catalog's `stages` table.
    """

    session_id: str
    sha256: str
    source_path: str
    info: MediaInfo
    meta: dict[str, Any]
    markers: tuple[Marker, ...]
    transcript: Transcript
    procedures: list[ProcedureDraft]
    steps: list[StepDraft]
    keyframes: dict[str, bytes] = field(default_factory=dict)
    vectors: Any = None
    documents: list[str] = field(default_factory=list)
    embed_model_id: str = ""
    stages: dict[str, str] = field(default_factory=dict)
