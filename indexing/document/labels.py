"""The fixed words printed on a sheet, per language (English and Korean).

Plain data, kept apart so that it can move behind the language seam as is.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "sheet": "Job Breakdown Sheet",
        "procedure": "Procedure",
        "workstation": "Workstation",
        "process": "Line / process",
        "document": "Document no.",
        "revision": "Revision",
        "status": "Status",
        "approved": "Approved",
        "approved_by": "approved by",
        "draft": "Draft (not approved)",
        "draft_after": "Draft; last approved revision {rev}",
        "expert": "Expert",
        "recorded": "Recorded",
        "printed": "Printed",
        "no": "No.",
        "photo": "Photo",
        "step": "Important step (what to do)",
        "points": "Key points (how)",
        "reason": "Reasons (why)",
        "tools": "Tools and parts",
        "safety": "SAFETY",
        "tip": "Tip",
        "video": "Video",
        "none": "-",
        "signature": "Checked: ____________",
        "page": "Page {page} of {pages}",
        "steps_in": "{n} steps",
        "procedure_of": "procedure {n} of {total}",
    },
    "ko": {
        "sheet": "작업 분해표",
        "procedure": "작업",
        "workstation": "작업장",
        "process": "라인 / 공정",
        "document": "문서 번호",
        "revision": "개정",
        "status": "상태",
        "approved": "승인됨",
        "approved_by": "승인자",
        "draft": "초안 (미승인)",
        "draft_after": "초안; 마지막 승인 개정 {rev}",
        "expert": "전문가",
        "recorded": "녹화일",
        "printed": "출력일",
        "no": "번호",
        "photo": "사진",
        "step": "주요 단계 (무엇을)",
        "points": "급소 (어떻게)",
        "reason": "급소의 이유 (왜)",
        "tools": "공구와 부품",
        "safety": "안전",
        "tip": "요령",
        "video": "영상",
        "none": "-",
        "signature": "확인: ____________",
        "page": "{page} / {pages} 쪽",
        "steps_in": "{n}단계",
        "procedure_of": "작업 {n} / {total}",
    },
}


def labels_for(language: str) -> dict[str, str]:
    """The sheet words of a language code ("ko", "ko-KR", …); English for unknown codes."""
    code = (language or "en").lower().split("-")[0].split("_")[0]
    return LABELS.get(code, LABELS["en"])
