"""Extraction speed over the 400 gazette texts, beside the floor: reading the same text and
running one regex (the number pattern) over it, in the same process.

    python bench/extract.py [--jsonl ../shared/corpus/congbao_400.jsonl] [--repeat 3]

Prints documents/s and MB/s for both, and their ratio. Speed is measured here, never
asserted by a timed test.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
import tracemalloc
from pathlib import Path

from legaldocs import patterns
from legaldocs.extract import extract_text

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "congbao_400.jsonl"


def _timed(func, texts, repeat):
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            func(text)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def floor(text: str) -> int:
    """A bare pass: NFC-normalize is done by the reader; here one regex over the text."""
    return sum(1 for _ in patterns.NUMBER.finditer(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jsonl", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.jsonl.exists():
        raise SystemExit(f"{args.jsonl} is absent: the gazette texts live in ../shared/corpus")
    texts = [json.loads(line)["text"] for line in args.jsonl.open(encoding="utf-8") if line.strip()]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    base = _timed(floor, texts, args.repeat)
    full = _timed(extract_text, texts, args.repeat)
    tracemalloc.start()
    for text in texts:
        extract_text(text)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"corpus: {len(texts)} documents, {megabytes:.1f} MB")
    print(f"floor (one regex pass): {len(texts) / base:8.1f} docs/s {megabytes / base:8.2f} MB/s")
    print(f"extract_text          : {len(texts) / full:8.1f} docs/s {megabytes / full:8.2f} MB/s")
    print(f"extraction / floor    : {full / base:8.1f}x the time; peak traced memory {peak:.1f} MB")


if __name__ == "__main__":
    main()
