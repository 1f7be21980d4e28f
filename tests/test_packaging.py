"""Packaging: the wheel ships py.typed, the LICENSE and the run schema; ``python -m verify``
is the ``verify`` command; CITATION.cff and CHANGELOG.md name the package's version."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from verify import __version__

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _setuptools_builds_here() -> bool:
    """The venv's setuptools can build this project without isolation (PEP 639 needs 77)."""
    try:
        import setuptools
    except ImportError:
        return False
    major = re.match(r"\d+", setuptools.__version__)
    return major is not None and int(major.group()) >= 77


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)]
    if _setuptools_builds_here():
        cmd.insert(5, "--no-build-isolation")  # offline: the venv's own setuptools
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 and "--no-build-isolation" not in cmd and any(
            m in proc.stderr for m in ("No matching distribution found for setuptools",
                                       "satisfies the requirement setuptools")):
        pytest.skip("no setuptools >= 77 in the venv and no package index to fetch it from")
    assert proc.returncode == 0, proc.stderr[-3000:]
    (path,) = out.glob("verify-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_ships_marker_license_and_schema(wheel) -> None:
    names = wheel.namelist()
    assert "verify/py.typed" in names
    assert "verify/schemas/run.schema.json" in names
    licenses = [n for n in names if n.endswith("/LICENSE") and ".dist-info/" in n]
    assert licenses, names
    text = wheel.read(licenses[0]).decode()
    assert text == (ROOT / "LICENSE").read_text(encoding="utf-8") and "MIT License" in text
    metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT" in metadata and "License-File: LICENSE" in metadata
    assert f"Version: {__version__}" in metadata
    assert "Classifier: Typing :: Typed" in metadata
    assert "Requires-Dist: python-flint>=0.9" in metadata
    runtime = [line for line in metadata.splitlines()
               if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert not any("mpmath" in line for line in runtime), runtime  # never imported by verify


def test_python_dash_m_is_the_verify_command() -> None:
    script = Path(sys.executable).with_name("verify")
    if not script.exists():
        pytest.skip("the verify console script is not installed next to this python")
    as_module = subprocess.run([sys.executable, "-m", "verify", "--version"],
                               capture_output=True, text=True, timeout=60)
    as_script = subprocess.run([str(script), "--version"], capture_output=True, text=True,
                               timeout=60)
    assert as_module.returncode == as_script.returncode == 0, as_module.stderr
    assert as_module.stdout == as_script.stdout == f"verify {__version__}\n"
    # Exit codes pass through: bad input is 2 (one line on stderr), as for the command.
    bad = subprocess.run([sys.executable, "-m", "verify", "coeffs", "relu", "--digits", "0"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1, bad.stderr


def test_versions_agree() -> None:
    assert PYPROJECT["project"]["version"] == __version__
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[?{re.escape(__version__)}\]?\b", changelog, flags=re.M)
    assert re.search(r"^## \[?Unreleased\]?", changelog, flags=re.M)


def test_citation_names_the_version_without_yaml() -> None:
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(r"^cff-version: 1\.2\.0$", text, flags=re.M)
    (version,) = re.findall(r"^version: (\S+)$", text, flags=re.M)
    assert version.strip("\"'") == PYPROJECT["project"]["version"] == __version__


def test_citation_cff() -> None:
    yaml = pytest.importorskip("yaml")
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "software"
    assert cff["version"] == PYPROJECT["project"]["version"] == __version__
    assert cff["license"] == PYPROJECT["project"]["license"] == "MIT"
    assert cff["authors"] == [{"name": "the verify authors"}]
    assert cff["title"] and cff["message"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_paragraph = " ".join(readme.split("\n\n")[1].split())
    assert " ".join(cff["abstract"].split()) == first_paragraph


def test_pyproject_metadata() -> None:
    project = PYPROJECT["project"]
    assert "python-flint>=0.9" in project["dependencies"]
    assert not any(d.startswith("mpmath") for d in project["dependencies"])
    assert any(d.startswith("mpmath") for d in project["optional-dependencies"]["test"])
    assert project["license-files"] == ["LICENSE"]
    for classifier in ("Programming Language :: Python :: 3.11",
                       "Programming Language :: Python :: 3.12",
                       "Topic :: Scientific/Engineering :: Mathematics",
                       "Typing :: Typed"):
        assert classifier in project["classifiers"]
    # PEP 639: with the SPDX expression ``license = "MIT"`` setuptools (>= 77) refuses a
    # "License ::" classifier; the wheel says "License-Expression: MIT" instead.
    assert project["license"] == "MIT"
    assert not any(c.startswith("License ::") for c in project["classifiers"])
