"""`knowhow batch-ingest PATH… [--workers N] [--ray ADDRESS]`.

Registered by `indexing.cli.build_parser` through `add_parsers`. Exit status
0 when every file was ingested (or was already there), 2 when some failed:
each failure is one line on stderr with its reason, and `--json` prints the
whole outcome as one document.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from indexing.session_commands import emit, open_library


def _require_ray() -> None:
    """A frozen build (installers/) leaves Ray out: its workers need a Python interpreter."""
    import importlib.util

    if getattr(sys, "frozen", False) and importlib.util.find_spec("ray") is None:
        from indexing.batch import BatchError

        raise BatchError("batch-ingest is not part of the installed app (it has no Ray): ingest files one "
                         "by one with `knowhow ingest`, or run batch-ingest from a Python environment")


def cmd_batch_ingest(args: argparse.Namespace, out: TextIO) -> int:
    from indexing.batch import FileOutcome, batch_ingest

    _require_ray()  # before the library is opened, so it stays unchanged
    library = open_library(args, create=True)
    bar: Any = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=0, desc="batch", unit="file", file=sys.stderr)

    def progress(outcome: FileOutcome, done: int, total: int) -> None:
        if outcome.status == "failed":
            sys.stderr.write(f"knowhow: {outcome.path}: {outcome.error}\n")
        if bar is not None:
            bar.total = total
            bar.update(done - bar.n)
            bar.set_postfix_str(f"{outcome.status} {outcome.path[-30:]}")

    try:
        result = batch_ingest(library, args.paths, workers=args.workers, ray_address=args.ray,
                              progress=progress)
    finally:
        if bar is not None:
            bar.close()
    if args.json:
        emit(result.to_dict(), out)
    else:
        out.write(f"{result.count('added')} added, {result.count('already')} already in the library, "
                  f"{result.count('duplicate')} duplicate(s), {result.count('failed')} failed "
                  f"in {result.wall_s:.1f} s ({result.workers} worker(s))\n")
    return 2 if result.count("failed") else 0


def add_parsers(sub: Any) -> None:
    """Register `batch-ingest` on the `knowhow` subparsers."""
    help_ = "ingest many recordings (files or folders) on Ray: workers compute, one committer writes"
    p = sub.add_parser("batch-ingest", help=help_, description=help_)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--workers", type=int, default=2, help="Ray workers, each holding the models once (default 2)")
    p.add_argument("--ray", metavar="ADDRESS", help="a running Ray cluster (HOST:PORT); default: a local runtime")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    p.set_defaults(func=cmd_batch_ingest)
