"""Shared fixtures: a minimal valid project written into tmp_path (see projectkit.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from projectkit import Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "proj")
