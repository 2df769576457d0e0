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

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from children import (
    PASSWORD,
    driver,
    header,
    keep_figures,
    median,
    row,
    run_json,
    script_arguments,
    titled,
)

_MAKE_DEMO = """
import sys
from pathlib import Path
from casebook.services.demo import create_demo_binder
session, _ = create_demo_binder(Path(sys.argv[1]), password=sys.argv[2])
session.close()
print("{}")
"""


def measure(code: Path | None, rounds: int) -> dict[str, dict[str, list[float]]]:
    """Per page, the seconds of every round: `look_build_s`, `look_gap_s`, `plain_…`."""
    figures: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="casebook-bench-pages-") as temp:
        work = Path(temp)
        binder = work / "demo"
        run_json(code, ["-c", _MAKE_DEMO, binder, PASSWORD])
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
    parser = script_arguments(__doc__, "one round of each")
    parser.add_argument("--rounds", type=int, help="rounds of each (default 3)")
    args = parser.parse_args(argv)
    header(titled("Each page's first show", args.code))
    figures = measure(args.code, args.rounds or (1 if args.quick else 3))
    report(figures)
    keep_figures(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
