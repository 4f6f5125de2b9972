"""`python -m app figures` and `python -m app actors`: output and exit codes."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from app.__main__ import main
from tests.figures_support import FIGURES, tag_corpus

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, corpus_files: list[Path]) -> Path:
    path = tmp_path_factory.mktemp("cli") / "p.marginalia"
    tag_corpus(path, corpus_files).store.close()
    return path


def test_figures_table_json_and_csv(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--db", str(project)]) == 0
    out = capsys.readouterr().out
    assert "== troops: 2 figure(s)" in out and "CONFLICT" in out and "≈60,000 troops" in out

    assert main(["figures", "--db", str(project), "--json", "--tolerance", "0.04"]) == 0
    data = orjson.loads(capsys.readouterr().out)
    groups = {g["group"]: g for g in data["groups"]}
    assert data["figures"] == len(FIGURES) and data["tolerance"] == 0.04
    assert groups["troops · North Korean"]["conflict"] and groups["casualties"]["conflict"]
    assert (groups["troops"]["min"], groups["troops"]["max"]) == (50_000, 60_000)

    out_csv = tmp_path / "ledger.csv"
    assert main(["figures", "--db", str(project), "--csv", str(out_csv)]) == 0
    with open(out_csv, encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == len(FIGURES)


def test_figures_normalise_keeps_edits(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--db", str(project), "--normalise", "--json"]) == 0
    captured = capsys.readouterr()
    assert "stored attributes of 0 figure(s)" in captured.err  # all were computed when tagged


def test_figures_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--db", str(tmp_path / "missing.marginalia")]) == 1
    assert not (tmp_path / "missing.marginalia").exists()  # never creates a project
    assert main(["figures", "--db", str(tmp_path / "x"), "--tolerance", "-1"]) == 2
    with pytest.raises(SystemExit) as info:
        main(["figures", "--db", str(tmp_path / "x"), "--bogus"])
    assert info.value.code == 2
    assert main(["actors", "--db", str(tmp_path / "missing.marginalia")]) == 1
    empty = tmp_path / "empty.marginalia"
    from app.core.store import Store

    Store(empty).close()
    assert main(["figures", "--db", str(empty)]) == 0
    assert "No figures" in capsys.readouterr().out


def test_actors_propose_and_confirm(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "--db", str(project), "--propose", "--json"]) == 0
    data = orjson.loads(capsys.readouterr().out)
    proposals = {p["alias_text"]: p for p in data["proposals"]}
    assert proposals["Zelensky"]["target_text"] == "Volodymyr Zelensky"
    assert main(["actors", "--db", str(project), "--confirm", str(proposals["Zelensky"]["id"])]) == 0
    out = capsys.readouterr().out
    assert "Volodymyr Zelensky #" in out and "Proposed aliases" in out
    assert main(["actors", "--db", str(project), "--confirm", "99999"]) == 1
    assert main(["actors", "--db", str(project), "--confirm-all"]) == 0
    out = capsys.readouterr().out
    assert "Mr. Zelensky" in out and "Proposed aliases" not in out


def test_python_dash_m_app_figures(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "figures", "--db", str(project), "--json"],
        cwd=REPO, capture_output=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert orjson.loads(result.stdout)["figures"] == len(FIGURES)
