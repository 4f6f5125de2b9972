"""app/core must run headless (CLI, tests, worker processes): it never imports Qt, directly or indirectly."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "app" / "core"
QT_PACKAGES = {"PySide6", "PySide2", "shiboken6", "shiboken2", "PyQt6", "PyQt5", "PyQt4", "qtpy", "sip"}
FORBIDDEN = QT_PACKAGES | {"app.ui"}  # the UI layer is Qt by definition


def core_files() -> list[Path]:
    files = sorted(p for p in CORE.rglob("*.py") if "__pycache__" not in p.parts)
    assert CORE / "store.py" in files and CORE / "offsets.py" in files
    return files


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """Every module `source` imports, relative imports resolved, including importlib/__import__ with a literal."""
    tree = ast.parse(source)
    package = module.split(".") if is_package else module.split(".")[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return found


def is_forbidden(module: str) -> bool:
    return any(module == bad or module.startswith(bad + ".") for bad in FORBIDDEN)


def test_the_checker_sees_qt_imports() -> None:
    source = (
        "import os\nimport PySide6.QtCore\nfrom shiboken6 import isValid\nfrom ..ui import widgets\n"
        "from . import store\nfrom .suggest import config\n"
        "def f():\n    import importlib\n    return importlib.import_module('PyQt6.QtGui')\n"
    )
    names = [name for _, name in imported_names(source, "app.core.probe")]
    assert "app.core.store" in names and "app.core.suggest.config" in names
    assert [name for name in names if is_forbidden(name)] == [
        "PySide6.QtCore", "shiboken6", "shiboken6.isValid", "app.ui", "app.ui.widgets", "PyQt6.QtGui",
    ]
    assert [name for _, name in imported_names("from .. import ui", "app.core", is_package=True)] == [
        "app", "app.ui",
    ]


@pytest.mark.parametrize("path", core_files(), ids=lambda p: module_name(p))
def test_no_core_module_imports_qt(path: Path) -> None:
    names = imported_names(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")
    bad = [f"{path.relative_to(ROOT)}:{line}: {name}" for line, name in names if is_forbidden(name)]
    assert bad == []


def test_importing_all_of_core_loads_no_qt() -> None:
    modules = [module_name(p) for p in core_files()]
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{sorted(QT_PACKAGES)!r} or m == 'app.ui' or m.startswith('app.ui.'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
