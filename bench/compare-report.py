#!/usr/bin/env python3
"""Turns the redis-benchmark CSV files of compare-with-redis.sh into a comparison table and chart.

Reads <raw>/<server>-P<pipeline>-r<round>.csv (server is "redis" or "nioredis") and writes, under <out>:
comparison.md (Markdown table and settings), comparison.csv (the same numbers) and comparison.svg (a bar
chart of the nioredis/Redis ratio per test and pipeline depth). Medians are taken over rounds.
Standard library only.
"""
import argparse
import csv
import glob
import os
import re
import statistics
from html import escape

FILE = re.compile(r"^(redis|nioredis)-P(\d+)-r(\d+)\.csv$")


def read_runs(raw):
    """{(test, pipeline): {server: [rps, ...]}} and the tests in first-seen order."""
    results = {}
    order = []
    for path in sorted(glob.glob(os.path.join(raw, "*.csv"))):
        m = FILE.match(os.path.basename(path))
        if not m:
            continue
        server, pipeline = m.group(1), int(m.group(2))
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                test = row.get("test")
                try:
                    rps = float(row.get("rps", ""))
                except ValueError:
                    continue
                if test not in order:
                    order.append(test)
                results.setdefault((test, pipeline), {}).setdefault(server, []).append(rps)
    return results, order


def table(results, order):
    rows = []
    for pipeline in sorted({p for (_, p) in results}):
        for test in order:
            runs = results.get((test, pipeline))
            if not runs:
                continue
            redis = statistics.median(runs["redis"]) if runs.get("redis") else None
            nio = statistics.median(runs["nioredis"]) if runs.get("nioredis") else None
            ratio = nio / redis if redis and nio is not None else None
            rows.append({"test": test, "pipeline": pipeline, "redis_rps": redis, "nioredis_rps": nio,
                         "ratio": ratio, "rounds": min(len(runs.get("redis", [])), len(runs.get("nioredis", [])))})
    return rows


def fmt(v, digits=0):
    return "" if v is None else f"{v:,.{digits}f}"


def write_markdown(rows, settings, path):
    with open(path, "w") as f:
        f.write("# nioredis compared with Redis (redis-benchmark)\n\n")
        for s in settings:
            f.write(f"- {s}\n")
        f.write("\nMedian requests per second over the rounds; ratio = nioredis / Redis.\n\n")
        f.write("| test | pipeline | Redis rps | nioredis rps | ratio |\n| --- | ---: | ---: | ---: | ---: |\n")
        for r in rows:
            f.write(f"| {r['test']} | {r['pipeline']} | {fmt(r['redis_rps'])} | {fmt(r['nioredis_rps'])} "
                    f"| {fmt(r['ratio'], 2)} |\n")


def write_csv(rows, path):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["test", "pipeline", "redis_rps", "nioredis_rps", "ratio", "rounds"])
        for r in rows:
            w.writerow([r["test"], r["pipeline"], fmt(r["redis_rps"], 2).replace(",", ""),
                        fmt(r["nioredis_rps"], 2).replace(",", ""), fmt(r["ratio"], 4), r["rounds"]])


def write_svg(rows, path):
    """Horizontal bars, one group per test with a bar per pipeline depth, and a line at ratio 1."""
    tests = []
    for r in rows:
        if r["test"] not in tests:
            tests.append(r["test"])
    pipelines = sorted({r["pipeline"] for r in rows})
    colors = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759"]
    ratios = {(r["test"], r["pipeline"]): r["ratio"] for r in rows}
    top = max([v for v in ratios.values() if v is not None] + [1.0])
    scale_max = max(1.25, top * 1.1)
    label_w, chart_w, bar_h, gap = 270, 520, 12, 10
    group_h = bar_h * len(pipelines) + gap
    height = 60 + group_h * len(tests) + 30
    width = label_w + chart_w + 80
    x = lambda v: label_w + chart_w * v / scale_max
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14">'
           'nioredis / Redis requests per second (median)</text>']
    for i, p in enumerate(pipelines):
        out.append(f'<rect x="{label_w + i * 90}" y="30" width="10" height="10" fill="{colors[i % len(colors)]}"/>'
                   f'<text x="{label_w + i * 90 + 14}" y="39">-P {p}</text>')
    y0 = 50
    for t_index, test in enumerate(tests):
        gy = y0 + t_index * group_h
        out.append(f'<text x="{label_w - 6}" y="{gy + group_h / 2}" text-anchor="end">{escape(test)}</text>')
        for i, p in enumerate(pipelines):
            v = ratios.get((test, p))
            if v is None:
                continue
            y = gy + i * bar_h
            out.append(f'<rect x="{label_w}" y="{y}" width="{x(v) - label_w:.1f}" height="{bar_h - 2}" '
                       f'fill="{colors[i % len(colors)]}"/>'
                       f'<text x="{x(v) + 4:.1f}" y="{y + bar_h - 3}">{v:.2f}</text>')
    bottom = y0 + group_h * len(tests)
    out.append(f'<line x1="{x(1):.1f}" y1="{y0 - 4}" x2="{x(1):.1f}" y2="{bottom}" stroke="#333" '
               'stroke-dasharray="4 3"/>')
    out.append(f'<text x="{x(1):.1f}" y="{bottom + 14}" text-anchor="middle">1.0 = as fast as Redis</text>')
    out.append("</svg>\n")
    with open(path, "w") as f:
        f.write("\n".join(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raw", required=True, help="directory of redis-benchmark CSV files")
    parser.add_argument("--out", required=True, help="directory to write comparison.{md,csv,svg}")
    parser.add_argument("--setting", action="append", default=[], help="a line describing the run")
    args = parser.parse_args()
    results, order = read_runs(args.raw)
    rows = table(results, order)
    if not rows:
        raise SystemExit("no redis-benchmark results found in " + args.raw)
    os.makedirs(args.out, exist_ok=True)
    write_markdown(rows, args.setting, os.path.join(args.out, "comparison.md"))
    write_csv(rows, os.path.join(args.out, "comparison.csv"))
    write_svg(rows, os.path.join(args.out, "comparison.svg"))
    with open(os.path.join(args.out, "comparison.md")) as f:
        print(f.read())


if __name__ == "__main__":
    main()
