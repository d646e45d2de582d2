"""Know-how Capture desktop app (PySide6).

Views and workers only: every piece of knowledge work is a call into
`indexing`, run off the GUI thread. Importing this package loads neither Qt
nor torch; `capture_app.app` does the Qt work.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
