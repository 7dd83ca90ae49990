"""The ``brainpy`` namespace: lazy subpackages, errors naming missing distributions."""

from __future__ import annotations

import subprocess
import sys

import brainpy
import pytest
from brainpy import _lazy
from brainpy.errors import BrainPyError, DistributionNotInstalledError


def test_import_is_lazy():
    code = "import sys, brainpy; print(sorted(m for m in sys.modules if m.startswith('brainpy.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = eval(out)  # a list literal printed by the child
    assert not any(
        m.startswith(("brainpy.dyn", "brainpy.nn", "brainpy.analysis", "brainpy.integrators")) for m in loaded
    )
    assert "brainpy.math" not in loaded


def test_aliases_point_to_the_same_module():
    assert brainpy.init is brainpy.initialize
    assert brainpy.optim is brainpy.optimizers


def test_missing_distribution_error_names_it():
    with pytest.raises(DistributionNotInstalledError, match="brainpy-imaginary") as info:
        _lazy._import("brainpy.imaginary_subpackage", "brainpy-imaginary", "brainpy.imaginary")
    assert isinstance(info.value, BrainPyError) and isinstance(info.value, ImportError)
    assert info.value.distribution == "brainpy-imaginary"


def test_broken_import_inside_a_subpackage_is_not_hidden(monkeypatch):
    # A ModuleNotFoundError for a third-party module must propagate unchanged.
    def fake_import(name):
        raise ModuleNotFoundError("No module named 'scipy'", name="scipy")

    monkeypatch.setattr(_lazy.importlib, "import_module", fake_import)
    with pytest.raises(ModuleNotFoundError) as info:
        _lazy._import("brainpy.analysis", "brainpy-analysis", "brainpy.analysis")
    assert not isinstance(info.value, DistributionNotInstalledError)


def test_unknown_attribute():
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        brainpy.nonexistent  # noqa: B018


def test_every_lazy_name_resolves():
    """Installed distributions' names resolve; the others raise an error naming the distribution."""
    from importlib import metadata

    from brainpy.errors import DistributionNotInstalledError

    for name, (_, dist) in _lazy.LAZY_SUBPACKAGES.items():
        try:
            metadata.distribution(dist)
        except metadata.PackageNotFoundError:
            with pytest.raises(DistributionNotInstalledError, match=dist):
                getattr(brainpy, name)
        else:
            assert getattr(brainpy, name) is not None
