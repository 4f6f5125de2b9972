# Sourced by ./run, ./test and ./build: make sure .venv exists and holds what pyproject.toml asks for.
# Needs only python3 (3.11+). Re-installs when pyproject.toml changes (a hash is kept in .venv).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "marginalia: creating $VENV (first run only)…" >&2
  "$PY" -m venv "$VENV"
fi
want="$(cat "$ROOT/pyproject.toml" | "$VENV/bin/python" -c 'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')"
have="$(cat "$VENV/.marginalia-installed" 2>/dev/null || true)"
if [ "$want" != "$have" ]; then
  echo "marginalia: installing dependencies into .venv…" >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$ROOT[dev]" >&2
  echo "$want" > "$VENV/.marginalia-installed"
fi
