r"""Hook specifications of the BrainPy plugin system (pluggy project ``brainpy``).

A plugin is a module (or any object) with functions marked by
:data:`brainpy.plugins.hookimpl` whose names are the hooks below. A
distribution makes its plugin module known through the entry-point group
``brainpy``::

    [project.entry-points.brainpy]
    my_lab = "my_lab_models._plugin"

Every hook takes no argument and returns a *declaration*: a mapping from a
public name to the object offered under that name (or, for operator backends,
a sequence of :class:`brainpy.plugins.OperatorBackend` records). Hooks are
called once, lazily, when the registry of their kind is first needed. A plugin
never mutates a registry itself; the core checks each declaration, records
its origin (entry point, distribution, version) and reports clashes.

First-party distributions register their own built-ins through exactly these
hooks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from brainpy.plugins._markers import hookspec

# --------------------------------------------------------------------------
# Numerical integration
# --------------------------------------------------------------------------


@hookspec
def brainpy_ode_methods() -> Mapping[str, type]:
    """ODE integration methods, keyed by the ``method=`` name (lower case).

    Called when ``bp.odeint`` first needs a method. Each value is an
    integrator class (a subclass of ``brainpy.integrators.ode.ODEIntegrator``)
    or a callable with the same constructor signature.

    Example::

        @hookimpl
        def brainpy_ode_methods():
            return {"ralston3": Ralston3}
    """


@hookspec
def brainpy_sde_methods() -> Mapping[str, type]:
    """SDE integration methods, keyed by the ``method=`` name (lower case).

    Called when ``bp.sdeint`` first needs a method. Each value is an
    integrator class (``brainpy.integrators.sde.SDEIntegrator`` subclass).
    """


@hookspec
def brainpy_fde_methods() -> Mapping[str, type]:
    """FDE (fractional) integration methods, keyed by ``method=`` name (lower case).

    Called when ``bp.fdeint`` first needs a method.
    """


@hookspec
def brainpy_dde_methods() -> Mapping[str, type]:
    """Delay-differential-equation methods, keyed by ``method=`` name (lower case).

    Called when ``bp.ddeint`` first needs a method.
    """


# --------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------


@hookspec
def brainpy_neuron_models() -> Mapping[str, type]:
    """Neuron group classes, reachable as ``bp.dyn.<Name>``.

    Example::

        @hookimpl
        def brainpy_neuron_models():
            return {"QuadraticLIF": QuadraticLIF}
    """


@hookspec
def brainpy_synapse_models() -> Mapping[str, type]:
    """Synapse classes, reachable as ``bp.dyn.<Name>``."""


@hookspec
def brainpy_channel_models() -> Mapping[str, type]:
    """Ion-channel classes, reachable as ``bp.dyn.<Name>`` and ``bp.dyn.channels.<Name>``."""


@hookspec
def brainpy_rate_models() -> Mapping[str, type]:
    """Rate (population) model classes, reachable as ``bp.dyn.rates.<Name>`` and ``bp.dyn.<Name>``."""


# --------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------


@hookspec
def brainpy_connectors() -> Mapping[str, type]:
    """Connector classes, reachable as ``bp.conn.<Name>``."""


@hookspec
def brainpy_initializers() -> Mapping[str, type]:
    """Initializer classes, reachable as ``bp.init.<Name>``."""


@hookspec
def brainpy_trainers() -> Mapping[str, type]:
    """Trainer classes of ``brainpy.nn``, reachable as ``bp.nn.<Name>``."""


@hookspec
def brainpy_training_algorithms() -> Mapping[str, Any]:
    """Training algorithms (ridge, RLS, ...), selectable by name in trainers."""


# --------------------------------------------------------------------------
# Operators
# --------------------------------------------------------------------------


@hookspec
def brainpy_operator_backends() -> Sequence[Any]:
    """Implementations of built-in operators for a platform.

    Returns a sequence of :class:`brainpy.plugins.OperatorBackend` records.
    For each operator and platform, the backend with the highest ``priority``
    is used unless one is forced with ``bm.set_op_backend`` or the environment
    variable ``BRAINPY_OP_BACKEND``.
    """


@hookspec
def brainpy_custom_operators() -> Mapping[str, Any]:
    """New operators, reachable as ``brainpy.math.<name>``."""
