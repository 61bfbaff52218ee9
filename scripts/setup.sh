#!/usr/bin/env bash
# Set up this repository from a fresh clone on a fresh machine; safe to run again (idempotent).
#
#   bash scripts/setup.sh          # .venv with the package (editable) and its runtime dependencies
#   bash scripts/setup.sh --test   # ... plus the test extra and headless Chromium for the page tests
#
# torch is pinned (torch==2.13.0 in pyproject.toml): the pinned CPU build is what pip installs here;
# an unpinned torch would pull a multi-GB CUDA build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WITH_TEST=0
for arg in "$@"; do
    case "$arg" in
        --test) WITH_TEST=1 ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "setup: unknown option: $arg" >&2; exit 2 ;;
    esac
done

say() { echo "setup: $*"; }

quietly() {  # run a command with its output kept out of sight unless it fails
    local log
    log="$(mktemp "${TMPDIR:-/tmp}/qa-setup.XXXXXX")"
    if "$@" >"$log" 2>&1; then
        rm -f "$log"
    else
        local rc=$?
        echo "setup: failed ($rc): $*" >&2
        tail -n 60 "$log" >&2
        rm -f "$log"
        return "$rc"
    fi
}

python_ok() {  # true when "$1" runs and is Python >= 3.11
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

VENV="$ROOT/.venv"
if [[ -x "$VENV/bin/python" ]] && python_ok "$VENV/bin/python"; then
    say ".venv exists ($("$VENV/bin/python" -V 2>&1))"
else
    PY=""
    for cand in "${PYTHON:-}" python3 python3.13 python3.12 python3.11; do
        if [[ -n "$cand" ]] && command -v "$cand" >/dev/null 2>&1 && python_ok "$cand"; then
            PY="$(command -v "$cand")"
            break
        fi
    done
    if [[ -z "$PY" ]]; then
        echo "setup: need Python >= 3.11 (python3 is $(python3 -V 2>&1 || echo missing)); set PYTHON=/path/to/python3.11+" >&2
        exit 1
    fi
    say "creating .venv with $PY ($("$PY" -V 2>&1))"
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
fi

PIP=("$VENV/bin/python" -m pip --disable-pip-version-check)
say "upgrading pip"
quietly "${PIP[@]}" install -q --upgrade pip

if [[ "$WITH_TEST" == 1 ]]; then
    say "installing qa (editable) with the test extra"
    quietly "${PIP[@]}" install -q -e '.[test]'
else
    say "installing qa (editable)"
    quietly "${PIP[@]}" install -q -e .
fi

if [[ "$WITH_TEST" == 1 ]]; then
    if [[ -x /usr/bin/chromium ]]; then
        say "chromium present (/usr/bin/chromium)"
    elif [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        say "installing chromium + chromium-driver (apt-get) for the browser tests"
        export DEBIAN_FRONTEND=noninteractive
        quietly apt-get update -qq
        quietly apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-wqy-zenhei
    else
        say "warning: /usr/bin/chromium missing and not root: browser tests will be skipped"
    fi
fi

"$VENV/bin/python" -c 'import qa' >/dev/null
say "done: activate with '. .venv/bin/activate'; CLI: .venv/bin/qa"
