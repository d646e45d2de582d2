"""Keyframe photos for sheets: downsized JPEG bytes, greyscale for print, faces blurred when anonymized."""

from __future__ import annotations

import io
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAX_SIDE = 480
"""Pixels of a photo's longer side: sharp at the sheet's 32 mm column, small in the file."""
QUALITY = 82  # JPEG quality of sheet photos


@lru_cache(maxsize=1)
def _blurrer() -> Any:
    """One face blurrer per process: loading its cascades takes about a second."""
    from indexing.export.faces import FaceBlurrer

    return FaceBlurrer()


def photo_jpeg(path: str | None, *, grey: bool, anonymize: bool = False) -> bytes | None:
    """A keyframe as JPEG bytes for a sheet, or None when there is none or it cannot be read.

    Args:
        path: The keyframe file.
        grey: Greyscale (the PDF: a black-and-white print then matches the screen).
        anonymize: Blur faces with the export's face blurrer (OpenCV cascades), then check the
            JPEG bytes returned with the export's independent face check, which blurs harder
            (`indexing.export.facecheck.secure_still`).

    Raises:
        FaceLeakError: (an IndexingError) A face is still detectable after the harder passes:
            the sheet is not made (fail closed).
    """
    if not path or not Path(path).is_file():
        return None
    try:
        from PIL import Image

        with Image.open(path) as im:
            img = im.convert("L" if grey else "RGB")
        img.thumbnail((MAX_SIDE, MAX_SIDE))
        if anonymize:
            import numpy as np

            from indexing.export.facecheck import secure_still

            # The blurrer and the check expect BGR (or grey); the check runs on the bytes returned.
            arr = np.array(img) if grey else np.ascontiguousarray(np.array(img)[:, :, ::-1])
            return secure_still(arr, _blurrer(), what=f"the sheet photo {Path(path).name}", quality=QUALITY)
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=QUALITY)
        return buf.getvalue()
    except (OSError, ValueError, ImportError):
        log.info("cannot read keyframe %s", path, exc_info=True)
        return None
