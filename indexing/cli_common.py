"""What every `knowhow` command module shares: opening the library, progress bars, JSON output.

`indexing.cli` and the command modules it registers (export, document, session,
batch) all import from here, so none of them imports `indexing.cli` back.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from indexing.progress import Progress


class StageBars:
    """One progress bar per pipeline stage on stderr.

    Only on a terminal: when stderr is a pipe or a file (scripts, the app, CI)
    it stays quiet, so an error is the one line there.
    """

    def __init__(self, stream: TextIO, enabled: bool = True) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.enabled = enabled and self.tty
        self._bar: Any = None
        self._stage = ""

    def __call__(self, p: Progress) -> None:
        if not self.enabled:
            return
        if p.stage != self._stage:
            self.close()
            self._stage = p.stage
            if self.tty:
                from tqdm import tqdm

                self._bar = tqdm(total=100, desc=f"{p.stage:<10}", file=self.stream, leave=True,
                                 bar_format="{desc} {bar} {percentage:3.0f}% {elapsed}")
        pct = int(p.fraction * 100)
        if self._bar is not None:
            self._bar.update(pct - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


@contextlib.contextmanager
def stdout_to_stderr() -> Iterator[TextIO]:
    """Keep stray library output off stdout so `--json` output stays one document."""
    real = sys.stdout
    sys.stdout = sys.stderr
    try:
        yield real
    finally:
        sys.stdout = real


def emit(doc: Any, out: TextIO) -> None:
    """Print `doc` as the command's one JSON document."""
    out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    out.flush()


def fmt_time(t: float) -> str:
    m, s = divmod(max(0.0, t), 60)
    return f"{int(m):d}:{s:04.1f}"


def open_library(args: argparse.Namespace, create: bool = True) -> Any:
    """The library named by the global options (`--library`, `--chroma-url`, models)."""
    from indexing.library import Library

    overrides = {"chroma_url": getattr(args, "chroma_url", None), "asr_model": getattr(args, "asr_model", None),
                 "embed_model": getattr(args, "embed_model", None)}
    return Library(args.library, create=create, overrides=overrides)


def add_command(sub: Any, name: str, help_: str, fn: Any) -> argparse.ArgumentParser:
    """Register a subcommand taking `--json` whose handler is `fn(args, out) -> int`."""
    p: argparse.ArgumentParser = sub.add_parser(name, help=help_, description=help_)
    p.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    p.set_defaults(func=fn)
    return p
