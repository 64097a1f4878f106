"""Shared fixtures: the ../shared folder (seeds, gazette texts) and temporary homes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): real seeds and gazette texts not available")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def gazette(shared_dir) -> dict:
    """The 400 gazette documents, by slug."""
    path = shared_dir / "corpus" / "congbao_400.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return {row["slug"]: row for row in rows}


# Figures a test measured (e.g. precision and recall against the seed gold), printed at the
# end of the run so that CI logs show them.
FIGURES: dict = {}


def pytest_terminal_summary(terminalreporter):
    for name, figures in FIGURES.items():
        terminalreporter.write_line(f"{name}: " + ", ".join(f"{k}={v:.3f}" for k, v in figures.items()))
