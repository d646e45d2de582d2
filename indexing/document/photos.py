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
        anonymize: Blur faces with the export's face blurrer (OpenCV cascades).
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

            # The blurrer expects BGR (or grey) and works in place.
            arr = np.array(img) if grey else np.ascontiguousarray(np.array(img)[:, :, ::-1])
            arr = _blurrer().blur_image(arr)
            img = Image.fromarray(arr if grey else np.ascontiguousarray(arr[:, :, ::-1]))
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=82)
        return buf.getvalue()
    except (OSError, ValueError, ImportError):
        log.info("cannot read keyframe %s", path, exc_info=True)
        return None
