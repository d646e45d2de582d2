"""A library of one session made from written steps, for search tests that need no media."""

from __future__ import annotations

from pathlib import Path

from indexing.library import Library
from indexing.models import ProcedureDraft, StepDraft


def one_session_library(root: Path, session_id: str, title: str, steps: list[tuple[str, str]], *,
                        expert: str, workstation: str, process: str, language: str,
                        index: bool = True) -> Library:
    """A library at `root` with one ready session of 10 s steps `(title, text)`, as one procedure
    named `title`; keyword-indexed and embedded unless `index` is false."""
    lib = Library(root)
    duration = 10.0 * len(steps)
    lib.db["sessions"].insert({
        "session_id": session_id, "title": title, "expert": expert, "workstation": workstation,
        "process": process, "language": language, "consent": 1, "sha256": "0" * 64, "duration": duration,
        "status": "ready",
    })
    lib.db.conn.commit()
    drafts = [StepDraft(0, i, i * 10.0, i * 10.0 + 10.0, text, title=t) for i, (t, text) in enumerate(steps)]
    lib.replace_steps(session_id, [ProcedureDraft(0, title, 0.0, duration)], drafts)
    if index:
        from indexing.search import index_session

        index_session(lib, session_id)
    return lib
