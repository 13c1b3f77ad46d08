#!/usr/bin/env bash
# Run the test suite. Installs what the tests need: headless Chromium (browser tests), a CJK font
# (rendered test images), redis-server (outage tests start their own), tesseract (OCR peer in bench/).
# Integration tests use PostgreSQL at 127.0.0.1:5432 (db `test`) and Redis at 127.0.0.1:6379;
# override with TEST_POSTGRES_URL / TEST_REDIS_URL. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh g++ chromium fonts-noto-cjk redis-server tesseract-ocr tesseract-ocr-chi-sim
# Integration tests need Redis; on a fresh machine without one running, start a throwaway server.
if ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null && [ -z "${TEST_REDIS_URL:-}" ]; then
  echo "no Redis on 127.0.0.1:6379: starting one for the tests"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
fi
.venv/bin/ruff check .
exec .venv/bin/pytest "$@"
