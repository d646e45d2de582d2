"""The `knowhow` command line: a thin edge over the `indexing` library.

Every command with `--json` prints exactly one JSON document on stdout; all
progress and messages go to stderr. Errors the library raises on purpose
(`IndexingError`) become one line on stderr and exit status 2; anything else
is a bug: one line on stderr, the traceback in the log file, exit status 3.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from indexing import paths
from indexing.cli_common import StageBars, add_command, emit, fmt_time, open_library, stdout_to_stderr
from indexing.errors import IndexingError, MediaError

log = logging.getLogger("indexing.cli")

EXIT_ERROR = 2
EXIT_BUG = 3


def _load_markers(path: str | None) -> list[Any] | None:
    if not path:
        return None
    from indexing.models import MARKER_KINDS, Marker

    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MediaError(f"markers file {path} does not exist") from None
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MediaError(f"markers file {path} is not valid JSON: {exc}") from None
    if not isinstance(raw, list):
        raise MediaError(f"markers file {path} must hold a JSON list of markers")
    markers = []
    for i, item in enumerate(raw):
        try:
            t = float(item["t"])
            kind = str(item.get("kind", "step"))
        except (TypeError, KeyError, ValueError):
            raise MediaError(f"markers file {path}: entry {i} needs a numeric 't'") from None
        if kind not in MARKER_KINDS or t < 0:
            raise MediaError(f"markers file {path}: entry {i} has kind {kind!r} or time {t} out of range")
        markers.append(Marker(t, kind, str(item.get("note", "") or "")))
    return sorted(markers, key=lambda m: m.t)


# -- commands ---------------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace, out: TextIO) -> int:
    from indexing.pipeline import ingest

    markers = _load_markers(args.markers)
    library = open_library(args)
    transcript = None
    if getattr(args, "transcript", None):
        from indexing.media import probe
        from indexing.subtitles import load_transcript

        lang = args.language or library.setting("language")
        transcript = load_transcript(args.transcript, language=lang, duration=probe(Path(args.file)).duration)
    bars = StageBars(sys.stderr, enabled=not args.quiet)
    try:
        result = ingest(library, args.file, title=args.title or "", expert=args.expert or "",
                        workstation=args.workstation or "", process=args.process or "",
                        language=args.language, markers=markers, progress=bars, transcript=transcript)
    finally:
        bars.close()
    if args.json:
        emit(result.to_dict(), out)
    else:
        note = " (already in the library, nothing changed)" if result.already_ingested else ""
        out.write(f"session {result.session_id}: {fmt_time(result.duration)}, "
                  f"{result.procedures} procedure(s), {result.steps} step(s){note}\n")
    return 0


def cmd_sessions(args: argparse.Namespace, out: TextIO) -> int:
    library = open_library(args)
    sessions = library.sessions()
    if args.json:
        emit([s.to_dict() for s in sessions], out)
        return 0
    if not sessions:
        out.write("no sessions yet: add one with `knowhow ingest FILE`\n")
    for s in sessions:
        out.write(f"{s.session_id}  {fmt_time(s.duration):>7}  {s.step_count:>3} steps  "
                  f"{s.status:<12}  {s.title}  [{s.expert or '-'} @ {s.workstation or '-'}]\n")
    return 0


def cmd_steps(args: argparse.Namespace, out: TextIO) -> int:
    library = open_library(args)
    steps = library.steps(args.session_id)
    if args.json:
        emit([s.to_dict() for s in steps], out)
        return 0
    current = None
    for s in steps:
        if s.procedure != current:
            current = s.procedure
            out.write(f"\n== {s.procedure or 'Procedure'} ==\n")
        out.write(f"\n{s.index + 1}. [{fmt_time(s.start)}–{fmt_time(s.end)}] {s.title}  "
                  f"({s.category}, {s.status}, boundary confidence {s.boundary_confidence:.2f})\n")
        out.write(f"   {s.text}\n")
        if s.tools:
            out.write(f"   tools: {', '.join(s.tools)}\n")
        for tip in s.tips:
            out.write(f"   tip: {tip}\n")
        for w in s.warnings:
            out.write(f"   WARNING: {w}\n")
        if s.reason:
            out.write(f"   reason: {s.reason}\n")
        if s.keyframe:
            out.write(f"   keyframe: {s.keyframe}\n")
    return 0


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from indexing.search import search

    library = open_library(args)
    hits = search(library, args.query, k=args.k, workstation=args.workstation,
                  category=args.category, expert=args.expert, status=args.status)
    if args.json:
        emit([h.to_dict() for h in hits], out)
        return 0
    if not hits:
        out.write("no matching steps\n")
    for i, h in enumerate(hits, 1):
        out.write(f"{i}. {h.title}  ({h.score:.3f})\n   {h.session_title or h.session_id} "
                  f"at {fmt_time(h.start)}–{fmt_time(h.end)}  [{h.step_id}]\n   {h.text[:160]}\n")
    return 0


def cmd_terms(args: argparse.Namespace, out: TextIO) -> int:
    library = open_library(args)
    if args.terms_command == "add":
        n = library.add_terms(args.term, confidential=args.confidential)
        if args.json:
            emit({"added": n, "confidential": args.confidential}, out)
        else:
            out.write(f"added {n} {'confidential ' if args.confidential else ''}term(s)\n")
        return 0
    terms = library.terms()
    if args.json:
        emit(terms, out)
    else:
        for t in terms:
            out.write(f"{t['term']}{'  (confidential)' if t['confidential'] else ''}\n")
    return 0


def cmd_reindex(args: argparse.Namespace, out: TextIO) -> int:
    from indexing.pipeline import reindex

    library = open_library(args)
    bars = StageBars(sys.stderr, enabled=not args.quiet)
    try:
        n = library.reembed_pending(progress=bars) if args.pending else reindex(library, progress=bars)
    finally:
        bars.close()
    if args.json:
        emit({"steps": n, "embed_model": library.setting("embed_model")}, out)
    else:
        out.write(f"re-embedded {n} step(s) with {library.setting('embed_model')}\n")
    return 0


def cmd_settings(args: argparse.Namespace, out: TextIO) -> int:
    from indexing.settings import SETTINGS

    library = open_library(args)
    if args.name and args.value is not None:
        library.set_setting(args.name, args.value)
    values = library.settings()
    if args.json:
        emit(values if not args.name else {args.name: values.get(args.name)}, out)
        return 0
    for name, setting in SETTINGS.items():
        if args.name and name != args.name:
            continue
        out.write(f"{name} = {values[name]!r}\n    {setting.description} (env {setting.env})\n")
    return 0


# -- parser -----------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="knowhow",
        description="Know-how Capture: turn narrated expert recordings into a searchable knowledge library.",
    )
    parser.add_argument("--library", metavar="DIR",
                        help=f"library folder (default: ${paths.ENV_LIBRARY} or the user data folder)")
    parser.add_argument("--chroma-url", metavar="URL", help="use a Chroma server instead of the embedded store")
    parser.add_argument("--asr-model", metavar="NAME_OR_PATH", help="faster-whisper model for this run")
    parser.add_argument("--embed-model", metavar="NAME_OR_PATH", help="sentence-transformers model for this run")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_: str, fn: Any) -> argparse.ArgumentParser:
        return add_command(sub, name, help_, fn)

    p = add("ingest", "add a recording (video or audio) to the library", cmd_ingest)
    p.add_argument("file")
    p.add_argument("--title")
    p.add_argument("--expert")
    p.add_argument("--workstation")
    p.add_argument("--process", help="line or process name")
    p.add_argument("--language", help="narration language code (default: the library's setting)")
    p.add_argument("--markers", metavar="FILE.json", help='[{"t": s, "kind": "step|tip|warning|procedure", "note": ""}]')
    p.add_argument("--transcript", metavar="FILE.srt|.vtt",
                   help="use this transcript (SRT or WebVTT) instead of speech recognition")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars")

    add("sessions", "list the sessions in the library", cmd_sessions)
    p = add("steps", "show the steps of a session", cmd_steps)
    p.add_argument("session_id", metavar="SESSION_ID")

    p = add("search", "find steps by plain words", cmd_search)
    p.add_argument("query")
    p.add_argument("-k", type=int, default=10, help="number of results (default 10)")
    p.add_argument("--workstation")
    p.add_argument("--category")
    p.add_argument("--expert")
    p.add_argument("--status", choices=["proposed", "reviewed", "approved"])

    p = sub.add_parser("terms", help="the library's glossary and confidential terms")
    tsub = p.add_subparsers(dest="terms_command", required=True)
    ta = tsub.add_parser("add", help="add glossary terms")
    ta.add_argument("--confidential", action="store_true", help="redact these terms from every export")
    ta.add_argument("term", nargs="+")
    ta.add_argument("--json", action="store_true")
    ta.set_defaults(func=cmd_terms)
    tl = tsub.add_parser("list", help="list glossary terms")
    tl.add_argument("--json", action="store_true")
    tl.set_defaults(func=cmd_terms)

    p = add("reindex", "rebuild all step vectors (after changing the embedding model)", cmd_reindex)
    p.add_argument("-q", "--quiet", action="store_true")
    p.add_argument("--pending", action="store_true",
                   help="only the sessions an upgrade listed for re-embedding (the app does this in the background)")

    p = add("settings", "show or change the library's settings", cmd_settings)
    p.add_argument("name", nargs="?")
    p.add_argument("value", nargs="?")

    try:
        from indexing.export.cli_commands import add_parsers
    except ImportError:  # pragma: no cover - export package missing
        log.debug("export commands unavailable", exc_info=True)
    else:
        add_parsers(sub)
    from indexing.batch.cli import add_parsers as add_batch_parsers
    from indexing.session_commands import add_parsers as add_session_parsers

    add_session_parsers(sub)
    add_batch_parsers(sub)
    try:
        from indexing.document.cli_commands import add_parsers as add_document_parsers
    except ImportError:  # pragma: no cover - document package missing
        log.debug("document commands unavailable", exc_info=True)
    else:
        add_document_parsers(sub)
    return parser


def _setup_logging(verbose: bool) -> Path | None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler(sys.stderr)
    # Without --verbose the console shows only errors: a rejected file must
    # produce exactly one line, and the details go to the log file.
    console.setLevel(logging.DEBUG if verbose else logging.ERROR)
    console.setFormatter(logging.Formatter("knowhow: %(levelname)s: %(message)s"))
    root.addHandler(console)
    logfile = None
    try:
        d = paths.log_dir()
        d.mkdir(parents=True, exist_ok=True)
        logfile = d / "knowhow.log"
        fh = logging.FileHandler(logfile, encoding="utf-8")
        fh.setLevel(logging.INFO)
        fh.setFormatter(logging.Formatter("%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"))
        root.addHandler(fh)
    except OSError:
        logfile = None
    for noisy in ("httpx", "chromadb", "urllib3", "faster_whisper", "sentence_transformers",
                  "transformers", "huggingface_hub"):
        logging.getLogger(noisy).setLevel(logging.WARNING if not verbose else logging.INFO)
    return logfile


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logfile = _setup_logging(args.verbose)
    from indexing.models_registry import force_offline

    force_offline()
    with stdout_to_stderr() as out:
        try:
            return int(args.func(args, out) or 0)
        except IndexingError as exc:
            sys.stderr.write(f"knowhow: error: {exc}\n")
            return EXIT_ERROR
        except KeyboardInterrupt:
            sys.stderr.write("knowhow: interrupted; run the same command again to resume\n")
            return 130
        except Exception as exc:  # noqa: BLE001 - the one place bugs are turned into a line
            # INFO reaches the log file only; the console gets the one line below.
            log.info("unexpected error", exc_info=True)
            where = f" (details in {logfile})" if logfile else ""
            sys.stderr.write(f"knowhow: internal error: {type(exc).__name__}: {exc}{where}\n")
            return EXIT_BUG


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
