"""Pure helpers behind the views: snippets, progress, status labels, preferences."""

from __future__ import annotations

import json

import pytest

from capture_app.prefs import Prefs
from capture_app.views.library_view import status_label
from capture_app.widgets.cards import query_terms, snippet_html
from capture_app.widgets.common import fmt_time
from capture_app.workers import overall_fraction
from indexing.models import Session


def test_query_terms_drop_stop_words():
    assert query_terms("How do I lock out the press?") == ["lock", "out", "press"]


def test_snippet_emphasises_matches_and_stems():
    text = "First we lock out the press. Then loosen the clamps with the torque wrench."
    assert snippet_html(text, "clamp wrench") == (
        "First we lock out the press. Then loosen the <b>clamps</b> with the torque <b>wrench</b>."
    )


def test_snippet_escapes_and_windows_around_the_first_match():
    words = [f"w{i}" for i in range(60)]
    words[40] = "<bolster>"
    out = snippet_html(" ".join(words), "bolster", max_words=10)
    assert out == "… w38 w39 &lt;<b>bolster</b>&gt; w41 w42 w43 w44 w45 w46 w47 …"


@pytest.mark.parametrize(("stage", "fraction", "expected"), [
    ("import", 0.5, 0.1), ("transcribe: 12 s of 60 s", 0.5, 0.3), ("embed", 1.0, 1.0), ("other", 0.25, 0.25),
])
def test_overall_fraction(stage, fraction, expected):
    assert overall_fraction(stage, fraction) == pytest.approx(expected)


def _session(status):
    return Session("s", "t", "e", "w", "p", "en", True, "/m.mp4", "x", 1.0, True, 30.0, status, "now")


@pytest.mark.parametrize(("status", "label"), [
    ("needs review", "needs review"), ("reviewed", "reviewed"), ("approved", "approved"),
    ("transcribing", "unfinished"), ("ready", "unfinished"),
])
def test_status_label(status, label):
    assert status_label(_session(status)) == label


def test_session_status_follows_the_steps(tmp_path):
    from tests.gui.tiny import TINY_SESSION, make_tiny_library

    lib = make_tiny_library(tmp_path / "lib")
    assert lib.session(TINY_SESSION).status == "needs review"  # two steps are only proposed
    ids = [s.step_id for s in lib.steps(TINY_SESSION)]
    lib.set_steps_status(ids, "reviewed", action="review status")
    assert lib.session(TINY_SESSION).status == "reviewed"
    lib.set_steps_status(ids, "approved")
    assert status_label(lib.session(TINY_SESSION)) == "approved"
    lib.update_step(ids[0], status="proposed")
    assert lib.session(TINY_SESSION).status == "needs review"


def test_fmt_time():
    assert [fmt_time(x) for x in (0, 59.4, 61, 3725)] == ["0:00", "0:59", "1:01", "1:02:05"]


def test_prefs_round_trip_and_broken_file(tmp_path):
    p = Prefs(tmp_path / "app.json")
    p.set_form_values({"title": "Die change", "expert": "Kim", "workstation": "P4", "extra": "x"})
    p.set_devices_for("P4", {"camera": "USB cam", "microphone": "Headset"})
    again = Prefs(tmp_path / "app.json")
    assert again.form_values() == {"title": "Die change", "expert": "Kim", "workstation": "P4",
                                   "process": "", "language": ""}
    assert again.devices_for("P4") == {"camera": "USB cam", "microphone": "Headset"}
    assert again.devices_for("P5") == {}
    (tmp_path / "app.json").write_text("{broken", encoding="utf-8")
    broken = Prefs(tmp_path / "app.json")
    assert broken.data == {}
    assert (tmp_path / "app.bad").exists()
    broken.set("x", 1)
    assert json.loads((tmp_path / "app.json").read_text()) == {"x": 1}


def test_prefs_default_location_is_the_config_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("KNOWHOW_CONFIG_DIR", str(tmp_path / "cfg"))
    assert Prefs().path == tmp_path / "cfg" / "app.json"


def test_screenshot_question_follows_the_session_language():
    from capture_app.screenshots import _screenshot_question

    assert _screenshot_question("Lock out press 4", "en") == "how do I lock out press 4"
    assert _screenshot_question("프레스 전원 차단하기", "ko") == "프레스 전원 차단하기 어떻게 해요?"
    assert _screenshot_question("Khóa máy ép", "vi") == "Khóa máy ép"


def test_snippet_emphasises_korean_words_with_particles_and_endings():
    text = "먼저 프레스 전원을 차단하고 잠금장치를 겁니다. 금속 조각을 치웁니다."
    out = snippet_html(text, "프레스 전원 차단하기 어떻게 해요?")
    assert "<b>프레스</b>" in out and "<b>전원을</b>" in out and "<b>차단하고</b>" in out
    assert "<b>" not in out.split("겁니다.")[1]  # 금속 is not 금형, 조각 is not asked
    assert snippet_html("금속 조각", "금형") == "금속 조각"
