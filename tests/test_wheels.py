"""The distributions as wheels in a fresh venv: core alone, then all of them with the example plugin.

This is the install a user of the package index would get: one site-packages holding every
portion of the ``brainpy`` namespace. (The editable installs are what every other test runs on.)
"""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile

import pytest
from _repo import PACKAGES, ROOT

pytestmark = pytest.mark.slow

DISTS = ["core", "integrators", "dyn", "nn", "analysis", "ops"]


def _run(*args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, check=True, **kwargs)


@pytest.fixture(scope="module")
def wheels(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheels")
    paths = [str(PACKAGES / f"brainpy-{d}") for d in DISTS] + [str(ROOT / "examples/plugins/brainpy-plugin-example")]
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), *paths)
    found = {w.name.split("-")[0]: w for w in out.glob("*.whl")}
    assert sorted(found) == sorted([f"brainpy_{d}" for d in DISTS] + ["brainpy_plugin_example"])
    return found


def test_only_core_wheel_ships_the_namespace_root(wheels):
    for name, wheel in wheels.items():
        names = zipfile.ZipFile(wheel).namelist()
        has_root = "brainpy/__init__.py" in names
        assert has_root == (name == "brainpy_core"), name


def test_fresh_venv_core_alone_then_everything(wheels, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = str(env_dir / "bin" / "python")
    pip = [python, "-m", "pip", "install", "-q", "--disable-pip-version-check"]

    _run(*pip, str(wheels["brainpy_core"]))
    code = (
        "import brainpy as bp, brainpy.math as bm\n"
        "from brainpy.errors import DistributionNotInstalledError\n"
        "try:\n    bp.dyn\nexcept DistributionNotInstalledError as e:\n    print('ERROR', e.distribution, e)\n"
    )
    out = _run(python, "-c", code).stdout
    assert out.startswith("ERROR brainpy-dyn") and "pip install" in out

    _run(*pip, *[str(w) for n, w in wheels.items() if n != "brainpy_core"])
    code = (
        "import brainpy as bp\n"
        "mods = [bp.integrators, bp.dyn, bp.nn, bp.analysis, bp.conn, bp.datasets]\n"
        "print(sorted({p.split('site-packages')[0] for p in bp.__path__}) == [bp.__path__[0].split('site-packages')[0]])\n"
    )
    assert _run(python, "-c", code).stdout.strip() == "True"
    listing = _run(python, "-m", "brainpy", "plugins").stdout
    for dist in [f"brainpy-{d}" for d in DISTS] + ["brainpy-plugin-example"]:
        assert f"-{dist}-" in listing.splitlines()[-1], dist
