"""The step "reason" field: found in the narration (English and Korean), stored, editable."""

from __future__ import annotations

from pathlib import Path

from indexing.label import label_steps
from indexing.label.reason import find_reason, find_reasons
from indexing.library import Library
from indexing.models import ProcedureDraft, StepDraft


def test_english_reason_clauses_and_sentences() -> None:
    text = ("The trick is to crack each bolt a quarter turn first, working corner to corner, so the die "
            "settles evenly. Do not use the impact gun here. Tighten in a star pattern because the die "
            "must sit flat. Otherwise the bolts shear. So now we lift it.")
    assert find_reasons(text) == [
        "So the die settles evenly.",
        "Because the die must sit flat.",
        "Otherwise the bolts shear.",
    ]


def test_no_reason_gives_empty_field() -> None:
    assert find_reason("Lift the die with the hoist. Set it down on the blocks.") == ""


def test_korean_reasons() -> None:
    text = "금형이 뜨겁기 때문에 장갑을 끼세요. 볼트를 대각선으로 조입니다. 그렇지 않으면 금형이 기울어집니다."
    assert find_reasons(text, "ko") == ["금형이 뜨겁기 때문에 장갑을 끼세요.", "그렇지 않으면 금형이 기울어집니다."]
    assert find_reasons("안전을 위해 잠금장치를 겁니다. 다음으로 볼트를 풉니다.", "ko") == ["안전을 위해 잠금장치를 겁니다."]


def test_long_reason_is_shortened() -> None:
    long = "Because " + " ".join(["the die"] * 80) + "."
    out = find_reason(long)
    assert len(out) <= 241 and out.endswith("…")


def test_label_steps_fills_reason_and_library_stores_and_edits_it(tmp_path: Path) -> None:
    steps = [StepDraft(0, 0, 0.0, 10.0, "Loosen the bolts corner to corner so that the die settles evenly.")]
    label_steps(steps, language="en")
    assert steps[0].reason == "So that the die settles evenly."
    lib = Library(tmp_path / "lib")
    with lib.transaction() as db:
        db.table("sessions").insert({"session_id": "s1", "sha256": "x", "title": "t"})
    (sid,) = lib.replace_steps("s1", [ProcedureDraft(0, "P", 0.0, 10.0)], steps)
    assert lib.step(sid).reason == "So that the die settles evenly."
    assert lib.step(sid).to_dict()["reason"] == "So that the die settles evenly."
    lib.update_step(sid, reason="So the die sits flat.")
    assert lib.step(sid).reason == "So the die sits flat."
