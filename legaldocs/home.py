"""The home folder: where corpus/ and index/ live, one writer at a time, atomic writes.

A home is chosen by ``--home DIR``, else ``$LEGALDOCS_HOME``, else the current directory.
Every file is written to a temporary name beside its target and renamed over it, so a
crash leaves either the old or the new file, never half of one. Writers take an exclusive
``flock`` on ``.legaldocs.lock``; the kernel releases it when the process dies, so a
killed ingest never leaves a stale lock behind.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .errors import LegaldocsError

ENV_HOME = "LEGALDOCS_HOME"


class BusyError(LegaldocsError):
    """Another process is writing to the home."""


class HomeError(LegaldocsError):
    """The home cannot be read or written (read-only, full, damaged)."""


@dataclass(frozen=True)
class Home:
    root: Path

    @classmethod
    def resolve(cls, home: Optional[str] = None) -> "Home":
        return cls(Path(home or os.environ.get(ENV_HOME) or ".").resolve())

    @property
    def corpus(self) -> Path:
        return self.root / "corpus"

    @property
    def records_dir(self) -> Path:
        return self.corpus / "records"

    @property
    def sources_dir(self) -> Path:
        return self.corpus / "sources"

    @property
    def facts_dir(self) -> Path:
        return self.corpus / "facts"

    @property
    def manifest_path(self) -> Path:
        return self.corpus / "manifest.json"

    @property
    def index_dir(self) -> Path:
        return self.root / "index"

    @property
    def lock_path(self) -> Path:
        return self.root / ".legaldocs.lock"

    def relative(self, path: Path) -> str:
        """A path inside the home as stored in records: relative, with "/"."""
        return Path(os.path.relpath(path, self.corpus)).as_posix()

    def ensure(self) -> None:
        for folder in (self.records_dir, self.sources_dir, self.facts_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise HomeError(f"cannot create {folder}: {exc.strerror}") from exc

    @contextlib.contextmanager
    def writer(self):
        """Hold the home's writer lock; a second writer gets BusyError at once."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            handle = open(self.lock_path, "a+")
        except OSError as exc:
            raise HomeError(f"cannot write to {self.root}: {exc.strerror}") from exc
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise BusyError(
                    f"another legaldocs writer ({holder}) is working on {self.root}; "
                    "try again when it has finished") from exc
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()}")
            handle.flush()
            yield self
        finally:
            handle.close()


@contextlib.contextmanager
def index_builder(home: "Home", wait: bool = True):
    """Hold the index's builder lock (separate from the writer lock, so searches can rebuild
    the index while an ingest runs). Yields False when ``wait`` is False and another
    process is building."""
    try:
        home.root.mkdir(parents=True, exist_ok=True)
        handle = open(home.root / ".legaldocs-index.lock", "a+")
    except OSError as exc:
        raise HomeError(f"cannot write to {home.root}: {exc.strerror}") from exc
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError:
            yield False
            return
        yield True
    finally:
        handle.close()


def _write_through_rename(path: Path, data: bytes) -> None:
    """Write bytes to a temporary file beside ``path``, fsync, rename over ``path``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise HomeError(f"cannot write {path}: {_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise HomeError(f"cannot write {path}: {_reason(exc)}") from exc


def _reason(exc: OSError) -> str:
    return "disk full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))


def write_atomic(path: Path, data: str) -> None:
    """Write text (UTF-8) to ``path`` through a temporary file and a rename."""
    _write_through_rename(path, data.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write bytes to ``path`` through a temporary file and a rename."""
    _write_through_rename(path, data)


def copy_atomic(source: Path, target: Path) -> None:
    """Copy a file's bytes to ``target`` through a temporary file and a rename."""
    _write_through_rename(target, source.read_bytes())


def dump_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"
