#!/usr/bin/env bash
# One command: install, migrate, seed demo data, start API + workers + review UI (embedded defaults:
# SQLite and an embedded Redis under ./var/). Extra arguments go to `moderation demo` (e.g. --port 9000).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh g++
exec .venv/bin/moderation demo "$@"
