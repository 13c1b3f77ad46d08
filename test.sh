#!/usr/bin/env bash
# Run the test suite. Installs what the tests need: headless Chromium (browser tests), a CJK font
# (rendered test images), redis-server (outage tests start their own), tesseract (OCR peer in bench/).
# Integration tests use PostgreSQL at 127.0.0.1:5432 (db `test`) and Redis at 127.0.0.1:6379;
# override with TEST_POSTGRES_URL / TEST_REDIS_URL. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh g++ chromium fonts-noto-cjk redis-server tesseract-ocr tesseract-ocr-chi-sim
.venv/bin/ruff check .
exec .venv/bin/pytest "$@"
