#!/bin/sh
# Run the tests: ./test.sh (pytest's options work: ./test.sh tests/test_writer.py -x).
# First use creates .venv and installs requirements-dev.txt; the tests start their own throwaway PostgreSQL.
set -eu
project=$(cd "$(dirname "$0")" && pwd)
python=$("$project/scripts/venv.sh" requirements-dev.txt)
cd "$project"
exec "$python" -m pytest "$@"
