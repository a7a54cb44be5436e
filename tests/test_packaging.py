"""The wheel carries everything: installed into a fresh virtual environment, `salesboard` builds the
demo site from any folder, with the templates that travel inside the package."""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from support.site import site_file

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["call-list.html", "campaigns.html", "customer.html", "data-quality.html", "first-buyers.html",
         "follow-ups.html", "funnel.html", "index.html", "offers.html", "segments.html"]


def run(*command, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The console command of a fresh venv holding only the wheel; the dependencies come from this
    environment's site-packages (a path, so none of this environment's own .pth files apply)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=lambda folder, names: [
        name for name in names if name in {".git", ".venv", "build", "dist", "__pycache__"}
        or name.endswith(".egg-info") or Path(folder) == ROOT and name in {"site", "bench", "tests"}
        or name.startswith(".") and "cache" in name])
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(work / "dist"), str(source),
        cwd=work)
    environment = work / "env"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    purelib = run(str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=work).stdout
    (Path(purelib.strip()) / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    wheel = next((work / "dist").glob("salesboard-*.whl"))
    run(str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel), cwd=work)
    return environment / "bin" / "salesboard"


def test_the_installed_command_builds_every_page_from_another_folder(installed, tmp_path):
    shutil.copytree(ROOT / "input", tmp_path / "Daten")
    elsewhere = tmp_path / "somewhere"
    elsewhere.mkdir()
    result = run(str(installed), "--input", str(tmp_path / "Daten"), "--output", str(tmp_path / "Dashboard"),
                 "--as-of", "2026-11-27", cwd=elsewhere)
    assert "803 Adressen" in result.stdout  # the console speaks the site's language, German by default
    assert sorted(path.name for path in (tmp_path / "Dashboard").glob("*.html")) == PAGES
    assert site_file(tmp_path / "Dashboard", "assets/site.css").is_file()
    assert list(elsewhere.iterdir()) == []


def test_version(installed, tmp_path):
    assert run(str(installed), "--version", cwd=tmp_path).stdout.strip() == "salesboard 0.1.0"
