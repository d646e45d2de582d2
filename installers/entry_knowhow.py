"""Frozen entry point of the `knowhow` command (PyInstaller)."""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()  # batch-ingest worker processes re-enter here
    from indexing.cli import main

    raise SystemExit(main())
