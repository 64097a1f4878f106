"""Facts no ingested text states, recorded by a person (``legaldocs record``): stored in
``corpus/facts/`` like everything else, with who recorded them, when and why."""
from __future__ import annotations

import getpass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Optional

from .errors import LegaldocsError
from .home import Home, dump_json, write_atomic
from .numbers import parse_number
from .registry import Registry, slug

# The kinds a fact may state, as the relation its source has to the target.
FACT_KINDS = ("repeals", "replaces", "amends", "suspends", "corrects", "implements", "based_on",
              "repealed", "repeal_proposed")


def record_fact(home: Home, kind: str, target: str, *, source: Optional[str] = None,
                on: Optional[date] = None, part: Optional[str] = None, why: str,
                who: Optional[str] = None) -> Path:
    """Store "``source`` ``kind`` ``target`` on ``on``" (e.g. 11/2020/QĐ-TTg repeals
    58/2012/QĐ-TTg on 2020-07-01); the target must be in the registry."""
    if kind not in FACT_KINDS:
        raise LegaldocsError(f"unknown fact kind {kind!r}; one of {', '.join(FACT_KINDS)}")
    if not why.strip():
        raise LegaldocsError("say why (--why): a fact without a reason cannot be checked later")
    registry = Registry.load(home)
    record = registry.get_one(target)
    source_key = parse_number(source).key if source else None
    now = datetime.now(timezone.utc)
    data = {"kind": kind, "target": record.number, "target_issuer": record.issuer, "source": source_key,
            "date": on.isoformat() if on else None, "part": part, "why": why.strip(),
            "who": who or getpass.getuser(), "recorded": now.isoformat(timespec="seconds")}
    name = f"{now:%Y%m%dT%H%M%S}-{slug(kind)}-{slug(record.number or record.id)}.json"
    home.ensure()
    with home.writer():
        path = home.facts_dir / name
        write_atomic(path, dump_json(data))
        _bump_generation(home)
    return path


def _bump_generation(home: Home) -> None:
    """Facts change statuses: mark the index stale."""
    import json

    try:
        manifest = json.loads(home.manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {"generation": 0, "sources": {}}
    manifest["generation"] = manifest.get("generation", 0) + 1
    write_atomic(home.manifest_path, dump_json(manifest))
