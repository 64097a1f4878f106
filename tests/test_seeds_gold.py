"""Extraction against the hand-checked gold lists of the two seed reports.

Precision and recall of citation numbers (matched by seed, line and canonical number),
accuracy of date, type and resolved issuer on matched citations, and precision and recall
of relations (source, kind, target). Run ``python tests/test_seeds_gold.py`` for a diff.
"""
from __future__ import annotations

import collections
import csv
import sys
from pathlib import Path

import pytest

from legaldocs.extract import extract_file
from legaldocs.numbers import parse_number

THRESHOLDS = {"numbers": 0.97, "dates": 0.95, "types": 0.95, "issuers": 0.95, "relations": 0.90}


def _key(number: str) -> str:
    return parse_number(number).key if number else ""


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def score(seeds_dir: Path) -> dict:
    gold_cits = _rows(seeds_dir / "citations.gold.tsv")
    gold_rels = _rows(seeds_dir / "relations.gold.tsv")
    result = {"cit_tp": 0, "cit_pred": 0, "cit_gold": len(gold_cits), "fields": collections.Counter(),
              "rel_tp": 0, "rel_pred": 0, "rel_gold": len(gold_rels), "misses": [], "extras": [],
              "field_errors": [], "rel_misses": [], "rel_extras": []}
    for seed in sorted({row["seed"] for row in gold_cits}):
        extraction = extract_file(seeds_dir / seed)
        predicted = collections.defaultdict(list)
        for cit in extraction.citations:
            predicted[(cit.line, cit.number)].append(cit)
        result["cit_pred"] += len(extraction.citations)
        for row in (r for r in gold_cits if r["seed"] == seed):
            slot = predicted.get((int(row["line"]), _key(row["number"])))
            if not slot:
                result["misses"].append((seed[:3], row["line"], row["number"]))
                continue
            cit = slot.pop(0)
            result["cit_tp"] += 1
            for field, got in (("date", cit.date.isoformat() if cit.date else ""),
                               ("type", cit.type or ""), ("issuer", cit.issuer or "")):
                ok = got == row[field]
                result["fields"][field] += ok
                if not ok:
                    result["field_errors"].append((seed[:3], row["line"], row["number"], field, row[field], got))
        result["extras"] += [(seed[:3], c.line, c.number) for slot in predicted.values() for c in slot]
        gold = collections.Counter(
            (_key(r["source_number"]), r["relation"], _key(r["target_number"]))
            for r in gold_rels if r["seed"] == seed)
        got = collections.Counter((r.source and _key(r.source) or "", r.kind, r.target)
                                  for r in extraction.relations)
        result["rel_tp"] += sum((gold & got).values())
        result["rel_pred"] += sum(got.values())
        result["rel_misses"] += [(seed[:3],) + k for k in (gold - got).elements()]
        result["rel_extras"] += [(seed[:3],) + k for k in (got - gold).elements()]
    tp = result["cit_tp"]
    result["figures"] = {
        "numbers_precision": tp / result["cit_pred"],
        "numbers_recall": tp / result["cit_gold"],
        "dates": result["fields"]["date"] / tp,
        "types": result["fields"]["type"] / tp,
        "issuers": result["fields"]["issuer"] / tp,
        "relations_precision": result["rel_tp"] / max(1, result["rel_pred"]),
        "relations_recall": result["rel_tp"] / result["rel_gold"],
    }
    return result


@pytest.fixture(scope="module")
def figures(seeds_dir):
    from conftest import FIGURES

    result = score(seeds_dir)
    FIGURES["extraction vs seed gold"] = result["figures"]
    return result["figures"]


@pytest.mark.parametrize("name, threshold", [
    ("numbers_precision", THRESHOLDS["numbers"]),
    ("numbers_recall", THRESHOLDS["numbers"]),
    ("dates", THRESHOLDS["dates"]),
    ("types", THRESHOLDS["types"]),
    ("issuers", THRESHOLDS["issuers"]),
    ("relations_precision", THRESHOLDS["relations"]),
    ("relations_recall", THRESHOLDS["relations"]),
])
def test_seed_gold(figures, name, threshold):
    assert figures[name] >= threshold, f"{name} = {figures[name]:.3f} < {threshold}"


if __name__ == "__main__":
    out = score(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[2] / "shared" / "seeds"))
    for name in ("misses", "extras", "field_errors", "rel_misses", "rel_extras"):
        print(f"--- {name}")
        for item in out[name]:
            print("   ", item)
    print(out["figures"])
