#!/usr/bin/env python3
"""Turns the redis-benchmark runs of compare-with-redis.sh (and the other comparison scripts) into a table and chart.

Reads, under <raw>, either or both of
- <server>-P<pipeline>-r<round>/NN.out and NN.meta (compare-with-redis.sh): one redis-benchmark run per test,
  its plain output (throughput, latency summary, percentile distribution) and its meta file (key=value lines:
  title, requests, exit, cpu_ns, tick_cpu_ns, wall_ns, cpu_source, clock_tick_ns);
- <server>-P<pipeline>-r<round>.csv: redis-benchmark --csv output (requests per second only),
where server is "redis" or "nioredis", and writes <out>/<name>.md (Markdown tables and settings), <name>.csv
(the same numbers) and <name>.svg (bar charts of the nioredis/Redis rps ratio and, where measured, of the
Redis/nioredis CPU-per-request ratio, per test and pipeline depth). Medians are taken over rounds; a run that
failed counts as missing, never as 0. Standard library only.
"""
import argparse
import csv
import glob
import math
import os
import re
import statistics
from html import escape

RUN_DIR = re.compile(r"^(redis|nioredis)-P(\d+)-r(\d+)$")
CSV_FILE = re.compile(r"^(redis|nioredis)-P(\d+)-r(\d+)\.csv$")
SERVERS = ("redis", "nioredis")
# A run shorter than this measures rps and CPU with too little time to average over: its row is marked.
SHORT_RUN_SECONDS = 0.5


def parse_benchmark_output(text):
    """rps, completed requests and latency percentiles (ms) of redis-benchmark's plain output, or None."""
    text = text.replace("\r", "\n")
    rps = re.search(r"throughput summary: ([0-9.]+) requests per second", text)
    if not rps:
        return None
    result = {"rps": float(rps.group(1))}
    completed = re.search(r"(\d+) requests completed in", text)
    result["completed"] = int(completed.group(1)) if completed else None
    summary = re.search(r"latency summary \(msec\):\s*\n\s*avg\s+min\s+p50\s+p95\s+p99\s+max\s*\n\s*([0-9.\s]+)",
                        text)
    if summary:
        values = [float(v) for v in summary.group(1).split()[:6]]
        if len(values) == 6:
            result["p50"], result["p99"] = values[2], values[4]
    result["p999"] = percentile_from_distribution(text, 0.999)
    return result


def percentile_from_distribution(text, fraction):
    """The smallest latency of the "Latency by percentile distribution" lines that covers `fraction` of the
    requests. The lines are hdr_histogram's percentile steps (a line only where the count changed), so this is
    the value at the first step at or past the percentile: exact when a step lands on it, else the next one."""
    section = text.split("Latency by percentile distribution:", 1)
    if len(section) < 2:
        return None
    steps = []
    for line in section[1].lstrip("\n").split("\n"):
        m = re.match(r"\s*[0-9.]+% <= ([0-9.]+) milliseconds \(cumulative count (\d+)\)", line)
        if not m:
            break
        steps.append((float(m.group(1)), int(m.group(2))))
    if not steps:
        return None
    total = steps[-1][1]
    for value, count in steps:
        if count >= fraction * total:
            return value
    return steps[-1][0]


def read_meta(path):
    meta = {}
    with open(path) as f:
        for line in f:
            key, sep, value = line.rstrip("\n").partition("=")
            if sep:
                meta[key] = value
    return meta


def as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def read_run_dirs(raw):
    """Runs of compare-with-redis.sh: a list of dicts (test, index, server, pipeline, round, ok, ...)."""
    runs = []
    for directory in sorted(glob.glob(os.path.join(raw, "*"))):
        m = RUN_DIR.match(os.path.basename(directory))
        if not m or not os.path.isdir(directory):
            continue
        server, pipeline, rnd = m.group(1), int(m.group(2)), int(m.group(3))
        for meta_path in sorted(glob.glob(os.path.join(directory, "*.meta"))):
            base = meta_path[:-len(".meta")]
            meta = read_meta(meta_path)
            run = {"server": server, "pipeline": pipeline, "round": rnd, "test": meta.get("title", "?"),
                   "index": int(os.path.basename(base)), "ok": False, "error": ""}
            out = read_text(base + ".out")
            parsed = parse_benchmark_output(out)
            status = as_int(meta.get("exit"))
            if status != 0 or parsed is None:
                run["error"] = failure_text(status, out, read_text(base + ".err"))
                runs.append(run)
                continue
            run.update(parsed)
            run["ok"] = True
            run["requests"] = as_int(meta.get("requests"))
            run["cpu_ns"] = cpu_of(meta)
            run["cpu_from_ticks"] = run["cpu_ns"] is not None and run["cpu_ns"] != as_int(meta.get("cpu_ns"))
            wall = as_int(meta.get("wall_ns"))
            run["seconds"] = wall / 1e9 if wall is not None else None
            runs.append(run)
    return runs


def cpu_of(meta):
    """The server's CPU time over the run in ns: the schedstat sum over its threads, unless threads ended during
    the run (their time is then missing from that sum but kept in /proc/<pid>/stat's ticks) or there is none."""
    precise, ticks = as_int(meta.get("cpu_ns")), as_int(meta.get("tick_cpu_ns"))
    tick = as_int(meta.get("clock_tick_ns")) or 10_000_000
    if meta.get("cpu_source") == "ticks" or precise is None:
        return ticks
    if ticks is not None and ticks - precise > 2 * tick:
        return ticks
    return precise


def read_text(path):
    try:
        with open(path, errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def failure_text(status, out, err):
    lines = [line.strip() for line in (err + "\n" + out).replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line and "rps=" not in line]
    reason = "timed out" if status == 124 else f"exit {status}"
    return reason + (": " + lines[-1][:200] if lines else "")


def read_csv_runs(raw):
    """Runs of the scripts that keep redis-benchmark's --csv output: requests per second only."""
    runs = []
    for path in sorted(glob.glob(os.path.join(raw, "*.csv"))):
        m = CSV_FILE.match(os.path.basename(path))
        if not m:
            continue
        with open(path, newline="") as f:
            for index, row in enumerate(csv.DictReader(f)):
                try:
                    rps = float(row.get("rps", ""))
                except ValueError:
                    continue
                runs.append({"server": m.group(1), "pipeline": int(m.group(2)), "round": int(m.group(3)),
                             "test": row.get("test"), "index": index, "ok": True, "rps": rps})
    return runs


def median_of(runs, key):
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def cpu_us_per_request(run):
    if run.get("cpu_ns") is None or not run.get("completed"):
        return None
    return run["cpu_ns"] / run["completed"] / 1000


def ratio(a, b):
    return a / b if a is not None and b else None


def table(runs):
    """One row per test and pipeline depth, tests in the order they ran."""
    first_index = {}
    for r in runs:
        first_index[r["test"]] = min(first_index.get(r["test"], r["index"]), r["index"])
    order = sorted(first_index, key=lambda t: (first_index[t], t))
    rows = []
    for pipeline in sorted({r["pipeline"] for r in runs}):
        for test in order:
            mine = [r for r in runs if r["test"] == test and r["pipeline"] == pipeline]
            if not mine:
                continue
            row = {"test": test, "pipeline": pipeline, "failures": [], "short": False, "cpu_from_ticks": 0}
            counts = []
            for server in SERVERS:
                ok = [r for r in mine if r["server"] == server and r["ok"]]
                failed = [r for r in mine if r["server"] == server and not r["ok"]]
                counts.append(len(ok))
                for r in ok:
                    r["cpu_us"] = cpu_us_per_request(r)
                row[server + "_rps"] = median_of(ok, "rps")
                row[server + "_cpu_us"] = median_of(ok, "cpu_us")
                for p in ("p50", "p99", "p999"):
                    row[f"{server}_{p}"] = median_of(ok, p)
                seconds = median_of(ok, "seconds")
                row["short"] = row["short"] or (seconds is not None and seconds < SHORT_RUN_SECONDS)
                row["cpu_from_ticks"] += sum(1 for r in ok if r.get("cpu_from_ticks"))
                if failed:
                    row["failures"].append(f"{server}: failed in {len(failed)} of {len(failed) + len(ok)} rounds "
                                           f"({failed[-1]['error']})")
            row["rounds"] = min(counts)
            asked = [r["requests"] for r in mine if r.get("requests")]
            row["requests"] = max(asked) if asked else None
            row["ratio"] = ratio(row["nioredis_rps"], row["redis_rps"])
            row["cpu_ratio"] = ratio(row["redis_cpu_us"], row["nioredis_cpu_us"])
            rows.append(row)
    return rows


def geomean(values):
    values = [v for v in values if v]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def fmt(v, digits=0):
    return "–" if v is None else f"{v:,.{digits}f}"


def latency(row, server):
    values = [row.get(f"{server}_{p}") for p in ("p50", "p99", "p999")]
    return "–" if all(v is None for v in values) else " / ".join(fmt(v, 3) for v in values)


def has(rows, key):
    return any(r.get("redis_" + key) is not None or r.get("nioredis_" + key) is not None for r in rows)


def read_baseline(path):
    """{(test, pipeline): (redis_rps, nioredis_rps)} of an earlier table's CSV."""
    baseline = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            values = []
            for key in ("redis_rps", "nioredis_rps"):
                try:
                    values.append(float(row[key]))
                except (KeyError, ValueError):
                    values.append(None)
            baseline[(row["test"], int(row["pipeline"]))] = tuple(values)
    return baseline


def write_markdown(rows, settings, baseline, baseline_name, path):
    with_cpu, with_latency = has(rows, "cpu_us"), has(rows, "p99")
    with open(path, "w") as f:
        f.write("# nioredis compared with Redis (redis-benchmark)\n\n")
        for s in settings:
            f.write(f"- {s}\n")
        f.write("\nMedians over the rounds. rps ratio = nioredis / Redis (above 1: nioredis serves more).")
        if with_cpu:
            f.write(" CPU: the server's CPU time per request in µs; CPU ratio = Redis / nioredis (above 1: "
                    "nioredis uses less).")
        if with_latency:
            f.write(" Latency: p50 / p99 / p99.9 in ms.")
        f.write(" – = missing (the test failed or was refused; see below the table).\n")
        for pipeline in sorted({r["pipeline"] for r in rows}):
            mine = [r for r in rows if r["pipeline"] == pipeline]
            head = ["test", "Redis rps", "nioredis rps", "rps ratio"]
            if with_cpu:
                head += ["Redis CPU µs/req", "nioredis CPU µs/req", "CPU ratio"]
            if with_latency:
                head += ["Redis latency", "nioredis latency"]
            f.write(f"\n## -P {pipeline}\n\n| " + " | ".join(head) + " |\n| --- |"
                    + " ---: |" * (len(head) - 1) + "\n")
            for r in mine:
                mark = " \\*" if r["short"] else ""
                cells = [r["test"] + mark, fmt(r["redis_rps"]), fmt(r["nioredis_rps"]), fmt(r["ratio"], 2)]
                if with_cpu:
                    cells += [fmt(r["redis_cpu_us"], 2), fmt(r["nioredis_cpu_us"], 2), fmt(r["cpu_ratio"], 2)]
                if with_latency:
                    cells += [latency(r, "redis"), latency(r, "nioredis")]
                f.write("| " + " | ".join(cells) + " |\n")
            rps_ratios = [r["ratio"] for r in mine if r["ratio"]]
            cells = [f"**geomean** ({len(rps_ratios)} tests)", "", "", fmt(geomean(rps_ratios), 2)]
            if with_cpu:
                cells += ["", "", fmt(geomean([r["cpu_ratio"] for r in mine]), 2)]
            if with_latency:
                cells += ["", ""]
            f.write("| " + " | ".join(cells) + " |\n")
            if with_latency:
                f.write("\n" + latency_verdict(mine) + "\n")
        notes = [f"- {r['test']}, -P {r['pipeline']}, {failure}" for r in rows for failure in r["failures"]]
        if notes:
            f.write("\nFailed runs (their rounds are left out of the medians; no successful round = –):\n\n")
            f.write("\n".join(notes) + "\n")
        if any(r["short"] for r in rows):
            f.write(f"\n\\* the median run lasted less than {SHORT_RUN_SECONDS} s: too short for steady figures; "
                    "raise -n (depth 1) or -N (deeper pipelines).\n")
        ticks = sum(r["cpu_from_ticks"] for r in rows)
        if ticks:
            f.write(f"\nIn {ticks} runs threads of the server ended during the test, so their CPU time came from "
                    "/proc/<pid>/stat's utime+stime (clock ticks) instead of the threads' schedstat.\n")
        if baseline:
            write_baseline_section(f, rows, baseline, baseline_name)


def latency_verdict(rows):
    parts = []
    for p, label in (("p99", "p99"), ("p999", "p99.9")):
        both = [r for r in rows if r[f"nioredis_{p}"] is not None and r[f"redis_{p}"] is not None]
        no_worse = [r for r in both if r[f"nioredis_{p}"] <= r[f"redis_{p}"]]
        parts.append(f"{label} no worse than Redis's in {len(no_worse)} of {len(both)} tests")
        worse = [r["test"] for r in both if r not in no_worse]
        if worse:
            parts[-1] += " (worse: " + ", ".join(worse) + ")"
    return "Latency: " + "; ".join(parts) + "."


def write_baseline_section(f, rows, baseline, baseline_name):
    f.write(f"\n## Against {baseline_name}\n\nrps of this run over the same test's rps there (below 1: slower "
            "here).\n\n| test | pipeline | nioredis | Redis |\n| --- | ---: | ---: | ---: |\n")
    by_depth = {}
    for r in rows:
        there = baseline.get((r["test"], r["pipeline"]))
        if not there:
            continue
        nio, red = ratio(r["nioredis_rps"], there[1]), ratio(r["redis_rps"], there[0])
        by_depth.setdefault(r["pipeline"], []).append((nio, red))
        f.write(f"| {r['test']} | {r['pipeline']} | {fmt(nio, 3)} | {fmt(red, 3)} |\n")
    for pipeline, pairs in sorted(by_depth.items()):
        f.write(f"| **geomean** | {pipeline} | {fmt(geomean([p[0] for p in pairs]), 3)} "
                f"| {fmt(geomean([p[1] for p in pairs]), 3)} |\n")


def plain(v, digits):
    return "" if v is None else f"{v:.{digits}f}"


def write_csv(rows, path):
    columns = ["test", "pipeline", "redis_rps", "nioredis_rps", "ratio", "rounds", "requests",
               "redis_cpu_us", "nioredis_cpu_us", "cpu_ratio"]
    columns += [f"{s}_{p}_ms" for s in SERVERS for p in ("p50", "p99", "p999")]
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for r in rows:
            w.writerow([r["test"], r["pipeline"], plain(r["redis_rps"], 2), plain(r["nioredis_rps"], 2),
                        plain(r["ratio"], 4), r["rounds"], r["requests"] or "", plain(r["redis_cpu_us"], 4),
                        plain(r["nioredis_cpu_us"], 4), plain(r["cpu_ratio"], 4)]
                       + [plain(r[f"{s}_{p}"], 3) for s in SERVERS for p in ("p50", "p99", "p999")])


def write_svg(rows, path):
    """Horizontal bars side by side: one panel per ratio (rps; CPU where measured), one group per test with a
    bar per pipeline depth, and a dashed line at 1 in each."""
    tests = []
    for r in rows:
        if r["test"] not in tests:
            tests.append(r["test"])
    pipelines = sorted({r["pipeline"] for r in rows})
    panels = [("ratio", "requests per second, nioredis / Redis")]
    if any(r["cpu_ratio"] for r in rows):
        panels.append(("cpu_ratio", "CPU time per request, Redis / nioredis"))
    colors = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759"]
    label_w, panel_w, bar_h, gap = 270, 420, 12, 10
    group_h = bar_h * len(pipelines) + gap
    y0 = 70
    bottom = y0 + group_h * len(tests)
    width = label_w + len(panels) * (panel_w + 60) + 20
    height = bottom + 40
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14">'
           'nioredis compared with Redis (medians; above 1.0: nioredis does better)</text>']
    for i, p in enumerate(pipelines):
        out.append(f'<rect x="{label_w + i * 90}" y="32" width="10" height="10" fill="{colors[i % len(colors)]}"/>'
                   f'<text x="{label_w + i * 90 + 14}" y="41">-P {p}</text>')
    for t_index, test in enumerate(tests):
        gy = y0 + t_index * group_h
        out.append(f'<text x="{label_w - 6}" y="{gy + group_h / 2}" text-anchor="end">{escape(test)}</text>')
    for p_index, (key, title) in enumerate(panels):
        left = label_w + p_index * (panel_w + 60)
        values = {(r["test"], r["pipeline"]): r[key] for r in rows}
        top = max([v for v in values.values() if v is not None] + [1.0])
        scale_max = max(1.25, top * 1.1)
        x = lambda v, left=left, scale_max=scale_max: left + panel_w * v / scale_max
        out.append(f'<text x="{left + panel_w / 2}" y="{y0 - 8}" text-anchor="middle" font-size="12">'
                   f'{escape(title)}</text>')
        for t_index, test in enumerate(tests):
            gy = y0 + t_index * group_h
            for i, p in enumerate(pipelines):
                v = values.get((test, p))
                y = gy + i * bar_h
                if v is None:
                    out.append(f'<text x="{left + 4}" y="{y + bar_h - 3}" fill="#999">missing</text>')
                    continue
                out.append(f'<rect x="{left}" y="{y}" width="{x(v) - left:.1f}" height="{bar_h - 2}" '
                           f'fill="{colors[i % len(colors)]}"/>'
                           f'<text x="{x(v) + 4:.1f}" y="{y + bar_h - 3}">{v:.2f}</text>')
        out.append(f'<line x1="{x(1):.1f}" y1="{y0 - 4}" x2="{x(1):.1f}" y2="{bottom}" stroke="#333" '
                   'stroke-dasharray="4 3"/>')
        out.append(f'<text x="{x(1):.1f}" y="{bottom + 14}" text-anchor="middle">1.0 = as Redis</text>')
    out.append("</svg>\n")
    with open(path, "w") as f:
        f.write("\n".join(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", required=True, help="directory of the runs")
    parser.add_argument("--out", required=True, help="directory to write <name>.{md,csv,svg}")
    parser.add_argument("--name", default="comparison", help="output file name without extension")
    parser.add_argument("--setting", action="append", default=[], help="a line describing the run")
    parser.add_argument("--baseline", help="the CSV of another table (e.g. the same run without maxmemory) to "
                                           "compare this run's rps with")
    args = parser.parse_args()
    rows = table(read_run_dirs(args.raw) + read_csv_runs(args.raw))
    if not rows:
        raise SystemExit("no redis-benchmark results found in " + args.raw)
    baseline = read_baseline(args.baseline) if args.baseline else None
    os.makedirs(args.out, exist_ok=True)
    target = os.path.join(args.out, args.name)
    write_markdown(rows, args.setting, baseline, os.path.basename(args.baseline or ""), target + ".md")
    write_csv(rows, target + ".csv")
    write_svg(rows, target + ".svg")
    with open(target + ".md") as f:
        print(f.read())


if __name__ == "__main__":
    main()
