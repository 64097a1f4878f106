"""How ingest, index, search and review grow with the registry (issue 6).

    python bench/scale.py [--n 1000 --n 10000] [--workdir DIR] [--no-gazette] [--speedup-n 1000]

For each N: N generated texts (``bench/synth.py`` documents rendered in the layout of
``tests/factories.py``: varied numbers, issuers, provinces, dates, titles, căn cứ,
amending, replacing and repealing articles, guidance, repeal proposals) plus the 400 real
gazette texts of ``../shared/corpus/congbao_400.jsonl`` (skipped with a message if absent)
are ingested with ``legaldocs.ingest.ingest`` (both cores), then the index is rebuilt
(``browse.rebuild_index``), a few queries are searched (``browse.search_documents``) and
the review runs. Each N runs in its own subprocess: peak memory is its ru_maxrss (and that
of the extraction workers). The parallel speed-up is the same ingest with workers=1 and
workers=2, in the same run. Speed is measured here, never asserted by a timed test.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
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
from legaldocs.registry import Registry
from legaldocs.review import review_registry
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
    t = time.perf_counter(); reg = Registry.load(home); out["load_s"] = time.perf_counter() - t
    t = time.perf_counter(); r = review_registry(reg, date(2026, 12, 31)); out["review_s"] = time.perf_counter() - t
    out["findings"] = len(r.findings); out["records"] = len(reg.records)
out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out["workers_maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(out))
"""


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
    args = parser.parse_args()
    base = args.workdir or Path(tempfile.mkdtemp(prefix="legaldocs-bench-scale-"))
    gazette = not args.no_gazette and GAZETTE.exists()
    if not args.no_gazette and not gazette:
        print(f"{GAZETTE} is absent: generated texts only")
    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}; work in {base}")
    rows = []
    for n in args.n or [1000, 10000]:
        src = base / f"in-{n}"
        t = time.perf_counter()
        files = write_texts(src, n, gazette) if not src.is_dir() else len(list(src.iterdir()))
        mb = _du(src) / 1e6
        gen = time.perf_counter() - t
        r = run(src, base / f"home-{n}", 2, "index,search,review")
        r.update(n=n, files=files, mb=mb, gen_s=gen)
        rows.append(r)
        print(json.dumps(r), flush=True)
    if args.speedup_n:
        n = args.speedup_n
        src = base / f"in-{n}"
        if not src.is_dir():
            write_texts(src, n, gazette)
        one = run(src, base / "home-w1", 1, "")
        two = run(src, base / "home-w2", 2, "")
        print(json.dumps({"speedup_n": n, "workers1_s": one["ingest_s"], "workers2_s": two["ingest_s"],
                          "speedup": one["ingest_s"] / two["ingest_s"]}), flush=True)
    print()
    print("| N generated | files | MB | ingest s | docs/s | index s | index MB | search p50 ms | p95 ms "
          "| records | load s | review s | peak MB (main / workers) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        search = (f"{r['search_p50_ms']:.0f} | {r['search_p95_ms']:.0f}" if "search_p50_ms" in r
                  else f"failed: {r.get('search_error', '?')} | -")
        print(f"| {r['n']} | {r['files']} | {r['mb']:.0f} | {r['ingest_s']:.1f} | {r['files'] / r['ingest_s']:.0f} "
              f"| {r['index_s']:.1f} | {r['index_mb']:.0f} | {search} | {r['records']} | {r['load_s']:.2f} "
              f"| {r['review_s']:.2f} | {r['maxrss_mb']:.0f} / {r['workers_maxrss_mb']:.0f} |")


if __name__ == "__main__":
    main()
