"""`knowhow approve | review | delete`: a session's lifecycle from the command line.

`indexing.cli.build_parser` calls `add_parsers(subparsers)`. Every command
goes through the library (which writes the audit log), prints one JSON
document with `--json`, and turns bad input into one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from indexing.cli_common import emit, open_library
from indexing.errors import NotFoundError, SettingError
from indexing.models import CATEGORIES, STEP_STATUSES


def pick_steps(library: Any, session_id: str, numbers: Sequence[str] | None) -> list[str]:
    """Step ids from `--step` values: positions 1..N in the session's order, or step ids.

    Raises:
        NotFoundError: Unknown session, or a number or id that is not one of its steps.
    """
    steps = library.steps(session_id)
    if not numbers:
        return [s.step_id for s in steps]
    by_id = {s.step_id for s in steps}
    out = []
    for n in numbers:
        if n in by_id:
            out.append(n)
            continue
        try:
            i = int(n)
        except ValueError:
            raise NotFoundError(f"session {session_id!r} has no step {n!r}") from None
        if not 1 <= i <= len(steps):
            raise NotFoundError(f"session {session_id!r} has steps 1 to {len(steps)}, not {i}")
        out.append(steps[i - 1].step_id)
    return out


def _summary(library: Any, session_id: str, changed: list[str]) -> dict[str, Any]:
    s = library.session(session_id)
    return {"session_id": session_id, "status": s.status, "changed": changed,
            "steps": [{"step_id": st.step_id, "status": st.status} for st in library.steps(session_id)]}


def _acting(library: Any, args: argparse.Namespace) -> Any:
    """The library, acting as `--by NAME` when given (recorded as the approver)."""
    if getattr(args, "by", None):
        by = str(args.by).strip()
        if not by:
            raise SettingError("--by needs a name")
        library.actor = by
    return library


def cmd_approve(args: argparse.Namespace, out: TextIO) -> int:
    library = _acting(open_library(args, create=False), args)
    ids = pick_steps(library, args.session_id, args.step)
    library.set_steps_status(ids, "approved", action="approve")
    doc = _summary(library, args.session_id, ids)
    if args.json:
        emit(doc, out)
    else:
        out.write(f"session {args.session_id}: approved {len(ids)} step(s); session is {doc['status']}\n")
    return 0


def cmd_review(args: argparse.Namespace, out: TextIO) -> int:
    from indexing import review

    library = _acting(open_library(args, create=False), args)
    ids = pick_steps(library, args.session_id, args.step)
    edits = {k: getattr(args, k) for k in ("title", "category", "text") if getattr(args, k) is not None}
    if args.tools is not None:
        edits["tools"] = [t.strip() for t in args.tools.split(",") if t.strip()]
    structural = [x for x in (args.split, args.merge or None, args.move) if x is not None]
    if (edits or structural) and len(ids) != 1:
        raise SettingError("field edits, --split, --merge and --move need exactly one --step")
    if len(structural) > 1:
        raise SettingError("give one of --split, --merge and --move at a time")
    changed: list[str] = list(ids)
    if edits:
        library.update_step(ids[0], **edits)
    if args.split is not None:
        changed = review.split_step(library, ids[0], args.split)
    elif args.merge:
        changed = review.merge_steps(library, ids[0])
    elif args.move is not None:
        changed = review.move_boundary(library, ids[0], args.move[0], args.move[1])
    if args.status:
        library.set_steps_status(ids if not structural else changed, args.status, action="review status")
    elif not edits and not structural:
        raise SettingError("nothing to do: give --status, a field (--title, --category, --text, --tools), "
                           "--split, --merge or --move")
    doc = _summary(library, args.session_id, changed)
    if args.json:
        emit(doc, out)
    else:
        out.write(f"session {args.session_id}: changed {len(changed)} step(s); session is {doc['status']}\n")
    return 0


def cmd_delete(args: argparse.Namespace, out: TextIO) -> int:
    library = open_library(args, create=False)
    library.require_session(args.session_id)
    library.delete_session(args.session_id, erase=args.erase)
    server = bool(str(library.setting("chroma_url") or "").strip())
    doc = {"session_id": args.session_id, "deleted": True, "erased": bool(args.erase),
           "vectors": "server" if server else "embedded"}
    if args.json:
        emit(doc, out)
    else:
        how = " and erased (catalog and vector store compacted)" if args.erase else ""
        out.write(f"session {args.session_id} deleted{how}\n")
        if args.erase and server:
            sys.stderr.write("knowhow: note: the Chroma server's own files are compacted by the server\n")
    return 0


def add_parsers(sub: Any) -> None:
    """Register `approve`, `review` and `delete` on the `knowhow` subparsers."""

    def add(name: str, help_: str, fn: Any) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("--json", action="store_true", help="print one JSON document on stdout")
        p.add_argument("session_id", metavar="SESSION")
        p.set_defaults(func=fn)
        return p

    by_help = "who approves (printed on work-instruction sheets); default $KNOWHOW_REVIEWER, else the login name"
    p = add("approve", "approve a session's steps (all, or those given with --step)", cmd_approve)
    p.add_argument("--step", nargs="+", metavar="N", help="step numbers (1 = first) or step ids")
    p.add_argument("--by", metavar="NAME", help=by_help)

    p = add("review", "review a session: set step statuses, edit a step's fields, split, merge, move",
            cmd_review)
    p.add_argument("--step", nargs="+", metavar="N", help="step numbers (1 = first) or step ids")
    p.add_argument("--status", choices=list(STEP_STATUSES))
    p.add_argument("--by", metavar="NAME", help=by_help)
    p.add_argument("--title")
    p.add_argument("--category", choices=list(CATEGORIES))
    p.add_argument("--text")
    p.add_argument("--tools", help="comma-separated")
    p.add_argument("--split", type=float, metavar="T", help="split the step at T seconds")
    p.add_argument("--merge", action="store_true", help="merge the step with the next one")
    p.add_argument("--move", type=float, nargs=2, metavar=("START", "END"), help="new start and end")

    p = add("delete", "delete a session: its rows, media, keyframes and vectors", cmd_delete)
    p.add_argument("--erase", action="store_true",
                   help="also compact the catalog and the vector store so no trace remains on disk")
