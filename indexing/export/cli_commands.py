"""`knowhow export | verify-export | import-bundle | bundle-keygen | people`.

`indexing.cli.build_parser` calls `add_parsers(subparsers)`; each handler takes
`(args, out)` like the other commands and returns the exit status.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from indexing.cli_common import emit, open_library
from indexing.errors import ExportError

ENV_PASSPHRASE = "KNOWHOW_PASSPHRASE"


def _bars(args: argparse.Namespace) -> Any:
    from indexing.cli_common import StageBars

    return StageBars(sys.stderr, enabled=not getattr(args, "quiet", False))


def _list(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for item in (values or []) for v in item.split(",") if v.strip())


def _passphrase(args: argparse.Namespace, confirm: bool) -> str | None:
    if getattr(args, "passphrase_file", None):
        return Path(args.passphrase_file).read_text(encoding="utf-8").strip()
    if not getattr(args, "passphrase", False):
        return None
    env = os.environ.get(ENV_PASSPHRASE)
    if env:
        return env
    if not sys.stdin.isatty():
        raise ExportError(f"--passphrase needs a terminal to ask, or ${ENV_PASSPHRASE}, or --passphrase-file")
    first = getpass.getpass("bundle passphrase: ")
    if confirm and getpass.getpass("again: ") != first:
        raise ExportError("the passphrases differ")
    if not first:
        raise ExportError("empty passphrase")
    return first


def _ratios(text: str) -> tuple[float, float, float]:
    try:
        parts = [float(x) for x in text.split(",")]
    except ValueError:
        raise ExportError(f"--ratios expects three numbers like 0.8,0.1,0.1, got {text!r}") from None
    if len(parts) != 3:
        raise ExportError(f"--ratios expects three numbers like 0.8,0.1,0.1, got {text!r}")
    return parts[0], parts[1], parts[2]


def options_from_args(args: argparse.Namespace) -> Any:
    """The `ExportOptions` the `export` command's flags describe."""
    from indexing.export.options import ExportOptions

    bundle = bool(args.bundle)
    anonymize = not args.no_anonymize if bundle else bool(args.anonymize)
    return ExportOptions(
        out=args.out or "",
        formats=_list(args.format) or ("jsonl", "hf"),
        media=args.media,
        status=args.status,
        workstations=_list(args.workstation),
        processes=_list(args.process),
        experts=_list(args.expert),
        categories=_list(args.category),
        sessions=_list(args.session),
        date_from=args.date_from or "",
        date_to=args.date_to or "",
        split_by=args.split_by,
        ratios=_ratios(args.ratios),
        seed=args.seed,
        anonymize=anonymize,
        blur_faces=False if args.no_blur else None,
        drop_audio=args.drop_audio,
        licence=args.licence or "",
        shard_size=args.shard_size,
        overwrite=args.overwrite,
    )


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from indexing.export import export, write_bundle

    opts = options_from_args(args)
    if not args.bundle and not args.out:
        raise ExportError("give --out DIR (or --bundle FILE.khb)")
    if args.anonymize and args.no_anonymize:
        raise ExportError("--anonymize and --no-anonymize contradict each other")
    library = open_library(args, create=False)
    bars = _bars(args)
    try:
        if args.bundle:
            result = write_bundle(library, args.bundle, opts, passphrase=_passphrase(args, confirm=True),
                                  recipients=_list(args.recipient), progress=bars)
        else:
            result = export(library, opts, progress=bars)
    finally:
        bars.close()
    if args.json:
        emit(result.to_dict(), out)
    else:
        splits = ", ".join(f"{k} {v}" for k, v in result.splits.items())
        out.write(f"exported {result.steps} steps from {result.sessions} sessions ({splits}) to {result.out}\n")
    return 0


def cmd_verify(args: argparse.Namespace, out: TextIO) -> int:
    from indexing.export import verify_export

    res = verify_export(args.dir)
    if args.json:
        emit({"ok": res.ok, "checked": res.checked, "missing": res.missing, "changed": res.changed,
               "extra": res.extra}, out)
    elif res.ok:
        out.write(f"ok: {res.checked} files match the manifest\n")
    else:
        for line in res.problems():
            sys.stderr.write(f"knowhow: {line}\n")
    return 0 if res.ok else 1


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from indexing.export import import_bundle

    library = open_library(args, create=True)
    bars = _bars(args)
    try:
        res = import_bundle(library, args.bundle, passphrase=_passphrase(args, confirm=False),
                            identity=args.identity, reindex=not args.no_reindex, progress=bars)
    finally:
        bars.close()
    if args.json:
        emit(res.to_dict(), out)
    else:
        out.write(f"imported {len(res.added)} sessions ({res.steps} steps); "
                  f"{len(res.duplicates)} already in the library\n")
    return 0


def cmd_keygen(args: argparse.Namespace, out: TextIO) -> int:
    from indexing.export import generate_identity

    secret, public = generate_identity()
    path = Path(args.out)
    if path.exists():
        raise ExportError(f"{path} exists; not overwriting a key")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(f"# knowhow bundle identity; public key: {public}\n{secret}\n")
    if args.json:
        emit({"identity_file": str(path), "recipient": public}, out)
    else:
        out.write(f"{public}\n")
        sys.stderr.write(f"secret identity written to {path}; give the line above to senders\n")
    return 0


def cmd_people(args: argparse.Namespace, out: TextIO) -> int:
    from indexing.export import add_people, people

    library = open_library(args, create=True)
    if args.people_command == "add":
        n = add_people(library, args.name)
        if args.json:
            emit({"added": n}, out)
        return 0
    names = people(library)
    if args.json:
        emit(names, out)
    else:
        out.write("".join(f"{n}\n" for n in names))
    return 0


def add_parsers(sub: Any) -> None:
    """Register the export commands on the `knowhow` sub-parser collection."""
    from indexing.cli_common import add_command
    from indexing.export.options import FORMATS, MEDIA_MODES, SPLIT_KEYS, STATUS_FILTERS

    def add(name: str, help_: str, fn: Any) -> argparse.ArgumentParser:
        return add_command(sub, name, help_, fn)

    p = add("export", "export steps as a training set (or an encrypted bundle)", cmd_export)
    p.add_argument("--out", metavar="DIR", help="export folder to create")
    p.add_argument("--format", action="append", metavar="FMT",
                   help=f"one or more of {', '.join(FORMATS)} (repeat or comma-separate; default jsonl,hf)")
    p.add_argument("--media", choices=MEDIA_MODES, default="clips", help="clips and keyframes (default), "
                   "keyframes only, or text only")
    p.add_argument("--status", choices=list(STATUS_FILTERS), default="approved")
    for flag, what in (("--workstation", "workstation"), ("--process", "process"), ("--expert", "expert name"),
                       ("--category", "category"), ("--session", "session id")):
        p.add_argument(flag, action="append", help=f"keep only this {what} (repeatable)")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="recorded on or after")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="recorded on or before")
    p.add_argument("--split-by", choices=SPLIT_KEYS, default="session")
    p.add_argument("--ratios", default="0.8,0.1,0.1", help="train,validation,test (default 0.8,0.1,0.1)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--anonymize", action="store_true", help="pseudonymize experts, redact names and "
                   "confidential terms, blur faces (always on for --bundle unless --no-anonymize)")
    p.add_argument("--no-anonymize", action="store_true", help="send a bundle without anonymizing")
    p.add_argument("--no-blur", action="store_true", help="anonymize without blurring faces")
    p.add_argument("--drop-audio", action="store_true", help="leave audio out of clips")
    p.add_argument("--licence", help="licence stated in the card and records")
    p.add_argument("--shard-size", type=int, default=500, help="samples per WebDataset shard")
    p.add_argument("--overwrite", action="store_true", help="replace an existing export folder")
    p.add_argument("--bundle", metavar="FILE.khb", help="write one encrypted bundle instead of a folder")
    p.add_argument("--recipient", action="append", metavar="KEY", help="public key (khb-pub-…) or file")
    p.add_argument("--passphrase", action="store_true",
                   help=f"encrypt with a passphrase (asked, or ${ENV_PASSPHRASE})")
    p.add_argument("--passphrase-file", metavar="FILE")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars")

    p = add("verify-export", "check an export folder against its manifest", cmd_verify)
    p.add_argument("dir", metavar="DIR")

    p = add("import-bundle", "merge an encrypted bundle's sessions into the library", cmd_import)
    p.add_argument("bundle", metavar="FILE.khb")
    p.add_argument("--passphrase", action="store_true",
                   help=f"the bundle's passphrase (asked, or ${ENV_PASSPHRASE})")
    p.add_argument("--passphrase-file", metavar="FILE")
    p.add_argument("--identity", metavar="KEY_OR_FILE", help="your secret identity (khb-secret-…) or its file")
    p.add_argument("--no-reindex", action="store_true", help="do not embed the imported steps now")
    p.add_argument("-q", "--quiet", action="store_true")

    p = add("bundle-keygen", "create a key pair for receiving bundles", cmd_keygen)
    p.add_argument("--out", required=True, metavar="FILE", help="where to write the secret identity")

    p = sub.add_parser("people", help="names of people to redact from anonymized exports")
    psub = p.add_subparsers(dest="people_command", required=True)
    pa = psub.add_parser("add", help="add people's names")
    pa.add_argument("name", nargs="+")
    pa.add_argument("--json", action="store_true")
    pa.set_defaults(func=cmd_people)
    pl = psub.add_parser("list", help="list the names (session experts included)")
    pl.add_argument("--json", action="store_true")
    pl.set_defaults(func=cmd_people)
