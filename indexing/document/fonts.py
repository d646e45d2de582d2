"""Find a font with Hangul (and Latin) glyphs for the PDF sheet.

Debian's `fonts-noto-cjk` ships Noto Sans CJK as TrueType collections; fontconfig
(`fc-match`) finds it and its index inside the collection. Known paths are the
fallback where fontconfig is missing.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from indexing.document.errors import FontError

log = logging.getLogger(__name__)

ENV_FONT = "KNOWHOW_SHEET_FONT"
FAMILY = "Noto Sans CJK KR"
KNOWN = {
    "": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
         "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
         "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
         "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
    "B": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
          "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
          "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
          "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"),
}
# Index of the Korean face inside the Noto Sans CJK collections (JP, KR, SC, TC, HK order).
KNOWN_INDEX = 1


@dataclass(frozen=True)
class FontFile:
    """A font file and the face index inside it (0 for a plain .ttf/.otf)."""

    path: str
    index: int = 0


def _fc_match(style: str) -> FontFile | None:
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    pattern = f"{FAMILY}:style={'Bold' if style == 'B' else 'Regular'}:lang=ko"
    try:
        out = subprocess.run([exe, "-f", "%{file}\n%{index}\n%{family}", pattern], capture_output=True,
                             text=True, timeout=10, check=False).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        return None
    if len(out) < 3 or "CJK" not in out[2] and "Nanum" not in out[2]:
        return None  # fontconfig fell back to a font without Hangul
    try:
        return FontFile(out[0], int(out[1] or 0))
    except ValueError:
        return FontFile(out[0])


def find_font(style: str = "") -> FontFile:
    """The Hangul-capable font for `style` ("" regular, "B" bold).

    `$KNOWHOW_SHEET_FONT` (a .ttf/.otf path) wins for both styles.

    Raises:
        FontError: None is installed (with what to install).
    """
    import os

    env = os.environ.get(ENV_FONT)
    if env:
        if not Path(env).is_file():
            raise FontError(f"${ENV_FONT} points to {env}, which is not a font file")
        return FontFile(env)
    found = _fc_match(style)
    if found is not None and Path(found.path).is_file():
        return found
    for path in KNOWN[style]:
        if Path(path).is_file():
            return FontFile(path, KNOWN_INDEX if path.endswith(".ttc") else 0)
    if style == "B":
        return find_font("")
    raise FontError("no font with Hangul found for the PDF sheet: install fonts-noto-cjk "
                    f"(apt-get install fonts-noto-cjk) or set ${ENV_FONT} to a .ttf file")
