"""Plot and tabulate the growth measured by ``bench/scale.py`` (issue 6).

    python bench/plot_scale.py RESULTS.json [MORE.json ...] [--output bench/scale.svg]
                               [--x n|files] [--aggregate median|min]

Reads one or several results files written by ``bench/scale.py --results FILE`` (all their runs
are merged: N=100,000 can be measured on its own and plotted with earlier 1,000 / 10,000 runs).
A file may also hold a bare JSON list of row objects (``{"n": 1000, "files": 1400, "ingest_s":
9.6, ...}``) or a single run (``{"rows": [...]}``).

Prints, per step, the value at each N (the median of the runs at that N, or the minimum with
``--aggregate min``), the growth ratio between consecutive N with its local exponent
k = log(t2/t1) / log(N2/N1), and the exponent k of time ∝ N^k fitted by least squares on all
measurements (log-log). With ``--output`` also writes a log-log SVG (hand-written, no plotting
library): one polyline per step through the aggregated values, a min–max bar where an N was
measured more than once, and a dashed slope-1 ("linear") reference line.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from pathlib import Path
from xml.sax.saxutils import escape

# (key in a row, label, factor to seconds, unit of the table)
STEPS = [("ingest_s", "ingest", 1.0, "s"),
         ("index_s", "index", 1.0, "s"),
         ("search_p50_ms", "search p50/query", 1e-3, "ms"),
         ("review_first_s", "first review", 1.0, "s"),
         ("load_s", "snapshot load", 1.0, "s"),
         ("review_s", "review", 1.0, "s")]
COLORS = ["#0072B2", "#D55E00", "#009E73", "#56B4E9", "#CC79A7", "#E69F00"]  # Okabe-Ito
MARKERS = ["circle", "square", "triangle", "circle", "diamond", "triangle-down"]
WIDTH, HEIGHT = 640, 400
LEFT, RIGHT, TOP, BOTTOM = 62, 478, 46, 340  # the plot area; the legend is right of it


def read_rows(paths: list[Path]) -> tuple[list[dict], list[dict]]:
    """All rows of all files, and the runs they come from (for the machine line)."""
    rows, runs = [], []
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SystemExit(f"{path}: {exc}")
        if isinstance(data, dict) and "runs" in data:
            file_runs = data["runs"]
        elif isinstance(data, dict) and "rows" in data:
            file_runs = [data]
        elif isinstance(data, list):
            file_runs = [{"rows": data}]
        else:
            raise SystemExit(f"{path}: expected bench/scale.py results, a run or a list of rows")
        for run in file_runs:
            good = [r for r in run.get("rows", []) if isinstance(r, dict) and isinstance(r.get("n"), (int, float))]
            rows += good
            if good:
                runs.append(run)
    if not rows:
        raise SystemExit("no rows (objects with an \"n\") in " + ", ".join(map(str, paths)))
    return rows, runs


def warnings(runs: list[dict]) -> list[str]:
    """Runs that should not be on one line: with and without the gazette texts, different machines."""
    out = []
    gazette = {run["gazette"] for run in runs if isinstance(run.get("gazette"), bool)}
    if len(gazette) > 1:
        out.append("runs with and without the 400 gazette texts (--no-gazette) are mixed: "
                   "their times are not comparable at the same N")
    machines = {json.dumps({k: m.get(k) for k in ("cores", "processor", "python")}, sort_keys=True)
                for run in runs if isinstance(m := run.get("machine"), dict)}
    if len(machines) > 1:
        out.append(f"runs from {len(machines)} different machines / Pythons are mixed")
    return out


def series(rows: list[dict], xkey: str, aggregate) -> dict[str, list[tuple[float, float, float, float, int]]]:
    """step key -> [(x, aggregated seconds, min, max, count)] sorted by x; values <= 0 or absent skipped."""
    out = {}
    for key, _label, factor, _unit in STEPS:
        by_x: dict[float, list[float]] = {}
        for r in rows:
            x, y = r.get(xkey), r.get(key)
            if isinstance(x, (int, float)) and isinstance(y, (int, float)) and x > 0 and y > 0:
                by_x.setdefault(float(x), []).append(y * factor)
        if by_x:
            out[key] = [(x, aggregate(ys), min(ys), max(ys), len(ys)) for x, ys in sorted(by_x.items())]
    return out


def fit_exponent(rows: list[dict], xkey: str, key: str) -> float | None:
    """Least-squares slope of log(time) on log(x) over every measurement; None below two distinct x."""
    pts = [(math.log(r[xkey]), math.log(r[key])) for r in rows
           if isinstance(r.get(xkey), (int, float)) and isinstance(r.get(key), (int, float))
           and r[xkey] > 0 and r[key] > 0]
    if len({x for x, _ in pts}) < 2:
        return None
    mx = statistics.fmean(x for x, _ in pts)
    my = statistics.fmean(y for _, y in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)


def num(v: float) -> str:
    if v >= 100:
        return f"{v:,.0f}"
    if v >= 10:
        return f"{v:.1f}"
    if v >= 0.1:
        return f"{v:.2f}"
    return f"{v:.2g}"


def counts_text(data: dict) -> str:
    """How many measurements were combined per x: "2", or "1–3" when it varies."""
    counts = [c for pts in data.values() for *_, c in pts]
    return str(min(counts)) if min(counts) == max(counts) else f"{min(counts)}–{max(counts)}"


def table(rows: list[dict], data: dict, xkey: str, how: str) -> str:
    xs = sorted({x for pts in data.values() for x, *_ in pts})
    xname = "N generated" if xkey == "n" else "files"
    pairs = list(zip(xs, xs[1:]))
    head = (["step"] + [f"{xname} {x:,.0f}" for x in xs] + [f"×{a:,.0f}→{b:,.0f} (k)" for a, b in pairs]
            + ["fitted k"])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key, label, factor, unit in STEPS:
        pts = {x: y / factor for x, y, *_ in data.get(key, [])}
        cells = [f"{label} {unit}"] + [num(pts[x]) if x in pts else "-" for x in xs]
        for a, b in pairs:
            if a in pts and b in pts:
                ratio = pts[b] / pts[a]
                cells.append(f"×{ratio:.2g} ({math.log(ratio) / math.log(b / a):.2f})" if ratio < 10
                             else f"×{ratio:.0f} ({math.log(ratio) / math.log(b / a):.2f})")
            else:
                cells.append("-")
        k = fit_exponent(rows, xkey, key)
        cells.append("-" if k is None else f"{k:.2f}")
        lines.append("| " + " | ".join(cells) + " |")
    note = (f"values: {how} of {counts_text(data)} measurement(s) per {xname}; "
            f"k = exponent in time ∝ {xname}^k (1 = linear)")
    if xkey == "n" and any(isinstance(r.get("files"), (int, float)) and r["files"] != r["n"] for r in rows):
        note += ("; files = N + a fixed set of extra texts (the 400 gazette texts): at small N the "
                 "exponents against N understate growth per file (--x files)")
    return "\n".join(lines) + "\n\n" + note


# --- SVG ---------------------------------------------------------------------------------------

def decades(lo: float, hi: float) -> tuple[int, int]:
    a, b = math.floor(math.log10(lo) + 1e-9), math.ceil(math.log10(hi) - 1e-9)
    return (a - 1, b + 1) if a == b else (a, b)


def x_range(lo: float, hi: float) -> tuple[float, float]:
    """log10 bounds of the x axis: the data plus a margin, so end markers are not cut by the frame."""
    a, b = math.log10(lo), math.log10(hi)
    if b - a < 1e-9:
        return a - 0.5, b + 0.5
    pad = max(0.08, 0.06 * (b - a))
    return a - pad, b + pad


def marker(shape: str, x: float, y: float, color: str, r: float = 4.0) -> str:
    attrs = f'fill="{color}" stroke="#ffffff" stroke-width="1"'
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {attrs}/>'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" {attrs}/>'
    s = r * 1.25
    pts = {"triangle": [(x, y - s), (x + s, y + s * 0.8), (x - s, y + s * 0.8)],
           "triangle-down": [(x, y + s), (x + s, y - s * 0.8), (x - s, y - s * 0.8)],
           "diamond": [(x, y - s), (x + s, y), (x, y + s), (x - s, y)]}[shape]
    return '<polygon points="' + " ".join(f"{px:.1f},{py:.1f}" for px, py in pts) + f'" {attrs}/>'


def tick_label(e: int) -> str:
    v = 10.0 ** e
    return f"{v:,.0f}" if e >= 0 else f"{v:.{-e}f}"


def svg(rows: list[dict], runs: list[dict], data: dict, xkey: str, how: str, title: str) -> str:
    xs = [x for pts in data.values() for x, *_ in pts]
    ys = [v for pts in data.values() for _x, y, lo, hi, _c in pts for v in (y, lo, hi)]
    x0, x1 = x_range(min(xs), max(xs))
    y0, y1 = decades(min(ys), max(ys))

    def px(x: float) -> float:
        return LEFT + (math.log10(x) - x0) / (x1 - x0) * (RIGHT - LEFT)

    def py(y: float) -> float:
        return BOTTOM - (math.log10(y) - y0) / (y1 - y0) * (BOTTOM - TOP)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
           f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="Helvetica, Arial, sans-serif" font-size="11" '
           f'fill="#222222">',
           f"<title>{escape(title)}</title>",
           f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
           f'<defs><clipPath id="plot"><rect x="{LEFT}" y="{TOP}" width="{RIGHT - LEFT}" '
           f'height="{BOTTOM - TOP}"/></clipPath></defs>',
           f'<text x="{LEFT}" y="18" font-size="14" font-weight="bold">{escape(title)}</text>']
    machines = sorted({f"{m.get('cores', '?')} cores {m.get('processor', '')}, Python {m.get('python', '?')}"
                       for run in runs if isinstance(m := run.get("machine"), dict)})
    sub = f"{how} of {counts_text(data)} run(s) per {'N' if xkey == 'n' else 'x'}; bars: min–max"
    if machines:
        sub += "; " + " | ".join(machines)
    out.append(f'<text x="{LEFT}" y="34" font-size="10" fill="#555555">{escape(sub[:110])}</text>')

    # grid, ticks and labels
    grid = []
    few = x1 - x0 < 2  # up to about two decades: label 2× and 5× too
    for e in range(math.floor(x0), math.ceil(x1) + 1):
        for m in range(1, 10):
            v = m * 10.0 ** e
            if not x0 - 1e-9 <= math.log10(v) <= x1 + 1e-9:
                continue
            x = px(v)
            if m == 1:
                grid.append(f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{BOTTOM}" stroke="#dddddd"/>')
                grid.append(f'<line x1="{x:.1f}" y1="{BOTTOM}" x2="{x:.1f}" y2="{BOTTOM + 5}" stroke="#222222"/>')
                grid.append(f'<text x="{x:.1f}" y="{BOTTOM + 18}" text-anchor="middle">{tick_label(e)}</text>')
            else:
                grid.append(f'<line x1="{x:.1f}" y1="{BOTTOM}" x2="{x:.1f}" y2="{BOTTOM + 3}" stroke="#222222"/>')
                if few and m in (2, 5):
                    grid.append(f'<text x="{x:.1f}" y="{BOTTOM + 16}" text-anchor="middle" font-size="9" '
                                f'fill="#555555">{v:,.0f}</text>')
    for e in range(y0, y1 + 1):
        y = py(10.0 ** e)
        grid.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{RIGHT}" y2="{y:.1f}" stroke="#dddddd"/>')
        grid.append(f'<line x1="{LEFT - 5}" y1="{y:.1f}" x2="{LEFT}" y2="{y:.1f}" stroke="#222222"/>')
        grid.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{tick_label(e)}</text>')
        if e < y1:
            for m in range(2, 10):
                ym = py(m * 10.0 ** e)
                grid.append(f'<line x1="{LEFT - 3}" y1="{ym:.1f}" x2="{LEFT}" y2="{ym:.1f}" stroke="#222222"/>')
    out += grid
    out.append(f'<rect x="{LEFT}" y="{TOP}" width="{RIGHT - LEFT}" height="{BOTTOM - TOP}" fill="none" '
               f'stroke="#222222"/>')
    xname = "N generated documents" if xkey == "n" else "files ingested"
    out.append(f'<text x="{(LEFT + RIGHT) / 2:.1f}" y="{BOTTOM + 40}" text-anchor="middle" font-size="12">'
               f'{xname} (log scale)</text>')
    out.append(f'<text transform="translate(16 {(TOP + BOTTOM) / 2:.1f}) rotate(-90)" text-anchor="middle" '
               f'font-size="12">seconds (log scale)</text>')

    # linear reference: slope 1 through the first point of the first step plotted (ingest if present)
    first = next(iter(data.values()))
    ax, ay = first[0][0], first[0][1]
    lo_x, hi_x = 10.0 ** (x0 - 0.1), 10.0 ** (x1 + 0.1)
    out.append(f'<g clip-path="url(#plot)"><line x1="{px(lo_x):.1f}" y1="{py(ay * lo_x / ax):.1f}" '
               f'x2="{px(hi_x):.1f}" y2="{py(ay * hi_x / ax):.1f}" stroke="#777777" stroke-width="1.2" '
               f'stroke-dasharray="6 4"/></g>')

    legend_y = TOP + 6
    out.append(f'<text x="{RIGHT + 14}" y="{legend_y}" font-weight="bold">step (fitted k)</text>')
    for i, (key, label, factor, unit) in enumerate(STEPS):
        if key not in data:
            continue
        color, shape = COLORS[i], MARKERS[i]
        pts = data[key]
        g = ["<g>"]
        for x, _y, lo, hi, c in pts:
            if c > 1 and hi > lo:
                g.append(f'<path d="M{px(x):.1f} {py(lo):.1f}V{py(hi):.1f}M{px(x) - 5:.1f} {py(lo):.1f}'
                         f'h10M{px(x) - 5:.1f} {py(hi):.1f}h10" fill="none" stroke="{color}" stroke-width="1.5"/>')
        if len(pts) > 1:
            g.append('<polyline fill="none" stroke="' + color + '" stroke-width="2" points="'
                     + " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y, *_ in pts) + '"/>')
        g += [marker(shape, px(x), py(y), color) for x, y, *_ in pts]
        g.append("</g>")
        out += g
        k = fit_exponent(rows, xkey, key)
        ly = legend_y + 20 * (len([s for s in STEPS[:i] if s[0] in data]) + 1)
        name = label.split("/")[0] + ("" if k is None else f"  k={k:.2f}")
        out.append(f'<line x1="{RIGHT + 14}" y1="{ly - 4}" x2="{RIGHT + 40}" y2="{ly - 4}" stroke="{color}" '
                   f'stroke-width="2"/>')
        out.append(marker(shape, RIGHT + 27, ly - 4, color))
        out.append(f'<text x="{RIGHT + 46}" y="{ly}">{escape(name)}</text>')
    ly = legend_y + 20 * (len(data) + 1)
    out.append(f'<line x1="{RIGHT + 14}" y1="{ly - 4}" x2="{RIGHT + 40}" y2="{ly - 4}" stroke="#777777" '
               f'stroke-width="1.2" stroke-dasharray="6 4"/>')
    out.append(f'<text x="{RIGHT + 46}" y="{ly}">linear (∝ {"N" if xkey == "n" else "files"}, k=1)</text>')
    notes = ["k: time ∝ N^k, least squares", "on log-log over all runs"]
    if "search_p50_ms" in data:
        notes += ["search p50: one query, in s"]
    for j, note in enumerate(notes):
        out.append(f'<text x="{RIGHT + 14}" y="{ly + 20 + 13 * j}" font-size="10" fill="#555555">{escape(note)}</text>')
    out.append("</svg>")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("results", type=Path, nargs="+", help="results files of bench/scale.py --results")
    parser.add_argument("--output", type=Path, help="write the log-log plot here (SVG)")
    parser.add_argument("--x", choices=["n", "files"], default="n",
                        help="x axis: N generated documents (default) or files ingested (N + gazette texts)")
    parser.add_argument("--aggregate", choices=["median", "min"], default="median",
                        help="how several runs at the same N are combined (default median)")
    parser.add_argument("--title", default="legaldocs: time per step vs registry size (bench/scale.py)")
    args = parser.parse_args()
    rows, runs = read_rows(args.results)
    for w in warnings(runs):
        print(f"warning: {w}", file=sys.stderr)
    data = series(rows, args.x, statistics.median if args.aggregate == "median" else min)
    if not data:
        raise SystemExit(f"no step has a positive time at a positive {args.x!r} in the rows given")
    print(table(rows, data, args.x, args.aggregate))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(svg(rows, runs, data, args.x, args.aggregate, args.title), encoding="utf-8")
        print(f"\nplot: {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
