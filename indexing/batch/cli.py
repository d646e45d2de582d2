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

from indexing.cli_common import emit, open_library


def _check_ray(args: argparse.Namespace) -> None:
    """`--ray` needs Ray; without it (the installed app leaves Ray out) files go one at a time, here."""
    from indexing.batch import BatchError
    from indexing.batch.runner import ray_installed

    if ray_installed():
        return
    if args.ray:
        raise BatchError("--ray needs Ray, which the installed app leaves out: run batch-ingest without --ray "
                         "(one file at a time), or from a Python environment with Ray"
                         if getattr(sys, "frozen", False) else 'batch-ingest --ray needs Ray: pip install "ray[default]"')
    if args.workers > 1 and not args.quiet:
        sys.stderr.write("knowhow: Ray is not installed here: computing one recording at a time\n")


def cmd_batch_ingest(args: argparse.Namespace, out: TextIO) -> int:
    from indexing.batch import FileOutcome, batch_ingest

    _check_ray(args)  # before the library is opened, so it stays unchanged
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
                  f"in {result.wall_s:.1f} s ({result.workers} worker(s), {result.runner})\n")
    return 2 if result.count("failed") else 0


def add_parsers(sub: Any) -> None:
    """Register `batch-ingest` on the `knowhow` subparsers."""
    help_ = ("ingest many recordings (files or folders): Ray workers compute (one worker, or no Ray: "
             "one file at a time here), one committer writes")
    p = sub.add_parser("batch-ingest", help=help_, description=help_)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--workers", type=int, default=2, help="Ray workers, each holding the models once (default 2; 1 computes in this process)")
    p.add_argument("--ray", metavar="ADDRESS", help="a running Ray cluster (HOST:PORT); default: a local runtime")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    p.set_defaults(func=cmd_batch_ingest)
