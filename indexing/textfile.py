"""Read a text file a user hands us (a transcript, a list of required procedures).

Such files come from Windows tools as often as from ours: UTF-8 (with or
without a byte-order mark) first, then CP949, the Korean Windows code page
Korean Excel and subtitle editors save in. Every failure is one clear line.
"""

from __future__ import annotations

from pathlib import Path

from indexing.errors import IndexingError

ENCODINGS = ("utf-8-sig", "cp949")


def read_user_text(path: str | Path, what: str, error: type[IndexingError]) -> str:
    """The text of `path`, decoded as UTF-8 or else CP949.

    Args:
        path: The file.
        what: What the file is, for messages ("transcript file").
        error: The `IndexingError` subclass to raise.

    Raises:
        error: The file is missing, unreadable, or in neither encoding.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise error(f"{what} {p} does not exist") from None
    except IsADirectoryError:
        raise error(f"{what} {p} is a folder, not a file") from None
    except OSError as exc:
        raise error(f"cannot read {what} {p}: {exc.strerror}") from None
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise error(f"cannot read {what} {p}: not UTF-8 or CP949 text")
