"""Frozen entry point of the desktop app `knowhow-app` (PyInstaller)."""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from capture_app.__main__ import main

    raise SystemExit(main())
