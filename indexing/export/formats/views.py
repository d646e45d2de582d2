"""Community views of the step segments that existing research code reads.

- `views/coin.json`: COIN / ActivityNet style. `database` maps a video (session) id to
  its `subset`, `duration`, `class` (procedure) and `annotation` list of
  `{"id", "segment": [start, end], "label"}`; `annotations` repeats the list under
  ActivityNet's key so both loaders work.
- `views/crosstask/`: CrossTask style. `tasks.txt` has one block per task (procedure):
  task id, name, url (empty), number of steps, comma-separated step names, then a
  blank line; `annotations/<task>_<video>.csv` lists `step_number,start,end` rows
  (1-based step number within the task).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from indexing.export.formats.base import ExportFormat, Records

COIN_SUBSETS = {"train": "training", "validation": "validation", "test": "testing"}


def _by_video(records: Records) -> dict[str, list[dict[str, Any]]]:
    videos: dict[str, list[dict[str, Any]]] = {}
    for recs in records.values():
        for r in recs:
            videos.setdefault(r["session_id"], []).append(r)
    for recs in videos.values():
        recs.sort(key=lambda r: (r["procedure_index"], r["step_index"]))
    return dict(sorted(videos.items()))


class CoinFormat(ExportFormat):
    name = "coin"

    def write(self, root: Path, records: Records) -> list[Path]:
        database: dict[str, Any] = {}
        for vid, recs in _by_video(records).items():
            ann = [{"id": str(i + 1), "segment": [r["start"], r["end"]], "label": r["title"],
                    "category": r["category"], "step_id": r["id"]} for i, r in enumerate(recs)]
            database[vid] = {
                "subset": COIN_SUBSETS.get(recs[0]["split"], recs[0]["split"]),
                "duration": max(r["end"] for r in recs),
                "start": min(r["start"] for r in recs),
                "end": max(r["end"] for r in recs),
                "class": recs[0]["procedure_title"],
                "recipe_type": recs[0]["procedure_id"],
                "video_url": "",
                "annotation": ann,
                "annotations": ann,
            }
        (root / "views").mkdir(exist_ok=True)
        path = root / "views" / "coin.json"
        path.write_text(json.dumps({"version": "knowhow-1", "database": database}, ensure_ascii=False,
                                   indent=1), encoding="utf-8")
        return [path]


class CrossTaskFormat(ExportFormat):
    name = "crosstask"

    def write(self, root: Path, records: Records) -> list[Path]:
        folder = root / "views" / "crosstask"
        (folder / "annotations").mkdir(parents=True, exist_ok=True)
        tasks: dict[str, list[str]] = {}
        task_names: dict[str, str] = {}
        out = []
        for vid, recs in _by_video(records).items():
            per_task: dict[str, list[dict[str, Any]]] = {}
            for r in recs:
                per_task.setdefault(r["procedure_id"], []).append(r)
            for task, trs in per_task.items():
                task_names[task] = trs[0]["procedure_title"]
                names = tasks.setdefault(task, [])
                path = folder / "annotations" / f"{task}_{vid}.csv"
                with path.open("w", newline="", encoding="utf-8") as f:
                    w = csv.writer(f)
                    for r in trs:
                        title = r["title"].replace(",", " ")
                        if title not in names:
                            names.append(title)
                        w.writerow([names.index(title) + 1, f"{r['start']:.2f}", f"{r['end']:.2f}"])
                out.append(path)
        lines = []
        for task, names in tasks.items():
            lines += [task, task_names[task], "", str(len(names)), ",".join(names), ""]
        path = folder / "tasks.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return out + [path]
