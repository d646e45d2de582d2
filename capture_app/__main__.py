"""`knowhow-app` / `python -m capture_app`: open the desktop app on a library."""

from __future__ import annotations

import argparse
import logging
import sys
from logging.handlers import RotatingFileHandler

log = logging.getLogger("capture_app")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="knowhow-app", description="Know-how Capture desktop app")
    parser.add_argument("--library", metavar="DIR",
                        help="library folder (default: $KNOWHOW_LIBRARY, else the user data folder)")
    parser.add_argument("--source", metavar="FILE",
                        help="record from this media file instead of a camera (file-backed capture source)")
    parser.add_argument("--screenshot", metavar="OUT_DIR",
                        help="render every view to PNG files in OUT_DIR and exit")
    parser.add_argument("--view", metavar="NAME", help="view to open first: record, library, review, search, export")
    parser.add_argument("--ui-language", metavar="LANG",
                        help="language of the app: auto (the system's), en or ko "
                             "(default: the ui_language setting, $KNOWHOW_UI_LANGUAGE)")
    parser.add_argument("--verbose", action="store_true", help="log debug messages to stderr")
    parser.add_argument("link", nargs="?", metavar="LINK",
                        help="a knowhow://open?session=…&t=… link (a sheet's QR code) to open in Review")
    return parser.parse_args(argv)


def configure_logging(verbose: bool = False) -> None:
    """Log to `<log dir>/app.log` (with tracebacks) and warnings to stderr."""
    from indexing import paths

    root = logging.getLogger()
    if getattr(configure_logging, "done", False):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    err = logging.StreamHandler(sys.stderr)
    err.setLevel(logging.DEBUG if verbose else logging.WARNING)
    err.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(err)
    try:
        log_dir = paths.log_dir()
        log_dir.mkdir(parents=True, exist_ok=True)
        fh = RotatingFileHandler(log_dir / "app.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        fh.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
        root.addHandler(fh)
    except OSError as exc:
        log.warning("cannot write the log file: %s", exc)
    configure_logging.done = True  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    """Start the app; returns the exit status.

    With `--screenshot OUT_DIR` it renders every view to PNG and returns 0
    without entering the event loop (an existing QApplication is reused).
    """
    args = parse_args(argv)
    configure_logging(args.verbose)
    from capture_app import excepthook, messages

    excepthook.install()
    from capture_app.app import MainWindow, build_app
    from capture_app.screenshots import render_screenshots
    from indexing import paths
    from indexing.errors import IndexingError
    from indexing.library import Library

    try:
        app = build_app(sys.argv[:1], ui_language=args.ui_language)
    except IndexingError as exc:  # a SettingError: an unknown ui_language
        sys.stderr.write(f"knowhow-app: {exc}\n")
        return 2
    try:
        library = Library(paths.library_dir(args.library))
    except IndexingError as exc:
        log.error("cannot open the library: %s", exc)
        sys.stderr.write(f"knowhow-app: {exc}\n")
        return 2
    window = MainWindow(library, source=args.source)
    messages.install(window)
    if args.view:
        try:
            window.show_view(args.view)
        except KeyError as exc:
            sys.stderr.write(f"knowhow-app: {exc.args[0]}\n")
            window.shutdown()
            window.deleteLater()
            return 2
    if args.link:
        from capture_app.links import open_link

        open_link(window, args.link)
    if args.screenshot:
        try:
            files = render_screenshots(window, args.screenshot)
        finally:
            window.close()
            messages.uninstall()
            window.deleteLater()
        log.info("wrote %d screenshots to %s", len(files), args.screenshot)
        return 0
    window.show()
    code = app.exec()
    messages.uninstall()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
