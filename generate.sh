#!/bin/sh
# Generate a practice: ./generate.sh --patients 100 (every option of main.py; --help lists them).
# First use creates .venv and installs requirements.txt.
set -eu
project=$(cd "$(dirname "$0")" && pwd)
python=$("$project/scripts/venv.sh" requirements.txt)
exec "$python" "$project/main.py" "$@"
