"""The project runs unchanged on ProperDocs, the maintained continuation of MkDocs 1.6.

The example is built once by MkDocs (in-process, as the other build tests do) and once by the
``properdocs`` command; apart from the generator's name, every output file is the same.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild import build_site

REPO = Path(__file__).resolve().parent.parent
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): GENERATOR.sub(b"", p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix != ".gz"  # the sitemap's gzip header holds a time stamp
    }


def test_properdocs_builds_the_example_like_mkdocs(tmp_path):
    project = tmp_path / "example"
    for name in ("data", "docs", "hooks", "overrides"):
        shutil.copytree(REPO / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    properdocs = Path(sys.executable).with_name("properdocs")
    result = subprocess.run(
        [str(properdocs), "build", "--quiet", "--site-dir", str(tmp_path / "properdocs")],
        cwd=project, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    build_site(project, tmp_path / "mkdocs")
    ours, theirs = _files(tmp_path / "mkdocs"), _files(tmp_path / "properdocs")
    assert set(ours) == set(theirs)
    different = [name for name in ours if ours[name] != theirs[name]]
    assert different == []
