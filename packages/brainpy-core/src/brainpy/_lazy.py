"""Lazy loading of ``brainpy``'s subpackages and top-level names.

The table below is the one place that says which distribution provides which
public name under ``brainpy``. ``brainpy.__getattr__`` consults it.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from brainpy.errors import DistributionNotInstalledError

#: subpackage attribute -> (module path, distribution that ships it)
LAZY_SUBPACKAGES: dict[str, tuple[str, str]] = {
    "math": ("brainpy.math", "brainpy-core"),
    "base": ("brainpy.base", "brainpy-core"),
    "tools": ("brainpy.tools", "brainpy-core"),
    "errors": ("brainpy.errors", "brainpy-core"),
    "check": ("brainpy.check", "brainpy-core"),
    "plugins": ("brainpy.plugins", "brainpy-core"),
    "initialize": ("brainpy.initialize", "brainpy-core"),
    "init": ("brainpy.initialize", "brainpy-core"),
    "optimizers": ("brainpy.optimizers", "brainpy-core"),
    "optim": ("brainpy.optimizers", "brainpy-core"),
    "losses": ("brainpy.losses", "brainpy-core"),
    "integrators": ("brainpy.integrators", "brainpy-integrators"),
    "ode": ("brainpy.integrators.ode", "brainpy-integrators"),
    "sde": ("brainpy.integrators.sde", "brainpy-integrators"),
    "fde": ("brainpy.integrators.fde", "brainpy-integrators"),
    "datasets": ("brainpy.datasets", "brainpy-integrators"),
    "dyn": ("brainpy.dyn", "brainpy-dyn"),
    "connect": ("brainpy.connect", "brainpy-dyn"),
    "conn": ("brainpy.connect", "brainpy-dyn"),
    "inputs": ("brainpy.inputs", "brainpy-dyn"),
    "measure": ("brainpy.measure", "brainpy-dyn"),
    "visualize": ("brainpy.visualize", "brainpy-dyn"),
    "visualization": ("brainpy.visualize", "brainpy-dyn"),
    "running": ("brainpy.running", "brainpy-dyn"),
    "compat": ("brainpy.compat", "brainpy-dyn"),
    "models": ("brainpy.compat.models", "brainpy-dyn"),
    "nn": ("brainpy.nn", "brainpy-nn"),
    "analysis": ("brainpy.analysis", "brainpy-analysis"),
}

#: top-level name -> (module path that defines it, distribution that ships it)
LAZY_ATTRIBUTES: dict[str, tuple[str, str]] = {
    # brainpy-core
    "Base": ("brainpy.base", "brainpy-core"),
    "Collector": ("brainpy.base", "brainpy-core"),
    "TensorCollector": ("brainpy.base", "brainpy-core"),
    "ArrayCollector": ("brainpy.base", "brainpy-core"),
    "Function": ("brainpy.base", "brainpy-core"),
    "clear_name_cache": ("brainpy.base", "brainpy-core"),
    # brainpy-integrators
    "odeint": ("brainpy.integrators", "brainpy-integrators"),
    "sdeint": ("brainpy.integrators", "brainpy-integrators"),
    "fdeint": ("brainpy.integrators", "brainpy-integrators"),
    "ddeint": ("brainpy.integrators", "brainpy-integrators"),
    "JointEq": ("brainpy.integrators", "brainpy-integrators"),
    "IntegratorRunner": ("brainpy.integrators", "brainpy-integrators"),
    "set_default_odeint": ("brainpy.integrators", "brainpy-integrators"),
    "get_default_odeint": ("brainpy.integrators", "brainpy-integrators"),
    "set_default_sdeint": ("brainpy.integrators", "brainpy-integrators"),
    "get_default_sdeint": ("brainpy.integrators", "brainpy-integrators"),
    # brainpy-dyn
    "DynamicalSystem": ("brainpy.dyn", "brainpy-dyn"),
    "Container": ("brainpy.dyn", "brainpy-dyn"),
    "Network": ("brainpy.dyn", "brainpy-dyn"),
    "NeuGroup": ("brainpy.dyn", "brainpy-dyn"),
    "TwoEndConn": ("brainpy.dyn", "brainpy-dyn"),
    "ConstantDelay": ("brainpy.dyn", "brainpy-dyn"),
    "DSRunner": ("brainpy.dyn", "brainpy-dyn"),
    "ReportRunner": ("brainpy.dyn", "brainpy-dyn"),
    "StructRunner": ("brainpy.dyn", "brainpy-dyn"),
    "Runner": ("brainpy.running", "brainpy-dyn"),
    "Monitor": ("brainpy.running", "brainpy-dyn"),
}


def _import(module: str, distribution: str, what: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        missing = exc.name or ""
        if missing.startswith("brainpy.") and (module == missing or module.startswith(missing + ".")):
            raise DistributionNotInstalledError(
                f"{what} is provided by the distribution {distribution!r}, which is not "
                f"installed. Install it with: python3 -m pip install ./packages/{distribution} "
                f"(from a checkout of the toolkit), together with the distributions you already use.",
                distribution=distribution,
            ) from exc
        raise


def load_attribute(name: str) -> Any:
    """Return ``brainpy.<name>``, importing the module that provides it.

    Raises
    ------
    DistributionNotInstalledError
        If the distribution that provides ``name`` is not installed.
    AttributeError
        If ``brainpy`` has no such public name.
    """
    if name in LAZY_SUBPACKAGES:
        module, dist = LAZY_SUBPACKAGES[name]
        return _import(module, dist, f"brainpy.{name}")
    if name in LAZY_ATTRIBUTES:
        module, dist = LAZY_ATTRIBUTES[name]
        return getattr(_import(module, dist, f"brainpy.{name}"), name)
    raise AttributeError(f"module 'brainpy' has no attribute {name!r}")
