#!/bin/sh
# Prints the python of the project's virtual environment (.venv, or $DENTAL_VENV), creating it on first use
# and installing the requirements file given (relative to the project) whenever requirements change.
set -eu
project=$(cd "$(dirname "$0")/.." && pwd)
venv=${DENTAL_VENV:-$project/.venv}
requirements=$project/$1

base_python() {
    for candidate in python3 python; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done
    echo "error: Python 3.10 or newer is needed: neither python3 nor python on PATH is one" >&2
    exit 2
}

if [ ! -x "$venv/bin/python" ]; then
    echo "Creating $venv (first use only)..." >&2
    python=$(base_python)
    "$python" -m venv "$venv" >&2
fi
stamp=$venv/.installed-$(basename "$requirements")
if ! cat "$project/requirements.txt" "$requirements" | cmp -s - "$stamp" 2>/dev/null; then
    echo "Installing $1 into $venv..." >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
    cat "$project/requirements.txt" "$requirements" >"$stamp"
fi
echo "$venv/bin/python"
