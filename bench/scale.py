"""How ingest, index, search and review grow with the registry (issue 6).

    python bench/scale.py [--n 1000 --n 10000] [--workdir DIR] [--no-gazette] [--speedup-n 1000]
                          [--results FILE [--append]]

For each N: N generated texts (``bench/synth.py`` documents rendered in the layout of
``tests/factories.py``: varied numbers, issuers, provinces, dates, titles, căn cứ,
amending, replacing and repealing articles, guidance, repeal proposals) plus the 400 real
gazette texts of ``../shared/corpus/congbao_400.jsonl`` (skipped with a message if absent)
are ingested with ``legaldocs.ingest.ingest`` (both cores), then the index is rebuilt
(``browse.rebuild_index``), a few queries are searched (``browse.search_documents``) and
the review runs. Each N runs in its own subprocess: peak memory is its ru_maxrss (and that
of the extraction workers). The parallel speed-up is the same ingest with workers=1 and
workers=2, in the same run. Speed is measured here, never asserted by a timed test.

``--results FILE`` also writes the measurements as JSON, rewritten after each N (a long run
that is interrupted keeps the N already measured)::

    {"format": "legaldocs-bench-scale/1",
     "runs": [{"machine": {...}, "started": ..., "argv": [...], "gazette": true,
               "rows": [{"n": 1000, "files": 1400, "mb": ..., "ingest_s": ..., "docs_per_s": ...,
                         "index_s": ..., "index_mb": ..., "search_p50_ms": ..., "search_p95_ms": ...,
                         "records": ..., "load_s": ..., "review_s": ..., "maxrss_mb": ...,
                         "workers_maxrss_mb": ..., ...}, ...],
               "speedup": {"speedup_n": ..., "workers1_s": ..., "workers2_s": ..., "speedup": ...}}]}

one row per N, every column of the printed table and a few more. With ``--append`` the run is
added to the runs already in FILE (e.g. N=100,000 run on its own after 1,000 and 10,000);
without it FILE is replaced. ``bench/plot_scale.py`` reads one or several such files.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import world  # noqa: E402

GAZETTE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "congbao_400.jsonl"
HEADINGS = {"Luật": "LUẬT", "Nghị định": "NGHỊ ĐỊNH", "Quyết định": "QUYẾT ĐỊNH", "Thông tư": "THÔNG TƯ",
            "Nghị quyết": "NGHỊ QUYẾT", "Kế hoạch": "KẾ HOẠCH", "Công văn": ""}
QUERIES = ["hộ chiếu ngoại giao", "thi dua khen thuong", "\"cơ chế một cửa\"", "15/2013/QĐ-UBND",
           "an toan thuc pham", "bồi thường hỗ trợ tái định cư"]


def words(d: date) -> str:
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def _ref(t) -> str:
    return f"{t.type} số {t.number} {words(t.date)} của {t.issuer}"


def header(d) -> tuple[str, str]:
    if d.province:
        kind, name = d.province
        organ = {"UBND": "ỦY BAN NHÂN DÂN", "HĐND": "HỘI ĐỒNG NHÂN DÂN", "Sở": "SỞ TƯ PHÁP"}[d.issuer.split()[0]]
        return f"{organ}\n{kind.upper()} {name.upper()}", name
    return d.issuer.upper(), "Hà Nội"


def render(d, docs) -> str:
    """One document's text, in the layout of Decree 30/2020 (as tests/factories.py)."""
    head, place = header(d)
    lines = [head, "-------", f"Số: {d.number}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", "---------------", f"{place}, {words(d.date)}", ""]
    if d.type == "Công văn":
        target = docs[d.repeal_proposed] if d.repeal_proposed is not None else None
        lines += [f"V/v {d.title.lower()}", "", f"Kính gửi: Ủy ban nhân dân {d.province[0]} {d.province[1]}", ""]
        lines += [f"Qua rà soát, {_ref(docs[t])} không còn phù hợp." for t in d.cites[:4]]
        if target:
            lines.append(f"Do đó, Sở Tư pháp đề nghị Ủy ban nhân dân tỉnh xem xét bãi bỏ toàn bộ {_ref(target)}.")
        lines += ["", "GIÁM ĐỐC", "", d.signer, "", "Nơi nhận:", "- Như trên;", "- Lưu: VT."]
        return "\n".join(lines) + "\n"
    lines += [HEADINGS[d.type], d.title, ""]
    if d.type == "Kế hoạch" and d.implements is not None:
        lines += [f"Thực hiện {_ref(docs[d.implements])}, Ủy ban nhân dân ban hành Kế hoạch như sau:", ""]
    lines += [f"Căn cứ {_ref(docs[t])};" for t in d.based_on]
    lines += ["", f"{HEADINGS[d.type]}:" if d.type != "Kế hoạch" else "I. MỤC ĐÍCH, YÊU CẦU", ""]
    art = 1
    for t in d.amends:
        lines.append(f"Điều {art}. Sửa đổi, bổ sung một số điều của {_ref(docs[t])} như sau:")
        lines.append("1. Sửa đổi, bổ sung khoản 2 Điều 3 như sau: \"2. Thời hạn giải quyết là 05 ngày làm việc.\"")
        art += 1
    if not d.amends:
        lines.append(f"Điều {art}. Ban hành kèm theo {d.type} này Quy định {d.title[:1].lower() + d.title[1:]}.")
        art += 1
    cited = [docs[t] for t in d.cites] + list(d.external)
    for c in cited:
        if isinstance(c, tuple):
            number, typ, issuer, when, _title = c
            lines.append(f"Việc thực hiện theo {typ} số {number} {words(when)} của {issuer}.")
        else:
            lines.append(f"Các nội dung khác thực hiện theo {_ref(c)}.")
    effect = f"kể từ {words(d.effective)}" if d.effective and d.effective != d.date else "kể từ ngày ký"
    ending = f"Điều {art}. {d.type} này có hiệu lực thi hành {effect}"
    if d.replaces is not None:
        ending += f" và thay thế {_ref(docs[d.replaces])}"
    lines.append(ending + ".")
    art += 1
    if d.repeals is not None:
        lines.append(f"Điều {art}. Bãi bỏ {_ref(docs[d.repeals])}.")
    lines += ["", "TM. " + d.issuer.split(" tỉnh")[0].split(" thành phố")[0], "", d.signer, "",
              "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."]
    return "\n".join(lines) + "\n"


def write_texts(folder: Path, n: int, gazette: bool) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    docs = world(n)
    for d in docs:
        (folder / f"g{d.i:06d}.txt").write_text(render(d, docs), encoding="utf-8")
    extra = 0
    if gazette:
        with GAZETTE.open(encoding="utf-8") as handle:
            for i, line in enumerate(handle):
                if line.strip():
                    (folder / f"congbao-{i:03d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
                    extra += 1
    return n + extra


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


CHILD = r"""
import json, resource, statistics, sys, time
from datetime import date
from pathlib import Path
from legaldocs.home import Home
from legaldocs.ingest import ingest
from legaldocs.review import review_home, review_registry
from legaldocs.snapshot import load_for_review
from legaldocs import browse
src, root, workers, steps, queries = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4].split(","), json.loads(sys.argv[5])
home = Home.resolve(root)
out = {}
t = time.perf_counter(); s = ingest(home, [src], workers=workers); out["ingest_s"] = time.perf_counter() - t
out["ingested"] = len(s.added); out["failed"] = len(s.failed); out["cited"] = s.cited
if "index" in steps:
    t = time.perf_counter(); out["indexed"] = browse.rebuild_index(home); out["index_s"] = time.perf_counter() - t
    out["index_mb"] = sum(p.stat().st_size for p in home.index_dir.rglob("*") if p.is_file()) / 1e6
if "search" in steps:
    try:
        times = []
        for _ in range(5):
            for q in queries:
                t = time.perf_counter(); browse.search_documents(home, q, limit=10); times.append(time.perf_counter() - t)
        times.sort()
        out["search_p50_ms"] = 1000 * statistics.median(times)
        out["search_p95_ms"] = 1000 * times[int(0.95 * (len(times) - 1))]
    except Exception as exc:
        out["search_error"] = f"{type(exc).__name__}: {exc}"
if "review" in steps:
    # the first review reads corpus/ and writes the snapshot; later ones read the snapshot
    t = time.perf_counter(); review_home(home, date(2026, 12, 31)); out["review_first_s"] = time.perf_counter() - t
    t = time.perf_counter(); reg = load_for_review(home); out["load_s"] = time.perf_counter() - t
    t = time.perf_counter(); r = review_registry(reg, date(2026, 12, 31)); out["review_s"] = time.perf_counter() - t
    out["findings"] = len(r.findings); out["records"] = len(reg.records)
out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out["workers_maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(out))
"""


RESULTS_FORMAT = "legaldocs-bench-scale/1"


def machine_info() -> dict:
    """Where the numbers come from: enough to tell runs apart when files are merged."""
    info = {"cores": os.cpu_count(), "processor": platform.processor() or platform.machine(),
            "platform": platform.platform(), "python": platform.python_version()}
    try:
        info["loadavg_start"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        pass
    try:  # read-only; no optional locks, so a concurrent git in the same tree is not disturbed
        head = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10,
                              cwd=Path(__file__).resolve().parent, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"})
        if head.returncode == 0:
            info["commit"] = head.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return info


def load_results(path: Path) -> list[dict]:
    """The runs of a results file (for --append)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != RESULTS_FORMAT:
        raise SystemExit(f"{path}: not a {RESULTS_FORMAT} results file; not appending to it")
    return list(data["runs"])


def save_results(path: Path, runs: list[dict]) -> None:
    """Write atomically: a crash while writing leaves the previous file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"format": RESULTS_FORMAT, "runs": runs}, ensure_ascii=False, indent=1) + "\n",
                   encoding="utf-8")
    os.replace(tmp, path)


def run(src: Path, root: Path, workers: int, steps: str) -> dict:
    if root.exists():
        shutil.rmtree(root)
    proc = subprocess.run([sys.executable, "-c", CHILD, str(src), str(root), str(workers), steps, json.dumps(QUERIES)],
                          capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="generated documents (repeatable); default 1000, 10000")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--no-gazette", action="store_true")
    parser.add_argument("--speedup-n", type=int, default=1000, help="N for the workers=1 vs 2 ingest; 0 to skip")
    parser.add_argument("--results", type=Path, metavar="FILE",
                        help="also write the measurements as JSON (rewritten after each N)")
    parser.add_argument("--append", action="store_true",
                        help="with --results: add this run to the runs already in FILE instead of replacing it")
    args = parser.parse_args()
    if args.append and not args.results:
        parser.error("--append needs --results FILE")
    previous = load_results(args.results) if args.append and args.results and args.results.exists() else []
    base = args.workdir or Path(tempfile.mkdtemp(prefix="legaldocs-bench-scale-"))
    gazette = not args.no_gazette and GAZETTE.exists()
    if not args.no_gazette and not gazette:
        print(f"{GAZETTE} is absent: generated texts only")
    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}; work in {base}")
    rows = []
    this = {"machine": machine_info(), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "argv": sys.argv[1:],
            "workdir": str(base), "gazette": gazette, "rows": rows, "speedup": None}

    def save() -> None:
        if args.results:
            try:
                this["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
            except OSError:
                pass
            save_results(args.results, previous + [this])

    save()
    for n in args.n or [1000, 10000]:
        src = base / f"in-{n}"
        t = time.perf_counter()
        files = write_texts(src, n, gazette) if not src.is_dir() else len(list(src.iterdir()))
        mb = _du(src) / 1e6
        gen = time.perf_counter() - t
        r = run(src, base / f"home-{n}", 2, "index,search,review")
        r.update(n=n, files=files, mb=mb, gen_s=gen, docs_per_s=files / r["ingest_s"] if r["ingest_s"] else None)
        rows.append(r)
        save()
        print(json.dumps(r), flush=True)
    if args.speedup_n:
        n = args.speedup_n
        src = base / f"in-{n}"
        if not src.is_dir():
            write_texts(src, n, gazette)
        one = run(src, base / "home-w1", 1, "")
        two = run(src, base / "home-w2", 2, "")
        this["speedup"] = {"speedup_n": n, "workers1_s": one["ingest_s"], "workers2_s": two["ingest_s"],
                           "speedup": one["ingest_s"] / two["ingest_s"]}
        save()
        print(json.dumps(this["speedup"]), flush=True)
    print()
    print("| N generated | files | MB | ingest s | docs/s | index s | index MB | search p50 ms | p95 ms "
          "| records | first review s | load s | review s | peak MB (main / workers) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        search = (f"{r['search_p50_ms']:.0f} | {r['search_p95_ms']:.0f}" if "search_p50_ms" in r
                  else f"failed: {r.get('search_error', '?')} | -")
        print(f"| {r['n']} | {r['files']} | {r['mb']:.0f} | {r['ingest_s']:.1f} | {r['files'] / r['ingest_s']:.0f} "
              f"| {r['index_s']:.1f} | {r['index_mb']:.0f} | {search} | {r['records']} "
              f"| {r.get('review_first_s', float('nan')):.2f} | {r['load_s']:.2f} "
              f"| {r['review_s']:.2f} | {r['maxrss_mb']:.0f} / {r['workers_maxrss_mb']:.0f} |")
    if args.results:
        print(f"\nresults: {args.results} ({len(previous) + 1} run(s)); plot: python bench/plot_scale.py "
              f"{args.results} --output bench/scale.svg")


if __name__ == "__main__":
    main()
