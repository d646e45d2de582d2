"""`knowhow document | coverage | people set-retirement | people retirements`.

`indexing.cli.build_parser` calls `add_parsers(subparsers)` after the export
commands, so the retirement commands join the existing `people` command.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from indexing.cli_common import emit, open_library


def cmd_document(args: argparse.Namespace, out: TextIO) -> int:
    from indexing.document import write_document

    library = open_library(args, create=False)
    res = write_document(library, args.session_id, args.out, procedure=args.procedure, fmt=args.format,
                         anonymize=args.anonymize)
    if args.json:
        emit(res.to_dict(), out)
    else:
        rev = f"revision {res.revision}" if res.revision else "no approved revision"
        out.write(f"wrote {res.path}: {res.steps} steps, {res.status}, {rev}\n")
    return 0


def cmd_coverage(args: argparse.Namespace, out: TextIO) -> int:
    from indexing.document.coverage import coverage, read_required
    from indexing.document.errors import DocumentError

    if args.json and args.csv:
        raise DocumentError("--json and --csv: choose one")
    required = read_required(args.required) if args.required else None
    png_target = None
    if args.png:
        from indexing.document.output import check_writable

        png_target = check_writable(args.png)
    library = open_library(args, create=False)
    cov = coverage(library, required, required_from=args.required)
    if png_target is not None:
        from indexing.document.heatmap import render_png
        from indexing.document.output import write_atomic

        write_atomic(png_target, render_png(cov))
    if args.json:
        emit(cov.to_dict(), out)
    elif args.csv:
        out.write(cov.to_csv())
    else:
        _print_table(cov, out)
    return 0


def _print_table(cov: Any, out: TextIO) -> None:
    t = cov.totals()
    out.write(f"{t['rows']} row(s): {t['approved']} approved, {t['captured']} captured, {t['missing']} missing; "
              f"{t['sessions']} session(s), {t['hours']:.2f} h, {t['approved_share']:.0%} of steps approved\n")
    for r in cov.rows:
        what = f"{r.workstation or '-'} / {r.process or '-'}" + (f" / {r.procedure}" if r.procedure else "")
        out.write(f"  {r.status:<9} {what}: {r.sessions} session(s), {r.procedures} procedure(s), "
                  f"{r.hours:.2f} h, {r.approved_share:.0%} approved, experts: {', '.join(r.experts) or '-'}\n")
    if cov.at_risk:
        out.write("knowledge at risk (soonest first):\n")
    for k in cov.at_risk:
        what = f"{k['workstation'] or '-'} / {k['process'] or '-'}" + (f" / {k['procedure']}" if k["procedure"] else "")
        out.write(f"  {k['rank']}. {what}: {k['status']}, leaves with {', '.join(k['experts'])} "
                  f"on {k['leaves_on']} ({k['days_left']} days)\n")


def cmd_retirement(args: argparse.Namespace, out: TextIO) -> int:
    library = open_library(args, create=True)
    if args.retirement_command == "set-retirement":
        date = library.set_retirement(args.expert, None if args.clear else args.date)
        if args.json:
            emit({"expert": args.expert.strip(), "retires_on": date}, out)
        else:
            out.write(f"{args.expert.strip()}: {'retires on ' + date if date else 'no retirement date'}\n")
        return 0
    dates = library.retirements()
    if args.json:
        emit(dates, out)
    else:
        out.write("".join(f"{d}  {name}\n" for name, d in sorted(dates.items(), key=lambda x: (x[1], x[0]))))
    return 0


def _subcommands(parser: argparse.ArgumentParser) -> Any:
    """The sub-command collection of an existing command (argparse has no public accessor)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def add_parsers(sub: Any) -> None:
    """Register the sheet, coverage and retirement commands on the `knowhow` sub-parsers."""
    from indexing.cli_common import add_command

    p = add_command(sub, "document", "write a work-instruction sheet (TWI job breakdown) of a procedure",
                    cmd_document)
    p.add_argument("session_id", metavar="SESSION")
    p.add_argument("--procedure", type=int, default=1, metavar="N", help="procedure number (default 1)")
    p.add_argument("--format", choices=["pdf", "html"], help="default: from the --out suffix, else pdf")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--anonymize", action="store_true",
                   help="the expert's pseudonym; people's names and confidential terms redacted")

    p = add_command(sub, "coverage", "what is captured per workstation and process, and what is at risk",
                    cmd_coverage)
    p.add_argument("--csv", action="store_true", help="print the rows as CSV on stdout")
    p.add_argument("--png", metavar="FILE", help="also draw the heat map to this PNG file")
    p.add_argument("--required", metavar="FILE.csv",
                   help="required procedures: columns workstation, procedure (optional process, expert)")

    people = sub.choices.get("people")
    psub = _subcommands(people) if people is not None else None
    if psub is None:
        people = sub.add_parser("people", help="people records")
        psub = people.add_subparsers(dest="people_command", required=True)
    ps = psub.add_parser("set-retirement", help="an expert's planned retirement date (never exported)")
    ps.add_argument("expert", metavar="EXPERT")
    ps.add_argument("date", metavar="YYYY-MM-DD", nargs="?")
    ps.add_argument("--clear", action="store_true", help="remove the date")
    ps.add_argument("--json", action="store_true")
    ps.set_defaults(func=cmd_retirement, retirement_command="set-retirement")
    pr = psub.add_parser("retirements", help="list planned retirement dates")
    pr.add_argument("--json", action="store_true")
    pr.set_defaults(func=cmd_retirement, retirement_command="retirements")
