"""WebDataset tar shards: `webdataset/<split>-NNNNNN.tar`.

One sample is the files sharing a basename (the record id): `<id>.json` (the
record), `<id>.txt` (the narration), `<id>.mp4` (the clip, when exported) and
`<id>.jpg` (the first keyframe, when exported). Members carry fixed owner and
time fields so the same export gives the same bytes.
"""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

from indexing.export.formats.base import ExportFormat, Records


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 0
    info.mode = 0o644
    info.uname = info.gname = ""
    tar.addfile(info, io.BytesIO(data))


class WebDatasetFormat(ExportFormat):
    name = "webdataset"

    def __init__(self, shard_size: int = 500) -> None:
        self.shard_size = shard_size

    def write(self, root: Path, records: Records) -> list[Path]:
        folder = root / "webdataset"
        folder.mkdir(exist_ok=True)
        out = []
        for split, recs in records.items():
            for shard, lo in enumerate(range(0, max(len(recs), 1), self.shard_size)):
                path = folder / f"{split}-{shard:06d}.tar"
                with tarfile.open(path, "w", format=tarfile.USTAR_FORMAT) as tar:
                    for r in recs[lo : lo + self.shard_size]:
                        key = r["id"].replace(".", "_")
                        _add(tar, f"{key}.json", json.dumps(r, ensure_ascii=False).encode())
                        _add(tar, f"{key}.txt", r["text"].encode())
                        if r["clip"]:
                            _add(tar, f"{key}.mp4", (root / r["clip"]).read_bytes())
                        if r["keyframes"]:
                            _add(tar, f"{key}.jpg", (root / r["keyframes"][0]).read_bytes())
                out.append(path)
        return out
