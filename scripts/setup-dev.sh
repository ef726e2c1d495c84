#!/usr/bin/env bash
# Install everything the tests need, from the project's own files:
# Python packages into .venv, npm packages (axe-core), Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -r requirements-dev.txt
npm ci --no-audit --no-fund
if ! command -v chromium >/dev/null 2>&1 || ! command -v nginx >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update
  # chromium drives the browser tests; fonts-noto-cjk renders Chinese in screenshots and PDFs;
  # nginx-light checks deploy/nginx.conf for real (tests/test_deploy.py)
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-noto-cjk nginx-light
fi
