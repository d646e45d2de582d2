"""Transcripts from subtitle files (SRT, WebVTT) instead of speech recognition.

A plant that already has subtitled videos, or a reviewer who corrected a
transcript, ingests the recording with it (`knowhow ingest FILE --transcript
FILE.srt`). Each cue becomes a `Segment`. Subtitles time cues, not words, so
the words inside a cue get times spread over the cue in proportion to their
length; such words are marked as estimated by `Word.probability ==
ESTIMATED` (-1.0, outside the recogniser's 0..1 confidences), and the
transcript's `model` names the file kind ("subtitles:srt", stored as the
session's `asr_model`).
"""

from __future__ import annotations

import re
from pathlib import Path

from indexing.errors import IndexingError
from indexing.models import Segment, Transcript, Word
from indexing.textfile import read_user_text

ESTIMATED = -1.0
"""`Word.probability` of a word whose times were estimated inside its cue (no recogniser ran)."""

END_SLACK = 0.5
"""Seconds a cue may run past the end of the media (rounding in subtitle editors)."""

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s+.*)?$")
_TAG = re.compile(r"<[^>]*>|\{\\[^}]*\}")
_VTT_BLOCKS = ("NOTE", "STYLE", "REGION")


class TranscriptFileError(IndexingError):
    """A transcript file that is not SRT/WebVTT, is empty, or does not fit the media."""


def _seconds(h: str | None, m: str, s: str, frac: str) -> float:
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + int(frac.ljust(3, "0")) / 1000.0


def _estimated_words(start: float, end: float, text: str) -> tuple[Word, ...]:
    tokens = text.split()
    if not tokens:
        return ()
    # Longer words take longer to say: share the cue by letters (plus one for the gap).
    weights = [len(re.sub(r"\W", "", t)) + 1 for t in tokens]
    total = sum(weights)
    out = []
    t = start
    for tok, w in zip(tokens, weights, strict=True):
        nxt = t + (end - start) * w / total
        out.append(Word(round(t, 3), round(nxt, 3), " " + tok, ESTIMATED))
        t = nxt
    return tuple(out)


def parse_subtitles(text: str, *, name: str = "transcript") -> tuple[str, list[Segment]]:
    """Parse SRT or WebVTT text into segments (cue text cleaned of markup, words estimated).

    Args:
        text: The file's text.
        name: The file's name, for messages.

    Returns:
        ("srt" or "vtt", segments in file order).

    Raises:
        TranscriptFileError: Not SRT/WebVTT, a bad timing line, a cue ending before it starts,
            cues out of order, or no cue with text.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    kind = "vtt" if lines and lines[0].startswith("WEBVTT") else "srt"
    if kind == "srt" and not any(_TIMING.match(line) for line in lines[:8]):
        raise TranscriptFileError(f"{name} is not an SRT or WebVTT transcript (no cue timing line "
                                  "like '00:00:01,000 --> 00:00:04,000' at its start)")
    segments: list[Segment] = []
    i = 1 if kind == "vtt" else 0
    cue = 0
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if kind == "vtt" and line.split(" ", 1)[0] in _VTT_BLOCKS:
            while i < len(lines) and lines[i].strip():
                i += 1
            continue
        if not _TIMING.match(line) and i + 1 < len(lines) and _TIMING.match(lines[i + 1].strip()):
            i += 1  # a cue number (SRT) or identifier (WebVTT)
            line = lines[i].strip()
        m = _TIMING.match(line)
        if not m:
            raise TranscriptFileError(f"{name}, line {i + 1}: expected a cue timing line, got {line[:40]!r}")
        cue += 1
        start, end = _seconds(*m.groups()[:4]), _seconds(*m.groups()[4:])
        if end <= start:
            raise TranscriptFileError(f"{name}, cue {cue}: ends at {end:.3f} s, not after its start {start:.3f} s")
        if segments and start < segments[-1].start:
            raise TranscriptFileError(f"{name}, cue {cue}: starts at {start:.3f} s, before the cue before it "
                                      f"({segments[-1].start:.3f} s): cues are out of order")
        i += 1
        body: list[str] = []
        while i < len(lines) and lines[i].strip():
            body.append(lines[i].strip())
            i += 1
        words = " ".join(_TAG.sub("", " ".join(body)).split())
        if words:
            segments.append(Segment(round(start, 3), round(end, 3), words, _estimated_words(start, end, words)))
    if not segments:
        raise TranscriptFileError(f"{name} holds no cue with text: the transcript is empty")
    return kind, segments


def load_transcript(path: str | Path, *, language: str, duration: float | None = None) -> Transcript:
    """Read a subtitle file as the transcript of a recording.

    Args:
        path: An .srt or .vtt file (UTF-8, or CP949 as Korean Windows tools save it).
        language: The narration's language code.
        duration: The media's length in seconds; cues past its end are an error.

    Returns:
        A `Transcript` whose `model` is "subtitles:srt" or "subtitles:vtt".

    Raises:
        TranscriptFileError: Missing, unreadable, not SRT/WebVTT, empty, out of order, or past the media's end.
    """
    p = Path(path)
    text = read_user_text(p, "transcript file", TranscriptFileError)
    kind, segments = parse_subtitles(text, name=p.name)
    if duration is not None and duration > 0:
        check_fits(segments, duration, name=p.name)
    return Transcript(language=language, duration=duration or segments[-1].end, segments=tuple(segments),
                      model=f"subtitles:{kind}")


def check_fits(segments: tuple[Segment, ...] | list[Segment], duration: float, *, name: str = "transcript") -> None:
    """Raise `TranscriptFileError` when a cue ends past the media's end (with `END_SLACK`)."""
    for n, seg in enumerate(segments, start=1):
        if seg.end > duration + END_SLACK:
            raise TranscriptFileError(f"{name}, cue {n}: ends at {seg.end:.3f} s, past the end of the media "
                                      f"({duration:.3f} s): is it the transcript of another recording?")
