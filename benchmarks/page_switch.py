"""Each page's first show, with and without the app's style sheet, from the same run.

    python benchmarks/page_switch.py              # 3 rounds of each
    python benchmarks/page_switch.py --quick      # 1 round
    python benchmarks/page_switch.py --code /tmp/casebook-before

Pages are built when first shown (the start-up stays short). One fresh child (`gui_driver.py
pages`) unlocks a demo binder (a fictional patient) in the real main window on the offscreen
platform and clicks through every section once: for each it times `show_section` (the page is
built then) and the longest event-loop gap from the click until the loop has come round twice
(the page laid out and painted). Baseline: the same in a child whose style sheet was taken away
(`app.setStyleSheet("")`), so the figure shows what the look costs beside the widgets
themselves. Medians of the rounds; rounds alternate between the two.

There is no goal of its own here: the figure to hold it against is the 50 ms the GUI may stall.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from children import PASSWORD, driver, header, median, row, run_json

_MAKE_DEMO = """
import sys
from pathlib import Path
from casebook.services.demo import create_demo_binder
session, _ = create_demo_binder(Path(sys.argv[1]), password=sys.argv[2])
session.close()
print("{}")
"""


def measure(code: Path | None, work: Path, rounds: int) -> dict[str, dict[str, list[float]]]:
    binder = work / "demo"
    run_json(code, ["-c", _MAKE_DEMO, binder, PASSWORD])
    figures: dict[str, dict[str, list[float]]] = {}
    for number in range(rounds):
        for mode in ("look", "plain"):
            extra = ["--plain"] if mode == "plain" else []
            data = work / f"data-{mode}-{number}"
            shown = driver(code, "pages", binder, PASSWORD, data, *extra)
            for page, times in shown.items():
                kept = figures.setdefault(page, {})
                for name, seconds in times.items():
                    kept.setdefault(f"{mode}_{name}", []).append(seconds)
    return figures


def report(figures: dict[str, dict[str, list[float]]]) -> None:
    row("page, first show", "with the look", "without the style sheet", "×", "")
    for page, kept in figures.items():
        look_gap, plain_gap = median(kept["look_gap_s"]), median(kept["plain_gap_s"])
        look_build, plain_build = median(kept["look_build_s"]), median(kept["plain_build_s"])
        row(
            f"{page}: longest gap (built in)",
            f"{look_gap * 1000:.0f} ms",
            f"{plain_gap * 1000:.0f} ms",
            f"×{look_gap / plain_gap:.2f}" if plain_gap else "",
            "≤ 50 ms (the stall goal)",
        )
        print(f"    built in {look_build * 1000:.0f} ms against {plain_build * 1000:.0f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one round of each")
    parser.add_argument("--rounds", type=int, help="rounds of each (default 3)")
    parser.add_argument("--code", type=Path, help="run the children against this checkout")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    rounds = args.rounds or (1 if args.quick else 3)
    header("Each page's first show" + (f" (code: {args.code})" if args.code else ""))
    with tempfile.TemporaryDirectory(prefix="casebook-bench-pages-") as temp:
        figures: Any = measure(args.code, Path(temp), rounds)
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
