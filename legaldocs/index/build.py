"""Building the index: a full build from scratch, or an update of the live index.

A build is written beside the live index by two processes and published by atomically
replacing the ``CURRENT`` pointer file: a crash leaves the old index answering.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Iterable

from whoosh import index as whoosh_index

from ..errors import LegaldocsError
from .reading import POINTER, _live_dir, _open
from .schema import _schema
from .writer import _Writer

PROCS = 2  # worker processes for a full build
PARALLEL_MIN = 300  # fewer records than this are indexed in-process (forking costs more)
SEGMENT_DOCS = 20_000  # a build worker starts a new segment after this many documents


def _worker(ix_path: str, jobs, results) -> None:
    """A build process: records from ``jobs`` into segments of its own, listed on ``results``.
    After an error it keeps taking jobs (and drops them) so that the parent never blocks."""
    import traceback

    segments, writer, error = [], None, None
    try:
        ix = whoosh_index.open_dir(ix_path)
    except BaseException:
        error = traceback.format_exc()
    for batch in iter(jobs.get, None):
        try:
            for record in batch if error is None else ():
                if writer is None:
                    writer = _Writer(ix, _lk=False)
                writer.add_record(record)
                if writer.docnum >= SEGMENT_DOCS:
                    segments.append(writer._finalize_segment())
                    writer = None
        except BaseException:
            error = traceback.format_exc()
    try:
        if error is None and writer is not None:
            segments.append(writer._finalize_segment())
    except BaseException:
        error = traceback.format_exc()
    results.put(("ok", segments) if error is None else ("error", error))


def _write_parallel(ix, records, procs: int) -> int:
    """Whoosh's own MpWriter does the same, but its workers use the slow per-field writer."""
    import multiprocessing  # imported here: searching never needs it
    import queue

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    jobs, results = context.Queue(procs * 4), context.Queue()
    workers = [context.Process(target=_worker, args=(ix.storage.folder, jobs, results), daemon=True)
               for _ in range(procs)]
    for worker in workers:
        worker.start()

    def check(action, *args):  # a worker killed outright must not hang the build
        while True:
            try:
                return action(*args, timeout=0.5)
            except (queue.Full, queue.Empty):
                if any(w.exitcode not in (None, 0) for w in workers):
                    raise LegaldocsError("index build failed: a worker process died") from None

    count, batch = 0, []
    try:
        for record in records:
            batch.append(record)
            count += 1
            if len(batch) == 64:
                check(jobs.put, batch)
                batch = []
        for item in [batch] * bool(batch) + [None] * procs:
            check(jobs.put, item)
        outcomes = [check(results.get) for _ in workers]
    except BaseException:
        for worker in workers:
            worker.terminate()
        raise
    for worker in workers:
        worker.join()
    errors = [payload for status, payload in outcomes if status == "error"]
    if errors:
        raise LegaldocsError(f"index build failed in a worker:\n{errors[0]}")
    writer = _Writer(ix)
    writer._close_segment()
    writer._commit_toc([segment for _, segments in outcomes for segment in segments])
    writer._finish()
    return count


def _write_serial(ix, records) -> int:
    writer = _Writer(ix)
    try:
        for record in records:
            writer.add_record(record)
    except BaseException:
        writer.cancel()
        raise
    count = writer.docnum
    writer.commit(merge=False)
    return count



def build_index(index_dir: Path, records: Iterable[dict], *, procs: int = PROCS) -> int:
    """Index ``records`` from scratch; returns the number of documents.

    Built in ``index_dir/.building-*`` (by ``procs`` processes when there are enough records)
    and published by an atomic rename of the ``CURRENT`` pointer; the previous build is kept
    for readers that still have it open, older ones are removed. Other files in
    ``index_dir`` are left alone.
    """
    import shutil
    import tempfile

    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    for stale in index_dir.glob(".building-*"):  # left by a build that was killed a day ago
        if time.time() - stale.stat().st_mtime > 86_400:
            shutil.rmtree(stale, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=".building-", dir=index_dir))
    try:
        ix = whoosh_index.create_in(str(work), _schema())
        records = iter(records)
        first = [record for _, record in zip(range(PARALLEL_MIN), records)]
        if procs > 1 and len(first) == PARALLEL_MIN:
            count = _write_parallel(ix, _chain(first, records), procs)
        else:
            count = _write_serial(ix, _chain(first, records))
        live = index_dir / f"build-{time.time_ns():x}-{os.getpid()}"
        os.rename(work, live)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    previous = _live_dir(index_dir)
    pointer = index_dir / f".{POINTER}.{os.getpid()}"
    pointer.write_text(live.name + "\n", encoding="utf-8")
    os.replace(pointer, index_dir / POINTER)
    for old in index_dir.glob("build-*"):
        if old.name not in (live.name, previous and previous.name):
            shutil.rmtree(old, ignore_errors=True)
    return count


def _chain(first, rest):
    yield from first
    yield from rest


def update_index(index_dir: Path, records: Iterable[dict], deleted_ids: Iterable[str] = ()) -> None:
    """Add or replace ``records`` (by id) and delete ``deleted_ids``, in one commit."""
    writer = _Writer(_open(Path(index_dir)).ix, timeout=30.0, delay=0.1)
    try:
        records = {record["id"]: record for record in records}  # the last of a repeated id wins
        with writer.searcher() as searcher:  # one reader for every delete, not one each
            for doc_id in [*deleted_ids, *records]:
                writer.delete_by_term("id", doc_id, searcher=searcher)
        for record in records.values():
            writer.add_record(record)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
