"""SRT and WebVTT transcripts: parsing, estimated word times, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexing.subtitles import ESTIMATED, TranscriptFileError, load_transcript, parse_subtitles

SRT = """1
00:00:01,000 --> 00:00:04,500
먼저 클램프 볼트를
<i>19mm 소켓으로</i> 풉니다.

2
00:00:05,000 --> 00:00:07,000
{\\an8}다음으로
"""

VTT = """WEBVTT - generated

NOTE a comment
spanning two lines

intro
00:01.000 --> 00:04.000 align:start position:10%
<v 박정호>먼저 볼트를 풉니다.

00:01:05.250 --> 00:01:06.000
끝.
"""


def test_srt_cues_become_segments_with_estimated_words() -> None:
    kind, segs = parse_subtitles(SRT)
    assert kind == "srt"
    assert [(s.start, s.end, s.text) for s in segs] == [
        (1.0, 4.5, "먼저 클램프 볼트를 19mm 소켓으로 풉니다."), (5.0, 7.0, "다음으로")]
    words = segs[0].words
    assert [w.word for w in words] == [" 먼저", " 클램프", " 볼트를", " 19mm", " 소켓으로", " 풉니다."]
    assert words[0].start == 1.0 and words[-1].end == 4.5
    assert all(a.end == b.start for a, b in zip(words, words[1:], strict=False))
    assert [w.end - w.start > 0 for w in words] == [True] * 6
    assert {w.probability for w in words} == {ESTIMATED}
    # Longer words get more of the cue: 소켓으로 (4 letters) outlasts 먼저 (2).
    assert words[4].end - words[4].start > words[0].end - words[0].start


def test_webvtt_skips_notes_settings_and_voice_tags() -> None:
    kind, segs = parse_subtitles(VTT)
    assert kind == "vtt"
    assert [(s.start, s.end, s.text) for s in segs] == [(1.0, 4.0, "먼저 볼트를 풉니다."), (65.25, 66.0, "끝.")]


def test_load_transcript_checks_the_media_length(tmp_path: Path) -> None:
    f = tmp_path / "t.srt"
    f.write_text(SRT, encoding="utf-8")
    tx = load_transcript(f, language="ko", duration=10.0)
    assert (tx.language, tx.model, tx.duration, len(tx.segments)) == ("ko", "subtitles:srt", 10.0, 2)
    with pytest.raises(TranscriptFileError, match=r"cue 2: ends at 7.000 s, past the end of the media \(5.000 s\)"):
        load_transcript(f, language="ko", duration=5.0)


@pytest.mark.parametrize(("text", "message"), [
    ("just some notes\nabout the job\n", "is not an SRT or WebVTT transcript"),
    ("", "is not an SRT or WebVTT transcript"),
    ("WEBVTT\n\n", "holds no cue with text"),
    ("1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\n   \n", "holds no cue with text"),
    ("1\n00:00:05,000 --> 00:00:06,000\n나중\n\n2\n00:00:01,000 --> 00:00:02,000\n먼저\n", "out of order"),
    ("1\n00:00:05,000 --> 00:00:04,000\n거꾸로\n", "not after its start"),
    ("1\n00:00:01,000 --> 00:00:02,000\n하나\n\n2\nnot a timing\n둘\n", "expected a cue timing line"),
])
def test_bad_transcripts_are_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    f = tmp_path / "bad.srt"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(TranscriptFileError, match=message):
        load_transcript(f, language="ko")


def test_unreadable_transcripts(tmp_path: Path) -> None:
    with pytest.raises(TranscriptFileError, match="does not exist"):
        load_transcript(tmp_path / "missing.srt", language="ko")
    f = tmp_path / "latin1.srt"
    f.write_bytes("1\n00:00:01,000 --> 00:00:02,000\ncaf\xe9\n".encode("latin-1"))
    with pytest.raises(TranscriptFileError, match="not UTF-8 or CP949"):
        load_transcript(f, language="ko")
    with pytest.raises(TranscriptFileError, match="is a folder"):
        load_transcript(tmp_path, language="ko")


def test_korean_windows_subtitles_in_cp949_are_read(tmp_path: Path) -> None:
    """Korean subtitle editors on Windows save SRT in CP949, not UTF-8."""
    f = tmp_path / "금형교체.srt"
    f.write_bytes("1\n00:00:01,000 --> 00:00:04,000\n볼트는 대각선 순서로 조금씩 풀어 줍니다.\n".encode("cp949"))
    transcript = load_transcript(f, language="ko")
    assert transcript.segments[0].text == "볼트는 대각선 순서로 조금씩 풀어 줍니다."
