"""Choose the Korean decoder settings (`Korean.boundary_decoder`) on the Korean tuning splits.

The learned scorer's weights stay as fitted (`indexing.segment.learned`); only the decoder's typical
step length, cut cost, flat-middle width and length weight are searched, for Korean alone, on the
splits given (z23: tune + test from `/tmp/q17/ko`, test2, test3 and test4; each folder made by
make_heldout_ko.py, read through `fit_boundaries.korean`, which keeps visual changes in
`DIR/cache_segment/`, so pass copies). Rule: among the settings that lower no split's boundary F1 or
fixed-camera F1 against the module's defaults, the best box-smoothed pooled F1 (the mean over each
setting's grid neighbours, one step along one axis); ties go to the higher pooled F1, then to the
fewest settings changed from the defaults.

    python tests/heldout_ko/select_ko_decoder.py DIR [DIR ...]
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
AXES = {
    "typical": [10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0],
    "cut_cost": [-0.25, 0.0, 0.25, 0.5, 0.75],
    "width": [0.0, 0.1, 0.2, 0.3],
    "length": [1.0, 1.5, 2.0],
}


def _fit_boundaries() -> Any:
    spec = importlib.util.spec_from_file_location("heldout_fit_boundaries", HERE.parent / "heldout" / "fit_boundaries.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    args = parser.parse_args(argv)
    fb = _fit_boundaries()
    from indexing.segment.learned import Params, log_odds

    sessions = [s for d in args.dirs for s in fb.korean(d)]
    parts = sorted({s.part for s in sessions})
    logits = {s.name: log_odds(s.rows, Params()) for s in sessions}

    def figures(params: Any) -> tuple[dict[str, tuple[float, float]], float]:
        preds = {s.name: s.starts(params, logits=logits[s.name]) for s in sessions}
        per = {}
        for part in parts:
            sub = [s for s in sessions if s.part == part]
            r = fb.score(preds, sub)
            per[part] = (r["f1"], r["f1_fixed"])
        return per, fb.score(preds, sessions)["f1"]

    base, base_f1 = figures(Params())
    print("defaults", base, "pooled", base_f1)
    grid: dict[tuple[float, ...], tuple[dict[str, tuple[float, float]], float]] = {}
    for key in itertools.product(*AXES.values()):
        grid[key] = figures(replace(Params(), **dict(zip(AXES, key, strict=True))))
    names = list(AXES)

    def smoothed(key: tuple[float, ...]) -> float:
        near = []
        for d, name in enumerate(names):
            i = AXES[name].index(key[d])
            for j in (i - 1, i + 1):
                if 0 <= j < len(AXES[name]):
                    near.append(grid[key[:d] + (AXES[name][j],) + key[d + 1:]][1])
        return sum(near) / len(near)

    safe = [k for k, (per, _) in grid.items()
            if all(per[p][0] >= base[p][0] and per[p][1] >= base[p][1] for p in parts)]
    default = Params()
    changed = {k: sum(1 for n, v in zip(names, k, strict=True) if getattr(default, n) != v) for k in safe}
    ranked = sorted(safe, key=lambda k: (-round(smoothed(k), 4), -grid[k][1], changed[k]))
    for k in ranked[:8]:
        print(dict(zip(names, k, strict=True)), "smoothed", round(smoothed(k), 4), "pooled", grid[k][1], grid[k][0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
