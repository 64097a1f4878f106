"""Annual review speed on a generated registry of N documents, written straight as records.

    python bench/review.py --n 10000 [--n 100000] [--home DIR] [--as-of 2026-12-31] [--profile] [--by-rule]

Records come from ``bench/synth.py`` (laws, decrees, circulars, provincial decisions and
resolutions, plans, letters; căn cứ, guidance chains, amendments of amendments,
replacements, repeals, repeal proposals, 5-15 citations each) and are written through
``registry.record_to_json``, with the "cited" records of documents outside the registry.
Then, each in a fresh subprocess so peak memory (ru_maxrss) is its own, with the load and
the rules timed apart: ``review_registry(Registry.load(home), as_of)`` (every record file
read); the first ``review_home`` (corpus/ read, the snapshot written to index/); and
``review_home`` twice more, reading the snapshot (what every later review does). Speed is
measured here, never asserted by a timed test.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import world  # noqa: E402

from legaldocs.home import Home, dump_json  # noqa: E402
from legaldocs.models import Cite, CitedAt, Link, Record, SourceRef  # noqa: E402
from legaldocs.registry import record_id, record_to_json  # noqa: E402


def _words(d: date) -> str:
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def build_records(n: int, seed: int = 7) -> list[Record]:
    docs = world(n, seed)
    ids = [record_id(d.number, d.issuer, d.date) for d in docs]
    records, cited_in, external = [], defaultdict(list), {}
    for d, rid in zip(docs, ids):
        links, cites, line = [], [], 12

        def add(kind, t, scope="self", in_basis=False, evidence=None, part=None):
            nonlocal line
            line += 1
            target = docs[t]
            ev = evidence or f"{target.type} số {target.number} {_words(target.date)} của {target.issuer}"
            if kind:
                links.append(Link(kind=kind, source_id=None, source_number=d.number, target_id="",
                                  target_number=target.number, stated_in=rid, scope=scope, line=line,
                                  evidence=ev, part=part, date=d.effective or d.date,
                                  target_issuer=target.issuer, target_date=target.date,
                                  source_issuer=d.issuer, source_date=d.date))
            cites.append(Cite(target.number, line, target.type, target.issuer, target.date, target.title, (),
                              in_basis))
            cited_in[ids[t]].append(CitedAt(rid, line, target.date, target.issuer, target.title))

        for t in d.based_on:
            add("based_on", t, in_basis=True, evidence=f"Căn cứ {docs[t].type} số {docs[t].number};")
        if d.implements is not None:
            add("implements", d.implements)
        for t in d.amends:
            add("amends", t, part=None)
        if d.replaces is not None:
            add("replaces", d.replaces)
        if d.repeals is not None:
            add("repeals", d.repeals)
        if d.repeal_proposed is not None:
            add("repeal_proposed", d.repeal_proposed, scope="self")
        for t in d.cites:
            add(None, t)
        for number, typ, issuer, when, title in d.external:
            line += 1
            cites.append(Cite(number, line, typ, issuer, when, title))
            key = record_id(number, issuer, when)
            external.setdefault(key, (number, typ, issuer, when, title))
            cited_in[key].append(CitedAt(rid, line, when, issuer, title))
        records.append(Record(
            id=rid, kind="full", number=d.number, type=d.type, issuer=d.issuer, date=d.date, title=d.title,
            signer=d.signer, effective=d.effective, term=d.term,
            place=d.province[1] if d.province else "Hà Nội",
            sources=(SourceRef(f"sources/gen/{rid}.txt", f"{d.i:064x}"),),
            links=tuple(links), cites=tuple(cites)))
    order = lambda at: (at.source_id, at.line)  # noqa: E731
    records = [Record(**{**r.__dict__, "cited_in": tuple(sorted(set(cited_in.get(r.id, ())), key=order))})
               for r in records]
    for key, (number, typ, issuer, when, title) in external.items():
        records.append(Record(id=key, kind="cited", number=number, type=typ, issuer=issuer, date=when, title=title,
                              cited_in=tuple(sorted(set(cited_in[key]), key=order))))
    return records


def write_home(root: Path, n: int, seed: int = 7) -> Home:
    home = Home.resolve(str(root))
    home.ensure()
    for record in build_records(n, seed):
        (home.records_dir / f"{record.id}.json").write_text(dump_json(record_to_json(record)), encoding="utf-8")
    home.manifest_path.write_text(json.dumps({"generation": 1, "sources": {}}), encoding="utf-8")
    return home


CHILD = r"""
import json, resource, sys, time
from datetime import date
from legaldocs.home import Home
from legaldocs.registry import Registry
from legaldocs import review as rv, snapshot
from legaldocs.review import review_registry
spent = {}
def timed(no, func):
    def wrapper(ctx, record):
        t = time.perf_counter()
        try:
            return func(ctx, record)
        finally:
            spent[no] = spent.get(no, 0.0) + time.perf_counter() - t
    return wrapper
home, as_of, what, profile = Home.resolve(sys.argv[1]), date.fromisoformat(sys.argv[2]), sys.argv[3], sys.argv[4]
rules = [r for r in sys.argv[5].split(",") if r]
if sys.argv[6] == "by-rule":  # two clock reads per rule call: not in the headline timings
    rv.RULES = {name: (no, timed(no, func)) for name, (no, func) in rv.RULES.items()}
if what == "cold":  # the first review after a change: corpus/ read, snapshot written
    snapshot.remove_snapshot(home)
t0 = time.perf_counter()
registry = Registry.load(home) if what in ("load", "corpus") else snapshot.load_for_review(home)
t1 = time.perf_counter()
out = {"records": len(registry.records), "load_s": t1 - t0,
       "snapshot": type(registry).__name__ == "RegistryView"}
if what != "load":
    if profile != "-":
        import cProfile, pstats
        prof = cProfile.Profile(); prof.enable()
    review = review_registry(registry, as_of, rules=rules)
    out["rules_s"] = time.perf_counter() - t1
    if profile != "-":
        prof.disable(); prof.dump_stats(profile)
    out["findings"] = len(review.findings)
    by = {}
    for f in review.findings:
        by[f.rule_no] = by.get(f.rule_no, 0) + 1
    out["by_rule"] = dict(sorted(by.items()))
    out["rule_s"] = {k: round(v, 2) for k, v in sorted(spent.items())}
out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def run_child(home: Home, as_of: date, what: str, profile: str = "-", rules=(), by_rule: bool = False) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, str(home.root), as_of.isoformat(), what, profile,
                           ",".join(rules), "by-rule" if by_rule else "-"],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="documents (repeatable); default 10000 and 100000")
    parser.add_argument("--home", type=Path, help="keep the generated homes under this folder")
    parser.add_argument("--as-of", default="2026-12-31")
    parser.add_argument("--rule", action="append", default=[], help="only these rules (number or name)")
    parser.add_argument("--profile", action="store_true", help="cProfile the rules; top 25 by cumulative time")
    parser.add_argument("--by-rule", action="store_true",
                        help="also time each rule (an extra run: the clock reads slow the rules down)")
    args = parser.parse_args()
    as_of = date.fromisoformat(args.as_of)
    base = args.home or Path(tempfile.mkdtemp(prefix="legaldocs-bench-review-"))
    print(f"machine: {os.cpu_count()} cores; as of {as_of}; rules {','.join(args.rule) or 'all'}; homes under {base}")
    print(f"{'N':>8} {'records':>8} {'generate s':>10}  {'how':<36} {'load s':>7} {'rules s':>8} "
          f"{'total s':>8} {'peak MB':>8} {'findings':>8}")
    for n in args.n or [10000, 100000]:
        root = base / f"n{n}"
        t0 = time.perf_counter()
        if not (root / "corpus" / "records").is_dir():
            write_home(root, n)
        gen = time.perf_counter() - t0
        home = Home.resolve(str(root))
        prof = str(base / f"review-{n}.prof") if args.profile else "-"
        runs = [("corpus", "from corpus/ (Registry.load)", "-"),
                ("cold", "first review: corpus/, writes snapshot", "-"),
                ("warm", "snapshot in index/ (load_for_review)", prof),
                ("warm", "snapshot again", "-")]
        for i, (what, label, profile) in enumerate(runs):
            rev = run_child(home, as_of, what, profile, args.rule)
            print(f"{n if i == 0 else '':>8} {rev['records'] if i == 0 else '':>8} "
                  f"{f'{gen:.1f}' if i == 0 else '':>10}  {label:<36} {rev['load_s']:>7.2f} {rev['rules_s']:>8.2f} "
                  f"{rev['load_s'] + rev['rules_s']:>8.2f} {rev['maxrss_mb']:>8.0f} {rev['findings']:>8}", flush=True)
        print(f"{'':>8} findings by rule: {rev['by_rule']}")
        if args.by_rule:
            timed = run_child(home, as_of, "warm", "-", args.rule, by_rule=True)
            print(f"{'':>8} seconds in each rule (after the shared candidate pass): {timed['rule_s']}")
        if args.profile:
            import pstats

            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
