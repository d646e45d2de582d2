"""The library folder: catalog, media and writer lock."""

import sys


def _import_sqlite_utils_without_pandas() -> None:
    """Import sqlite-utils without the pandas it loads eagerly (1-5 s of a cold start).

    sqlite-utils imports pandas only to map `pandas.Timestamp` columns, which this
    code base never writes; pandas stays importable for whoever needs it later.
    """
    if "sqlite_utils" in sys.modules or "pandas" in sys.modules:
        return
    sys.modules["pandas"] = None  # type: ignore[assignment]  # makes `import pandas` fail for now
    try:
        import sqlite_utils  # noqa: F401
    finally:
        if sys.modules.get("pandas", 0) is None:
            del sys.modules["pandas"]


_import_sqlite_utils_without_pandas()

from indexing.library.catalog import STAGES, Library  # noqa: E402

__all__ = ["STAGES", "Library"]
