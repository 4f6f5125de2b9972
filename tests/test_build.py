"""The installable bundle: `./build` (PyInstaller folder + .deb + .tar.gz), then the bundle's --self-test, its
window under offscreen Qt, the figures chain (quantulum3/pint/inflect data) and the packages' contents.

A build takes about a minute or two on 2 cores, so it runs only with MARGINALIA_TEST_BUNDLE=1 (.ci/run sets it).
With MARGINALIA_TEST_DEB_INSTALL=1 as root it also installs the .deb, runs `marginalia --self-test` and removes it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import time
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DIST = REPO / "dist"
BUNDLE = DIST / "marginalia" / "marginalia"
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
DEB_FILES = ("./opt/marginalia/marginalia", "./usr/bin/marginalia", "./usr/share/applications/marginalia.desktop",
             "./usr/share/icons/hicolor/scalable/apps/marginalia.svg")
INSTALLED = ("/opt/marginalia", "/usr/bin/marginalia", "/usr/share/applications/marginalia.desktop",
             "/usr/share/icons/hicolor/scalable/apps/marginalia.svg")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.bundle,
    pytest.mark.skipif(os.environ.get("MARGINALIA_TEST_BUNDLE") != "1",
                       reason="builds the bundle: set MARGINALIA_TEST_BUNDLE=1 (CI does)"),
]


def _env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MARGINALIA_DATA_DIR": str(tmp / "data"),
            "XDG_CONFIG_HOME": str(tmp / "config"), "TMPDIR": str(tmp)}


def _run(cmd: list[str], tmp: Path, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=tmp, env={**_env(tmp), **env}, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    """./build once for the module (zstd .deb: the same package, compressed faster than the default xz)."""
    tmp = tmp_path_factory.mktemp("build")
    start = time.perf_counter()
    done = _run([str(REPO / "build")], tmp, timeout=1800, DEB_COMPRESSION="zstd")
    seconds = time.perf_counter() - start
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    assert "self-test: passed" in done.stdout
    size = sum(f.stat().st_size for f in BUNDLE.parent.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6
    print(f"\n./build: {seconds:.0f} s, dist/marginalia {size:.0f} MB")
    return {"seconds": seconds, "size_mb": size}


def test_bundle_self_test(built: dict[str, float], tmp_path: Path) -> None:
    done = _run([str(BUNDLE), "--self-test"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Marginalia {VERSION}" in done.stdout and "self-test: passed" in done.stdout


def test_bundle_window_shows_fast_without_spacy(built: dict[str, float], tmp_path: Path) -> None:
    start = time.perf_counter()
    done = _run([str(BUNDLE), "--db", str(tmp_path / "p.marginalia")], tmp_path, timeout=120,
                MARGINALIA_EXIT_AFTER_SHOW="1")
    assert done.returncode == 0, done.stderr
    shown = next(line for line in done.stdout.splitlines() if line.startswith("shown:"))
    assert "spacy imported: False" in shown
    print(f"\nbundle: {shown} (process total {time.perf_counter() - start:.1f} s)")


def test_bundle_runs_the_command_line_and_figures(built: dict[str, float], tmp_path: Path) -> None:
    db = str(tmp_path / "cli.marginalia")
    demo = sorted(str(p) for p in (REPO / "resources" / "demo").glob("*.txt"))
    for cmd in (["import", "--db", db, *demo], ["suggest", "--db", db],
                ["figures", "--db", db, "--include-suggestions", "--normalise"], ["stats", "--db", db]):
        done = _run([str(BUNDLE), *cmd], tmp_path)
        assert done.returncode == 0, f"{cmd[0]}: {done.stdout}{done.stderr}"


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="no dpkg-deb here: ./build makes only the .tar.gz")
def test_deb_holds_the_folder_launcher_desktop_entry_and_icon(built: dict[str, float]) -> None:
    debs = sorted(DIST.glob(f"marginalia_{VERSION}_*.deb"))
    assert len(debs) == 1
    listing = subprocess.run(["dpkg-deb", "-c", str(debs[0])], capture_output=True, text=True, check=True).stdout
    names = {line.split()[-1] for line in listing.splitlines()}
    assert all(f in names for f in DEB_FILES), sorted(names)[:20]
    assert all(line.split()[1] == "root/root" for line in listing.splitlines())
    fields = subprocess.run(["dpkg-deb", "-f", str(debs[0]), "Package", "Version"], capture_output=True, text=True,
                            check=True).stdout
    assert "Package: marginalia" in fields and f"Version: {VERSION}" in fields


def test_tarball_holds_the_folder(built: dict[str, float]) -> None:
    tarballs = sorted(DIST.glob(f"marginalia-{VERSION}-linux-*.tar.gz"))
    assert len(tarballs) == 1
    with tarfile.open(tarballs[0]) as tar:
        assert "marginalia/marginalia" in tar.getnames()


@pytest.mark.skipif(os.environ.get("MARGINALIA_TEST_DEB_INSTALL") != "1" or os.geteuid() != 0,
                    reason="installs a system package: set MARGINALIA_TEST_DEB_INSTALL=1 and run as root")
def test_deb_installs_runs_and_uninstalls_cleanly(built: dict[str, float], tmp_path: Path) -> None:
    deb = next(DIST.glob(f"marginalia_{VERSION}_*.deb"))
    assert not any(Path(p).exists() for p in INSTALLED), "marginalia is already installed"
    subprocess.run(["dpkg", "-i", str(deb)], check=True, capture_output=True)
    try:
        assert all(Path(p).exists() for p in INSTALLED)
        done = _run(["marginalia", "--self-test"], tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
    finally:
        subprocess.run(["dpkg", "-r", "marginalia"], check=True, capture_output=True)
    assert not any(Path(p).exists() for p in INSTALLED)
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "marginalia"], capture_output=True, text=True)
    assert status.returncode != 0 or "not-installed" in status.stdout
