#!/usr/bin/env bash
# Install Zensical into benchmarks/.zensical-venv for `benchmarks/run.py --zensical` (issue 7,
# stretch goal). Kept apart from .venv: the project never depends on it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 -m venv "$here/.zensical-venv"
"$here/.zensical-venv/bin/pip" install --quiet -r "$here/requirements-zensical.txt"
"$here/.zensical-venv/bin/zensical" --version
