"""The GUI never stalls: the longest event-loop gap during the long jobs (issue 15).

    python benchmarks/gui_stalls.py                 # a 400-slice CT
    python benchmarks/gui_stalls.py --quick         # 100 slices
    python benchmarks/gui_stalls.py --code /tmp/casebook-before
    CASEBOOK_BENCH_WHERE=1 python benchmarks/gui_stalls.py --quick   # also: where the loop stalled

One fresh child (`gui_driver.py work`) drives the real main window on the offscreen platform
with a 10 ms QTimer probe running: once the Overview shows its data after unlocking, it
switches to the Imaging page (measured on its own: the
page's first paint comes from the click before the import), imports a CT series there (the
review, then the import), waits for the series thumbnail, opens the viewer until its first
slice is decoded, then seals a bundle through the Export page. The series is made of copies of
the repository's real lung CT slices (TCIA Lung-PET-CT-Dx, CC BY 4.0) with new UIDs.

Baseline, in the same child before any work: the same probe over an idle window for 3 s, as
long as the sealing — on a loaded machine the timer itself is late by that much, whatever
Casebook does.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from children import (
    PASSWORD,
    driver,
    header,
    keep_figures,
    row,
    run_json,
    script_arguments,
    titled,
)

_MAKE_BINDER = """
import sys
from pathlib import Path
from casebook.core.model import Case
from casebook.services.binder.session import create_binder
from casebook.store.keyslots import KdfParams
case = Case("Lung_Dx-A0001", None, "Lung nodule")
create_binder(Path(sys.argv[1]), sys.argv[2], case, KdfParams.minimum()).session.close()
print("{}")
"""

PHASES = (
    ("page", "show the Imaging page (first paint)"),
    ("import", "import a CT series (review, import)"),
    ("thumbnail", "its series thumbnail"),
    ("viewer", "open the viewer, first slice shown"),
    ("seal", "seal a bundle (Export page)"),
)


def measure(code: Path | None, work: Path, slices: int) -> dict[str, Any]:
    binder = work / "binder"
    run_json(code, ["-c", _MAKE_BINDER, binder, PASSWORD])
    out = work / "out"
    out.mkdir()
    return driver(code, "work", binder, PASSWORD, work / "data", str(slices), out, timeout=1800)


def report(figures: dict[str, Any], slices: int) -> None:
    idle = figures["stall_idle_s"] * 1000
    row(f"longest event-loop gap, {slices} slices", "measured", "baseline (same run)", "", "")
    for key, label in PHASES:
        stall = figures[f"stall_{key}_s"] * 1000
        row(
            f"{label}",
            f"{stall:.0f} ms",
            f"idle window {idle:.0f} ms",
            f"{figures[f'{key}_s']:.1f} s",
            "≤ 50 ms",
        )
        late = sorted(figures.get(f"late_{key}", []), key=lambda item: -item[1])
        over = sum(1 for _at, gap in late if gap > 0.050)
        if late:
            longest = ", ".join(f"{gap * 1000:.0f} ms at {at:.2f} s" for at, gap in late[:3])
            print(f"    {len(late)} gaps over 30 ms, {over} over 50 ms; longest: {longest}")
        collections = figures.get(f"collections_{key}", [])
        if collections:
            longest = max(collections, key=lambda item: item[2])
            print(
                f"    {len(collections)} cycle collections over 5 ms; longest: "
                f"{longest[2] * 1000:.0f} ms (generation {longest[1]}) at {longest[0]:.2f} s"
            )
        for where in figures.get(f"where_{key}", []):
            print(f"    held by {where}")


def main(argv: list[str] | None = None) -> int:
    parser = script_arguments(__doc__, "100 slices")
    parser.add_argument("--slices", type=int, help="slices in the series (default 400)")
    args = parser.parse_args(argv)
    slices = args.slices or (100 if args.quick else 400)
    header(titled("The GUI never stalls", args.code))
    with tempfile.TemporaryDirectory(prefix="casebook-bench-stalls-") as temp:
        figures = measure(args.code, Path(temp), slices)
    report(figures, slices)
    keep_figures(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
